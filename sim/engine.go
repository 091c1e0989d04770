package sim

import (
	"fmt"
	"math"
	"math/bits"
	"unsafe"
)

// Phase orders events that fall at the same instant. Lower phases fire first.
type Phase uint8

// The phases of an instant, in the order they fire. Models may use any Phase
// value up to 7 (Schedule panics above it); these name the order the
// contact-centre model relies on.
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

// event is one scheduled callback: fn, or, when fn is nil, the engine's
// Handler called with kind and arg. Events are pooled by the Engine. key
// is the key of its entry while it is pending, and a not-pending key
// (notPending) once it is fired or cancelled, so a stale entry of the heap
// can tell that its event is gone (an event scheduled again has a new key:
// the sequence number in it is new); either way the key's low idBits bits
// are the event's id, its place in the engine's chunks (id). gen changes
// every time the event is fired or cancelled, so a stale Timer can tell
// too: a Timer outlives renumbering (renumber), which rewrites the keys.
// An event is 64 bytes, one cache line (TestEventIsALine).
type event struct {
	at  float64
	fn  func()
	arg any
	// reads are the addresses of the objects besides arg the event reads
	// when it fires, and readLines their sizes in cache lines (ReadsAlso):
	// only asked for ahead, never read.
	reads     [2]uintptr
	key       uint64
	gen       uint32
	kind      uint8
	readLines [2]uint8
	// timer is whether its entry is in the engine's timers, not its heap.
	timer bool
}

// Handler handles the events scheduled with ScheduleCall: an event names
// what happens with a small number, kind, and what it happens to with arg,
// and the handler dispatches on kind. A model with many objects (contacts,
// customers, agents) thus schedules their events with no closure bound to
// each: a closure is one more object to read when the event fires, and in a
// large centre, where an event fires long after it was scheduled, each read
// of memory not used since is a cache miss.
type Handler interface {
	Handle(kind uint8, arg any)
}

// chunkBits sets the size of the chunks events are allocated in: 256 a
// chunk, so that an event's address never changes (a Timer holds it) and
// the heap names an event by a number.
const chunkBits = 8

// entry is an event's place in the heap, with its ordering key kept inline
// so that ordering the heap reads no event: the bits of its time (a
// number ≥ 0, whose bits as an integer order as the number does), then key:
// the phase in its top phaseBits bits, the sequence number below it, and
// the event's id in the idBits bits below that. Sequence numbers are
// never the same among pending events, so the id below them changes no
// order; when they reach the engine's seqLimit the pending events are
// given new ones, in the same order (renumber). An entry whose key is no
// longer its event's was cancelled, and is dropped when it reaches the
// top. An entry holds no pointer, so moving one needs no write barrier and
// the collector never scans the heap; it is 16 bytes, four to a cache
// line, so that a pop's walk down the heap reads less memory.
type entry struct {
	at  uint64
	key uint64
}

// The widths of an entry's key's parts: the phase, the sequence number
// and the event's id. 2²⁸ events pending at once would take 16 GiB for
// the events alone, 20 with their entries, and a model's objects besides
// (a contact and its customer for each patience timer): far past any
// machine this runs on, so the panic of newEvent is not reached. Sequence
// numbers are renumbered (renumber) before they reach 2³³ − 1.
const (
	phaseBits = 3
	idBits    = 28
	seqBits   = 64 - phaseBits - idBits
)

// seqOne is sequence number 1 in its place in a key.
const seqOne = 1 << idBits

// notPendingBits are the bits set in the key of an event not pending,
// every one above its id: no entry's key, for the sequence number in an
// entry's stays below 2^seqBits − 1 (seqLimit).
const notPendingBits = ^uint64(0) &^ (1<<idBits - 1)

// notPending returns the key of event id while it is not pending.
func notPending(id uint32) uint64 { return notPendingBits | uint64(id) }

// id returns the event's id, its place in the engine's chunks: the low
// idBits bits of its key, pending or not.
func (ev *event) id() uint32 { return uint32(ev.key & (1<<idBits - 1)) }

// entryKey returns the key of an entry of phase ph, sequence number seq
// and event id.
func entryKey(ph Phase, seq uint64, id uint32) uint64 {
	return uint64(ph)<<(seqBits+idBits) | seq<<idBits | uint64(id)
}

// Timer is a handle on a scheduled event, used to cancel it. The zero Timer
// refers to no event. It holds the event's gen as it was scheduled: the
// event is still the Timer's, pending, while its gen is the same (a 32-bit
// gen wraps only after 2³² reuses of one event).
type Timer struct {
	ev  *event
	gen uint32
}

// Engine is a discrete-event simulator: a clock and a queue of pending
// events. The zero value is not usable; call New.
//
// Cancelling a timer only marks its event gone (lazy deletion): its entry
// stays in the heap, unread, until it reaches the top or the cancelled
// entries outnumber the pending ones, when the heap is rebuilt without
// them. So the heap keeps no index in the events, and moving an entry
// touches nothing but the heap's own array: in a large centre the events
// are scattered in memory and each such touch was a cache miss. Events
// fire in the same order either way, (time, phase, sequence number) being
// a total order.
//
// An event scheduled at the current instant (a dispatch after a release,
// say) goes into soon, not the heap: a short list of such entries, sorted
// with the next to fire last. It would otherwise climb the whole heap to
// its top and, once popped, the hole it left would go down the whole
// heap, two walks whose length grows with the number of pending events.
// So does an event due later that would climb to the heap's top two
// levels (nearTop), while soon holds fewer than soonCap entries: in a
// centre of thousands of agents, the next arrival, most often earlier
// than every handling's end. The next event is the earliest of soon's last
// and the heap's top, by the same order, so events fire in the same order
// as from one heap, whatever soon holds.
//
// An event of PhaseTimer due later goes into timers, a heap of its own:
// such timers (a waiting contact's patience) are most often cancelled long
// before they are due, and in the one heap their stale entries made it
// deeper, each pop a level longer, and its compaction a walk of it all.
// Apart, the heap holds the events that will fire, and timers, small, is
// compacted of its own stale entries. The next event is the earliest of
// the three tops, so the order is still that of one heap.
type Engine struct {
	now float64
	// seq is the next event's sequence number in its place in a key,
	// shifted left idBits bits (seqOne is 1), so that schedule makes the
	// key with one shift fewer.
	seq uint64
	// seqLimit is seq at which the pending events are renumbered
	// (renumber): (2^seqBits − 1)·seqOne, smaller in tests.
	seqLimit uint64
	heap     []entry
	timers   []entry // the entries of PhaseTimer events due later than now
	soon     []entry // entries scheduled at the instant they were due, the next last
	// timersLive is the number of timers' entries whose events are pending.
	timersLive int
	chunks     []*[1 << chunkBits]event
	free       []*event
	live       int // pending events: the entries of heap, timers and soon less the cancelled
	fired      uint64
	stopped    bool
	handler    Handler // of the events scheduled with ScheduleCall
	ahead      Aheader // the handler, if it looks ahead
	// lookFrom is the fewest entries of the heap and timers with which
	// the engine looks ahead (lookAheadFrom).
	lookFrom int
	// looked is the key of the entry lookAhead last looked at (notPendingBits
	// before any): an entry still next after the events of soon fired
	// before it (an arrival, a dispatch) is not looked at again, its
	// memory asked for already.
	looked uint64
	// touched is the sum of the entries pop loaded ahead of its walk at
	// its last call, stored so that the loads are made; never read.
	touched uint64

	// handling is true while an event's handler runs (Step), when a call
	// ScheduleNow makes may be held; held is that call (held.go).
	handling bool
	held     heldCall
}

// New returns an engine whose clock reads zero.
func New() *Engine {
	return &Engine{heap: grow(nil, 64), lookFrom: lookAheadFrom, seqLimit: (1<<seqBits - 1) * seqOne, looked: notPendingBits}
}

// Now returns the current simulated time in seconds.
func (e *Engine) Now() float64 { return e.now }

// Pending returns the number of events waiting to fire.
func (e *Engine) Pending() int { return e.live + e.heldN() }

// Fired returns the number of events fired so far.
func (e *Engine) Fired() uint64 { return e.fired }

// Schedule arranges for fn to be called at time at, in phase ph. It panics if
// at is before the current time or not a number, or ph is above 7: that is
// a bug in the caller, not bad input. There is no limit on the number of
// events scheduled (their sequence numbers are renumbered, see renumber);
// more than 2²⁸ pending at once, which would take more memory than any
// machine has (idBits), panics.
func (e *Engine) Schedule(at float64, ph Phase, fn func()) Timer {
	if fn == nil {
		panic("sim: Schedule with a nil callback")
	}
	return e.schedule(at, ph, fn)
}

// schedule puts an event of fn (nil: the handler's) in the heap.
func (e *Engine) schedule(at float64, ph Phase, fn func()) Timer {
	if !(at >= e.now) || math.IsInf(at, 1) {
		panic(fmt.Sprintf("sim: Schedule at %v, which is not a finite time at or after now (%v)", at, e.now))
	}
	if ph>>phaseBits != 0 {
		panic(fmt.Sprintf("sim: phase %d, above the highest, %d", ph, 1<<phaseBits-1))
	}
	if e.seq >= e.seqLimit {
		e.renumber()
	}
	ev := e.newEvent()
	at += 0 // −0 is +0, whose bits order as 0 does
	ev.at, ev.fn = at, fn
	// entryKey(ph, seq, ev.id()), seq and id in place already
	x := entry{at: math.Float64bits(at), key: uint64(ph)<<(seqBits+idBits) | e.seq | ev.key&(1<<idBits-1)}
	ev.key = x.key
	e.seq += seqOne
	e.live++
	switch {
	case at == e.now:
		e.addSoon(x)
	case ph == PhaseTimer:
		ev.timer = true
		e.timersLive++
		e.timers = append(room(e.timers), x)
		up(e.timers, len(e.timers)-1)
	case len(e.soon) < soonCap && e.nearTop(&x):
		e.addSoon(x)
	default:
		e.heap = append(room(e.heap), x)
		up(e.heap, len(e.heap)-1)
	}
	return Timer{ev: ev, gen: ev.gen}
}

// newEvent returns a free event, from the free list or a new chunk.
func (e *Engine) newEvent() *event {
	if n := len(e.free); n > 0 {
		ev := e.free[n-1]
		e.free = e.free[:n-1]
		return ev
	}
	if len(e.chunks) >= 1<<(idBits-chunkBits) {
		panic(fmt.Sprintf("sim: more than 2^%d events pending", idBits))
	}
	c := new([1 << chunkBits]event)
	base := uint32(len(e.chunks)) << chunkBits
	e.chunks = append(e.chunks, c)
	for i := len(c) - 1; i >= 0; i-- {
		c[i].key = notPending(base + uint32(i))
		e.free = append(e.free, &c[i])
	}
	return e.newEvent()
}

// event returns the event of entry x, and whether x is still its
// (not cancelled).
func (e *Engine) event(x *entry) (*event, bool) {
	ev := e.event0(x)
	return ev, ev.key == x.key
}

// SetHandler sets the handler of the events scheduled with ScheduleCall.
// If it is also an Aheader, it is told of each such event as the one
// before it fires.
func (e *Engine) SetHandler(h Handler) {
	e.handler = h
	e.ahead, _ = h.(Aheader)
}

// Aheader is a Handler that looks ahead: in a large model the objects an
// event reads (a contact, its customer, its agent) were last used long
// before it fires, and each read waits on memory. The engine calls Ahead
// with the kind and arg of the next event of the handler's as the event
// before it fires, so that the handler can ask for that memory (Prefetch)
// while the current event is handled, when the heap and timers hold
// lookAheadFrom entries or more. Ahead must change nothing: the next event
// may yet be cancelled, or come after one scheduled meanwhile.
type Aheader interface {
	Ahead(kind uint8, arg any)
}

// lookAhead readies the cache for the next events, whose entries are at
// the top of the heap or of timers (whichever fires first), as the event
// before them fires: the objects the next one reads besides its arg
// (ReadsAlso) are asked for, and the handler looks ahead at it (Aheader);
// its event an earlier look ahead most often brought in already. The
// events of the two after it, the top's children, are brought in for the
// next look ahead. It changes nothing. The entry it looked at last, still
// next, it does not look at again (looked).
// With fewer entries than lookFrom it does nothing: then the next events'
// memory is most likely in the cache still.
func (e *Engine) lookAhead() {
	h := e.heap
	if len(h)+len(e.timers) < e.lookFrom {
		return
	}
	if t := e.timers; len(t) > 0 && (len(h) == 0 || less(&t[0], &h[0])) {
		h = t
	}
	if len(h) == 0 || h[0].key == e.looked {
		return
	}
	e.looked = h[0].key
	if next, ok := e.event(&h[0]); ok && next.fn == nil {
		if next.readLines != [2]uint8{} {
			prefetch2(next.reads[0], uintptr(next.readLines[0]), next.reads[1], uintptr(next.readLines[1]))
		}
		if e.ahead != nil {
			e.ahead.Ahead(next.kind, next.arg)
		}
	}
	if len(h) >= 3 {
		prefetchBoth(e.eventAddr(&h[1]), e.eventAddr(&h[2]), unsafe.Sizeof(event{}))
	}
}

// lookAheadFrom is the fewest entries of the heap and timers with which
// the engine looks ahead: in a smaller heap the next events' memory is still in the
// cache, and looking ahead is work for nothing.
const lookAheadFrom = 1024

// eventAddr returns the address of entry x's event.
func (e *Engine) eventAddr(x *entry) uintptr {
	return uintptr(unsafe.Pointer(e.event0(x)))
}

// ScheduleCall arranges for the engine's Handler to be called at time at,
// in phase ph, with kind and arg. Events scheduled with ScheduleCall and
// with Schedule share one order: (time, phase, the order they were
// scheduled in). It panics as Schedule does, and if no handler is set.
func (e *Engine) ScheduleCall(at float64, ph Phase, kind uint8, arg any) Timer {
	if e.handler == nil {
		panic("sim: ScheduleCall with no handler set")
	}
	t := e.schedule(at, ph, nil)
	t.ev.kind, t.ev.arg = kind, arg
	return t
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
	if ev == nil || ev.gen != t.gen {
		return false
	}
	timer := ev.timer
	e.release(ev)
	e.live--
	if timer {
		e.timersLive--
		if stale := len(e.timers) - e.timersLive; stale > e.timersLive && stale >= 64 {
			e.compactTimers()
		}
		return true
	}
	live := e.live - e.timersLive // the heap's and soon's
	if stale := len(e.heap) + len(e.soon) - live; stale > live && stale >= 64 {
		e.compact()
	}
	return true
}

// Active reports whether the timer's event is still waiting to fire.
func (t Timer) Active() bool {
	return t.ev != nil && t.ev.gen == t.gen
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
	x, from := e.dropStale()
	if x == nil {
		return false
	}
	e.step(x, from)
	return true
}

// step fires x, the next entry, found by dropStale in from.
func (e *Engine) step(x *entry, from int) {
	var ev *event
	switch from {
	case fromSoon:
		ev, _ = e.event(x)
		e.soon = e.soon[:len(e.soon)-1]
	case fromTimers:
		ev = e.event0(&e.timers[0])
		e.timers = e.pop(e.timers)
		e.timersLive--
	default:
		ev = e.event0(&e.heap[0])
		e.heap = e.pop(e.heap)
	}
	e.live--
	e.now = ev.at
	fn, kind, arg := ev.fn, ev.kind, ev.arg
	e.lookAhead()
	e.release(ev)
	e.fired++
	e.handling = true
	if fn != nil {
		fn()
	} else {
		e.handler.Handle(kind, arg)
	}
	e.handling = false
	if e.held.fn != nil {
		e.fireHeld()
	}
}

// Run fires events in order until none is left, Stop is called, or the next
// event is later than until; the clock is then left at the time of the last
// event fired (or at until, if that is later and the queue still holds
// events). Events at exactly until do fire. Pass math.Inf(1) to run until the
// queue is empty.
func (e *Engine) Run(until float64) {
	e.stopped = false
	for !e.stopped {
		x, from := e.dropStale()
		if x == nil {
			return
		}
		if math.Float64frombits(x.at) > until {
			if until > e.now {
				e.now = until
			}
			return
		}
		e.step(x, from) // the entry found, not looked for again (Step)
	}
}

// Stop makes Run return after the event being fired.
func (e *Engine) Stop() { e.stopped = true }

// release returns an event to the free list, invalidating its Timers (gen)
// and its entry (key, now not pending, its id kept).
func (e *Engine) release(ev *event) {
	ev.key |= notPendingBits
	ev.gen++
	ev.fn, ev.arg = nil, nil
	ev.timer = false
	ev.readLines = [2]uint8{}
	e.free = append(e.free, ev)
}

// less orders entries by time, then phase, then scheduling order: the
// 128-bit comparison of (at, key), without a branch, for the heap's
// comparisons of random times are as likely one way as the other.
func less(a, b *entry) bool {
	return lessBit(a, b) != 0
}

// lessBit is less as 1 or 0.
func lessBit(a, b *entry) uint64 {
	_, borrow := bits.Sub64(a.key, b.key, 0)
	_, borrow = bits.Sub64(a.at, b.at, borrow)
	return borrow
}

// The heap and timers are binary min-heaps of entries, in the manner of
// container/heap, written out for speed.

// up moves h[j] up to its place.
func up(h []entry, j int) {
	x := h[j]
	for j > 0 {
		i := (j - 1) / 2
		if !less(&x, &h[i]) {
			break
		}
		h[j] = h[i]
		j = i
	}
	h[j] = x
}

// down moves h[i] down to its place.
func down(h []entry, i int) {
	n := len(h)
	x := h[i]
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		c := l
		if r := l + 1; r < n && less(&h[r], &h[l]) {
			c = r
		}
		if !less(&h[c], &x) {
			break
		}
		h[i] = h[c]
		i = c
	}
	h[i] = x
}

// touchFrom is the fewest entries of a heap whose pop loads the entries
// ahead of its walk: in a smaller heap they are in the nearest cache
// already, and loading them is work for nothing.
const touchFrom = 4096

// pop removes the top entry of h, the engine's heap or timers, which
// must not be empty, and returns the heap left.
func (e *Engine) pop(h []entry) []entry {
	last := len(h) - 1
	x := h[last]
	h[last] = entry{}
	h = h[:last]
	if last == 0 {
		return h
	}
	// The hole at the top goes down to a leaf, the smaller child moving up
	// at each level, and the last entry, which belongs near the bottom,
	// fills it and moves up: one comparison a level where a sift down from
	// the top takes two (Floyd's variant).
	//
	// In a heap of touchFrom entries or more, whose lower levels are not
	// in the nearest cache, each level also loads the first of the hole's
	// four grandchildren, whose cache line holds all four (lineOffset),
	// before the comparison that tells which two the walk goes on to: the
	// line is on its way while it waits on the children's. The loads are
	// summed into e.touched, which nothing reads, so that they are made.
	far := 0 // the grandchildren below far are loaded ahead of the walk
	if last >= touchFrom {
		far = last
	}
	var touched uint64
	i := 0
	for {
		l := 2*i + 1
		if l+1 >= last {
			if l < last { // a left child alone
				h[i] = h[l]
				i = l
			}
			break
		}
		if g := 2*l + 1; g+3 < far {
			touched += h[g].at // the grandchildren's line (lineOffset)
		}
		c := l + int(lessBit(&h[l+1], &h[l]))
		h[i] = h[c]
		i = c
	}
	h[i] = x
	up(h, i)
	e.touched = touched
	return h
}

// event0 returns the event of entry x, cancelled or not.
func (e *Engine) event0(x *entry) *event {
	id := uint32(x.key & (1<<idBits - 1))
	return &e.chunks[id>>chunkBits][id&(1<<chunkBits-1)]
}

// nearTop tells whether x would go up to the heap's top two levels: it is
// earlier than the top or than one of its children.
func (e *Engine) nearTop(x *entry) bool {
	h := e.heap
	switch {
	case len(h) == 0:
		return false
	case less(x, &h[0]):
		return true
	case len(h) < 3:
		return false
	}
	return less(x, &h[1]) || less(x, &h[2])
}

// soonCap is the most entries soon holds before an entry due later than
// now, near the heap's top, goes into the heap after all: soon is kept
// sorted by moving its entries, a walk that must stay short.
const soonCap = 16

// addSoon puts x, due now or before the heap's top, in soon, in its place: the entries that fire
// before it after it.
func (e *Engine) addSoon(x entry) {
	s := append(e.soon, x)
	i := len(s) - 1
	for ; i > 0 && less(&s[i-1], &x); i-- {
		s[i] = s[i-1]
	}
	s[i] = x
	e.soon = s
}

// Where the next entry is: fromHeap, fromSoon or fromTimers.
const (
	fromHeap = iota
	fromSoon
	fromTimers
)

// next returns the entry that fires next, soon's last or the top of the
// heap or of timers, and where it is; nil if there is none.
func (e *Engine) next() (x *entry, from int) {
	if len(e.heap) > 0 {
		x = &e.heap[0]
	}
	if len(e.timers) > 0 && (x == nil || less(&e.timers[0], x)) {
		x, from = &e.timers[0], fromTimers
	}
	if n := len(e.soon); n > 0 && (x == nil || less(&e.soon[n-1], x)) {
		return &e.soon[n-1], fromSoon
	}
	return x, from
}

// dropStale takes cancelled entries off soon, the heap and timers until
// the next entry is a pending event's, and returns that entry and where it
// is; nil if no event is pending.
func (e *Engine) dropStale() (*entry, int) {
	for {
		x, from := e.next()
		if x == nil {
			return nil, from
		}
		if _, ok := e.event(x); ok {
			return x, from
		}
		switch from {
		case fromSoon:
			e.soon = e.soon[:len(e.soon)-1]
		case fromTimers:
			e.timers = e.pop(e.timers)
		default:
			e.heap = e.pop(e.heap)
		}
	}
}

// compactTimers rebuilds timers without its cancelled entries.
func (e *Engine) compactTimers() {
	e.timers = e.pending(e.timers)
	if len(e.timers) != e.timersLive {
		panic(fmt.Sprintf("sim: %d pending timers, %d counted", len(e.timers), e.timersLive))
	}
}

// pending returns heap h rebuilt, in place, without its cancelled entries.
//
// Each entry is copied down and kept if its event is pending, without a
// branch: about half are cancelled, a branch on each would be mispredicted
// as often, and each misprediction would discard the reads of the events
// after it, which in a large heap wait on memory; without it they overlap.
func (e *Engine) pending(h []entry) []entry {
	k := 0
	for i := range h {
		x := h[i]
		ev := e.event0(&x)
		h[k] = x
		d := ev.key ^ x.key
		k += int(1 - (d|-d)>>63) // 1 if the keys are equal: d|-d is below 2⁶³ only if d is 0
	}
	n := h[:k]
	clear(h[k:])
	for i := len(n)/2 - 1; i >= 0; i-- {
		down(n, i)
	}
	return n
}

// compact rebuilds the heap, and soon, without their cancelled entries.
func (e *Engine) compact() {
	s := e.soon[:0]
	for _, x := range e.soon {
		if _, ok := e.event(&x); ok {
			s = append(s, x)
		}
	}
	e.soon = s
	e.heap = e.pending(e.heap)
	if len(e.heap)+len(s) != e.live-e.timersLive {
		panic(fmt.Sprintf("sim: %d pending events in the heap and %d due now, %d counted", len(e.heap), len(s), e.live-e.timersLive))
	}
}
