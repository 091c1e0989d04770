package stats

import (
	"math"
	"testing"
)

func TestWelchHalf(t *testing.T) {
	// Two samples of 3 with variances 1 and 4: se² = 1/3 + 4/3 = 5/3;
	// Welch–Satterthwaite df = (5/3)² / ((1/3)²/2 + (4/3)²/2) = 50/17.
	// The t quantile for 50/17 degrees of freedom at 0.975 is 3.218759
	// (found by integrating Student's density with Simpson's rule and
	// bisecting, independently of gonum), so the half-width is
	// 3.218759·√(5/3) = 4.155400.
	got := WelchHalf([]float64{0, 1, 2}, []float64{0, 2, 4}, 0.95)
	if !(math.Abs(got-4.155400) <= 1e-5) { // NaN fails too
		t.Errorf("WelchHalf = %.6f, want 4.155400", got)
	}
	// Sample sizes that differ: 1, 2, 3 (s² 1) and 2, 4, 6, 8 (s² 20/3):
	// se² = 1/3 + 5/3 = 2, df = 4 / ((1/3)²/2 + (5/3)²/3) = 4.075472, the
	// quantile for it 2.756285 (found as above; tables give 2.776 for 4
	// degrees of freedom and 2.571 for 5), so the half-width is
	// 2.756285·√2 = 3.897976.
	got = WelchHalf([]float64{1, 2, 3}, []float64{2, 4, 6, 8}, 0.95)
	if want := 3.897976; !(math.Abs(got-want) <= 1e-5) {
		t.Errorf("sizes 3 and 4: WelchHalf = %.6f, want %.6f", got, want)
	}
	if got := WelchHalf([]float64{1, 1}, []float64{2, 2}, 0.95); got != 0 {
		t.Errorf("samples without spread: %v, want 0", got)
	}
	if got := WelchHalf([]float64{1}, []float64{2, 3}, 0.95); !math.IsNaN(got) {
		t.Errorf("one value: %v, want NaN", got)
	}
}
