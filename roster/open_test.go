package roster

import (
	"errors"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// openConfig is a world whose phone opens weekdays 08:00 to 12:00 and at
// 12:15 on Saturdays, and whose email is open always; pool agents takes
// the phone, pool mixed the phone and email.
func openConfig() *models.Config {
	return &models.Config{
		Interval: 3600, Start: models.Monday,
		Channels: []models.Channel{
			{Name: "phone", Open: []models.Span{
				{Days: models.Days{true, true, true, true, true}, From: 8 * 3600, To: 12 * 3600},
				{Days: models.Days{5: true}, From: 12*3600 + 900, To: 13 * 3600},
			}},
			{Name: "email"},
		},
		Pools: []models.Pool{{Name: "agents", Skills: []string{"phone"}}, {Name: "mixed", Skills: []string{"phone", "email"}}},
	}
}

// TestSetOpen checks the intervals marked open against the opening hours
// by hand: the phone's hours, an opening inside an hour (12:15 on
// Saturday opens 12:00–13:00), a need outside them, a pool with a channel
// always open and a pool the scenario does not have.
func TestSetOpen(t *testing.T) {
	cfg := openConfig()
	need := make([]int, 7*24)
	need[20] = 1 // Monday 20:00, after closing: still open
	r := Requirement{Pool: "agents", Interval: 3600, Start: models.Monday, Need: need}
	r.SetOpen(cfg)
	if r.Open == nil {
		t.Fatal("Open is nil for a pool whose phone closes")
	}
	for i, got := range r.Open {
		day, hour := i/24, i%24
		want := day < 5 && hour >= 8 && hour < 12 || day == 5 && hour == 12 || i == 20
		if got != want {
			t.Errorf("day %d %02d:00: open %v, want %v", day, hour, got, want)
		}
	}
	for _, pool := range []string{"mixed", "nobody"} {
		r := Requirement{Pool: pool, Interval: 3600, Start: models.Monday, Need: need}
		r.SetOpen(cfg)
		if r.Open != nil {
			t.Errorf("pool %s: Open is set, want nil (open throughout)", pool)
		}
	}
	// A requirement starting on a Saturday reads the days from there.
	r = Requirement{Pool: "agents", Interval: 3600, Start: models.Saturday, Need: make([]int, 24)}
	r.SetOpen(cfg)
	for i, got := range r.Open {
		if want := i == 12; got != want {
			t.Errorf("Saturday %02d:00: open %v, want %v", i, got, want)
		}
	}
}

// TestRosterKeepsToOpeningHours rosters a day whose phone is open 08:00
// to 12:00 by rules of 4-hour shifts starting every hour from 06:00 to
// 10:00: only the 08:00 start stays within the hours (those from 06:00,
// 07:00, 09:00 and 10:00 put agents on the floor while it is closed), so
// the roster is that shift alone, and the four left out are counted.
// Without the hours, the same rules may use the others.
func TestRosterKeepsToOpeningHours(t *testing.T) {
	rules := &Rules{Interval: 3600, Pools: []PoolRules{{Pool: "agents", MaxPartTime: 1, Shifts: []ShiftRule{
		{Name: "short", Lengths: []float64{4 * 3600}, Starts: []Starts{{6 * 3600, 10 * 3600, 3600}}, Days: models.EveryDay, CostPerHour: 10, Max: NoMax},
	}}}}
	need := make([]int, 24)
	copy(need[8:], []int{3, 5, 4, 2})
	req := Requirement{Pool: "agents", Interval: 3600, Start: models.Monday, Need: need}
	req.SetOpen(openConfig())
	rs, err := Make(rules, []Requirement{req}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := rs[0]
	if r.ShiftTypes != 1 || r.Closed != 4 {
		t.Errorf("%d shift types kept and %d left out, want 1 and 4", r.ShiftTypes, r.Closed)
	}
	if len(r.Shifts) != 1 || r.Shifts[0].Start != 8*3600 || r.Shifts[0].Agents != 5 {
		t.Errorf("shifts %+v, want 5 agents from 08:00", r.Shifts)
	}
	for i, c := range r.Coverage {
		if c > 0 && !req.Open[i] {
			t.Errorf("hour %d: %d agents on the floor while the phone is closed", i, c)
		}
	}
	var b strings.Builder
	if err := (&Report{Requirement: "r.csv", Rules: "r.yaml", Rosters: rs}).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "short  08:00  12:00  none    every day       5") {
		t.Errorf("the report lacks the shift's row (start, end, no breaks, days, agents):\n%s", b.String())
	}
	if !strings.Contains(b.String(), "4 shift types left out, as they would put agents on the floor while the pool's channels are closed") {
		t.Errorf("the report does not say what the opening hours left out:\n%s", b.String())
	}

	// The same requirement with no hours known keeps all five.
	req.Open = nil
	rs, err = Make(rules, []Requirement{req}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].ShiftTypes != 5 || rs[0].Closed != 0 {
		t.Errorf("with no hours: %d shift types kept, %d left out, want 5 and 0", rs[0].ShiftTypes, rs[0].Closed)
	}
	b.Reset()
	if err := (&Report{Requirement: "r.csv", Rules: "r.yaml", Rosters: rs}).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "left out") {
		t.Errorf("with no hours the report speaks of shift types left out:\n%s", b.String())
	}
}

// TestOpeningHoursSayWhyUncovered asks for 8-hour shifts in a day open
// 08:00 to 12:00: none fits, and the message says the hours are why.
func TestOpeningHoursSayWhyUncovered(t *testing.T) {
	rules := &Rules{Interval: 3600, Pools: []PoolRules{{Pool: "agents", MaxPartTime: 1, Shifts: []ShiftRule{
		{Name: "long", Lengths: []float64{8 * 3600}, Starts: []Starts{{6 * 3600, 8 * 3600, 3600}}, Days: models.EveryDay, Max: NoMax},
	}}}}
	need := make([]int, 24)
	copy(need[8:], []int{3, 5, 4, 2})
	req := Requirement{Pool: "agents", Interval: 3600, Start: models.Monday, Need: need}
	req.SetOpen(openConfig())
	_, err := Make(rules, []Requirement{req}, Options{})
	var u *Uncovered
	if !errors.As(err, &u) {
		t.Fatalf("got %v, want an *Uncovered", err)
	}
	if len(u.Gaps) != 1 || u.Gaps[0].When != "mon 08:00–12:00" || !strings.Contains(u.Gaps[0].Why, "no shift covers it while the pool's channels are open") {
		t.Errorf("gaps %+v, want mon 08:00–12:00 uncovered while the channels are open", u.Gaps)
	}
	// Rules that cover nothing, with no hours known: no word of them.
	rules.Pools[0].Shifts[0].Starts = []Starts{{18 * 3600, 18 * 3600, 3600}}
	req.Open = nil
	_, err = Make(rules, []Requirement{req}, Options{})
	if !errors.As(err, &u) || len(u.Gaps) == 0 || !strings.HasPrefix(u.Gaps[0].Why, "no shift covers it (") {
		t.Errorf("with no hours: %v, want \"no shift covers it (\"", err)
	}
}
