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
func (w *world) choose(cu *customer, only []string, stay, avoid *channel) *channel {
	now := w.eng.Now()
	weights := w.choiceW[:0]
	best := math.Inf(-1)
	for _, ch := range w.channels {
		u := math.Inf(-1)
		if w.eligible(ch, only, avoid, now) {
			u = ch.cfg.Preference + ch.cfg.Fit[cu.issue] - w.waitTerm(ch, now)
			if ch == stay {
				u += w.cfg.Choice.Stay
			}
			best = math.Max(best, u)
		}
		weights = append(weights, u)
	}
	w.choiceW = weights
	if math.IsInf(best, -1) {
		return nil
	}
	total := 0.0
	for i, u := range weights {
		weights[i] = logitWeight(u, best)
		total += weights[i]
	}
	x := w.draws.seed(cu, drawChoice).Float64() * total
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
			best = math.Min(best, ch.nextOpen(now))
		}
	}
	return best
}
