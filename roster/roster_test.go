package roster

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// dayRules are rules for hourly intervals: 4-hour shifts starting every
// hour from 06:00 to 10:00 at 10 an hour, and 8-hour ones from 06:00 to
// 08:00 at 9 an hour, every day.
func dayRules() *Rules {
	return &Rules{Interval: 3600, Pools: []PoolRules{{Pool: "agents", MaxPartTime: 1, Shifts: []ShiftRule{
		{Name: "short", Lengths: []float64{4 * 3600}, Starts: []Starts{{6 * 3600, 10 * 3600, 3600}}, Days: models.EveryDay, CostPerHour: 10, Max: NoMax},
		{Name: "long", Lengths: []float64{8 * 3600}, Starts: []Starts{{6 * 3600, 8 * 3600, 3600}}, Days: models.EveryDay, CostPerHour: 9, Max: NoMax},
	}}}}
}

// dayNeed is a day of hourly needs, open 06:00 to 14:00.
func dayNeed() *Requirement {
	need := make([]int, 24)
	copy(need[6:], []int{2, 3, 5, 4, 4, 3, 2, 1})
	return &Requirement{Pool: "agents", Interval: 3600, Start: models.Monday, Need: need}
}

// TestMakeFindsTheOptimum rosters dayNeed by dayRules through Make and
// demands the least cost found by brute force over the rules' eight shift
// types (0 to 5 agents each), every interval covered, the figures
// (agent-hours, over-staffing) as the roster's coverage gives them, and
// the bound at most the cost.
func TestMakeFindsTheOptimum(t *testing.T) {
	rules, req := dayRules(), dayNeed()
	rs, err := Make(rules, []Requirement{*req}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := rs[0]
	types, err := ShiftTypes(&rules.Pools[0], 3600)
	if err != nil {
		t.Fatal(err)
	}
	if len(types) != 8 || r.ShiftTypes != 8 {
		t.Fatalf("%d shift types (roster says %d), want 5 + 3", len(types), r.ShiftTypes)
	}
	want, _ := bruteForce(newModel(&rules.Pools[0], types, req, rules.Objective), 5)
	if math.Abs(r.Cost-want) > 1e-9 || r.Value != r.Cost {
		t.Errorf("cost %g (value %g), brute force's least %g", r.Cost, r.Value, want)
	}
	cover := make([]int, 24)
	agents := 0
	for _, s := range r.Shifts {
		first := int(s.Start / 3600)
		for k := range int(s.Length / 3600) {
			cover[first+k] += s.Agents
		}
		agents += s.Agents
	}
	over := 0.0
	for i, c := range cover {
		if c != r.Coverage[i] {
			t.Errorf("hour %d: the shifts put %d agents, the roster says %d", i, c, r.Coverage[i])
		}
		if c < req.Need[i] {
			t.Errorf("hour %d: %d agents for %d needed", i, c, req.Need[i])
		}
		over += float64(c - req.Need[i])
	}
	if r.Agents != agents || r.OverHours != over || r.UnderHours != 0 || r.Short != 0 {
		t.Errorf("agents %d, over %g, under %g, short %d; the shifts make %d, %g, 0, 0", r.Agents, r.OverHours, r.UnderHours, r.Short, agents, over)
	}
	if r.AgentHours != float64(sum(cover)) {
		t.Errorf("agent-hours %g, the shifts make %d", r.AgentHours, sum(cover))
	}
	if r.Bound > r.Cost+1e-9 || !r.Proven {
		t.Errorf("bound %g, cost %g, proven %v", r.Bound, r.Cost, r.Proven)
	}
}

func sum(a []int) int {
	s := 0
	for _, v := range a {
		s += v
	}
	return s
}

// TestMakeSoft rosters with a soft objective in which an agent-hour short
// costs less than a shift: the roster leaves the requirement's last hour
// (1 agent, which only a shift of 4 paid hours could cover) uncovered,
// as brute force does.
func TestMakeSoft(t *testing.T) {
	rules, req := dayRules(), dayNeed()
	rules.Objective = Objective{Soft: true, Cost: 1, Over: 0, Under: 5}
	rs, err := Make(rules, []Requirement{*req}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	types, _ := ShiftTypes(&rules.Pools[0], 3600)
	want, _ := bruteForce(newModel(&rules.Pools[0], types, req, rules.Objective), 5)
	r := rs[0]
	if math.Abs(r.Value-want) > 1e-9 {
		t.Errorf("objective %g, brute force's least %g", r.Value, want)
	}
	if got := r.Cost + 5*r.UnderHours; math.Abs(got-r.Value) > 1e-9 {
		t.Errorf("objective %g, but cost %g + 5 × %g hours under = %g", r.Value, r.Cost, r.UnderHours, got)
	}
	if r.Short == 0 {
		t.Error("every interval covered, where an hour short costs less than any shift covering it")
	}
}

// TestMakeSaysWhatCannotBeCovered asks for agents where no shift works
// (the night) and more than the rules' max allow (the morning peak), and
// wants every stretch named at once, with why.
func TestMakeSaysWhatCannotBeCovered(t *testing.T) {
	rules, req := dayRules(), dayNeed()
	rules.Pools[0].Shifts[0].Max = 1
	rules.Pools[0].Shifts[1].Max = 2
	req.Need[2], req.Need[3] = 1, 1 // 02:00-04:00: no shift
	req.Need[8] = 5                 // 08:00, and the 4 at 09:00 and 10:00: at most 3
	_, err := Make(rules, []Requirement{*req}, Options{})
	var u *Uncovered
	if !errors.As(err, &u) {
		t.Fatalf("got %v, want an *Uncovered", err)
	}
	msg := err.Error()
	for _, want := range []string{"mon 02:00–04:00 needs up to 1 agent: no shift covers it", "short starts 06:00 to 10:00 every 1h",
		"mon 08:00–11:00 needs up to 5 agents: the shifts there are capped at 3 together (short max 1, long max 2)"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the message lacks %q:\n%s", want, msg)
		}
	}
	if len(u.Gaps) < 2 {
		t.Errorf("%d stretches, want both", len(u.Gaps))
	}
}

// TestMakeChecksTheRules wants every problem of the rules against the
// requirement at once, each at its field.
func TestMakeChecksTheRules(t *testing.T) {
	rules, req := dayRules(), dayNeed()
	rules.Interval = 1800
	rules.Pools = append(rules.Pools, PoolRules{Pool: "chat", MaxPartTime: 1, Shifts: rules.Pools[0].Shifts})
	rules.Pools[0].Shifts[0].Lengths = []float64{4*3600 + 900}
	_, err := Make(rules, []Requirement{*req}, Options{})
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("got %v, want Problems", err)
	}
	var paths []string
	for _, p := range ps {
		paths = append(paths, p.Path)
	}
	for _, want := range []string{"interval", "pools.chat", "pools.agents.shifts[0].length"} {
		found := false
		for _, p := range paths {
			found = found || p == want
		}
		if !found {
			t.Errorf("no problem at %s; got %v", want, ps)
		}
	}
}

// TestRulesCheck names each field that is wrong.
func TestRulesCheck(t *testing.T) {
	good := func() *Rules { return dayRules() }
	cases := []struct {
		name  string
		spoil func(r *Rules)
		path  string
	}{
		{"interval", func(r *Rules) { r.Interval = 7 * 60 }, "interval"},
		{"no pools", func(r *Rules) { r.Pools = nil }, "pools"},
		{"share", func(r *Rules) { r.Pools[0].MaxPartTime = 1.5 }, "pools.agents.max_part_time"},
		{"no shifts", func(r *Rules) { r.Pools[0].Shifts = nil }, "pools.agents.shifts"},
		{"twice", func(r *Rules) { r.Pools[0].Shifts[1].Name = "short" }, "pools.agents.shifts[1].name"},
		{"length", func(r *Rules) { r.Pools[0].Shifts[0].Lengths = []float64{25 * 3600} }, "pools.agents.shifts[0].length"},
		{"length off the grid", func(r *Rules) { r.Pools[0].Shifts[0].Lengths = []float64{3600, 5400} }, "pools.agents.shifts[0].length[1]"},
		{"start off the grid", func(r *Rules) { r.Pools[0].Shifts[0].Starts[0].From = 6*3600 + 600 }, "pools.agents.shifts[0].starts"},
		{"every", func(r *Rules) { r.Pools[0].Shifts[0].Starts[0].Every = -1800 }, "pools.agents.shifts[0].starts"},
		{"lunch length", func(r *Rules) { r.Pools[0].Shifts[0].Lunch = &Break{900, 3600, 7200} }, "pools.agents.shifts[0].lunch.length"},
		{"lunch window", func(r *Rules) { r.Pools[0].Shifts[0].Lunch = &Break{3600, 3600, 5 * 3600} }, "pools.agents.shifts[0].lunch.within"},
		{"break window short", func(r *Rules) { r.Pools[0].Shifts[0].Breaks = []Break{{7200, 3600, 7200}} }, "pools.agents.shifts[0].breaks[0].within"},
		{"no days", func(r *Rules) { r.Pools[0].Shifts[0].Days = models.Days{} }, "pools.agents.shifts[0].days"},
		{"days per week", func(r *Rules) {
			r.Pools[0].Shifts[0].Days = models.Days{true, true}
			r.Pools[0].Shifts[0].DaysPerWeek = 3
		}, "pools.agents.shifts[0].days_per_week"},
		{"rest apart", func(r *Rules) {
			r.Pools[0].Shifts[0].Days = models.Days{true, false, true, false, true}
			r.Pools[0].Shifts[0].DaysPerWeek, r.Pools[0].Shifts[0].RestTogether = 3, true
		}, "pools.agents.shifts[0].rest_days"},
		{"rest without days", func(r *Rules) { r.Pools[0].Shifts[0].RestTogether = true }, "pools.agents.shifts[0].rest_days"},
		{"cost", func(r *Rules) { r.Pools[0].Shifts[0].CostPerHour = -1 }, "pools.agents.shifts[0].cost_per_hour"},
		{"min", func(r *Rules) { r.Pools[0].Shifts[0].Min = -1 }, "pools.agents.shifts[0].min"},
		{"max below min", func(r *Rules) { r.Pools[0].Shifts[0].Min, r.Pools[0].Shifts[0].Max = 3, 2 }, "pools.agents.shifts[0].max"},
		{"under", func(r *Rules) { r.Objective = Objective{Soft: true, Cost: 1} }, "objective.under"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if ps := good().Check(0); len(ps) > 0 {
				t.Fatalf("the good rules: %v", ps)
			}
			r := good()
			tc.spoil(r)
			ps := r.Check(0)
			if len(ps) == 0 {
				t.Fatalf("no problem, want one at %s", tc.path)
			}
			for _, p := range ps {
				if p.Path == tc.path {
					return
				}
			}
			t.Errorf("problems %v, none at %s", ps, tc.path)
		})
	}
}

// TestWhen names stretches of a requirement as a planner reads them.
func TestWhen(t *testing.T) {
	week := &Requirement{Interval: 1800, Start: models.Saturday, Need: make([]int, 7*48)}
	long := &Requirement{Interval: 1800, Start: models.Monday, Need: make([]int, 14*48)}
	cases := []struct {
		r        *Requirement
		from, to int
		want     string
	}{
		{week, 14, 16, "sat 07:00–08:00"},
		{week, 46, 48, "sat 23:00–24:00"},
		{week, 46, 50, "sat 23:00 – sun 01:00"},
		{long, 48*8 + 2, 48*8 + 3, "day 9, tue 01:00–01:30"},
	}
	for _, tc := range cases {
		if got := tc.r.When(tc.from, tc.to); got != tc.want {
			t.Errorf("When(%d, %d) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}
