package output_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// TestVerdict: a verdict is earned by the whole confidence interval, on
// either kind of target; an interval that holds the target, or none at all
// (one replication), is undecided; no data is no verdict.
func TestVerdict(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name              string
		mean, half, limit float64
		floor             bool
		want              string
	}{
		{"floor, interval above", 0.85, 0.04, 0.8, true, output.VerdictMet},
		{"floor, interval ends on the target", 0.85, 0.05, 0.8, true, output.VerdictMet},
		{"floor, interval holds the target", 0.83, 0.05, 0.8, true, output.VerdictUndecided},
		{"floor, mean below but interval holds it", 0.78, 0.05, 0.8, true, output.VerdictUndecided},
		{"floor, interval below", 0.70, 0.05, 0.8, true, output.VerdictMissed},
		{"floor, no interval", 0.99, nan, 0.8, true, output.VerdictUndecided},
		{"floor, no half-width needed", 0.9, 0, 0.8, true, output.VerdictMet},
		{"cap, interval below", 0.02, 0.01, 0.05, false, output.VerdictMet},
		{"cap, interval holds it", 0.045, 0.01, 0.05, false, output.VerdictUndecided},
		{"cap, interval above", 0.09, 0.01, 0.05, false, output.VerdictMissed},
		{"cap, no interval", 0.01, nan, 0.05, false, output.VerdictUndecided},
		{"no data", nan, nan, 0.8, true, ""},
		{"no data, a half-width", nan, 0.1, 0.8, false, ""},
	}
	for _, tc := range tests {
		if got := output.Verdict(tc.mean, tc.half, tc.limit, tc.floor); got != tc.want {
			t.Errorf("%s: Verdict(%v, %v, %v, %v) = %q, want %q", tc.name, tc.mean, tc.half, tc.limit, tc.floor, got, tc.want)
		}
	}
}

// verdictOf judges a row of intervals.csv from its cells alone, as a
// reader of the file would: the figure ± its half-width against the
// target, a floor for the service level and a cap for the others.
func verdictOf(t *output.CSVTable, r int, key string) string {
	target := t.Float(r, key+output.TargetSuffix)
	if math.IsNaN(target) {
		return ""
	}
	v, h := t.Float(r, key), t.Float(r, key+output.CISuffix)
	const slack = 1e-12 // rounding, not measurement
	target -= slack
	if key != "service_level" {
		target += 2 * slack
	}
	switch {
	case math.IsNaN(v):
		return ""
	case math.IsNaN(h):
		return output.VerdictUndecided
	case key == "service_level" && v-h >= target, key != "service_level" && v+h <= target:
		return output.VerdictMet
	case key == "service_level" && v+h < target, key != "service_level" && v-h > target:
		return output.VerdictMissed
	}
	return output.VerdictUndecided
}

// checkIntervalVerdicts checks every row of an intervals.csv: a half-width
// column for every figure, filled wherever the figure is with several
// replications and empty with one; and each verdict what the figure, its
// half-width and the target in the same row make it. It returns how many
// verdicts of each kind it saw.
func checkIntervalVerdicts(t *testing.T, iv *output.CSVTable, reps int) map[string]int {
	t.Helper()
	for _, f := range models.Figures {
		if iv.Col(f.Key+output.CISuffix) < 0 {
			t.Fatalf("intervals.csv has no column %s%s", f.Key, output.CISuffix)
		}
	}
	seen := map[string]int{}
	for r := range iv.Rows {
		for _, f := range models.Figures {
			v, h := iv.Float(r, f.Key), iv.Float(r, f.Key+output.CISuffix)
			if reps < 2 && !math.IsNaN(h) {
				t.Fatalf("row %d: %s%s = %v with one replication", r, f.Key, output.CISuffix, h)
			}
			if reps >= 2 && math.IsNaN(v) && !math.IsNaN(h) {
				t.Fatalf("row %d: %s%s = %v for no figure", r, f.Key, output.CISuffix, h)
			}
		}
		for _, kind := range output.TargetKinds {
			key := kind.Key()
			got := iv.Text(r, key+output.VerdictSuffix)
			if want := verdictOf(iv, r, key); got != want {
				t.Fatalf("row %d (%s %s): %s%s = %q, but %s = %s ± %s against %s gives %q", r, iv.Text(r, "channel"),
					iv.Text(r, "time"), key, output.VerdictSuffix, got, key, iv.Text(r, key), iv.Text(r, key+output.CISuffix),
					iv.Text(r, key+output.TargetSuffix), want)
			}
			seen[got]++
		}
	}
	return seen
}

// TestIntervalsCarryHalfWidthsAndVerdicts: intervals.csv of the golden
// world has every figure's half-width and the verdict on each target the
// channel sets, which agrees with the row's own cells; chat sets none, so
// its target and verdict cells are empty; with one replication every
// verdict is undecided.
func TestIntervalsCarryHalfWidthsAndVerdicts(t *testing.T) {
	for _, reps := range []int{1, 3} {
		cfg := fixture.GoldenWorld()
		iv := output.NewRunReport("golden", "", "", cfg, fixture.FakeResults(cfg, reps)).Dataset("test").Intervals
		seen := checkIntervalVerdicts(t, iv, reps)
		if reps == 1 && (seen[output.VerdictMet] > 0 || seen[output.VerdictMissed] > 0 || seen[output.VerdictUndecided] == 0) {
			t.Errorf("one replication: verdicts %v, want undecided only", seen)
		}
		if reps > 1 && seen[output.VerdictMet]+seen[output.VerdictMissed] == 0 {
			t.Errorf("%d replications: verdicts %v, want some decided", reps, seen)
		}
		for r := range iv.Rows {
			ch := iv.Text(r, "channel")
			target := iv.Text(r, "service_level"+output.TargetSuffix)
			switch {
			case ch == "chat" && target != "":
				t.Fatalf("row %d: chat sets no target, but service_level_target is %q", r, target)
			case ch == "phone" && target != "0.8", ch == "email" && target != "0.9":
				t.Fatalf("row %d: %s's service_level_target is %q", r, ch, target)
			}
		}
	}
}

// TestUnsetTargetIsNull: summary.json's description of a channel with no
// service-level target has null for it, not 0, and reads back as none.
func TestUnsetTargetIsNull(t *testing.T) {
	meta := fixture.GoldenReport().Meta("test")
	data, err := json.Marshal(meta)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Channels []map[string]any `json:"channels"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, ch := range doc.Channels {
		v, ok := ch["target_service_level"]
		if !ok {
			t.Fatalf("%v: no target_service_level", ch)
		}
		if name := ch["name"]; (name == "chat") != (v == nil) {
			t.Errorf("%s: target_service_level %v, want null only for chat, which sets none", name, v)
		}
	}
	var back output.Meta
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	for i, ch := range back.Channels {
		if ch != meta.Channels[i] {
			t.Errorf("read back %+v, wrote %+v", ch, meta.Channels[i])
		}
	}
}
