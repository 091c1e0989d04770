package erlang

import (
	"fmt"
	"math"
)

// C returns the Erlang C (M/M/n) figures for p: Poisson arrivals,
// exponential handle times, p.Agents agents and customers who never abandon.
// p.Patience is ignored. The queue has a steady state only when there are
// more agents than the offered load a = λ/μ; otherwise C returns an error.
//
// With B = B(n, a), the probability of waiting is C = n·B / (n − a(1 − B)),
// the service level 1 − C·e^(−(nμ−λ)T) and the average speed of answer
// C/(nμ − λ) (Gans, Koole and Mandelbaum 2003).
func C(p Params) (Result, error) {
	if err := validate(p, true); err != nil {
		return Result{}, err
	}
	a := p.ArrivalRate * p.HandleTime
	if err := stable(p.Agents, a); err != nil {
		return Result{}, err
	}
	return erlangC(p, p.Agents, B(p.Agents, a)), nil
}

// stable returns an error unless n agents can carry load a Erlangs without
// the queue growing for ever.
func stable(n int, a float64) error {
	if float64(n) <= a {
		return fmt.Errorf("erlang: unstable queue: an offered load of %.4g Erlangs needs more than %d agents (Erlang C has no steady state unless agents exceed the load)", a, n)
	}
	return nil
}

// erlangC returns the Erlang C figures for n agents given e = B(n, a).
// The caller has validated p and checked that n > a.
func erlangC(p Params, n int, e float64) Result {
	a := p.ArrivalRate * p.HandleTime
	nf := float64(n)
	c := nf * e / (nf - a*(1-e))
	// gap is nμ − λ, the rate at which the queue drains when every agent
	// is busy; (n − a)/AHT avoids the cancellation of nμ − λ.
	gap := (nf - a) / p.HandleTime
	// decay is P(W > T | W > 0) = e^(−(nμ−λ)T); T = 0 is kept apart so that
	// an overflowing gap (absurdly many agents) cannot make ∞·0.
	decay := 1.0
	if p.AnswerWithin > 0 {
		decay = math.Exp(-gap * p.AnswerWithin)
	}
	sl := 1 - c*decay
	asa := c / gap
	return Result{
		Agents:               n,
		OfferedLoad:          a,
		PWait:                c,
		PAbandon:             0,
		ServiceLevel:         sl,
		ServiceLevelAnswered: sl,
		ASA:                  asa,
		MeanWait:             asa,
		Occupancy:            a / nf,
	}
}
