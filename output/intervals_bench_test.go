package output_test

import (
	"math"
	"syscall"
	"testing"
	"time"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// BenchmarkIntervalsTable builds intervals.csv as a run's output folder
// does (TextDataset): every figure of every channel and interval, its 95 %
// half-width (the jackknife over the replications) and its verdicts. Its
// cases are BenchmarkFolder's (output/folder): "default" is omnisim run's
// default (textbook, its 20 replications, one channel), "baseline-365d"
// the 365-day baseline of one replication. The simulation is not timed.
// Besides the wall clock it reports cpu-s/op, the processor time of every
// goroutine, which a machine shared with other work disturbs less.
func BenchmarkIntervalsTable(b *testing.B) {
	benchFolderCases(b, func(r *output.RunReport) int { return r.IntervalsTable().Len() })
}

// benchFolderCases runs build, which returns how many rows it made, on the
// report of each of BenchmarkFolder's cases, reporting cpu-s/op beside the
// wall clock.
func benchFolderCases(b *testing.B, build func(r *output.RunReport) int) {
	for _, c := range []struct {
		name, scenario string
		reps           int // 0: the scenario's own
		sets           []string
	}{
		{"default", "textbook", 0, nil},
		{"baseline-365d", "baseline", 1, []string{"horizon=365d"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			r := fixture.ScenarioReport(b, c.scenario, c.reps, c.sets...)
			b.ReportAllocs()
			cpu0 := cpuSeconds()
			for b.Loop() {
				if build(r) == 0 {
					b.Fatal("no rows")
				}
			}
			b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
		})
	}
}

// cpuSeconds returns the processor time the process has used, user and
// system, in seconds.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return math.NaN()
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// BenchmarkNeeded finds the agents needed (intervals.csv's needed_agents,
// Erlang A's staffing search) of every channel and interval of the
// 365-day baseline of one replication, as BenchmarkIntervalsTable does
// among the rest of its work.
func BenchmarkNeeded(b *testing.B) {
	r := fixture.ScenarioReport(b, "baseline", 1, "horizon=365d")
	cfg := r.Config
	var counts [][]models.Counts
	for i := range cfg.Channels {
		counts = append(counts, r.ChannelIntervals(i))
	}
	cpu0 := cpuSeconds()
	for b.Loop() {
		for i, cs := range counts {
			for k, c := range cs {
				r.Needed(i, k, c)
			}
		}
	}
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
}

// BenchmarkTextDataset builds every table of a run's output folder as
// omnisim run does (TextDataset: intervals.csv and staffing.csv in parts on
// every core, the other tables beside them), for BenchmarkIntervalsTable's
// cases. Besides the wall clock it reports cpu-s/op.
func BenchmarkTextDataset(b *testing.B) {
	benchFolderCases(b, func(r *output.RunReport) int { return r.TextDataset("bench").Staffing.Len() })
}
