package stats

import (
	"math"
	"testing"
)

// TestRatioCI checks the ratio of sums and its jackknife half-width
// against values worked out by hand. Numerators 1, 2, 3 over denominators
// 2, 2, 4: the ratio is 6/8; left-one-out it is 5/6, 4/6 and 3/4, whose
// squared deviations from their mean 3/4 add up to 1/72, so the
// half-width is t · √(2/3 · 1/72) = t/√108, with t(0.975, 2) = 4.302653
// and t(0.95, 2) = 2.919986 (standard tables). A denominator of zero
// leaves the ratio undefined; one unit, or a unit whose absence leaves a
// zero denominator, leaves the interval undefined.
//
// Seen to catch: d == 0 turned to d != 0; either subtraction of the
// left-one-out ratio (n − num[i], d − den[i]) made an addition, or its
// division a product; the ratio n/d made n·d.
func TestRatioCI(t *testing.T) {
	num, den := []float64{1, 2, 3}, []float64{2, 2, 4}
	for _, c := range []struct{ level, t float64 }{{0.95, 4.302653}, {0.90, 2.919986}} {
		r, h := RatioCI(num, den, c.level)
		// The tables' quantiles have 7 significant digits.
		if want := c.t / math.Sqrt(108); r != 0.75 || !(math.Abs(h-want) <= 1e-6*want) {
			t.Errorf("level %v: got %v ± %v, want 0.75 ± %v", c.level, r, h, want)
		}
	}
	if r, h := RatioCI([]float64{1, 2}, []float64{0, 0}, 0.95); !math.IsNaN(r) || !math.IsNaN(h) {
		t.Errorf("a zero denominator: got %v ± %v, want NaN ± NaN", r, h)
	}
	if r, h := RatioCI([]float64{3}, []float64{4}, 0.95); r != 0.75 || !math.IsNaN(h) {
		t.Errorf("one unit: got %v ± %v, want 0.75 ± NaN", r, h)
	}
	if r, h := RatioCI([]float64{1, 2}, []float64{0, 3}, 0.95); r != 1 || !math.IsNaN(h) {
		t.Errorf("a unit holding the whole denominator: got %v ± %v, want 1 ± NaN", r, h)
	}
}
