package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/output/chart"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// TestCompareReportPage: report.html of a comparison says what A and B
// are, how many figures differ (none against itself; offered and answered
// when B has one more of each in every replication), says there are no
// intervals with one replication, embeds every chart as an SVG image, asks
// for nothing outside itself, and is the same bytes every time.
func TestCompareReportPage(t *testing.T) {
	for _, tc := range []struct {
		name  string
		reps  int
		shift bool
		lead  string
	}{
		{"itself", 4, false, "0 of the"},
		{"shifted", 4, true, "differ: their 95 % interval"},
		{"one replication", 1, true, "One paired replication gives differences but no intervals"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := fixture.CompareOf(tc.reps, tc.shift)
			var page []byte
			for _, f := range folder.CompareFiles(r, "test") {
				if f.Name != folder.ReportFile {
					continue
				}
				var b, again bytes.Buffer
				if err := f.Write(&b); err != nil {
					t.Fatal(err)
				}
				if err := f.Write(&again); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(b.Bytes(), again.Bytes()) {
					t.Error("two writes of the report differ")
				}
				page = b.Bytes()
			}
			if page == nil {
				t.Fatal("the comparison's folder has no report.html")
			}
			html := string(page)
			charts := len(chart.Compare(r.Comparison))
			for _, want := range []string{"A is golden (", "B is golden with x=1 (", tc.lead, `http-equiv="Content-Security-Policy" content="default-src`} {
				if !strings.Contains(html, want) {
					t.Errorf("the report lacks %q", want)
				}
			}
			if n := strings.Count(html, `<img src="data:image/svg+xml;base64,`); n != charts || charts == 0 {
				t.Errorf("%d charts embedded, want %d", n, charts)
			}
			if strings.Contains(html, "http://") || strings.Contains(html, "https://") || strings.Contains(html, "<script") {
				t.Error("the report refers to something outside itself")
			}
			if tc.shift && tc.reps > 1 && !strings.Contains(html, "offered: ") {
				t.Error("a shifted offered count is not among the findings")
			}
		})
	}
}
