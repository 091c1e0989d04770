package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// fakeSweep makes a sweep of goldenWorld over the given values of one or
// two settings (the second's values, if any, in values2), with reps fake
// replications per point. Point p's results are scaled so that the
// figures differ between points.
func fakeSweep(t *testing.T, reps int, chosen []string, values1 []string, values2 ...string) *SweepReport {
	t.Helper()
	params := []string{"pools.front.agents"}
	var values [][]string
	for _, a := range values1 {
		if len(values2) == 0 {
			values = append(values, []string{a})
			continue
		}
		for _, b := range values2 {
			values = append(values, []string{a, b})
		}
	}
	if len(values2) > 0 {
		params = append(params, "journey.retry")
	}
	var cfgs []*models.Config
	var results [][]*models.Result
	for p := range values {
		cfg := goldenWorld()
		cfgs = append(cfgs, cfg)
		res := fakeResults(cfg, reps)
		for _, r := range res {
			r.Channels[0].Total.AnsweredWithin -= int64(p)
		}
		results = append(results, res)
	}
	r, err := NewSweepReport("golden", "a sweep", "f", params, values, cfgs, results, chosen)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestSweepChartsRender(t *testing.T) {
	r := fakeSweep(t, 3, nil, []string{"1", "2", "4"}, "0.3", "0.5")
	charts := SweepCharts(r)
	var names []string
	for _, c := range charts {
		names = append(names, c.Name)
		if c.Title == "" || c.Note == "" {
			t.Errorf("%s: title %q, note %q: want both", c.Name, c.Title, c.Note)
		}
		checkPNG(t, c.Name+".png", render(t, c, "png", DefaultChartWidth, DefaultChartHeight), DefaultChartWidth, DefaultChartHeight)
		checkSVG(t, c.Name+".svg", render(t, c, "svg", 800, 500), 800, 500)
	}
	want := []string{"phone.service_level", "phone.p_abandon", "chat.service_level", "chat.p_abandon", "email.service_level",
		"customers.contacts_per_resolution", "cost"}
	if !slices.Equal(names, want) {
		t.Errorf("charts %v, want %v", names, want)
	}
	sl := charts[0]
	if !strings.Contains(sl.Title, "against pools.front.agents, by journey.retry") {
		t.Errorf("title %q", sl.Title)
	}
	if !strings.Contains(sl.Note, "mean over 3 replications; the bars are 95 % confidence intervals") ||
		!strings.Contains(sl.Note, "seed 7 (common random numbers)") {
		t.Errorf("note %q", sl.Note)
	}
}

// TestSweepChartsDegenerate: sweeps with little to show are drawn, and
// their notes say what is missing, instead of failing or inventing.
func TestSweepChartsDegenerate(t *testing.T) {
	check := func(t *testing.T, c Chart) {
		t.Helper()
		checkPNG(t, c.Name, render(t, c, "png", 640, 400), 640, 400)
		checkSVG(t, c.Name, render(t, c, "svg", 640, 400), 640, 400)
	}
	t.Run("one point, one replication", func(t *testing.T) {
		r := fakeSweep(t, 1, []string{"phone.service_level"}, []string{"3"})
		c := SweepCharts(r)[0]
		check(t, c)
		if !strings.Contains(c.Note, "single replication, so it has no confidence interval") {
			t.Errorf("note %q", c.Note)
		}
	})
	t.Run("no data at some points", func(t *testing.T) {
		r := fakeSweep(t, 2, []string{"phone.asa_seconds"}, []string{"1", "2", "3", "4"})
		// Nobody called at points 2 and 4: the figure is undefined there.
		for _, p := range []int{1, 3} {
			for _, res := range r.Points[p].Results {
				res.Channels[0].Total = models.Counts{}
			}
		}
		r = rebuild(t, r)
		if e := r.Estimate(1, r.Chosen[0]); !math.IsNaN(e.Mean) {
			t.Fatalf("point 2: got %v, want NaN", e.Mean)
		}
		c := SweepCharts(r)[0]
		check(t, c)
		if !strings.Contains(c.Note, "No data (left out) at pools.front.agents=2; pools.front.agents=4.") {
			t.Errorf("note %q", c.Note)
		}
	})
	t.Run("no data anywhere", func(t *testing.T) {
		r := fakeSweep(t, 2, []string{"phone.asa_seconds"}, []string{"1", "2"})
		for p := range r.Points {
			for _, res := range r.Points[p].Results {
				res.Channels[0].Total = models.Counts{}
			}
		}
		c := SweepCharts(rebuild(t, r))[0]
		check(t, c)
		if !strings.Contains(c.Note, "No data (left out) at pools.front.agents=1; pools.front.agents=2.") {
			t.Errorf("note %q", c.Note)
		}
	})
	t.Run("values that are not numbers", func(t *testing.T) {
		r := fakeSweep(t, 2, []string{"cost"}, []string{"2m", "5m", "never"})
		ax := newSweepAxis(r)
		if ax.numeric || !slices.Equal(ax.x, []float64{0, 1, 2}) {
			t.Errorf("axis: numeric %v at %v, want categories at 0, 1, 2", ax.numeric, ax.x)
		}
		check(t, SweepCharts(r)[0])
	})
	t.Run("more lines than drawn", func(t *testing.T) {
		var many []string
		for i := range 12 {
			many = append(many, fmt.Sprint(i))
		}
		r := fakeSweep(t, 2, []string{"phone.service_level"}, []string{"1", "2"}, many...)
		c := SweepCharts(r)[0]
		check(t, c)
		if !strings.Contains(c.Note, "Only the first 10 of 12 lines are drawn; sweep.csv holds every point.") {
			t.Errorf("note %q", c.Note)
		}
	})
}

// rebuild merges r's points' results again, after a test changed them.
func rebuild(t *testing.T, r *SweepReport) *SweepReport {
	t.Helper()
	var values [][]string
	var cfgs []*models.Config
	var results [][]*models.Result
	for _, p := range r.Points {
		values, cfgs, results = append(values, p.Values), append(cfgs, p.Config), append(results, p.Results)
	}
	var chosen []string
	for _, f := range r.Chosen {
		chosen = append(chosen, r.Figures[f].Key)
	}
	out, err := NewSweepReport(r.Name, r.Title, r.File, r.Params, values, cfgs, results, chosen)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSweepFigures(t *testing.T) {
	r := fakeSweep(t, 2, []string{"email.*", "cost", "pools.back.cost", "email.offered"}, []string{"1"})
	var keys []string
	for _, f := range r.Chosen {
		keys = append(keys, r.Figures[f].Key)
	}
	if len(keys) != len(models.Figures)+2 || keys[0] != "email.offered" || keys[len(keys)-1] != "pools.back.cost" {
		t.Errorf("chosen %v", keys)
	}
	// The total cost is the mean over replications of the pools' costs
	// added up, and its half-width theirs.
	var costs []float64
	for _, res := range r.Points[0].Results {
		costs = append(costs, res.Pools[0].Total.Cost+res.Pools[1].Total.Cost)
	}
	want := meanCI(costs)
	if got := r.Estimate(0, slices.IndexFunc(r.Figures, func(f SweepFigure) bool { return f.Key == "cost" })); got != want {
		t.Errorf("cost: got %v, want %v", got, want)
	}
	for _, bad := range [][]string{{"phone.service_levle"}, {"nothing.*"}} {
		_, err := NewSweepReport("g", "", "", []string{"a"}, [][]string{{"1"}}, []*models.Config{goldenWorld()}, [][]*models.Result{nil}, bad)
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("no figure %q in this scenario", bad[0])) {
			t.Errorf("%v: got %v", bad, err)
		}
	}
	seen := map[string]bool{}
	for _, f := range r.Figures {
		if seen[f.Key] {
			t.Errorf("key %s twice", f.Key)
		}
		seen[f.Key] = true
	}
}

func TestSweepCSVAndFolder(t *testing.T) {
	r := fakeSweep(t, 3, nil, []string{"1", "2"}, "0.3", "0.5")
	tb := SweepCSV(r)
	if tb.Columns[0] != "pools.front.agents" || tb.Columns[1] != "journey.retry" || tb.Columns[2] != "phone.offered" || tb.Columns[3] != "phone.offered_ci95" {
		t.Errorf("columns begin %v", tb.Columns[:4])
	}
	if len(tb.Rows) != 4 || len(tb.Columns) != 2+2*len(r.Figures) {
		t.Fatalf("%d rows of %d columns", len(tb.Rows), len(tb.Columns))
	}
	if got := tb.Text(2, "pools.front.agents") + "/" + tb.Text(2, "journey.retry"); got != "2/0.3" {
		t.Errorf("row 3: %s", got)
	}
	f := slices.IndexFunc(r.Figures, func(f SweepFigure) bool { return f.Key == "phone.service_level" })
	if got, e := tb.Float(3, "phone.service_level"), r.Estimate(3, f); math.Abs(got-e.Mean) > 1e-8*e.Mean {
		t.Errorf("row 4 service level: got %v, want %v", got, e.Mean)
	}

	files := SweepFiles(r, "test")
	var names []string
	for _, fl := range files {
		names = append(names, fl.Name)
	}
	if !slices.Equal(names[:3], []string{SummaryFile, SweepCSVFile, SweepJSONFile}) || len(names) != 4+2*len(r.Chosen) || names[len(names)-1] != ReportFile {
		t.Errorf("files %v", names)
	}
	// report.html: the scenario, each chosen figure's lowest and highest
	// point, every chart embedded, every figure's table; the same bytes
	// twice.
	var page, again bytes.Buffer
	if err := files[len(files)-1].Write(&page); err != nil {
		t.Fatal(err)
	}
	if err := files[len(files)-1].Write(&again); err != nil {
		t.Fatal(err)
	}
	html := page.String()
	if !bytes.Equal(page.Bytes(), again.Bytes()) {
		t.Error("two writes of the sweep's report differ")
	}
	if n := strings.Count(html, `<img src="data:image/svg+xml;base64,`); n != len(r.Chosen) {
		t.Errorf("the sweep's report embeds %d charts, want %d", n, len(r.Chosen))
	}
	for _, want := range []string{"lowest", "highest", "pools.front.agents=", `<section id="table-phone">`, `<section id="table-customers">`} {
		if !strings.Contains(html, want) {
			t.Errorf("the sweep's report lacks %q", want)
		}
	}
	var b bytes.Buffer
	if err := files[0].Write(&b); err != nil {
		t.Fatal(err)
	}
	var summary struct {
		Version string                    `json:"omnisim_version"`
		Params  []string                  `json:"parameters"`
		Points  [][]string                `json:"points"`
		Defs    map[string]string         `json:"definitions"`
		Files   map[string]map[string]any `json:"files"`
	}
	if err := json.Unmarshal(b.Bytes(), &summary); err != nil {
		t.Fatal(err)
	}
	if summary.Version != "test" || len(summary.Points) != 4 || len(summary.Params) != 2 || len(summary.Defs) != len(r.Figures) {
		t.Errorf("summary.json: %+v", summary)
	}
	cols, _ := summary.Files[SweepCSVFile]["columns"].(map[string]any)
	for _, c := range tb.Columns {
		if d, _ := cols[c].(string); d == "" {
			t.Errorf("summary.json does not describe column %s", c)
		}
	}
	for _, n := range names {
		if _, ok := summary.Files[n]; !ok {
			t.Errorf("summary.json does not list %s", n)
		}
	}
	b.Reset()
	if err := WriteSweep(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "4 points × 3 replications of 2d, seed 7 at every point (common random numbers).") {
		t.Errorf("text:\n%s", b.String())
	}
}
