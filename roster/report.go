package roster

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/plan"
)

// Report is the rosters of every pool the rules name, with what they were
// made from, for people (WriteText) and programs (JSON, the CSV tables).
type Report struct {
	// Requirement names where the requirement came from: a staffing
	// table's file, or a scenario's name.
	Requirement string
	// Rules names the rules file.
	Rules string
	// Objective is the rules' objective.
	Objective Objective
	// Rosters are the pools' rosters, in the rules' order.
	Rosters []Roster
	// Left are the pools of the requirement the rules do not roster.
	Left []string
	// Verification, if not nil, is the rosters simulated in Scenario.
	Verification *Verification
	Scenario     string
}

// Method says in a sentence how the rosters were found, for people.
const Method = "an integer program over the shift types (the agents on each), its linear relaxation solved by a dual simplex " +
	"(the bound), then branch and bound from a rounded, locally improved roster"

// ObjectiveText says what the objective minimises, in words.
func (o Objective) ObjectiveText() string {
	if !o.Soft {
		return "the least cost that covers every interval"
	}
	return fmt.Sprintf("the least %s × cost + %s × agent-hours over + %s × agent-hours under", number(o.Cost), number(o.Over), number(o.Under))
}

func number(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// Search says in words how far the search went: "optimal (12 nodes)",
// "optimal (the bound reached)" when the first roster reached the bound,
// or "stopped at the cap (5,000 nodes)".
func (r *Roster) Search() string {
	switch {
	case r.Proven && r.Nodes == 0:
		return "optimal (the bound reached)"
	case r.Proven:
		return fmt.Sprintf("optimal (%s node%s)", output.Thousands(int64(r.Nodes)), plural(r.Nodes))
	case !r.BoundExact:
		return "stopped at the cap on the simplex's work, before the bound"
	}
	return fmt.Sprintf("stopped at the cap (%s nodes)", output.Thousands(int64(r.Nodes)))
}

// GapText writes the gap to the bound: "1.25 %", or the difference in the
// objective's units when the bound is 0.
func (r *Roster) GapText() string {
	g := r.Gap()
	if math.IsNaN(g) {
		return number(math.Round((r.Value-r.Bound)*100)/100) + " above 0"
	}
	return strconv.FormatFloat(100*g, 'f', 2, 64) + " %"
}

// WriteText writes the report as tables: a line per pool (shifts,
// agents, agent-hours, cost, over- and under-staffing, the bound and the
// gap, how far the search went), then each pool's shifts.
func (rep *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Roster of %s by %s: %s.\n\n", rep.Requirement, rep.Rules, rep.Objective.ObjectiveText())
	t := output.NewTable("pool", "shift types", "shifts", "agents", "agent-hours", "cost", "over", "under", "objective", "bound", "gap", "search").AlignLeft(11)
	for i := range rep.Rosters {
		r := &rep.Rosters[i]
		t.Row(r.Pool, output.Thousands(int64(r.ShiftTypes)), strconv.Itoa(len(r.Shifts)), output.Thousands(int64(r.Agents)),
			output.Value(r.AgentHours, output.UnitHours), output.Count(r.Cost, 2), output.Value(r.OverHours, output.UnitHours),
			output.Value(r.UnderHours, output.UnitHours), output.Count(r.Value, 2), output.Count(r.Bound, 2), r.GapText(), r.Search())
	}
	if _, err := t.WriteTo(&b); err != nil {
		return err
	}
	for i := range rep.Rosters {
		r := &rep.Rosters[i]
		fmt.Fprintf(&b, "\n%s: %d agent%s on %d shift%s", r.Pool, r.Agents, plural(r.Agents), len(r.Shifts), plural(len(r.Shifts)))
		if r.Short > 0 {
			fmt.Fprintf(&b, "; %d interval%s short of the requirement", r.Short, plural(r.Short))
		}
		if r.Closed > 0 {
			fmt.Fprintf(&b, "; %s shift type%s left out, as they would put agents on the floor while the pool's channels are closed and nobody is needed",
				output.Thousands(int64(r.Closed)), plural(r.Closed))
		}
		b.WriteString("\n\n")
		st := output.NewTable("shift", "start", "end", "breaks", "days", "agents").AlignLeft(1, 2, 3, 4)
		for _, s := range r.Shifts {
			st.Row(s.Name, clock(s.Start), clock(math.Mod(s.Start+s.Length, 86400)), s.breaksText(), output.DescribeDays(s.Days), strconv.Itoa(s.Agents))
		}
		if _, err := st.WriteTo(&b); err != nil {
			return err
		}
	}
	if len(rep.Left) > 0 {
		fmt.Fprintf(&b, "\nNot rostered (the rules name no shifts for them): %s.\n", output.JoinAnd(rep.Left))
	}
	if v := rep.Verification; v != nil {
		if err := rep.writeVerification(&b, v); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeVerification writes the verification: the sentence that says how,
// a line per target, what the verdicts mean, and where the breaks cost a
// target.
func (rep *Report) writeVerification(b *strings.Builder, v *Verification) error {
	cfg, r := &v.Config, v.Roster
	fmt.Fprintf(b, "\n%s\n\n", rep.VerificationSentence())
	if _, err := output.VerificationTable(cfg, r).WriteTo(b); err != nil {
		return err
	}
	fmt.Fprintf(b, "\n%s\n\n", output.VerdictsNote(r))
	line := func(bc BreakCost) {
		fmt.Fprintf(b, "  - %s %s %s: %s (%s) with the breaks, %s (%s) without\n", cfg.Channels[bc.With.Channel].Name, bc.With.Kind.Label(),
			output.When(cfg, bc.With.Check), output.Estimate(bc.With.Mean, bc.With.Half, output.UnitShare), bc.With.Status,
			output.Estimate(bc.Without.Mean, bc.Without.Half, output.UnitShare), bc.Without.Status)
	}
	if n := len(v.BreaksCost); n == 0 {
		b.WriteString("The breaks change no verdict: with every agent on the floor throughout the shift, on the same replications, no period's verdict is better.\n")
	} else {
		verb := "fare"
		if n == 1 {
			verb = "fares"
		}
		fmt.Fprintf(b, "Where the breaks cost a target: %d period%s %s worse with them than with every agent on the floor throughout the shift, on the same replications:\n",
			n, plural(n), verb)
		for _, bc := range v.BreaksCost {
			line(bc)
		}
	}
	if len(v.Dearest) > 0 {
		b.WriteString("The periods the breaks cost most:\n")
		for _, bc := range v.Dearest {
			line(bc)
		}
	}
	return nil
}

// VerificationSentence says how the rosters were verified.
func (rep *Report) VerificationSentence() string {
	v := rep.Verification
	r := v.Roster
	return fmt.Sprintf("The roster simulated in %s on %d replications (%d to %d), its shifts in place of the pools' staffing: "+
		"each target period by period with a Bonferroni-corrected interval (%.0f %% for them all together), decided once the interval lies "+
		"wholly on one side of the target or is no wider than ± %s: %d met, %d missed, %d undecided.",
		rep.Scenario, v.Replications, v.First, v.First+v.Replications-1, 100*plan.FamilyLevel, output.Points(r.Precision), r.Met, r.Missed, r.Undecided)
}

// breaksText writes a shift's breaks as times of day: "11:00-11:30
// lunch, 09:30-10:00"; "none" without any.
func (s *Shift) breaksText() string {
	if len(s.Breaks) == 0 {
		return "none"
	}
	var parts []string
	for _, b := range s.Breaks {
		p := clock(math.Mod(s.Start+b.From, 86400)) + "-" + clock(math.Mod(s.Start+b.To, 86400))
		if b.Lunch {
			p += " lunch"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ", ")
}

// JSON returns the report as summary.json and --json write it.
func (rep *Report) JSON(version string) *output.Object {
	o := &output.Object{}
	o.Set("omnisim", version)
	o.Set("requirement", rep.Requirement)
	o.Set("rules", rep.Rules)
	obj := (&output.Object{}).Set("kind", "cost")
	if rep.Objective.Soft {
		obj = (&output.Object{}).Set("kind", "weighted").Set("cost", rep.Objective.Cost).Set("over", rep.Objective.Over).Set("under", rep.Objective.Under)
	}
	o.Set("objective", obj.Set("text", rep.Objective.ObjectiveText()))
	o.Set("method", Method)
	var pools []*output.Object
	for i := range rep.Rosters {
		r := &rep.Rosters[i]
		p := &output.Object{}
		p.Set("pool", r.Pool).Set("shift_types", r.ShiftTypes).Set("closed_shift_types", r.Closed).Set("shifts", len(r.Shifts)).Set("agents", r.Agents)
		p.Set("agent_hours", r.AgentHours).Set("cost", r.Cost).Set("over_hours", r.OverHours).Set("under_hours", r.UnderHours)
		p.Set("short_intervals", r.Short).Set("objective", r.Value).Set("lp_bound", r.Bound).Set("bound_exact", r.BoundExact)
		p.Set("gap", r.Gap()).Set("nodes", r.Nodes).Set("optimal", r.Proven)
		var shifts []*output.Object
		for _, s := range r.Shifts {
			shifts = append(shifts, (&output.Object{}).Set("shift", s.Name).Set("start", clock(s.Start)).
				Set("end", clock(math.Mod(s.Start+s.Length, 86400))).Set("breaks", s.breaksText()).
				Set("days", output.DescribeDays(s.Days)).Set("agents", s.Agents))
		}
		p.Set("roster", shifts)
		pools = append(pools, p)
	}
	o.Set("pools", pools)
	if len(rep.Left) > 0 {
		o.Set("not_rostered", rep.Left)
	}
	if v := rep.Verification; v != nil {
		o.Set("verification", rep.verificationJSON(v))
	}
	return o
}

// verificationJSON is the verification as JSON: how, the counts, every
// check with its verdict with and without the breaks, and where the
// breaks cost a target.
func (rep *Report) verificationJSON(v *Verification) *output.Object {
	cfg := &v.Config
	o := (&output.Object{}).Set("scenario", rep.Scenario).Set("first_replication", v.First).Set("replications", v.Replications).
		Set("precision", v.Roster.Precision).Set("met", v.Roster.Met).Set("missed", v.Roster.Missed).Set("undecided", v.Roster.Undecided)
	check := func(c plan.VerifiedCheck) *output.Object {
		return (&output.Object{}).Set("channel", cfg.Channels[c.Channel].Name).Set("figure", c.Kind.Key()).Set("target", c.Target.Value).
			Set("when", output.When(cfg, c.Check)).Set("mean", c.Mean).Set("ci", c.Half).Set("verdict", string(c.Status))
	}
	var checks []*output.Object
	for i, c := range v.Roster.Checks {
		checks = append(checks, check(c).Set("without_breaks", (&output.Object{}).Set("mean", v.NoBreaks.Checks[i].Mean).
			Set("ci", v.NoBreaks.Checks[i].Half).Set("verdict", string(v.NoBreaks.Checks[i].Status))))
	}
	o.Set("checks", checks)
	pairs := func(bcs []BreakCost) []*output.Object {
		out := []*output.Object{}
		for _, bc := range bcs {
			out = append(out, check(bc.With).Set("without_breaks", (&output.Object{}).Set("mean", bc.Without.Mean).
				Set("ci", bc.Without.Half).Set("verdict", string(bc.Without.Status))))
		}
		return out
	}
	o.Set("breaks_cost", pairs(v.BreaksCost))
	o.Set("dearest_breaks", pairs(v.Dearest))
	return o
}

// RosterColumns describe roster.csv's columns.
var RosterColumns = []output.Column{
	{Name: "pool", Description: "the pool"},
	{Name: "shift", Description: "the shift's name in the rules"},
	{Name: "start", Description: "when it starts, HH:MM"},
	{Name: "end", Description: "when it ends, HH:MM (before its start: the next day)"},
	{Name: "breaks", Description: "its breaks and lunch, as times of day, off the floor"},
	{Name: "days", Description: "the days of the week it is worked"},
	{Name: "agents", Description: "the agents working it on each of its days"},
	{Name: "paid_hours", Description: "an agent's paid hours on one day of it: its length less its lunch"},
	{Name: "cost", Description: "its cost over the requirement's days: agents × paid hours × cost per hour × days worked"},
}

// RosterCSV returns roster.csv: a row per pool and shift.
func (rep *Report) RosterCSV() *output.CSVTable {
	t := &output.CSVTable{}
	for _, c := range RosterColumns {
		t.Columns = append(t.Columns, c.Name)
	}
	for i := range rep.Rosters {
		r := &rep.Rosters[i]
		for _, s := range r.Shifts {
			_, days := coverage(&s.ShiftType, len(r.Requirement.Need), r.Requirement.Interval, r.Requirement.Start)
			cost := r.Rules.Shifts[s.Rule].CostPerHour * s.paidHours() * float64(days) * float64(s.Agents)
			t.Rows = append(t.Rows, []string{r.Pool, s.Name, clock(s.Start), clock(math.Mod(s.Start+s.Length, 86400)), s.breaksText(),
				output.DescribeDays(s.Days), strconv.Itoa(s.Agents), output.CellOf(s.paidHours()), output.CellOf(cost)})
		}
	}
	return t
}

// CoverageColumns describe coverage.csv's columns.
var CoverageColumns = []output.Column{
	{Name: "pool", Description: "the pool"},
	{Name: "interval", Description: "the interval's number, from 0"},
	{Name: "day", Description: "its day, from 1"},
	{Name: "weekday", Description: "its day of the week"},
	{Name: "time", Description: "when it starts, HH:MM"},
	{Name: "start_seconds", Description: "when it starts, in seconds from the requirement's start"},
	{Name: "need", Description: "the agents the requirement needs"},
	{Name: "roster", Description: "the agents the roster puts on the floor (breaks excluded)"},
	{Name: "over", Description: "roster − need, where above 0"},
	{Name: "under", Description: "need − roster, where above 0"},
}

// CoverageCSV returns coverage.csv: a row per pool and interval, the
// requirement against the roster.
func (rep *Report) CoverageCSV() *output.CSVTable {
	t := &output.CSVTable{}
	for _, c := range CoverageColumns {
		t.Columns = append(t.Columns, c.Name)
	}
	for i := range rep.Rosters {
		r := &rep.Rosters[i]
		req := r.Requirement
		per := req.perDay()
		for k, need := range req.Need {
			got := r.Coverage[k]
			t.Rows = append(t.Rows, []string{r.Pool, strconv.Itoa(k), strconv.Itoa(k/per + 1),
				models.Weekday((int(req.Start) + k/per) % 7).String(), clock(float64(k%per) * req.Interval),
				output.CellOf(float64(k) * req.Interval), strconv.Itoa(need), strconv.Itoa(got),
				strconv.Itoa(max(0, got-need)), strconv.Itoa(max(0, need-got))})
		}
	}
	return t
}
