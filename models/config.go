package models

import (
	"fmt"
	"math"
	"slices"
)

// ChannelKind says how a channel treats its contacts.
type ChannelKind string

// The kinds of channel.
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

// Channel is one way of reaching the centre.
type Channel struct {
	// Name identifies the channel ("phone").
	Name string
	// Kind is how the channel treats contacts.
	Kind ChannelKind
	// Arrivals are customers who come straight to this channel without
	// choosing (scenario key arrivals); none when empty.
	Arrivals Arrivals
	// Choosable tells whether customers choosing a channel may pick this one
	// (scenario key choice); an internal channel such as a second tier is
	// reached by escalation only.
	Choosable bool
	// Preference is the channel's attractiveness in the choice model, on the
	// scale of utility (0 is neutral).
	Preference float64
	// Fit is the channel's extra attractiveness for each issue, by the
	// index of Config.Issues (scenario key fit, a mapping by issue name).
	Fit []float64
	// ExpectedWait is the wait customers expect on the channel before any
	// experience shapes its reputation, in seconds.
	ExpectedWait float64
	// Open lists when the channel takes new contacts; always, when empty.
	Open []Span
	// Lines limits the contacts a live channel holds at once, waiting or
	// being handled; a contact finding them all busy gets a busy signal.
	// Zero means no limit.
	Lines int
	// Concurrency is the number of contacts an agent may handle at once on
	// this channel (chat); 1 for most channels.
	Concurrency int
	// Slowdown lengthens handling by this share for each other contact the
	// agent is already handling when one starts: a chat started alongside
	// two others takes 1 + 2·Slowdown times as long.
	Slowdown float64
	// HandleTime is the distribution of the time an agent spends on a
	// contact; for a self-service channel, the time the customer spends in
	// it.
	HandleTime Dist
	// IssueHandle, if not nil, holds by issue index the handle-time law of
	// each issue on this channel (scenario key handle_times, a mapping by
	// issue name), in place of HandleTime × the issue's handle factor; an
	// issue left out (Kind "") keeps that.
	IssueHandle []Dist
	// Patience is the distribution of how long a customer waits in a live
	// queue before abandoning; Kind Never for customers who never abandon.
	Patience Dist
	// Resolution is the chance that a handled contact resolves the
	// customer's issue, by issue index (for self-service: that the customer
	// is helped).
	Resolution []float64
	// Escalations are where unresolved contacts go, with their shares.
	Escalations []Escalation
	// SendTo are the live channels a self-service channel sends customers it
	// could not help to; they choose among them. Empty: the customer
	// chooses among all channels, as after a failure.
	SendTo []string
	// Public tells that contacts on this channel are seen by others (social
	// media): their stories spread further.
	Public bool
	// JumpTheLine lets complaints (contacts from customers who have already
	// failed or gone unresolved) go to the front of the channel's queue.
	JumpTheLine bool
	// AnswerWithin is the service-level threshold T: a contact answered
	// with a wait ≤ T counts as within target (scenario key
	// service_level.within).
	AnswerWithin float64
	// TargetServiceLevel is the share of contacts the centre aims to answer
	// within AnswerWithin (0.8 for 80/20); 0 when there is no target
	// (scenario key service_level.target).
	TargetServiceLevel float64
	// MaxAbandon is the highest share of offered contacts a live channel
	// may lose to abandonment (scenario key max_abandon); 0 for no cap.
	MaxAbandon float64
	// MaxOccupancy caps the channel's occupancy, its agent time ÷ the
	// agent time of the pools serving it (scenario key max_occupancy), so
	// that agents are not driven too hard; 0 for no cap.
	MaxOccupancy float64
}

// Escalation is one path an unresolved contact may take.
type Escalation struct {
	// To is the channel the contact goes to.
	To string
	// Share is the share of unresolved contacts that take this path.
	Share float64
	// Transfer puts the contact straight into To's queue, the customer still
	// waiting (a warm transfer to a second tier). Without it the customer
	// contacts To after Delay (social asking a customer to call for private
	// details).
	Transfer bool
	// Delay is how long the customer takes to make the new contact, when it
	// is not a transfer.
	Delay Dist
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
	// Issues, for a channel's own arrivals, is the mix of issues they
	// bring, a share by issue index (scenario key issues, a mapping by
	// issue name); nil for the scenario's mix. Demand ignores it.
	Issues []float64
	// Noise, for a channel's own arrivals, is the coefficient of variation
	// of a day's volume around its expectation: each day's rate is
	// multiplied by a gamma factor of mean 1. Demand has its own
	// (Demand.Noise) and ignores this one.
	Noise float64
}

// RateAt returns the arrival rate in contacts per second at time t.
func (a Arrivals) RateAt(t, interval float64) float64 {
	if len(a.Volumes) == 0 {
		return a.Rate
	}
	k := int(math.Floor(t/interval)) % len(a.Volumes)
	return a.Volumes[k] / interval
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
	c.check(problems{list: &list})
	if len(list) == 0 {
		return nil
	}
	return list
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// share checks that v is a share between 0 and 1.
func share(p problems, v float64) {
	if !(v >= 0 && v <= 1) {
		p.add("must be a share between 0 and 1 (0 %% to 100 %%), not %v", v)
	}
}

func (c *Config) check(p problems) {
	if !(c.Horizon > 0) || !finite(c.Horizon) {
		p.at("horizon").add("must be a positive, finite duration, not %s", FormatDuration(c.Horizon))
	}
	if !(c.Warmup >= 0) || c.Horizon > 0 && !(c.Warmup < c.Horizon) {
		p.at("warmup").add("must be ≥ 0 and shorter than the horizon (%s), not %s", FormatDuration(c.Horizon), FormatDuration(c.Warmup))
	}
	if !(c.Interval > 0) || !finite(c.Interval) {
		p.at("interval").add("must be a positive, finite duration, not %s", FormatDuration(c.Interval))
	} else if c.Horizon/c.Interval > MaxIntervals {
		p.at("horizon").add("%s holds %.0f intervals of %s, more than the limit of %d: a shorter horizon or a longer interval",
			FormatDuration(c.Horizon), math.Ceil(c.Horizon/c.Interval-1e-9), FormatDuration(c.Interval), MaxIntervals)
	}
	if c.Start < Monday || c.Start > Sunday {
		p.at("start").add("must be a day of the week")
	}
	c.checkIssues(p.at("issues"))
	c.Demand.check(p.at("demand"))
	if !(c.Choice.WaitWeight >= 0) || !finite(c.Choice.WaitWeight) {
		p.at("choice.wait_weight").add("must be a finite number ≥ 0, not %v", c.Choice.WaitWeight)
	}
	if !finite(c.Choice.Stay) {
		p.at("choice.stay").add("must be a finite number, not %v", c.Choice.Stay)
	}
	c.Journey.check(p.at("journey"))
	if c.WordOfMouth.Enabled {
		c.WordOfMouth.check(p.at("word_of_mouth"))
	}
	if len(c.Channels) == 0 {
		p.at("channels").add("must list at least one channel")
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
		cp := p.at("channels." + ch.Name)
		c.checkChannel(ch, cp, byName)
		choosable = choosable || ch.Choosable
		if ch.Kind != SelfService && !served[ch.Name] {
			cp.add("no pool has %s among its skills: its contacts would never be answered", ch.Name)
		}
	}
	arrivals := c.Demand.active()
	for _, ch := range c.Channels {
		// A rate that could not be read (NaN) counts as given: it is
		// reported already.
		arrivals = arrivals || ch.Arrivals.Rate != 0 || slices.ContainsFunc(ch.Arrivals.Volumes, func(v float64) bool { return v != 0 })
	}
	if !arrivals && len(c.Channels) > 0 {
		p.add("no customer ever arrives: give demand, or arrivals on a channel")
	}
	if c.Demand.active() && !choosable {
		p.at("demand").add("customers choose among channels, but no channel may be chosen (every one says choice: false)")
	}
	for i := range c.Pools {
		c.checkPool(&c.Pools[i], p.at("pools."+c.Pools[i].Name), byName)
	}
	if len(*p.list) == 0 { // the counts mean nothing if the settings are wrong
		for i := range c.Channels {
			ch := &c.Channels[i]
			if n := c.expected(ch.Arrivals, [7]float64{1, 1, 1, 1, 1, 1, 1}); n > maxContacts {
				p.at("channels."+ch.Name+".arrivals").add("would bring about %.3g contacts in one replication, more than %.0g: check the rate's period, or shorten the horizon", n, maxContacts)
			}
		}
		if n := c.expected(c.Demand.Arrivals, c.Demand.Weekdays); n > maxContacts {
			p.at("demand").add("would bring about %.3g customers in one replication, more than %.0g: check the rate's period, or shorten the horizon", n, maxContacts)
		}
	}
}

func (c *Config) checkIssues(p problems) {
	if len(c.Issues) == 0 {
		p.add("must list at least one issue")
		return
	}
	total := 0.0
	for _, is := range c.Issues {
		ip := p.at(is.Name)
		share(ip.at("share"), is.Share)
		total += is.Share
		if !(is.HandleFactor > 0) || !finite(is.HandleFactor) {
			ip.at("handle_factor").add("must be a positive number, not %v", is.HandleFactor)
		}
	}
	if math.Abs(total-1) > 1e-6 {
		p.add("the shares add up to %s, not 100%%", FormatFraction(total))
	}
}

func (d *Demand) check(p problems) {
	d.Arrivals.check(p)
	for i, f := range d.Weekdays {
		if !(f >= 0) || !finite(f) {
			p.at("weekdays."+Weekday(i).String()).add("must be a finite number ≥ 0, not %v", f)
		}
	}
	if !(d.Noise >= 0 && d.Noise <= 10) {
		p.at("noise").add("must be a coefficient of variation between 0 and 10, not %v", d.Noise)
	}
}

func (a *Arrivals) check(p problems) {
	if len(a.Volumes) == 0 && (!(a.Rate >= 0) || !finite(a.Rate)) {
		p.at("rate").add("must be a finite number ≥ 0, not %v", a.Rate)
	}
	for i, v := range a.Volumes {
		if !(v >= 0) || !finite(v) {
			p.at(fmt.Sprintf("volumes[%d]", i)).add("must be a finite number ≥ 0, not %v", v)
		}
	}
}

func (j *Journey) check(p problems) {
	if j.MaxContacts < 1 || j.MaxContacts > 1000 {
		p.at("max_contacts").add("must be between 1 and 1000, not %d", j.MaxContacts)
	}
	for i, r := range j.Retry {
		share(p.at(fmt.Sprintf("retry[%d]", i)), r)
	}
	j.RetryDelay.check(p.at("retry_delay"))
	j.RepeatDelay.check(p.at("repeat_delay"))
	share(p.at("chase"), j.Chase)
	if !(j.ChaseAfter > 0) || !finite(j.ChaseAfter) {
		p.at("chase_after").add("must be a positive multiple of the expected wait, not %v", j.ChaseAfter)
	}
	if j.History != Integrated && j.History != Siloed {
		p.at("history").add("must be integrated or siloed, not %q", j.History)
	}
	if !(j.SiloHandleFactor > 0) || !finite(j.SiloHandleFactor) {
		p.at("siloed.handle_factor").add("must be a positive number, not %v", j.SiloHandleFactor)
	}
	if !(j.SiloResolutionFactor >= 0) || !finite(j.SiloResolutionFactor) {
		p.at("siloed.resolution_factor").add("must be a finite number ≥ 0, not %v", j.SiloResolutionFactor)
	}
	share(p.at("siloed.annoyance"), j.SiloAnnoyance)
}

func (w *WordOfMouth) check(p problems) {
	share(p.at("share_good"), w.ShareGood)
	share(p.at("share_bad"), w.ShareBad)
	if !(w.Inertia > 0) || !finite(w.Inertia) {
		p.at("inertia").add("must be a positive number of people, not %v", w.Inertia)
	}
	if !(w.LevelInertia > 0) || !finite(w.LevelInertia) {
		p.at("level_inertia").add("must be a positive number of people, not %v", w.LevelInertia)
	}
	if !(w.PublicFactor >= 0) || !finite(w.PublicFactor) {
		p.at("public_factor").add("must be a finite number ≥ 0, not %v", w.PublicFactor)
	}
	if !(w.Reach >= 0) || !finite(w.Reach) {
		p.at("reach").add("must be a finite number ≥ 0, not %v", w.Reach)
	}
	if !(w.Memory > 0) {
		p.at("memory").add("must be a positive duration (never, to forget nothing), not %s", FormatDuration(w.Memory))
	}
	if !(w.Coupling >= 0) || !finite(w.Coupling) {
		p.at("coupling").add("must be a finite number ≥ 0, not %v", w.Coupling)
	}
}

func (c *Config) checkChannel(ch *Channel, p problems, byName map[string]*Channel) {
	switch ch.Kind {
	case Live, Deferred, SelfService:
	default:
		p.at("kind").add("must be live, deferred or self-service, not %q", ch.Kind)
	}
	ch.Arrivals.check(p.at("arrivals"))
	if n := ch.Arrivals.Noise; !(n >= 0 && n <= 10) {
		p.at("arrivals.noise").add("must be a coefficient of variation between 0 and 10, not %v", n)
	}
	if len(ch.Fit) != len(c.Issues) {
		p.at("fit").add("has %d values for %d issues", len(ch.Fit), len(c.Issues))
	}
	for i, f := range ch.Fit {
		if !finite(f) && i < len(c.Issues) {
			p.at("fit."+c.Issues[i].Name).add("must be a finite number, not %v", f)
		}
	}
	if !finite(ch.Preference) {
		p.at("preference").add("must be a finite number, not %v", ch.Preference)
	}
	if !(ch.ExpectedWait > 0) || !finite(ch.ExpectedWait) {
		p.at("expected_wait").add("must be a positive, finite duration, not %s", FormatDuration(ch.ExpectedWait))
	}
	for i, s := range ch.Open {
		s.check(p.at(fmt.Sprintf("open[%d]", i)))
	}
	if ch.Kind != Live {
		if ch.Lines != 0 {
			p.at("lines").add("applies to live channels only")
		}
		if ch.Concurrency != 1 {
			p.at("concurrency").add("applies to live channels only (chat)")
		}
		if ch.Patience.Kind != Never {
			p.at("patience").add("applies to live channels only: customers of %s channels chase instead (journey.chase)", ch.Kind)
		}
	}
	if ch.Lines < 0 {
		p.at("lines").add("must be ≥ 0 (0 for no limit), not %d", ch.Lines)
	}
	if ch.Concurrency < 1 || ch.Concurrency > 100 {
		p.at("concurrency").add("must be between 1 and 100, not %d", ch.Concurrency)
	}
	if !(ch.Slowdown >= 0) || !finite(ch.Slowdown) {
		p.at("slowdown").add("must be a finite number ≥ 0, not %v", ch.Slowdown)
	}
	ch.HandleTime.check(p.at("handle_time"))
	if ch.HandleTime.Kind == Never {
		p.at("handle_time").add("must end: never is only for patience")
	}
	if ch.IssueHandle != nil && len(ch.IssueHandle) != len(c.Issues) {
		p.at("handle_times").add("has %d values for %d issues", len(ch.IssueHandle), len(c.Issues))
	}
	for i, d := range ch.IssueHandle {
		if d.Kind == "" || i >= len(c.Issues) {
			continue
		}
		ip := p.at("handle_times." + c.Issues[i].Name)
		d.check(ip)
		if d.Kind == Never {
			ip.add("must end: never is only for patience")
		}
	}
	if mix := ch.Arrivals.Issues; mix != nil {
		ip := p.at("arrivals.issues")
		if len(mix) != len(c.Issues) {
			ip.add("has %d values for %d issues", len(mix), len(c.Issues))
		}
		total := 0.0
		for i, x := range mix {
			if i < len(c.Issues) {
				share(ip.at(c.Issues[i].Name), x)
			}
			total += x
		}
		if math.Abs(total-1) > 1e-6 {
			ip.add("the shares add up to %s, not 100%%", FormatFraction(total))
		}
	}
	ch.Patience.check(p.at("patience"))
	if len(ch.Resolution) != len(c.Issues) {
		p.at("resolution").add("has %d values for %d issues", len(ch.Resolution), len(c.Issues))
	}
	for i, r := range ch.Resolution {
		if i < len(c.Issues) {
			share(p.at("resolution."+c.Issues[i].Name), r)
		}
	}
	total := 0.0
	for i, e := range ch.Escalations {
		ep := p.at(fmt.Sprintf("escalation[%d]", i))
		to, ok := byName[e.To]
		switch {
		case !ok:
			ep.at("to").add("no channel is named %q", e.To)
		case e.Transfer && to.Kind == SelfService:
			ep.at("to").add("cannot transfer to a self-service channel")
		case e.Transfer && e.To == ch.Name:
			ep.at("to").add("cannot transfer a contact to its own channel")
		}
		if ch.Kind == SelfService {
			ep.add("does not apply to self-service channels: use send_to")
		}
		share(ep.at("share"), e.Share)
		total += e.Share
		if !e.Transfer {
			e.Delay.check(ep.at("delay"))
		}
	}
	if total > 1+1e-9 {
		p.at("escalation").add("the shares add up to %s, more than 100%%", FormatFraction(total))
	}
	if len(ch.SendTo) > 0 && ch.Kind != SelfService {
		p.at("send_to").add("applies to self-service channels only")
	}
	for i, name := range ch.SendTo {
		to, ok := byName[name]
		switch {
		case !ok:
			p.at(fmt.Sprintf("send_to[%d]", i)).add("no channel is named %q", name)
		case to.Kind == SelfService:
			p.at(fmt.Sprintf("send_to[%d]", i)).add("must be a channel with agents, not the self-service channel %s", name)
		}
	}
	if ch.JumpTheLine && ch.Kind == SelfService {
		p.at("jump_the_line").add("does not apply to self-service channels: nobody waits there")
	}
	sl := p.at("service_level")
	if !(ch.AnswerWithin >= 0) || !finite(ch.AnswerWithin) {
		sl.at("within").add("must be a finite duration ≥ 0, not %s", FormatDuration(ch.AnswerWithin))
	}
	if !(ch.TargetServiceLevel >= 0 && ch.TargetServiceLevel <= 1) {
		sl.at("target").add("must be between 0 and 1 (0 %% to 100 %%), not %v", ch.TargetServiceLevel)
	}
	share(p.at("max_abandon"), ch.MaxAbandon)
	if ch.MaxAbandon != 0 && ch.Kind != Live {
		p.at("max_abandon").add("applies to live channels only: nobody abandons a %s channel", ch.Kind)
	}
	share(p.at("max_occupancy"), ch.MaxOccupancy)
	if ch.MaxOccupancy != 0 && ch.Kind == SelfService {
		p.at("max_occupancy").add("does not apply to self-service channels: no agent works them")
	}
}

func (c *Config) checkPool(pool *Pool, p problems, byName map[string]*Channel) {
	if len(pool.Skills) == 0 {
		p.at("skills").add("must list at least one channel")
	}
	seen := map[string]bool{}
	for i, s := range pool.Skills {
		sp := p.at(fmt.Sprintf("skills[%d]", i))
		ch, ok := byName[s]
		switch {
		case !ok:
			sp.add("no channel is named %q", s)
		case ch.Kind == SelfService:
			sp.add("%s is a self-service channel: no agent works it", s)
		case seen[s]:
			sp.add("%s is listed twice", s)
		}
		seen[s] = true
	}
	switch {
	case len(pool.Agents) == 0 && len(pool.Shifts) == 0:
		p.at("agents").add("missing: give agents (a headcount, or one per interval) or shifts")
	case len(pool.Agents) > 0 && len(pool.Shifts) > 0:
		p.at("shifts").add("give agents or shifts, not both")
	}
	for i, n := range pool.Agents {
		switch {
		case n < 0:
			p.at(fmt.Sprintf("agents[%d]", i)).add("must be ≥ 0, not %d", n)
		case n > MaxAgents:
			p.at(fmt.Sprintf("agents[%d]", i)).add("must be at most %d agents (the limit of a pool in an interval), not %d", MaxAgents, n)
		}
	}
	for i, s := range pool.Shifts {
		sp := p.at(fmt.Sprintf("shifts[%d]", i))
		if s.check(sp) && c.Interval > 0 && (math.Mod(s.From, c.Interval) != 0 || math.Mod(s.To, c.Interval) != 0) {
			sp.at("hours").add("must start and end on the scenario's intervals (every %s)", FormatDuration(c.Interval))
		}
		switch {
		case s.Agents < 0:
			sp.at("agents").add("must be ≥ 0, not %d", s.Agents)
		case s.Agents > MaxAgents:
			sp.at("agents").add("must be at most %d agents (the limit of a shift), not %d", MaxAgents, s.Agents)
		}
	}
	if !(pool.Shrinkage >= 0 && pool.Shrinkage < 1) {
		p.at("shrinkage").add("must be a share from 0 up to (not including) 100 %%, not %v", pool.Shrinkage)
	}
	for i, a := range pool.Availability {
		if !(a > 0 && a <= 1) {
			p.at(fmt.Sprintf("availability[%d]", i)).add("must be a share above 0 and at most 100 %%, not %v", a)
		}
	}
	if !(pool.AwaySpell >= 0) || !finite(pool.AwaySpell) {
		p.at("away_spell").add("must be a positive, finite duration, not %s", FormatDuration(pool.AwaySpell))
	}
	if !(pool.CostPerHour >= 0) || !finite(pool.CostPerHour) {
		p.at("cost_per_hour").add("must be a finite number ≥ 0, not %v", pool.CostPerHour)
	}
}
