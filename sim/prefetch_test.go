package sim

import (
	"math"
	"slices"
	"testing"
	"unsafe"
)

// TestReadsAlsoChangesNothing checks ReadsAlso: events told of the
// objects they read (some nil, some freed and reused since, some of
// cancelled events) fire in the same order as the same schedule without
// it, whether the engine looks ahead or not, and the objects are left as
// they were.
func TestReadsAlsoChangesNothing(t *testing.T) {
	run := func(from int, reads bool) ([]int, []int) {
		e := New()
		e.lookFrom = from
		r := &aheadRecorder{}
		e.SetHandler(r)
		rng := NewStreams(7, 0).Rand("reads")
		args := make([]int, 3000)
		big := make([][300]byte, 50)
		for i := range big {
			for j := range big[i] {
				big[i][j] = byte(i + j)
			}
		}
		var timers []Timer
		for i := range args {
			args[i] = i
			tm := e.ScheduleCall(rng.Float64()*1000, Phase(rng.IntN(5)), 0, &args[i])
			timers = append(timers, tm)
			if reads {
				switch i % 3 {
				case 0:
					ReadsAlso(tm, &big[i%50], &args[(i*7)%len(args)])
				case 1:
					ReadsAlso(tm, (*int)(nil), &big[(i+1)%50])
				default:
					ReadsAlso(tm, &big[i%50], (*[1 << 20]byte)(nil))
				}
			}
		}
		for i := 0; i < len(timers); i += 5 {
			e.Cancel(timers[i])
		}
		// Events scheduled as others fire reuse their events: ReadsAlso
		// of a fired event's Timer must not touch them.
		n := 0
		e.Schedule(500, PhaseDispatch, func() {
			for i := 0; i < 200; i++ {
				tm := e.ScheduleCall(500+rng.Float64()*500, PhaseRelease, 0, &args[i])
				if reads {
					ReadsAlso(timers[1], &big[0], &big[1]) // fired long ago
					ReadsAlso(tm, &big[i%50], &args[i])
				}
				n++
			}
		})
		e.Run(math.Inf(1))
		for i := range big {
			for j := range big[i] {
				if big[i][j] != byte(i+j) {
					t.Fatalf("big[%d][%d] changed", i, j)
				}
			}
		}
		return r.handled, r.ahead
	}
	plain, plainAhead := run(0, false)
	if len(plain) != 3000-600+200 {
		t.Fatalf("%d events handled", len(plain))
	}
	for _, from := range []int{0, lookAheadFrom, 1 << 20} {
		got, ahead := run(from, true)
		if !slices.Equal(got, plain) {
			t.Errorf("from %d: the events fired in another order with ReadsAlso", from)
		}
		if from == 0 && !slices.Equal(ahead, plainAhead) {
			t.Errorf("from %d: told ahead of other events with ReadsAlso", from)
		}
	}
}

// TestReadsAlsoOnlyOfPending checks that ReadsAlso of a Timer whose
// event was cancelled, or fired, leaves that event, reused, as a new one
// is: it asks for nothing ahead.
func TestReadsAlsoOnlyOfPending(t *testing.T) {
	e := New()
	e.SetHandler(&aheadRecorder{})
	x := 1
	tm := e.ScheduleCall(1, PhaseRelease, 0, &x)
	ReadsAlso(tm, &x, &x)
	if tm.ev.readLines == [2]uint8{} {
		t.Fatal("ReadsAlso of a pending event noted nothing")
	}
	e.Cancel(tm)
	again := e.ScheduleCall(2, PhaseRelease, 0, &x) // the same event, reused
	if again.ev != tm.ev {
		t.Fatal("the cancelled event was not reused")
	}
	if again.ev.readLines != [2]uint8{} {
		t.Error("a reused event asks ahead for what its cancelled use read")
	}
	ReadsAlso(tm, &x, &x)
	if again.ev.readLines != [2]uint8{} {
		t.Error("ReadsAlso of a cancelled Timer changed its reused event")
	}
}

// TestEventIsALine checks that an event fills one cache line of 64 bytes,
// so that an event, in a chunk (allocated on a page), is read with one
// line: looking ahead asks for it alone.
func TestEventIsALine(t *testing.T) {
	if s := unsafe.Sizeof(event{}); s != 64 {
		t.Errorf("an event takes %d bytes", s)
	}
}
