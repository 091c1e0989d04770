package erlang

import (
	"math"
	"strings"
	"testing"
)

func TestStaffPublished(t *testing.T) {
	// Call Centre Helper's worked example: 80 % answered within 20 s needs
	// 14 agents (13 give 79.6 %); its 85 % occupancy cap does not bind
	// (10/14 = 71.4 %), and 30 % shrinkage makes 20 scheduled.
	for _, c := range []struct {
		name    string
		targets Targets
		want    int
	}{
		{"service level", Targets{ServiceLevel: 0.8}, 14},
		{"service level and occupancy", Targets{ServiceLevel: 0.8, MaxOccupancy: 0.85}, 14},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := Staff(textbook, c.targets)
			if err != nil {
				t.Fatal(err)
			}
			if r.Agents != c.want {
				t.Errorf("got %d agents, want %d", r.Agents, c.want)
			}
			want, _ := C(withAgents(textbook, c.want, 0))
			if r != want {
				t.Errorf("got result %+v, want %+v", r, want)
			}
			scheduled, err := Scheduled(r.Agents, 0.3)
			if err != nil {
				t.Fatal(err)
			}
			if scheduled != 20 {
				t.Errorf("got %d scheduled, want 20", scheduled)
			}
		})
	}
}

func TestStaffIsFewest(t *testing.T) {
	// Whatever the model and targets, the answer meets every target and one
	// agent fewer does not (or is below the search's first level).
	for _, c := range []struct {
		name    string
		p       Params
		targets Targets
		want    int // 0: not pinned, only the property is checked
	}{
		{name: "C service level", p: textbook, targets: Targets{ServiceLevel: 0.8}, want: 14},
		{name: "C occupancy", p: textbook, targets: Targets{MaxOccupancy: 0.75}, want: 14},
		{name: "C no targets", p: textbook, want: 11},
		{name: "C abandonment is always met", p: textbook, targets: Targets{MaxAbandon: 0.01}, want: 11},
		{name: "A service level", p: withAgents(textbook, 0, 300), targets: Targets{ServiceLevel: 0.8}, want: 13},
		{name: "A abandonment", p: withAgents(textbook, 0, 300), targets: Targets{MaxAbandon: 0.01}, want: 15},
		{name: "A occupancy", p: withAgents(textbook, 0, 300), targets: Targets{MaxOccupancy: 0.7}},
		{name: "A all targets", p: withAgents(textbook, 0, 300), targets: Targets{ServiceLevel: 0.9, MaxOccupancy: 0.85, MaxAbandon: 0.02}},
		{name: "A no targets", p: withAgents(textbook, 0, 300), want: 1},
		{name: "A large", p: Params{ArrivalRate: 1000.0 / 180, HandleTime: 180, Patience: 300, AnswerWithin: 20}, targets: Targets{ServiceLevel: 0.8, MaxAbandon: 0.02}},
		{name: "C large", p: Params{ArrivalRate: 1000.0 / 180, HandleTime: 180, AnswerWithin: 20}, targets: Targets{ServiceLevel: 0.95}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := Staff(c.p, c.targets)
			if err != nil {
				t.Fatal(err)
			}
			if c.want != 0 && r.Agents != c.want {
				t.Errorf("got %d agents, want %d", r.Agents, c.want)
			}
			if !c.targets.met(r) {
				t.Errorf("got %+v, which misses the targets %+v", r, c.targets)
			}
			p := c.p
			p.Agents = r.Agents
			if want, _ := Evaluate(p); r != want {
				t.Errorf("got result %+v, want Evaluate's %+v", r, want)
			}
			p.Agents--
			fewer, err := Evaluate(p)
			if err == nil && c.targets.met(fewer) && p.Agents >= 1 {
				t.Errorf("%d agents also meet the targets: %+v", p.Agents, fewer)
			}
		})
	}
}

func TestStaffErrors(t *testing.T) {
	for _, c := range []struct {
		name    string
		p       Params
		targets Targets
		want    string
	}{
		{"service level above 1", textbook, Targets{ServiceLevel: 1.2}, "service level target"},
		{"negative occupancy", textbook, Targets{MaxOccupancy: -0.1}, "maximum occupancy target"},
		{"NaN abandonment", textbook, Targets{MaxAbandon: math.NaN()}, "maximum abandonment target"},
		{"bad params", Params{ArrivalRate: -1, HandleTime: 180}, Targets{ServiceLevel: 0.8}, "arrival rate"},
		// 1 % occupancy at 10 Erlangs needs 1000 agents, beyond the search's
		// cap of 10 + 50√10 + 100 ≈ 269.
		{"unreachable", textbook, Targets{MaxOccupancy: 0.01}, "no staffing up to 269 agents"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Staff(c.p, c.targets)
			if err == nil {
				t.Fatal("got no error")
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "erlang: ") || !strings.Contains(msg, c.want) {
				t.Errorf("got error %q, want one starting \"erlang: \" mentioning %q", msg, c.want)
			}
		})
	}
}

func TestScheduled(t *testing.T) {
	for _, c := range []struct {
		name      string
		agents    int
		shrinkage float64
		want      int
	}{
		// Call Centre Helper's example schedules 20.
		{"textbook", 14, 0.3, 20},
		// In float64 these quotients land just above whole numbers:
		// 21/(1 − 0.3) = 30.000000000000004, 42/(1 − 0.3) = 60.00000000000001,
		// 69/(1 − 0.31) = 100.00000000000001.
		{"float error 30", 21, 0.3, 30},
		{"float error 60", 42, 0.3, 60},
		{"float error 100", 69, 0.31, 100},
		{"no shrinkage", 14, 0, 14},
		{"no agents", 0, 0.3, 0},
		{"half", 7, 0.5, 14},
		{"rounds up", 15, 0.3, 22},   // 21.43
		{"just below", 41, 0.18, 50}, // 49.99999999999999
		{"high shrinkage", 1, 0.99, 100},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Scheduled(c.agents, c.shrinkage)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("got %d, want %d", got, c.want)
			}
		})
	}
}

func TestScheduledErrors(t *testing.T) {
	for _, c := range []struct {
		name      string
		agents    int
		shrinkage float64
	}{
		{"negative agents", -1, 0.3},
		{"full shrinkage", 10, 1},
		{"negative shrinkage", 10, -0.1},
		{"NaN shrinkage", 10, math.NaN()},
		{"overflow", math.MaxInt / 2, 0.9},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got, err := Scheduled(c.agents, c.shrinkage); err == nil {
				t.Errorf("got %d and no error", got)
			}
		})
	}
}

// TestStaffEdges checks the ends of the search: a target met only by the
// last staffing level tried (a + 50√a + 100 agents, 269 at 10 Erlangs) is
// found, and a load of nine million Erlangs, whose search runs from there
// up, is staffed (it spans far fewer than 2²⁴ levels).
func TestStaffEdges(t *testing.T) {
	p := Params{ArrivalRate: textbook.ArrivalRate, HandleTime: textbook.HandleTime}
	a := p.ArrivalRate * p.HandleTime
	r, err := Staff(p, Targets{MaxOccupancy: a / 269})
	if err != nil || r.Agents != 269 {
		t.Errorf("occupancy at most a/269: got %d agents, %v; want 269, the last level tried", r.Agents, err)
	}
	big := Params{ArrivalRate: 9e6 / 180, HandleTime: 180, AnswerWithin: 20}
	if r, err := Staff(big, Targets{MaxOccupancy: 0.9999}); err != nil || r.Agents < 9e6 {
		t.Errorf("nine million Erlangs: got %d agents, %v; want a staffing", r.Agents, err)
	}
}

// TestTargetsMetAtTheirEdges checks that a target is met by a result
// exactly on it, that 100 % is a valid target, and describes the targets
// set for error messages.
func TestTargetsMetAtTheirEdges(t *testing.T) {
	r := Result{ServiceLevel: 0.8, Occupancy: 0.85, PAbandon: 0.05}
	for _, tg := range []Targets{{ServiceLevel: 0.8}, {MaxOccupancy: 0.85}, {MaxAbandon: 0.05}, {ServiceLevel: 0.8, MaxOccupancy: 0.85, MaxAbandon: 0.05}} {
		if !tg.met(r) {
			t.Errorf("%+v: a result on every edge does not meet them", tg)
		}
	}
	for _, tg := range []Targets{{ServiceLevel: 0.81}, {MaxOccupancy: 0.84}, {MaxAbandon: 0.04}} {
		if tg.met(r) {
			t.Errorf("%+v: met by %+v", tg, r)
		}
	}
	if err := (Targets{ServiceLevel: 1, MaxOccupancy: 1, MaxAbandon: 1}).validate(); err != nil {
		t.Errorf("targets of 100 %%: %v, want them valid", err)
	}
	for _, tc := range []struct {
		t    Targets
		want string
	}{
		{Targets{}, "none"},
		{Targets{ServiceLevel: 0.8}, "service level ≥ 0.8"},
		{Targets{MaxOccupancy: 0.9}, "occupancy ≤ 0.9"},
		{Targets{MaxAbandon: 0.05}, "abandonment ≤ 0.05"},
		{Targets{ServiceLevel: 0.8, MaxOccupancy: 0.9, MaxAbandon: 0.05}, "service level ≥ 0.8, occupancy ≤ 0.9, abandonment ≤ 0.05"},
	} {
		if got := tc.t.describe(); got != tc.want {
			t.Errorf("describe(%+v) = %q, want %q", tc.t, got, tc.want)
		}
	}
}

// TestScheduledEdges checks Scheduled's refusals by their messages: a
// shrinkage of 100 % is out of range (not an overflow), and 2⁶² agents at
// 50 % need exactly 2⁶³, one more than an int holds.
func TestScheduledEdges(t *testing.T) {
	if _, err := Scheduled(10, 1); err == nil || !strings.Contains(err.Error(), "shrinkage must be in [0, 1), got 1") {
		t.Errorf("shrinkage 100 %%: got %v", err)
	}
	if got, err := Scheduled(1<<62, 0.5); err == nil || !strings.Contains(err.Error(), "more agents than an int holds") {
		t.Errorf("2⁶² agents at 50 %%: got %d, %v; want an overflow refused", got, err)
	}
}
