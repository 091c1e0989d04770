package output_test

import (
	"bytes"
	"math"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// TestDatasetTables: every table has the rows its definition promises, the
// CSV round-trips, and the agents needed on a steady queue are Erlang A's.
func TestDatasetTables(t *testing.T) {
	cfg := fixture.GoldenWorld()
	cfg.SetDefaults()
	r := output.NewRunReport("golden", "t", "f", cfg, fixture.FakeResults(cfg, 2))
	ds := r.Dataset("test")
	n, days := cfg.Intervals(), cfg.Days()
	checks := []struct {
		name string
		t    *output.CSVTable
		rows int
	}{
		{"intervals", ds.Intervals, len(cfg.Channels) * n},
		{"daily", ds.Daily, len(cfg.Channels) * days},
		{"customers", ds.Customers, days},
		{"staffing", ds.Staffing, len(cfg.Pools) * n},
		{"flows", ds.Flows, len(cfg.Channels) * (len(cfg.Channels) - 1)},
	}
	for _, c := range checks {
		if len(c.t.Rows) != c.rows {
			t.Errorf("%s: %d rows, want %d", c.name, len(c.t.Rows), c.rows)
		}
		for i, row := range c.t.Rows {
			if len(row) != len(c.t.Columns) {
				t.Fatalf("%s row %d: %d cells for %d columns", c.name, i, len(row), len(c.t.Columns))
			}
		}
		var b bytes.Buffer
		if err := c.t.WriteCSV(&b); err != nil {
			t.Fatal(err)
		}
		back, err := output.ReadCSVTable(&b)
		if err != nil {
			t.Fatal(err)
		}
		if len(back.Rows) != len(c.t.Rows) || back.Text(0, c.t.Columns[0]) != c.t.Text(0, c.t.Columns[0]) {
			t.Errorf("%s does not read back", c.name)
		}
	}
}

// TestNeededAgentsIsErlangA: on the textbook queue (100 calls per half
// hour, 3 minutes, patience 5 minutes, 80 % in 20 s), the agents needed in
// an interval with exactly 100 calls answered in 3 minutes on average are
// the 13 Erlang A staffs.
func TestNeededAgentsIsErlangA(t *testing.T) {
	cfg := &models.Config{Horizon: 1800, Interval: 1800, Channels: []models.Channel{{Name: "phone", Kind: models.Live,
		HandleTime: models.Dist{Kind: models.Exponential, Mean: 180}, Patience: models.Dist{Kind: models.Exponential, Mean: 300},
		AnswerWithin: 20, TargetServiceLevel: 0.8}}}
	cfg.SetDefaults()
	r := &output.RunReport{Config: cfg, Results: make([]*models.Result, 1)}
	got := r.Needed(0, 0, models.Counts{Offered: 100, Answered: 100, HandleTime: 100 * 180})
	if got != 13 {
		t.Errorf("needed %v agents, want 13 (Erlang A, 80/20, patience 5m)", got)
	}
	cfg.Channels[0].Kind = models.Deferred
	if got := r.Needed(0, 0, models.Counts{Offered: 100, Answered: 100, HandleTime: 100 * 180}); math.Abs(got-10) > 1e-9 {
		t.Errorf("deferred need %v, want the workload 10", got)
	}
}
