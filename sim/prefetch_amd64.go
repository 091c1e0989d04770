package sim

// prefetch asks the processor to bring n cache lines of 64 bytes, from
// the one holding address p, into its caches (PREFETCHT0, which never
// faults).
//
//go:noescape
func prefetch(p, n uintptr)

// prefetchBoth asks for the first and the last line of the size bytes at
// a and of those at b.
//
//go:noescape
func prefetchBoth(a, b, size uintptr)

// prefetch2 is prefetch of a and b, with na and nb lines, in one call.
//
//go:noescape
func prefetch2(a, na, b, nb uintptr)
