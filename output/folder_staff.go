package output

import (
	"io"
)

// StaffFiles returns the output folder of a search: summary.json (JSON with
// "files"), staffing.csv, the chart as SVG and PNG, and report.html.
func StaffFiles(r *StaffReport, version string) []File {
	t := StaffCSV(r)
	table := File{Name: StaffPlanFile, Write: t.WriteCSV, Columns: StaffColumns,
		Description: "the plan: one row per pool and interval, the agents to schedule; load it into a scenario with staffing: " + StaffPlanFile}
	files := []File{{Name: SummaryFile, Description: "the search: settings, iterations, cost per pool, every target verified on fresh replications, problems and notes"}, table}
	files = append(files, chartsAndReport([]Chart{StaffChart(r, t)}, "the plan for people, one self-contained page: the verdict, "+
		"every target verified, the cost per pool against Erlang A and the scenario, the chart, the agents per interval and "+
		"the verification by period. It needs no network; open it in a browser.",
		func(w io.Writer, charts []ReportChart) error { return WriteStaffReport(w, r, charts) })...)
	if r.Provenance != nil {
		files = append(files, r.Provenance.Files...)
	}
	summary := StaffJSON(r, version)
	r.Provenance.Set(summary)
	summary.Set("files", filesJSON(files))
	files[0].Write = func(w io.Writer) error { return WriteJSON(w, summary) }
	return files
}
