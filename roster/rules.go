package roster

import (
	"fmt"
	"math"

	"github.com/omnisim/omnisim/internal/problem"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// Rules are the shift rules of a roster: the objective, and for each pool
// rostered, the shifts its agents may work.
type Rules struct {
	// Interval is the length of the requirement's intervals, in seconds
	// (rules file key interval); 0 takes the requirement's. Every time of
	// the rules falls on it.
	Interval float64
	// Objective says what the roster minimises.
	Objective Objective
	// Pools are the pools rostered, each by its own rules.
	Pools []PoolRules
}

// Objective is what a roster minimises.
type Objective struct {
	// Soft is false for a roster that covers the requirement in every
	// interval at the least cost (rules file: objective: cost). When true
	// (a mapping {cost:, over:, under:}), intervals may be under- or
	// over-staffed, and the roster minimises
	//
	//	Cost × the shifts' cost + Over × agent-hours over + Under × agent-hours under,
	//
	// the agent-hours over (under) the requirement summed over the
	// intervals, as pyworkforce's MinAbsDifference does with Cost 0 and
	// Over = Under = 1 (objective: difference).
	Soft bool
	// Cost, Over and Under are the weights of a soft objective, each ≥ 0,
	// Under > 0.
	Cost, Over, Under float64
}

// PoolRules are one pool's shift rules.
type PoolRules struct {
	// Pool names the pool, as the requirement does.
	Pool string
	// MaxPartTime is the largest share of the pool's agents on part-time
	// shifts (rules file key max_part_time), from 0 to 1; 1 leaves it
	// free.
	MaxPartTime float64
	// Shifts are the kinds of shift the pool's agents may work.
	Shifts []ShiftRule
}

// NoMax is a ShiftRule's Max when it sets none.
const NoMax = -1

// ShiftRule is a kind of shift, which the roster makes shift types of:
// every length, every start, every placement of its breaks and every
// pattern of days it allows.
type ShiftRule struct {
	// Name names the kind of shift in the roster (rules file key name);
	// by default shift1, shift2... in the order written.
	Name string
	// Lengths are the lengths a shift may have, in seconds, breaks
	// included.
	Lengths []float64
	// Starts are when a shift may start.
	Starts []Starts
	// Lunch, if not nil, is the shift's one longer break.
	Lunch *Break
	// Breaks are its other breaks, each placed within its own window.
	Breaks []Break
	// Days are the days of the week the shift may be worked on.
	Days models.Days
	// DaysPerWeek, when above 0, is the number of those days each agent
	// works: every choice of that many of Days is a pattern of its own
	// (a weekly roster). 0 works every day of Days.
	DaysPerWeek int
	// RestTogether keeps only the patterns whose days off (of the whole
	// week) follow one another, Sunday to Monday included.
	RestTogether bool
	// CostPerHour is the cost of an agent's paid hour on the shift: its
	// length less its lunch (breaks are paid).
	CostPerHour float64
	// Min and Max bound the agents on shifts of this rule, all its shift
	// types together; Max is NoMax for no limit.
	Min, Max int
	// PartTime marks the rule's shifts as part-time, counted against the
	// pool's MaxPartTime.
	PartTime bool
}

// Starts is a window of start times: from From to To (seconds after
// midnight; a To before From runs past midnight), every Every seconds
// (every interval, when 0).
type Starts struct {
	From, To, Every float64
}

// Break is a break of Length seconds, placed within the window From to To
// after the shift's start.
type Break struct {
	Length   float64
	From, To float64
}

// MaxShiftTypes bounds the shift types the rules of one pool may make.
const MaxShiftTypes = 20_000

// MaxLength is the longest shift.
const MaxLength = 24 * 3600.0

// Problem is one reason rules cannot be used. Path names the field the way
// a rules file writes it ("pools.agents.shifts[0].lunch.within").
type Problem = problem.Problem

// Problems is every reason rules cannot be used. It is an error.
type Problems []Problem

func (ps Problems) Error() string { return problem.Lines("roster: ", ps) }

// problems collects Problems under a path prefix.
type problems = problem.Collector

// Check returns every problem of the rules for requirements of intervals
// of interval seconds (the rules' own Interval if they give one), each
// named by its field; nil when there is none. With no interval known
// (both 0), what falls on the intervals is left unchecked.
func (r *Rules) Check(interval float64) Problems {
	var list Problems
	p := problem.New((*[]Problem)(&list))
	if r.Interval != 0 {
		interval = r.Interval
	}
	iv := p.At("interval")
	switch {
	case interval == 0:
		// Not known yet (the file gives none): checked with the
		// requirement's.
	case !(interval > 0) || math.IsInf(interval, 0):
		iv.Add("must be a positive duration, not %s", models.FormatDuration(interval))
		interval = 0
	case math.Mod(86400, interval) != 0 || interval < 60:
		iv.Add("must divide a day into whole intervals of at least a minute (such as 15m, 30m or 1h), not %s", models.FormatDuration(interval))
		interval = 0
	}
	r.Objective.check(p.At("objective"))
	if len(r.Pools) == 0 {
		p.At("pools").Add("must name at least one pool and its shifts")
	}
	seen := map[string]bool{}
	for i := range r.Pools {
		pr := &r.Pools[i]
		pp := p.At("pools").At(pr.Pool)
		if seen[pr.Pool] {
			pp.Add("given twice")
		}
		seen[pr.Pool] = true
		pr.check(pp, interval)
	}
	return list
}

func (o Objective) check(p problems) {
	if !o.Soft {
		return
	}
	for _, w := range []struct {
		key string
		v   float64
	}{{"cost", o.Cost}, {"over", o.Over}, {"under", o.Under}} {
		if !(w.v >= 0) || math.IsInf(w.v, 0) {
			p.At(w.key).Add("must be a finite weight ≥ 0, not %v", w.v)
		}
	}
	if o.Under == 0 {
		p.At("under").Add("must be above 0: with no weight on the agents missing, the roster would have none")
	}
}

func (pr *PoolRules) check(p problems, interval float64) {
	if !(pr.MaxPartTime >= 0 && pr.MaxPartTime <= 1) {
		p.At("max_part_time").Add("must be a share from 0 to 100 %%, not %v", pr.MaxPartTime)
	}
	if len(pr.Shifts) == 0 {
		p.At("shifts").Add("must list at least one shift")
	}
	names := map[string]bool{}
	for i := range pr.Shifts {
		s := &pr.Shifts[i]
		sp := p.At(fmt.Sprintf("shifts[%d]", i))
		if names[s.Name] {
			sp.At("name").Add("%q names two shifts of the pool", s.Name)
		}
		names[s.Name] = true
		s.check(sp, interval)
	}
}

// onGrid tells whether a time falls on the intervals (always, when the
// interval is unknown: its own problem is reported).
func onGrid(t, interval float64) bool {
	return interval == 0 || math.Mod(t, interval) == 0
}

func (s *ShiftRule) check(p problems, interval float64) {
	every := models.FormatDuration(interval)
	if len(s.Lengths) == 0 {
		p.At("length").Add("missing: give the shift's length, such as 8h, or a list of them")
	}
	for i, l := range s.Lengths {
		lp := p.At("length")
		if len(s.Lengths) > 1 {
			lp = lp.At(fmt.Sprintf("[%d]", i))
		}
		switch {
		case !(l > 0 && l <= MaxLength):
			lp.Add("must be a duration above 0 and at most 24h, not %s", models.FormatDuration(l))
		case !onGrid(l, interval):
			lp.Add("must be whole intervals (of %s), not %s", every, models.FormatDuration(l))
		}
	}
	if len(s.Starts) == 0 {
		p.At("starts").Add("missing: give the start times, such as \"07:00-12:00 every 30m\"")
	}
	for i, w := range s.Starts {
		sp := p.At("starts")
		if len(s.Starts) > 1 {
			sp = sp.At(fmt.Sprintf("[%d]", i))
		}
		switch {
		case !(w.From >= 0 && w.From < 86400 && w.To >= 0 && w.To < 86400):
			sp.Add("must be times of day from 00:00 to 23:59")
		case !onGrid(w.From, interval) || !onGrid(w.To, interval):
			sp.Add("must fall on the intervals (every %s)", every)
		}
		switch {
		case !(w.Every >= 0) || math.IsInf(w.Every, 0):
			sp.Add("must start every positive duration, not %s", models.FormatDuration(w.Every))
		case !onGrid(w.Every, interval):
			sp.Add("must start every whole number of intervals (of %s), not every %s", every, models.FormatDuration(w.Every))
		}
	}
	if s.Lunch != nil {
		s.Lunch.check(p.At("lunch"), s.Lengths, interval)
	}
	for i := range s.Breaks {
		s.Breaks[i].check(p.At(fmt.Sprintf("breaks[%d]", i)), s.Lengths, interval)
	}
	n := 0
	for _, on := range s.Days {
		if on {
			n++
		}
	}
	if n == 0 {
		p.At("days").Add("must name at least one day")
	}
	switch {
	case s.DaysPerWeek < 0 || s.DaysPerWeek > 7:
		p.At("days_per_week").Add("must be from 1 to 7, not %d", s.DaysPerWeek)
	case s.DaysPerWeek > n && n > 0:
		p.At("days_per_week").Add("is %d, but the shift's days are only %d (%s)", s.DaysPerWeek, n, output.DescribeDays(s.Days))
	}
	if s.DaysPerWeek > 0 && s.DaysPerWeek <= n && len(s.patterns()) == 0 {
		p.At("rest_days").Add("no choice of %d of %s keeps the days off together (rest_days: any allows days off apart)", s.DaysPerWeek, output.DescribeDays(s.Days))
	}
	if s.RestTogether && s.DaysPerWeek == 0 {
		p.At("rest_days").Add("needs days_per_week: with no days off to choose, there is nothing to keep together")
	}
	if !(s.CostPerHour >= 0) || math.IsInf(s.CostPerHour, 0) {
		p.At("cost_per_hour").Add("must be a finite number ≥ 0, not %v", s.CostPerHour)
	}
	switch {
	case s.Min < 0 || s.Min > models.MaxAgents:
		p.At("min").Add("must be from 0 to %d agents, not %d", models.MaxAgents, s.Min)
	case s.Max != NoMax && (s.Max < 0 || s.Max > models.MaxAgents):
		p.At("max").Add("must be from 0 to %d agents, not %d", models.MaxAgents, s.Max)
	case s.Max != NoMax && s.Max < s.Min:
		p.At("max").Add("is %d, below min (%d)", s.Max, s.Min)
	}
}

func (b *Break) check(p problems, lengths []float64, interval float64) {
	every := models.FormatDuration(interval)
	switch {
	case !(b.Length > 0) || math.IsInf(b.Length, 0):
		p.At("length").Add("must be a positive duration, not %s", models.FormatDuration(b.Length))
	case !onGrid(b.Length, interval):
		p.At("length").Add("must be whole intervals (of %s), not %s: the scenario counts agents by interval; "+
			"leave shorter breaks to the pool's shrinkage, or use shorter intervals", every, models.FormatDuration(b.Length))
	}
	w := p.At("within")
	switch {
	case !(b.From >= 0 && b.To > b.From) || math.IsInf(b.To, 0):
		w.Add("must be a window after the shift's start, such as 3h-5h")
	case !onGrid(b.From, interval) || !onGrid(b.To, interval):
		w.Add("must fall on the intervals (every %s)", every)
	case b.To-b.From < b.Length:
		w.Add("is %s long, shorter than the break (%s)", models.FormatDuration(b.To-b.From), models.FormatDuration(b.Length))
	default:
		for _, l := range lengths {
			if b.To > l {
				w.Add("ends %s after the start, after the %s shift ends", models.FormatDuration(b.To), models.FormatDuration(l))
			}
		}
	}
}
