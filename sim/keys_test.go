package sim

import "testing"

// TestKeysByIDFollowTheEvents checks the engine's keys and inTimers, by
// event id, against its events through random scheduling, cancelling and
// firing: each id's key is its event's, noKey when not pending, and
// inTimers is set exactly for the pending events whose entries are in
// timers.
func TestKeysByIDFollowTheEvents(t *testing.T) {
	rng := NewStreams(5, 0).Rand("keys")
	e := New()
	var timers []Timer
	check := func(step int) {
		inTimers := map[uint32]bool{}
		for _, x := range e.timers {
			if _, ok := e.event(&x); ok {
				inTimers[uint32(x.key&idMask)] = true
			}
		}
		for _, c := range e.chunks {
			for i := range c {
				ev := &c[i]
				if e.keys[ev.id] != ev.key {
					t.Fatalf("step %d: event %d's key %x, %x by id", step, ev.id, ev.key, e.keys[ev.id])
				}
				if e.inTimers[ev.id] != inTimers[ev.id] {
					t.Fatalf("step %d: event %d in timers %v, %v by id", step, ev.id, inTimers[ev.id], e.inTimers[ev.id])
				}
			}
		}
	}
	for step := range 3000 {
		switch r := rng.IntN(10); {
		case r < 5:
			at := e.Now() + float64(rng.IntN(100))
			timers = append(timers, e.Schedule(at, Phase(rng.IntN(5)), func() {}))
		case r < 8 && len(timers) > 0:
			e.Cancel(timers[rng.IntN(len(timers))])
		default:
			e.Step()
		}
		if step%97 == 0 {
			check(step)
		}
	}
	check(-1)
}
