package models

import (
	"github.com/omnisim/omnisim/sim"
)

// agent is one agent of a pool at run time. It is 64 bytes, one cache line
// (TestAgentIsALine): in a centre of thousands of agents the end of a
// handling reads its agent long after it was last used, and each line it
// spans is one more miss (at 112 bytes it spanned two or three).
type agent struct {
	pool      *pool
	on        *channel // the channel of the contacts in hand
	idleSince float64
	link      node[agent] // its place in the pool's idle list
	spareIdx  int32       // index in on.spare, or -1
	id        int32       // the agent's number in its pool, from 1
	sessions  int16       // contacts in hand, at most 100 (Channel.Concurrency)
	idle      bool        // in the pool's idle list
	leaving   bool        // goes home once the contacts in hand are done
	present   bool
	// away tells that the agent is not ready for new contacts
	// (availability below 1); its timer of the next change between ready
	// and away is its pool's (pool.toggles).
	away   bool
	parked bool // away with nothing in hand: counted in pool.awayIdle
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
					if a.sessions > 0 && int(a.sessions) < a.on.cfg.Concurrency && !a.away {
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
		for d > 0 && p.idle.n > 0 {
			p.leave(p.idle.back())
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

// liveFirst returns the channels named by skills, in their order, the
// live ones before the others (pool.skills).
func liveFirst(skills []string, byName map[string]*channel) []*channel {
	var live, others []*channel
	for _, s := range skills {
		if ch := byName[s]; ch.kind == Live {
			live = append(live, ch)
		} else {
			others = append(others, ch)
		}
	}
	return append(live, others...)
}

// hasWork tells whether anything waits on the pool's channels.
func (p *pool) hasWork() bool {
	for _, ch := range p.skills {
		if ch.waiting() > 0 {
			return true
		}
	}
	return false
}

// wantPick asks for agent a to look for work at this instant's dispatch,
// after the instant's releases and staffing changes.
func (w *world) wantPick(a *agent) {
	w.pickers = append(w.pickers, a)
	if !w.dispatch {
		w.dispatch = true
		w.eng.ScheduleNow(sim.PhaseDispatch, w.dispatchFn)
	}
}

func (w *world) dispatchNow() {
	w.dispatch = false
	for i := 0; i < len(w.pickers); i++ {
		w.pick(w.pickers[i])
	}
	clear(w.pickers)
	w.pickers = w.pickers[:0]
}

// pick gives agent a work, if there is any it may take: an agent already
// holding contacts takes more of the same channel while it has room; a free
// agent takes the first contact waiting on its live channels, in the
// order of its skills, and only then on its deferred ones.
func (w *world) pick(a *agent) {
	if !a.present || a.leaving || a.away {
		return
	}
	if a.sessions > 0 {
		w.fill(a, a.on)
		return
	}
	now := w.eng.Now()
	for _, ch := range a.pool.skills {
		if ch.waiting() > 0 && a.pool.mayTake(ch, now) {
			w.fill(a, ch)
			return
		}
	}
}

// fill gives agent a waiting contacts of ch while it has room and may
// take them (overflow.go).
func (w *world) fill(a *agent, ch *channel) {
	now := w.eng.Now()
	for int(a.sessions) < ch.cfg.Concurrency && ch.waiting() > 0 && a.pool.mayTake(ch, now) {
		c := ch.head()
		c.queue.remove(c)
		w.eng.Cancel(c.timer)
		w.eng.Cancel(c.overTimer)
		w.answer(c, a, now)
	}
}

// answer puts contact c in agent a's hands at time now.
func (w *world) answer(c *contact, a *agent, now float64) {
	ch, p := c.ch, a.pool
	if a.idle {
		p.removeIdle(a)
	}
	if a.sessions == 0 {
		p.book(now)
		p.busy++
		ch.setOn(1)
		a.on = ch
	}
	// Each contact already in hand slows this one down (chat); the pool's
	// proficiency on the channel speeds it up or slows it down.
	handle := c.handle * (1 + ch.cfg.Slowdown*float64(a.sessions))
	if p.factor != nil {
		handle *= p.factor[ch.idx]
	}
	a.sessions++
	if int(a.sessions) < ch.cfg.Concurrency {
		ch.addSpare(a)
	} else {
		ch.dropSpare(a)
	}
	wait := now - c.arrived
	if c.callback {
		// The agent calls the customer back: dialling and ringing, then,
		// if the customer answers, the contact.
		c.agent = a
		attempt := ch.cfg.Callback.AttemptTime
		if !w.callAttempt(c) {
			w.startHand(c, now+attempt)
			return
		}
		c.reached = true
		handle += attempt
	}
	c.agent, c.answered, c.handleDone = a, now, handle
	within := wait <= ch.cfg.AnswerWithin
	// A callback kept is counted in the same tally as its answer: a tally
	// is an indirect call a count, mispredicted as often as not.
	if c.callback {
		ch.tally(c.arrived, c.class, func(k *Counts) {
			k.CallbacksKept++
			k.CallbackDelay += wait
			countAnswer(k, wait, handle, within)
		})
	} else {
		ch.tally(c.arrived, c.class, func(k *Counts) { countAnswer(k, wait, handle, within) })
	}
	if cu := c.cust; !cu.done && w.wom.late(ch, wait) {
		cu.late++
	}
	w.note(c.cust, ch, wait, false)
	w.startHand(c, now+handle)
}

// countAnswer counts in k a contact answered after waiting wait, handled
// for handle, within the channel's target or not.
func countAnswer(k *Counts, wait, handle float64, within bool) {
	k.Answered++
	k.WaitAnswered += wait
	k.HandleTime += handle
	if within {
		k.AnsweredWithin++
	}
}

// release frees agent a of one contact. An agent whose shift has ended goes
// home once its hands are empty; the others look for more work at the
// dispatch phase of this instant, after any staffing change due now.
func (w *world) release(a *agent) {
	ch, p := a.on, a.pool
	now := w.eng.Now()
	a.sessions--
	if a.sessions == 0 {
		p.book(now)
		p.busy--
		ch.setOn(-1)
		ch.dropSpare(a)
		a.on = nil
	} else if !a.leaving && !a.away {
		ch.addSpare(a)
	}
	if !a.leaving && p.owed > 0 {
		a.leaving = true
		p.owed--
		p.marked++
		if a.sessions > 0 {
			ch.dropSpare(a)
		}
	}
	switch {
	case a.leaving && a.sessions == 0:
		p.leave(a)
	case a.leaving:
	case a.away && a.sessions == 0:
		p.park(a)
	case a.away:
	case a.sessions == 0:
		p.pushIdle(a, now)
		if p.hasWork() {
			w.wantPick(a)
		}
	case ch.waiting() > 0:
		w.wantPick(a)
	}
}
