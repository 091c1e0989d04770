package fit

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/floats"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/stats"
)

// A log shows when agents were at work (their working spans), not when
// they were ready to take a contact: between services an agent may be on
// other work, on a short break or not ready, and callers then wait beside
// an agent the log counts as present. How much of their time at work the
// agents were ready, their availability (models.Pool.Availability), is
// estimated by simulation: the fitted scenario is run with common random
// numbers at trial availabilities until the share of contacts that had to
// wait matches the log's, part of the day by part of the day. That one
// figure is all the search looks at: abandonment, mean wait and service
// level, hour by hour, remain predictions the check can falsify.

// CalibrateOptions set how Calibrate estimates the agents' availability.
type CalibrateOptions struct {
	// Part is the length of the parts of the day availability is
	// estimated for, in seconds: a multiple of the fit's interval that
	// divides a day (a day: one availability per group of pools; 0 takes
	// a day).
	Part float64
	// AwaySpell is the mean spell away of the scenario's agents, in
	// seconds (models.Pool.AwaySpell); 0 takes the log's (Fit.AwaySpell),
	// or models.DefaultAwaySpell when the log shows too few spells.
	AwaySpell float64
	// Reps is the replications of the fitted week each trial runs, Workers
	// how many run at once (all cores when ≤ 0; the result does not depend
	// on it).
	Reps, Workers int
	// Trials is the most trials the search runs.
	Trials int
	// Progress, if set, is called after each trial.
	Progress func()
	// Fixed, if above 0, is the availability to give every pool instead
	// of estimating it.
	Fixed float64
	// Pooled estimates one availability per group, shared by the parts
	// of the day whose waits agree with it, and one of their own only for
	// the parts that depart from it by more than chance allows: fewer
	// parameters, for short logs where agents are nearly always ready
	// (parts capped at 1 by chance would otherwise pull the estimate
	// down). By default every part has its own, which predicted the
	// second half of the bank's October from the first as well over the
	// day and better hour by hour.
	Pooled bool
}

// DefaultCalibrateOptions estimate availability hour by hour, with the
// log's spells away, from trials of 20 replications of the fitted week, at
// most 20 of them.
var DefaultCalibrateOptions = CalibrateOptions{Part: 3600, Reps: 20, Trials: 20}

// minPartContacts is the fewest contacts a part of the day needs in the
// log for its own availability (splitDay). With fewer, the share that
// waited is too uncertain to tell one part from the next, and parts capped
// at availability 1 by chance would pull the mean down.
const minPartContacts = 500

// minUnitDays is the fewest days a log needs for its uncertainty to be
// the jackknife over days; a shorter log's is over its intervals.
const minUnitDays = 7

// minAvailability is the lowest availability the search tries.
const minAvailability = 0.05

// slopeStep is how far either side of the estimate the trials for its
// slope go.
const slopeStep = 0.05

// Availability is the agents' availability estimated by simulation.
type Availability struct {
	// Part and AwaySpell are as CalibrateOptions gave them; Reps the
	// replications of each trial, Trials the trials run.
	Part, AwaySpell float64
	Reps, Trials    int
	// Fixed tells that the availability was given, not estimated.
	Fixed bool
	// Groups are the groups of pools estimated together.
	Groups []AvailabilityGroup
}

// AvailabilityGroup is a set of pools whose availability is estimated
// together, on the waits of the channels they mainly serve: each pool with
// the channels it answered most contacts of; a pool that answered most of
// no channel, with the pool that answered most of the channel it served
// most (of channels it served alike, the one the log names first).
type AvailabilityGroup struct {
	// Pools and Channels index Fit.Pools and Fit.Channels.
	Pools, Channels []int
	// Parts are the parts of the day, from midnight: of
	// CalibrateOptions.Part each, but for those with too few contacts in
	// the log, which join the next (the last, the one before).
	Parts []AvailabilityPart
	// slotPart is the part each interval of the day falls in.
	slotPart []int
	// Value is the mean availability over the parts, weighted by the
	// log's contacts; HalfWidth the half-width of its 95 % confidence
	// interval (the parts' errors taken as independent).
	Value, HalfWidth float64
}

// AvailabilityPart is the availability of a group in one part of the day.
type AvailabilityPart struct {
	// From and To are the part's start and end, in seconds from midnight.
	From, To float64
	// Contacts counts the log's contacts of the group's channels in the
	// part; Estimated tells whether they were enough for an availability
	// of its own (the others take the group's mean).
	Contacts  float64
	Estimated bool
	// Value is the availability, HalfWidth the half-width of its 95 %
	// confidence interval: the log's sampling error (the jackknife over
	// its days) and the simulation's (over replications) carried through
	// the slope of the share waited in availability.
	Value, HalfWidth float64
	// Own tells that the part has an availability of its own: its share
	// waited departed from the log's at its group's shared availability
	// by more than chance allows. Parts without one share it.
	Own bool
	// Bound is "" when the search matched the log; "upper" when even
	// agents always ready waited more than the log (availability 1, the
	// most it can be), "lower" when the search reached its floor.
	Bound string
	// LogWaited and SimWaited are the shares of contacts that waited in
	// the log and in the last trial, with their 95 % half-widths.
	LogWaited, LogHalfWidth, SimWaited, SimHalfWidth float64
}

// groups returns the groups of pools estimated together.
func (f *Fit) groups() []AvailabilityGroup {
	main := make([]int, len(f.Channels)) // the pool that answered most of each channel
	for c := range f.Channels {
		main[c] = -1
		best := 0
		for p, pool := range f.Pools {
			if c < len(pool.Answered) && pool.Answered[c] > best {
				main[c], best = p, pool.Answered[c]
			}
		}
	}
	// A pool joins its own group if it is the main pool of a channel,
	// else the group of the main pool of the channel it served most.
	lead := make([]int, len(f.Pools))
	for p, pool := range f.Pools {
		lead[p] = -1
		if slices.Contains(main, p) {
			lead[p] = p
			continue
		}
		most, best := -1, 0
		for c, n := range pool.Answered {
			if n > best && main[c] >= 0 {
				most, best = c, n
			}
		}
		if most >= 0 {
			lead[p] = main[most]
		}
	}
	var out []AvailabilityGroup
	at := map[int]int{}
	for p := range f.Pools {
		l := lead[p]
		if l < 0 {
			l = p
		}
		i, ok := at[l]
		if !ok {
			i = len(out)
			at[l] = i
			out = append(out, AvailabilityGroup{})
		}
		out[i].Pools = append(out[i].Pools, p)
	}
	for c, p := range main {
		if p >= 0 {
			out[at[lead[p]]].Channels = append(out[at[lead[p]]].Channels, c)
		}
	}
	return out
}

// presenceFold returns, for each interval of the week, pool p's whole
// agents to schedule and the share of their time the log shows them at
// work: the log's mean presence x becomes ⌈x − 0.05⌉ agents, each at work
// x ÷ that of the time, so that the scenario keeps the log's agent time
// rather than rounding it (a tenth of an agent is left out).
func (f *Fit) presenceFold(p int) ([]int, []float64) {
	x := f.Pools[p].Agents
	n, fold := make([]int, len(x)), make([]float64, len(x))
	for k, v := range x {
		n[k] = max(0, int(math.Ceil(v-0.05)))
		fold[k] = 1
		if n[k] > 0 {
			fold[k] = math.Min(1, v/float64(n[k]))
		}
	}
	return n, fold
}

// poolAvailability returns pool p's availability for each interval of the
// week: the share of its scheduled agents' time they are at work
// (presenceFold) times the estimated availability of their part of the
// day (1 when none is estimated).
func (f *Fit) poolAvailability(p int, value func(group, part int) float64) []float64 {
	_, fold := f.presenceFold(p)
	out := make([]float64, len(fold))
	g := f.groupOf(p)
	slots := f.slots()
	for k := range out {
		a := 1.0
		if value != nil && g >= 0 {
			a = value(g, f.Availability.Groups[g].slotPart[k%slots])
		}
		out[k] = fold[k] * a
	}
	return out
}

func (f *Fit) slots() int { return int(math.Round(86400 / f.Options.Interval)) }

// groupOf returns the availability group of pool p, -1 without one.
func (f *Fit) groupOf(p int) int {
	if f.Availability == nil {
		return -1
	}
	for g, gr := range f.Availability.Groups {
		if slices.Contains(gr.Pools, p) {
			return g
		}
	}
	return -1
}

// Calibrate estimates the agents' availability by simulation and keeps it
// in f.Availability, for Scenario to write. cfg is the fitted scenario as
// Scenario wrote it before (its pools in the order of f.Pools). The
// search: every trial runs opts.Reps replications of cfg with the same
// random streams (common random numbers, so that trials differ by the
// availability alone), and reads, for each group of pools and part of the
// day, the share of its channels' contacts that waited; the first two
// trials, with every agent always ready and then ready 80 % of the time,
// give each estimate's slope, and each later trial moves every estimate by
// the secant method until every share is within a quarter of its
// uncertainty of the log's, or the trials run out. Two more trials, either
// side of the estimate, give the slope its uncertainty is carried through.
func (f *Fit) Calibrate(cfg *models.Config, opts CalibrateOptions) error {
	opts, err := f.calibrationOptions(cfg, opts)
	if err != nil {
		return err
	}
	av := &Availability{Part: opts.Part, AwaySpell: opts.AwaySpell, Reps: opts.Reps, Groups: f.groups(), Fixed: opts.Fixed > 0}
	f.Availability = av
	c := &calibration{f: f, cfg: cfg, opts: opts, av: av, slots: f.slots(), logs: make([][]partLog, len(av.Groups))}
	c.readLog()
	if av.Fixed {
		return nil
	}
	params, err := c.searchAll(c.initialParams())
	if err != nil {
		return err
	}
	if err := c.uncertaintySlopes(params); err != nil {
		return err
	}
	c.estimates(params)
	return nil
}

// calibrationOptions checks Calibrate's options against the fit and the
// scenario, and fills the defaults: a part of a whole day, the away spell
// the log gave (or the model's).
func (f *Fit) calibrationOptions(cfg *models.Config, opts CalibrateOptions) (CalibrateOptions, error) {
	if len(f.Pools) == 0 {
		return opts, errors.New("the log names no agents: there is no availability to estimate")
	}
	if len(cfg.Pools) != len(f.Pools) {
		return opts, fmt.Errorf("the scenario has %d pools, the fit %d", len(cfg.Pools), len(f.Pools))
	}
	if opts.Part <= 0 || opts.Part > 86400 {
		opts.Part = 86400
	}
	parts := int(math.Round(86400 / opts.Part))
	if float64(parts)*opts.Part != 86400 || math.Mod(opts.Part, f.Options.Interval) != 0 {
		return opts, fmt.Errorf("availability parts of %s must be whole intervals of %s and divide a day",
			models.FormatDuration(opts.Part), models.FormatDuration(f.Options.Interval))
	}
	if opts.Reps < 2 {
		return opts, errors.New("calibrating availability needs 2 replications or more")
	}
	if opts.AwaySpell <= 0 {
		opts.AwaySpell = f.AwaySpell
		if math.IsNaN(opts.AwaySpell) {
			opts.AwaySpell = models.DefaultAwaySpell
		}
	}
	return opts, nil
}

// readLog splits each group's day into parts and reads, for each part,
// the log's contacts and those that waited, by day and by cell (day and
// slot); with a fixed availability, every group has it all day.
func (c *calibration) readLog() {
	f, av, slots := c.f, c.av, c.slots
	perPart := int(math.Round(c.opts.Part / f.Options.Interval))
	for g := range av.Groups {
		gr := &av.Groups[g]
		gr.slotPart = make([]int, slots)
		if av.Fixed {
			gr.Parts = []AvailabilityPart{{From: 0, To: 86400, Value: c.opts.Fixed, HalfWidth: 0}}
			gr.Value, gr.HalfWidth = c.opts.Fixed, 0
			continue
		}
		// The log's contacts and those that waited, by day and slot.
		off, wait := make([][]float64, len(f.days)), make([][]float64, len(f.days))
		slotContacts := make([]float64, slots)
		for d := range f.days {
			off[d], wait[d] = make([]float64, slots), make([]float64, slots)
			for _, ch := range gr.Channels {
				if day := f.Channels[ch].daily[d]; day != nil {
					for s := range slots {
						off[d][s] += day.offered[s]
						wait[d][s] += day.waited[s]
						slotContacts[s] += day.offered[s]
					}
				}
			}
		}
		gr.Parts = splitDay(slotContacts, perPart, f.Options.Interval)
		c.logs[g] = make([]partLog, len(gr.Parts))
		for b := range gr.Parts {
			pt := &gr.Parts[b]
			pl := &c.logs[g][b]
			pl.dayOff, pl.dayWait = make([]float64, len(f.days)), make([]float64, len(f.days))
			for s := range slots {
				if t := float64(s) * f.Options.Interval; t >= pt.From && t < pt.To {
					gr.slotPart[s] = b
					for d := range f.days {
						pl.dayOff[d] += off[d][s]
						pl.dayWait[d] += wait[d][s]
						pl.cellOff, pl.cellWait = append(pl.cellOff, off[d][s]), append(pl.cellWait, wait[d][s])
					}
				}
			}
			pt.LogWaited, pt.LogHalfWidth = c.logShare(g, []int{b})
		}
	}
}

// initialParams returns the availabilities to search for: one for every
// estimated part; or, pooled, one per group for all its estimated parts.
func (c *calibration) initialParams() []*param {
	var params []*param
	for g, gr := range c.av.Groups {
		p := &param{group: g, value: 1, slope: -0.5}
		for b, pt := range gr.Parts {
			switch {
			case !pt.Estimated:
			case c.opts.Pooled:
				p.parts = append(p.parts, b)
			default:
				params = append(params, &param{group: g, parts: []int{b}, value: 1, slope: -0.5})
			}
		}
		if len(p.parts) > 0 {
			params = append(params, p)
		}
	}
	return params
}

// searchAll runs the search: two trials, every agent always ready and
// then ready 80 % of the time, for each estimate's slope; then the secant
// search, round after round. Pooled, round 1 has one availability per
// group, for all its estimated parts; then every part whose share waited
// differs from the log's by more than their 95 % intervals allow together
// gets its own, and the search runs again, until none departs: a part has
// an availability of its own only where the log demands it, and the
// parts that agree share one, estimated from all their contacts. It
// returns the availabilities found.
func (c *calibration) searchAll(params []*param) ([]*param, error) {
	av := c.av
	if err := c.run(params, 1); err != nil {
		return nil, err
	}
	v1 := c.snapshot(params)
	for _, p := range params {
		p.value = 0.8
	}
	if err := c.run(params, 0.8); err != nil {
		return nil, err
	}
	for i, p := range params {
		p.slope = secant(v1[i][0], v1[i][1], p.value, p.simW, -0.5)
	}
	for round := 0; round < maxRounds; round++ {
		if err := c.search(params); err != nil {
			return nil, err
		}
		var departing []*param
		for _, p := range params {
			if len(p.parts) < 2 {
				continue
			}
			var keep []int
			for _, b := range p.parts {
				pt := av.Groups[p.group].Parts[b]
				allow := math.Hypot(nanZero(pt.LogHalfWidth), nanZero(pt.SimHalfWidth))
				if math.Abs(pt.SimWaited-pt.LogWaited) > allow && allow > 0 {
					departing = append(departing, &param{group: p.group, parts: []int{b}, value: p.value, slope: p.slope})
					continue
				}
				keep = append(keep, b)
			}
			p.parts = keep
		}
		if len(departing) == 0 {
			break
		}
		params = slices.DeleteFunc(append(params, departing...), func(p *param) bool { return len(p.parts) == 0 })
		c.refresh(params)
		if round == maxRounds-1 {
			if err := c.search(params); err != nil {
				return nil, err
			}
		}
	}
	return params, nil
}

// uncertaintySlopes sets each availability's slope for its uncertainty:
// from two more trials about the estimate, a central difference over
// ±slopeStep (the search's last secant may span too little to tell the
// slope from noise). The estimates and the parts' figures are left as
// the search found them.
func (c *calibration) uncertaintySlopes(params []*param) error {
	av := c.av
	final := c.snapshot(params)
	kept := make([][]AvailabilityPart, len(av.Groups))
	for g := range av.Groups {
		kept[g] = slices.Clone(av.Groups[g].Parts)
	}
	shifted := func(d float64) ([][3]float64, error) {
		for i, p := range params {
			p.value = math.Min(1, math.Max(minAvailability, final[i][0]+d))
		}
		if err := c.trial(params); err != nil {
			return nil, err
		}
		return c.snapshot(params), nil
	}
	up, err := shifted(slopeStep)
	if err != nil {
		return err
	}
	down, err := shifted(-slopeStep)
	if err != nil {
		return err
	}
	for g := range av.Groups {
		av.Groups[g].Parts = kept[g]
	}
	for i, p := range params {
		p.value, p.simW, p.simH = final[i][0], final[i][1], final[i][2]
		p.slope = secant(down[i][0], down[i][1], up[i][0], up[i][1], p.slope)
	}
	return nil
}

// estimates writes the estimates into the parts and groups: each part's
// value and half-width (the log's and the simulation's uncertainty
// carried through the slope), whether a bound of the search holds it, and
// each group's mean weighted by its parts' contacts.
func (c *calibration) estimates(params []*param) {
	av := c.av
	values := c.values(params)
	for g := range av.Groups {
		gr := &av.Groups[g]
		for b := range gr.Parts {
			gr.Parts[b].Value, gr.Parts[b].HalfWidth = values[g][b], math.NaN()
		}
	}
	var groupVar, groupWeight = make([]float64, len(av.Groups)), make([]float64, len(av.Groups))
	for _, p := range params {
		gr := &av.Groups[p.group]
		hw := math.Hypot(p.logH, p.simH) / math.Abs(p.slope)
		gap := p.simW - p.logW
		bound := ""
		switch {
		case p.value >= 1 && gap > p.tolerance():
			bound = "upper"
		case p.value <= minAvailability && gap < -p.tolerance():
			bound = "lower"
		}
		contacts := 0.0
		for _, b := range p.parts {
			pt := &gr.Parts[b]
			pt.HalfWidth, pt.Bound, pt.Own = hw, bound, len(p.parts) == 1 && len(gr.Parts) > 1
			contacts += pt.Contacts
		}
		groupVar[p.group] += contacts * contacts * hw * hw
		groupWeight[p.group] += contacts
	}
	for g := range av.Groups {
		gr := &av.Groups[g]
		gr.Value = weightedMean(gr.Parts, values[g])
		gr.HalfWidth = math.NaN()
		if groupWeight[g] > 0 {
			gr.HalfWidth = math.Sqrt(groupVar[g]) / groupWeight[g]
		}
	}
}

// maxRounds is the most times parts may leave their shared availability
// for one of their own.
const maxRounds = 3

// partLog holds the log's tallies of a part of the day: contacts and
// those that waited, by day and by interval of a day.
type partLog struct {
	dayOff, dayWait, cellOff, cellWait []float64
}

// param is one availability the search estimates: a group's, for some of
// its parts of the day.
type param struct {
	group int
	parts []int
	value float64
	// slope is the share waited's, in availability; logW, simW the shares
	// that waited over the parts in the log and in the last trial, logH and
	// simH their 95 % half-widths.
	slope                  float64
	logW, logH, simW, simH float64
}

// tolerance is how close a trial's share waited must come to the log's:
// a quarter of their combined uncertainty, and no closer than 0.2 points
// (a log of one day has no interval of its own).
func (p *param) tolerance() float64 {
	return math.Max(0.002, 0.25*math.Hypot(nanZero(p.logH), nanZero(p.simH)))
}

// calibration is a search for the availability of a fit's agents.
type calibration struct {
	f     *Fit
	cfg   *models.Config
	opts  CalibrateOptions
	av    *Availability
	slots int
	logs  [][]partLog
	// simOff and simWait hold the last trial's contacts and those that
	// waited, by group, part and replication.
	simOff, simWait [][][]float64
}

// logShare returns the log's share of contacts that waited over the given
// parts of group g, and its 95 % half-width: the jackknife over days, or,
// in a log of less than minUnitDays, over the intervals of its days.
func (c *calibration) logShare(g int, parts []int) (float64, float64) {
	if len(c.f.days) < minUnitDays {
		var off, wait []float64
		for _, b := range parts {
			off, wait = append(off, c.logs[g][b].cellOff...), append(wait, c.logs[g][b].cellWait...)
		}
		return stats.RatioCI(wait, off, 0.95)
	}
	off, wait := make([]float64, len(c.f.days)), make([]float64, len(c.f.days))
	for _, b := range parts {
		for d := range off {
			off[d] += c.logs[g][b].dayOff[d]
			wait[d] += c.logs[g][b].dayWait[d]
		}
	}
	return stats.RatioCI(wait, off, 0.95)
}

// simShare returns the last trial's share that waited over the given parts
// of group g, and its 95 % half-width over replications.
func (c *calibration) simShare(g int, parts []int) (float64, float64) {
	off, wait := make([]float64, c.opts.Reps), make([]float64, c.opts.Reps)
	for _, b := range parts {
		for r := range off {
			off[r] += c.simOff[g][b][r]
			wait[r] += c.simWait[g][b][r]
		}
	}
	return stats.RatioCI(wait, off, 0.95)
}

// values returns the availability of every group and part: its
// parameter's, and for a part not estimated the nearest estimate's.
func (c *calibration) values(params []*param) [][]float64 {
	out := make([][]float64, len(c.av.Groups))
	for g, gr := range c.av.Groups {
		out[g] = make([]float64, len(gr.Parts))
		for b := range out[g] {
			out[g][b] = 1
		}
	}
	for _, p := range params {
		for _, b := range p.parts {
			out[p.group][b] = p.value
		}
	}
	for g, gr := range c.av.Groups {
		fillUnestimated(gr.Parts, out[g])
	}
	return out
}

// trial runs the fitted scenario at the parameters' availability, and
// reads the shares that waited, of every part and parameter.
func (c *calibration) trial(params []*param) error {
	values := c.values(params)
	run := *c.cfg
	run.Pools = slices.Clone(c.cfg.Pools)
	for p := range run.Pools {
		run.Pools[p].Availability = c.f.poolAvailability(p, func(g, b int) float64 { return values[g][b] })
		run.Pools[p].AwaySpell = c.opts.AwaySpell
	}
	results, err := experiment.Run{Config: &run, Reps: experiment.Span(0, c.opts.Reps), Workers: c.opts.Workers}.Results()
	if err != nil {
		return err
	}
	c.av.Trials++
	c.simOff, c.simWait = make([][][]float64, len(c.av.Groups)), make([][][]float64, len(c.av.Groups))
	for g := range c.av.Groups {
		gr := &c.av.Groups[g]
		c.simOff[g], c.simWait[g] = make([][]float64, len(gr.Parts)), make([][]float64, len(gr.Parts))
		for b := range gr.Parts {
			c.simOff[g][b], c.simWait[g][b] = make([]float64, len(results)), make([]float64, len(results))
		}
		for r, res := range results {
			for _, ch := range gr.Channels {
				for k, iv := range res.Channels[ch].Intervals {
					b := gr.slotPart[k%c.slots]
					c.simOff[g][b][r] += float64(iv.Offered)
					c.simWait[g][b][r] += float64(iv.Waited)
				}
			}
		}
		for b := range gr.Parts {
			gr.Parts[b].SimWaited, gr.Parts[b].SimHalfWidth = c.simShare(g, []int{b})
		}
	}
	c.refresh(params)
	if c.opts.Progress != nil {
		c.opts.Progress()
	}
	return nil
}

// refresh reads each parameter's shares that waited, in the log and in the
// last trial, over its parts.
func (c *calibration) refresh(params []*param) {
	for _, p := range params {
		p.logW, p.logH = c.logShare(p.group, p.parts)
		p.simW, p.simH = c.simShare(p.group, p.parts)
	}
}

// run runs a trial with every parameter at value.
func (c *calibration) run(params []*param, value float64) error {
	for _, p := range params {
		p.value = value
	}
	return c.trial(params)
}

// snapshot returns each parameter's value, share waited and its
// half-width in the last trial.
func (c *calibration) snapshot(params []*param) [][3]float64 {
	out := make([][3]float64, len(params))
	for i, p := range params {
		out[i] = [3]float64{p.value, p.simW, p.simH}
	}
	return out
}

// search moves every parameter by the secant method until each share
// waited is within its tolerance of the log's, or the trials run out.
func (c *calibration) search(params []*param) error {
	for c.av.Trials < c.opts.Trials {
		done := true
		before := c.snapshot(params)
		for _, p := range params {
			if math.IsNaN(p.simW) || math.IsNaN(p.logW) {
				continue
			}
			gap := p.simW - p.logW
			// At a bound with the log beyond it, there is nowhere to go.
			atBound := (p.value >= 1 && gap > 0) || (p.value <= minAvailability && gap < 0)
			if math.Abs(gap) > p.tolerance() && !atBound {
				done = false
			}
			step := math.Max(-maxStep, math.Min(maxStep, -gap/p.slope))
			p.value = math.Min(1, math.Max(minAvailability, p.value+step))
		}
		if done {
			for i, p := range params {
				p.value = before[i][0]
			}
			return nil
		}
		if err := c.trial(params); err != nil {
			return err
		}
		for i, p := range params {
			p.slope = secant(before[i][0], before[i][1], p.value, p.simW, p.slope)
		}
	}
	return nil
}

// secant returns the slope of the share waited in availability between two
// trials, or fallback when they are too close to tell or the slope is not
// clearly negative (more availability, less waiting).
func secant(a0, w0, a1, w1, fallback float64) float64 {
	if math.Abs(a1-a0) < 1e-3 || math.IsNaN(w0) || math.IsNaN(w1) {
		return fallback
	}
	s := (w1 - w0) / (a1 - a0)
	if !(s < -minSlope) {
		return fallback
	}
	return s
}

// minSlope is the flattest slope of the share waited in availability the
// search believes: a part's share moves with its neighbours' availability
// too (a queue left at the end of one hour waits into the next), and a
// secant between two trials that moved every part at once may be flatter
// than the part's own, or of the wrong sign; then the last slope stands.
// maxStep is the most a trial moves one part's availability.
const (
	minSlope = 0.2
	maxStep  = 0.2
)

// weightedMean returns the mean of the estimated parts' values weighted
// by their contacts, 1 when no part is estimated.
func weightedMean(parts []AvailabilityPart, values []float64) float64 {
	var sum, weight float64
	for b, pt := range parts {
		if pt.Estimated {
			sum += pt.Contacts * values[b]
			weight += pt.Contacts
		}
	}
	if weight == 0 {
		return 1
	}
	return sum / weight
}

// clockOfDay writes a time of day, 24:00 for the end of the day.
func clockOfDay(sec float64) string {
	if sec >= 86400 {
		return "24:00"
	}
	return output.Clock(sec)
}

func nanZero(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	return x
}

// splitDay returns the parts of the day availability is estimated for,
// given the log's contacts by interval of the day: parts of perPart
// intervals each, but where consecutive parts each have fewer than
// minPartContacts, they are taken together, in as many parts as their
// contacts allow (the last of them joining the one before when short). A
// run of such parts with fewer contacts in all is not estimated (it takes
// the estimate nearest to it): the night's few contacts say little of
// the agents, and would blur the first hour of the morning. When no part
// is estimated, the whole day is one part.
func splitDay(contacts []float64, perPart int, interval float64) []AvailabilityPart {
	var parts []AvailabilityPart
	add := func(from, to int, n float64, estimated bool) {
		parts = append(parts, AvailabilityPart{From: float64(from) * interval, To: float64(to) * interval, Contacts: n, Estimated: estimated})
	}
	count := func(from, to int) float64 { return floats.Sum(contacts[from:to]) }
	slots := len(contacts)
	for from := 0; from < slots; {
		to := min(slots, from+perPart)
		if n := count(from, to); n >= minPartContacts {
			add(from, to, n, true)
			from = to
			continue
		}
		// A run of thin parts, cut into parts of enough contacts.
		end := to
		for end < slots && count(end, min(slots, end+perPart)) < minPartContacts {
			end = min(slots, end+perPart)
		}
		first := len(parts)
		start, n := from, 0.0
		for b := from; b < end; b += perPart {
			n += count(b, min(end, b+perPart))
			if n >= minPartContacts {
				add(start, min(end, b+perPart), n, true)
				start, n = min(end, b+perPart), 0
			}
		}
		if start < end {
			if len(parts) > first {
				last := &parts[len(parts)-1]
				last.To, last.Contacts = float64(end)*interval, last.Contacts+n
			} else {
				add(start, end, n, false)
			}
		}
		from = end
	}
	// A thin run with a fifth of the contacts a part needs joins the part
	// before it (or after it, at the start of the day).
	for i := 0; i < len(parts); i++ {
		p := parts[i]
		if p.Estimated || p.Contacts < minPartContacts/5 {
			continue
		}
		switch {
		case i > 0 && parts[i-1].Estimated:
			parts[i-1].To, parts[i-1].Contacts = p.To, parts[i-1].Contacts+p.Contacts
		case i+1 < len(parts) && parts[i+1].Estimated:
			parts[i+1].From, parts[i+1].Contacts = p.From, parts[i+1].Contacts+p.Contacts
		default:
			continue
		}
		parts = slices.Delete(parts, i, i+1)
		i--
	}
	estimated := false
	for _, p := range parts {
		estimated = estimated || p.Estimated
	}
	if !estimated {
		return []AvailabilityPart{{From: 0, To: float64(slots) * interval, Contacts: count(0, slots), Estimated: count(0, slots) > 0}}
	}
	return parts
}

// fillUnestimated gives each part not estimated the value of the nearest
// part that is (the earlier of two as near).
func fillUnestimated(parts []AvailabilityPart, values []float64) {
	for b, pt := range parts {
		if pt.Estimated {
			continue
		}
		for d := 1; d < len(parts); d++ {
			if b-d >= 0 && parts[b-d].Estimated {
				values[b] = values[b-d]
				break
			}
			if b+d < len(parts) && parts[b+d].Estimated {
				values[b] = values[b+d]
				break
			}
		}
	}
}
