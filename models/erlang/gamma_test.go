package erlang

import (
	"math"
	"testing"
)

// directLogA sums A(s, z) = Σ_{j≥0} z^j / ∏_{k=1..j}(s+k) term by term, in
// logs relative to the largest term: slow, but free of incomplete gamma
// functions and Stirling's series.
func directLogA(s, z float64) float64 {
	// The largest term is at j* = ⌊z − s⌋ (or 0); sum outward from it.
	jstar := math.Max(0, math.Floor(z-s))
	lgPeak, _ := math.Lgamma(s + jstar + 1)
	lg1, _ := math.Lgamma(s + 1)
	logPeak := jstar*math.Log(z) - (lgPeak - lg1)
	sum, w := 1.0, 1.0
	for j := jstar + 1; ; j++ {
		w *= z / (s + j)
		sum += w
		if w < 1e-20*sum && z < s+j {
			break
		}
	}
	w = 1.0
	for j := jstar - 1; j >= 0; j-- {
		w *= (s + j + 1) / z
		sum += w
		if w < 1e-20*sum {
			break
		}
	}
	return logPeak + math.Log(sum)
}

func TestLogA(t *testing.T) {
	// logA switches between its series, the incomplete gamma form and, when
	// P underflows, the series again; every branch must match the direct
	// sum. log Γ at s ≈ 10⁵ loses about s·ε ≈ 1e-11 in the reference itself,
	// so agreement is asked to 1e-10 relative to max(1, |log A|).
	const tol = 1e-10
	for _, c := range []struct {
		name string
		s, z float64
	}{
		{"textbook", 14 * 300.0 / 180, 100.0 / 1800 * 300},
		{"z well below s", 100, 30},
		{"z at s/2", 100, 50},
		{"z near s", 1000, 990},
		{"z equals s", 1000, 1000},
		{"z above s", 1000, 1100},
		{"far overload", 50, 500},
		{"small s", 0.01, 0.2},
		{"small z", 5, 1e-6},
		{"large, near 1", 1e5, 0.995e5},
		{"large, ρ = 0.9", 1e5, 0.9e5},
		{"P underflows", 1e4, 6e3},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, want := logA(c.s, c.z), directLogA(c.s, c.z)
			if math.Abs(got-want) > tol*math.Max(1, math.Abs(want)) {
				t.Errorf("logA(%v, %v): got %.15g, want %.15g", c.s, c.z, got, want)
			}
		})
	}
}

func TestRhoMinusOneMinusLog(t *testing.T) {
	// Below |d| = 0.1 a Taylor series replaces d − log1p(d). At |d| ≥ 0.01 the
	// direct form is still accurate to about ε/d² ≤ 1e-12, so both must agree
	// there; at tiny d the answer is d²/2 − d³/3 to float64 precision.
	for _, d := range []float64{-0.0999, -0.05, -0.01, 0.01, 0.05, 0.0999} {
		got, want := rhoMinusOneMinusLog(d), d-math.Log1p(d)
		if math.Abs(got-want) > 1e-12*want {
			t.Errorf("d = %v: got %.17g, want %.17g", d, got, want)
		}
	}
	for _, d := range []float64{-1e-8, 1e-8, -1e-5, 1e-5} {
		got, want := rhoMinusOneMinusLog(d), d*d/2-d*d*d/3+d*d*d*d/4
		if math.Abs(got-want) > 1e-15*want {
			t.Errorf("d = %v: got %.17g, want %.17g", d, got, want)
		}
	}
}

func TestStirlerr(t *testing.T) {
	// For 15 ≤ s ≤ 100 the direct form log Γ(s) − Stirling loses at most
	// about s·log s·ε ≈ 5e-14, so the asymptotic series must agree to 1e-13.
	for _, s := range []float64{15, 15.5, 20, 37.3, 100} {
		lg, _ := math.Lgamma(s)
		want := lg - ((s-0.5)*math.Log(s) - s + 0.5*math.Log(2*math.Pi))
		if got := stirlerr(s); math.Abs(got-want) > 1e-13 {
			t.Errorf("stirlerr(%v): got %.17g, want %.17g", s, got, want)
		}
	}
}
