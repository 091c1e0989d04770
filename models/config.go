package models

import (
	"math"
	"slices"
)

// Config is a whole world to simulate. Times are in seconds. Field
// comments name the scenario key each field is read from where it differs.
type Config struct {
	// Name identifies the scenario in output.
	Name string
	// Seed seeds every random stream of the run.
	Seed uint64
	// Horizon is the length of the simulated period: customers arrive in
	// [0, Horizon).
	Horizon float64
	// Warmup is the start of the horizon that is run but not measured:
	// figures count contacts that arrive in [Warmup, Horizon), and agent
	// time in the same window.
	Warmup float64
	// Interval is the length of the intervals that arrival volumes, staffing
	// and per-interval figures are given in (15, 30 or 60 minutes, say).
	Interval float64
	// Start is the weekday of day 0 (scenario key start).
	Start Weekday
	// Cutoff stops the run at the horizon: contacts still waiting are
	// counted as unfinished. Without it, arrivals stop at the horizon and the
	// run goes on until every contact has been answered or has abandoned
	// and every customer has finished.
	Cutoff bool
	// Issues are the kinds of need customers bring, with their shares; one
	// issue, "general", when the scenario names none.
	Issues []Issue
	// Classes are the kinds of customer with their own priority and
	// patience, with their shares; none when the scenario names none (every
	// customer alike, one queue per channel).
	Classes []Class
	// Demand is the customers who choose their channel; none when its rate
	// and volumes are empty. Channels may also have arrivals of their own.
	Demand Demand
	// Choice sets how customers choose a channel.
	Choice Choice
	// Journey sets what customers do after a failed or unresolved contact.
	Journey Journey
	// WordOfMouth sets how experiences travel; off unless Enabled.
	WordOfMouth WordOfMouth
	// Channels are the ways customers reach the centre, in the scenario's
	// order.
	Channels []Channel
	// Pools are the groups of agents, in the scenario's order.
	Pools []Pool
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

// expected returns the number of arrivals a process expects over the
// horizon, each day's scaled by its weekday's factor.
func (c *Config) expected(a Arrivals, weekdays [7]float64) float64 {
	total := 0.0
	n := c.Intervals()
	for k := range n {
		length := min(c.Interval, c.Horizon-float64(k)*c.Interval) // the last may be cut short
		f := weekdays[WeekdayAt(c.Start, float64(k)*c.Interval)]
		if len(a.Volumes) == 0 {
			total += a.Rate * length * f
		} else {
			total += a.Volumes[k%len(a.Volumes)] * length / c.Interval * f
		}
	}
	return total
}

// MaxIntervals bounds the number of intervals, which sizes the per-interval
// statistics: 28 years of 15-minute intervals, a century of hours.
const MaxIntervals = 1_000_000

// MaxAgents bounds a pool's headcount in an interval, and a shift's: the
// largest centres have thousands; a billion is a typing mistake that
// would take 160 GB to run.
const MaxAgents = 100_000

// SetDefaults fills the fields a Config may leave at their zero value:
// one issue, "general", when there are none; weekday factors of 1; a
// concurrency of 1; resolution of every issue; the default journey; an
// expected wait equal to the service-level threshold (or a minute). The
// scenario loader calls it; so does Run, on a copy.
func (c *Config) SetDefaults() {
	if len(c.Issues) == 0 {
		c.Issues = []Issue{{Name: "general", Share: 1, HandleFactor: 1}}
	}
	if c.Demand.Weekdays == ([7]float64{}) {
		c.Demand.Weekdays = [7]float64{1, 1, 1, 1, 1, 1, 1}
	}
	if j := &c.Journey; j.History == "" {
		c.Journey = c.journeyDefaults(*j)
	}
	c.Channels = slices.Clone(c.Channels)
	for i := range c.Channels {
		ch := &c.Channels[i]
		if ch.Kind == "" {
			ch.Kind = Live
		}
		if ch.Concurrency == 0 {
			ch.Concurrency = 1
		}
		if ch.Patience.Kind == "" {
			ch.Patience = Dist{Kind: Never}
		}
		if ch.Fit == nil {
			ch.Fit = make([]float64, len(c.Issues))
		}
		if ch.Resolution == nil {
			ch.Resolution = make([]float64, len(c.Issues))
			for k := range ch.Resolution {
				ch.Resolution[k] = 1
			}
		}
		if ch.ExpectedWait == 0 {
			ch.ExpectedWait = ch.AnswerWithin
			if ch.ExpectedWait <= 0 {
				ch.ExpectedWait = 60
			}
		}
	}
}

// journeyDefaults fills the zero fields of a journey that a Config built in
// code left unset (the scenario loader starts from DefaultJourney).
func (c *Config) journeyDefaults(j Journey) Journey {
	def := DefaultJourney()
	if j.MaxContacts == 0 {
		j.MaxContacts = def.MaxContacts
	}
	if j.RetryDelay.Kind == "" {
		j.RetryDelay = def.RetryDelay
	}
	if j.RepeatDelay.Kind == "" {
		j.RepeatDelay = def.RepeatDelay
	}
	if j.ChaseAfter == 0 {
		j.ChaseAfter = def.ChaseAfter
	}
	if j.SiloHandleFactor == 0 {
		j.SiloHandleFactor = def.SiloHandleFactor
	}
	if j.SiloResolutionFactor == 0 {
		j.SiloResolutionFactor = def.SiloResolutionFactor
	}
	if j.SiloAnnoyance == 0 {
		j.SiloAnnoyance = def.SiloAnnoyance
	}
	j.History = def.History
	return j
}

// Validate reports every problem that would stop c from running, as
// Problems; nil if it can run. The scenario loader reports the same problems
// at their file positions; Validate also guards callers who build a Config in
// code. Validate checks c as it is: call SetDefaults first to fill what may
// be left out.
func (c *Config) Validate() error {
	var list Problems
	c.check(collect(&list))
	if len(list) == 0 {
		return nil
	}
	return list
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// share checks that v is a share between 0 and 1.
func share(p problems, v float64) {
	if !(v >= 0 && v <= 1) {
		p.Add("must be a share between 0 and 1 (0 %% to 100 %%), not %v", v)
	}
}

func (c *Config) check(p problems) {
	if !(c.Horizon > 0) || !finite(c.Horizon) {
		p.At("horizon").Add("must be a positive, finite duration, not %s", FormatDuration(c.Horizon))
	}
	if !(c.Warmup >= 0) || c.Horizon > 0 && !(c.Warmup < c.Horizon) {
		p.At("warmup").Add("must be ≥ 0 and shorter than the horizon (%s), not %s", FormatDuration(c.Horizon), FormatDuration(c.Warmup))
	}
	if !(c.Interval > 0) || !finite(c.Interval) {
		p.At("interval").Add("must be a positive, finite duration, not %s", FormatDuration(c.Interval))
	} else if c.Horizon/c.Interval > MaxIntervals {
		p.At("horizon").Add("%s holds %.0f intervals of %s, more than the limit of %d: a shorter horizon or a longer interval",
			FormatDuration(c.Horizon), math.Ceil(c.Horizon/c.Interval-1e-9), FormatDuration(c.Interval), MaxIntervals)
	}
	if c.Start < Monday || c.Start > Sunday {
		p.At("start").Add("must be a day of the week")
	}
	c.checkIssues(p.At("issues"))
	c.checkClasses(p.At("classes"))
	c.Demand.check(p.At("demand"))
	c.Choice.check(p.At("choice"))
	c.Journey.check(p.At("journey"))
	if c.WordOfMouth.Enabled {
		c.WordOfMouth.check(p.At("word_of_mouth"))
	}
	if len(c.Channels) == 0 {
		p.At("channels").Add("must list at least one channel")
	}
	byName := map[string]*Channel{}
	for i := range c.Channels {
		byName[c.Channels[i].Name] = &c.Channels[i]
	}
	served := map[string]bool{}
	for _, pool := range c.Pools {
		for _, s := range pool.Skills {
			served[s] = true
		}
	}
	choosable := false
	for i := range c.Channels {
		ch := &c.Channels[i]
		cp := p.At("channels." + ch.Name)
		c.checkChannel(ch, cp, byName)
		choosable = choosable || ch.Choosable
		if ch.Kind != SelfService && !served[ch.Name] {
			cp.Add("no pool has %s among its skills: its contacts would never be answered", ch.Name)
		}
	}
	arrivals := c.Demand.active()
	for _, ch := range c.Channels {
		// A rate that could not be read (NaN) counts as given: it is
		// reported already.
		arrivals = arrivals || ch.Arrivals.Rate != 0 || slices.ContainsFunc(ch.Arrivals.Volumes, func(v float64) bool { return v != 0 })
	}
	if !arrivals && len(c.Channels) > 0 {
		p.Add("no customer ever arrives: give demand, or arrivals on a channel")
	}
	if c.Demand.active() && !choosable {
		p.At("demand").Add("customers choose among channels, but no channel may be chosen (every one says choice: false)")
	}
	for i := range c.Pools {
		c.checkPool(&c.Pools[i], p.At("pools."+c.Pools[i].Name), byName)
	}
	if p.Count() == 0 { // the counts mean nothing if the settings are wrong
		for i := range c.Channels {
			ch := &c.Channels[i]
			if n := c.expected(ch.Arrivals, [7]float64{1, 1, 1, 1, 1, 1, 1}); n > maxContacts {
				p.At("channels."+ch.Name+".arrivals").Add("would bring about %.3g contacts in one replication, more than %.0g: check the rate's period, or shorten the horizon", n, maxContacts)
			}
		}
		if n := c.expected(c.Demand.Arrivals, c.Demand.Weekdays); n > maxContacts {
			p.At("demand").Add("would bring about %.3g customers in one replication, more than %.0g: check the rate's period, or shorten the horizon", n, maxContacts)
		}
	}
}
