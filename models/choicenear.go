package models

import "math"

// chooseNear is choose by the wait term's sum with the remembered weights
// m (nearChoice, nearWeights): the utilities, the best and the first
// channel that has it in one pass over the channels (nearUtilities), then
// the weights and the draw's channel (pickNearAt). It makes the choice
// utilities and pickNear make, from the same numbers, with fewer calls and
// loops; a choice it is not sure of is made again from the exact
// utilities, as choose does.
func (w *world) chooseNear(cu *customer, only []string, stay, avoid *channel, now float64, m *nearWeights) *channel {
	best, bestAt := w.nearUtilities(cu, only, stay, avoid, now)
	if math.IsInf(best, -1) {
		return nil
	}
	f := w.draws.seed(cu, drawChoice).Float64()
	if ch, sure := w.pickNearAt(f, best, bestAt, cu, stay, m); sure {
		return ch
	}
	best = w.utilities(cu, only, stay, avoid, now, false)
	return w.pickExact(f, best)
}

// nearUtilities puts in w.choiceW the utility of each channel for customer
// cu now by the wait term's sum, −Inf for a channel that may not be
// chosen, as utilities(…, near true) does, and returns the greatest and
// the index of the first channel that has it (0 if none may be chosen).
// The reputations are brought up to now as nearWaitTerm brings them, and
// each utility is the same expression of the same numbers: preference +
// fit − WaitWeight · (ln(ExpectedWait / 1 minute) + reputation), plus Stay
// on stay. Without a list of the channels that may be chosen, those open
// are read from the remembered mask (choosableOpen), which holds what
// eligible would tell of each.
func (w *world) nearUtilities(cu *customer, only []string, stay, avoid *channel, now float64) (best float64, bestAt int) {
	utils := w.choiceW[:0]
	best = math.Inf(-1)
	ww, inertia := w.cfg.Choice.WaitWeight, w.cfg.WordOfMouth.Inertia
	open := -1 // every channel, each asked (eligible)
	if only == nil {
		open = w.choosableOpen(now)
	}
	for i, ch := range w.channels {
		u := math.Inf(-1)
		if open&(1<<i) != 0 && ch != avoid && (open >= 0 || w.eligible(ch, only, avoid, now)) {
			b := &ch.reputation
			w.wom.fade(b, now)
			u = ch.cfg.Preference + ch.cfg.Fit[cu.issue] - ww*(ch.logExpected+b.sum/(inertia+b.weight))
			if ch == stay {
				u += w.cfg.Choice.Stay
			}
			best = max(best, u)
		}
		utils = append(utils, u)
	}
	w.choiceW = utils
	for i, u := range utils {
		if u == best {
			return best, i
		}
	}
	return best, 0
}

// pickNearAt is pickNear with the remembered weights m, the first channel
// with the best utility known (bestAt): the choice of draw f from the
// utilities by the sum in w.choiceW, and whether it is sure to be the
// exact utilities' (further than nearMargin from every end of a channel's
// part of the total).
func (w *world) pickNearAt(f, best float64, bestAt int, cu *customer, stay *channel, m *nearWeights) (*channel, bool) {
	weights := w.choiceW
	stayAt := 0
	if stay != nil {
		stayAt = stay.idx + 1
	}
	k := m.key(cu.issue, stayAt, bestAt)
	total := 0.0
	for i, u := range weights {
		switch {
		case u == best:
			weights[i] = 1
		case math.IsInf(u, -1):
			weights[i] = 0
		default:
			weights[i] = m.weight(k+i, u-best)
		}
		total += weights[i]
	}
	return w.pickSure(f, total)
}
