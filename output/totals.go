package output

import (
	"github.com/omnisim/omnisim/models"
)

// Scopes of totals.csv: what a row's figure belongs to.
const (
	ScopeChannel     = "channel"
	ScopeCustomers   = "customers"
	ScopePool        = "pool"
	ScopeExpectation = "expectation"
	// ScopeClass rows hold a class of customer's figures on a channel,
	// named "channel/class".
	ScopeClass = "class"
)

// totalsTable has one row per figure over the measured window, in long
// form: each channel's figures (in the order of models.Figures), with
// classes of customer each class's on each channel (models.ClassFigures,
// named "channel/class"), the customers', each pool's and, with word of mouth, the expectation level at
// the horizon; each the mean over the replications of the replications'
// values with its 95 % confidence half-width (Student t), exactly as
// omnisim run prints and summary.json holds them.
func (r *RunReport) totalsTable() *CSVTable {
	t := &CSVTable{Columns: []string{"scope", "name", "figure", "unit", "mean", "ci95"}}
	row := func(scope, name, key, unit string, e models.Estimate) {
		t.Rows = append(t.Rows, []string{scope, name, key, unitName(unit), CellOf(e.Mean), CellOf(e.HalfWidth)})
	}
	s := r.Summary
	for _, cs := range s.Channels {
		for k, f := range models.Figures {
			row(ScopeChannel, cs.Name, f.Key, f.Unit, cs.Figures[k])
		}
	}
	for _, cs := range s.Channels {
		for _, cl := range cs.Classes {
			for k, f := range models.ClassFigures {
				row(ScopeClass, cs.Name+"/"+cl.Name, f.Key, f.Unit, cl.Figures[k])
			}
		}
	}
	if len(s.Customers) == len(models.CustomerFigures) {
		for k, f := range models.CustomerFigures {
			row(ScopeCustomers, ScopeCustomers, f.Key, f.Unit, s.Customers[k])
		}
	}
	for _, ps := range s.Pools {
		for k, f := range models.PoolFigures {
			row(ScopePool, ps.Name, f.Key, f.Unit, ps.Figures[k])
		}
	}
	if r.WordOfMouth() && s.Replications > 0 {
		row(ScopeExpectation, ScopeExpectation, "level", UnitRatio, s.Expectation)
	}
	return t
}

// unitName is a unit as totals.csv writes it: "count" for counts, else
// the unit as models.Figure gives it (share, s, h, money, x).
func unitName(unit string) string {
	if unit == UnitCount {
		return "count"
	}
	return unit
}

// TotalsRow returns the row of totals.csv holding figure key of the named
// channel or pool (or of the customers, or the expectation level, named
// after their scope), or -1.
func (t *CSVTable) TotalsRow(scope, name, key string) int {
	for i := range t.Rows {
		if t.Text(i, "scope") == scope && t.Text(i, "name") == name && t.Text(i, "figure") == key {
			return i
		}
	}
	return -1
}
