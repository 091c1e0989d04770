package sim

import "unsafe"

// Prefetch asks the processor to bring *p, every cache line of it, into
// its cache ahead of use, so that reading it later waits less on memory.
// It reads and changes nothing: p may be nil, or point at anything. On
// processors without a prefetch instruction here (any but amd64) it does
// nothing.
func Prefetch[T any](p *T) {
	a, n := lines(p)
	prefetch(a, n)
}

// lines returns the address of *p and the number of cache lines of 64
// bytes it spans.
func lines[T any](p *T) (uintptr, uintptr) {
	start := uintptr(unsafe.Pointer(p))
	end := start + unsafe.Sizeof(*p)
	return start, (end+63)/64 - start/64
}

// ReadsAlso tells the engine that the event of t, scheduled with
// ScheduleCall, reads *a and *b when it fires, besides its arg: when the
// engine looks ahead at it (as the event before it fires, see Aheader),
// it asks the processor for them at once, with no wait on the arg that
// points at them. It changes nothing else: the addresses are only
// prefetched, never read, and may be stale or nil by then. It does
// nothing if t's event is no longer pending.
func ReadsAlso[A, B any](t Timer, a *A, b *B) {
	ev := t.ev
	if ev == nil || ev.gen != t.gen {
		return
	}
	pa, na := lines(a)
	pb, nb := lines(b)
	ev.reads = [2]uintptr{pa, pb}
	ev.readLines = [2]uint8{uint8(min(na, 255)), uint8(min(nb, 255))}
}
