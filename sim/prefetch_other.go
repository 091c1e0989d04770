//go:build !amd64

package sim

// prefetch does nothing where no prefetch instruction is written.
func prefetch(p, n uintptr) {}

// prefetchBoth does nothing where no prefetch instruction is written.
func prefetchBoth(a, b, size uintptr) {}

// prefetch2 does nothing where no prefetch instruction is written.
func prefetch2(a, na, b, nb uintptr) {}
