package models

import (
	"math"
	"slices"
)

// OverloadFactor is how many times its agents' capacity a channel's
// offered load must be for Overloads to report it: far beyond a centre
// that is merely short-staffed, where a rate's period or a headcount was
// most likely mistyped.
const OverloadFactor = 3

// overloadSpan bounds the intervals Overloads looks at: two weeks, which
// covers every pattern of a scenario's days.
const overloadSpan = 14 * 86400

// Overload is a channel whose offered load is far above what the agents who
// can serve it can handle.
type Overload struct {
	// Channel is the channel's name; "" for the customers who choose a
	// channel (the scenario's demand), against every agent.
	Channel string
	// Erlangs is its offered load, the mean over the intervals it has
	// arrivals of the arrival rate × the mean handle time.
	Erlangs float64
	// Agents is the mean, over the same intervals, of the agents on duty
	// (after shrinkage) in the pools that serve the channel, times its
	// concurrency: the most contacts they can hold at once.
	Agents float64
}

// Overloads returns the channels with arrivals of their own whose offered
// load is more than factor times the agents able to serve them, over the
// intervals of the first two weeks in which contacts arrive: a sign of a
// mistyped rate (60/m for 60/h) or headcount, since no centre means to run
// so. The agents counted are every agent on duty in a pool with the skill,
// whatever else that pool serves, so the report errs towards silence.
// Contacts reaching a channel by customers' choice or escalation are not
// counted. A Config that does not validate may give anything.
func (c *Config) Overloads(factor float64) []Overload {
	n := min(c.Intervals(), int(overloadSpan/max(c.Interval, 1)))
	var out []Overload
	for i := range c.Channels {
		ch := &c.Channels[i]
		if ch.Kind == SelfService || (ch.Arrivals.Rate == 0 && len(ch.Arrivals.Volumes) == 0) {
			continue
		}
		aht := ch.HandleTime.MeanValue()
		conc := float64(max(1, ch.Concurrency))
		var load, agents, seconds float64
		for k := range n {
			t := float64(k) * c.Interval
			rate := ch.Arrivals.RateAt(t, c.Interval)
			if !(rate > 0) {
				continue
			}
			on := 0
			for j := range c.Pools {
				if p := &c.Pools[j]; slices.Contains(p.Skills, ch.Name) {
					on += p.AvailableAt(k, c.Interval, c.Start)
				}
			}
			load += rate * aht * c.Interval
			agents += float64(on) * conc * c.Interval
			seconds += c.Interval
		}
		if seconds == 0 || !(aht > 0) {
			continue
		}
		o := Overload{Channel: ch.Name, Erlangs: load / seconds, Agents: agents / seconds}
		if o.Erlangs >= 1 && o.Erlangs > factor*o.Agents {
			out = append(out, o)
		}
	}
	if o, ok := c.demandOverload(n); ok && o.Erlangs > factor*o.Agents {
		out = append(out, o)
	}
	return out
}

// demandOverload returns the load of the customers who choose a channel
// (Config.Demand) against every agent on duty, for Overloads: each
// customer counted at the shortest mean handle time of the channels they
// may choose, every agent at the highest concurrency. There is none when a
// self-service channel may take the customers instead, or no one chooses.
func (c *Config) demandOverload(n int) (Overload, bool) {
	if c.Demand.Arrivals.Rate == 0 && len(c.Demand.Arrivals.Volumes) == 0 {
		return Overload{}, false
	}
	aht, conc := math.Inf(1), 1
	for i := range c.Channels {
		ch := &c.Channels[i]
		if !ch.Choosable {
			continue
		}
		if ch.Kind == SelfService {
			return Overload{}, false
		}
		aht = min(aht, ch.HandleTime.MeanValue())
		conc = max(conc, ch.Concurrency)
	}
	if math.IsInf(aht, 1) || !(aht > 0) {
		return Overload{}, false
	}
	var load, agents, seconds float64
	for k := range n {
		t := float64(k) * c.Interval
		rate := c.Demand.Arrivals.RateAt(t, c.Interval) * c.Demand.Weekdays[WeekdayAt(c.Start, t)]
		if !(rate > 0) {
			continue
		}
		on := 0
		for j := range c.Pools {
			on += c.Pools[j].AvailableAt(k, c.Interval, c.Start)
		}
		load += rate * aht * c.Interval
		agents += float64(on*conc) * c.Interval
		seconds += c.Interval
	}
	if seconds == 0 {
		return Overload{}, false
	}
	o := Overload{Erlangs: load / seconds, Agents: agents / seconds}
	return o, o.Erlangs >= 1
}
