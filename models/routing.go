package models

import (
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
