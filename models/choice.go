package models

import "math"

// Choice is the multinomial logit by which a customer picks a channel: the
// chance of channel c is proportional to exp(U_c) over the open choosable
// channels, with
//
//	U_c = preference_c + fit_c(issue) − WaitWeight · ln(expected wait_c / 1 minute)
//
// and, for a customer trying again, + Stay on the channel that just failed
// them.
type Choice struct {
	// WaitWeight is how much the expected wait counts (scenario key
	// wait_weight): at 1, a channel expected to answer twice as fast is
	// twice as likely to be chosen, other things equal.
	WaitWeight float64
	// Stay is the extra attractiveness of trying the same channel again
	// after a failure; negative values push customers to switch.
	Stay float64
}

func (c *Choice) check(p problems) {
	if !(c.WaitWeight >= 0) || !finite(c.WaitWeight) {
		p.At("wait_weight").Add("must be a finite number ≥ 0, not %v", c.WaitWeight)
	}
	if !finite(c.Stay) {
		p.At("stay").Add("must be a finite number, not %v", c.Stay)
	}
}

// choose picks a channel for customer cu by the multinomial logit of
// Choice among the open, choosable channels; among only, if given. stay, if
// not nil, is the channel that just failed the customer and gets the Stay
// bonus; avoid, if not nil, is left out. It returns nil when no channel is
// open.
//
// With word of mouth and a wait term (nearChoice), the utilities are first
// taken with the wait term's sum, which needs neither logarithm nor
// exponential, and the choice is kept when it is sure to be the one the
// exact utilities make (pickNear); otherwise, with a chance of about
// 2·10⁻⁸ for each end of a channel's part of the total weight, it is made
// again from them.
func (w *world) choose(cu *customer, only []string, stay, avoid *channel) *channel {
	now := w.eng.Now()
	if w.memo != nil {
		return w.chooseMemo(cu, only, stay, avoid, now)
	}
	if w.nearChoice {
		if m := w.wom.nearWeights(w); m != nil {
			return w.chooseNear(cu, only, stay, avoid, now, m)
		}
	}
	best := w.utilities(cu, only, stay, avoid, now, w.nearChoice)
	if math.IsInf(best, -1) {
		return nil
	}
	f := w.draws.seed(cu, drawChoice).Float64()
	if w.nearChoice {
		if ch, sure := w.pickNear(f, best, cu, stay); sure {
			return ch
		}
		best = w.utilities(cu, only, stay, avoid, now, false)
	}
	return w.pickExact(f, best)
}

// pickExact makes the choice of draw f from the utilities in w.choiceW,
// best the greatest: the first channel whose part of the total weight
// holds the draw's point, f of the way along it.
func (w *world) pickExact(f, best float64) *channel {
	weights := w.choiceW
	total := 0.0
	for i, u := range weights {
		weights[i] = logitWeight(u, best)
		total += weights[i]
	}
	return w.pickFrom(weights, total, f)
}

// pickFrom returns the first channel whose part of the total of the
// logit's weights, one for each channel, holds the draw's point, f of the
// way along it.
func (w *world) pickFrom(weights []float64, total, f float64) *channel {
	x := f * total
	var last *channel
	for i, wt := range weights {
		if wt == 0 {
			continue
		}
		last = w.channels[i]
		if x < wt {
			return last
		}
		x -= wt
	}
	return last // rounding at the very end of the sum
}

// utilities puts in w.choiceW the utility of each channel for customer cu
// now, −Inf for a channel that may not be chosen (choose), and returns the
// greatest, −Inf if none may. near takes the wait term by its sum
// (nearWaitTerm).
func (w *world) utilities(cu *customer, only []string, stay, avoid *channel, now float64, near bool) float64 {
	utils := w.choiceW[:0]
	best := math.Inf(-1)
	for _, ch := range w.channels {
		u := math.Inf(-1)
		if w.eligible(ch, only, avoid, now) {
			if near {
				u = w.utility(ch, cu, stay, w.nearWaitTerm(ch))
			} else {
				u = w.utility(ch, cu, stay, w.waitTerm(ch, now))
			}
			best = max(best, u)
		}
		utils = append(utils, u)
	}
	w.choiceW = utils
	return best
}

// utility returns the logit's utility of ch for customer cu with the wait
// term term: preference + fit − term, and the Stay bonus if ch is stay.
func (w *world) utility(ch *channel, cu *customer, stay *channel, term float64) float64 {
	u := ch.cfg.Preference + ch.cfg.Fit[cu.issue] - term
	if ch == stay {
		u += w.cfg.Choice.Stay
	}
	return u
}

// nearWaitTerm returns WaitWeight · (ln(ExpectedWait / 1 minute) +
// reputation), the wait term as a sum: ln(ExpectedWait · e^reputation / 1
// minute) in exact arithmetic, within 1.1·10⁻¹⁴ · WaitWeight of the
// computed one (nearMargin). The reputation is brought up to now as the
// exact term would.
func (w *world) nearWaitTerm(ch *channel) float64 {
	return w.cfg.Choice.WaitWeight * (ch.logExpected + w.wom.value(&ch.reputation, w.cfg.WordOfMouth.Inertia))
}

// nearMargin is how close, as a share of the weights' total, the choice's
// draw may come to the end of a channel's part of it before pickNear
// leaves the choice to the exact utilities.
//
// The bounds nearChoice sets (|preference|, |fit|, |stay| and wait_weight
// at most 100, ExpectedWait between a millisecond and 10⁹ seconds) keep
// every utility below 2,500 in size and the wait term's logarithm below 20,
// so that the utilities by the sum are within 10⁻¹¹ of the exact ones: the
// computed logarithm of ExpectedWait · e^v / 60 is within 1 ulp of the
// logarithm of a number within 4 ulps (2 of exp, 2 of the product and
// quotient) of the exact one, that is within 20 · 2⁻⁵² + 4 · 2⁻⁵³ ≈ 5·10⁻¹⁵
// of ln(ExpectedWait / 60) + v; the sum, of ln(ExpectedWait / 60) taken
// once (its own ulp and the quotient's) and v, within 6·10⁻¹⁵ of it; the
// two within 1.1·10⁻¹⁴ of each other, times wait_weight 1.1·10⁻¹², and
// the product's and the utility's additions round by at most 4 half ulps
// of 2,500, 10⁻¹². Each weight exp(u − best) is then within a factor
// e^(10⁻¹¹) of the exact one (and 10⁻¹³ more when it is taken from a
// remembered exponential, nearWeights.weight), and every partial sum of the weights, the
// total and the draw's point in it within 10⁻¹⁰ of the total (the sums'
// own roundings, an ulp of the total each, far below). A margin of 10⁻⁸ of
// the total leaves a hundredfold room: where the draw's point lies further
// than that from every end, the exact weights put it in the same channel's
// part.
const nearMargin = 1e-8

// pickNear makes the choice of draw f from the utilities by the sum in
// w.choiceW, best the greatest, as choose does from the exact ones, and
// tells whether it is sure to be theirs: whether the draw's point lies
// further than nearMargin from every end of a channel's part of the total.
// cu is the customer choosing and stay the channel given the stay bonus,
// nil for none: the case whose weights word of mouth remembers
// (nearWeights).
func (w *world) pickNear(f, best float64, cu *customer, stay *channel) (*channel, bool) {
	weights := w.choiceW
	if m := w.wom.nearWeights(w); m != nil {
		bestAt := 0
		for i, u := range weights {
			if u == best {
				bestAt = i
				break
			}
		}
		return w.pickNearAt(f, best, bestAt, cu, stay, m)
	}
	total := 0.0
	for i, u := range weights {
		weights[i] = logitWeight(u, best)
		total += weights[i]
	}
	return w.pickSure(f, total)
}

// pickSure makes the choice of draw f from the weights in w.choiceW, whose
// sum is total, and tells whether it is sure to be the exact weights':
// whether the draw's point lies further than nearMargin from every end of a
// channel's part of the total.
func (w *world) pickSure(f, total float64) (*channel, bool) {
	x, margin := f*total, nearMargin*total
	for i, wt := range w.choiceW {
		if wt == 0 {
			continue
		}
		if math.Abs(x-wt) <= margin {
			return nil, false
		}
		if x < wt {
			return w.channels[i], true
		}
		x -= wt
	}
	return nil, false
}

// nearChoice tells whether choices in cfg may take the wait term by its
// sum (choose): with word of mouth and a wait term, and within the bounds
// nearMargin's reckoning needs.
func nearChoice(cfg *Config) bool {
	c := cfg.Choice
	if !cfg.WordOfMouth.Enabled || noWaitTerm(cfg) || !(c.WaitWeight <= 100) || !(math.Abs(c.Stay) <= 100) {
		return false
	}
	for i := range cfg.Channels {
		ch := &cfg.Channels[i]
		if !(ch.ExpectedWait >= 1e-3 && ch.ExpectedWait <= 1e9) || !(math.Abs(ch.Preference) <= 100) {
			return false
		}
		for _, f := range ch.Fit {
			if !(math.Abs(f) <= 100) {
				return false
			}
		}
	}
	return true
}

// logitWeight returns exp(u − best), a channel's weight in the logit: 0
// for an ineligible channel (u = −Inf) and 1 for the best, the values
// math.Exp gives for −Inf and 0, without calling it. Each choice has a
// best channel, so this saves one exponential in every choice, and the
// rest of them in a choice among one open channel.
func logitWeight(u, best float64) float64 {
	switch {
	case u == best:
		return 1
	case math.IsInf(u, -1):
		return 0
	}
	return math.Exp(u - best)
}

// waitTerm returns the logit's wait term on ch now: WaitWeight times
// logExpected. When the wait does not count (WaitWeight 0, waitIgnored)
// it is 0 without the logarithm, nor the exponential of word of mouth:
// WaitWeight · ln(…) is then ±0, for the logarithm is finite (noWaitTerm),
// and a utility's zero sign changes no weight (u = best gives 1, else
// exp(u − best) with u − best the same number). The reputation is still
// brought up to now, for it must fade at the same instants to give the
// same numbers later.
func (w *world) waitTerm(ch *channel, now float64) float64 {
	if w.waitIgnored {
		if w.wom.on {
			w.wom.fade(&ch.reputation, now)
		}
		return 0
	}
	return w.cfg.Choice.WaitWeight * w.logExpected(ch)
}

// noWaitTerm tells whether the choice's wait term is 0 in every choice of
// cfg: WaitWeight is 0 and ln(expected wait / 1 minute) finite on every
// channel whatever its reputation, which keeps the expected wait within a
// factor e^maxSurprise of ExpectedWait (minExpected, maxExpected); the
// bounds on ExpectedWait leave room for that.
func noWaitTerm(cfg *Config) bool {
	if cfg.Choice.WaitWeight != 0 {
		return false
	}
	for i := range cfg.Channels {
		if e := cfg.Channels[i].ExpectedWait; !(e >= 1e-280 && e <= 1e280) {
			return false
		}
	}
	return true
}

// logExpected returns ln(expected wait on ch / 1 minute), the logit's wait
// term. Without word of mouth the expected wait never changes, and the
// logarithm, taken once, is the same number.
func (w *world) logExpected(ch *channel) float64 {
	if !w.wom.on {
		return ch.logExpected
	}
	return math.Log(w.wom.expected(ch) / 60)
}

// eligible tells whether ch may be chosen now.
func (w *world) eligible(ch *channel, only []string, avoid *channel, now float64) bool {
	if ch == avoid || !ch.isOpen(now) {
		return false
	}
	if only == nil {
		return ch.cfg.Choosable
	}
	for _, name := range only {
		if name == ch.cfg.Name {
			return true
		}
	}
	return false
}

// nextOpening returns the first time after now at which a channel a
// choosing customer may pick opens, +Inf if none ever does.
func (w *world) nextOpening(now float64) float64 {
	best := math.Inf(1)
	for _, ch := range w.channels {
		if ch.cfg.Choosable {
			best = min(best, ch.nextOpen(now))
		}
	}
	return best
}
