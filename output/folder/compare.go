package folder

import (
	"io"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/chart"
	"github.com/omnisim/omnisim/output/report"
	"github.com/omnisim/omnisim/output/table"
)

// costPerDayDefinition defines the cost per day of a comparison's pools.
const costPerDayDefinition = "cost ÷ the days of the measured window [warm-up, horizon): the staff cost of a day"

// CompareFiles returns the files of a comparison's output folder: summary.json
// (the JSON report with "omnisim_version", the "definitions" of every
// figure and the "files" of the folder), compare.csv, and a chart of the
// differences for each channel compared, as charts/<name>.svg and .png.
func CompareFiles(r *output.CompareReport, version string) []output.File {
	t := table.CompareCSV(r)
	files := []output.File{
		{Name: SummaryFile, Description: "the comparison: both variants, their targets met, missed or undecided, every figure's means, difference and intervals (as --json prints it), the definitions of the figures, and what each file holds"},
		{Name: CompareFile, Description: "one row per figure compared: each variant's mean and half-width, the paired difference B − A with its half-width, and the half-width independent runs would give",
			Columns: table.CompareColumns, Write: t.WriteCSV},
	}
	files = append(files, compareVisualFiles(r)...)
	if r.Provenance != nil {
		files = append(files, r.Provenance.Files...)
	}
	s := &output.Object{}
	s.Set("omnisim_version", version)
	r.Provenance.Set(s)
	j := table.CompareJSON(r)
	for k, v := range j.All() {
		s.Set(k, v)
	}
	defs := &output.Object{}
	defs.Set("channels", definitions(models.Figures)).
		Set("customers", definitions(models.CustomerFigures)).
		Set("pools", definitions(models.PoolFigures).Set("cost_per_day", costPerDayDefinition)).
		Set("verdict", verdictDefinition).
		Set("expectation", (&output.Object{}).Set("expectation_level", "the global expectation level at the horizon (word of mouth): it scales patience by exp(−coupling × level)"))
	s.Set("definitions", defs).Set("files", filesJSON(files))
	files[0].Write = func(w io.Writer) error { return output.WriteJSON(w, s) }
	return files
}

// verdictDefinition defines a target's verdict, for summary.json.
const verdictDefinition = "met when the whole 95 % confidence interval of the figure (Student t over the replications) meets the target, " +
	"missed when none of it does, undecided when it reaches both sides or there is one replication, no data when the figure is undefined; " +
	"periods (intervals of the scenario, days for a deferred channel's response target) are each judged by their own 95 % interval"

// compareVisualFiles returns a comparison folder's charts, as SVG and PNG,
// and its report.html.
func compareVisualFiles(r *output.CompareReport) []output.File {
	return chartsAndReport(chart.Compare(r.ShownComparison()), "the comparison for people, one self-contained page: what A and B are, "+
		"their targets met, missed or undecided, their staffing and cost, the figures that differ, the charts and every figure's table. "+
		"It needs no network; open it in a browser.",
		func(w io.Writer, charts []report.Chart) error { return report.WriteCompare(w, r, charts) }, nil)
}
