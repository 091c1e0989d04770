package models

import (
	"math"

	"github.com/omnisim/omnisim/sim"
)

// world is one replication of a Config on its own engine: one live channel
// served first come, first served by one pool of identical agents.
type world struct {
	cfg       *Config
	eng       *sim.Engine
	intervals int

	// The live channel.
	arrivals   *arrivalProcess
	handle     Sampler
	patience   Sampler
	patient    bool // patience never runs out
	within     float64
	waiting    queue
	total      Counts
	byInterval []Counts

	// The pool: staffed is the headcount the plan asks for now; present
	// counts agents at work, which exceeds staffed while agents whose shift
	// has ended finish their last contact; busy counts those handling one.
	pool     Pool
	staffed  int
	present  int
	busy     int
	dispatch bool // a dispatch is scheduled for this instant

	// Agent time is integrated between changes: last is when busy and
	// present last changed or were last booked, cur the interval being
	// booked, measuring whether now is in [warm-up, horizon).
	last      float64
	cur       int
	measuring bool

	free []*contact

	// Callbacks bound once, so scheduling them allocates nothing.
	arriveFn, releaseFn, dispatchFn, boundaryFn func()
}

// Run simulates replication rep of cfg and returns what it measured. The
// replication's random streams are derived from cfg.Seed and rep.
func Run(cfg *Config, rep int) (*Result, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	w := newWorld(cfg, sim.NewStreams(cfg.Seed, rep))
	w.run()
	return w.result(rep), nil
}

func newWorld(cfg *Config, streams *sim.Streams) *world {
	ch := cfg.Channels[0]
	w := &world{
		cfg:        cfg,
		eng:        sim.New(),
		intervals:  cfg.Intervals(),
		arrivals:   newArrivalProcess(ch.Arrivals, cfg.Interval, streams.Rand("arrivals/"+ch.Name)),
		handle:     ch.HandleTime.Sampler(streams.Source("handle/" + ch.Name)),
		patience:   ch.Patience.Sampler(streams.Source("patience/" + ch.Name)),
		patient:    ch.Patience.Kind == Never,
		within:     ch.AnswerWithin,
		pool:       cfg.Pools[0],
		measuring:  cfg.Warmup == 0,
		byInterval: make([]Counts, cfg.Intervals()),
	}
	w.arriveFn = w.arrive
	w.releaseFn = w.release
	w.dispatchFn = w.dispatchNow
	w.boundaryFn = w.boundary
	return w
}

func (w *world) run() {
	cfg := w.cfg
	w.staffed = w.pool.AgentsAt(0)
	w.present = w.staffed
	// Interval boundaries change the headcount and the interval being
	// booked; each schedules the next, so one is pending at a time. The
	// warm-up's end and the horizon switch measuring on and off.
	if w.intervals > 1 {
		w.eng.Schedule(cfg.Interval, sim.PhaseStaffing, w.boundaryFn)
	}
	if cfg.Warmup > 0 {
		w.eng.Schedule(cfg.Warmup, sim.PhaseStaffing, func() { w.book(); w.measuring = true })
	}
	w.eng.Schedule(cfg.Horizon, sim.PhaseStaffing, func() {
		w.book()
		w.measuring = false
		w.cur = w.intervals
	})
	if t := w.arrivals.next(0, cfg.Horizon); t < cfg.Horizon {
		w.eng.Schedule(t, sim.PhaseArrival, w.arriveFn)
	}
	if cfg.Cutoff {
		w.eng.Run(cfg.Horizon)
	} else {
		w.eng.Run(math.Inf(1))
	}
	// Whatever still waits was never answered: the run was cut off, or no
	// agent came for a customer who would never abandon.
	for c := w.waiting.head; c != nil; c = c.next {
		if c.counted {
			w.total.Unfinished++
		}
		w.byInterval[c.interval].Unfinished++
	}
}

// boundary starts the next interval: agent time is booked to the interval
// just ended and the headcount changes to the plan's for the new interval.
func (w *world) boundary() {
	w.book()
	w.cur++
	k := w.cur
	if k+1 < w.intervals {
		w.eng.Schedule(float64(k+1)*w.cfg.Interval, sim.PhaseStaffing, w.boundaryFn)
	}
	target := w.pool.AgentsAt(k)
	w.staffed = target
	switch {
	case target > w.present:
		w.present = target
		w.requestDispatch()
	case target < w.present:
		// Idle agents leave now; busy ones leave as they finish (release).
		leave := min(w.present-target, w.present-w.busy)
		w.present -= leave
	}
}

// book adds agent time since the last booking to the current interval and,
// inside the measured window, to the total.
func (w *world) book() {
	now := w.eng.Now()
	dt := now - w.last
	if dt <= 0 {
		return
	}
	w.last = now
	busy, present := dt*float64(w.busy), dt*float64(w.present)
	if w.cur < w.intervals {
		iv := &w.byInterval[w.cur]
		iv.BusyTime += busy
		iv.AgentTime += present
	}
	if w.measuring {
		w.total.BusyTime += busy
		w.total.AgentTime += present
	}
}

func (w *world) newContact() *contact {
	if n := len(w.free); n > 0 {
		c := w.free[n-1]
		w.free = w.free[:n-1]
		return c
	}
	c := &contact{}
	c.abandon = func() { w.abandon(c) }
	return c
}

func (w *world) arrive() {
	now := w.eng.Now()
	cfg := w.cfg
	c := w.newContact()
	c.arrived = now
	c.handle = w.handle.Rand()
	patience := w.patience.Rand()
	c.counted = now >= cfg.Warmup
	c.interval = int(now / cfg.Interval)
	if c.interval >= w.intervals { // rounding at the very end of the horizon
		c.interval = w.intervals - 1
	}
	if c.counted {
		w.total.Offered++
	}
	w.byInterval[c.interval].Offered++

	if w.waiting.n == 0 && w.busy < w.present {
		w.answer(c, now)
	} else {
		if c.counted {
			w.total.Waited++
		}
		w.byInterval[c.interval].Waited++
		w.waiting.push(c)
		if !w.patient {
			c.patience = w.eng.Schedule(now+patience, sim.PhaseTimer, c.abandon)
		}
	}
	if t := w.arrivals.next(now, cfg.Horizon); t < cfg.Horizon {
		w.eng.Schedule(t, sim.PhaseArrival, w.arriveFn)
	}
}

// answer puts contact c with an agent at time now.
func (w *world) answer(c *contact, now float64) {
	w.book()
	w.busy++
	wait := now - c.arrived
	within := wait <= w.within
	if c.counted {
		w.total.Answered++
		w.total.WaitAnswered += wait
		w.total.HandleTime += c.handle
		if within {
			w.total.AnsweredWithin++
		}
	}
	iv := &w.byInterval[c.interval]
	iv.Answered++
	iv.WaitAnswered += wait
	iv.HandleTime += c.handle
	if within {
		iv.AnsweredWithin++
	}
	w.eng.Schedule(now+c.handle, sim.PhaseRelease, w.releaseFn)
	w.free = append(w.free, c)
}

func (w *world) abandon(c *contact) {
	wait := w.eng.Now() - c.arrived
	w.waiting.remove(c)
	if c.counted {
		w.total.Abandoned++
		w.total.WaitAbandoned += wait
	}
	iv := &w.byInterval[c.interval]
	iv.Abandoned++
	iv.WaitAbandoned += wait
	w.free = append(w.free, c)
}

// release frees an agent at the end of a contact. An agent whose shift has
// ended goes home; the others take waiting work at the dispatch phase of
// this instant, after any staffing change due now.
func (w *world) release() {
	w.book()
	w.busy--
	if w.present > w.staffed {
		w.present--
	}
	if w.waiting.n > 0 && w.busy < w.present {
		w.requestDispatch()
	}
}

func (w *world) requestDispatch() {
	if !w.dispatch && w.waiting.n > 0 {
		w.dispatch = true
		w.eng.Schedule(w.eng.Now(), sim.PhaseDispatch, w.dispatchFn)
	}
}

// dispatchNow gives waiting contacts, oldest first, to free agents.
func (w *world) dispatchNow() {
	w.dispatch = false
	now := w.eng.Now()
	for w.waiting.n > 0 && w.busy < w.present {
		c := w.waiting.pop()
		w.eng.Cancel(c.patience)
		w.answer(c, now)
	}
}

func (w *world) result(rep int) *Result {
	ch := w.cfg.Channels[0]
	return &Result{
		Replication: rep,
		Channels:    []ChannelResult{{Name: ch.Name, Total: w.total, Intervals: w.byInterval}},
		Events:      w.eng.Fired(),
		End:         w.eng.Now(),
	}
}
