package sim

import "unsafe"

// Prefetch asks the processor to bring *p, every cache line of it, into
// its cache ahead of use, so that reading it later waits less on memory.
// It reads and changes nothing: p may be nil, or point at anything. On
// processors without a prefetch instruction here (any but amd64) it does
// nothing.
func Prefetch[T any](p *T) {
	start := uintptr(unsafe.Pointer(p))
	end := start + unsafe.Sizeof(*p)
	prefetch(start, (end+63)/64-start/64)
}
