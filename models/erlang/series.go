package erlang

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
)

// maxSeriesTerms bounds the terms summed by one series, so that absurd
// inputs give an error instead of a long wait.
const maxSeriesTerms = 1 << 24

// seriesTol is the relative size below which the tail of a series is
// dropped, just below float64's unit roundoff 2^(−53) ≈ 1.1e-16.
const seriesTol = 1e-17

// waitSums holds sums over j, the number of contacts an arrival finds
// waiting ahead of it, in Erlang A (M/M/n+M) with x = nμ/θ and y = λ/θ.
//
// The stationary probability of state n+j is π_{n+j} = π_n·t_j with
// t_j = y^j / ∏_{k=1..j}(x+k). The sums are scaled by the largest weight
// t_{j*} so that they neither overflow nor underflow: with w_j = t_j/t_{j*},
//
//	s0 = Σ w_j                              so A(x, y) = t_{j*}·s0,
//	s1 = Σ w_j·(j+1)/(x+j+1)                P(abandon | j) weighted,
//	s2 = Σ w_j·x·H_j/(x+j+1)                θ·E[V·1{answered} | j] weighted,
//
// where H_j = Σ_{i=1..j+1} 1/(x+i).
//
// Given j, the virtual wait V of the arrival (its wait were it infinitely
// patient) is a sum of independent exponential stages with rates θ(x+i),
// i = 0..j: with i contacts ahead the line moves at nμ + iθ. With patience
// τ ~ Exp(θ) independent of V, the arrival is answered iff V ≤ τ, so
// P(answered | j) = E[e^(−θV) | j] = x/(x+j+1), and differentiating the
// Laplace transform gives E[V·e^(−θV) | j] = x/(θ(x+j+1))·H_j.
type waitSums struct {
	logPeak    float64 // log t_{j*}
	s0, s1, s2 float64
}

// waitSeries sums the series of waitSums outward from the largest term,
// at j* = ⌊y − x⌋ in overload and j* = 0 otherwise, until the tails are
// negligible (relative seriesTol). The terms needed grow like √y in heavy
// overload; beyond maxSeriesTerms waitSeries returns an error.
func waitSeries(x, y float64) (waitSums, error) {
	jstar := 0.0
	if y-x >= 1 {
		jstar = math.Floor(y - x)
	}
	if jstar > 1<<50 {
		// Beyond this, j + 1 is no longer exact in float64.
		return waitSums{}, fmt.Errorf("erlang: Erlang A queue too long to sum (x = nμ/θ = %.4g, y = λ/θ = %.4g): patience too long for this load", x, y)
	}
	var ws waitSums
	lgPeak, _ := math.Lgamma(x + jstar + 1)
	lg1, _ := math.Lgamma(x + 1)
	ws.logPeak = jstar*math.Log(y) - (lgPeak - lg1)

	// hPeak is H_{j*}.
	var hPeak float64
	if jstar < 1<<20 {
		for i := jstar + 1; i >= 1; i-- {
			hPeak += 1 / (x + i)
		}
	} else {
		hPeak = mathext.Digamma(x+jstar+2) - mathext.Digamma(x+1)
	}

	add := func(j, w, h float64) {
		ws.s0 += w
		ws.s1 += w * (j + 1) / (x + j + 1)
		ws.s2 += w * x * h / (x + j + 1)
	}
	add(jstar, 1, hPeak)
	terms := 1

	// Upward: t_{j}/t_{j−1} = y/(x+j), falling in j, so once it is below 1
	// the tail after term j is below w_j·r/(1−r) with r the next ratio.
	w, h := 1.0, hPeak
	for j := jstar + 1; ; j++ {
		w *= y / (x + j)
		h += 1 / (x + j + 1)
		add(j, w, h)
		terms++
		if r := y / (x + j + 1); r < 1 && w*r < seriesTol*ws.s0*(1-r) {
			break
		}
		if terms > maxSeriesTerms {
			return waitSums{}, fmt.Errorf("erlang: Erlang A series did not converge in %d terms (x = nμ/θ = %.4g, y = λ/θ = %.4g)", maxSeriesTerms, x, y)
		}
	}

	// Downward: t_{j}/t_{j+1} = (x+j+1)/y < 1 below the peak, falling as j
	// falls.
	w, h = 1.0, hPeak
	for j := jstar - 1; j >= 0; j-- {
		w *= (x + j + 1) / y
		h -= 1 / (x + j + 2)
		add(j, w, h)
		terms++
		if r := (x + j) / y; w*r < seriesTol*ws.s0*(1-r) {
			break
		}
		if terms > maxSeriesTerms {
			return waitSums{}, fmt.Errorf("erlang: Erlang A series did not converge in %d terms (x = nμ/θ = %.4g, y = λ/θ = %.4g)", maxSeriesTerms, x, y)
		}
	}
	return ws, nil
}
