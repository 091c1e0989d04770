package chart

import (
	"bytes"
	"flag"
	"fmt"
	"image/color"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
	"github.com/omnisim/omnisim/scenarios"

	"gonum.org/v1/plot/plotter"
)

// gallery, when set, is a folder to draw every chart of the built-in
// scenarios into, to look at them: go test ./output/chart -run TestChartGallery
// -gallery /tmp/charts.
var (
	gallery     = flag.String("gallery", "", "draw the built-in scenarios' charts into this folder")
	gallerySize = flag.String("gallery.size", "1200x600", "the size of the gallery's charts, in pixels")
)

// chartNames are the charts Run promises, in report order.
var chartNames = []string{"queue", "service-level", "abandonment", "occupancy", "expectations", "reputation", "flows", "staffing", "cost"}

// builtinDataset runs a built-in scenario with few replications and returns
// its dataset.
func builtinDataset(t testing.TB, name string, reps int, sets ...string) *output.Dataset {
	t.Helper()
	sc, err := scenarios.Open(name, sets)
	if err != nil {
		t.Fatal(err)
	}
	results, err := experiment.Run{Config: &sc.Config, Reps: experiment.Span(0, reps)}.Results()
	if err != nil {
		t.Fatal(err)
	}
	r := output.NewRunReport(sc.Name, sc.Title, sc.File, &sc.Config, results)
	return r.Dataset("test")
}

// goldenDataset is the dataset of the report tests' world: three channels
// (live, live, deferred), two pools, word of mouth, over two days, from
// arithmetic rather than simulation.
func goldenDataset() *output.Dataset {
	cfg := fixture.GoldenWorld()
	return output.NewRunReport("golden", "t", "f", cfg, fixture.FakeResults(cfg, 2)).Dataset("test")
}

// render draws a chart and fails the test on an error.
func render(t *testing.T, c Chart, format string, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := c.Render(&b, format, w, h); err != nil {
		t.Fatalf("%s.%s: %v", c.Name, format, err)
	}
	return b.Bytes()
}

// checkCharts renders every chart of ds in both formats at a size and
// checks the images.
func checkCharts(t *testing.T, ds *output.Dataset, w, h int) []Chart {
	t.Helper()
	charts := Run(ds)
	var names []string
	for _, c := range charts {
		names = append(names, c.Name)
		if c.Title == "" || c.Note == "" {
			t.Errorf("%s: title %q, note %q: want both", c.Name, c.Title, c.Note)
		}
		fixture.CheckPNG(t, c.Name+".png", render(t, c, "png", w, h), w, h)
		fixture.CheckSVG(t, c.Name+".svg", render(t, c, "svg", w, h), w, h)
	}
	if !slices.Equal(names, chartNames) {
		t.Errorf("charts %v, want %v", names, chartNames)
	}
	return charts
}

// TestChartsRender: every chart renders in both formats at the size asked
// for, and is not blank.
func TestChartsRender(t *testing.T) {
	ds := goldenDataset()
	for _, size := range [][2]int{{DefaultWidth, DefaultHeight}, {640, 480}, {1600, 1000}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			charts := checkCharts(t, ds, size[0], size[1])
			for _, c := range charts {
				fig, err := c.build(frame{width: 900, height: 450})
				if err != nil {
					t.Fatal(err)
				}
				if slices.ContainsFunc(fig.notes, func(n string) bool { return n != "" }) {
					t.Errorf("%s: drawn empty (%q), but the golden world has data for it", c.Name, fig.notes)
				}
			}
		})
	}
}

// TestChartsBuiltin draws the charts of real runs of built-in scenarios,
// shortened.
func TestChartsBuiltin(t *testing.T) {
	if testing.Short() {
		t.Skip("runs simulations")
	}
	for _, name := range []string{"phone-day", "word-of-mouth"} {
		t.Run(name, func(t *testing.T) {
			ds := builtinDataset(t, name, 2, "horizon=3d")
			checkCharts(t, ds, DefaultWidth, DefaultHeight)
		})
	}
}

// TestChartsSmallRuns draws the charts of short real runs at the edges:
// zero agents, a single interval, a channel nobody chooses.
func TestChartsSmallRuns(t *testing.T) {
	tests := []struct {
		name     string
		scenario string
		sets     []string
		empty    []string
	}{
		{"zero agents", "textbook", []string{"horizon=4h", "warmup=0s", "pools.agents.agents=0"},
			[]string{"occupancy", "expectations", "flows", "cost"}},
		{"one interval", "textbook", []string{"horizon=30m", "warmup=0s"},
			[]string{"expectations", "flows", "cost"}},
		{"word of mouth, one day", "word-of-mouth", []string{"horizon=1d", "warmup=0s"}, []string{"cost"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := builtinDataset(t, tt.scenario, 1, tt.sets...)
			for _, c := range checkCharts(t, ds, 900, 500) {
				fig, err := c.build(frame{width: 675, height: 375})
				if err != nil {
					t.Fatal(err)
				}
				empty := len(fig.panels) == 1 && fig.notes[0] != ""
				if want := slices.Contains(tt.empty, c.Name); empty != want {
					t.Errorf("%s: drawn empty %v, want %v (note %q)", c.Name, empty, want, c.Note)
				}
			}
		})
	}
}

// TestChartGallery draws the built-in scenarios' charts into -gallery.
func TestChartGallery(t *testing.T) {
	if *gallery == "" {
		t.Skip("no -gallery folder")
	}
	var w, h int
	if _, err := fmt.Sscanf(*gallerySize, "%dx%d", &w, &h); err != nil {
		t.Fatalf("-gallery.size %q: %v", *gallerySize, err)
	}
	sets := map[string]*output.Dataset{"golden": goldenDataset(), "degenerate": degenerate(24), "empty": {}}
	for _, info := range scenarios.Builtins() {
		sets[info.Name] = builtinDataset(t, info.Name, 3)
	}
	sets["zero-agents"] = builtinDataset(t, "textbook", 1, "horizon=4h", "warmup=0s", "pools.agents.agents=0")
	sets["one-interval"] = builtinDataset(t, "textbook", 1, "horizon=30m", "warmup=0s")
	for name, ds := range sets {
		dir := filepath.Join(*gallery, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, c := range Run(ds) {
			for _, format := range Formats {
				b := render(t, c, format, w, h)
				if err := os.WriteFile(filepath.Join(dir, c.Name+"."+format), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// degenerate returns a hand-built dataset of n one-hour intervals: phone
// with figures, email with none (no contacts), one pool.
func degenerate(n int) *output.Dataset {
	ds := &output.Dataset{Meta: output.Meta{Replications: 1, HorizonSeconds: float64(n) * 3600, IntervalSeconds: 3600, Start: "mon",
		Channels: []output.ChannelMeta{{Name: "phone", Kind: "live", WithinSecond: 20, Target: 0.8}, {Name: "email", Kind: "deferred"}},
		Pools:    []output.PoolMeta{{Name: "agents", Skills: []string{"phone", "email"}, CostPerHour: 20}}}}
	ds.Intervals = fixture.TableOf(fixture.IntervalCols)
	ds.Staffing = fixture.TableOf(fixture.StaffingCols)
	for k := range n {
		start := strconv.Itoa(k * 3600)
		ds.Intervals.Rows = append(ds.Intervals.Rows,
			[]string{"phone", strconv.Itoa(k), "1", "mon", "", start, "10", "2", "0.75", "0.1", "30", "3"},
			[]string{"email", strconv.Itoa(k), "1", "mon", "", start, "0", "0", "", "", "", "0"})
		ds.Staffing.Rows = append(ds.Staffing.Rows, []string{"agents", strconv.Itoa(k), "1", "mon", "", start, "3", "3", "2", "0.66", "60", "3"})
	}
	ds.Customers = fixture.TableOf([]string{"day", "weekday", "customers"}, []string{"1", "mon", "10"})
	ds.Daily = fixture.TableOf([]string{"channel", "day", "weekday", "offered"})
	ds.Flows = fixture.TableOf([]string{"from", "to", "moves"}, []string{"phone", "email", "1"}, []string{"email", "phone", "0"})
	return ds
}

// TestChartsDegenerate: runs with little or nothing to show still draw
// every chart, empty ones with a note saying why.
func TestChartsDegenerate(t *testing.T) {
	tests := []struct {
		name string
		ds   func() *output.Dataset
		// empty are the charts that must be drawn empty.
		empty []string
	}{
		{"email without contacts", func() *output.Dataset { return degenerate(24) }, []string{"expectations"}},
		{"one interval", func() *output.Dataset { return degenerate(1) }, []string{"expectations"}},
		{"zero agents", func() *output.Dataset {
			ds := degenerate(24)
			for _, row := range ds.Staffing.Rows {
				row[6], row[7], row[8], row[9], row[10] = "0", "0", "0", "", "0"
			}
			return ds
		}, []string{"occupancy", "cost", "expectations"}},
		{"no flows", func() *output.Dataset {
			ds := degenerate(24)
			ds.Flows = fixture.TableOf([]string{"from", "to", "moves"})
			return ds
		}, []string{"flows", "expectations"}},
		{"all NaN", func() *output.Dataset {
			ds := degenerate(3)
			for _, row := range ds.Intervals.Rows {
				for j := 6; j < len(row); j++ {
					row[j] = ""
				}
			}
			for _, row := range ds.Staffing.Rows {
				for j := 6; j < len(row); j++ {
					row[j] = "NaN"
				}
			}
			ds.Flows.Rows[0][2], ds.Flows.Rows[1][2] = "", ""
			ds.Expectation = fixture.TableOf([]string{"interval", "start_seconds", "level", "patience_factor"},
				[]string{"0", "0", "", ""})
			ds.Meta.WordOfMouth = true
			return ds
		}, chartNames},
		{"single channel, no pools", func() *output.Dataset {
			ds := degenerate(5)
			ds.Meta.Channels = ds.Meta.Channels[:1]
			ds.Meta.Pools = nil
			ds.Staffing = fixture.TableOf(fixture.StaffingCols)
			return ds
		}, []string{"occupancy", "expectations", "flows", "staffing", "cost"}},
		{"no meta", func() *output.Dataset {
			ds := degenerate(4)
			ds.Meta = output.Meta{}
			return ds
		}, []string{"expectations"}},
		{"nothing at all", func() *output.Dataset { return &output.Dataset{} }, chartNames},
		{"nil", func() *output.Dataset { return nil }, chartNames},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			charts := checkCharts(t, tt.ds(), 800, 400)
			for _, c := range charts {
				fig, err := c.build(frame{width: 600, height: 300})
				if err != nil {
					t.Fatal(err)
				}
				empty := slices.ContainsFunc(fig.notes, func(n string) bool { return n != "" }) && len(fig.panels) == 1
				if want := slices.Contains(tt.empty, c.Name); empty != want {
					t.Errorf("%s: drawn empty %v, want %v (note %q)", c.Name, empty, want, c.Note)
				}
			}
		})
	}
}

// TestChartNotesNameEmptyChannels: a channel with no contacts is named in
// the note and marked in the legend, not silently left out.
func TestChartNotesNameEmptyChannels(t *testing.T) {
	for _, c := range Run(degenerate(24)) {
		if c.Name != "service-level" {
			continue
		}
		if !strings.Contains(c.Note, "No contacts on email.") {
			t.Errorf("note %q does not say email had no contacts", c.Note)
		}
		fig, err := c.build(frame{width: 900, height: 450})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(fig.legend, func(it legendItem) bool { return it.name == "email (no data)" }) {
			t.Errorf("legend %v lacks email (no data)", fig.legend)
		}
	}
}

// TestChartsWithoutWordOfMouth: without word of mouth the expectations
// chart says so.
func TestChartsWithoutWordOfMouth(t *testing.T) {
	ds := goldenDataset()
	ds.Expectation, ds.Meta.WordOfMouth = nil, false
	for _, c := range Run(ds) {
		if c.Name == "expectations" && c.Note != "Word of mouth is off in this run: the expectation level stays at 0 and patience is unchanged." {
			t.Errorf("expectations note %q", c.Note)
		}
	}
	checkCharts(t, ds, 600, 300)
}

// TestChartColours: a channel has the same colour in every chart that
// shows it, and a pool too: its position's in the palette.
func TestChartColours(t *testing.T) {
	ds := goldenDataset()
	channels, pools := map[string]color.Color{}, map[string]color.Color{}
	for i, ch := range ds.Meta.Channels {
		channels[ch.Name] = channelColor(i)
	}
	for i, p := range ds.Meta.Pools {
		pools[p.Name] = poolColor(i)
	}
	seen := map[string]int{}
	for _, c := range Run(ds) {
		fig, err := c.build(frame{width: 900, height: 450})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range fig.legend {
			name, _, _ := strings.Cut(it.name, " (")
			want, ok := channels[name]
			if c.Name == "occupancy" || c.Name == "staffing" || c.Name == "cost" {
				want, ok = pools[name]
			}
			if !ok {
				continue
			}
			seen[name]++
			if it.color != want {
				t.Errorf("%s: %s is %v, want %v", c.Name, name, it.color, want)
			}
		}
	}
	if seen["phone"] < 4 || seen["front"] < 3 {
		t.Errorf("channels and pools found in legends: %v; want phone in at least 4 charts, pool front in 3", seen)
	}
	if channelColor(0) == channelColor(1) || channelColor(0) == poolColor(0) {
		t.Error("palettes repeat a colour")
	}
	if a, b := channelStyle(0), channelStyle(len(channelPalette)); a.Color != b.Color || len(b.Dashes) == 0 {
		t.Error("a channel beyond the palette should repeat its colour with dashes")
	}
}

// TestRenderConcurrently: a chart can be rendered from several goroutines
// at once (run with -race): each rendering lays the chart out anew.
func TestRenderConcurrently(t *testing.T) {
	charts := Run(goldenDataset())
	done := make(chan error)
	for _, c := range charts {
		for _, format := range Formats {
			go func() { done <- c.Render(io.Discard, format, 400, 300) }()
		}
	}
	for range 2 * len(charts) {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// TestRenderErrors: bad formats and sizes are errors, not panics.
func TestRenderErrors(t *testing.T) {
	c := Run(goldenDataset())[0]
	for _, tt := range []struct {
		format string
		w, h   int
	}{{"gif", 800, 600}, {"png", 0, 600}, {"svg", 800, -1}, {"png", MaxPixels + 1, 600}} {
		if err := c.Render(&bytes.Buffer{}, tt.format, tt.w, tt.h); err == nil {
			t.Errorf("Render(%q, %d, %d): no error", tt.format, tt.w, tt.h)
		}
	}
	if err := (Chart{Name: "x"}).Render(&bytes.Buffer{}, "png", 800, 600); err == nil {
		t.Error("a zero Chart rendered")
	}
	if b := render(t, c, "PNG", 300, 200); len(b) == 0 {
		t.Error("format names are not case-sensitive")
	}
}

// TestTimeTicks: day boundaries are labelled "Mon 1", hours on short runs,
// and labels never exceed the room given.
func TestTimeTicks(t *testing.T) {
	tl := timeline{start: models.Friday, named: true, horizon: 2 * 86400, interval: 3600}
	tests := []struct {
		name     string
		lo, hi   float64
		max      int
		contains []string
	}{
		{"half an hour", 0, 1800, 12, []string{"Fri 1", "00:15", "00:30"}},
		{"a day", 0, 86400, 12, []string{"Fri 1", "06:00", "12:00", "Sat 2"}},
		{"two days", 0, 2 * 86400, 10, []string{"Fri 1", "Sat 2", "Sun 3"}},
		{"a week", 0, 7 * 86400, 10, []string{"Fri 1", "Mon 4", "Thu 7"}},
		{"four weeks", 0, 28 * 86400, 10, []string{"Fri 1", "Fri 8", "Fri 29"}},
	}
	for _, tt := range tests {
		ticks := timeTicks{tl: tl, maxLabels: tt.max}.Ticks(tt.lo, tt.hi)
		var labels []string
		for _, tk := range ticks {
			if tk.Label != "" {
				labels = append(labels, tk.Label)
			}
		}
		if len(labels) > tt.max+1 {
			t.Errorf("%s: %d labels for room for %d: %v", tt.name, len(labels), tt.max, labels)
		}
		for _, want := range tt.contains {
			if !slices.Contains(labels, want) {
				t.Errorf("%s: labels %v lack %q", tt.name, labels, want)
			}
		}
	}
	if got := (timeline{}).dayLabel(2); got != "Day 3" {
		t.Errorf("unknown weekday: %q, want Day 3", got)
	}
}

// TestSeriesRuns: NaN splits a series into runs; a lone point is a dot.
func TestSeriesRuns(t *testing.T) {
	nan := math.NaN()
	s := series{X: []float64{0, 1, 2, 3, 4, 5}, Y: []float64{1, 2, nan, 3, nan, nan}}
	runs := s.runs()
	if len(runs) != 2 || runs[0].Len() != 2 || runs[1].Len() != 1 {
		t.Fatalf("runs %v", runs)
	}
	ps, err := s.plotters(channelStyle(0), 0)
	if err != nil || len(ps) != 1 {
		t.Fatalf("plotters: %d, %v; want one paddedLine", len(ps), err)
	}
	if parts := ps[0].(*paddedLine).parts; len(parts) != 2 {
		t.Errorf("%d parts, want a line and a dot", len(parts))
	} else if _, ok := parts[1].(*plotter.Scatter); !ok {
		t.Errorf("the lone point is a %T, want a dot", parts[1])
	}
	if _, err := (series{X: []float64{0}, Y: []float64{nan}}).plotters(channelStyle(0), 0); err != errNoData {
		t.Errorf("all NaN: %v, want errNoData", err)
	}
}

// TestSeriesThin: a long run keeps, per pixel column, its first, lowest,
// highest and last points, in order; a short one is kept whole.
func TestSeriesThin(t *testing.T) {
	var s series
	for i := range 10000 {
		// A sawtooth with one spike: the spike must survive.
		y := float64(i % 7)
		if i == 5003 {
			y = 100
		}
		s.add(float64(i), y)
	}
	const columns = 100
	th := s.thin(columns)
	if th.Len() > 4*columns || th.Len() < 2*columns {
		t.Fatalf("%d points, want from %d to %d", th.Len(), 2*columns, 4*columns)
	}
	if th.X[0] != 0 || th.X[th.Len()-1] != 9999 {
		t.Errorf("ends %v, %v: want the run's, 0 and 9999", th.X[0], th.X[th.Len()-1])
	}
	if lo, hi := th.yRange(); lo != 0 || hi != 100 {
		t.Errorf("y range %v..%v, want 0..100: the extremes are kept", lo, hi)
	}
	if !slices.IsSorted(th.X) {
		t.Error("points out of order")
	}
	// Every column but its first and last points holds a 0 and a 6.
	for col := range columns {
		var ys []float64
		for i, x := range th.X {
			if int(x)/100 == col {
				ys = append(ys, th.Y[i])
			}
		}
		if !slices.Contains(ys, 0) || slices.Max(ys) < 6 {
			t.Errorf("column %d keeps %v: want its lowest (0) and highest (≥ 6)", col, ys)
			break
		}
	}
	if short := s.thin(5000); short.Len() != s.Len() {
		t.Errorf("thin(5000) of 10,000 points: %d, want them all", short.Len())
	}
	if all := s.thin(0); all.Len() != s.Len() {
		t.Errorf("thin(0): %d points, want them all", all.Len())
	}
}

// TestSeriesPieces: pieces cover the run, each starting where the one
// before ended.
func TestSeriesPieces(t *testing.T) {
	var s series
	for i := range 300 {
		s.add(float64(i), float64(i*i))
	}
	ps := s.pieces(128)
	if len(ps) != 3 {
		t.Fatalf("%d pieces, want 3", len(ps))
	}
	for i, p := range ps {
		if p.Len() > 128 {
			t.Errorf("piece %d has %d points", i, p.Len())
		}
		if i > 0 && p.X[0] != ps[i-1].X[ps[i-1].Len()-1] {
			t.Errorf("piece %d starts at %v, not where piece %d ended", i, p.X[0], i-1)
		}
	}
	if last := ps[len(ps)-1]; last.X[last.Len()-1] != 299 {
		t.Errorf("the pieces end at %v, want 299", last.X[last.Len()-1])
	}
	if one := s.pieces(300); len(one) != 1 {
		t.Errorf("pieces(300) of 300 points: %d pieces, want 1", len(one))
	}
}

// BenchmarkChartsLongRun draws every chart of a 200-day run (9,600 half
// hours) as PNG and SVG at the default size.
func BenchmarkChartsLongRun(b *testing.B) {
	ds := builtinDataset(b, "textbook", 1, "horizon=200d")
	charts := Run(ds)
	b.ResetTimer()
	for b.Loop() {
		for _, c := range charts {
			for _, f := range Formats {
				if err := c.Render(io.Discard, f, DefaultWidth, DefaultHeight); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}
