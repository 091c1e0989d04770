package models

import (
	"math/rand/v2"

	"github.com/omnisim/omnisim/sim"
)

// agent is one agent of a pool at run time.
type agent struct {
	pool      *pool
	sessions  int      // contacts in hand
	on        *channel // the channel of those contacts
	idle      bool     // in the pool's idle list
	idleSince float64
	leaving   bool // goes home once the contacts in hand are done
	present   bool
	spareIdx  int // index in on.spare, or -1
	id        int // the agent's number in its pool, from 1
	prev      *agent
	next      *agent
	// away tells that the agent is not ready for new contacts (availability
	// below 1); toggle is the timer of the next change between ready and
	// away, toggleFn its callback.
	away     bool
	parked   bool // away with nothing in hand: counted in pool.awayIdle
	toggle   sim.Timer
	toggleFn func()
}

// pool is a Pool at run time: its agents, the channels it serves, and its
// tallies.
type pool struct {
	cfg *Pool
	idx int
	w   *world

	live     []*channel // skills, in order, live channels first
	deferred []*channel

	idleHead, idleTail *agent
	present            int      // agents at work, leaving ones included
	busy               int      // agents with a contact in hand
	marked             int      // present agents flagged to leave
	owed               int      // agents to flag as they finish
	spareAgents        []*agent // agents not at work, for reuse
	all                []*agent // every agent ever hired

	// Agent time is integrated between changes.
	last       float64
	busyCur    float64
	presentCur float64
	awayCur    float64

	// Availability (Pool.Availability): avail is the current interval's,
	// awayMean the mean spell away, awayRng the pool's stream for the
	// changes between ready and away (nil while every agent is always
	// ready), and awayIdle the present agents away with nothing in hand.
	avail    float64
	awayMean float64
	awayRng  *rand.Rand
	awayIdle int

	total      PoolCounts
	byInterval []PoolCounts
}

// book adds agent time since the last booking.
func (p *pool) book(now float64) {
	if dt := now - p.last; dt > 0 {
		p.busyCur += dt * float64(p.busy)
		p.presentCur += dt * float64(p.present)
		p.awayCur += dt * float64(p.awayIdle)
		p.last = now
	}
}

func (p *pool) pushIdle(a *agent, now float64) {
	a.idle, a.idleSince = true, now
	a.prev, a.next = p.idleTail, nil
	if p.idleTail == nil {
		p.idleHead = a
	} else {
		p.idleTail.next = a
	}
	p.idleTail = a
}

func (p *pool) removeIdle(a *agent) {
	if a.prev == nil {
		p.idleHead = a.next
	} else {
		a.prev.next = a.next
	}
	if a.next == nil {
		p.idleTail = a.prev
	} else {
		a.next.prev = a.prev
	}
	a.prev, a.next, a.idle = nil, nil, false
}

// hire brings one agent to work, idle.
func (p *pool) hire(now float64) *agent {
	var a *agent
	if n := len(p.spareAgents); n > 0 {
		a = p.spareAgents[n-1]
		p.spareAgents = p.spareAgents[:n-1]
	} else {
		a = &agent{pool: p}
		p.all = append(p.all, a)
	}
	fn, id := a.toggleFn, a.id
	if id == 0 {
		id = len(p.all)
	}
	*a = agent{pool: p, present: true, spareIdx: -1, toggleFn: fn, id: id}
	if a.toggleFn == nil {
		a.toggleFn = func() { p.flip(a) }
	}
	p.book(now)
	p.present++
	if p.awayRng != nil {
		// A new agent is away with the chance the chain is in the long run.
		a.away = p.awayRng.Float64() >= p.avail
		p.scheduleFlip(a, now)
	}
	if a.away {
		p.park(a)
	} else {
		p.pushIdle(a, now)
	}
	return a
}

// park and unpark count agent a in and out of the agents away with
// nothing in hand; agent time must be booked first.
func (p *pool) park(a *agent) {
	a.parked = true
	p.awayIdle++
}

func (p *pool) unpark(a *agent) {
	if a.parked {
		a.parked = false
		p.awayIdle--
	}
}

// scheduleFlip schedules agent a's next change between ready and away. A
// spell away lasts an exponential time of mean awayMean; a spell ready one
// of mean awayMean·avail/(1−avail), so that in the long run an agent is
// ready for the share avail of the time.
func (p *pool) scheduleFlip(a *agent, now float64) {
	p.w.eng.Cancel(a.toggle)
	mean := p.awayMean
	if !a.away {
		if p.avail >= 1 {
			a.toggle = sim.Timer{}
			return
		}
		mean = p.awayMean * p.avail / (1 - p.avail)
	}
	a.toggle = p.w.eng.Schedule(now+p.awayRng.ExpFloat64()*mean, sim.PhaseStaffing, a.toggleFn)
}

// flip changes agent a between ready and away. An agent turning away with
// contacts in hand keeps them and takes no more; one coming back takes
// work at this instant's dispatch.
func (p *pool) flip(a *agent) {
	now := p.w.eng.Now()
	p.book(now)
	a.away = !a.away
	switch {
	case a.away && a.sessions == 0:
		if a.idle {
			p.removeIdle(a)
		}
		p.park(a)
	case a.away:
		a.on.dropSpare(a)
	case a.sessions == 0:
		p.unpark(a)
		p.pushIdle(a, now)
		if p.hasWork() {
			p.w.wantPick(a)
		}
	case !a.leaving && a.sessions < a.on.cfg.Concurrency:
		a.on.addSpare(a)
		if a.on.waiting() > 0 {
			p.w.wantPick(a)
		}
	}
	p.scheduleFlip(a, now)
}

// setAvailability changes the pool's availability to avail: every present
// agent's next change is drawn again at the new rates (the chain is
// memoryless, so this is exact).
func (p *pool) setAvailability(avail float64) {
	if p.awayRng == nil || avail == p.avail {
		return
	}
	p.avail = avail
	now := p.w.eng.Now()
	for _, a := range p.all {
		if a.present {
			p.scheduleFlip(a, now)
		}
	}
}

// leave sends an agent with nothing in hand home.
func (p *pool) leave(a *agent) {
	p.book(p.w.eng.Now())
	if a.idle {
		p.removeIdle(a)
	}
	if a.leaving {
		p.marked--
	}
	p.unpark(a)
	p.w.eng.Cancel(a.toggle)
	a.present, a.leaving, a.away = false, false, false
	p.present--
	p.spareAgents = append(p.spareAgents, a)
}

// staff changes the number of agents taking contacts to target. Idle agents
// leave at once, the most recently idle first; agents with contacts in hand
// finish them first. Agents still finishing are kept before new ones are
// hired, and those kept with room for more chats take waiting ones at once.
func (p *pool) staff(target int) {
	now := p.w.eng.Now()
	effective := p.present - p.marked - p.owed
	switch {
	case target > effective:
		d := target - effective
		r := min(d, p.owed)
		p.owed -= r
		d -= r
		if d > 0 && p.marked > 0 {
			for _, a := range p.all {
				if d == 0 {
					break
				}
				if a.present && a.leaving {
					a.leaving = false
					p.marked--
					d--
					if a.sessions > 0 && a.sessions < a.on.cfg.Concurrency && !a.away {
						a.on.addSpare(a)
						if a.on.waiting() > 0 {
							p.w.wantPick(a)
						}
					}
				}
			}
		}
		for range d {
			a := p.hire(now)
			if p.hasWork() {
				p.w.wantPick(a)
			}
		}
	case target < effective:
		d := effective - target
		for d > 0 && p.idleTail != nil {
			p.leave(p.idleTail)
			d--
		}
		// Then the agents away with nothing in hand, in the order they
		// were hired; only then those finishing contacts.
		for i := 0; d > 0 && p.awayIdle > 0 && i < len(p.all); i++ {
			if a := p.all[i]; a.parked {
				p.leave(a)
				d--
			}
		}
		p.owed += d
	}
}

// hasWork tells whether anything waits on the pool's channels.
func (p *pool) hasWork() bool {
	for _, chs := range [][]*channel{p.live, p.deferred} {
		for _, ch := range chs {
			if ch.waiting() > 0 {
				return true
			}
		}
	}
	return false
}
