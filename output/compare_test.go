package output

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// compareOf compares fake replications of the golden world with
// themselves, or with a copy whose every count is one more.
func compareOf(reps int, shift bool) *CompareReport {
	cfg := goldenWorld()
	a, b := fakeResults(cfg, reps), fakeResults(cfg, reps)
	if shift {
		for _, r := range b {
			for i := range r.Channels {
				r.Channels[i].Total.Offered++
				r.Channels[i].Total.Answered++
			}
		}
	}
	return NewCompareReport(Variant{Report: NewRunReport("golden", "", "", cfg, a)},
		Variant{Report: NewRunReport("golden", "", "", cfg, b), Sets: []string{"x=1"}})
}

func TestDifferenceFormat(t *testing.T) {
	for _, tc := range []struct {
		diff, half  float64
		unit        string
		significant bool
		want        string
	}{
		{0.037, 0.001, UnitShare, true, "+3.70 pts ± 0.10 *"},
		{-0.0067, 0.0003, UnitShare, true, "-0.67 pts ± 0.03 *"},
		{-1.77, 0.07, UnitSeconds, true, "-1.77 s ± 0.07 *"},
		{-822, 137, UnitSeconds, false, "-13.70 min ± 2.28"},
		{225.2, 9.9, UnitCount, true, "+225.2 ± 9.9 *"},
		{0, 0, UnitCount, false, "0.0 ± 0.0"},
		{0.5, math.NaN(), UnitRatio, false, "+0.50"},
		{math.NaN(), math.NaN(), UnitShare, false, "–"},
	} {
		if got := Difference(tc.diff, tc.half, tc.unit, tc.significant); got != tc.want {
			t.Errorf("Difference(%v, %v, %q) = %q, want %q", tc.diff, tc.half, tc.unit, got, tc.want)
		}
	}
}

// TestCompareReportFiles: the folder holds summary.json, compare.csv with
// its columns described, and a chart per channel; every chart draws, for
// a comparison with itself (every difference zero), with a shift (each
// replication the same difference) and with one replication (no
// intervals).
func TestCompareReportFiles(t *testing.T) {
	for _, tc := range []struct {
		name  string
		reps  int
		shift bool
	}{{"itself", 3, false}, {"shifted", 3, true}, {"one replication", 1, true}} {
		r := compareOf(tc.reps, tc.shift)
		files := CompareFiles(r, "test")
		if files[0].Name != SummaryFile || files[1].Name != CompareFile || len(files[1].Columns) != len(CompareCSV(r).Columns) {
			t.Fatalf("%s: files %v", tc.name, files[:2])
		}
		charts := 0
		for _, f := range files {
			var b bytes.Buffer
			if err := f.Write(&b); err != nil {
				t.Errorf("%s: %s: %v", tc.name, f.Name, err)
			}
			if strings.HasPrefix(f.Name, ChartsDir+"/compare-") {
				charts++
			}
			if f.Name == SummaryFile && !strings.Contains(b.String(), `"omnisim_version": "test"`) {
				t.Errorf("%s: summary.json lacks its version", tc.name)
			}
		}
		if want := 2 * len(r.A.Report.Config.Channels); charts != want {
			t.Errorf("%s: %d chart files, want %d", tc.name, charts, want)
		}
		var text bytes.Buffer
		if err := WriteCompare(&text, r); err != nil {
			t.Fatal(err)
		}
		if tc.shift && tc.reps > 1 && !strings.Contains(text.String(), "+1.0 ± 0.0 *") {
			t.Errorf("%s: the shift of one offered contact is not reported significant:\n%s", tc.name, text.String())
		}
	}
}

func TestCompareTableRows(t *testing.T) {
	r := compareOf(2, false)
	tb := CompareCSV(r)
	pools := len(r.A.Report.Config.Pools)
	// Every figure of each channel, of the customers, of each pool and,
	// with two pools, of all pools together; and a cost per day after
	// each cost.
	want := len(r.A.Report.Config.Channels)*len(models.Figures) + len(models.CustomerFigures) + (pools+1)*(len(models.PoolFigures)+1)
	if r.Comparison.Rows[len(r.Comparison.Rows)-1].Group == models.GroupExpectation {
		want++
	}
	if len(tb.Rows) != want {
		t.Errorf("%d rows, want %d", len(tb.Rows), want)
	}
	for i, row := range tb.Rows {
		if len(row) != len(tb.Columns) {
			t.Fatalf("row %d has %d cells for %d columns", i, len(row), len(tb.Columns))
		}
	}
}
