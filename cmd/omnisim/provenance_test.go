package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFolderRecordsHowItWasMade: a run's folder records the command line,
// every --set and the scenario as run; running that scenario.yaml writes
// the same figures and the same scenario.yaml, byte for byte; the report
// says what the run changed.
func TestFolderRecordsHowItWasMade(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "t12")
	r := omnisim(t, "run", "textbook", "--set", "pools.agents.agents=12", "--reps", "3", "--seed", "5", "--out", first)
	if r.code != exitOK {
		t.Fatalf("exit status %d: %s", r.code, r.stderr)
	}
	var sum struct {
		Command   string   `json:"command"`
		Sets      []string `json:"sets"`
		Scenarios []string `json:"scenario_files"`
	}
	data, err := os.ReadFile(filepath.Join(first, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &sum); err != nil {
		t.Fatal(err)
	}
	wantCmd := "omnisim run textbook --set pools.agents.agents=12 --reps 3 --seed 5 --out " + first
	if sum.Command != wantCmd || !slices.Equal(sum.Sets, []string{"pools.agents.agents=12"}) || !slices.Equal(sum.Scenarios, []string{"scenario.yaml"}) {
		t.Errorf("summary.json records %q, %q, %q; want %q, the --set and scenario.yaml", sum.Command, sum.Sets, sum.Scenarios, wantCmd)
	}
	report, err := os.ReadFile(filepath.Join(first, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"This run changed the scenario: <code>pools.agents.agents=12</code>", "<dt>agents, agents</dt><dd>12</dd>"} {
		if !strings.Contains(string(report), want) {
			t.Errorf("report.html lacks %q", want)
		}
	}

	again := filepath.Join(dir, "again")
	if r := omnisim(t, "run", filepath.Join(first, "scenario.yaml"), "--out", again); r.code != exitOK {
		t.Fatalf("running the recorded scenario: exit status %d: %s", r.code, r.stderr)
	}
	for _, f := range []string{"scenario.yaml", "intervals.csv", "daily.csv", "customers.csv", "staffing.csv", "flows.csv", "totals.csv"} {
		a, errA := os.ReadFile(filepath.Join(first, f))
		b, errB := os.ReadFile(filepath.Join(again, f))
		if errA != nil || errB != nil {
			t.Fatalf("%s: %v, %v", f, errA, errB)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs when the recorded scenario is run again", f)
		}
	}
}

// TestEveryFolderRecordsItsScenario: the folders of demo, sweep and
// compare record their command line, --set and scenarios too, and each
// scenario recorded loads back with its overrides applied.
func TestEveryFolderRecordsItsScenario(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		argv  []string
		sets  []string
		files []string
	}{
		{[]string{"demo", "textbook", "--reps", "2", "--set", "pools.agents.agents=13"}, []string{"pools.agents.agents=13"}, []string{"scenario.yaml"}},
		{[]string{"sweep", "textbook", "--reps", "2", "--vary", "channels.phone.patience=2m,5m", "--set", "pools.agents.agents=13"},
			[]string{"pools.agents.agents=13"}, []string{"scenario.yaml"}},
		{[]string{"staff", "phone-day", "--reps", "2", "--max-verify-reps", "4", "--set", "pools.agents.add=13"},
			[]string{"pools.agents.add=13"}, []string{"scenario.yaml"}},
		{[]string{"compare", "textbook", "--reps", "2", "--set", "pools.agents.agents=13", "--set-b", "channels.phone.patience=never"},
			[]string{"--set pools.agents.agents=13", "--set-b channels.phone.patience=never"}, []string{"scenario-a.yaml", "scenario-b.yaml"}},
	}
	for i, tc := range cases {
		out := filepath.Join(dir, tc.argv[0])
		argv := append(slices.Clone(tc.argv), "--out", out)
		if r := omnisim(t, argv...); r.code != exitOK {
			t.Fatalf("%v: exit status %d: %s", argv, r.code, r.stderr)
		}
		var sum struct {
			Command   string   `json:"command"`
			Sets      []string `json:"sets"`
			Scenarios []string `json:"scenario_files"`
		}
		data, err := os.ReadFile(filepath.Join(out, "summary.json"))
		if err == nil {
			err = json.Unmarshal(data, &sum)
		}
		if err != nil {
			t.Fatal(err)
		}
		if want := "omnisim " + strings.Join(argv, " "); sum.Command != want || !slices.Equal(sum.Sets, tc.sets) || !slices.Equal(sum.Scenarios, tc.files) {
			t.Errorf("case %d: summary.json records %q, %q, %q; want %q, %q, %q", i, sum.Command, sum.Sets, sum.Scenarios, want, tc.sets, tc.files)
		}
		if report, _ := os.ReadFile(filepath.Join(out, "report.html")); !strings.Contains(string(report), "Made by <code>"+sum.Command+"</code>") {
			t.Errorf("case %d: report.html does not show the command line", i)
		}
		for _, f := range tc.files {
			r := omnisim(t, "validate", filepath.Join(out, f))
			if r.code != exitOK {
				t.Errorf("%s of %s does not load: %s", f, tc.argv[0], r.stderr)
			}
			text, _ := os.ReadFile(filepath.Join(out, f))
			if !strings.Contains(string(text), "agents: 13") && !strings.Contains(string(text), "add: 13") {
				t.Errorf("%s of %s lacks the override of 13 agents", f, tc.argv[0])
			}
		}
	}
}
