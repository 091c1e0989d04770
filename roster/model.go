package roster

import (
	"math"

	"github.com/omnisim/omnisim/models"
)

// model is the integer program of one pool's roster: how many agents work
// each shift type (x_j, a whole number from 0), so that
//
//	hard objective: minimise Σ_j cost_j·x_j subject to cover_i(x) ≥ need_i in every interval i;
//	soft objective: minimise Cost·Σ_j cost_j·x_j + Over·h·Σ_i over_i + Under·h·Σ_i under_i,
//	                over_i − under_i = cover_i(x) − need_i, over_i, under_i ≥ 0,
//
// where cover_i(x) = Σ_j a_ij·x_j counts the agents on the floor in
// interval i (a_ij is 1 when a shift of type j covers interval i outside
// its breaks), h is an interval's length in hours, and, in both cases,
// each rule's agents lie within its min and max, and the part-time agents
// make at most MaxPartTime of all.
type model struct {
	need   []int
	hours  float64   // an interval's length, in hours
	cover  [][]int32 // each shift type's intervals, ascending, each once
	cost   []float64 // each shift type's cost for one agent over the horizon
	groups []group
	// partTime marks the part-time shift types, and share is the largest
	// share of agents they may have (1: no limit).
	partTime []bool
	share    float64
	obj      Objective
}

// group bounds the agents of a rule's shift types together.
type group struct {
	rule     int // the rule's index in the pool's shifts
	types    []int
	min, max int // max NoMax for none
}

// coverage returns the intervals of a requirement of n intervals from
// midnight of a day whose weekday is start (interval seconds each) that a
// shift of type s covers outside its breaks, ascending, and the days of
// the requirement it is worked on. It counts as a scenario's shifts do
// (models.Pool.ScheduledAt): every week alike, a shift that runs past
// midnight covering the next morning, so that the requirement's first
// morning has the shift worked the day before it (it repeats week after
// week); what runs past the requirement's end is cut off.
func coverage(s *ShiftType, n int, interval float64, start models.Weekday) ([]int32, int) {
	perDay := int(math.Round(86400 / interval))
	first := int(math.Round(s.Start / interval))
	length := int(math.Round(s.Length / interval))
	off := make([]bool, length)
	for _, b := range s.Breaks {
		for k := int(math.Round(b.From / interval)); k < int(math.Round(b.To/interval)) && k < length; k++ {
			off[k] = true
		}
	}
	var out []int32
	days := 0
	for d := -1; d*perDay < n; d++ {
		if !s.Days[(int(start)+d+7)%7] {
			continue
		}
		if d >= 0 {
			days++
		}
		for k := range length {
			if t := d*perDay + first + k; !off[k] && t >= 0 && t < n {
				out = append(out, int32(t))
			}
		}
	}
	return out, days
}

// newModel builds the model of a pool's roster: its rules pr, its shift
// types, its requirement and the objective.
func newModel(pr *PoolRules, types []ShiftType, req *Requirement, obj Objective) *model {
	m := &model{need: req.Need, hours: req.Interval / 3600, share: pr.MaxPartTime, obj: obj}
	m.cover = make([][]int32, len(types))
	m.cost = make([]float64, len(types))
	m.partTime = make([]bool, len(types))
	byRule := make([][]int, len(pr.Shifts))
	for j := range types {
		s := &types[j]
		rule := &pr.Shifts[s.Rule]
		var days int
		m.cover[j], days = coverage(s, len(req.Need), req.Interval, req.Start)
		m.cost[j] = rule.CostPerHour * s.paidHours() * float64(days)
		m.partTime[j] = rule.PartTime
		byRule[s.Rule] = append(byRule[s.Rule], j)
	}
	for ri, rule := range pr.Shifts {
		if rule.Min > 0 || rule.Max != NoMax {
			m.groups = append(m.groups, group{rule: ri, types: byRule[ri], min: rule.Min, max: rule.Max})
		}
	}
	return m
}

// cells returns the size of the dense tableau of the model's program,
// which MaxCells bounds: its rows (the intervals with a need, or every
// interval for a soft objective; a row per group; one for the part-time
// share, counted whether or not it is there) times its columns (a shift
// type's each, and room for three per row: the over and under columns
// of a soft objective and a row's slack).
func (m *model) cells() float64 {
	rows := len(m.need)
	if !m.obj.Soft {
		rows = 0
		for _, n := range m.need {
			if n > 0 {
				rows++
			}
		}
	}
	rows += len(m.groups) + 1
	return float64(rows) * float64(len(m.cover)+3*rows)
}

// hasPartTimeRow tells whether the part-time share is a constraint: it is
// below 1 and some shift type is part-time.
func (m *model) hasPartTimeRow() bool {
	if m.share >= 1 {
		return false
	}
	for _, pt := range m.partTime {
		if pt {
			return true
		}
	}
	return false
}

// The rows of the program, in order: the intervals' (those with a need,
// for a hard objective; all, for a soft one), the groups', then the
// part-time share's.
type layout struct {
	intervalRow []int // each interval's row, −1 if none
	rowInterval []int // each interval row's interval
	groupRow    int   // the first group's row
	shareRow    int   // −1 if none
	types       int   // the shift types' columns are 0 to types−1
}

// program returns the linear relaxation of the model, and where its rows
// and columns are.
func (m *model) program() (*program, layout) {
	p := &program{}
	lay := layout{intervalRow: make([]int, len(m.need)), shareRow: -1, types: len(m.cover)}
	for i, n := range m.need {
		lay.intervalRow[i] = -1
		switch {
		case m.obj.Soft:
			lay.intervalRow[i] = p.addRow(float64(n), float64(n))
		case n > 0:
			lay.intervalRow[i] = p.addRow(float64(n), math.Inf(1))
		default:
			continue
		}
		lay.rowInterval = append(lay.rowInterval, i)
	}
	lay.groupRow = p.rows
	for _, g := range m.groups {
		hi := math.Inf(1)
		if g.max != NoMax {
			hi = float64(g.max)
		}
		p.addRow(float64(g.min), hi)
	}
	if m.hasPartTimeRow() {
		// Σ_pt x ≤ share·Σ x, as (1 − share)·Σ_pt x − share·Σ_ft x ≤ 0.
		lay.shareRow = p.addRow(math.Inf(-1), 0)
	}
	inGroup := make([]int, len(m.cover))
	for j := range inGroup {
		inGroup[j] = -1
	}
	for g, gr := range m.groups {
		for _, j := range gr.types {
			inGroup[j] = g
		}
	}
	costWeight := 1.0
	if m.obj.Soft {
		costWeight = m.obj.Cost
	}
	for j, cov := range m.cover {
		var col []entry
		for _, i := range cov {
			if r := lay.intervalRow[i]; r >= 0 {
				col = append(col, entry{r, 1})
			}
		}
		if g := inGroup[j]; g >= 0 {
			col = append(col, entry{lay.groupRow + g, 1})
		}
		if lay.shareRow >= 0 {
			a := -m.share
			if m.partTime[j] {
				a = 1 - m.share
			}
			if a != 0 {
				col = append(col, entry{lay.shareRow, a})
			}
		}
		p.addCol(costWeight*m.cost[j], 0, models.MaxAgents, col)
	}
	if m.obj.Soft {
		for i := range m.need {
			r := lay.intervalRow[i]
			p.addCol(m.obj.Over*m.hours, 0, math.Inf(1), []entry{{r, -1}}) // over_i
			p.addCol(m.obj.Under*m.hours, 0, math.Inf(1), []entry{{r, 1}}) // under_i
		}
	}
	return p, lay
}

// evaluation is what a roster x comes to.
type evaluation struct {
	cover             []int
	cost              float64 // the shifts' cost
	over, under       float64 // agent-hours over and under the requirement
	objective         float64
	feasible          bool // every row of the model is met
	uncovered, agents int
}

// evaluate computes the coverage, cost and objective of x, and whether it
// meets every row of the model.
func (m *model) evaluate(x []int) evaluation {
	e := evaluation{cover: make([]int, len(m.need)), feasible: true}
	pt := 0
	for j, n := range x {
		if n == 0 {
			continue
		}
		for _, i := range m.cover[j] {
			e.cover[i] += n
		}
		e.cost += m.cost[j] * float64(n)
		e.agents += n
		if m.partTime[j] {
			pt += n
		}
	}
	for i, c := range e.cover {
		switch d := c - m.need[i]; {
		case d > 0:
			e.over += float64(d) * m.hours
		case d < 0:
			e.under -= float64(d) * m.hours
			e.uncovered++
		}
	}
	for _, g := range m.groups {
		sum := 0
		for _, j := range g.types {
			sum += x[j]
		}
		if sum < g.min || g.max != NoMax && sum > g.max {
			e.feasible = false
		}
	}
	if m.hasPartTimeRow() && float64(pt) > m.share*float64(e.agents)+1e-9 {
		e.feasible = false
	}
	if m.obj.Soft {
		e.objective = m.obj.Cost*e.cost + m.obj.Over*e.over + m.obj.Under*e.under
	} else {
		e.objective = e.cost
		if e.uncovered > 0 {
			e.feasible = false
		}
	}
	return e
}
