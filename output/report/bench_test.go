package report_test

import (
	"bytes"
	"testing"

	"github.com/omnisim/omnisim/output/chart"
	"github.com/omnisim/omnisim/output/internal/fixture"
	"github.com/omnisim/omnisim/output/report"
)

// BenchmarkWriteRun writes report.html of the 365-day baseline of one
// replication (omnisim run baseline --set horizon=365d --reps 1), its
// charts drawn as SVG once outside the time, into a buffer as an output
// folder does. The simulation and the charts are not timed.
func BenchmarkWriteRun(b *testing.B) {
	r := fixture.ScenarioReport(b, "baseline", 1, "horizon=365d")
	ds := r.TextDataset("bench")
	var charts []report.Chart
	for _, c := range chart.Run(ds) {
		var svg bytes.Buffer
		if err := c.Render(&svg, "svg", chart.DefaultWidth, chart.DefaultHeight); err != nil {
			b.Fatal(err)
		}
		charts = append(charts, report.Chart{Name: c.Name, Title: c.Title, Note: c.Note, SVG: svg.Bytes()})
	}
	b.ReportAllocs()
	var out bytes.Buffer
	for b.Loop() {
		out.Reset()
		if err := report.WriteRun(&out, ds, charts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(out.Len()), "page-bytes")
}
