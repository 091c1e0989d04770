package scenarios

import (
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// agentHours returns the agent-hours a headcount list schedules over one
// pass of its intervals.
func agentHours(agents []int, interval float64) float64 {
	sum := 0
	for _, n := range agents {
		sum += n
	}
	return float64(sum) * interval / 3600
}

func TestPoolAddKeepsThePlan(t *testing.T) {
	// phone-day's plan is one headcount per half hour: add=1 must give one
	// more agent in every interval, not a flat headcount.
	base, err := Builtin("phone-day", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, add := range []int{1, 2} {
		s, err := Builtin("phone-day", []string{"pools.agents.add=" + strconv.Itoa(add)})
		if err != nil {
			t.Fatal(err)
		}
		was, got := base.Config.Pools[0].Agents, s.Config.Pools[0].Agents
		if len(got) != len(was) {
			t.Fatalf("add=%d: %d intervals, want %d", add, len(got), len(was))
		}
		for k := range was {
			if got[k] != was[k]+add {
				t.Errorf("add=%d: interval %d has %d agents, want %d + %d", add, k, got[k], was[k], add)
			}
		}
		// The plan spans the horizon once, so the run schedules add agents
		// more over all of it.
		cfg := s.Config
		if float64(len(was))*cfg.Interval != cfg.Horizon {
			t.Fatalf("phone-day's plan covers %v s, not its horizon %v s", float64(len(was))*cfg.Interval, cfg.Horizon)
		}
		more := agentHours(got, cfg.Interval) - agentHours(was, cfg.Interval)
		if want := float64(add) * cfg.Horizon / 3600; more != want {
			t.Errorf("add=%d: %v agent-hours more, want %v", add, more, want)
		}
	}
}

func TestPoolAddAndScale(t *testing.T) {
	const file = `horizon: 2h30m
interval: 30m
channels:
  phone: {arrivals: {rate: 100/h}, handle_time: 3m}
pools:
  agents:
    skills: [phone]
    agents: [5, 15, 10, 0, 1]
`
	cases := []struct {
		name string
		sets []string
		want []int
	}{
		{"nothing", nil, []int{5, 15, 10, 0, 1}},
		{"add", []string{"pools.agents.add=1"}, []int{6, 16, 11, 1, 2}},
		// Removing more agents than an interval has leaves it with none.
		{"remove, at least 0", []string{"pools.agents.add=-2"}, []int{3, 13, 8, 0, 0}},
		// Half up: 5 × 0.9 = 4.5 → 5, 15 × 0.9 = 13.5 → 14, 1 × 0.9 → 1.
		{"scale down", []string{"pools.agents.scale=0.9"}, []int{5, 14, 9, 0, 1}},
		// 5 × 1.1 = 5.5 → 6, 15 × 1.1 = 16.5 → 17: exact, not 16.499....
		{"scale up", []string{"pools.agents.scale=1.1"}, []int{6, 17, 11, 0, 1}},
		{"percent", []string{"pools.agents.scale=110%"}, []int{6, 17, 11, 0, 1}},
		{"sweep's label", []string{"pools.agents.scale=1.10"}, []int{6, 17, 11, 0, 1}},
		{"one", []string{"pools.agents.scale=1.00"}, []int{5, 15, 10, 0, 1}},
		// Scale first, then add: round(15 × 0.5) + 1 = 8 + 1.
		{"both", []string{"pools.agents.add=1", "pools.agents.scale=0.5"}, []int{4, 9, 6, 1, 2}},
		{"to nothing", []string{"pools.agents.scale=0.01"}, []int{0, 0, 0, 0, 0}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Parse("f.yaml", "f", []byte(file), tc.sets)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Config.Pools[0].Agents; !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestPoolScaleRoundsHalfUp(t *testing.T) {
	// phone-day's plan × 1.1, each interval rounded half up, derived in
	// whole numbers: round(n × 11/10) = ⌊(22n + 10) ÷ 20⌋.
	base, err := Builtin("phone-day", nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Builtin("phone-day", []string{"pools.agents.scale=1.1"})
	if err != nil {
		t.Fatal(err)
	}
	was, got := base.Config.Pools[0].Agents, s.Config.Pools[0].Agents
	halves := 0
	for k, n := range was {
		if want := (22*n + 10) / 20; got[k] != want {
			t.Errorf("interval %d: %d × 1.1 gave %d, want %d", k, n, got[k], want)
		}
		if n%10 == 5 {
			halves++
		}
	}
	if halves == 0 {
		t.Error("no interval of phone-day has a headcount ending in 5: the test no longer checks halves")
	}
}

func TestPoolChangeOnShifts(t *testing.T) {
	// one-fast-channel's social-team works two shifts, of 2 and 1 agents.
	base, err := Builtin("one-fast-channel", nil)
	if err != nil {
		t.Fatal(err)
	}
	idx := slices.IndexFunc(base.Config.Pools, func(p models.Pool) bool { return p.Name == "social-team" })
	if idx < 0 {
		t.Fatal("one-fast-channel has no pool social-team")
	}
	shiftAgents := func(s *Scenario) []int {
		var out []int
		for _, sh := range s.Config.Pools[idx].Shifts {
			out = append(out, sh.Agents)
		}
		return out
	}
	was := shiftAgents(base)
	cases := []struct {
		set  string
		want func(n int) int
	}{
		{"pools.social-team.add=1", func(n int) int { return n + 1 }},
		{"pools.social-team.add=-1", func(n int) int { return max(0, n-1) }},
		{"pools.social-team.scale=1.5", func(n int) int { return (3*n + 1) / 2 }},
	}
	for _, tc := range cases {
		t.Run(tc.set, func(t *testing.T) {
			s, err := Builtin("one-fast-channel", []string{tc.set})
			if err != nil {
				t.Fatal(err)
			}
			got := shiftAgents(s)
			if len(got) != len(was) || len(s.Config.Pools[idx].Agents) != 0 {
				t.Fatalf("got shifts %v and agents %v, want %d shifts", got, s.Config.Pools[idx].Agents, len(was))
			}
			for k := range was {
				if got[k] != tc.want(was[k]) {
					t.Errorf("shift %d: %d agents, want %d (from %d)", k+1, got[k], tc.want(was[k]), was[k])
				}
			}
			// The spans are the shifts', unchanged.
			for k, sh := range s.Config.Pools[idx].Shifts {
				if sh.Span != base.Config.Pools[idx].Shifts[k].Span {
					t.Errorf("shift %d moved: %+v, want %+v", k+1, sh.Span, base.Config.Pools[idx].Shifts[k].Span)
				}
			}
		})
	}
}

func TestPoolChangeAfterStaffingFile(t *testing.T) {
	// The table gives phones 10, 12, 7 in place of its shift; add applies
	// to the table's headcount, written in the file or given with --set.
	dir := writeScenario(t, "pool,interval,agents\nphones,0,10\nphones,1,12\nphones,2,7\n")
	for _, sets := range [][]string{
		{"pools.phones.add=1"},
		{"staffing=" + filepath.Join(dir, "staffing.csv"), "pools.phones.add=1"},
		{"pools.phones.add=1", "staffing=" + filepath.Join(dir, "staffing.csv")},
	} {
		s, err := Load(filepath.Join(dir, "two.yaml"), sets)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := s.Config.Pools[0].Agents, []int{11, 13, 8}; !slices.Equal(got, want) || s.Config.Pools[0].Shifts != nil {
			t.Errorf("%v: agents %v, shifts %v; want %v and no shifts", sets, got, s.Config.Pools[0].Shifts, want)
		}
	}
}

func TestPoolChangeErrors(t *testing.T) {
	// file writes the pool's last lines, from line 7.
	file := func(lines string) string {
		return "horizon: 1h\nchannels:\n  phone: {arrivals: {rate: 100/h}, handle_time: 3m}\npools:\n  agents:\n    skills: [phone]\n" + lines
	}
	cases := []struct {
		name, file string
		sets       []string
		want       string
	}{
		{"scale 0 in the file", file("    agents: 10\n    scale: 0\n"), nil,
			"f.yaml:8:12: pools.agents.scale: must be above 0, not 0"},
		{"negative scale", file("    agents: 10\n"), []string{"pools.agents.scale=-0.5"},
			"--set pools.agents.scale=-0.5: pools.agents.scale: must be above 0, not -0.5"},
		{"zero percent", file("    agents: 10\n"), []string{"pools.agents.scale=0%"},
			"--set pools.agents.scale=0%: pools.agents.scale: must be above 0, not 0%"},
		{"scale not a number", file("    agents: 10\n    scale: lots\n"), nil,
			`f.yaml:8:12: pools.agents.scale: want a factor above 0 that multiplies every interval's or shift's agents, such as 1.1 or 110%, not "lots"`},
		{"scale inf", file("    agents: 10\n"), []string{"pools.agents.scale=inf"},
			`--set pools.agents.scale=inf: pools.agents.scale: want a factor above 0`},
		{"scale a list", file("    agents: 10\n"), []string{"pools.agents.scale=[1, 2]"},
			"--set pools.agents.scale=[1, 2]: pools.agents.scale: want a factor such as 1.1 or 110%, not a list"},
		{"scale huge", file("    agents: 10\n"), []string{"pools.agents.scale=1e300"},
			"--set pools.agents.scale=1e300: pools.agents.scale: must be at most 1e+06, not 1e300"},
		{"scale too long", file("    agents: 10\n"), []string{"pools.agents.scale=1" + strings.Repeat("0", 40) + "e-40"},
			"--set pools.agents.scale=1" + strings.Repeat("0", 40) + "e-40: pools.agents.scale: want a factor above 0"},
		{"add a fraction", file("    agents: 10\n    add: 1.5\n"), nil,
			`f.yaml:8:10: pools.agents.add: want a whole number of agents to add to every interval or shift (negative to remove), such as 1 or -2, not "1.5"`},
		{"add text", file("    agents: 10\n"), []string{"pools.agents.add=one"},
			`--set pools.agents.add=one: pools.agents.add: want a whole number of agents`},
		{"too many agents", file("    agents: [0, 100000]\n    scale: 1000000\n"), nil,
			"f.yaml:8:12: pools.agents.scale: gives interval 1 100000000000 agents, more than 100000 (the limit of a pool in an interval)"},
		{"past the cap of agents", file("    agents: [0, 100000]\n"), []string{"pools.agents.add=1"},
			"--set pools.agents.add=1: pools.agents.add: gives interval 1 100001 agents, more than 100000 (the limit of a pool in an interval)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("f.yaml", "f", []byte(tc.file), tc.sets)
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("got %v, want Errors", err)
			}
			if len(es) != 1 || !strings.HasPrefix(es[0].Error(), tc.want) {
				t.Errorf("got %v\nwant %q...", err, tc.want)
			}
		})
	}
}

func TestPoolChangeInSweeps(t *testing.T) {
	// The ranges a planner sweeps: whole agents of either sign, and a
	// decimal step whose labels do not drift (1.0500000000000003). Each
	// point's plan is phone-day's, changed interval by interval.
	base, err := Builtin("phone-day", nil)
	if err != nil {
		t.Fatal(err)
	}
	add := func(v int) func(int) int { return func(n int) int { return max(0, n+v) } }
	// percent scales by v %, rounded half up: ⌊(2nv + 100) ÷ 200⌋.
	percent := func(v int) func(int) int { return func(n int) int { return (2*n*v + 100) / 200 } }
	cases := []struct {
		arg    string
		labels []string
		want   []func(n int) int
	}{
		{"pools.agents.add=-1..2", []string{"-1", "0", "1", "2"}, []func(int) int{add(-1), add(0), add(1), add(2)}},
		{"pools.agents.scale=0.9..1.1/0.05", []string{"0.90", "0.95", "1.00", "1.05", "1.10"},
			[]func(int) int{percent(90), percent(95), percent(100), percent(105), percent(110)}},
		{"pools.agents.scale=90%..110%/10%", []string{"90%", "100%", "110%"}, []func(int) int{percent(90), percent(100), percent(110)}},
	}
	for _, tc := range cases {
		t.Run(tc.arg, func(t *testing.T) {
			d, err := ParseVary(tc.arg)
			if err != nil {
				t.Fatal(err)
			}
			var labels []string
			for _, r := range d.Rows {
				labels = append(labels, r[0])
			}
			if !slices.Equal(labels, tc.labels) {
				t.Fatalf("labels %q, want %q", labels, tc.labels)
			}
			scs, pts, err := OpenGrid("phone-day", nil, &Grid{Dims: []Dim{d}}, DefaultMaxPoints)
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range pts {
				was, got := base.Config.Pools[0].Agents, scs[i].Config.Pools[0].Agents
				for k, n := range was {
					if want := tc.want[i](n); got[k] != want {
						t.Errorf("point %s: interval %d has %d agents, want %d (from %d)", p, k, got[k], want, n)
					}
				}
			}
		})
	}
}

func TestPoolChangeNotes(t *testing.T) {
	// omnisim scenarios export explains the keys where a file has them.
	for _, key := range []string{"add", "scale"} {
		if settingNote("pools.*."+key) == "" {
			t.Errorf("pools.*.%s has no note", key)
		}
	}
}
