package erlang

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
)

// recursionLimit is the largest server count for which B runs the
// recursion; beyond it B switches to closed forms whose cost does not grow
// with the server count.
const recursionLimit = 1 << 16

// B returns the Erlang B blocking probability of a loss system with the given
// number of servers and offered load in Erlangs: the share of arrivals that
// find every server busy and are lost.
//
// B uses the stable recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1))
// (Jagerman 1974), which never overflows. For more than 65536 servers it uses
// the equivalent closed form 1/B = e^a a^(−n) Γ(n+1, a), evaluated in logs.
// B returns NaN for a negative server count or a negative or NaN load.
func B(servers int, load float64) float64 {
	switch {
	case servers < 0 || !(load >= 0):
		return math.NaN()
	case servers == 0 || math.IsInf(load, 1):
		return 1
	case load == 0:
		return 0
	case servers <= recursionLimit:
		return bRecursion(servers, load)
	}
	return bLarge(servers, load)
}

// bRecursion runs the Erlang B recursion up to n servers.
func bRecursion(n int, a float64) float64 {
	b := 1.0
	for k := 1; k <= n; k++ {
		b = a * b / (float64(k) + a*b)
		if b == 0 {
			// B has underflowed and stays at zero.
			break
		}
	}
	return b
}

// bLarge returns B(n, a) for large n without a loop over the servers.
//
// With Q the regularized upper incomplete gamma function,
//
//	1/B(n, a) = Σ_{k=0..n} n!/(k! a^(n−k)) = e^a a^(−n) n! Q(n+1, a).
//
// Q(n+1, a) is P(Poisson(a) ≤ n), about ½ or more when a ≤ n, so its log is
// safe there. When a is far above n, Q underflows, and the sum is instead
// taken in the other order, Σ_{m≥0} n(n−1)···(n−m+1)/a^m, whose terms fall
// geometrically with ratio below n/a.
func bLarge(n int, a float64) float64 {
	nf := float64(n)
	if q := mathext.GammaIncRegComp(nf+1, a); q > 1e-200 {
		lg, _ := math.Lgamma(nf + 1)
		return math.Exp(-(a - nf*math.Log(a) + lg + math.Log(q)))
	}
	sum, term := 1.0, 1.0
	for m := 0; m < n; m++ {
		term *= (nf - float64(m)) / a
		sum += term
		if term < 1e-17*sum {
			break
		}
	}
	return 1 / sum
}

// BLines returns the fewest lines (servers) for which the Erlang B blocking
// probability at the given offered load in Erlangs is at most maxBlock.
// The load must be positive and finite and maxBlock in (0, 1].
func BLines(load, maxBlock float64) (int, error) {
	if !(load > 0) || math.IsInf(load, 1) || load > maxLoad {
		return 0, fmt.Errorf("erlang: offered load must be positive, finite and at most %g Erlangs, got %v", maxLoad, load)
	}
	if !(maxBlock > 0 && maxBlock <= 1) {
		return 0, fmt.Errorf("erlang: maximum blocking must be in (0, 1], got %v", maxBlock)
	}
	if maxBlock == 1 {
		return 0, nil
	}
	// B falls strictly as lines are added (Jagerman 1974), so bracket the
	// answer by doubling and then bisect: lo fails, hi meets the target.
	lo, hi := 0, 1
	for B(hi, load) > maxBlock {
		lo, hi = hi, 2*hi
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if B(mid, load) > maxBlock {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi, nil
}
