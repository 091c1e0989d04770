package roster

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/plan"
)

// Verification is a roster simulated in its scenario: every target judged
// interval by interval as omnisim staff's verification judges a plan
// (plan.Judge), and again with the same roster on the floor throughout
// every shift, on the same replications (the same customers), to show
// where the breaks and lunches cost a target.
type Verification struct {
	// Config is the scenario with the roster's shifts.
	Config models.Config
	// First and Replications say which replications ran.
	First, Replications int
	// Roster judges the roster; NoBreaks the same shifts without their
	// breaks and lunches.
	Roster, NoBreaks *plan.Verification
	// BreaksCost are the periods whose verdict is worse with the breaks
	// than without (met without, undecided or missed with; undecided
	// without, missed with), in the checks' order: where the breaks cost
	// the target.
	BreaksCost []BreakCost
	// Dearest are the periods whose figure the breaks worsen most, by
	// their means, the worst first: at most MaxDearest, and only those
	// worsened.
	Dearest []BreakCost
}

// MaxDearest is the most periods Verification.Dearest lists.
const MaxDearest = 3

// BreakCost is a period with the roster's breaks and without them.
type BreakCost struct {
	With, Without plan.VerifiedCheck
}

// Cost returns how much the breaks worsen the period's figure: the
// service level lost, or the abandonment or occupancy gained.
func (b BreakCost) Cost() float64 {
	if b.With.Kind == plan.ServiceLevel {
		return b.Without.Mean - b.With.Mean
	}
	return b.With.Mean - b.Without.Mean
}

// rank orders verdicts from the best: met, undecided, missed.
func rank(s plan.Status) int {
	switch s {
	case plan.Met:
		return 0
	case plan.Undecided:
		return 1
	case plan.Missed:
		return 2
	}
	return -1
}

// VerifyOptions say how to simulate a roster.
type VerifyOptions struct {
	// First is the first replication's number and Replications their
	// count; Workers run at once (≤ 0: every core).
	First, Replications, Workers int
	// Precision is the half-width, a share, at which a period's verdict is
	// decided (0: plan.DefaultPrecision).
	Precision float64
}

// Verify simulates the scenario cfg with each pool rs rosters on the
// roster's shifts (Apply), and again with the same shifts without their
// breaks, on the same replications, and judges every target of the
// scenario interval by interval in both. The rosters' intervals must be
// the scenario's.
func Verify(cfg *models.Config, rs []Roster, opt VerifyOptions) (*Verification, error) {
	for _, r := range rs {
		if r.Requirement.Interval != cfg.Interval {
			return nil, fmt.Errorf("roster: pool %s was rostered in intervals of %s, but the scenario's are %s",
				r.Pool, models.FormatDuration(r.Requirement.Interval), models.FormatDuration(cfg.Interval))
		}
	}
	with, err := withRoster(cfg, rs)
	if err != nil {
		return nil, err
	}
	without, err := withRoster(cfg, withoutBreaks(rs))
	if err != nil {
		return nil, err
	}
	reps := experiment.Span(opt.First, opt.First+opt.Replications)
	judge := func(c *models.Config) (*plan.Verification, error) {
		res, err := experiment.Run{Config: c, Reps: reps, Workers: opt.Workers}.Results()
		if err != nil {
			return nil, err
		}
		return plan.Judge(c, res, opt.First, opt.Precision), nil
	}
	v := &Verification{Config: *with, First: opt.First, Replications: opt.Replications}
	if v.Roster, err = judge(with); err != nil {
		return nil, err
	}
	if v.NoBreaks, err = judge(without); err != nil {
		return nil, err
	}
	var all []BreakCost
	for i, c := range v.Roster.Checks {
		nb := v.NoBreaks.Checks[i]
		bc := BreakCost{With: c, Without: nb}
		if rank(nb.Status) >= 0 && rank(c.Status) > rank(nb.Status) {
			v.BreaksCost = append(v.BreaksCost, bc)
		}
		if bc.Cost() > 0 {
			all = append(all, bc)
		}
	}
	slices.SortStableFunc(all, func(a, b BreakCost) int { return cmp.Compare(b.Cost(), a.Cost()) })
	v.Dearest = all[:min(len(all), MaxDearest)]
	return v, nil
}

// withRoster returns a copy of cfg whose rostered pools work the rosters'
// shifts, checked as a scenario's are.
func withRoster(cfg *models.Config, rs []Roster) (*models.Config, error) {
	c := *cfg
	c.Pools = slices.Clone(cfg.Pools)
	if err := Apply(&c, rs); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("roster: the scenario with the roster: %w", err)
	}
	return &c, nil
}

// withoutBreaks returns the rosters with every shift's breaks and lunch
// taken out: the agents on the floor throughout their shifts.
func withoutBreaks(rs []Roster) []Roster {
	out := slices.Clone(rs)
	for i := range out {
		out[i].Shifts = slices.Clone(rs[i].Shifts)
		for j := range out[i].Shifts {
			out[i].Shifts[j].Breaks = nil
		}
	}
	return out
}
