package output_test

import (
	"math"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
	"github.com/omnisim/omnisim/stats"
)

// TestTotalsHoldTheSummary: totals.csv holds every figure of the summary,
// mean and half-width, as omnisim run prints them.
func TestTotalsHoldTheSummary(t *testing.T) {
	r := fixture.GoldenReport()
	tb := r.Dataset("test").Totals
	want := len(r.Summary.Channels)*len(models.Figures) + len(models.CustomerFigures) +
		len(r.Summary.Pools)*len(models.PoolFigures)
	if r.WordOfMouth() {
		want++
	}
	if len(tb.Rows) != want {
		t.Errorf("%d rows, want %d", len(tb.Rows), want)
	}
	check := func(scope, name, key string, e models.Estimate) {
		t.Helper()
		i := tb.TotalsRow(scope, name, key)
		if i < 0 {
			t.Errorf("no row for %s %s %s", scope, name, key)
			return
		}
		if got := tb.Float(i, "mean"); !sameFloat(got, e.Mean) {
			t.Errorf("%s %s %s: mean %v, want %v", scope, name, key, got, e.Mean)
		}
		if got := tb.Float(i, "ci95"); !sameFloat(got, e.HalfWidth) {
			t.Errorf("%s %s %s: ci95 %v, want %v", scope, name, key, got, e.HalfWidth)
		}
	}
	for _, cs := range r.Summary.Channels {
		check(output.ScopeChannel, cs.Name, "service_level", cs.Get("service_level"))
		check(output.ScopeChannel, cs.Name, "offered", cs.Get("offered"))
	}
	check(output.ScopeCustomers, output.ScopeCustomers, "contacts_per_customer", r.Summary.CustomerEstimate("contacts_per_customer"))
	check(output.ScopePool, r.Summary.Pools[0].Name, "occupancy", r.Summary.Pools[0].Figures[2])
	if i := tb.TotalsRow(output.ScopeChannel, "nowhere", "offered"); i != -1 {
		t.Errorf("TotalsRow of a channel not there = %d, want -1", i)
	}
}

// sameFloat compares a number read back from a CSV cell (9 significant
// digits, empty for NaN) with the number written.
func sameFloat(got, want float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= 1e-8*math.Abs(want)
}

// TestDailyHalfWidths: in daily.csv a count's half-width is exactly the
// Student t half-width of the replications' daily counts (the jackknife of
// a mean is the usual interval), and a pooled share's is the jackknife's,
// computed here from the replications' tallies directly.
func TestDailyHalfWidths(t *testing.T) {
	r := fixture.GoldenReport()
	tb := r.Dataset("test").Daily
	cfg := r.Config
	for i, ch := range cfg.Channels {
		for d := range cfg.Days() {
			row := i*cfg.Days() + d
			if tb.Text(row, "channel") != ch.Name {
				t.Fatalf("row %d is %s, want %s", row, tb.Text(row, "channel"), ch.Name)
			}
			var offered []float64
			var all models.Counts
			for _, res := range r.Batches {
				c := res.ChannelDays(cfg, i)[d]
				offered = append(offered, float64(c.Offered))
				all.Add(c)
			}
			_, want := stats.MeanCI(offered, 0.95)
			if got := tb.Float(row, "offered_ci95"); !sameFloat(got, want) {
				t.Errorf("%s day %d: offered_ci95 %v, want %v", ch.Name, d+1, got, want)
			}
			loo := make([]float64, len(r.Batches))
			for k, res := range r.Batches {
				c := res.ChannelDays(cfg, i)[d]
				within := float64(all.AnsweredWithin - c.AnsweredWithin)
				loo[k] = within / float64(all.Offered-c.Offered)
			}
			want = stats.JackknifeCI(loo, 0.95)
			if got := tb.Float(row, "service_level_ci95"); !sameFloat(got, want) {
				t.Errorf("%s day %d: service_level_ci95 %v, want %v", ch.Name, d+1, got, want)
			}
		}
	}
}

// TestHalfWidthsNeedTwoReplications: with one replication every half-width
// cell is empty, in daily.csv and totals.csv alike.
func TestHalfWidthsNeedTwoReplications(t *testing.T) {
	cfg := fixture.GoldenWorld()
	r := output.NewRunReport("one", "one replication", "", cfg, fixture.FakeResults(cfg, 1))
	ds := r.Dataset("test")
	for name, tb := range map[string]*output.CSVTable{"daily": ds.Daily, "customers": ds.Customers, "totals": ds.Totals} {
		for row := range tb.Rows {
			for _, col := range tb.Columns {
				if (col == "ci95" || len(col) > 5 && col[len(col)-5:] == output.CISuffix) && tb.Text(row, col) != "" {
					t.Fatalf("%s row %d: %s = %q with one replication, want empty", name, row, col, tb.Text(row, col))
				}
			}
		}
	}
}

// TestDailyHalfWidthsInBatches: past the batches kept (here
// models.MinBatches), replication k is added to batch k mod their number, the figures stay those
// of every replication pooled, and a half-width is the jackknife over the
// batches, each left out in turn with the replications it holds, computed
// here from the replications' own tallies.
func TestDailyHalfWidthsInBatches(t *testing.T) {
	cfg := fixture.GoldenWorld()
	const reps = 2*models.MinBatches + 3 // batches of 3 and of 2
	results := fixture.FakeResults(cfg, reps)
	p := &models.Pooled{Size: models.MinBatches}
	for _, res := range results {
		p.Add(res)
	}
	r := output.NewPooledReport("golden", "batches", "", cfg, p)
	if len(r.Batches) != models.MinBatches || len(r.Results) != reps {
		t.Fatalf("%d batches of %d replications, want %d of %d", len(r.Batches), len(r.Results), models.MinBatches, reps)
	}
	tb := r.Dataset("test").Daily
	for i, ch := range cfg.Channels {
		for d := range cfg.Days() {
			row := i*cfg.Days() + d
			batch := make([]models.Counts, models.MinBatches)
			weight := make([]int, models.MinBatches)
			var all models.Counts
			for k, res := range results {
				c := res.ChannelDays(cfg, i)[d]
				batch[k%models.MinBatches].Add(c)
				weight[k%models.MinBatches]++
				all.Add(c)
			}
			if got, want := tb.Float(row, "offered"), float64(all.Offered)/reps; !sameFloat(got, want) {
				t.Errorf("%s day %d: offered %v, want %v, the mean of every replication", ch.Name, d+1, got, want)
			}
			offered, sl := make([]float64, len(batch)), make([]float64, len(batch))
			for b, c := range batch {
				offered[b] = float64(all.Offered-c.Offered) / float64(reps-weight[b])
				sl[b] = float64(all.AnsweredWithin-c.AnsweredWithin) / float64(all.Offered-c.Offered)
			}
			if got, want := tb.Float(row, "offered_ci95"), stats.JackknifeCI(offered, 0.95); !sameFloat(got, want) {
				t.Errorf("%s day %d: offered_ci95 %v, want %v", ch.Name, d+1, got, want)
			}
			if got, want := tb.Float(row, "service_level_ci95"), stats.JackknifeCI(sl, 0.95); !sameFloat(got, want) || math.IsNaN(got) {
				t.Errorf("%s day %d: service_level_ci95 %v, want %v", ch.Name, d+1, got, want)
			}
		}
	}
}
