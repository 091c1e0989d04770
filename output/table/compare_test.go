package table

import (
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

func TestCompareTableRows(t *testing.T) {
	r := fixture.CompareOf(2, false)
	tb := CompareCSV(r)
	pools := len(r.A.Report.Config.Pools)
	// Every figure of each channel, of the customers, of each pool and,
	// with two pools, of all pools together; and a cost per day after
	// each cost.
	want := len(r.A.Report.Config.Channels)*len(models.Figures) + len(models.CustomerFigures) + (pools+1)*(len(models.PoolFigures)+1)
	if r.Comparison.Rows[len(r.Comparison.Rows)-1].Group == models.GroupExpectation {
		want++
	}
	if len(tb.Rows) != want {
		t.Errorf("%d rows, want %d", len(tb.Rows), want)
	}
	for i, row := range tb.Rows {
		if len(row) != len(tb.Columns) {
			t.Fatalf("row %d has %d cells for %d columns", i, len(row), len(tb.Columns))
		}
	}
}
