package report_test

import (
	"bytes"
	"syscall"
	"testing"
	"time"

	"github.com/omnisim/omnisim/output/chart"
	"github.com/omnisim/omnisim/output/internal/fixture"
	"github.com/omnisim/omnisim/output/report"
)

// BenchmarkWriteRun writes report.html of the 365-day baseline of one
// replication (omnisim run baseline --set horizon=365d --reps 1), its
// charts drawn as SVG once outside the time, into a buffer as an output
// folder does. The simulation and the charts are not timed. Besides the
// wall clock it reports cpu-s/op, the processor time of the process (user
// and system), which other work on a shared machine disturbs less.
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
	cpu0 := cpuTime()
	for b.Loop() {
		out.Reset()
		if err := report.WriteRun(&out, ds, charts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(out.Len()), "page-bytes")
}

// cpuTime returns the processor time the process has taken, user and
// system.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
