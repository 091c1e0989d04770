package folder

import (
	"bytes"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/output/internal/fixture"
	"github.com/omnisim/omnisim/output/table"
)

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
		r := fixture.CompareOf(tc.reps, tc.shift)
		files := CompareFiles(r, "test")
		if files[0].Name != SummaryFile || files[1].Name != CompareFile || len(files[1].Columns) != len(table.CompareCSV(r).Columns) {
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
		if err := table.WriteCompare(&text, r); err != nil {
			t.Fatal(err)
		}
		if tc.shift && tc.reps > 1 && !strings.Contains(text.String(), "+1.0 ± 0.0 *") {
			t.Errorf("%s: the shift of one offered contact is not reported significant:\n%s", tc.name, text.String())
		}
	}
}
