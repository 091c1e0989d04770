package stats

import (
	"math"
	"slices"
	"testing"
)

// TestLeaveOneOut: each sum leaves out exactly its replication.
func TestLeaveOneOut(t *testing.T) {
	add := func(a *int, b int) { *a += b }
	sum, loo := LeaveOneOut([]int{1, 10, 100, 1000}, add)
	if sum != 1111 || !slices.Equal(loo, []int{1110, 1101, 1011, 111}) {
		t.Errorf("got %d and %v, want 1111 and [1110 1101 1011 111]", sum, loo)
	}
	if sum, loo := LeaveOneOut(nil, add); sum != 0 || len(loo) != 0 {
		t.Errorf("no replications: got %d and %v", sum, loo)
	}
}

// TestPooledHalfWidths checks the jackknife over weighted parts against
// half-widths worked out by hand. Parts 2, 4 and 9 holding 1, 1 and 2
// units: estimate 0, the mean per unit, left-one-out is 13/3, 11/3 and
// 6/2 (the sum less the part, over the units left), whose squared
// deviations from their mean 11/3 add up to 8/9, so the half-width is
// t(0.975, 2) · √(2/3 · 8/9) with t(0.975, 2) = 4.302653 (standard
// tables); estimate 1, the plain sum, left-one-out is 13, 11 and 6, whose
// squared deviations add up to 26: t(0.975, 2) · √(2/3 · 26). With two
// parts of one unit each, the mean per unit's half-width is the Student t
// interval of the mean of two values, 1 and 3: t(0.975, 1) = 12.706205
// times s/√2 = 1. With one part there is no interval.
//
// Seen to catch: the guard g < 2 made g <= 2 (two parts given no
// interval) or g >= 2 (no interval from two parts on); the units left
// n − weights[i] taken as n + weights[i];
// and, being first to run, the index arithmetic of LeaveOneOut
// (i+1 as i−1, n−1−i as n+1−i, ...) that TestLeaveOneOut catches too.
func TestPooledHalfWidths(t *testing.T) {
	add := func(a *float64, b float64) { *a += b }
	perUnit := func(k int, sum float64, n int) float64 {
		if k == 0 {
			return sum / float64(n)
		}
		return sum
	}
	cases := []struct {
		name    string
		parts   []float64
		weights []int
		want    []float64
	}{
		{"three weighted parts", []float64{2, 4, 9}, []int{1, 1, 2},
			[]float64{4.302653 * math.Sqrt(2.0/3*8/9), 4.302653 * math.Sqrt(2.0/3*26)}},
		{"two parts", []float64{1, 3}, []int{1, 1}, []float64{12.706205, 12.706205 * math.Sqrt(0.5*2)}},
		{"one part", []float64{5}, []int{3}, []float64{math.NaN(), math.NaN()}},
	}
	for _, c := range cases {
		got := PooledHalfWidths(make([]float64, 2), c.parts, c.weights, add, perUnit, NewJackknife(len(c.parts), 0.95))
		if len(got) != len(c.want) {
			t.Fatalf("%s: got %d half-widths, want %d", c.name, len(got), len(c.want))
		}
		for k := range got {
			if math.IsNaN(c.want[k]) {
				if !math.IsNaN(got[k]) {
					t.Errorf("%s: estimate %d: got %v, want NaN", c.name, k, got[k])
				}
				continue
			}
			// The tables' quantiles have 7 significant digits.
			if !(math.Abs(got[k]-c.want[k]) <= 1e-6*c.want[k]) {
				t.Errorf("%s: estimate %d: got %v, want %v", c.name, k, got[k], c.want[k])
			}
		}
	}
}
