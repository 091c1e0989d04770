package table

import (
	"github.com/omnisim/omnisim/output"
)

// SweepCSV returns sweep.csv: one row per point, the swept settings first
// (one column each, named by its path, holding the value as --set takes
// it), then every figure (output.SweepFigures) under its key, each followed by
// "<key>_ci95", the half-width of its 95 % confidence interval (empty with
// a single replication). Shares are fractions, times in seconds; an empty
// cell is a figure with no data.
func SweepCSV(r *output.SweepReport) *output.CSVTable {
	t := &output.CSVTable{Columns: append([]string(nil), r.Params...)}
	for _, f := range r.Figures {
		t.Columns = append(t.Columns, f.Key, f.Key+"_ci95")
	}
	for p, pt := range r.Points {
		row := append([]string(nil), pt.Values...)
		for f := range r.Figures {
			e := r.Estimate(p, f)
			row = append(row, output.CellOf(e.Mean), output.CellOf(e.HalfWidth))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// SweepColumns describes sweep.csv's columns, for summary.json.
func SweepColumns(r *output.SweepReport) []output.Column {
	var out []output.Column
	for _, p := range r.Params {
		out = append(out, output.Column{Name: p, Description: "the value of the setting " + p + " at the point, as --set takes it"})
	}
	for _, f := range r.Figures {
		out = append(out,
			output.Column{Name: f.Key, Description: f.Definition + UnitNote(f.Unit)},
			output.Column{Name: f.Key + "_ci95", Description: "the half-width of the 95 % confidence interval of " + f.Key +
				" (Student t over the point's replications); empty with a single replication"})
	}
	return out
}

// UnitNote says how a figure of a unit is written in a CSV file.
func UnitNote(unit string) string {
	switch unit {
	case output.UnitShare:
		return " (a fraction from 0 to 1)"
	case output.UnitSeconds:
		return " (seconds)"
	case output.UnitHours:
		return " (hours, a mean per replication)"
	case output.UnitMoney:
		return " (the scenario's currency, a mean per replication)"
	case output.UnitCount:
		return " (a mean per replication)"
	}
	return ""
}
