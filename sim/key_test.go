package sim

import (
	"math"
	"testing"
)

// TestEntryKeyOrdersByPhaseThenSequence checks the packing of an entry's
// key: the phase orders first, the sequence number next, and the event's
// id, below them, never changes their order and is what event0 finds;
// no entry's key is an event's not-pending key.
func TestEntryKeyOrdersByPhaseThenSequence(t *testing.T) {
	const maxID = 1<<idBits - 1
	const maxSeq = 1<<seqBits - 2 // the last schedule allows
	at := math.Float64bits(5)
	for _, c := range []struct {
		a, b entry
	}{
		{entry{at, entryKey(0, maxSeq, maxID)}, entry{at, entryKey(1, 0, 0)}},
		{entry{at, entryKey(6, maxSeq, maxID)}, entry{at, entryKey(7, 0, 0)}},
		{entry{at, entryKey(3, 41, maxID)}, entry{at, entryKey(3, 42, 0)}},
		{entry{at, entryKey(7, maxSeq, maxID)}, entry{at + 1, entryKey(0, 0, 0)}},
	} {
		if !less(&c.a, &c.b) || less(&c.b, &c.a) {
			t.Errorf("%x should fire before %x", c.a.key, c.b.key)
		}
	}
	for _, id := range []uint32{0, 5, maxID} {
		if k := entryKey(7, maxSeq, id); k >= notPending(id) {
			t.Errorf("the largest key of event %d, %x, is not below its not-pending key %x", id, k, notPending(id))
		}
	}
	if New().seqLimit>>idBits != maxSeq+1 {
		t.Errorf("a new engine renumbers at %d, want %d", New().seqLimit>>idBits, uint64(maxSeq+1))
	}
	e := New()
	for range 3 << chunkBits {
		e.newEvent()
	}
	for _, id := range []uint32{0, 1, 1<<chunkBits - 1, 1 << chunkBits, 2<<chunkBits + 7} {
		x := entry{at, entryKey(PhaseTimer, 12345, id)}
		if got := e.event0(&x).id(); got != id {
			t.Errorf("the entry of event %d names event %d", id, got)
		}
	}
}

// TestSchedulePanicsAbovePhase7 checks that a phase the key has no room
// for is refused, not mixed into the sequence number.
func TestSchedulePanicsAbovePhase7(t *testing.T) {
	e := New()
	e.Schedule(1, 7, func() {})
	defer func() {
		if recover() == nil {
			t.Errorf("Schedule in phase 8 did not panic")
		}
	}()
	e.Schedule(1, 8, func() {})
}
