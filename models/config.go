package models

import (
	"fmt"
	"math"
)

// ChannelKind says how a channel treats its contacts.
type ChannelKind string

// The kinds of channel. This version simulates live channels; the others
// are named so that scenarios and messages can refer to them.
const (
	// Live channels (phone, chat, video) hold contacts in a queue; a
	// customer whose patience runs out abandons.
	Live ChannelKind = "live"
	// Deferred channels (email, social posts, web forms) hold a backlog
	// worked against a response-time target.
	Deferred ChannelKind = "deferred"
	// SelfService channels (web, FAQ, voice menu) resolve part of what
	// reaches them and send the rest on.
	SelfService ChannelKind = "self-service"
)

// Config is a whole world to simulate. Times are in seconds.
type Config struct {
	// Name identifies the scenario in output.
	Name string
	// Seed seeds every random stream of the run.
	Seed uint64
	// Horizon is the length of the simulated period: contacts arrive in
	// [0, Horizon).
	Horizon float64
	// Warmup is the start of the horizon that is run but not measured:
	// figures count contacts that arrive in [Warmup, Horizon), and agent
	// time in the same window.
	Warmup float64
	// Interval is the length of the intervals that arrival volumes, staffing
	// and per-interval figures are given in (15, 30 or 60 minutes, say).
	Interval float64
	// Cutoff stops the run at the horizon: contacts still waiting are
	// counted as unfinished. Without it, arrivals stop at the horizon and the
	// run goes on until every contact has been answered or has abandoned.
	Cutoff bool
	// Channels are the ways customers reach the centre, in the scenario's
	// order.
	Channels []Channel
	// Pools are the groups of agents, in the scenario's order.
	Pools []Pool
}

// Channel is one way of reaching the centre.
type Channel struct {
	// Name identifies the channel ("phone").
	Name string
	// Kind is how the channel treats contacts.
	Kind ChannelKind
	// Arrivals is the demand offered to the channel.
	Arrivals Arrivals
	// HandleTime is the distribution of the time an agent spends on a
	// contact.
	HandleTime Dist
	// Patience is the distribution of how long a customer waits before
	// abandoning; Kind Never for customers who never abandon.
	Patience Dist
	// AnswerWithin is the service-level threshold T: a contact answered
	// with a wait ≤ T counts as within target.
	AnswerWithin float64
	// TargetServiceLevel is the share of contacts the centre aims to answer
	// within AnswerWithin (0.8 for 80/20); 0 when there is no target.
	TargetServiceLevel float64
}

// Arrivals is a Poisson arrival process whose rate is either constant or
// piecewise constant over intervals.
type Arrivals struct {
	// Rate is the constant arrival rate in contacts per second, used when
	// Volumes is empty.
	Rate float64
	// Volumes are the expected contacts in each interval of the Config's
	// Interval, from time zero; the pattern repeats when the horizon is
	// longer than it.
	Volumes []float64
}

// RateAt returns the arrival rate in contacts per second at time t.
func (a Arrivals) RateAt(t, interval float64) float64 {
	if len(a.Volumes) == 0 {
		return a.Rate
	}
	k := int(math.Floor(t/interval)) % len(a.Volumes)
	return a.Volumes[k] / interval
}

// Pool is a group of identical agents.
type Pool struct {
	// Name identifies the pool.
	Name string
	// Skills are the channels the pool serves, most preferred first.
	Skills []string
	// Agents is the number of agents available to take contacts in each
	// interval, from time zero; one value means a constant headcount, and the
	// pattern repeats when the horizon is longer than it.
	Agents []int
}

// AgentsAt returns the pool's headcount in interval k.
func (p Pool) AgentsAt(k int) int {
	if len(p.Agents) == 0 {
		return 0
	}
	return p.Agents[k%len(p.Agents)]
}

// Intervals returns the number of intervals that cover the horizon.
func (c *Config) Intervals() int {
	if !(c.Interval > 0) || !(c.Horizon > 0) {
		return 0
	}
	return int(math.Ceil(c.Horizon/c.Interval - 1e-9))
}

// maxContacts bounds the contacts a replication may expect: about two
// minutes of simulation at today's speed. More is almost surely a typing
// mistake (a rate per second meant per hour), and would look like a hang.
const maxContacts = 1e9

// ExpectedContacts returns the number of contacts channel ch expects over
// the horizon.
func (c *Config) ExpectedContacts(ch *Channel) float64 {
	a := ch.Arrivals
	if len(a.Volumes) == 0 {
		return a.Rate * c.Horizon
	}
	total := 0.0
	n := c.Intervals()
	for k := range n {
		v := a.Volumes[k%len(a.Volumes)]
		if k == n-1 { // the last interval may be cut short by the horizon
			v *= (c.Horizon - float64(k)*c.Interval) / c.Interval
		}
		total += v
	}
	return total
}

// maxIntervals bounds the number of intervals, which sizes the per-interval
// statistics: a century of minutes, well beyond any real use.
const maxIntervals = 10_000_000

// Validate reports every problem that would stop c from running, as
// Problems; nil if it can run. The scenario loader reports the same problems
// at their file positions; Validate also guards callers who build a Config in
// code.
func (c *Config) Validate() error {
	var list Problems
	c.check(problems{list: &list})
	if len(list) == 0 {
		return nil
	}
	return list
}

func (c *Config) check(p problems) {
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	if !(c.Horizon > 0) || !finite(c.Horizon) {
		p.at("horizon").add("must be a positive, finite duration, not %s", FormatDuration(c.Horizon))
	}
	if !(c.Warmup >= 0) || c.Horizon > 0 && !(c.Warmup < c.Horizon) {
		p.at("warmup").add("must be ≥ 0 and shorter than the horizon (%s), not %s", FormatDuration(c.Horizon), FormatDuration(c.Warmup))
	}
	if !(c.Interval > 0) || !finite(c.Interval) {
		p.at("interval").add("must be a positive, finite duration, not %s", FormatDuration(c.Interval))
	} else if c.Horizon/c.Interval > maxIntervals {
		p.at("interval").add("the horizon holds %.0f intervals, more than %d: use a longer interval", c.Horizon/c.Interval, maxIntervals)
	}
	if len(c.Channels) != 1 {
		p.at("channels").add("this version simulates exactly one channel, not %d", len(c.Channels))
	}
	if len(c.Pools) != 1 {
		p.at("pools").add("this version simulates exactly one agent pool, not %d", len(c.Pools))
	}
	for _, ch := range c.Channels {
		cp := p.at("channels." + ch.Name)
		ch.check(cp)
		if len(*p.list) == 0 { // the count means nothing if the settings are wrong
			if n := c.ExpectedContacts(&ch); n > maxContacts {
				cp.at("arrivals").add("would bring about %.3g contacts in one replication, more than %.0g: check the rate's period, or shorten the horizon", n, maxContacts)
			}
		}
	}
	for _, pool := range c.Pools {
		pp := p.at("pools." + pool.Name)
		if len(pool.Agents) == 0 {
			pp.at("agents").add("no headcount given")
		}
		for i, n := range pool.Agents {
			if n < 0 {
				pp.at(fmt.Sprintf("agents[%d]", i)).add("must be ≥ 0, not %d", n)
			}
		}
		if len(c.Channels) == 1 && (len(pool.Skills) != 1 || pool.Skills[0] != c.Channels[0].Name) {
			pp.at("skills").add("must be [%s]: this version has one pool serving one channel", c.Channels[0].Name)
		}
	}
}

func (ch *Channel) check(p problems) {
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	if ch.Kind != Live {
		p.at("kind").add("this version simulates live channels only, not %q", ch.Kind)
	}
	a := ch.Arrivals
	if len(a.Volumes) == 0 && (!(a.Rate >= 0) || !finite(a.Rate)) {
		p.at("arrivals.rate").add("must be a finite number ≥ 0, not %v", a.Rate)
	}
	for i, v := range a.Volumes {
		if !(v >= 0) || !finite(v) {
			p.at(fmt.Sprintf("arrivals.volumes[%d]", i)).add("must be a finite number ≥ 0, not %v", v)
		}
	}
	ch.HandleTime.check(p.at("handle_time"))
	if ch.HandleTime.Kind == Never {
		p.at("handle_time").add("must end: never is only for patience")
	}
	ch.Patience.check(p.at("patience"))
	sl := p.at("service_level")
	if !(ch.AnswerWithin >= 0) || !finite(ch.AnswerWithin) {
		sl.at("within").add("must be a finite duration ≥ 0, not %s", FormatDuration(ch.AnswerWithin))
	}
	if !(ch.TargetServiceLevel >= 0 && ch.TargetServiceLevel <= 1) {
		sl.at("target").add("must be between 0 and 1 (0 %% to 100 %%), not %v", ch.TargetServiceLevel)
	}
}
