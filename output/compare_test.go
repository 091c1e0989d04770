package output

import (
	"math"
	"testing"
)

func TestDifferenceFormat(t *testing.T) {
	for _, tc := range []struct {
		diff, half  float64
		unit        string
		significant bool
		want        string
	}{
		{0.037, 0.001, UnitShare, true, "+3.70 pts ± 0.10 *"},
		{-0.0067, 0.0003, UnitShare, true, "-0.67 pts ± 0.03 *"},
		{-1.77, 0.07, UnitSeconds, true, "-1.77 s ± 0.07 *"},
		{-822, 137, UnitSeconds, false, "-13.70 min ± 2.28"},
		{225.2, 9.9, UnitCount, true, "+225.2 ± 9.9 *"},
		{0, 0, UnitCount, false, "0.0 ± 0.0"},
		{0.5, math.NaN(), UnitRatio, false, "+0.50"},
		{math.NaN(), math.NaN(), UnitShare, false, "–"},
	} {
		if got := Difference(tc.diff, tc.half, tc.unit, tc.significant); got != tc.want {
			t.Errorf("Difference(%v, %v, %q) = %q, want %q", tc.diff, tc.half, tc.unit, got, tc.want)
		}
	}
}
