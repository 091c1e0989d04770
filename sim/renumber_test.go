package sim

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRenumberKeepsTheOrder runs random worlds of events (heldWorld: at
// this instant and later, in every phase, some cancelled, ScheduleNow's
// held calls, Stops and Runs resumed) with the engine's sequence numbers
// renumbered at the default limit, never reached, and at small ones, often
// reached: the same events must fire in the same order, with the same
// counts of events pending and fired, and the kept Timers active or not
// at the same times.
func TestRenumberKeepsTheOrder(t *testing.T) {
	limits := []uint64{0, 40, 100, 1000} // 0: New's
	renumbered := make([]int, len(limits))
	for seed := range uint64(200) {
		logs := make([][]string, len(limits))
		for k, limit := range limits {
			w := &heldWorld{e: New(), rng: rand.New(rand.NewPCG(seed, 11)), now: seed%2 == 0, allPhases: true}
			if limit != 0 {
				w.e.seqLimit = limit * seqOne
			}
			for range 8 {
				w.add(0)
			}
			for w.e.Pending() > 0 {
				w.e.Run(float64(w.rng.IntN(30)))
				active := make([]byte, 0, 2*len(w.tms))
				sum := 0.0 // of the times the active timers fire at
				for _, tm := range w.tms {
					at, ok := tm.When()
					active = append(active, '0'+b2u(tm.Active()), '0'+b2u(ok))
					sum += at
				}
				w.log = append(w.log, fmt.Sprintf("run ended at %v, pending %d, fired %d, timers %s at %v", w.e.Now(), w.e.Pending(), w.e.Fired(), active, sum))
			}
			logs[k] = w.log
			if w.e.seq>>idBits < uint64(w.n) {
				renumbered[k]++
			}
		}
		for k := 1; k < len(limits); k++ {
			if slices.Equal(logs[0], logs[k]) {
				continue
			}
			for i := range min(len(logs[0]), len(logs[k])) {
				if logs[0][i] != logs[k][i] {
					t.Fatalf("seed %d: line %d: %q, renumbered at %d: %q", seed, i, logs[0][i], limits[k], logs[k][i])
				}
			}
			t.Fatalf("seed %d: %d lines, renumbered at %d: %d", seed, len(logs[0]), limits[k], len(logs[k]))
		}
	}
	if renumbered[0] != 0 {
		t.Errorf("%d worlds renumbered at New's limit", renumbered[0])
	}
	for k := 1; k < len(limits); k++ {
		if renumbered[k] < 50 {
			t.Errorf("%d worlds of 200 renumbered at %d, want more", renumbered[k], limits[k])
		}
	}
}

// b2u returns 1 for true, 0 for false.
func b2u(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// TestRenumberRewritesKeys checks renumber itself: the pending events get
// sequence numbers 0 to n−1 in their order, cancelled entries are gone,
// entries and events agree, and Timers, cancelled or not, stay as they were.
func TestRenumberRewritesKeys(t *testing.T) {
	e := New()
	var tms []Timer
	for i := range 50 {
		tms = append(tms, e.Schedule(float64(i%7), Phase(i%8), func() {}))
	}
	for i := 0; i < 50; i += 3 {
		e.Cancel(tms[i])
	}
	e.renumber()
	if e.seq>>idBits != uint64(e.Pending()) {
		t.Fatalf("next sequence number %d, %d pending", e.seq>>idBits, e.Pending())
	}
	var seqs []uint64
	for _, h := range [][]entry{e.heap, e.timers, e.soon} {
		for i := range h {
			ev, ok := e.event(&h[i])
			if !ok {
				t.Fatalf("entry %x is stale or not its event's (%x)", h[i].key, ev.key)
			}
			seqs = append(seqs, h[i].key>>idBits&(1<<seqBits-1))
		}
	}
	slices.Sort(seqs)
	for i, s := range seqs {
		if s != uint64(i) {
			t.Fatalf("sequence numbers %v, want 0 to %d", seqs, len(seqs)-1)
		}
	}
	for i, tm := range tms {
		if tm.Active() != (i%3 != 0) {
			t.Errorf("timer %d active: %v", i, tm.Active())
		}
	}
}
