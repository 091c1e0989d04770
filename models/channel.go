package models

import (
	"math"
	"slices"

	"github.com/omnisim/omnisim/sim"
)

// channel is a Channel at run time: its queues, the pools that serve it,
// its reputation and its tallies.
type channel struct {
	cfg  *Channel
	idx  int
	w    *world
	kind ChannelKind

	arrivals *arrivalProcess // customers who come straight here
	custKey  sim.Key         // names them (crn.go)
	custN    int64           // how many have come
	handle   Sampler
	// issueHandle holds by issue the handle-time laws the channel sets
	// for issues (nil entries: handle × the issue's factor); issueCum the
	// cumulative issue mix of its own arrivals (nil: the scenario's).
	issueHandle []Sampler
	issueCum    []float64
	patience    Sampler
	patient     bool // patience never runs out

	urgent   queue // complaints that jump the line
	normal   queue
	inSystem int // contacts waiting or being handled, for the lines limit

	pools []*pool  // pools whose skills include the channel
	spare []*agent // agents on this channel with room for another session

	// Agent time on the channel is integrated between changes of on, the
	// number of agents with a session here.
	on      int
	last    float64
	busyCur float64 // since the last booking, in the current interval

	// reputation is what word of mouth says of the channel: the log of the
	// expected wait over its starting value.
	reputation belief

	total      Counts
	byInterval []Counts
}

// waiting returns the number of contacts in the channel's queues.
func (ch *channel) waiting() int { return ch.urgent.n + ch.normal.n }

// head returns the contact an agent should take next, or nil.
func (ch *channel) head() *contact {
	if ch.urgent.n > 0 {
		return ch.urgent.head
	}
	return ch.normal.head
}

// enqueue puts a waiting contact in line.
func (ch *channel) enqueue(c *contact) {
	if c.urgent {
		ch.urgent.push(c)
	} else {
		ch.normal.push(c)
	}
}

// isOpen tells whether the channel takes new contacts at time t.
func (ch *channel) isOpen(t float64) bool {
	return ch.cfg.OpenAt(ch.w.cfg.Start, t)
}

// OpenAt tells whether the channel takes new contacts at time t of a run
// whose day 0 is the weekday start.
func (c *Channel) OpenAt(start Weekday, t float64) bool {
	if len(c.Open) == 0 {
		return true
	}
	day := WeekdayAt(start, t)
	tod := math.Mod(t, 86400)
	return slices.ContainsFunc(c.Open, func(s Span) bool { return s.covers(day, tod) })
}

// nextOpen returns the first time after t at which the channel opens, +Inf
// if it never does.
func (ch *channel) nextOpen(t float64) float64 {
	if len(ch.cfg.Open) == 0 {
		return t
	}
	best := math.Inf(1)
	first := math.Floor(t / 86400)
	for off := 0.0; off <= 7; off++ {
		midnight := (first + off) * 86400
		day := WeekdayAt(ch.w.cfg.Start, midnight)
		for _, s := range ch.cfg.Open {
			if at := midnight + s.From; s.Days[day] && at > t && at < best {
				best = at
			}
		}
	}
	return best
}

// counts returns the tallies a contact arriving at time t adds to: the
// interval's, and, inside the measured window, the total's. The second is
// nil outside the window.
func (ch *channel) counts(t float64) (iv, total *Counts) {
	w := ch.w
	k := w.intervalOf(t)
	if k < len(ch.byInterval) {
		iv = &ch.byInterval[k]
	} else {
		iv = &w.scratch
	}
	if t >= w.cfg.Warmup && t < w.cfg.Horizon {
		total = &ch.total
	}
	return iv, total
}

// tally adds f to the counts of time t.
func (ch *channel) tally(t float64, f func(c *Counts)) {
	iv, total := ch.counts(t)
	f(iv)
	if total != nil {
		f(total)
	}
}

// book adds the agent time on the channel since the last booking.
func (ch *channel) book(now float64) {
	if dt := now - ch.last; dt > 0 {
		ch.busyCur += dt * float64(ch.on)
		ch.last = now
	}
}

// setOn changes the number of agents with a session on the channel.
func (ch *channel) setOn(delta int) {
	ch.book(ch.w.eng.Now())
	ch.on += delta
}

// addSpare and dropSpare keep the list of agents on the channel with room
// for another session.
func (ch *channel) addSpare(a *agent) {
	if a.spareIdx < 0 {
		a.spareIdx = len(ch.spare)
		ch.spare = append(ch.spare, a)
	}
}

func (ch *channel) dropSpare(a *agent) {
	i := a.spareIdx
	if i < 0 {
		return
	}
	last := len(ch.spare) - 1
	ch.spare[i] = ch.spare[last]
	ch.spare[i].spareIdx = i
	ch.spare = ch.spare[:last]
	a.spareIdx = -1
}

// freeAgent returns the agent a new contact should go to, or nil: the
// longest-idle agent of the pools that serve the channel or, on a channel
// where agents hold several contacts at once, the agent with the fewest.
func (ch *channel) freeAgent() *agent {
	var best *agent
	for _, p := range ch.pools {
		if a := p.idleHead; a != nil && (best == nil || a.idleSince < best.idleSince) {
			best = a
		}
	}
	if best != nil || len(ch.spare) == 0 {
		return best
	}
	for _, a := range ch.spare {
		if best == nil || a.sessions < best.sessions {
			best = a
		}
	}
	return best
}
