package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/scenarios"
)

// TestPoolChangeInCommands: a pool's add, given with --set, changes the
// staffing run, compare (B only) and staff (the scenario's staffing, its
// baseline) read, interval by interval: on phone-day's plan, add=1
// schedules one agent more in each of its intervals.
func TestPoolChangeInCommands(t *testing.T) {
	sc, err := scenarios.Builtin("phone-day", nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := sc.Config
	hours := func(add int) float64 {
		sum := 0.0
		for k := range int(cfg.Horizon / cfg.Interval) {
			sum += float64(max(0, cfg.Pools[0].ScheduledAt(k, cfg.Interval, cfg.Start)+add)) * cfg.Interval / 3600
		}
		return sum
	}
	const set = "pools.agents.add=1"
	decode := func(t *testing.T, argv ...string) map[string]any {
		t.Helper()
		r := omnisim(t, argv...)
		if r.code != exitOK {
			t.Fatalf("omnisim %s: exit %d: %s", strings.Join(argv, " "), r.code, r.stderr)
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	dig := func(v any, keys ...string) any {
		for _, k := range keys {
			m, _ := v.(map[string]any)
			v = m[k]
		}
		return v
	}
	t.Run("run", func(t *testing.T) {
		v := decode(t, "run", "phone-day", "--set", set, "--reps", "1", "--json", "--no-out")
		if got, want := dig(v, "pools", "agents", "scheduled_hours"), hours(1); got != want {
			t.Errorf("scheduled hours %v, want %v", got, want)
		}
	})
	t.Run("compare", func(t *testing.T) {
		v := decode(t, "compare", "phone-day", "--set-b", set, "--reps", "1", "--json", "--no-out")
		h := dig(v, "pools", "agents", "scheduled_hours")
		if a, b := dig(h, "a"), dig(h, "b"); a != hours(0) || b != hours(1) {
			t.Errorf("scheduled hours: A %v, B %v; want %v and %v", a, b, hours(0), hours(1))
		}
	})
	t.Run("staff", func(t *testing.T) {
		v := decode(t, "staff", "phone-day", "--set", set, "--reps", "2", "--json", "--no-out")
		if got, want := dig(v, "pools", "agents", "scenario_agent_hours"), hours(1); got != want {
			t.Errorf("the scenario's agent hours %v, want %v", got, want)
		}
	})
	t.Run("bad value", func(t *testing.T) {
		const msg = "pools.agents.scale: must be above 0, not 0"
		for _, tc := range []struct {
			argv []string
			want string
		}{
			{[]string{"run", "phone-day", "--set", "pools.agents.scale=0", "--no-out"}, "--set pools.agents.scale=0: " + msg},
			{[]string{"compare", "phone-day", "--set-b", "pools.agents.scale=0", "--no-out"}, "--set-b pools.agents.scale=0: " + msg},
			{[]string{"staff", "phone-day", "--set", "pools.agents.scale=0", "--no-out"}, "--set pools.agents.scale=0: " + msg},
			{[]string{"sweep", "phone-day", "--vary", "pools.agents.scale=0,1", "--no-out"}, "--set pools.agents.scale=0: " + msg},
		} {
			r := omnisim(t, tc.argv...)
			if r.code != exitInput || !strings.HasPrefix(r.stderr, tc.want) {
				t.Errorf("%s: exit %d, %q; want %d and %q", strings.Join(tc.argv, " "), r.code, r.stderr, exitInput, tc.want)
			}
		}
	})
}
