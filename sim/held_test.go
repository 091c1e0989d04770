package sim

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// heldWorld drives an engine with random events: each, when fired, logs
// its number and schedules up to three more, at this instant or later, in
// random phases, some cancelled; with now set, those at this instant in
// PhaseDispatch are made with ScheduleNow, else with Schedule (and not
// cancelled either way). Phases are 0 to 4, or 0 to 7 with allPhases.
type heldWorld struct {
	e         *Engine
	rng       *rand.Rand
	now       bool
	allPhases bool
	n         int
	log       []string
	tms       []Timer
}

func (w *heldWorld) add(depth int) {
	id := w.n
	w.n++
	fn := func() {
		w.log = append(w.log, fmt.Sprintf("%d@%v pending %d fired %d", id, w.e.Now(), w.e.Pending(), w.e.Fired()))
		if id%97 == 96 {
			w.e.Stop()
		}
		if depth < 12 {
			for range w.rng.IntN(4) {
				w.add(depth + 1)
			}
		}
		// A call ScheduleNow holds counts as pending as Schedule's entry.
		w.log = append(w.log, fmt.Sprintf("%d then pending %d", id, w.e.Pending()))
	}
	ph := Phase(w.rng.IntN(5))
	if w.allPhases {
		ph = Phase(w.rng.IntN(8))
	}
	at := w.e.Now()
	if w.rng.IntN(3) == 0 {
		at += float64(w.rng.IntN(4))
	}
	switch {
	case at != w.e.Now() || ph != PhaseDispatch:
		w.tms = append(w.tms, w.e.Schedule(at, ph, fn))
	case w.now:
		w.e.ScheduleNow(ph, fn)
	default: // not cancelled, as ScheduleNow's cannot be
		w.e.Schedule(at, ph, fn)
	}
	if len(w.tms) > 0 && w.rng.IntN(6) == 0 {
		w.e.Cancel(w.tms[w.rng.IntN(len(w.tms))])
	}
}

// TestScheduleNowKeepsTheOrder runs 300 random worlds of events twice, the
// dispatches due now made with ScheduleNow and with Schedule, and checks
// that the same events fire in the same order, with the same counts of
// events pending and fired, through Stops and Runs resumed.
func TestScheduleNowKeepsTheOrder(t *testing.T) {
	held := 0
	for seed := range uint64(300) {
		var logs [2][]string
		for k, now := range []bool{false, true} {
			w := &heldWorld{e: New(), rng: rand.New(rand.NewPCG(seed, 7)), now: now}
			for range 5 {
				w.add(0)
			}
			for w.e.Pending() > 0 {
				w.e.Run(float64(w.rng.IntN(30)))
				w.log = append(w.log, fmt.Sprintf("run ended at %v, pending %d", w.e.Now(), w.e.Pending()))
			}
			logs[k] = w.log
			if now {
				held += int(w.e.Fired())
			}
		}
		if !slices.Equal(logs[0], logs[1]) {
			for i := range min(len(logs[0]), len(logs[1])) {
				if logs[0][i] != logs[1][i] {
					t.Fatalf("seed %d: event %d: %q with Schedule, %q with ScheduleNow", seed, i, logs[0][i], logs[1][i])
				}
			}
			t.Fatalf("seed %d: %d events with Schedule, %d with ScheduleNow", seed, len(logs[0]), len(logs[1]))
		}
	}
	if held < 10000 {
		t.Fatalf("%d events fired in all, want more", held)
	}
}
