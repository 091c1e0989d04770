package roster

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/omnisim/omnisim/models"
)

// Roster is the roster of one pool: the shifts its agents work, and what
// they come to against the requirement.
type Roster struct {
	// Pool names the pool; Rules are its rules and Requirement its
	// requirement.
	Pool        string
	Rules       *PoolRules
	Requirement *Requirement
	// Objective is the rules' objective.
	Objective Objective
	// Shifts are the shift types with agents, in the order the rules make
	// them (ShiftTypes).
	Shifts []Shift
	// ShiftTypes is the number of shift types the rules allow within the
	// opening hours; Closed is the number left out because they would put
	// agents on the floor while the pool's channels are closed (and nobody
	// is needed).
	ShiftTypes, Closed int
	// Coverage is the agents on the floor in each interval (breaks
	// excluded).
	Coverage []int
	// Agents is the headcount: the agents of every shift.
	Agents int
	// Cost is the shifts' cost over the requirement's days: each agent's
	// paid hours (the shift less its lunch) at its rule's cost per hour,
	// on each day of the requirement the shift is worked.
	Cost float64
	// AgentHours are the hours agents are on the floor, and OverHours and
	// UnderHours the agent-hours above and below the requirement, summed
	// over the intervals; Short counts the intervals below it.
	AgentHours, OverHours, UnderHours float64
	Short                             int
	// Value is the objective's value: Cost for a hard objective, the
	// weighted sum for a soft one.
	Value float64
	// Bound is the optimum of the linear relaxation, a lower bound on
	// Value; BoundExact is false when the simplex stopped at its cap
	// first, Bound then being a lower bound on that optimum.
	Bound      float64
	BoundExact bool
	// Nodes counts the branch-and-bound nodes solved; Proven tells whether
	// the search closed, so that no roster has a lower Value.
	Nodes  int
	Proven bool
}

// Shift is a shift type and its agents.
type Shift struct {
	ShiftType
	// Name is its rule's name.
	Name string
	// Agents work it on each of its days.
	Agents int
}

// Gap returns (Value − Bound) ÷ Bound, how far the roster may be from
// the best: 0 when it reaches the bound, NaN when the bound is 0 (then
// Value − Bound is the gap in the objective's units).
func (r *Roster) Gap() float64 {
	if r.Bound <= 0 {
		if r.Value <= r.Bound+1e-9 {
			return 0
		}
		return math.NaN()
	}
	return max(0, (r.Value-r.Bound)/r.Bound)
}

// Make rosters every pool of the rules against its requirement in reqs
// (found by name; other pools of reqs are left out), within the caps of
// opt. Problems of the rules are returned as Problems, each named by its
// field; requirements the rules cannot cover, as an *Uncovered error per
// pool, every interval that cannot be covered named, and why. Every
// problem of every pool is returned at once.
func Make(rules *Rules, reqs []Requirement, opt Options) ([]Roster, error) {
	if len(reqs) == 0 {
		return nil, errors.New("roster: the requirement names no pool")
	}
	interval := reqs[0].Interval
	probs := rules.Check(interval)
	if rules.Interval != 0 && rules.Interval != interval {
		probs = append(probs, Problem{Path: "interval", Msg: fmt.Sprintf("is %s, but the requirement's intervals are %s long",
			models.FormatDuration(rules.Interval), models.FormatDuration(interval))})
	}
	var names []string
	for _, r := range reqs {
		names = append(names, r.Pool)
	}
	found := make([]*Requirement, len(rules.Pools))
	for i, pr := range rules.Pools {
		at := slices.IndexFunc(reqs, func(r Requirement) bool { return r.Pool == pr.Pool })
		if at < 0 {
			probs = append(probs, Problem{Path: "pools." + pr.Pool, Msg: fmt.Sprintf("the requirement has no pool named %q (its pools: %s)",
				pr.Pool, strings.Join(names, ", "))})
			continue
		}
		found[i] = &reqs[at]
		if r := found[i]; len(r.Need) == 0 {
			probs = append(probs, Problem{Path: "pools." + pr.Pool, Msg: "the requirement gives the pool no interval"})
		}
	}
	if len(probs) > 0 {
		return nil, probs
	}
	var out []Roster
	var errs []error
	for i := range rules.Pools {
		r, err := makeOne(&rules.Pools[i], found[i], rules.Objective, opt)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, *r)
	}
	var ps Problems
	var others []error
	for _, err := range errs {
		var p Problems
		if errors.As(err, &p) {
			ps = append(ps, p...)
		} else {
			others = append(others, err)
		}
	}
	switch {
	case len(ps) > 0:
		return nil, ps
	case len(others) > 0:
		return nil, errors.Join(others...)
	}
	return out, nil
}

// makeOne rosters one pool.
func makeOne(pr *PoolRules, req *Requirement, obj Objective, opt Options) (*Roster, error) {
	types, err := ShiftTypes(pr, req.Interval)
	if err != nil {
		return nil, err
	}
	types, closed := withinOpening(types, req)
	// A hard objective over whole weeks is solved on one week, each
	// interval needing the most its weeks need (exact: every shift type
	// covers every week alike), then evaluated on the whole requirement.
	full := req
	weeks := 1
	if !obj.Soft {
		req, weeks = req.fold()
	}
	m := newModel(pr, types, req, obj)
	if cells := m.cells(); cells > MaxCells {
		return nil, Problems{{Path: "pools." + pr.Pool + ".shifts", Msg: fmt.Sprintf("the requirement's %d intervals and the rules' %d shift types "+
			"make a program of %.0f million cells, more than the %.0f million a roster may take: roster one week at a time, or narrow the rules",
			len(req.Need), len(types), cells/1e6, MaxCells/1e6)}}
	}
	if !obj.Soft {
		if u := uncovered(pr, types, m, req, closed); u != nil {
			return nil, u
		}
	}
	sol, err := m.solve(opt)
	var row *infeasibleRow
	switch {
	case errors.As(err, &row):
		return nil, infeasible(pr, m, req, row)
	case err != nil:
		return nil, fmt.Errorf("roster: pool %s: %w", pr.Pool, err)
	}
	if weeks > 1 {
		// The costs of the whole requirement are its weeks' times one
		// week's, and so are the objective and its bound.
		sol.eval = newModel(pr, types, full, obj).evaluate(sol.x)
		sol.bound *= float64(weeks)
	}
	req = full
	r := &Roster{Pool: pr.Pool, Rules: pr, Requirement: req, Objective: obj, ShiftTypes: len(types), Closed: closed,
		Coverage: sol.eval.cover, Agents: sol.eval.agents, Cost: sol.eval.cost,
		OverHours: sol.eval.over, UnderHours: sol.eval.under, Short: sol.eval.uncovered, Value: sol.eval.objective,
		Bound: sol.bound, BoundExact: sol.boundExact, Nodes: sol.nodes, Proven: sol.proven}
	for j, n := range sol.x {
		if n > 0 {
			r.Shifts = append(r.Shifts, Shift{ShiftType: types[j], Name: pr.Shifts[types[j].Rule].Name, Agents: n})
		}
	}
	for _, c := range r.Coverage {
		r.AgentHours += float64(c) * req.Interval / 3600
	}
	if r.Bound > r.Value && r.Bound-r.Value <= 1e-6*max(1, r.Value) {
		r.Bound = r.Value // the simplex's rounding, not a bound above the roster
	}
	return r, nil
}
