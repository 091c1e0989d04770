package folder

import (
	"io"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/chart"
	"github.com/omnisim/omnisim/output/report"
	"github.com/omnisim/omnisim/output/table"
)

// SweepSummary returns summary.json's object but for its "files"
// (SweepFiles adds them): "omnisim_version", the sweep as JSON
// without its points (see JSON; they are in sweep.json), the points'
// values in grid order, and "definitions", the definition of every
// figure under its key. It holds no wall-clock time.
func SweepSummary(r *output.SweepReport, version string) *output.Object {
	o := &output.Object{}
	o.Set("omnisim_version", version).Set("kind", "sweep")
	r.Provenance.Set(o)
	o.Set("description", r.Description)
	full := table.SweepJSON(r)
	for k, v := range full.All() {
		if k != "points" {
			o.Set(k, v)
		}
	}
	pts := make([][]string, len(r.Points))
	for p, pt := range r.Points {
		pts[p] = pt.Values
	}
	o.Set("points", pts)
	defs := &output.Object{}
	for _, f := range r.Figures {
		defs.Set(f.Key, f.Definition+table.UnitNote(f.Unit))
	}
	return o.Set("definitions", defs)
}

// SweepFiles returns the files of a sweep's output folder:
// summary.json (SweepSummary with "files", what each file holds and the
// columns of sweep.csv), sweep.csv, sweep.json (the JSON omnisim sweep
// --json prints), then the charts, each as charts/<figure>.svg and .png,
// and report.html.
func SweepFiles(r *output.SweepReport, version string) []output.File {
	csv := table.SweepCSV(r)
	files := []output.File{
		{Name: SummaryFile, Description: "the sweep: the scenario, the settings swept and each point's values, the figures chosen, " +
			"the definition of every figure (\"definitions\") and of every file of this folder (\"files\")"},
		{Name: output.SweepCSVFile, Description: "one row per point, in the grid's order (the first setting varying slowest): the settings swept, " +
			"then every figure of the point as the mean over its replications, each followed by the half-width of its 95 % confidence interval",
			Columns: table.SweepColumns(r), Write: csv.WriteCSV},
		{Name: SweepJSONFile, Description: "every figure of every point, as omnisim sweep --json prints it",
			Write: func(w io.Writer) error { return output.WriteJSON(w, table.SweepJSON(r)) }},
	}
	files = append(files, sweepVisualFiles(r)...)
	if r.Provenance != nil {
		files = append(files, r.Provenance.Files...)
	}
	summary := SweepSummary(r, version)
	summary.Set("files", filesJSON(files))
	files[0].Write = func(w io.Writer) error { return output.WriteJSON(w, summary) }
	return files
}

// sweepVisualFiles returns a sweep folder's charts, as SVG and PNG, and its
// report.html.
func sweepVisualFiles(r *output.SweepReport) []output.File {
	return chartsAndReport(chart.Sweep(r), "the sweep for people, one self-contained page: the scenario, where each chosen figure "+
		"is lowest and highest, the charts, and every figure by point. It needs no network; open it in a browser.",
		func(w io.Writer, charts []report.Chart) error { return report.WriteSweep(w, r, charts) }, nil)
}
