package folder

// The files of a run's output folder (and output.ContactsFile, with
// --journeys).
const (
	SummaryFile     = "summary.json"
	IntervalsFile   = "intervals.csv"
	DailyFile       = "daily.csv"
	CustomersFile   = "customers.csv"
	StaffingFile    = "staffing.csv"
	FlowsFile       = "flows.csv"
	ExpectationFile = "expectation.csv"
	TotalsFile      = "totals.csv"
	// ClaimsFile is in the folder of omnisim demo only: the story's
	// claims as the run judged them.
	ClaimsFile = "claims.csv"
)

// ReportFile is the name of the HTML report in an output folder.
const ReportFile = "report.html"

// ChartsDir is the folder of an output folder that holds its charts.
const ChartsDir = "charts"

// CompareFile is the table of a comparison's output folder.
const CompareFile = "compare.csv"

// SweepJSONFile is a sweep's every figure of every point, in its output
// folder besides summary.json, output.SweepCSVFile and the charts.
const SweepJSONFile = "sweep.json"

// StaffPlanFile is the staffing table omnisim staff writes, which a
// scenario loads back with staffing: FILE.
const StaffPlanFile = "staffing.csv"
