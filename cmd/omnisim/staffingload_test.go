package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestStaffingLoadsBack: the staffing.csv of every folder omnisim writes
// (run, merge, staff) loads back with --set staffing=, and a run or merge
// given back its own plan writes the same figures.
func TestStaffingLoadsBack(t *testing.T) {
	dir := t.TempDir()
	at := func(p ...string) string { return filepath.Join(append([]string{dir}, p...)...) }
	must := func(argv ...string) {
		t.Helper()
		if r := omnisim(t, argv...); r.code != exitOK {
			t.Fatalf("%v: exit status %d: %s", argv, r.code, r.stderr)
		}
	}
	same := func(a, b string) {
		t.Helper()
		for _, f := range []string{"intervals.csv", "staffing.csv", "totals.csv"} {
			x, errX := os.ReadFile(filepath.Join(a, f))
			y, errY := os.ReadFile(filepath.Join(b, f))
			if errX != nil || errY != nil {
				t.Fatalf("%s: %v, %v", f, errX, errY)
			}
			if !bytes.Equal(x, y) {
				t.Errorf("%s of %s and %s differ: the plan did not load back as it ran", f, a, b)
			}
		}
	}
	// A run of shifts, loaded back as a plan by interval.
	must("run", "baseline", "--reps", "2", "--out", at("run"))
	must("run", "baseline", "--reps", "2", "--set", "staffing="+at("run", "staffing.csv"), "--out", at("run-again"))
	same(at("run"), at("run-again"))

	// A merged run.
	for _, k := range []string{"0/2", "1/2"} {
		must("run", "phone-day", "--reps", "4", "--shard", k, "--out", at("parts"))
	}
	must("merge", at("parts"), "--out", at("merged"))
	must("run", "phone-day", "--reps", "4", "--set", "staffing="+at("merged", "staffing.csv"), "--out", at("merged-again"))
	same(at("merged"), at("merged-again"))

	// A staffing plan.
	must("staff", "phone-day", "--reps", "5", "--out", at("plan"))
	must("run", "phone-day", "--set", "staffing="+at("plan", "staffing.csv"), "--no-out")
}
