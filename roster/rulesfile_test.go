package roster

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

// TestParseRulesExample reads the shipped example and checks every value.
func TestParseRulesExample(t *testing.T) {
	data, err := os.ReadFile("../examples/roster-rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := ParseRules("roster-rules.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	r := f.Rules
	if r.Interval != 1800 || r.Objective.Soft || len(r.Pools) != 1 {
		t.Fatalf("interval %g, objective %+v, %d pools", r.Interval, r.Objective, len(r.Pools))
	}
	p := r.Pools[0]
	if p.Pool != "agents" || p.MaxPartTime != 0.3 || len(p.Shifts) != 2 {
		t.Fatalf("pool %q, part-time share %g, %d shifts", p.Pool, p.MaxPartTime, len(p.Shifts))
	}
	full, part := p.Shifts[0], p.Shifts[1]
	if full.Name != "full" || len(full.Lengths) != 1 || full.Lengths[0] != 8*3600 ||
		full.Starts[0] != (Starts{8 * 3600, 12 * 3600, 1800}) || *full.Lunch != (Break{1800, 3 * 3600, 5 * 3600}) ||
		full.CostPerHour != 20 || full.Days != models.EveryDay || full.Max != NoMax || full.PartTime {
		t.Errorf("full: %+v", full)
	}
	if part.Name != "part" || part.Starts[0] != (Starts{8 * 3600, 16 * 3600, 3600}) || !part.PartTime || part.CostPerHour != 22 {
		t.Errorf("part: %+v", part)
	}
}

// TestParseRulesForms reads the other ways a value may be written.
func TestParseRulesForms(t *testing.T) {
	text := `objective: {cost: 1, over: 0.5, under: 60}
pools:
  agents:
    shifts:
      - length: [6h, 8h]
        starts: ["07:00", "22:00-01:00 every 1h"]
        breaks: [{length: 15m, within: 1h-2h}, {length: 15m, within: 5h-6h}]
        days: [mon-fri, sun]
        days_per_week: 4
        min: 2
        max: 10
  chat:
    max_part_time: 0.25
    shifts: [{length: 4h, starts: "09:00-13:00", days_per_week: 5, rest_days: any}]
`
	f, err := ParseRules("r.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r := f.Rules
	if r.Objective != (Objective{Soft: true, Cost: 1, Over: 0.5, Under: 60}) || len(r.Pools) != 2 {
		t.Fatalf("objective %+v, %d pools", r.Objective, len(r.Pools))
	}
	s := r.Pools[0].Shifts[0]
	wantDays := models.Days{true, true, true, true, true, false, true}
	if s.Name != "shift1" || len(s.Lengths) != 2 || s.Starts[0] != (Starts{7 * 3600, 7 * 3600, 0}) ||
		s.Starts[1] != (Starts{22 * 3600, 3600, 3600}) || len(s.Breaks) != 2 || s.Days != wantDays ||
		s.DaysPerWeek != 4 || !s.RestTogether || s.Min != 2 || s.Max != 10 {
		t.Errorf("agents' shift: %+v", s)
	}
	c := r.Pools[1]
	if c.Pool != "chat" || c.MaxPartTime != 0.25 || c.Shifts[0].RestTogether || c.Shifts[0].Starts[0].Every != 0 {
		t.Errorf("chat: %+v", c)
	}
	if d, err := ParseRules("d.yaml", []byte("pool: a\nobjective: difference\nshifts: [{length: 8h, starts: \"08:00\"}]\n")); err != nil ||
		d.Rules.Objective != (Objective{Soft: true, Over: 1, Under: 1}) {
		t.Errorf("objective: difference gives %+v, %v", d.Rules.Objective, err)
	}
}

// TestParseRulesErrors wants every problem of a file at once, each at its
// line and column and field.
func TestParseRulesErrors(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", []string{"r.yaml:1:1: the file is empty"}},
		{"syntax", "pool: [a\n", []string{"r.yaml:"}},
		{"unknown keys", "pool: a\nshift: []\nzzz: 1\nshifts:\n  - length: 8h\n    start: \"08:00\"\n", []string{
			"r.yaml:2:1: shift: unknown key (did you mean \"shifts\"?)",
			"r.yaml:3:1: zzz: unknown key (known keys: interval, max_part_time, objective, pool, pools, shifts)",
			"r.yaml:5:5: shifts[0].starts: missing",
			"r.yaml:6:5: shifts[0].start: unknown key (did you mean \"starts\"?)"}},
		{"values", "pool: a\nmax_part_time: lots\nshifts:\n  - length: 8\n    starts: \"8am\"\n    lunch: {length: 30m, within: 3h}\n    days: funday\n    part_time: maybe\n", []string{
			"r.yaml:2:16: max_part_time:",
			"r.yaml:4:13: shifts[0].length:",
			"r.yaml:5:13: shifts[0].starts: want start times",
			"r.yaml:6:34: shifts[0].lunch.within: want a window after the shift's start, such as 3h-5h, not \"3h\"",
			"r.yaml:7:11: shifts[0].days: \"funday\" is not a day of the week",
			"r.yaml:8:16: shifts[0].part_time: want true or false"}},
		// Check's problems, placed where the file wrote them.
		{"checks", "pool: a\ninterval: 30m\nshifts:\n  - length: 8h\n    starts: \"08:00-12:10\"\n    lunch: {length: 30m, within: 3h-9h}\n    max: -2\n", []string{
			"r.yaml:5:13: shifts[0].starts: must fall on the intervals (every 30m)",
			"r.yaml:6:34: shifts[0].lunch.within: ends 9h after the start, after the 8h shift ends",
			"r.yaml:7:10: shifts[0].max: must be from 0 to"}},
		{"both forms", "pool: a\nshifts: []\npools: {b: {shifts: []}}\n", []string{"r.yaml:3:8: pools: give one pool (pool and shifts) or pools, not both"}},
		{"no pool", "shifts: [{length: 8h, starts: \"08:00\"}]\n", []string{"r.yaml:1:1: pool: missing"}},
		{"objective", "pool: a\nobjective: cheap\nshifts: [{length: 8h, starts: \"08:00\"}]\n", []string{"r.yaml:2:12: objective: want cost, difference"}},
		{"rest", "pool: a\nshifts: [{length: 8h, starts: \"08:00\", days_per_week: 5, rest_days: apart}]\n", []string{"r.yaml:2:69: shifts[0].rest_days: want together or any"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseRules("r.yaml", []byte(tc.text))
			if err == nil {
				t.Fatal("no problem")
			}
			var es scenarios.Errors
			if !errors.As(err, &es) {
				t.Fatalf("got %T %v, want scenarios.Errors", err, err)
			}
			msg := err.Error()
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("the problems lack %q:\n%s", w, msg)
				}
			}
		})
	}
}

// TestPlaceMakesProblems places the problems Make finds against the
// requirement where the rules file wrote the field.
func TestPlaceMakesProblems(t *testing.T) {
	text := "pool: agents\nshifts:\n  - length: 8h\n    starts: \"08:00-12:00 every 45m\"\n"
	f, err := ParseRules("r.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	req := Requirement{Pool: "agents", Interval: 1800, Need: make([]int, 48)}
	_, err = Make(&f.Rules, []Requirement{req}, Options{})
	want := "r.yaml:4:13: shifts[0].starts: must start every whole number of intervals (of 30m), not every 45m"
	if err = f.Place(err); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %q", err, want)
	}
	req.Pool = "phones"
	_, err = Make(&f.Rules, []Requirement{req}, Options{})
	want = `r.yaml:1:7: pool: the requirement has no pool named "agents" (its pools: phones)`
	if err = f.Place(err); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %q", err, want)
	}
}

// FuzzParseRules feeds the rules reader arbitrary bytes: rules or
// problems, never a panic; rules that read must pass their check; and
// rostering a day of half hours by them (a few nodes, a little work)
// gives a roster or an error, never a panic.
func FuzzParseRules(f *testing.F) {
	if data, err := os.ReadFile("../examples/roster-rules.yaml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("pools: {a: {shifts: [{length: [4h, 8h], starts: [\"22:00-02:00 every 1h\"], days_per_week: 3}]}}\n"))
	f.Add([]byte("pool: a\nshifts: [{length: 8h, starts: \"08:00\", lunch: {length: 1h, within: 2h-9h}}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ParseRules("f.yaml", data)
		if err != nil {
			return
		}
		if ps := file.Rules.Check(0); len(ps) > 0 {
			t.Errorf("rules read without a problem fail their check: %v", ps)
		}
		var reqs []Requirement
		for _, p := range file.Rules.Pools {
			req := Requirement{Pool: p.Pool, Interval: 1800, Start: models.Saturday, Need: make([]int, 48)}
			for k := range req.Need {
				req.Need[k] = (k * 7) % 5
			}
			reqs = append(reqs, req)
		}
		if len(reqs) > 0 {
			rs, err := Make(&file.Rules, reqs, Options{MaxNodes: 5, MaxWork: 1e6})
			if err == nil && len(rs) != len(reqs) {
				t.Errorf("%d rosters for %d pools", len(rs), len(reqs))
			}
		}
	})
}
