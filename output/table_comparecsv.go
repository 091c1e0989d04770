package output

import (
	"strconv"
)

// compareColumns describe compare.csv's columns.
var CompareColumns = []Column{
	{"group", "channel, customers, pool, all_pools (every pool of each variant together, when either has several) or expectation"},
	{"name", "the channel's or the pool's name; empty for customers and the expectation level"},
	{"figure", "the figure's key (see definitions); a pool's cost_per_day is its cost ÷ the days of the measured window"},
	{"unit", "the figure's unit: empty for counts (means per replication), share, s, h, money or x (a ratio)"},
	{"pairs", "replications in which the figure is defined in both variants; the columns below are over them"},
	{"a_mean", "variant A's mean"},
	{"a_ci95", "the half-width of the 95 % confidence interval of A's mean (Student t)"},
	{"b_mean", "variant B's mean"},
	{"b_ci95", "the half-width of the 95 % confidence interval of B's mean"},
	{"difference", "the mean of the paired differences B − A, replication by replication"},
	{"ci95", "the half-width of the 95 % confidence interval of the difference, Student t over the paired differences (common random numbers)"},
	{"independent_ci95", "the half-width independent runs of as many replications would give: Welch's interval from each variant's own spread"},
	{"narrower", "independent_ci95 ÷ ci95: how many times narrower common random numbers made the interval (empty when ci95 is 0)"},
	{"significant", "true when the interval of the difference excludes zero"},
}

// CompareCSV returns compare.csv: one row per figure compared.
func CompareCSV(r *CompareReport) *CSVTable {
	t := &CSVTable{}
	for _, c := range CompareColumns {
		t.Columns = append(t.Columns, c.Name)
	}
	for _, d := range r.Comparison.Rows {
		t.Rows = append(t.Rows, []string{d.Group, d.Name, d.Key, d.Unit, strconv.Itoa(d.Pairs),
			CellOf(d.A.Mean), CellOf(d.A.HalfWidth), CellOf(d.B.Mean), CellOf(d.B.HalfWidth),
			CellOf(d.Diff), CellOf(d.Half), CellOf(d.IndependentHalf), CellOf(d.Narrower()),
			strconv.FormatBool(d.Significant())})
	}
	return t
}
