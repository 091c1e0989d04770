package output

import (
	"math"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// manyDataset is a hand-built dataset of nch live channels and npool
// pools over n one-hour intervals: channel c<i> is offered i+1 contacts an
// interval, pool p<i> schedules i+1 agents, and customers move from c<i> to
// c<j> i+j times.
func manyDataset(nch, npool, n int) *Dataset {
	ds := &Dataset{Meta: Meta{Replications: 1, HorizonSeconds: float64(n) * 3600, IntervalSeconds: 3600, Start: "mon"}}
	ds.Intervals = table(intervalCols)
	ds.Staffing = table(staffingCols)
	ds.Flows = table([]string{"from", "to", "moves"})
	for i := range nch {
		name := "c" + strconv.Itoa(i)
		ds.Meta.Channels = append(ds.Meta.Channels, ChannelMeta{Name: name, Kind: "live", WithinSecond: 20, Target: 0.8})
		for k := range n {
			ds.Intervals.Rows = append(ds.Intervals.Rows, []string{name, strconv.Itoa(k), "1", "mon", "", strconv.Itoa(k * 3600),
				strconv.Itoa(i + 1), "1", "0.75", "0.1", "30", "1"})
		}
		for j := range nch {
			if i != j {
				ds.Flows.Rows = append(ds.Flows.Rows, []string{name, "c" + strconv.Itoa(j), strconv.Itoa(i + j)})
			}
		}
	}
	for i := range npool {
		name := "p" + strconv.Itoa(i)
		ds.Meta.Pools = append(ds.Meta.Pools, PoolMeta{Name: name, Skills: []string{"c0"}, CostPerHour: 20})
		for k := range n {
			a := strconv.Itoa(i + 1)
			ds.Staffing.Rows = append(ds.Staffing.Rows, []string{name, strconv.Itoa(k), "1", "mon", "", strconv.Itoa(k * 3600),
				a, a, "1", "0.5", strconv.Itoa(20 * (i + 1)), "1"})
		}
	}
	ds.Customers = table([]string{"day", "weekday", "customers"}, []string{"1", "mon", "10"})
	ds.Daily = table([]string{"channel", "day", "weekday", "offered"})
	return ds
}

// TestChartsPastManyChannels: with more channels and pools than a chart
// draws one by one, every chart draws the heaviest and says how many it
// leaves out; the images stay small and whole.
func TestChartsPastManyChannels(t *testing.T) {
	const nch, npool = 100, 40
	ds := manyDataset(nch, npool, 6)
	want := map[string]string{
		"queue":         "With 100 channels, the chart draws the 24 with the most contacts offered and leaves out the other 76",
		"service-level": "With 100 channels, the chart draws the 24 with the most contacts offered and leaves out the other 76",
		"abandonment":   "With 100 channels, the chart draws the 24 with the most contacts offered and leaves out the other 76",
		"reputation":    "With 100 channels, the chart draws the 24 with the most contacts offered and leaves out the other 76",
		"occupancy":     "With 40 pools, the chart draws the 24 with the most agents scheduled and leaves out the other 16",
		"staffing":      "With 40 pools, the chart draws the 24 with the most agents scheduled and leaves out the other 16",
		"cost":          "With 40 pools, the 23 that cost the most have a bar each and the other 17 are stacked as one.",
		"flows":         `With 100 channels, only the 15 with the most moves in and out have a row and a column of their own; the other 85 are added up as "85 others"`,
	}
	for _, c := range checkCharts(t, ds, DefaultChartWidth, DefaultChartHeight) {
		if w, ok := want[c.Name]; ok && !strings.Contains(c.Note, w) {
			t.Errorf("%s: note %q\nwant it to say %q", c.Name, c.Note, w)
		}
		svg := string(render(t, c, "svg", DefaultChartWidth, DefaultChartHeight))
		if len(svg) > 1<<20 {
			t.Errorf("%s: %d bytes of SVG, want under 1 MB", c.Name, len(svg))
		}
		switch c.Name {
		case "service-level", "flows":
			// The heaviest channel is drawn, the lightest left out.
			if !strings.Contains(svg, ">c99") || strings.Contains(svg, ">c0<") || strings.Contains(svg, ">c0 (") {
				t.Errorf("%s: want c99 drawn and c0 left out", c.Name)
			}
		case "cost":
			if !strings.Contains(svg, ">17 other pools<") || !strings.Contains(svg, ">p39<") || strings.Contains(svg, ">p0<") {
				t.Errorf("cost: want p39 and 17 other pools in the legend, not p0")
			}
		}
	}
}

// TestFlowMatrixAddsTheOthersUp: past MaxFlowChannels the matrix keeps
// the channels with the most moves, in the scenario's order, adds the
// others up in its last row and column, and loses no move.
func TestFlowMatrixAddsTheOthersUp(t *testing.T) {
	ds := manyDataset(MaxFlowChannels+4, 0, 1)
	var names []string
	for _, ch := range ds.Meta.Channels {
		names = append(names, ch.Name)
	}
	fm := NewFlowMatrix(names, ds.Flows)
	if len(fm.Names) != MaxFlowChannels || fm.Names[0] != "c5" || fm.Names[MaxFlowChannels-2] != "c19" ||
		fm.Names[MaxFlowChannels-1] != "5 others" {
		t.Fatalf("names %v: want c5 … c19 and 5 others", fm.Names)
	}
	sum := 0.0
	for _, row := range fm.Moves {
		for _, v := range row {
			if !math.IsNaN(v) {
				sum += v
			}
		}
	}
	// Moves from c<i> to c<j> number i+j: over the 20 × 19 ordered pairs,
	// each channel is 19 times a source and 19 times a destination.
	want := 0.0
	for i := range MaxFlowChannels + 4 {
		want += 2 * 19 * float64(i)
	}
	if sum != want || fm.Total != want {
		t.Errorf("the matrix holds %v moves, total %v: want %v", sum, fm.Total, want)
	}
	// The others' corner counts moves among c0 … c4: 4 × (0+1+2+3+4) × 2.
	if got := fm.Moves[MaxFlowChannels-1][MaxFlowChannels-1]; got != 80 || fm.Diagonal(MaxFlowChannels-1, MaxFlowChannels-1) {
		t.Errorf("the others' corner holds %v, want 80 and not a diagonal cell", got)
	}
	small := NewFlowMatrix(names[:3], ds.Flows)
	if len(small.Names) != 3 || small.Others || small.Note != "" || !math.IsNaN(small.Moves[1][1]) || small.Moves[0][2] != 2 {
		t.Errorf("three channels: %+v, want the plain matrix", small)
	}
}

// TestFlowsChartMemoryIsBoundedInChannels: drawing the heat map of 500
// channels allocates no more than that of 16; before the heat map was
// capped it drew every one of the 250,000 cells with its number, and 2,000
// channels took 4.6 GB.
func TestFlowsChartMemoryIsBoundedInChannels(t *testing.T) {
	alloc := func(nch int) uint64 {
		ds := manyDataset(nch, 0, 1)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for _, c := range Charts(ds) {
			if c.Name == "flows" {
				render(t, c, "svg", DefaultChartWidth, DefaultChartHeight)
			}
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	few, many := alloc(MaxFlowChannels), alloc(500)
	t.Logf("charts of %d channels allocate %d kB, of 500 %d kB", MaxFlowChannels, few>>10, many>>10)
	// Reading 250,000 flow rows costs a little on its own (the moves kept
	// as numbers): allow 200 bytes a row, not a cell of text per pair
	// (before the cap, 9.3 GB in all).
	if limit := few + 250_000*200; many > limit {
		t.Errorf("charts of 500 channels allocate %d kB, want under %d kB", many>>10, limit>>10)
	}
}

// TestReportMovesPastManyChannels: the report's table of moves is as
// small as the heat map, and says so.
func TestReportMovesPastManyChannels(t *testing.T) {
	out := writeReportString(t, manyDataset(100, 2, 2), nil)
	for _, want := range []string{`<th>85 others</th>`, `the other 85 are added up as &#34;85 others&#34;, and flows.csv has every pair.`} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing from the report", want)
		}
	}
	if n := strings.Count(out, "<tr>"); n > 100*3+100 {
		t.Errorf("the report has %d rows: want one per channel and day, the moves' 16 and a few", n)
	}
}
