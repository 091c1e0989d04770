package erlang

import (
	"fmt"
	"math"
)

// A returns the Erlang A (M/M/n+M) figures for p: Poisson arrivals,
// exponential handle times, p.Agents agents and customers who abandon after
// an exponential patience with mean p.Patience (Garnett, Mandelbaum and
// Reiman 2002). Unlike Erlang C the queue is stable at any load. If
// p.Patience is 0 or +Inf, customers never abandon and A returns C(p).
//
// With θ = 1/Patience, μ = 1/HandleTime, x = nμ/θ, y = λ/θ, ρ = λ/(nμ),
// E = B(n, λ/μ) and A(x, y) = x·e^y·y^(−x)·γ(x, y) (γ the lower incomplete
// gamma function):
//
//	P(W > 0)      = A·E / (1 + (A − 1)·E)
//	P(Ab | W > 0) = 1/(ρA) + 1 − 1/ρ
//	P(Ab)         = P(W > 0)·P(Ab | W > 0)
//
// For the service level, the virtual wait V of a waiting arrival has
// P(V > t | W > 0) = γ(x, y·e^(−θt)) / γ(x, y), and an arrival is answered
// iff V is below its patience. Integrating e^(−θt) against that law gives the
// share of waiting arrivals answered after more than T,
//
//	R(T) = γ(x+1, y·e^(−θT)) / (y·γ(x, y)),
//
// so ServiceLevel = 1 − P(Ab) − P(W > 0)·R(T); R(0) = 1 − P(Ab | W > 0) and
// R(∞) = 0. MeanWait = P(Ab)/θ by Little's law on the abandoning stream;
// ASA comes from the series in waitSeries.
func A(p Params) (Result, error) {
	if !abandons(p) {
		return C(p)
	}
	if err := validate(p, true); err != nil {
		return Result{}, err
	}
	return erlangA(p, p.Agents, B(p.Agents, p.ArrivalRate*p.HandleTime), true)
}

// erlangA returns the Erlang A figures for n agents given e = B(n, a). The
// caller has validated p and checked that the patience is finite and
// positive. Without withASA the series for ASA is skipped and ASA is left 0:
// Staff needs only the closed forms while it searches.
func erlangA(p Params, n int, e float64, withASA bool) (Result, error) {
	f, err := newAWaits(p, n, e)
	if err != nil {
		return Result{}, err
	}
	return f.result(p, withASA)
}

// aWaits holds the figures of Erlang A at n agents that take only
// log A(x, y): the chances of waiting and of abandoning.
type aWaits struct {
	n          int
	x, y, la   float64
	pWait, pAb float64
}

// newAWaits computes erlangA's figures that take only log A(x, y).
func newAWaits(p Params, n int, e float64) (aWaits, error) {
	nf := float64(n)
	x := nf * p.Patience / p.HandleTime // nμ/θ
	y := p.ArrivalRate * p.Patience     // λ/θ
	if !(x > 0 && y > 0) || math.IsInf(x, 1) || math.IsInf(y, 1) {
		return aWaits{}, fmt.Errorf("erlang: patience %v s is out of range for Erlang A with handle time %v s and n = %d (x = nμ/θ = %v and y = λ/θ = %v must be positive and finite)", p.Patience, p.HandleTime, n, x, y)
	}
	la := logA(x, y)

	// P(W > 0) = 1/(1 + (1/E − 1)/A), in logs: E can underflow for many
	// agents and A can overflow in overload.
	pWait := 1 / (1 + math.Exp(math.Log1p(-e)-math.Log(e)-la))

	// 1 − P(Ab | W > 0) = (1/ρ)(1 − 1/A) = (x/y)(1 − 1/A).
	pAnsWait := x / y * -math.Expm1(-la)
	pAbWait := clamp01(1 - pAnsWait)
	return aWaits{n: n, x: x, y: y, la: la, pWait: pWait, pAb: pWait * pAbWait}, nil
}

// slBound returns a bound the service level stays below, from the chances
// of waiting and abandoning only: 1 − P(W>0)·e^(−nμT). A waiting arrival is
// answered within T only if an agent finishes within T, which the n agents
// busy do at rate nμ, so with chance at most 1 − e^(−nμT); the service
// level, P(W = 0) plus the waiting arrivals answered within T, is at most
// 1 − P(W>0) + P(W>0)(1 − e^(−nμT)). nμT = x·θT.
func (f aWaits) slBound(p Params) float64 {
	return 1 - f.pWait*math.Exp(-f.x*(p.AnswerWithin/p.Patience))
}

// result completes the Erlang A figures: the service level, occupancy and,
// withASA, the average speed of answer.
func (f aWaits) result(p Params, withASA bool) (Result, error) {
	a := p.ArrivalRate * p.HandleTime
	nf := float64(f.n)
	x, y, la, pWait, pAb := f.x, f.y, f.la, f.pWait, f.pAb

	sl := clamp01(1 - pAb - pWait*lateAnswered(x, y, la, p.AnswerWithin/p.Patience))

	r := Result{
		Agents:       f.n,
		OfferedLoad:  a,
		PWait:        pWait,
		PAbandon:     pAb,
		ServiceLevel: sl,
		MeanWait:     pAb * p.Patience,
		Occupancy:    clamp01(a / nf * (1 - pAb)),
	}
	if pAb >= 1 {
		// Only rounding in absurd overload gets here: nobody is answered,
		// and the figures about answered contacts stay 0.
		return r, nil
	}
	r.ServiceLevelAnswered = clamp01(sl / (1 - pAb))
	if withASA {
		ws, err := waitSeries(x, y)
		if err != nil {
			return Result{}, err
		}
		// E[V·1{answered}] over waiting arrivals is s2/(θ·s0); divide by
		// P(answered) to condition on being answered.
		r.ASA = pWait * ws.s2 / ws.s0 * p.Patience / (1 - pAb)
	}
	return r, nil
}

// lateAnswered returns R(T) = γ(x+1, z)/(y·γ(x, y)) with z = y·e^(−θT), the
// share of waiting arrivals that are answered after waiting longer than T,
// given la = log A(x, y) and thetaT = θT. Writing γ(s, z) = z^s e^(−z) A(s, z)/s,
//
//	log R = −θT(x+1) + y(1 − e^(−θT)) + log(x/(x+1)) + log A(x+1, z) − log A(x, y),
//
// which keeps every factor in range.
func lateAnswered(x, y, la, thetaT float64) float64 {
	if math.IsInf(thetaT, 1) {
		return 0
	}
	z := y * math.Exp(-thetaT)
	logR := -thetaT*(x+1) - y*math.Expm1(-thetaT) + math.Log(x/(x+1)) + logA(x+1, z) - la
	return math.Exp(logR)
}

// clamp01 limits v to [0, 1], undoing rounding just outside the range.
func clamp01(v float64) float64 {
	return math.Min(1, math.Max(0, v))
}
