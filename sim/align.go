package sim

import "unsafe"

// The heap and timers are kept at an address 16 bytes past a cache line's
// start (lineOffset): entry j is then at 16(j+1) past it, so the two
// children of entry i (2i+1 and 2i+2) are in one cache line, and so are
// its four grandchildren (4i+3 to 4i+6), a whole line. A pop's walk down
// reads one line a level, and loads the next level's in one read ahead.
// At an address of a line's start, half of the pairs of children would
// span two lines, and the grandchildren always would.
const lineOffset = 16

// room returns heap h with room for one more entry: h itself, or, when
// full, h copied into a new array at lineOffset past a line (append's
// would be at a line's start).
func room(h []entry) []entry {
	if len(h) == cap(h) {
		return grow(h, 2*cap(h)+64)
	}
	return h
}

// grow returns h copied into a new array of capacity n, n ≥ len(h), whose
// first entry is lineOffset bytes past the start of a cache line.
func grow(h []entry, n int) []entry {
	const size = int(unsafe.Sizeof(entry{}))
	buf := make([]entry, n+64/size)
	k := 0
	for (uintptr(unsafe.Pointer(&buf[k])))%64 != lineOffset {
		k++
	}
	g := buf[k : k+len(h) : k+n]
	copy(g, h)
	return g
}
