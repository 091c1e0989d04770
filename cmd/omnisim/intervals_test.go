package main

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/folder"
)

// readIntervals runs omnisim run with the given arguments into a folder of
// its own and returns the intervals.csv it wrote.
func readIntervals(t *testing.T, runArgs ...string) *output.CSVTable {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "out")
	r := omnisim(t, args("run", runArgs, "--out", dir)...)
	if r.code != exitOK {
		t.Fatalf("exit status %d; stderr:\n%s", r.code, r.stderr)
	}
	f, err := os.Open(filepath.Join(dir, folder.IntervalsFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	iv, err := output.ReadCSVTable(f)
	if err != nil {
		t.Fatal(err)
	}
	return iv
}

// TestRunIntervalsVerdicts: in the intervals.csv of built-in runs, every
// figure has its 95 % half-width column, and every verdict on a target is what the
// row's own figure, half-width and target make it, as a reader would judge
// them: met when the whole interval figure ± half-width is on the target's
// good side (a floor for the service level, a cap for abandonment and
// occupancy), missed when wholly on the other, undecided otherwise or with
// one replication, empty without a target or without data. A deferred or
// self-service channel has no abandonment: its cells are empty.
func TestRunIntervalsVerdicts(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		reps int
	}{
		{"phone-day", args("phone-day", "--reps", "6"), 6},
		{"baseline", args("baseline", "--reps", "3"), 3},
		{"phone-day, one replication", args("phone-day", "--reps", "1"), 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			iv := readIntervals(t, tc.args...)
			kinds := map[string]string{}
			for _, name := range []string{"phone", "chat", "tier2"} {
				kinds[name] = "live"
			}
			kinds["email"], kinds["social"], kinds["web"] = "deferred", "deferred", "self-service"
			seen := map[string]int{}
			for r := range iv.Rows {
				for _, f := range models.Figures {
					v, h := iv.Float(r, f.Key), iv.Float(r, f.Key+output.CISuffix)
					if iv.Col(f.Key+output.CISuffix) < 0 {
						t.Fatalf("no column %s%s", f.Key, output.CISuffix)
					}
					// With several replications a half-width may still be
					// empty: leaving a replication out can leave a sparse
					// interval with no data.
					if (tc.reps == 1 && !math.IsNaN(h)) || (math.IsNaN(v) && !math.IsNaN(h)) {
						t.Fatalf("row %d: %s = %v ± %v with %d replications", r, f.Key, v, h, tc.reps)
					}
				}
				ch := iv.Text(r, "channel")
				if kinds[ch] != "live" && (iv.Text(r, "abandoned") != "" || iv.Text(r, "p_abandon") != "") {
					t.Fatalf("row %d: %s is %s, but has abandonment %q, %q", r, ch, kinds[ch], iv.Text(r, "abandoned"), iv.Text(r, "p_abandon"))
				}
				for _, key := range []string{"service_level", "p_abandon", "occupancy"} {
					got := iv.Text(r, key+output.VerdictSuffix)
					if want := readerVerdict(iv, r, key); got != want {
						t.Fatalf("row %d (%s %s): %s%s = %q, but %s = %s ± %s against %s gives %q", r, ch, iv.Text(r, "time"),
							key, output.VerdictSuffix, got, key, iv.Text(r, key), iv.Text(r, key+output.CISuffix), iv.Text(r, key+output.TargetSuffix), want)
					}
					seen[got]++
				}
			}
			if tc.reps == 1 && (seen[output.VerdictMet] > 0 || seen[output.VerdictMissed] > 0) {
				t.Errorf("one replication decided verdicts: %v", seen)
			}
			if tc.reps > 1 && seen[output.VerdictMet] == 0 {
				t.Errorf("no target met in any interval: %v", seen)
			}
			if seen[output.VerdictUndecided] == 0 {
				t.Errorf("no interval undecided: %v", seen)
			}
		})
	}
}

// readerVerdict judges row r's figure key against its target from the
// row's cells. A bound within 1e-12 of the target is on it: rounding, not
// measurement.
func readerVerdict(iv *output.CSVTable, r int, key string) string {
	target, v, h := iv.Float(r, key+output.TargetSuffix), iv.Float(r, key), iv.Float(r, key+output.CISuffix)
	switch {
	case math.IsNaN(target) || math.IsNaN(v):
		return ""
	case math.IsNaN(h):
		return output.VerdictUndecided
	}
	floor := key == "service_level"
	good := (floor && v-h >= target-1e-12) || (!floor && v+h <= target+1e-12)
	bad := (floor && v+h < target-1e-12) || (!floor && v-h > target+1e-12)
	switch {
	case good:
		return output.VerdictMet
	case bad:
		return output.VerdictMissed
	}
	return output.VerdictUndecided
}
