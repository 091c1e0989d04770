package sim

import (
	"math"
	"testing"
)

func TestMeanCI(t *testing.T) {
	// Reference: for 1, 2, 3, 4, 5 the mean is 3, the sample standard
	// deviation sqrt(2.5), and t(0.975, 4) = 2.7764451 (standard t tables),
	// so the half-width is 2.7764451·sqrt(2.5)/sqrt(5) = 1.9632432.
	m, h := MeanCI([]float64{1, 2, 3, 4, 5}, 0.95)
	if m != 3 || math.Abs(h-1.9632432) > 1e-6 {
		t.Errorf("MeanCI = %v ± %v, want 3 ± 1.9632432", m, h)
	}
	m, h = MeanCI([]float64{1, math.NaN(), 2, 3, 4, 5}, 0.95)
	if m != 3 || math.Abs(h-1.9632432) > 1e-6 {
		t.Errorf("MeanCI with a NaN = %v ± %v, want 3 ± 1.9632432", m, h)
	}
	if m, h := MeanCI([]float64{2}, 0.95); m != 2 || !math.IsNaN(h) {
		t.Errorf("MeanCI of one value = %v ± %v, want 2 ± NaN", m, h)
	}
	if m, _ := MeanCI(nil, 0.95); !math.IsNaN(m) {
		t.Errorf("MeanCI of nothing = %v, want NaN", m)
	}
}
