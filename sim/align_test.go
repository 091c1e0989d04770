package sim

import (
	"testing"
	"unsafe"
)

// TestHeapsStartPastALine checks that the heap and timers, as they grow,
// start lineOffset bytes past a cache line, so that each entry's children
// share a line, and that growing keeps their entries.
func TestHeapsStartPastALine(t *testing.T) {
	e := New()
	for i := range 5000 {
		e.Schedule(float64(1+i%97), PhaseRelease, func() {})
		e.Schedule(float64(1+i%89), PhaseTimer, func() {})
		for _, h := range [][]entry{e.heap, e.timers} {
			if a := uintptr(unsafe.Pointer(&h[:1][0])) % 64; a != lineOffset {
				t.Fatalf("after %d events, a heap of %d starts %d bytes past a line", i+1, len(h), a)
			}
		}
	}
	prev := 0.0
	for n := 0; e.Step(); n++ {
		if e.Now() < prev {
			t.Fatalf("event %d at %v, after one at %v", n, e.Now(), prev)
		}
		prev = e.Now()
	}
	if e.Fired() != 10000 {
		t.Errorf("%d events fired of 10000", e.Fired())
	}
}
