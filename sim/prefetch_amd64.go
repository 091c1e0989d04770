package sim

// prefetch asks the processor to bring n cache lines of 64 bytes, from
// the one holding address p, into its caches (PREFETCHT0, which never
// faults).
//
//go:noescape
func prefetch(p, n uintptr)
