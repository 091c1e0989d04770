package erlang

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// logA returns the logarithm of Garnett, Mandelbaum and Reiman's (2002)
// function
//
//	A(s, z) = s·e^z·z^(−s)·γ(s, z) = 1 + Σ_{j≥1} z^j / ∏_{k=1..j} (s+k)
//
// for s > 0 and z ≥ 0, where γ is the lower incomplete gamma function.
//
// Both s and z can be in the millions, so A is never formed from its
// factors, which overflow. When z ≤ s/2 the series converges at least as
// fast as 2^(−j) and is summed directly. Otherwise, with P the regularized
// incomplete gamma function and Stirling's series for log Γ(s),
//
//	log A = ½ log(2πs) + s·(ρ − 1 − log ρ) + stirlerr(s) + log P(s, z), ρ = z/s,
//
// in which the large terms s log s of log Γ(s) and −s log z cancel
// analytically rather than in floating point. If P underflows (only when z
// is far below s) the series is used after all.
func logA(s, z float64) float64 {
	if z == 0 {
		return 0
	}
	if z > s/2 {
		if p := mathext.GammaIncReg(s, z); p > 1e-250 {
			return 0.5*math.Log(2*math.Pi*s) + s*rhoMinusOneMinusLog(z/s-1) + stirlerr(s) + math.Log(p)
		}
	}
	sum, term := 1.0, 1.0
	for k := 1; k <= maxSeriesTerms; k++ {
		r := z / (s + float64(k))
		term *= r
		sum += term
		// The remaining terms fall at least as fast as r, so their sum is
		// below term·r/(1−r).
		if term*r < 1e-17*sum*(1-r) {
			break
		}
	}
	return math.Log(sum)
}

// rhoMinusOneMinusLog returns d − log(1 + d) = ρ − 1 − log ρ for d = ρ − 1,
// accurately also when d is small and the two terms nearly cancel.
func rhoMinusOneMinusLog(d float64) float64 {
	if math.Abs(d) >= 0.1 {
		return d - math.Log1p(d)
	}
	// d − log(1+d) = Σ_{k≥2} (−d)^k / k; 17 terms leave an error below
	// 0.1^18, under the float64 rounding of the sum.
	sum, pow := 0.0, -d
	for k := 2; k <= 18; k++ {
		pow *= -d
		sum += pow / float64(k)
	}
	return sum
}

// stirlerr returns log Γ(s) − ((s − ½) log s − s + ½ log 2π), the error of
// Stirling's approximation.
func stirlerr(s float64) float64 {
	if s < 15 {
		lg, _ := math.Lgamma(s)
		return lg - ((s-0.5)*math.Log(s) - s + 0.5*math.Log(2*math.Pi))
	}
	// Asymptotic series 1/(12s) − 1/(360s³) + 1/(1260s⁵) − 1/(1680s⁷) +
	// 1/(1188s⁹) (Abramowitz and Stegun 6.1.41); at s = 15 the next term,
	// 691/(360360 s¹¹), is below 2e-16.
	s2 := 1 / (s * s)
	return (1.0/12 - s2*(1.0/360-s2*(1.0/1260-s2*(1.0/1680-s2/1188)))) / s
}
