package roster

import (
	"math"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// TestGap checks the gap's formula as docs/roster.md gives it, (roster −
// bound) ÷ bound, and its words: a share of the bound, or the difference
// when the bound is 0.
func TestGap(t *testing.T) {
	for _, tc := range []struct {
		value, bound, gap float64
		text              string
	}{
		{110, 100, 0.1, "10.00 %"},
		{100, 100, 0, "0.00 %"},
		{3942, 3900, 42.0 / 3900, "1.08 %"},
		{0, 0, 0, "0.00 %"},
		{5, 0, math.NaN(), "5 above 0"},
	} {
		r := Roster{Value: tc.value, Bound: tc.bound}
		if g := r.Gap(); !(g == tc.gap || math.IsNaN(g) && math.IsNaN(tc.gap)) && math.Abs(g-tc.gap) > 1e-12 {
			t.Errorf("value %g, bound %g: gap %g, want %g", tc.value, tc.bound, g, tc.gap)
		}
		if got := r.GapText(); got != tc.text {
			t.Errorf("value %g, bound %g: %q, want %q", tc.value, tc.bound, got, tc.text)
		}
	}
}

// TestCells counts the tableau MaxCells bounds, by hand: dayNeed has 8
// hours with a need and dayRules 8 shift types and no group, so a hard
// objective has 8 + 0 + 1 rows and 9 × (8 + 27) cells; a soft one a row
// for each of the 24 hours, 25 × (8 + 75); a rule with a max adds a row.
func TestCells(t *testing.T) {
	rules, req := dayRules(), dayNeed()
	types, err := ShiftTypes(&rules.Pools[0], 3600)
	if err != nil {
		t.Fatal(err)
	}
	if got := newModel(&rules.Pools[0], types, req, Objective{}).cells(); got != 9*35 {
		t.Errorf("hard: %g cells, want %d", got, 9*35)
	}
	if got := newModel(&rules.Pools[0], types, req, Objective{Soft: true, Over: 1, Under: 1}).cells(); got != 25*83 {
		t.Errorf("soft: %g cells, want %d", got, 25*83)
	}
	rules.Pools[0].Shifts[0].Max = 3
	if got := newModel(&rules.Pools[0], types, req, Objective{}).cells(); got != 10*38 {
		t.Errorf("with a max: %g cells, want %d", got, 10*38)
	}
}

// TestRulesAtTheirEdges checks that rules at the edges of what Check
// allows pass: an interval of a minute, a part-time share of 0 and of
// 100 %, a shift of 24 hours, starts at 00:00 and 23:00, every day of the
// week worked, min and max at the most agents and equal, a break as long
// as its window, starting at the shift's start.
func TestRulesAtTheirEdges(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(r *Rules)
		check float64
	}{
		{"a minute", func(r *Rules) { r.Interval = 60 }, 0},
		{"no part-time", func(r *Rules) { r.Pools[0].MaxPartTime = 0 }, 0},
		{"all part-time", func(r *Rules) { r.Pools[0].MaxPartTime = 1 }, 0},
		{"24 hours", func(r *Rules) { r.Pools[0].Shifts[0].Lengths = []float64{24 * 3600} }, 0},
		{"midnight to 23:00", func(r *Rules) { r.Pools[0].Shifts[0].Starts = []Starts{{0, 23 * 3600, 3600}} }, 0},
		{"seven days of seven", func(r *Rules) { r.Pools[0].Shifts[0].DaysPerWeek = 7 }, 0},
		{"one day of seven", func(r *Rules) { r.Pools[0].Shifts[0].DaysPerWeek = 1 }, 0},
		{"the most agents", func(r *Rules) {
			r.Pools[0].Shifts[0].Min, r.Pools[0].Shifts[0].Max = models.MaxAgents, models.MaxAgents
		}, 0},
		{"none at most", func(r *Rules) { r.Pools[0].Shifts[0].Max = 0 }, 0},
		{"a break its window", func(r *Rules) { r.Pools[0].Shifts[0].Breaks = []Break{{3600, 0, 3600}} }, 0},
		{"a break to the end", func(r *Rules) { r.Pools[0].Shifts[0].Breaks = []Break{{3600, 3 * 3600, 4 * 3600}} }, 0},
	} {
		r := dayRules()
		tc.edit(r)
		if ps := r.Check(tc.check); len(ps) > 0 {
			t.Errorf("%s: %v", tc.name, ps)
		}
	}
	// And one step beyond each edge is a problem.
	for _, tc := range []struct {
		name string
		edit func(r *Rules)
		path string
	}{
		{"59 s", func(r *Rules) { r.Interval = 59 }, "interval"},
		{"a negative share", func(r *Rules) { r.Pools[0].MaxPartTime = -0.01 }, "pools.agents.max_part_time"},
		{"no length", func(r *Rules) { r.Pools[0].Shifts[0].Lengths = []float64{0} }, "pools.agents.shifts[0].length"},
		{"a start at 24:00", func(r *Rules) { r.Pools[0].Shifts[0].Starts = []Starts{{0, 86400, 3600}} }, "pools.agents.shifts[0].starts"},
		{"eight days", func(r *Rules) { r.Pools[0].Shifts[0].DaysPerWeek = 8 }, "pools.agents.shifts[0].days_per_week"},
		{"too many agents", func(r *Rules) { r.Pools[0].Shifts[0].Min = models.MaxAgents + 1 }, "pools.agents.shifts[0].min"},
		{"a max too large", func(r *Rules) { r.Pools[0].Shifts[0].Max = models.MaxAgents + 1 }, "pools.agents.shifts[0].max"},
		{"a negative max", func(r *Rules) { r.Pools[0].Shifts[0].Max = -2 }, "pools.agents.shifts[0].max"},
		{"a break of nothing", func(r *Rules) { r.Pools[0].Shifts[0].Breaks = []Break{{0, 0, 3600}} }, "pools.agents.shifts[0].breaks[0].length"},
		{"a window of nothing", func(r *Rules) { r.Pools[0].Shifts[0].Breaks = []Break{{3600, 3600, 3600}} }, "pools.agents.shifts[0].breaks[0].within"},
		{"a window before the start", func(r *Rules) { r.Pools[0].Shifts[0].Breaks = []Break{{3600, -3600, 3600}} }, "pools.agents.shifts[0].breaks[0].within"},
	} {
		r := dayRules()
		tc.edit(r)
		found := false
		for _, p := range r.Check(0) {
			found = found || p.Path == tc.path
		}
		if !found {
			t.Errorf("%s: problems %v, none at %s", tc.name, r.Check(0), tc.path)
		}
	}
}

// TestReportSaysWhatIsShort checks the report's words for a roster short
// of its requirement and for pools the rules leave out.
func TestReportSaysWhatIsShort(t *testing.T) {
	rules, req := dayRules(), dayNeed()
	rules.Objective = Objective{Soft: true, Over: 1, Under: 1}
	rules.Pools[0].Shifts[0].Max, rules.Pools[0].Shifts[1].Max = 1, 1
	rs, err := Make(rules, []Requirement{*req}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep := &Report{Requirement: "r.csv", Rules: "r.yaml", Objective: rules.Objective, Rosters: rs, Left: []string{"chat"}}
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"intervals short of the requirement", "Not rostered (the rules name no shifts for them): chat."} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, b.String())
		}
	}
	if rs[0].Short == 0 {
		t.Errorf("two agents at most, yet no interval short: %+v", rs[0])
	}
}

// TestFoldsTwoWeeks folds a requirement of exactly two weeks.
func TestFoldsTwoWeeks(t *testing.T) {
	r := Requirement{Interval: 3600, Need: make([]int, 14*24)}
	r.Need[5], r.Need[168+5] = 2, 3
	f, weeks := r.fold()
	if weeks != 2 || len(f.Need) != 168 || f.Need[5] != 3 {
		t.Errorf("folded into %d weeks of %d hours, hour 5 needing %d; want 2 of 168, and 3", weeks, len(f.Need), f.Need[5])
	}
}
