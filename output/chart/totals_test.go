package chart

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/omnisim/omnisim/output"
)

// totalSeriesMaps is totalSeries as first written, with three maps grown
// as they fill: the reference TestTotalSeriesAsMaps holds it to.
func totalSeriesMaps(t *output.CSVTable, col string, tl timeline) series {
	sums := map[float64]float64{}
	counts := map[float64]int{}
	var starts []float64
	for i := range t.Len() {
		start := rowStart(t, i, tl.interval)
		if !output.Finite(start) {
			continue
		}
		if _, ok := counts[start]; !ok {
			starts = append(starts, start)
			counts[start] = 0
		}
		if v := t.Float(i, col); output.Finite(v) {
			sums[start] += v
			counts[start]++
		}
	}
	slices.Sort(starts)
	var s series
	for _, start := range starts {
		v := math.NaN()
		if counts[start] > 0 {
			v = sums[start]
		}
		s.add(start, v)
		s.add(tl.end(start), v)
	}
	return s
}

// TestTotalSeriesAsMaps: totalSeries, one look-up a row in a map made at
// once, gives the same points, the same bits, as with three maps grown as
// they fill, for tables of 1 to 5 pools whose rows come pool by pool or
// shuffled, with figures missing (NaN where no pool has one), fractions
// whose sums depend on their order, and starts read from the interval's
// number where start_seconds is empty; on the grid of whole intervals
// (totalSeriesOnGrid) and off it, with negative zero and negative starts.
// Seen to catch: a sum read from another interval's slot.
func TestTotalSeriesAsMaps(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	tl := timeline{horizon: 86400, interval: 1800}
	for trial := range 80 {
		tab := &output.CSVTable{Columns: []string{"pool", "interval", "start_seconds", "available"}}
		pools, intervals := 1+trial%5, 1+rng.IntN(48)
		for p := range pools {
			for k := range intervals {
				start := strconv.Itoa(k * 1800)
				if rng.IntN(7) == 0 {
					start = ""
				}
				if trial >= 20 && rng.IntN(10) == 0 {
					// Off the grid of whole intervals (totalSeriesByMap),
					// negative zero, before the start.
					start = []string{strconv.Itoa(k*1800 + 900), "-0", "-1800", "0.5"}[trial%4]
				}
				v := strconv.FormatFloat(rng.Float64()*float64(rng.IntN(30)), 'g', 9, 64)
				if rng.IntN(4) == 0 {
					v = ""
				}
				tab.Rows = append(tab.Rows, []string{"p" + strconv.Itoa(p), strconv.Itoa(k), start, v})
			}
		}
		if trial%2 == 1 {
			rng.Shuffle(len(tab.Rows), func(i, j int) { tab.Rows[i], tab.Rows[j] = tab.Rows[j], tab.Rows[i] })
		}
		got, want := totalSeries(tab, "available", tl), totalSeriesMaps(tab, "available", tl)
		if got.Len() != want.Len() {
			t.Fatalf("trial %d: %d points, want %d", trial, got.Len(), want.Len())
		}
		for i := range want.X {
			if math.Float64bits(got.X[i]) != math.Float64bits(want.X[i]) || math.Float64bits(got.Y[i]) != math.Float64bits(want.Y[i]) {
				t.Errorf("trial %d, point %d: (%v, %v), want (%v, %v)", trial, i, got.X[i], got.Y[i], want.X[i], want.Y[i])
			}
		}
	}
}

// BenchmarkTotalSeries adds a 365-day run's staffing up over 3 pools, as
// the staffing chart does for each of its three lines: a spooled table
// (output.NewSpooledTable) whose starts and figures are kept in memory.
func BenchmarkTotalSeries(b *testing.B) {
	const pools, intervals = 3, 17520
	tab := staffingOf(pools, intervals)
	tl := timeline{horizon: intervals * 1800, interval: 1800}
	for b.Loop() {
		totalSeries(tab, "available", tl)
	}
}

// staffingOf returns a spooled table of pools pools' staffing over
// intervals half hours, pool by pool.
func staffingOf(pools, intervals int) *output.CSVTable {
	cols := []string{"pool", "interval", "start_seconds", "available"}
	tab := output.NewSpooledTable(cols, []string{"start_seconds", "available"}, []string{"pool"}, pools*intervals)
	rb := tab.Builder()
	for p := range pools {
		for k := range intervals {
			rb.Text("p" + strconv.Itoa(p))
			rb.Text(strconv.Itoa(k))
			rb.Num(float64(k * 1800))
			rb.Num(float64(k%48) / 3)
			rb.End()
		}
	}
	return tab
}
