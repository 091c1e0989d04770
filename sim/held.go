package sim

import (
	"fmt"
	"math"
)

// heldCall is a call ScheduleNow made while an event was handled, kept
// aside of the queue until the handler returns: fn, and the key its entry
// would have (its phase and its place in the order of scheduling), the
// id of its event added when it takes its place in the queue.
type heldCall struct {
	fn  func()
	key uint64
}

// ScheduleNow schedules fn at the current instant in phase ph, as
// Schedule(Now(), ph, fn) does, but returns no Timer: it cannot be
// cancelled. Called while an event is handled (Step), the call is held aside
// of the queue; when the handler returns, it is fired at once if it is then
// the next event in the order (nothing pending at this instant in an earlier
// phase, nor in its phase scheduled before it), with no entry in the queue,
// else it takes its place in the queue with the order it was given when
// made. Either way events fire in the order Schedule would give them, and
// Fired and Pending count it as one of Schedule's. A model's dispatch at the
// end of an instant's releases is most often the next event: it saves the
// entry's round trip.
func (e *Engine) ScheduleNow(ph Phase, fn func()) {
	if fn == nil {
		panic("sim: ScheduleNow with a nil callback")
	}
	if !e.handling || e.held.fn != nil {
		e.schedule(e.now, ph, fn)
		return
	}
	if ph>>phaseBits != 0 {
		panic(fmt.Sprintf("sim: phase %d, above the highest, %d", ph, 1<<phaseBits-1))
	}
	if e.seq >= e.seqLimit {
		e.renumber()
	}
	e.held = heldCall{fn: fn, key: uint64(ph)<<(seqBits+idBits) | e.seq} // entryKey(ph, seq, 0)
	e.seq += seqOne
}

// heldN returns 1 if a call is held, else 0.
func (e *Engine) heldN() int {
	if e.held.fn != nil {
		return 1
	}
	return 0
}

// fireHeld fires the held call, and any its own handler holds, while each
// is the next event in the order and the engine is not stopped; a call that
// is not takes its place in the queue, due now (soon).
func (e *Engine) fireHeld() {
	for e.held.fn != nil {
		h := e.held
		e.held = heldCall{}
		x := entry{at: math.Float64bits(e.now), key: h.key}
		if next, _ := e.dropStale(); e.stopped || next != nil && !less(&x, next) {
			ev := e.newEvent()
			ev.at, ev.fn = e.now, h.fn
			x.key |= uint64(ev.id()) // the id in the key's lowest bits (entryKey)
			ev.key = x.key
			e.live++
			e.addSoon(x)
			return
		}
		e.fired++
		e.handling = true
		h.fn()
		e.handling = false
	}
}
