package models

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
	prev      *agent
	next      *agent
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

	total      PoolCounts
	byInterval []PoolCounts
}

// book adds agent time since the last booking.
func (p *pool) book(now float64) {
	if dt := now - p.last; dt > 0 {
		p.busyCur += dt * float64(p.busy)
		p.presentCur += dt * float64(p.present)
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
	*a = agent{pool: p, present: true, spareIdx: -1}
	p.book(now)
	p.present++
	p.pushIdle(a, now)
	return a
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
	a.present, a.leaving = false, false
	p.present--
	p.spareAgents = append(p.spareAgents, a)
}

// staff changes the number of agents taking contacts to target. Idle agents
// leave at once, the most recently idle first; agents with contacts in hand
// finish them first. Agents still finishing are kept before new ones are
// hired.
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
					if a.sessions > 0 && a.sessions < a.on.cfg.Concurrency {
						a.on.addSpare(a)
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
