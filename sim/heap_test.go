package sim

import (
	"math"
	"slices"
	"testing"
)

// TestPopLoadingAheadKeepsTheOrder checks pop on heaps large enough that
// it loads entries ahead of its walk (touchFrom), and on smaller ones:
// random entries, pushed and popped with more pushed meanwhile, come out
// in the order of less, as from a sorted list.
func TestPopLoadingAheadKeepsTheOrder(t *testing.T) {
	rng := NewStreams(11, 0).Rand("pop")
	e := New()
	for _, n := range []int{touchFrom - 1, touchFrom, 3*touchFrom + 5} {
		var h, all []entry
		seq := uint64(0)
		add := func(from float64) {
			x := entry{at: math.Float64bits(from + float64(rng.IntN(n/4))), key: entryKey(Phase(rng.IntN(5)), seq, 0)}
			seq++
			h = append(h, x)
			up(h, len(h)-1)
			all = append(all, x)
		}
		for range n {
			add(0)
		}
		var got []entry
		for len(h) > 0 {
			got = append(got, h[0])
			h = e.pop(h)
			if len(got)%3 == 0 && seq < uint64(2*n) {
				add(math.Float64frombits(got[len(got)-1].at) + 1) // after the last popped
			}
		}
		slices.SortFunc(all, func(a, b entry) int {
			if less(&a, &b) {
				return -1
			}
			return 1
		})
		if !slices.Equal(got, all) {
			t.Errorf("a heap of %d: popped out of order", n)
		}
	}
}
