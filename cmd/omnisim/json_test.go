package main

import (
	"encoding/json"
	"math"
	"slices"
	"sort"
	"testing"
)

// decodeJSON runs a command line that prints one JSON object and decodes it.
func decodeJSON(t *testing.T, argv ...string) map[string]any {
	t.Helper()
	r := omnisim(t, argv...)
	if r.code != exitOK {
		t.Fatalf("%v: exit status %d; stderr:\n%s", argv, r.code, r.stderr)
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &obj); err != nil {
		t.Fatalf("%v: stdout is not one JSON object: %v\n%s", argv, err, r.stdout)
	}
	return obj
}

func keys(obj map[string]any) []string {
	ks := make([]string, 0, len(obj))
	for k := range obj {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func sorted(ks ...string) []string {
	out := slices.Clone(ks)
	sort.Strings(out)
	return out
}

// object returns obj[key] as an object, failing the test if it is not one.
func object(t *testing.T, obj map[string]any, key string) map[string]any {
	t.Helper()
	v, ok := obj[key].(map[string]any)
	if !ok {
		t.Fatalf("%q: got %T, want an object", key, obj[key])
	}
	return v
}

// erlangFigures are the figures every Erlang C or A result carries
// (DESIGN.md, "Definitions").
var erlangFigures = []string{
	"p_wait", "service_level", "service_level_answered",
	"asa_seconds", "mean_wait_seconds", "occupancy",
}

func TestErlangJSONKeys(t *testing.T) {
	ca := append([]string{"model", "agents", "offered_load_erlangs"}, erlangFigures...)
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"erlang c", args("erlang", "c", erlangArgs, "--agents", "14", "--json"), ca},
		{"erlang c shrinkage", args("erlang", "c", erlangArgs, "--target-sl", "0.8", "--shrinkage", "0.3", "--json"),
			append(slices.Clone(ca), "scheduled_agents")},
		{"erlang a", args("erlang", "a", erlangArgs, "--patience", "5m", "--agents", "14", "--json"),
			append(slices.Clone(ca), "p_abandon")},
		{"erlang b", args("erlang", "b", erlangArgs, "--lines", "15", "--json"),
			[]string{"model", "lines", "offered_load_erlangs", "p_block"}},
		{"erlang b staffing", args("erlang", "b", erlangArgs, "--max-block", "0.01", "--json"),
			[]string{"model", "lines", "offered_load_erlangs", "p_block"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			obj := decodeJSON(t, tc.args...)
			if got, want := keys(obj), sorted(tc.want...); !slices.Equal(got, want) {
				t.Errorf("keys: got %v, want %v", got, want)
			}
		})
	}
}

func TestErlangSimulateJSON(t *testing.T) {
	for _, model := range []string{"c", "a"} {
		t.Run(model, func(t *testing.T) {
			argv := args("erlang", model, erlangArgs, "--agents", "14", "--simulate", "--hours", "5", "--reps", "3", "--json")
			want := slices.Clone(erlangFigures)
			if model == "a" {
				argv = append(argv, "--patience", "5m")
				want = append(want, "p_abandon")
			}
			obj := decodeJSON(t, argv...)
			sim := object(t, obj, "simulated")
			ci := object(t, sim, "ci95")
			for _, k := range append(want, "offered", "answered", "abandoned") {
				if _, ok := sim[k].(float64); !ok {
					t.Errorf("simulated.%s: got %v, want a number", k, sim[k])
				}
			}
			if got := sim["replications"]; got != 3.0 {
				t.Errorf("simulated.replications: got %v, want 3", got)
			}
			// Every simulated figure has its half-width, and nothing else
			// is in ci95.
			var figures []string
			for k := range sim {
				if k != "replications" && k != "hours" && k != "seed" && k != "ci95" {
					figures = append(figures, k)
				}
			}
			if got, want := keys(ci), sorted(figures...); !slices.Equal(got, want) {
				t.Errorf("ci95 keys: got %v, want %v", got, want)
			}
			for k, v := range ci {
				if h, ok := v.(float64); !ok || h < 0 {
					t.Errorf("ci95.%s: got %v, want a half-width ≥ 0", k, v)
				}
			}
		})
	}
}

func TestRunJSON(t *testing.T) {
	obj := decodeJSON(t, "run", "textbook", "--json", "--reps", "2", "--no-out")
	channels := object(t, obj, "channels")
	if got := keys(channels); !slices.Equal(got, []string{"phone"}) {
		t.Fatalf("channels: got %v, want [phone]", got)
	}
	phone := object(t, channels, "phone")
	for _, k := range append([]string{"offered", "answered", "abandoned", "p_abandon"}, erlangFigures...) {
		v, ok := phone[k].(float64)
		if !ok {
			t.Errorf("channels.phone.%s: got %v, want a number", k, phone[k])
			continue
		}
		if _, ok := object(t, phone, "ci95")[k].(float64); !ok {
			t.Errorf("channels.phone.ci95.%s is missing", k)
		}
		if v < 0 {
			t.Errorf("channels.phone.%s: got %v, want ≥ 0", k, v)
		}
	}
	// The textbook queue is steady, so Erlang A's prediction comes with it.
	erl := object(t, phone, "erlang")
	if got, want := erl["p_abandon"], 0.013983744122408909; !within(got, want, 5e-7) {
		t.Errorf("channels.phone.erlang.p_abandon: got %v, want %v", got, want)
	}
}

func within(got any, want, tol float64) bool {
	g, ok := got.(float64)
	return ok && math.Abs(g-want) <= tol
}

// TestPublishedValues checks the figures DESIGN.md ("Checking the numbers")
// gives for 100 contacts per 30 minutes, a 180-second handle time, a
// 20-second threshold and 14 agents. Each tolerance is half a unit in the
// last digit published.
func TestPublishedValues(t *testing.T) {
	erlangC := decodeJSON(t, args("erlang", "c", erlangArgs, "--agents", "14", "--json")...)
	erlangA := decodeJSON(t, args("erlang", "a", erlangArgs, "--patience", "5m", "--agents", "14", "--json")...)
	staffing := decodeJSON(t, args("erlang", "c", erlangArgs, "--target-sl", "0.8", "--shrinkage", "0.3", "--json")...)
	for _, tc := range []struct {
		name      string
		obj       map[string]any
		key       string
		want, tol float64
	}{
		{"erlang c", erlangC, "p_wait", 0.1741319, 5e-8},
		{"erlang c", erlangC, "service_level", 0.88835, 5e-6},
		{"erlang c", erlangC, "asa_seconds", 7.8359, 5e-5},
		// Erlang C callers never hang up: every offered contact is answered.
		{"erlang c", erlangC, "service_level_answered", 0.88835, 5e-6},
		{"erlang c", erlangC, "mean_wait_seconds", 7.8359, 5e-5},
		{"erlang c", erlangC, "occupancy", 10.0 / 14, 1e-12},
		{"erlang c", erlangC, "offered_load_erlangs", 10, 1e-12},
		{"erlang a", erlangA, "p_wait", 0.14526, 5e-6},
		{"erlang a", erlangA, "p_abandon", 0.013984, 5e-7},
		{"erlang a", erlangA, "service_level", 0.916792, 5e-7},
		{"erlang a", erlangA, "occupancy", 0.704297, 5e-7},
		{"staffing", staffing, "agents", 14, 0},
		// ⌈14/(1 − 0.3)⌉ = 20.
		{"staffing", staffing, "scheduled_agents", 20, 0},
	} {
		if got := tc.obj[tc.key]; !within(got, tc.want, tc.tol) {
			t.Errorf("%s %s: got %v, want %v ± %g", tc.name, tc.key, got, tc.want, tc.tol)
		}
	}
}
