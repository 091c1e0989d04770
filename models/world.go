package models

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sync"

	"github.com/omnisim/omnisim/sim"
)

// drainLimit is how long a run that finishes its contacts may go on past the
// horizon, with the staffing pattern continuing, before what remains is
// counted as unfinished: two weeks covers any backlog a weekend leaves.
const drainLimit = 14 * 86400

// world is one replication of a Config on its own engine.
type world struct {
	cfg       *Config
	eng       *sim.Engine
	intervals int

	channels []*channel
	pools    []*pool

	demand      *arrivalProcess // customers who choose their channel
	demandFn    func()
	dispatchFn  func()
	boundaryFn  func()
	draws       keyedDraws // every customer's random attributes (crn.go)
	demandKey   sim.Key    // names the demand's customers
	demandN     int64      // customers of the demand so far
	retryDelay  Sampler
	repeatDelay Sampler
	esc         [][]escPath // by channel, its escalation paths (escalation.go)
	issueCum    []float64   // cumulative issue shares
	classes     classRules

	wom     womState
	choiceW []float64 // scratch for choice weights
	open    openMemo  // the channels customers may choose that are open (choosableOpen)
	// waitIgnored tells that the choice's wait term is 0 (noWaitTerm).
	waitIgnored bool
	// nearChoice tells that choices take the wait term by its sum first
	// (nearChoice, choose).
	nearChoice bool
	// memo, if set, holds the choices' weights (choiceMemo).
	memo     *choiceMemo
	scratch  Counts   // tallies of contacts past the horizon's intervals
	pickers  []*agent // agents to give work at this instant's dispatch
	dispatch bool     // a dispatch is scheduled for this instant
	active   int      // customers not yet finished

	// Agent time is booked by interval: cur is the interval being booked,
	// measuring whether now is in [warm-up, horizon).
	cur       int
	measuring bool

	levelAtHorizon float64
	customers      CustomerCounts
	customersByIvl []CustomerCounts
	expectation    []float64

	freeContacts  []*contact
	freeCustomers []*customer

	// Tracing, when asked for: the replication, numbering, and the record
	// passed to trace.
	rep       int
	trace     func(*ContactRecord)
	record    ContactRecord
	contacts  int64
	customerN int64
	// inService holds, in a traced run cut off at the horizon, the
	// contacts an agent (or a self-service session) has in hand, to be
	// traced as OutcomeInService when the run stops before they end.
	inService  list[contact]
	tracksHand bool

	flows [][]int64 // moves from one channel to another in the window

	// drawn, if set (by tests), sees every contact as it is made, with its
	// handle time and patience as drawn (NaN for none), before any factor.
	drawn func(c *contact, handle, patience float64)
	// finished, if set (by tests), sees every customer as their journey
	// ends, with the satisfaction it scored.
	finished func(cu *customer, satisfaction float64)
}

// Run simulates replication rep of cfg and returns what it measured. The
// replication's random streams are derived from cfg.Seed and rep. Fields
// left at their zero value take their defaults (SetDefaults).
func Run(cfg *Config, rep int) (*Result, error) {
	return run(cfg, rep, nil)
}

func run(cfg *Config, rep int, trace func(*ContactRecord)) (*Result, error) {
	full := *cfg
	full.SetDefaults()
	if err := full.Validate(); err != nil {
		return nil, err
	}
	w := newWorld(&full, sim.NewStreams(cfg.Seed, rep))
	w.rep, w.trace = rep, trace
	w.tracksHand = trace != nil && full.Cutoff
	w.run()
	r := w.result(rep)
	w.keepSpares()
	return r, nil
}

// spares holds the contacts and customers finished replications left
// (*spareObjects), for the next replication to reuse: a short replication
// of a world with backlogs otherwise allocates its peak of contacts and
// customers afresh, and the collector's work, and the write barriers it
// turns on, cost the multi-channel built-ins a quarter of their time. A
// reused contact or customer is reset as one reused within a replication
// is, so which one a replication gets changes nothing it computes.
var spares sync.Pool

// spareObjects are the free contacts and customers of a finished world.
type spareObjects struct {
	contacts  []*contact
	customers []*customer
}

// keepSpares hands the world's free contacts and customers to the next
// replication, pointing at nothing of this world's.
func (w *world) keepSpares() {
	for _, cu := range w.freeCustomers {
		cu.last, cu.next, cu.stay = nil, nil, nil
		clear(cu.story[:cap(cu.story)])
	}
	spares.Put(&spareObjects{contacts: w.freeContacts, customers: w.freeCustomers})
	w.freeContacts, w.freeCustomers = nil, nil
}

func newWorld(cfg *Config, streams *sim.Streams) *world {
	n := cfg.Intervals()
	w := &world{
		cfg:            cfg,
		eng:            sim.New(),
		intervals:      n,
		measuring:      cfg.Warmup == 0,
		customersByIvl: make([]CustomerCounts, n),
		expectation:    make([]float64, n),
		draws:          newKeyedDraws(streams),
	}
	if sp, ok := spares.Get().(*spareObjects); ok {
		w.freeContacts, w.freeCustomers = sp.contacts, sp.customers
	}
	w.retryDelay = cfg.Journey.RetryDelay.Sampler(w.draws.src[drawRetryDelay])
	w.repeatDelay = cfg.Journey.RepeatDelay.Sampler(w.draws.src[drawRepeatDelay])
	w.wom = newWOM(cfg.WordOfMouth, w.eng)
	w.waitIgnored = noWaitTerm(cfg)
	w.nearChoice = nearChoice(cfg)
	w.flows = make([][]int64, len(cfg.Channels))
	for i := range w.flows {
		w.flows[i] = make([]int64, len(cfg.Channels))
	}
	shares := make([]float64, len(cfg.Issues))
	for i, is := range cfg.Issues {
		shares[i] = is.Share
	}
	w.issueCum = cumulative(shares)
	w.classes = newClassRules(cfg)
	byName := map[string]*channel{}
	for i := range cfg.Channels {
		c := &cfg.Channels[i]
		ch := &channel{
			cfg:   c,
			idx:   i,
			w:     w,
			kind:  c.Kind,
			hours: newOpenWindow(c),
			arrivals: newChannelProcess(c.Arrivals, cfg.Interval, streams.Rand("arrivals/"+c.Name),
				func() rand.Source { return streams.Source("arrivals/" + c.Name + "/noise") }),
			custKey:     streams.Key("customers/" + c.Name),
			handle:      c.HandleTime.Sampler(w.draws.src[drawHandle]),
			issueCum:    cumulative(c.Arrivals.Issues),
			patience:    c.Patience.Sampler(w.draws.src[drawPatience]),
			patient:     c.Patience.Kind == Never,
			meanWork:    cfg.MeanWork(i),
			logExpected: math.Log(c.ExpectedWait / 60),
			byInterval:  make([]Counts, n),
		}
		if w.classes.levels > 1 {
			ch.levels = make([]queue, w.classes.levels)
		}
		if len(cfg.Classes) > 1 {
			ch.byClass = make([]Counts, len(cfg.Classes))
		}
		for _, d := range c.IssueHandle {
			var s Sampler
			if d.Kind != "" {
				s = d.Sampler(w.draws.src[drawHandle])
			}
			ch.issueHandle = append(ch.issueHandle, s)
		}
		if c.HasWrap() {
			for k := range cfg.Issues {
				var s Sampler
				if d := c.wrapLaw(k); d.Kind != "" {
					s = d.Sampler(w.draws.src[drawWrap])
				}
				ch.wrap = append(ch.wrap, s)
			}
		}
		w.channels = append(w.channels, ch)
		byName[c.Name] = ch
	}
	for _, ch := range w.channels {
		w.esc = append(w.esc, escPaths(ch.cfg, byName, w.draws.src[drawEscalate]))
	}
	for i := range cfg.Pools {
		pc := &cfg.Pools[i]
		p := &pool{cfg: pc, idx: i, w: w, byInterval: make([]PoolCounts, n), avail: 1,
			after: skillValues(cfg, pc.OverflowAfter, 0), factor: skillValues(cfg, pc.HandleFactors, 1)}
		if !pc.alwaysReady() {
			// Agents who are sometimes away draw their spells from the
			// pool's own stream.
			p.avail, p.awayMean = pc.AvailabilityAt(0), pc.AwaySpell
			if p.awayMean == 0 {
				p.awayMean = DefaultAwaySpell
			}
			p.awayRng = streams.Rand("availability/" + pc.Name)
		}
		for _, s := range pc.Skills {
			ch := byName[s]
			ch.pools = append(ch.pools, p)
		}
		p.skills = liveFirst(p.cfg.Skills, byName)
		w.pools = append(w.pools, p)
	}
	for _, ch := range w.channels {
		ch.overflow = overflowWaits(ch)
	}
	if cfg.Demand.active() {
		w.demand = newDemandProcess(cfg.Demand, cfg.Interval, cfg.Start, streams.Rand("demand"), streams.Source("demand/noise"))
		w.demandKey = streams.Key("demand/customers")
	}
	w.memo = newChoiceMemo(w)
	w.eng.SetHandler(w)
	w.demandFn = w.demandArrival
	w.dispatchFn = w.dispatchNow
	w.boundaryFn = w.boundary
	return w
}

// The kinds of the world's events (sim.Handler): what happens to a
// contact, a customer or an agent, the arg of the event.
const (
	evFinish   uint8 = iota // an agent, or a self-service session, is done with a contact
	evExpire                // a contact's patience runs out (live), or its customer chases it (deferred)
	evWrap                  // an agent's after-call work on a contact is done
	evOverflow              // a contact has waited an overflow wait
	evRequeue               // an unanswered callback is tried again
	evResume                // a customer's next contact is due
	evFlip                  // an agent changes between ready and away
)

// Handle fires the world's events of contacts, customers and agents
// (sim.Handler), each scheduled with its kind and its object: no closure
// is bound to any of them.
func (w *world) Handle(kind uint8, arg any) {
	switch kind {
	case evFinish:
		c := arg.(*contact)
		if w.tracksHand {
			w.inService.remove(&c.link)
		}
		w.finishContact(c)
	case evExpire:
		w.expire(arg.(*contact))
	case evWrap:
		w.endWrap(arg.(*contact))
	case evOverflow:
		w.overflowNow(arg.(*contact))
	case evRequeue:
		w.requeue(arg.(*contact))
	case evResume:
		w.resumeNow(arg.(*customer))
	case evFlip:
		a := arg.(*agent)
		a.pool.flip(a)
	default:
		panic(fmt.Sprintf("models: an event of unknown kind %d", kind))
	}
}

// Ahead asks for the memory the next event will read (sim.Aheader), while
// the current one is handled: the end of a contact's handling reads the
// contact, its customer and its agent, last used when the contact was
// answered, minutes of simulated time before, which in a centre of
// thousands of agents have left the cache. The engine asks for the
// customer and the agent itself, named when the end was scheduled
// (startHand, sim.ReadsAlso), at the same time as Ahead asks for the
// contact, not after a wait on the contact that points at them.
func (w *world) Ahead(kind uint8, arg any) {
	if kind == evFinish {
		sim.Prefetch(arg.(*contact))
	}
}

// intervalOf returns the interval time t falls in.
func (w *world) intervalOf(t float64) int {
	return int(t / w.cfg.Interval)
}

func (w *world) run() {
	cfg := w.cfg
	for _, p := range w.pools {
		p.staff(p.cfg.AvailableAt(0, cfg.Interval, cfg.Start))
	}
	w.eng.Schedule(cfg.Interval, sim.PhaseStaffing, w.boundaryFn)
	if cfg.Warmup > 0 {
		w.eng.Schedule(cfg.Warmup, sim.PhaseStaffing, func() { w.bookAll(); w.measuring = true })
	}
	w.eng.Schedule(cfg.Horizon, sim.PhaseStaffing, func() {
		w.bookAll()
		w.measuring = false
		for _, ch := range w.channels {
			ch.total.Backlog = int64(ch.waiting())
			ch.total.Reputation = w.wom.expected(ch)
		}
		w.levelAtHorizon = w.wom.levelNow()
		if cfg.Cutoff {
			w.readInterval(w.cur)
			w.eng.Stop() // nothing after the horizon's releases happens
		}
	})
	for _, ch := range w.channels {
		if t := ch.arrivals.next(0, cfg.Horizon); t < cfg.Horizon {
			w.eng.Schedule(t, sim.PhaseArrival, w.directArrivalFn(ch))
		}
	}
	if w.demand != nil {
		if t := w.demand.next(0, cfg.Horizon); t < cfg.Horizon {
			w.eng.Schedule(t, sim.PhaseArrival, w.demandFn)
		}
	}
	w.eng.Run(math.Inf(1))
	w.bookAll()
	// Whatever still waits was never answered: the run was cut off, or no
	// agent came in time.
	for _, ch := range w.channels {
		for _, q := range ch.queues() {
			for n := q.head; n != nil; n = n.next {
				c := n.elem
				ch.tally(c.arrived, c.class, func(k *Counts) { k.Unfinished++ })
				w.emit(c, OutcomeUnfinished)
			}
		}
	}
	// And whatever was in hand when the run was cut off: traced with the
	// time handled so far.
	for n := w.inService.head; n != nil; n = n.next {
		c := n.elem
		if !math.IsNaN(c.answered) {
			c.handleDone = w.eng.Now() - c.answered
		}
		c.wrap = 0
		w.emit(c, OutcomeInService)
	}
}

// startHand schedules the end of contact c's handling (or of a callback's
// attempt) at time end, which reads its customer and agent besides the
// contact (sim.ReadsAlso: looked ahead at); a traced run that is cut off
// keeps it among those in hand until then.
func (w *world) startHand(c *contact, end float64) {
	if w.tracksHand {
		w.inService.push(&c.link)
	}
	t := w.eng.ScheduleCall(end, sim.PhaseRelease, evFinish, c)
	sim.ReadsAlso(t, c.cust, c.agent)
}

// boundary starts the next interval: agent time is booked to the interval
// just ended, its backlogs and reputations are read, and every pool's
// headcount changes to the plan's for the new interval. Past the horizon
// the pattern goes on while customers are still in the system.
func (w *world) boundary() {
	w.bookAll()
	w.readInterval(w.cur)
	w.cur++
	now := w.eng.Now()
	for _, p := range w.pools {
		p.setAvailability(p.cfg.AvailabilityAt(w.cur))
		p.staff(p.cfg.AvailableAt(w.cur, w.cfg.Interval, w.cfg.Start))
	}
	if next := now + w.cfg.Interval; now < w.cfg.Horizon || (w.active > 0 && next < w.cfg.Horizon+drainLimit) {
		w.eng.Schedule(next, sim.PhaseStaffing, w.boundaryFn)
		return
	}
	// The run is over: agents stop changing between ready and away, so
	// that the engine runs out of events.
	for _, p := range w.pools {
		p.stopFlips()
	}
}

// readInterval records the readings taken at the end of interval k: each
// channel's backlog and reputation, and the global expectation level.
func (w *world) readInterval(k int) {
	if k >= w.intervals {
		return
	}
	for _, ch := range w.channels {
		ch.byInterval[k].Backlog = int64(ch.waiting())
		ch.byInterval[k].Reputation = w.wom.expected(ch)
	}
	w.expectation[k] = w.wom.levelNow()
}

// bookAll books agent time up to now into the current interval and, inside
// the measured window, the totals.
func (w *world) bookAll() {
	now := w.eng.Now()
	k := w.cur
	for _, p := range w.pools {
		p.book(now)
		if k < w.intervals {
			iv := &p.byInterval[k]
			iv.BusyTime += p.busyCur
			iv.AgentTime += p.presentCur - p.awayCur
			iv.AwayTime += p.awayCur
		}
		if w.measuring {
			p.total.BusyTime += p.busyCur
			p.total.AgentTime += p.presentCur - p.awayCur
			p.total.AwayTime += p.awayCur
		}
		p.busyCur, p.presentCur, p.awayCur = 0, 0, 0
	}
	for _, ch := range w.channels {
		ch.book(now)
		if k < w.intervals {
			ch.byInterval[k].BusyTime += ch.busyCur
		}
		if w.measuring {
			ch.total.BusyTime += ch.busyCur
		}
		ch.busyCur = 0
	}
}

func (w *world) newContact() *contact {
	if n := len(w.freeContacts); n > 0 {
		c := w.freeContacts[n-1]
		w.freeContacts = w.freeContacts[:n-1]
		return c
	}
	c := &contact{}
	c.link.elem = c
	return c
}

func (w *world) freeContact(c *contact) {
	c.cust, c.ch, c.agent, c.timer, c.overTimer = nil, nil, nil, sim.Timer{}, sim.Timer{}
	w.freeContacts = append(w.freeContacts, c)
}

// flow counts a customer's move from one channel to another at time t.
func (w *world) flow(from, to *channel, t float64) {
	if t >= w.cfg.Warmup && t < w.cfg.Horizon {
		w.flows[from.idx][to.idx]++
	}
}

func (w *world) result(rep int) *Result {
	r := &Result{
		Replication: rep,
		Events:      w.eng.Fired(),
		End:         w.eng.Now(),
		Customers:   CustomerResult{Total: w.customers, Intervals: w.customersByIvl},
		Expectation: w.expectation,
		Flows:       w.flows,
		Classes:     w.cfg.ClassNames(),

		ExpectationAtHorizon: w.levelAtHorizon,
	}
	for _, p := range w.pools {
		pr := PoolResult{Name: p.cfg.Name, Total: p.total, Intervals: p.byInterval, Scheduled: make([]int, w.intervals)}
		for k := range w.intervals {
			n := p.cfg.ScheduledAt(k, w.cfg.Interval, w.cfg.Start)
			length := math.Min(w.cfg.Interval, w.cfg.Horizon-float64(k)*w.cfg.Interval)
			pr.Scheduled[k] = n
			iv := &pr.Intervals[k]
			iv.ScheduledTime = float64(n) * length
			iv.Cost = iv.ScheduledTime / 3600 * p.cfg.CostPerHour
			// The part of the interval inside the measured window.
			from := math.Max(float64(k)*w.cfg.Interval, w.cfg.Warmup)
			to := math.Min(float64(k+1)*w.cfg.Interval, w.cfg.Horizon)
			if to > from {
				pr.Total.ScheduledTime += float64(n) * (to - from)
			}
		}
		pr.Total.Cost = pr.Total.ScheduledTime / 3600 * p.cfg.CostPerHour
		r.Pools = append(r.Pools, pr)
	}
	for _, ch := range w.channels {
		cr := ChannelResult{Name: ch.cfg.Name, Kind: ch.cfg.Kind, Total: ch.total, Intervals: ch.byInterval, Classes: ch.byClass}
		for _, p := range ch.pools {
			cr.Total.AgentTime += p.total.AgentTime
			for k := range cr.Intervals {
				cr.Intervals[k].AgentTime += p.byInterval[k].AgentTime
			}
		}
		r.Channels = append(r.Channels, cr)
	}
	return r
}

// cumulative returns the running sums of shares; nil for none.
func cumulative(shares []float64) []float64 {
	var out []float64
	total := 0.0
	for _, x := range shares {
		total += x
		out = append(out, total)
	}
	return out
}

// rank returns the part of cumulative shares cum that x, in [0, cum's
// last), falls in: the first i with x < cum[i], the last part if none.
// Since cum never falls, that is how many of the ends before the last x
// has reached: counted without stopping at the first it has not, so the
// loop runs the same length whatever the draw, with nothing to mispredict
// (TestRankAsFirstAbove).
func rank(cum []float64, x float64) int {
	n := 0
	for _, end := range cum[:len(cum)-1] {
		if x >= end {
			n++
		}
	}
	return n
}
