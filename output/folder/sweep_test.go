package folder

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
	"github.com/omnisim/omnisim/output/table"
)

func TestSweepCSVAndFolder(t *testing.T) {
	r := fixture.FakeSweep(t, 3, nil, []string{"1", "2"}, "0.3", "0.5")
	tb := table.SweepCSV(r)
	if tb.Columns[0] != "pools.front.agents" || tb.Columns[1] != "journey.retry" || tb.Columns[2] != "phone.offered" || tb.Columns[3] != "phone.offered_ci95" {
		t.Errorf("columns begin %v", tb.Columns[:4])
	}
	if len(tb.Rows) != 4 || len(tb.Columns) != 2+2*len(r.Figures) {
		t.Fatalf("%d rows of %d columns", len(tb.Rows), len(tb.Columns))
	}
	if got := tb.Text(2, "pools.front.agents") + "/" + tb.Text(2, "journey.retry"); got != "2/0.3" {
		t.Errorf("row 3: %s", got)
	}
	f := slices.IndexFunc(r.Figures, func(f output.SweepFigure) bool { return f.Key == "phone.service_level" })
	if got, e := tb.Float(3, "phone.service_level"), r.Estimate(3, f); math.Abs(got-e.Mean) > 1e-8*e.Mean {
		t.Errorf("row 4 service level: got %v, want %v", got, e.Mean)
	}

	files := SweepFiles(r, "test")
	var names []string
	for _, fl := range files {
		names = append(names, fl.Name)
	}
	if !slices.Equal(names[:3], []string{SummaryFile, output.SweepCSVFile, SweepJSONFile}) || len(names) != 4+2*len(r.Chosen) || names[len(names)-1] != ReportFile {
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
	cols, _ := summary.Files[output.SweepCSVFile]["columns"].(map[string]any)
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
	if err := table.WriteSweep(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "4 points × 3 replications of 2d, seed 7 at every point (common random numbers).") {
		t.Errorf("text:\n%s", b.String())
	}
}
