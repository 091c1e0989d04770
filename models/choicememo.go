package models

import (
	"math"
	"math/bits"
)

// choiceMemo remembers the logit's weights of the choices whose utilities
// depend on nothing but the customer's issue, which channels may be
// chosen, and which of them gets the stay bonus: without word of mouth
// (or with a wait term of 0) a channel's utility is preference + fit −
// WaitWeight · ln(ExpectedWait / 1 minute) (+ stay), the same numbers at
// every choice. Each weight exp(u − best) and their total are then taken
// once for each such case, by the same arithmetic as the exact choice
// (utility, logitWeight), and the same draw picks the same channel from
// them (pickFrom): the same bits, without the choice's exponentials.
type choiceMemo struct {
	n       int       // channels
	total   []float64 // each case's total weight, 0 if not taken yet
	weights []float64 // each case's weights, n a case
}

// openMemo remembers the channels customers may choose of their own
// accord (Choosable) that are open, as a mask, at every time in [from,
// to): the channels' windows of opening hours (openWindow) overlap there
// (choosableOpen).
type openMemo struct {
	from, to float64
	mask     int
}

// maxMemoWeights bounds the weights a memo holds, so that worlds of many
// channels or issues make their choices without one.
const maxMemoWeights = 1 << 14

// newChoiceMemo returns a memo for the choices of w, nil if they may not
// have one: with word of mouth and a wait term the utilities change with
// the reputations, and with many channels or issues the cases are too many.
func newChoiceMemo(w *world) *choiceMemo {
	if w.wom.on && !w.waitIgnored {
		return nil
	}
	n, issues := len(w.channels), max(len(w.cfg.Issues), 1)
	if n == 0 || n > 8 {
		return nil
	}
	cases := issues * (n + 1) << n
	if cases*n > maxMemoWeights {
		return nil
	}
	return &choiceMemo{n: n, total: make([]float64, cases), weights: make([]float64, cases*n)}
}

// chooseMemo is choose with w.memo: the same channel for the same draw,
// and the same draws taken. The eligible channels' reputations are brought
// up to now, as waitTerm does.
func (w *world) chooseMemo(cu *customer, only []string, stay, avoid *channel, now float64) *channel {
	m := w.memo
	mask, stayAt := w.memoMask(only, stay, avoid, now)
	if mask == 0 {
		return nil
	}
	k := memoKey(cu.issue, stayAt, mask, m.n)
	weights := m.weights[k*m.n : (k+1)*m.n]
	if m.total[k] == 0 {
		m.total[k] = w.memoWeights(weights, cu, mask, stay, now)
	}
	if mask&(mask-1) == 0 {
		// One channel may be chosen: its weight is 1 (logitWeight), the
		// others' 0, and pickFrom gives it whatever the draw. The draw is
		// counted, not made (keyedDraws.skip).
		w.draws.skip(cu, drawChoice)
		return w.channels[bits.TrailingZeros(uint(mask))]
	}
	return w.pickFrom(weights, m.total[k], w.draws.seed(cu, drawChoice).Float64())
}

// memoMask is eligibleMask, the channels that may be chosen now and
// stay's index + 1 among them, their reputations brought up to now:
// without a list of the channels that may be chosen, from the channels
// open (choosableOpen).
func (w *world) memoMask(only []string, stay, avoid *channel, now float64) (mask, stayAt int) {
	if only != nil {
		return w.eligibleMask(only, stay, avoid, now)
	}
	mask = w.choosableOpen(now)
	if avoid != nil {
		mask &^= 1 << avoid.idx
	}
	if stay != nil && mask&(1<<stay.idx) != 0 {
		stayAt = stay.idx + 1
	}
	w.fadeMask(mask, now)
	return mask, stayAt
}

// fadeMask brings the reputations of the channels in mask up to now, in
// the order of the channels, as waitTerm would in a choice among them;
// without word of mouth there are none to bring.
func (w *world) fadeMask(mask int, now float64) {
	if w.wom.on {
		w.fadeEach(mask, now)
	}
}

// fadeEach is fadeMask with word of mouth: kept apart so that fadeMask,
// a test and a return without it, is inlined into the choices.
func (w *world) fadeEach(mask int, now float64) {
	for m := uint(mask); m != 0; m &= m - 1 {
		w.wom.fade(&w.channels[bits.TrailingZeros(m)].reputation, now)
	}
}

// choosableOpen returns the mask of the channels customers may choose of
// their own accord (Channel.Choosable) that are open at now: the channels
// eligible tells may be chosen with no list of them and none to avoid. It
// is remembered over the times at which every such channel's window of
// opening hours holds (openWindow), where each channel's isOpen gives the
// same answer; a channel whose window is empty leaves it empty, asked again
// at the next choice.
func (w *world) choosableOpen(now float64) int {
	if now >= w.open.from && now < w.open.to {
		return w.open.mask
	}
	return w.openAgain(now)
}

// openAgain is choosableOpen outside the span remembered: it finds the
// mask and the span anew and remembers them. Kept apart so that
// choosableOpen, a comparison and a load inside the span, is inlined.
func (w *world) openAgain(now float64) int {
	m := &w.open
	mask, from, to := 0, math.Inf(-1), math.Inf(1)
	for i, ch := range w.channels {
		if !ch.cfg.Choosable {
			continue
		}
		if ch.isOpen(now) {
			mask |= 1 << i
		}
		from, to = max(from, ch.hours.from), min(to, ch.hours.to)
	}
	m.from, m.to, m.mask = from, to, mask
	return mask
}

// eligibleMask returns the mask of the channels eligible tells may be
// chosen now and stayAt, stay's index + 1 if it is one of them, else 0,
// bringing their reputations up to now, as waitTerm does.
func (w *world) eligibleMask(only []string, stay, avoid *channel, now float64) (mask, stayAt int) {
	for i, ch := range w.channels {
		if !w.eligible(ch, only, avoid, now) {
			continue
		}
		mask |= 1 << i
		if ch == stay {
			stayAt = i + 1
		}
	}
	w.fadeMask(mask, now)
	return mask, stayAt
}

// memoKey is the index of a case among a memo's issues·(n+1)·2ⁿ: the
// customer's issue, stayAt (the failed channel's index + 1, 0 for none) and
// mask (the channels that may be chosen), in mixed radix, a case each.
func memoKey(issue, stayAt, mask, n int) int {
	return (issue*(n+1)+stayAt)<<n | mask
}

// memoWeights puts in weights the logit's weight of each channel for a
// customer of cu's issue when the channels in mask may be chosen now, and
// returns their total: the numbers utilities and pickExact compute.
func (w *world) memoWeights(weights []float64, cu *customer, mask int, stay *channel, now float64) float64 {
	best := math.Inf(-1)
	for i, ch := range w.channels {
		weights[i] = math.Inf(-1)
		if mask&(1<<i) != 0 {
			weights[i] = w.utility(ch, cu, stay, w.waitTerm(ch, now))
			best = math.Max(best, weights[i])
		}
	}
	total := 0.0
	for i, u := range weights {
		weights[i] = logitWeight(u, best)
		total += weights[i]
	}
	return total
}
