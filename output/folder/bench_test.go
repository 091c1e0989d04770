package folder

import (
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/omnisim/omnisim/output/internal/fixture"
)

// BenchmarkFolder writes the whole output folder of a run, as omnisim run
// does after its replications: the tables (Dataset), summary.json, every
// chart as SVG and PNG, report.html and the manifest. Its cases are the
// issue-20 targets: "default" is omnisim run's default (textbook, its 20
// replications), "baseline-365d" the 365-day baseline of one replication
// (omnisim run baseline --set horizon=365d --reps 1). The simulation is
// not timed. Besides B/op it reports cpu-s/op, the processor time of every
// goroutine (user and system), which a machine shared with other work
// disturbs less than the wall clock, and peak-heap-MiB, the largest heap in
// use seen while the folder was written (sampled every millisecond, so a
// regression in memory shows as well as one in time). tools/speed measures
// the same runs as whole processes.
func BenchmarkFolder(b *testing.B) {
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
			dir := b.TempDir()
			b.ReportAllocs()
			peak := newPeakHeap()
			cpu0 := cpuTime()
			b.ResetTimer()
			i := 0
			for b.Loop() {
				ds, summary := RunDataset(r, "bench")
				files := RunFiles(ds, summary, VisualFiles(ds)...)
				if err := Write(filepath.Join(dir, strconv.Itoa(i)), files, false); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.StopTimer()
			b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(peak.stop(), "peak-heap-MiB")
		})
	}
}

// peakHeap samples the heap in use every millisecond until stopped.
type peakHeap struct {
	done chan struct{}
	wg   sync.WaitGroup
	max  uint64
}

// newPeakHeap starts sampling, after a collection so that what came before
// is not counted.
func newPeakHeap() *peakHeap {
	runtime.GC()
	p := &peakHeap{done: make(chan struct{})}
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			p.max = max(p.max, s[0].Value.Uint64())
			select {
			case <-p.done:
				return
			case <-t.C:
			}
		}
	}()
	return p
}

// stop ends the sampling and returns the peak in MiB.
func (p *peakHeap) stop() float64 {
	close(p.done)
	p.wg.Wait()
	return float64(p.max) / (1 << 20)
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
