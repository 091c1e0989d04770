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

// Prefetch3 is Prefetch of a, b and c, in one call: each call costs more
// than the prefetches it makes.
func Prefetch3[A, B, C any](a *A, b *B, c *C) {
	pa, na := lines(a)
	pb, nb := lines(b)
	pc, nc := lines(c)
	prefetch3(pa, na, pb, nb, pc, nc)
}

// lines returns the address of *p and the number of cache lines of 64
// bytes it spans.
func lines[T any](p *T) (uintptr, uintptr) {
	start := uintptr(unsafe.Pointer(p))
	end := start + unsafe.Sizeof(*p)
	return start, (end+63)/64 - start/64
}
