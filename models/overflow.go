package models

import (
	"slices"

	"github.com/omnisim/omnisim/sim"
)

// Time-based overflow (Pool.OverflowAfter): a backup pool's agents take a
// contact of a channel only once it has waited the pool's overflow wait
// for that channel. A contact that starts to wait on a channel with
// backups is given a timer at each of their waits; when it fires with the
// contact still waiting, the backups' agents now allowed to take it and
// free to do so look for work at this instant's dispatch. An agent of a
// backup who comes free takes the channel's next contact if that contact
// has waited long enough.

// overflowWaits returns the distinct positive overflow waits of the pools
// serving ch, shortest first; nil when none has one.
func overflowWaits(ch *channel) []float64 {
	var out []float64
	for _, p := range ch.pools {
		if p.after != nil && p.after[ch.idx] > 0 {
			out = append(out, p.after[ch.idx])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// waitFor returns how long a contact of ch must have waited before the
// pool's agents take it.
func (p *pool) waitFor(ch *channel) float64 {
	if p.after == nil {
		return 0
	}
	return p.after[ch.idx]
}

// mayTake tells whether the pool's agents may take the contact ch would
// give next at time now: the pool takes the channel at once, or that
// contact has waited the pool's overflow wait.
func (p *pool) mayTake(ch *channel, now float64) bool {
	after := p.waitFor(ch)
	return after == 0 || now-ch.head().arrived >= after
}

// startOverflow gives contact c, which starts to wait now, a timer at the
// first overflow wait of its channel, if it has any.
func (w *world) startOverflow(c *contact, now float64) {
	if ch := c.ch; ch.overflow != nil {
		c.overStep = 0
		c.overTimer = w.eng.ScheduleCall(now+ch.overflow[0], sim.PhaseTimer, evOverflow, c)
	}
}

// overflowNow is contact c's overflow timer: it has waited the channel's
// overflow wait number c.overStep. Of the agents of the pools that may
// now take it, the one idle longest (of agents idle since the same
// instant, the one of the pool listed first), as for a new contact, and
// those with room for another chat look for work at this instant's
// dispatch; the timer is set again at the next wait, if there is one.
func (w *world) overflowNow(c *contact) {
	ch := c.ch
	waited := w.eng.Now() - c.arrived
	var best *agent
	for _, p := range ch.pools {
		if after := p.waitFor(ch); after == 0 || after > waited {
			continue
		}
		if a := p.idle.front(); a != nil && (best == nil || a.idleSince < best.idleSince) {
			best = a
		}
	}
	if best != nil {
		w.wantPick(best)
	}
	for _, a := range ch.spare {
		if after := a.pool.waitFor(ch); after > 0 && after <= waited {
			w.wantPick(a)
		}
	}
	if c.overStep++; int(c.overStep) < len(ch.overflow) {
		c.overTimer = w.eng.ScheduleCall(c.arrived+ch.overflow[c.overStep], sim.PhaseTimer, evOverflow, c)
	}
}
