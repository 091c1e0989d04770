package models

import "math/rand/v2"

// escPath is one of a channel's escalation paths at run time
// (Channel.Escalations): its share of the unresolved contacts, the channel
// it leads to, found once when the world is built rather than by name at
// each escalation, and the sampler of its delay (nil for a transfer).
type escPath struct {
	share    float64
	to       *channel
	transfer bool
	delay    Sampler
}

// escPaths returns the run-time escalation paths of channel c, each
// target looked up in byName, each delay drawn from src.
func escPaths(c *Channel, byName map[string]*channel, src rand.Source) []escPath {
	var out []escPath
	for _, e := range c.Escalations {
		to, ok := byName[e.To]
		if !ok {
			panic("models: escalation to unknown channel " + e.To)
		}
		p := escPath{share: e.Share, to: to, transfer: e.Transfer}
		if !e.Transfer {
			p.delay = e.Delay.Sampler(src)
		}
		out = append(out, p)
	}
	return out
}

// escalate sends unresolved contact c's customer down the escalation path
// of c's channel that x, uniform in [0, 1), falls in: a transfer into the
// target's queue now, or a contact there after the path's delay. It
// returns false when x falls past the paths' shares: no path is taken.
func (w *world) escalate(c *contact, x float64) bool {
	ch, cu := c.ch, c.cust
	for _, e := range w.esc[ch.idx] {
		if x >= e.share {
			x -= e.share
			continue
		}
		cu.escalations++
		ch.tally(c.arrived, c.class, func(k *Counts) { k.EscalatedOut++ })
		if e.transfer {
			w.attempt(cu, e.to, escalated)
		} else {
			w.schedule(cu, w.draws.sample(cu, drawEscalate, e.delay), e.to, escalated, nil)
		}
		return true
	}
	return false
}
