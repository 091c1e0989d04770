package folder

import (
	"io"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/chart"
)

// The files of a roster's output folder (omnisim roster), besides
// summary.json and the coverage chart.
const (
	RosterFile         = "roster.csv"
	RosterScenarioFile = "roster.yaml"
	CoverageFile       = "coverage.csv"
)

// RosterTables are what a roster's output folder is made of, each ready
// to be written: the roster package renders them (the folder writer
// imports no package above output).
type RosterTables struct {
	// Summary is summary.json, to which the folder adds its files.
	Summary *output.Object
	// Roster and Coverage are roster.csv and coverage.csv, with their
	// columns described.
	Roster, Coverage               *output.CSVTable
	RosterColumns, CoverageColumns []output.Column
	// Scenario is roster.yaml, the scenario fragment.
	Scenario []byte
	// Chart is the coverage chart.
	Chart chart.Chart
}

// RosterFiles returns the files of a roster's output folder: summary.json,
// roster.csv, roster.yaml, coverage.csv and the coverage chart as SVG and
// PNG.
func RosterFiles(t RosterTables) []output.File {
	files := []output.File{
		{Name: SummaryFile, Description: "the roster: how it was found, and per pool its cost, agent-hours, over- and under-staffing, the bound and the gap, and its shifts"},
		{Name: RosterFile, Description: "the roster: a row per pool and shift, its agents on each of its days", Columns: t.RosterColumns, Write: t.Roster.WriteCSV},
		{Name: RosterScenarioFile, Description: "the roster as a scenario writes its pools' shifts (each split around its breaks): put a pool's shifts in place of its agents or shifts",
			Write: func(w io.Writer) error { _, err := w.Write(t.Scenario); return err }},
		{Name: CoverageFile, Description: "a row per pool and interval: the agents the requirement needs, and those the roster puts on the floor", Columns: t.CoverageColumns, Write: t.Coverage.WriteCSV},
	}
	c := t.Chart
	files = append(files,
		output.File{Name: ChartsDir + "/" + c.Name + ".svg", Description: c.Title + ", as SVG. " + c.Note,
			Write: func(w io.Writer) error { return c.Render(w, "svg", chart.DefaultWidth, chart.DefaultHeight) }},
		output.File{Name: ChartsDir + "/" + c.Name + ".png", Description: c.Title + ", as PNG. " + c.Note,
			Write: func(w io.Writer) error { return c.Render(w, "png", chart.DefaultWidth, chart.DefaultHeight) }})
	summary := t.Summary.Clone()
	summary.Set("files", filesJSON(files))
	files[0].Write = func(w io.Writer) error { return output.WriteJSON(w, summary) }
	return files
}
