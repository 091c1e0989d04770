package stats

import (
	"math"
	"math/rand/v2"
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

// TestLeaveOneOutsReused: sums made again and again in the same memory
// (LeaveOneOuts), of floats whose sums depend on the order they are added
// in, have the same bits as those of LeaveOneOut as it was first written
// (loo below: fresh memory, prefix and suffix sums), whatever the number
// of parts before; nothing of a call is left in the next.
// Seen to catch: the memory of a call of more parts reused for one of
// fewer (its last suffix sum not zero, its sums too many), and the memory
// of 3 parts kept for 5 (the size check's n+1 made n−1, which the
// diff mutation step found living: every call had made new memory).
func TestLeaveOneOutsReused(t *testing.T) {
	add := func(a *float64, b float64) { *a += b }
	loo := func(parts []float64) (float64, []float64) {
		n := len(parts)
		before, after := make([]float64, n+1), make([]float64, n+1)
		for i := range n {
			before[i+1] = before[i] + parts[i]
			after[n-1-i] = after[n-i] + parts[n-1-i]
		}
		out := make([]float64, n)
		for i := range n {
			out[i] = before[i] + after[i+1]
		}
		return before[n], out
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var b LeaveOneOuts[float64]
	for _, n := range []int{5, 5, 3, 5, 0, 7, 7, 1, 20, 20} {
		parts := make([]float64, n)
		for i := range parts {
			parts[i] = math.Ldexp(rng.Float64(), rng.IntN(40)-20)
		}
		sum, got := b.Of(parts, add)
		wantSum, want := loo(parts)
		if math.Float64bits(sum) != math.Float64bits(wantSum) {
			t.Errorf("%d parts: sum %v, want %v", n, sum, wantSum)
		}
		for i := range want {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Errorf("%d parts: loo[%d] = %v, want %v", n, i, got[i], want[i])
			}
		}
		if len(got) != n {
			t.Errorf("%d parts: %d sums", n, len(got))
		}
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
	perUnit := func(k int, sum *float64, n int) float64 {
		if k == 0 {
			return *sum / float64(n)
		}
		return *sum
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
