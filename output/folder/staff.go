package folder

import (
	"io"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/chart"
	"github.com/omnisim/omnisim/output/report"
	"github.com/omnisim/omnisim/output/table"
)

// StaffFiles returns the output folder of a search: summary.json (JSON with
// "files"), staffing.csv, the chart as SVG and PNG, and report.html.
func StaffFiles(r *output.StaffReport, version string) []output.File {
	t := table.StaffCSV(r)
	plan := output.File{Name: StaffPlanFile, Write: t.WriteCSV, Columns: table.StaffColumns,
		Description: "the plan: one row per pool and interval, the agents to schedule; load it into a scenario with staffing: " + StaffPlanFile}
	files := []output.File{{Name: SummaryFile, Description: "the search: settings, iterations, cost per pool, every target verified on fresh replications, problems and notes"}, plan}
	files = append(files, chartsAndReport([]chart.Chart{chart.Staff(r, t)}, "the plan for people, one self-contained page: the verdict, "+
		"every target verified, the cost per pool against Erlang A and the scenario, the chart, the agents per interval and "+
		"the verification by period. It needs no network; open it in a browser.",
		func(w io.Writer, charts []report.Chart) error { return report.WriteStaff(w, r, charts) }, nil)...)
	if r.Provenance != nil {
		files = append(files, r.Provenance.Files...)
	}
	summary := table.StaffJSON(r, version)
	r.Provenance.Set(summary)
	summary.Set("files", filesJSON(files))
	files[0].Write = func(w io.Writer) error { return output.WriteJSON(w, summary) }
	return files
}
