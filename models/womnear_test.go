package models

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestLateNearAsExact checks that lateNear, when it is sure, gives late's
// answer, wait > base · math.Exp(v), to the bit of the threshold: 200,000
// random cases of a remembered exponential, an average moved from it by 0
// to lateNearSpan (at scales from 10⁻¹⁴ to 1/2, and both ends), a base
// from 10⁻³ to 10⁹ seconds, and waits at, one and two ulps either side of,
// and 10⁻¹⁵ to 10⁻² away from the exact threshold. It also checks that
// lateNear is sure of nearly every wait 1 % or more away when the average
// moved by 10⁻⁴ or less, and never sure beyond lateNearSpan or with no
// exponential taken. Seen to catch: the bounds' 1 + d and 1/(1 − d)
// swapped, the upper bound's test on the lower one, and a slack of 0.
func TestLateNearAsExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 7))
	sure, far := 0, 0
	for i := range 200_000 {
		v0 := (rng.Float64()*2 - 1) * maxSurprise
		b := belief{}
		expOf(&b, v0)
		var d float64
		switch i % 5 {
		case 0:
			d = 0
		case 1:
			d = lateNearSpan * float64(1-2*(i/5%2))
		default:
			d = (rng.Float64()*2 - 1) * math.Pow(10, -14+14*rng.Float64()) * lateNearSpan * 2
		}
		v := math.Max(-maxSurprise, math.Min(maxSurprise, v0+d))
		base := math.Pow(10, -3+12*rng.Float64())
		exact := base * math.Exp(v)
		waits := []float64{exact, math.Nextafter(exact, 0), math.Nextafter(exact, math.Inf(1)),
			math.Nextafter(math.Nextafter(exact, 0), 0), math.Nextafter(math.Nextafter(exact, math.Inf(1)), math.Inf(1))}
		for _, r := range []float64{1e-15, 1e-13, 1e-12, 1e-11, 1e-9, 1e-6, 1e-4, 1e-2} {
			waits = append(waits, exact*(1+r), exact*(1-r))
		}
		for _, wait := range waits {
			got, ok := lateNear(&b, base, v, wait)
			if !ok {
				continue
			}
			sure++
			if want := wait > exact; got != want {
				t.Fatalf("v₀ %v, v %v, base %v, wait %v (threshold %v): lateNear %v, late %v", v0, v, base, wait, exact, got, want)
			}
		}
		if math.Abs(v-v0) <= 1e-4 {
			for _, wait := range []float64{exact * 1.01, exact * 0.99} {
				far++
				if _, ok := lateNear(&b, base, v, wait); !ok {
					t.Fatalf("v₀ %v, v %v, base %v: not sure of %v, threshold %v", v0, v, base, wait, exact)
				}
			}
		}
	}
	if sure < 1_000_000 || far < 100_000 {
		t.Errorf("sure of %d waits, %d far ones: too few to test", sure, far)
	}
	b := belief{}
	if _, ok := lateNear(&b, 60, 0, 1e-3); ok {
		t.Error("sure with no exponential taken")
	}
	expOf(&b, 0)
	if _, ok := lateNear(&b, 60, math.Nextafter(lateNearSpan, 1), 1e-3); ok {
		t.Error("sure beyond lateNearSpan")
	}
}

// TestBuiltinMaxAsMath checks that the builtin max and min, which the
// choice and word of mouth use in place of math.Max and math.Min (calls
// to assembly), give the same bits: signed zeros, infinities, NaNs (a NaN
// either way), and random numbers. They differ only for an infinity and a
// NaN (math.Max(+Inf, NaN) is +Inf, max's NaN), which no use meets: each
// but utilities' and nextOpening's has a finite constant for one side;
// opening times are never NaN; and a utility is NaN only with a wait
// weight of 0 (0 · ±Inf, an expected wait of 0 or +Inf), +Inf only with a
// positive one (a finite weight times −Inf), never both in one choice.
func TestBuiltinMaxAsMath(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	vals := []float64{0, math.Copysign(0, -1), 1, -1, math.Inf(1), math.Inf(-1), math.NaN(),
		math.SmallestNonzeroFloat64, math.MaxFloat64, maxSurprise, -maxSurprise, minWait}
	for range 1000 {
		vals = append(vals, (rng.Float64()*2-1)*math.Pow(10, rng.Float64()*20-10))
	}
	same := func(a, b float64) bool {
		return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
	}
	for _, x := range vals {
		for _, y := range vals {
			if math.IsInf(x, 0) && math.IsNaN(y) || math.IsNaN(x) && math.IsInf(y, 0) {
				continue
			}
			if got, want := max(x, y), math.Max(x, y); !same(got, want) {
				t.Fatalf("max(%v, %v) = %v, math.Max %v", x, y, got, want)
			}
			if got, want := min(x, y), math.Min(x, y); !same(got, want) {
				t.Fatalf("min(%v, %v) = %v, math.Min %v", x, y, got, want)
			}
		}
	}
}
