package table

import (
	"strconv"

	"github.com/omnisim/omnisim/output"
)

// CompareColumns describe compare.csv's columns.
var CompareColumns = []output.Column{
	{Name: "group", Description: "channel, customers, pool, all_pools (every pool of each variant together, when either has several) or expectation"},
	{Name: "name", Description: "the channel's or the pool's name; empty for customers and the expectation level"},
	{Name: "figure", Description: "the figure's key (see definitions); a pool's cost_per_day is its cost ÷ the days of the measured window"},
	{Name: "unit", Description: "the figure's unit: empty for counts (means per replication), share, s, h, money or x (a ratio)"},
	{Name: "pairs", Description: "replications in which the figure is defined in both variants; the columns below are over them"},
	{Name: "a_mean", Description: "variant A's mean"},
	{Name: "a_ci95", Description: "the half-width of the 95 % confidence interval of A's mean (Student t)"},
	{Name: "b_mean", Description: "variant B's mean"},
	{Name: "b_ci95", Description: "the half-width of the 95 % confidence interval of B's mean"},
	{Name: "difference", Description: "the mean of the paired differences B − A, replication by replication"},
	{Name: "ci95", Description: "the half-width of the 95 % confidence interval of the difference, Student t over the paired differences (common random numbers)"},
	{Name: "independent_ci95", Description: "the half-width independent runs of as many replications would give: Welch's interval from each variant's own spread"},
	{Name: "narrower", Description: "independent_ci95 ÷ ci95: how many times narrower common random numbers made the interval (empty when ci95 is 0)"},
	{Name: "significant", Description: "true when the interval of the difference excludes zero"},
}

// CompareCSV returns compare.csv: one row per figure compared.
func CompareCSV(r *output.CompareReport) *output.CSVTable {
	t := &output.CSVTable{}
	for _, c := range CompareColumns {
		t.Columns = append(t.Columns, c.Name)
	}
	for _, d := range r.Comparison.Rows {
		t.Rows = append(t.Rows, []string{d.Group, d.Name, d.Key, d.Unit, strconv.Itoa(d.Pairs),
			output.CellOf(d.A.Mean), output.CellOf(d.A.HalfWidth), output.CellOf(d.B.Mean), output.CellOf(d.B.HalfWidth),
			output.CellOf(d.Diff), output.CellOf(d.Half), output.CellOf(d.IndependentHalf), output.CellOf(d.Narrower()),
			strconv.FormatBool(d.Significant())})
	}
	return t
}
