package sim

import "slices"

// renumber gives the pending events new sequence numbers, 0 to n−1 for n
// pending, in the order of their keys, and sets the next sequence number
// to n: schedule calls it when the sequence numbers reach e.seqLimit, so that
// an engine schedules any number of events (2^seqBits − 1, 8.6 billion,
// is within reach of a replication of 10⁹ contacts) in a key of 64 bits.
//
// The cancelled entries of the heap, timers and soon are dropped first
// (their keys would otherwise name sequence numbers given again). Each
// live entry's key, and its event's, is rewritten with its new number, the
// phase and the id kept; so is a held call's (held.go). Ranks keep the
// order of (phase, sequence number), and entries of one time differ in
// those alone, so every pair of entries orders as before: the heap and
// timers stay heaps, soon stays sorted, and events fire in the same order.
// Timers hold their event's gen, not its key, and stay valid.
func (e *Engine) renumber() {
	e.compact()
	e.compactTimers()
	keys := make([]uint64, 0, len(e.heap)+len(e.timers)+len(e.soon)+1)
	for _, h := range [][]entry{e.heap, e.timers, e.soon} {
		for _, x := range h {
			keys = append(keys, x.key)
		}
	}
	if e.held.fn != nil {
		keys = append(keys, e.held.key)
	}
	slices.Sort(keys) // the ids below the sequence numbers change no order
	for _, h := range [][]entry{e.heap, e.timers, e.soon} {
		for i := range h {
			x := &h[i]
			x.key = renumbered(keys, x.key)
			e.event0(x).key = x.key
		}
	}
	if e.held.fn != nil {
		e.held.key = renumbered(keys, e.held.key)
	}
	e.seq = uint64(len(keys)) * seqOne
}

// renumbered returns key with the sequence number in it replaced by its
// rank in keys, sorted, which hold it; its phase and id kept.
func renumbered(keys []uint64, key uint64) uint64 {
	rank, _ := slices.BinarySearch(keys, key)
	const seqMask = (1<<seqBits - 1) << idBits
	return key&^seqMask | uint64(rank)<<idBits
}
