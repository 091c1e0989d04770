package output

import (
	"io"
)

// File is one file of a run's output folder: where it goes, what it holds,
// and how to write it.
type File struct {
	// Name is the file's path inside the folder, with slashes:
	// "daily.csv", "charts/queue.svg". Folders are made as needed.
	Name string
	// Description says in a sentence what the file holds, for
	// summary.json's "files".
	Description string
	// Columns describe a CSV file's columns, for summary.json's "files";
	// nil for other files.
	Columns []Column
	// Write writes the file's contents. It is called once, when the folder
	// is written.
	Write func(io.Writer) error
}

// Column describes a column of a CSV file.
type Column struct {
	Name, Description string
}

// The files of a run's output folder.
const (
	SummaryFile     = "summary.json"
	IntervalsFile   = "intervals.csv"
	DailyFile       = "daily.csv"
	CustomersFile   = "customers.csv"
	StaffingFile    = "staffing.csv"
	FlowsFile       = "flows.csv"
	ExpectationFile = "expectation.csv"
	ContactsFile    = "contacts.csv"
	TotalsFile      = "totals.csv"
)

// ReportFile is the name of the HTML report in a run's output folder.
const ReportFile = "report.html"

// ChartsDir is the folder of a run's output folder that holds its charts.
const ChartsDir = "charts"

// CompareFile is the table of a comparison's output folder.
const CompareFile = "compare.csv"

// The files of a sweep's output folder, besides summary.json and the
// charts.
const (
	SweepCSVFile  = "sweep.csv"
	SweepJSONFile = "sweep.json"
)

// StaffPlanFile is the staffing table omnisim staff writes, which a
// scenario loads back with staffing: FILE.
const StaffPlanFile = "staffing.csv"
