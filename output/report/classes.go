package report

import (
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// classes is the section of each channel's figures by class of customer
// (totals.csv's rows of scope class), and whether the run has any: a row
// per channel and class, a column per figure of models.ClassFigures, each
// the mean over the replications with its 95 % confidence half-width.
func (v *reportView) classes() (reportSection, bool) {
	t := v.totals
	if t == nil {
		return reportSection{}, false
	}
	tb := &reportTable{Head: []string{"channel", "class"}}
	for _, f := range models.ClassFigures {
		tb.Head = append(tb.Head, f.Label)
	}
	var row []reportCell
	last := ""
	for r := range t.Len() {
		if t.Text(r, "scope") != output.ScopeClass {
			continue
		}
		name := t.Text(r, "name")
		if name != last {
			if row != nil {
				tb.Rows = append(tb.Rows, row)
			}
			ch, cl, _ := strings.Cut(name, "/")
			row, last = []reportCell{{Text: ch, Left: true}, {Text: cl, Left: true}}, name
		}
		f, _ := models.FigureByKey(t.Text(r, "figure"))
		row = append(row, reportCell{Text: output.Estimate(t.Float(r, "mean"), t.Float(r, "ci95"), f.Unit)})
	}
	if row == nil {
		return reportSection{}, false
	}
	tb.Rows = append(tb.Rows, row)
	s := reportSection{ID: "classes", Title: "By class of customer", Table: tb}
	s.Notes = append(s.Notes, "Over the measured window, each figure a mean over the replications ± its 95 % confidence half-width: how each class fared in the queues its priority orders.")
	return s, true
}
