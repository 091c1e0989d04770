package roster

import (
	"fmt"
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// Uncovered is the error of a requirement a pool's rules cannot cover with
// a hard objective: every stretch of intervals that cannot be covered,
// and why.
type Uncovered struct {
	Pool string
	Gaps []Gap
}

// Gap is a stretch of intervals, From to To (exclusive), that the rules
// cannot cover.
type Gap struct {
	From, To int
	// When names the stretch as a planner reads it ("mon 00:00–07:00").
	When string
	// Need is the most agents an interval of it needs; Most the most the
	// rules can put there (0 when no shift covers it).
	Need, Most int
	// Why says why, in words.
	Why string
}

func (u *Uncovered) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "roster: pool %s: the rules cannot cover the requirement:", u.Pool)
	for _, g := range u.Gaps {
		fmt.Fprintf(&b, "\n  %s needs up to %d agent%s: %s", g.When, g.Need, plural(g.Need), g.Why)
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// uncovered returns the intervals of req a hard roster cannot cover, in
// stretches, or nil: those no shift type covers, and those needing more
// agents than the rules' max allow there together (part-time shifts left
// out when the part-time share is 0); closed is the number of shift types
// left out by the opening hours.
func uncovered(pr *PoolRules, types []ShiftType, m *model, req *Requirement, closed int) *Uncovered {
	none := "no shift covers it"
	if closed > 0 {
		none = "no shift covers it while the pool's channels are open"
	}
	// most[i][rule] tells whether a shift of the rule covers interval i.
	rules := len(pr.Shifts)
	coveredBy := make([][]bool, len(req.Need))
	for j, cov := range m.cover {
		rule := types[j].Rule
		if pr.Shifts[rule].PartTime && pr.MaxPartTime == 0 {
			continue
		}
		for _, i := range cov {
			if coveredBy[i] == nil {
				coveredBy[i] = make([]bool, rules)
			}
			coveredBy[i][rule] = true
		}
	}
	type verdict struct {
		most int
		why  string
	}
	at := func(i int) (verdict, bool) {
		need := req.Need[i]
		if need == 0 {
			return verdict{}, false
		}
		if coveredBy[i] == nil {
			return verdict{0, none + " (" + reach(pr, req.Interval) + ")"}, true
		}
		most, unlimited := 0, false
		var limits []string
		for r, on := range coveredBy[i] {
			if !on {
				continue
			}
			if pr.Shifts[r].Max == NoMax {
				unlimited = true
				break
			}
			most += pr.Shifts[r].Max
			limits = append(limits, fmt.Sprintf("%s max %d", pr.Shifts[r].Name, pr.Shifts[r].Max))
		}
		if unlimited || most >= need {
			return verdict{}, false
		}
		return verdict{most, fmt.Sprintf("the shifts there are capped at %d together (%s)", most, strings.Join(limits, ", "))}, true
	}
	u := &Uncovered{Pool: pr.Pool}
	for i := 0; i < len(req.Need); {
		v, bad := at(i)
		if !bad {
			i++
			continue
		}
		j, need := i+1, req.Need[i]
		for ; j < len(req.Need); j++ {
			w, badToo := at(j)
			if !badToo || w != v {
				break
			}
			need = max(need, req.Need[j])
		}
		u.Gaps = append(u.Gaps, Gap{From: i, To: j, When: req.When(i, j), Need: need, Most: v.most, Why: v.why})
		i = j
	}
	if len(u.Gaps) == 0 {
		return nil
	}
	return u
}

// reach says when the pool's shifts start and how long they last, for
// the message of intervals none covers.
func reach(pr *PoolRules, interval float64) string {
	var parts []string
	for _, s := range pr.Shifts {
		var lengths []string
		for _, l := range s.Lengths {
			lengths = append(lengths, models.FormatDuration(l))
		}
		days := ""
		if s.Days != models.EveryDay {
			days = " on " + output.DescribeDays(s.Days)
		}
		parts = append(parts, fmt.Sprintf("%s starts %s%s and lasts %s", s.Name, describeStarts(&s, interval), days, strings.Join(lengths, " or ")))
	}
	return strings.Join(parts, "; ")
}

// infeasible explains a model whose relaxation has no solution though
// every interval can be reached: the row the dual simplex could not
// satisfy, which the rules' limits together make impossible.
func infeasible(pr *PoolRules, m *model, req *Requirement, row *infeasibleRow) error {
	lay := row.lay
	r := row.row
	switch {
	case r < len(lay.rowInterval):
		i := lay.rowInterval[r]
		return &Uncovered{Pool: pr.Pool, Gaps: []Gap{{From: i, To: i + 1, When: req.When(i, i+1), Need: req.Need[i], Most: -1,
			Why: "the rules' limits together (each shift's min and max, the part-time share) leave it short"}}}
	case r >= lay.groupRow && r < lay.groupRow+len(m.groups):
		g := m.groups[r-lay.groupRow]
		return Problems{{Path: fmt.Sprintf("pools.%s.shifts[%d].min", pr.Pool, g.rule),
			Msg: fmt.Sprintf("the min and max of %s cannot be met together with the part-time share and the other shifts' limits", pr.Shifts[g.rule].Name)}}
	default:
		return Problems{{Path: "pools." + pr.Pool + ".max_part_time", Msg: "the part-time share cannot be kept with the shifts' min and max"}}
	}
}
