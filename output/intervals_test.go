package output

import (
	"bytes"
	"fmt"
	"reflect"
	"runtime"
	"testing"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/scenarios"
)

// TestIntervalsInParts: intervals.csv made in parts of any number of a
// channel's intervals (fillIntervals: each part's sums, half-widths and
// rows made on its own, on several goroutines) has the same bytes, and the
// same numbers and text in its kept columns, as made in one part a
// channel, for a single queue of several replications, several channels
// of every kind with targets, and one replication (no half-widths), held
// as cells and spooled.
// Seen to catch: a part's rows numbered from 0, not from its first
// interval; its half-widths read from the channel's first interval.
func TestIntervalsInParts(t *testing.T) {
	for _, c := range []struct {
		name string
		reps int
		sets []string
	}{
		{"textbook", 3, []string{"horizon=2d"}},
		{"baseline", 3, []string{"horizon=1d"}},
		{"baseline", 1, []string{"horizon=1d"}},
	} {
		r := builtinReport(t, c.name, c.reps, c.sets...)
		n := r.Config.Intervals()
		for _, kind := range tableKinds {
			cols := intervalsColumns()
			whole := kind.new(cols, intervalsNumbers, intervalsTexts, len(r.Config.Channels)*n)
			r.fillIntervals(whole, n)
			for _, per := range []int{1, 5, 17, n - 1} {
				parts := kind.new(cols, intervalsNumbers, intervalsTexts, len(r.Config.Channels)*n)
				r.fillIntervals(parts, per)
				sameTableEvery(t, fmt.Sprintf("%s, %d replications, %s, %d intervals a part", c.name, c.reps, kind.name, per),
					parts, whole, append(append([]string{}, intervalsNumbers...), intervalsTexts...), 1)
			}
		}
	}
}

// TestIntervalsPerPart: a channel's intervals are split into parts of at
// most maxPartRows, at least one interval each, and into about four parts
// a core in all when the channels are fewer.
func TestIntervalsPerPart(t *testing.T) {
	for _, c := range []struct{ channels, intervals, procs, want int }{
		{1, 336, 2, 42},    // the default run: eight parts
		{1, 336, 1, 84},    // four
		{3, 17520, 2, 974}, // the 365-day baseline: 18 parts of at most maxPartRows
		{1, 3, 8, 1},       // fewer intervals than parts wanted
		{40, 336, 2, 336},  // channels enough: one part each
		{1, 0, 2, 1},
	} {
		if got := intervalsPerPart(c.channels, c.intervals, c.procs); got != c.want {
			t.Errorf("intervalsPerPart(%d, %d, %d) = %d, want %d", c.channels, c.intervals, c.procs, got, c.want)
		}
	}
}

// TestChannelIntervalsInReused: channelIntervalsIn, in memory that held
// other tallies (longer, shorter, or none), gives channelIntervals' tallies.
func TestChannelIntervalsInReused(t *testing.T) {
	r := builtinReport(t, "baseline", 2, "horizon=1d")
	n := r.Config.Intervals()
	for i := range r.Config.Channels {
		for _, span := range [][2]int{{0, n}, {3, 40}, {n - 5, n}} {
			want := r.channelIntervals(i, span[0], span[1])
			for _, size := range []int{0, span[1] - span[0], n + 7} {
				buf := r.channelIntervals((i+1)%len(r.Config.Channels), 0, n)
				buf = append(buf, buf...)[:size:size] // dirty memory of other tallies
				if got := r.channelIntervalsIn(buf, i, span[0], span[1]); !reflect.DeepEqual(got, want) {
					t.Fatalf("channel %d, intervals %v, in a buffer of %d: not channelIntervals' tallies", i, span, size)
				}
			}
		}
	}
}

// TestStaffingInParts: staffing.csv made in parts of any number of a pool's
// intervals (fillStaffing, on several goroutines) has the same bytes, and
// the same numbers and text in its kept columns, as made in one part a
// pool, for a single queue and for several pools sharing channels, of
// several replications and of one, held as cells and spooled.
func TestStaffingInParts(t *testing.T) {
	for _, c := range []struct {
		name string
		reps int
		sets []string
	}{
		{"textbook", 3, []string{"horizon=2d"}},
		{"baseline", 3, []string{"horizon=1d"}},
		{"baseline", 1, []string{"horizon=2d"}},
	} {
		r := builtinReport(t, c.name, c.reps, c.sets...)
		n := r.Config.Intervals()
		for _, kind := range tableKinds {
			intervals := r.intervalsTable(kind.new)
			cols := []string{"pool", "interval", "day", "weekday", "time", "start_seconds",
				"scheduled", "available", "busy", "occupancy", "cost", "needed_agents"}
			whole := kind.new(cols, staffingNumbers, staffingTexts, len(r.Config.Pools)*n)
			r.fillStaffing(whole, intervals, n)
			if whole.Len() != len(r.Config.Pools)*n {
				t.Fatalf("%s: %d rows, want %d", c.name, whole.Len(), len(r.Config.Pools)*n)
			}
			for _, per := range []int{1, 5, 17, n - 1} {
				parts := kind.new(cols, staffingNumbers, staffingTexts, len(r.Config.Pools)*n)
				r.fillStaffing(parts, intervals, per)
				sameTableEvery(t, fmt.Sprintf("%s, %d replications, %s, %d intervals a part", c.name, c.reps, kind.name, per),
					parts, whole, append(append([]string{}, staffingNumbers...), staffingTexts...), 1)
			}
		}
	}
}

// TestDatasetWhateverProcs: a TextDataset's tables (intervals.csv and
// staffing.csv made in parts on every core, the others on a goroutine of
// their own beside them) have the same bytes on 1, 2, 3 and 8 cores, for
// several channels and pools of one replication and for word of mouth
// (expectation.csv) of several.
func TestDatasetWhateverProcs(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, c := range []struct {
		name string
		reps int
		sets []string
	}{
		{"baseline", 1, []string{"horizon=3d"}},
		{"word-of-mouth", 3, []string{"horizon=2d"}},
	} {
		r := builtinReport(t, c.name, c.reps, c.sets...)
		var want []string
		for _, procs := range []int{1, 2, 3, 8} {
			runtime.GOMAXPROCS(procs)
			ds := r.TextDataset("test")
			var got []string
			for _, tb := range []*CSVTable{ds.Intervals, ds.Daily, ds.Customers, ds.Staffing, ds.Flows, ds.Expectation, ds.Totals, ds.Claims} {
				var b bytes.Buffer
				if tb != nil {
					if err := tb.WriteCSV(&b); err != nil {
						t.Fatal(err)
					}
				}
				got = append(got, b.String())
			}
			if want == nil {
				want = got
				continue
			}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("%s on %d cores: table %d differs from one core's", c.name, procs, i)
				}
			}
		}
	}
}

// builtinReport runs reps replications of the built-in scenario name with
// sets and returns their report.
func builtinReport(t *testing.T, name string, reps int, sets ...string) *RunReport {
	t.Helper()
	sc, err := scenarios.Open(name, sets)
	if err != nil {
		t.Fatal(err)
	}
	results, err := experiment.Run{Config: &sc.Config, Reps: experiment.Span(0, reps)}.Results()
	if err != nil {
		t.Fatal(err)
	}
	return NewRunReport(sc.Name, sc.Title, sc.File, &sc.Config, results)
}

// tableKinds are the ways a run's per-interval tables are held: as cells,
// and spooled to a file (NewSpooledTable).
var tableKinds = []struct {
	name string
	new  func(cols, numbers, texts []string, rows int) *CSVTable
}{
	{"cells", func(cols, _, _ []string, _ int) *CSVTable { return &CSVTable{Columns: cols} }},
	{"spooled", NewSpooledTable},
}
