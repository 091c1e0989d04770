package sim

import "testing"

// TestCompactingToNothing checks the rebuilds of the heap and of timers
// when every entry in them was cancelled: nothing is left pending, and
// the engine goes on scheduling and firing.
func TestCompactingToNothing(t *testing.T) {
	for _, ph := range []Phase{PhaseRelease, PhaseTimer} {
		e := New()
		var timers []Timer
		for i := range 64 { // the 64th cancel rebuilds with none pending
			timers = append(timers, e.Schedule(float64(1+i), ph, func() {}))
		}
		for _, tm := range timers {
			e.Cancel(tm)
		}
		if e.Pending() != 0 || len(e.heap)+len(e.timers) > 64 {
			t.Errorf("phase %d: %d pending, %d in the heap and %d in timers after cancelling all", ph, e.Pending(), len(e.heap), len(e.timers))
		}
		fired := false
		e.Schedule(5, ph, func() { fired = true })
		e.Run(10)
		if !fired {
			t.Errorf("phase %d: an event scheduled after the rebuild did not fire", ph)
		}
	}
}
