package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestPeriodsAgreeWithIntervals: compare judges a period by the same
// figure and half-width intervals.csv gives it (pooled over the
// replications, the jackknife's half-width), so a planner reading both
// sees one number.
func TestPeriodsAgreeWithIntervals(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "run")
	if r := omnisim(t, "run", "phone-day", "--reps", "20", "--seed", "3", "--out", dir); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	r := omnisim(t, "compare", "phone-day", "--reps", "20", "--seed", "3", "--json", "--no-out")
	if r.code != exitOK {
		t.Fatal(r.stderr)
	}
	var cmp struct {
		Targets map[string]map[string]struct {
			A *struct {
				Period string  `json:"worst_period"`
				Value  float64 `json:"worst_value"`
				Half   float64 `json:"worst_ci95"`
			} `json:"a"`
		} `json:"targets"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &cmp); err != nil {
		t.Fatal(err)
	}
	worst := cmp.Targets["phone"]["service_level"].A
	if worst == nil || !strings.HasPrefix(worst.Period, "Mon ") {
		t.Fatalf("no worst period in %+v", cmp.Targets)
	}
	f, err := os.Open(filepath.Join(dir, "intervals.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	start := strings.TrimPrefix(worst.Period, "Mon ")[:5]
	for _, row := range rows[1:] {
		if row[col["channel"]] != "phone" || row[col["day"]] != "1" || row[col["time"]] != start {
			continue
		}
		v, _ := strconv.ParseFloat(row[col["service_level"]], 64)
		h, _ := strconv.ParseFloat(row[col["service_level_ci95"]], 64)
		if math.Abs(v-worst.Value) > 1e-8 || math.Abs(h-worst.Half) > 1e-8 {
			t.Errorf("%s: compare judges %.9f ± %.9f, intervals.csv has %.9f ± %.9f", worst.Period, worst.Value, worst.Half, v, h)
		}
		return
	}
	t.Errorf("no row of intervals.csv for phone at %s", start)
}
