package sim

import (
	"fmt"
	"testing"
)

// benchmarkHold measures the classic "hold" model: a queue of size pending
// events where each fired event schedules one more at a random later time,
// so the queue stays the same size. It reports ns per event.
func benchmarkHold(b *testing.B, size int) {
	e := New()
	rng := NewStreams(1, 0).Rand("hold")
	var fn func()
	fn = func() { e.After(rng.ExpFloat64(), PhaseTimer, fn) }
	for range size {
		e.After(rng.ExpFloat64(), PhaseTimer, fn)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		e.Step()
	}
}

func BenchmarkHold(b *testing.B) {
	for _, size := range []int{10, 100, 1000, 10000} {
		b.Run(fmt.Sprintf("pending=%d", size), func(b *testing.B) { benchmarkHold(b, size) })
	}
}

// BenchmarkScheduleCancel measures a timer that is set and cancelled, as a
// patience timer is when the contact is answered, with 100 other events
// pending.
func BenchmarkScheduleCancel(b *testing.B) {
	e := New()
	rng := NewStreams(1, 0).Rand("hold")
	noop := func() {}
	for range 100 {
		e.After(rng.ExpFloat64()*1e9, PhaseTimer, noop)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		t := e.After(rng.ExpFloat64(), PhaseTimer, noop)
		e.Cancel(t)
	}
}
