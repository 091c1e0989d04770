package models

import "math"

// Pool is a group of agents with the same skills.
type Pool struct {
	// Name identifies the pool.
	Name string
	// Skills are the channels the pool serves, most preferred first. Live
	// channels always come before deferred ones: a blended pool works its
	// backlogs only when its live queues are empty.
	Skills []string
	// Agents is the headcount scheduled in each interval, from time zero;
	// one value means a constant headcount, and the pattern repeats when the
	// horizon is longer than it. Empty when Shifts are given.
	Agents []int
	// Shifts give the headcount by shift instead: in each interval, the
	// agents of every shift that covers the interval's start.
	Shifts []Shift
	// Shrinkage is the share of scheduled time lost to breaks, training,
	// meetings and absence: of n scheduled agents, round(n·(1−Shrinkage))
	// take contacts.
	Shrinkage float64
	// CostPerHour is the cost of one scheduled agent for an hour (scenario
	// key cost_per_hour), in whatever currency the planner uses.
	CostPerHour float64
	// Availability is the share of their time at work that the agents
	// left after shrinkage are ready for contacts; the rest they spend
	// away (other work, short breaks, not ready), in spells of mean
	// AwaySpell. One value, or one per interval from time zero, repeating
	// like Agents; empty means 1, always ready. Each agent is ready or away
	// by a two-state Markov chain of its own, run independently of the
	// work: an agent who turns away with a contact in hand finishes it and
	// takes no new one until ready again. A customer may therefore wait
	// while an agent who serves them sits idle, as real logs show.
	Availability []float64
	// AwaySpell is the mean length of a spell away, in seconds (scenario
	// key away_spell); 0 takes DefaultAwaySpell.
	AwaySpell float64
}

// DefaultAwaySpell is the mean spell away when a pool's availability is
// below 1 and its away_spell is not given.
const DefaultAwaySpell = 300.0

// AvailabilityAt returns the pool's availability in interval k: the share
// of present agents' time they are ready for contacts.
func (p *Pool) AvailabilityAt(k int) float64 {
	if len(p.Availability) == 0 {
		return 1
	}
	return p.Availability[k%len(p.Availability)]
}

// alwaysReady tells whether the pool's agents are never away.
func (p *Pool) alwaysReady() bool {
	for _, a := range p.Availability {
		if a != 1 {
			return false
		}
	}
	return true
}

// Shift is a number of agents at work over a span of the week.
type Shift struct {
	Span
	// Agents is the number of agents on the shift.
	Agents int
}

// ScheduledAt returns the headcount the pool schedules in interval k of a
// run whose day 0 is start.
func (p *Pool) ScheduledAt(k int, interval float64, start Weekday) int {
	if len(p.Shifts) == 0 {
		if len(p.Agents) == 0 {
			return 0
		}
		return p.Agents[k%len(p.Agents)]
	}
	t := float64(k) * interval
	day := WeekdayAt(start, t)
	tod := math.Mod(t, 86400)
	n := 0
	for _, s := range p.Shifts {
		if s.covers(day, tod) {
			n += s.Agents
		}
	}
	return n
}

// AvailableAt returns the agents taking contacts in interval k: the
// scheduled headcount less shrinkage, rounded to the nearest agent.
func (p *Pool) AvailableAt(k int, interval float64, start Weekday) int {
	return Shrunk(p.ScheduledAt(k, interval, start), p.Shrinkage)
}

// halfSlack is how far below a half n·(1−shrinkage) may fall and still
// count as the half, relative to its size: the product of a decimal
// shrinkage in floating point falls just short of a true half (45 ×
// (1 − 0.3) is 31.499999999999996), some 10⁻¹⁵ below it, where a
// shrinkage given to 12 decimals or fewer is never nearer a half than
// 10⁻¹² without being one.
const halfSlack = 1e-12

// shrunk returns round(n·(1−shrinkage)), halves rounded up.
func Shrunk(n int, shrinkage float64) int {
	x := float64(n) * (1 - shrinkage)
	return int(math.Floor(x + 0.5 + halfSlack*math.Abs(x)))
}
