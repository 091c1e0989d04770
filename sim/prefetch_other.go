//go:build !amd64

package sim

// prefetch does nothing where no prefetch instruction is written.
func prefetch(p, n uintptr) {}
