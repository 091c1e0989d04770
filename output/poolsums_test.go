package output

import (
	"math"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// TestPoolSumsOfOneBatch: with one batch, poolSums returns each pool's
// tallies themselves, not a copy, and they are the sums bit for bit as
// added up from zeros; a tally of −0 or NaN, whose sum from zero may have
// other bits, is added up as before. Seen to fail with sumOfOne always
// true (the −0 case's sum kept −0).
func TestPoolSumsOfOneBatch(t *testing.T) {
	r := builtinReport(t, "baseline", 1, "horizon=3d")
	sums := r.poolSums()
	for p, s := range sums {
		own := r.Batches[0].Pools[p].Intervals
		if &s[0] != &own[0] {
			t.Errorf("pool %d: a copy of its tallies", p)
		}
		for k, c := range own {
			var want models.PoolCounts
			want.Add(c)
			if !sameCountBits(s[k], want) {
				t.Fatalf("pool %d, interval %d: %+v, want %+v", p, k, s[k], want)
			}
		}
	}

	own := r.Batches[0].Pools[0].Intervals
	saved := own[1]
	defer func() { own[1] = saved }()
	own[1].BusyTime = math.Copysign(0, -1)
	s := r.poolSums()[0]
	if &s[0] == &own[0] || math.Signbit(s[1].BusyTime) {
		t.Error("a tally of −0 not added up from zero, as +0")
	}
	own[1].BusyTime = math.NaN()
	if s := r.poolSums()[0]; &s[0] == &own[0] {
		t.Error("a tally of NaN not added up")
	}
}

// sameCountBits tells whether a and b hold the same bits.
func sameCountBits(a, b models.PoolCounts) bool {
	x := [...]float64{a.ScheduledTime, a.AgentTime, a.AwayTime, a.BusyTime, a.Cost}
	y := [...]float64{b.ScheduledTime, b.AgentTime, b.AwayTime, b.BusyTime, b.Cost}
	for i := range x {
		if math.Float64bits(x[i]) != math.Float64bits(y[i]) {
			return false
		}
	}
	return true
}
