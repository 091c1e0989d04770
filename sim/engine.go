package sim

import (
	"fmt"
	"math"
)

// Phase orders events that fall at the same instant. Lower phases fire first.
type Phase uint8

// The phases of an instant, in the order they fire. Models may use any Phase
// value; these name the order the contact-centre model relies on.
const (
	// PhaseRelease is for agents finishing work, so that they are free before
	// anything else happens at the same instant.
	PhaseRelease Phase = iota
	// PhaseStaffing is for staffing changes: shifts starting and ending.
	PhaseStaffing
	// PhaseDispatch is for matching waiting work to free agents, after the
	// instant's releases and staffing changes are known.
	PhaseDispatch
	// PhaseArrival is for new contacts arriving.
	PhaseArrival
	// PhaseTimer is for every other timer: patience running out, callbacks,
	// the end of an interval.
	PhaseTimer
)

// event is one scheduled callback. Events are pooled by the Engine: gen
// changes every time an event is fired or cancelled, so a stale Timer can
// tell that its event is gone.
type event struct {
	at    float64
	seq   uint64
	fn    func()
	index int32 // position in the heap, -1 when not scheduled
	phase Phase
	gen   uint32
}

// Timer is a handle on a scheduled event, used to cancel it. The zero Timer
// refers to no event.
type Timer struct {
	ev  *event
	gen uint32
}

// Engine is a discrete-event simulator: a clock and a queue of pending
// events. The zero value is not usable; call New.
type Engine struct {
	now     float64
	seq     uint64
	heap    []*event
	free    []*event
	fired   uint64
	stopped bool
}

// New returns an engine whose clock reads zero.
func New() *Engine {
	return &Engine{heap: make([]*event, 0, 64)}
}

// Now returns the current simulated time in seconds.
func (e *Engine) Now() float64 { return e.now }

// Pending returns the number of events waiting to fire.
func (e *Engine) Pending() int { return len(e.heap) }

// Fired returns the number of events fired so far.
func (e *Engine) Fired() uint64 { return e.fired }

// Schedule arranges for fn to be called at time at, in phase ph. It panics if
// at is before the current time or not a number: that is a bug in the
// caller, not bad input.
func (e *Engine) Schedule(at float64, ph Phase, fn func()) Timer {
	if !(at >= e.now) || math.IsInf(at, 1) {
		panic(fmt.Sprintf("sim: Schedule at %v, which is not a finite time at or after now (%v)", at, e.now))
	}
	if fn == nil {
		panic("sim: Schedule with a nil callback")
	}
	var ev *event
	if n := len(e.free); n > 0 {
		ev = e.free[n-1]
		e.free = e.free[:n-1]
	} else {
		ev = &event{}
	}
	ev.at, ev.phase, ev.seq, ev.fn = at, ph, e.seq, fn
	e.seq++
	ev.index = int32(len(e.heap))
	e.heap = append(e.heap, ev)
	e.up(int(ev.index))
	return Timer{ev: ev, gen: ev.gen}
}

// After arranges for fn to be called delay seconds from now, in phase ph. It
// panics if delay is negative or not a number.
func (e *Engine) After(delay float64, ph Phase, fn func()) Timer {
	if !(delay >= 0) {
		panic(fmt.Sprintf("sim: After with delay %v, which is not a non-negative number", delay))
	}
	return e.Schedule(e.now+delay, ph, fn)
}

// Cancel removes the timer's event from the queue. It reports whether the
// event was still pending; cancelling a fired, cancelled or zero Timer does
// nothing and returns false.
func (e *Engine) Cancel(t Timer) bool {
	ev := t.ev
	if ev == nil || ev.gen != t.gen || ev.index < 0 {
		return false
	}
	e.remove(int(ev.index))
	e.release(ev)
	return true
}

// Active reports whether the timer's event is still waiting to fire.
func (t Timer) Active() bool {
	return t.ev != nil && t.ev.gen == t.gen && t.ev.index >= 0
}

// When returns the time at which the timer fires, and whether it is active.
func (t Timer) When() (float64, bool) {
	if !t.Active() {
		return 0, false
	}
	return t.ev.at, true
}

// Step fires the next event, advancing the clock to its time. It reports
// whether there was an event to fire.
func (e *Engine) Step() bool {
	if len(e.heap) == 0 {
		return false
	}
	ev := e.pop()
	e.now = ev.at
	fn := ev.fn
	e.release(ev)
	e.fired++
	fn()
	return true
}

// Run fires events in order until none is left, Stop is called, or the next
// event is later than until; the clock is then left at the time of the last
// event fired (or at until, if that is later and the queue still holds
// events). Events at exactly until do fire. Pass math.Inf(1) to run until the
// queue is empty.
func (e *Engine) Run(until float64) {
	e.stopped = false
	for len(e.heap) > 0 && !e.stopped {
		if e.heap[0].at > until {
			if until > e.now {
				e.now = until
			}
			return
		}
		e.Step()
	}
}

// Stop makes Run return after the event being fired.
func (e *Engine) Stop() { e.stopped = true }

// release returns an event to the free list, invalidating its Timers.
func (e *Engine) release(ev *event) {
	ev.gen++
	ev.index = -1
	ev.fn = nil
	e.free = append(e.free, ev)
}

// less orders events by time, then phase, then scheduling order.
func less(a, b *event) bool {
	if a.at != b.at {
		return a.at < b.at
	}
	if a.phase != b.phase {
		return a.phase < b.phase
	}
	return a.seq < b.seq
}

// The heap is a binary min-heap that keeps each event's index current, in the
// manner of container/heap's priority-queue example, written out for speed.

func (e *Engine) up(j int) {
	h := e.heap
	ev := h[j]
	for j > 0 {
		i := (j - 1) / 2
		p := h[i]
		if !less(ev, p) {
			break
		}
		h[j] = p
		p.index = int32(j)
		j = i
	}
	h[j] = ev
	ev.index = int32(j)
}

func (e *Engine) down(i int) {
	h := e.heap
	n := len(h)
	ev := h[i]
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		c := l
		if r := l + 1; r < n && less(h[r], h[l]) {
			c = r
		}
		if !less(h[c], ev) {
			break
		}
		h[i] = h[c]
		h[i].index = int32(i)
		i = c
	}
	h[i] = ev
	ev.index = int32(i)
}

func (e *Engine) pop() *event {
	h := e.heap
	top := h[0]
	last := len(h) - 1
	if last > 0 {
		h[0] = h[last]
		h[0].index = 0
	}
	h[last] = nil
	e.heap = h[:last]
	if last > 0 {
		e.down(0)
	}
	return top
}

func (e *Engine) remove(i int) {
	h := e.heap
	last := len(h) - 1
	if i != last {
		h[i] = h[last]
		h[i].index = int32(i)
	}
	h[last] = nil
	e.heap = h[:last]
	if i < last {
		e.down(i)
		e.up(i)
	}
}
