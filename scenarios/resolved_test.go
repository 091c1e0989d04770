package scenarios

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// reload parses a resolved scenario from a folder of its own, with the
// files it names beside it, as a run's output folder holds them.
func reload(t *testing.T, r *Resolved) *Scenario {
	t.Helper()
	dir := t.TempDir()
	for _, f := range r.Files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(dir, "scenario.yaml")
	if err := os.WriteFile(file, r.YAML, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(file, nil)
	if err != nil {
		t.Fatalf("the resolved scenario does not load: %v\n%s", err, r.YAML)
	}
	return s
}

// TestResolveEveryBuiltin: every built-in scenario, resolved with an
// override, a seed and a count of replications, loads back to the same
// world, name and replications, and resolves again to the same bytes.
func TestResolveEveryBuiltin(t *testing.T) {
	for _, b := range Builtins() {
		t.Run(b.Name, func(t *testing.T) {
			s, err := Builtin(b.Name, []string{"warmup=2h"})
			if err != nil {
				t.Fatal(err)
			}
			r, err := s.Resolve("scenario", 99, 7)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(r.YAML), "# The scenario as omnisim ran it") {
				t.Errorf("the resolved file does not say what it is:\n%.200s", r.YAML)
			}
			back := reload(t, r)
			want := s.Config
			want.Seed = 99
			if !reflect.DeepEqual(back.Config, want) {
				t.Errorf("the world loaded back differs:\n got %+v\nwant %+v", back.Config, want)
			}
			if back.Name != s.Name || back.Replications != 7 || back.Config.Warmup != 7200 {
				t.Errorf("got name %q, %d replications, warm-up %g s; want %q, 7, 7200", back.Name, back.Replications, back.Config.Warmup, s.Name)
			}
			if len(back.Claims) != len(s.Claims) {
				t.Errorf("got %d claims back, want %d", len(back.Claims), len(s.Claims))
			}
			again, err := back.Resolve("scenario", 99, 7)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again.YAML, r.YAML) {
				t.Errorf("resolving the resolved scenario changes it:\n%s\n----\n%s", r.YAML, again.YAML)
			}
		})
	}
}

// TestResolveAttachesFiles: the staffing table a scenario names travels
// with it, renamed, and the override that named it is applied.
func TestResolveAttachesFiles(t *testing.T) {
	dir := t.TempDir()
	table := "pool,interval,agents\nagents,0,9\nagents,1,11\n"
	if err := os.WriteFile(filepath.Join(dir, "plan.csv"), []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "t.yaml")
	if err := os.WriteFile(file, []byte(valid), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(file, []string{"staffing=" + filepath.Join(dir, "plan.csv")})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Resolve("scenario-b", 7, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Files) != 1 || r.Files[0].Name != "scenario-b-staffing.csv" || string(r.Files[0].Data) != table {
		t.Fatalf("got files %+v, want scenario-b-staffing.csv holding the table", r.Files)
	}
	if !strings.Contains(string(r.YAML), "staffing: scenario-b-staffing.csv") {
		t.Errorf("the resolved scenario does not name its staffing file beside it:\n%s", r.YAML)
	}
	back := reload(t, r)
	if !reflect.DeepEqual(back.Config, s.Config) {
		t.Errorf("the world loaded back differs:\n got %+v\nwant %+v", back.Config.Pools, s.Config.Pools)
	}
	if got := back.Config.Pools[0].Agents; !reflect.DeepEqual(got, []int{9, 11}) {
		t.Errorf("agents %v, want the table's [9 11]", got)
	}
}

// TestResolveDropsClaimsThatCannotBeJudged: claims a shortened horizon
// leaves without their days are left out, so the file loads.
func TestResolveDropsClaimsThatCannotBeJudged(t *testing.T) {
	for _, b := range Builtins() {
		s, err := Builtin(b.Name, []string{"horizon=1d", "warmup=0s"})
		if err != nil || len(s.claimProblems) == 0 {
			continue
		}
		r, err := s.Resolve("scenario", 1, 1)
		if err != nil {
			t.Fatal(err)
		}
		if back := reload(t, r); len(back.Claims) != 0 {
			t.Errorf("%s: %d claims kept that the run cannot judge", b.Name, len(back.Claims))
		}
		return
	}
	t.Skip("no built-in has claims past its first day")
}

// TestResolveKeepsRelativeChanges: a pool's add, given with --set, is
// written once: the world loaded back has it once.
func TestResolveKeepsRelativeChanges(t *testing.T) {
	s, err := Builtin("phone-day", []string{"pools.agents.add=1"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Resolve("scenario", 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if back := reload(t, r); !reflect.DeepEqual(back.Config, s.Config) {
		t.Errorf("agents loaded back %v, want %v", back.Config.Pools[0].Agents, s.Config.Pools[0].Agents)
	}
}
