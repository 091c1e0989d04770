package output

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/models"
)

// CompareFile is the table of a comparison's output folder.
const CompareFile = "compare.csv"

// Variant is one side of a comparison: a scenario, the overrides applied
// to it, and its replications.
type Variant struct {
	// Report holds the scenario's identity, its Config and its
	// replications.
	Report *RunReport
	// Sets are the --set overrides that made this variant, in order.
	Sets []string
}

// CompareReport is what omnisim compare reports: variants A and B of a
// scenario run with the same seed, replication by replication, and the
// paired differences of their figures, with each pool's cost per day
// beside its cost; and how each stands against the targets its scenario
// sets.
type CompareReport struct {
	A, B       Variant
	Comparison models.Comparison
	// Targets are the targets of the channels both variants have.
	Targets []TargetComparison
	// Provenance records how the comparison was made, for its output
	// folder; nil records nothing.
	Provenance *Provenance
}

// NewCompareReport pairs the replications of a and b, and judges each
// against its targets.
func NewCompareReport(a, b Variant) *CompareReport {
	c := models.Compare(a.Report.Results, b.Report.Results)
	c.Rows = withCostPerDay(c.Rows, measuredDays(a.Report.Config), measuredDays(b.Report.Config))
	return &CompareReport{A: a, B: b, Comparison: c, Targets: compareTargets(a, b)}
}

// measuredDays is the length of cfg's measured window, [warm-up, horizon),
// in days.
func measuredDays(cfg *models.Config) float64 {
	return (cfg.Horizon - cfg.Warmup) / 86400
}

// withCostPerDay returns rows with a "cost per day" row after every pool's
// and all pools' cost: the cost divided by the days of the measured window.
// The days are the same in every replication, so that every mean,
// half-width and difference divides by them exactly; when A's and B's
// windows differ in length, a difference per day would mix two divisors,
// and no row is added.
func withCostPerDay(rows []models.Difference, daysA, daysB float64) []models.Difference {
	if daysA != daysB || !(daysA > 0) {
		return rows
	}
	out := make([]models.Difference, 0, len(rows))
	for _, d := range rows {
		out = append(out, d)
		if d.Key != "cost" || (d.Group != models.GroupPool && d.Group != models.GroupAllPools) {
			continue
		}
		p := d
		p.Key, p.Label = "cost_per_day", "cost per day"
		p.A = models.Estimate{Mean: d.A.Mean / daysA, HalfWidth: d.A.HalfWidth / daysA}
		p.B = models.Estimate{Mean: d.B.Mean / daysA, HalfWidth: d.B.HalfWidth / daysA}
		p.Diff, p.Half, p.IndependentHalf = d.Diff/daysA, d.Half/daysA, d.IndependentHalf/daysA
		out = append(out, p)
	}
	return out
}

// costPerDayDefinition defines the cost per day of a comparison's pools.
const costPerDayDefinition = "cost ÷ the days of the measured window [warm-up, horizon): the staff cost of a day"

// describe names a variant: its scenario and its overrides.
func (v Variant) describe() string {
	s := v.Report.Name
	if len(v.Sets) > 0 {
		s += " with " + strings.Join(v.Sets, ", ")
	}
	return s
}

// shown tells whether a row says something in a table for people: not when
// neither variant has any of it (no blocked contacts on either side), nor
// when it is the same constant in every replication of both, unless it is
// a pool's hours or cost: what each variant's staffing takes is worth a
// row even when it is the same in both.
func shown(d models.Difference) bool {
	none := func(e models.Estimate) bool { return e.Mean == 0 || math.IsNaN(e.Mean) }
	if d.Pairs == 0 || none(d.A) && none(d.B) {
		return false
	}
	if staffingRow(d) {
		return true
	}
	return !(d.Diff == 0 && d.Half == 0 && d.A.HalfWidth == 0 && d.B.HalfWidth == 0)
}

// staffingRow tells whether d is a pool's, or all pools', agent-hours or
// cost.
func staffingRow(d models.Difference) bool {
	if d.Group != models.GroupPool && d.Group != models.GroupAllPools {
		return false
	}
	switch d.Key {
	case "scheduled_hours", "cost", "cost_per_day":
		return true
	}
	return false
}

// groupShown tells whether a group of rows goes into the text: customers
// only where either variant's run report would show them; the pools
// always, as what each variant's staffing takes and costs is half of a
// comparison.
func (r *CompareReport) groupShown(group string) bool {
	if group == models.GroupCustomers {
		return r.A.Report.showsCustomers() || r.B.Report.showsCustomers()
	}
	return true
}

// WriteText writes the comparison for people: what was compared; the
// targets each variant's scenario sets, each judged met, missed or
// undecided for A and for B, and the staffing each takes, in words; then a
// table per channel, for the customers where they say something, per pool
// and for all pools, and for the expectation level under word of mouth,
// each figure with A's and B's means, the difference B − A with its 95 %
// interval from the paired replications, the interval independent runs
// would give, and how much narrower the paired one is. A difference whose
// interval excludes zero is marked *.
func (r *CompareReport) WriteText(w io.Writer) error {
	var b strings.Builder
	c := r.Comparison
	cfg := r.A.Report.Config
	fmt.Fprintf(&b, "A: %s (%s)\nB: %s (%s)\n", r.A.describe(), r.A.Report.File, r.B.describe(), r.B.Report.File)
	fmt.Fprintf(&b, "%d paired replication%s of %s", c.Replications, plural(c.Replications), models.FormatDuration(cfg.Horizon))
	if cfg.Warmup > 0 {
		fmt.Fprintf(&b, " (the first %s left out)", models.FormatDuration(cfg.Warmup))
	}
	fmt.Fprintf(&b, ", seed %d, common random numbers\n", cfg.Seed)
	if hb := r.B.Report.Config; hb.Horizon != cfg.Horizon || hb.Warmup != cfg.Warmup {
		fmt.Fprintf(&b, "(B runs %s, the first %s left out)\n", models.FormatDuration(hb.Horizon), models.FormatDuration(hb.Warmup))
	}
	r.writeTargets(&b)
	var t *Table
	flush := func() {
		if t != nil && t.Rows() > 0 {
			t.WriteTo(&b)
		}
		t = nil
	}
	heading := ""
	for _, d := range c.Rows {
		if !r.groupShown(d.Group) || !shown(d) {
			continue
		}
		if h := groupHeading(d); h != heading {
			flush()
			heading = h
			fmt.Fprintf(&b, "\n%s\n\n", h)
			t = NewTable(compareHead(c.Replications)...)
		}
		t.Row(compareCells(d)...)
	}
	flush()
	if heading == "" {
		b.WriteString("\nNo figure says anything in either variant.\n")
	}
	if len(c.OnlyA) > 0 {
		fmt.Fprintf(&b, "\nOnly in A, not compared: %s.\n", strings.Join(c.OnlyA, ", "))
	}
	if len(c.OnlyB) > 0 {
		fmt.Fprintf(&b, "\nOnly in B, not compared: %s.\n", strings.Join(c.OnlyB, ", "))
	}
	if c.Replications < 2 {
		b.WriteString("\nOne replication gives a difference but no interval: run more (--reps) to tell a change from chance.\n")
	}
	if len(r.Targets) > 0 {
		b.WriteString("\n" + targetsNote + "\n")
	}
	b.WriteString("\n* the 95 % interval of B − A excludes zero: the variants differ. Intervals come from the\n" +
		"  differences of paired replications, which saw the same customers (common random numbers);\n" +
		"  \"independent runs\" is the interval as many independent replications of each would give\n" +
		"  (Welch, from each variant's own spread).\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// groupHeading is the heading of a row's table.
func groupHeading(d models.Difference) string {
	switch d.Group {
	case models.GroupChannel:
		return "channel " + d.Name
	case models.GroupPool:
		return "pool " + d.Name
	case models.GroupAllPools:
		return "all pools"
	}
	return d.Group
}

// Difference formats a difference with its confidence half-width, signed,
// shares in percentage points ("+3.70 pts ± 0.10"), marked " *" when
// significant.
func Difference(diff, half float64, unit string, significant bool) string {
	if math.IsNaN(diff) {
		return "–"
	}
	var s string
	switch unit {
	case UnitShare:
		s = strconv.FormatFloat(100*diff, 'f', 2, 64) + " pts"
		if !math.IsNaN(half) {
			s += " ± " + strconv.FormatFloat(100*half, 'f', 2, 64)
		}
	case UnitCount:
		s = Count(diff, 1)
		if !math.IsNaN(half) {
			s += " ± " + Count(half, 1)
		}
	default:
		s = Estimate(diff, half, unit)
		if unit == UnitSeconds && diff == 0 {
			s = "0 s"
			if !math.IsNaN(half) {
				s += " ± " + Count(half, 2)
			}
		}
	}
	if diff > 0 {
		s = "+" + s
	}
	if significant {
		s += " *"
	}
	return s
}

// compareHead is the heading of a comparison's table of figures: with
// one replication, the difference has no interval.
func compareHead(replications int) []string {
	diff := "B − A, 95 % CI"
	if replications < 2 {
		diff = "B − A"
	}
	return []string{"figure", "A", "B", diff, "independent runs", "common random numbers"}
}

// compareCells are a figure's cells in that table.
func compareCells(d models.Difference) []string {
	return []string{d.Label, Estimate(d.A.Mean, d.A.HalfWidth, d.Unit), Estimate(d.B.Mean, d.B.HalfWidth, d.Unit),
		Difference(d.Diff, d.Half, d.Unit, d.Significant()), independentCell(d), narrowerCell(d)}
}

// independentCell is the half-width independent runs would give, in the
// difference's units.
func independentCell(d models.Difference) string {
	h := d.IndependentHalf
	if math.IsNaN(h) {
		return "–"
	}
	switch d.Unit {
	case UnitShare:
		return "± " + strconv.FormatFloat(100*h, 'f', 2, 64)
	case UnitSeconds:
		scale, _ := secondsScale(d.Diff)
		if d.Diff == 0 {
			scale = 1
		}
		return "± " + Count(h/scale, 2)
	case UnitHours, UnitCount:
		return "± " + Count(h, 1)
	case UnitMoney:
		return "± " + Count(h, 0)
	}
	return "± " + Count(h, 2)
}

// narrowerCell says how much the common random numbers narrowed the
// interval.
func narrowerCell(d models.Difference) string {
	switch {
	case d.Pairs < 2:
		return ""
	case d.Half == 0 && d.IndependentHalf == 0:
		return "no spread"
	case d.Half == 0:
		return "same in every pair"
	}
	return fmt.Sprintf("%.1f× narrower", d.Narrower())
}

// JSON returns the comparison as a JSON object: "a" and "b" (each the
// scenario, title, file and sets), "seed", "replications", "horizon_seconds",
// "warmup_seconds", "level"; "targets" (by channel, then by the key of
// the figure a target is on: service_level, p_abandon, occupancy), each
// with "a" and "b": the variant's target, its figure, "verdict" (met,
// missed, undecided or no data) and its periods by verdict, or null when
// the variant's scenario sets no such target; "findings", the targets and
// staffing in words; then "channels" (by name), "customers", "pools" (by
// name, each with "cost_per_day" after "cost"), "all_pools" (when either
// variant has several) and "expectation", each figure under its key with
// "a", "a_ci95", "b", "b_ci95", "difference" (the mean of B − A over the
// paired replications), "ci95" (its half-width), "independent_ci95",
// "narrower" (their ratio), "significant" and "pairs"; and "only_a",
// "only_b": what one variant has and the other lacks. Undefined values are
// null.
func (r *CompareReport) JSON() *Object {
	c := r.Comparison
	cfg := r.A.Report.Config
	side := func(v Variant) *Object {
		o := &Object{}
		sets := v.Sets
		if sets == nil {
			sets = []string{}
		}
		return o.Set("scenario", v.Report.Name).Set("title", v.Report.Title).Set("file", v.Report.File).Set("sets", sets)
	}
	o := &Object{}
	o.Set("a", side(r.A)).Set("b", side(r.B)).Set("seed", cfg.Seed).Set("replications", c.Replications).
		Set("horizon_seconds", cfg.Horizon).Set("warmup_seconds", cfg.Warmup).Set("level", c.Level)
	findings := append(r.TargetFindings(), r.StaffingFindings()...)
	if findings == nil {
		findings = []string{}
	}
	o.Set("targets", r.targetsJSON()).Set("findings", findings)
	channels, pools, allPools := &Object{}, &Object{}, &Object{}
	customers, expectation := &Object{}, &Object{}
	var last *Object
	lastName := ""
	for _, d := range c.Rows {
		var parent *Object
		switch d.Group {
		case models.GroupChannel:
			parent = channels
		case models.GroupPool:
			parent = pools
		case models.GroupCustomers:
			customers.Set(d.Key, differenceJSON(d))
			continue
		case models.GroupAllPools:
			allPools.Set(d.Key, differenceJSON(d))
			continue
		default:
			expectation.Set(d.Key, differenceJSON(d))
			continue
		}
		if last == nil || lastName != d.Group+"/"+d.Name {
			last, lastName = &Object{}, d.Group+"/"+d.Name
			parent.Set(d.Name, last)
		}
		last.Set(d.Key, differenceJSON(d))
	}
	o.Set("channels", channels).Set("customers", customers).Set("pools", pools)
	if allPools.Len() > 0 {
		o.Set("all_pools", allPools)
	}
	if expectation.Len() > 0 {
		o.Set("expectation", expectation)
	}
	only := func(s []string) []string {
		if s == nil {
			return []string{}
		}
		return s
	}
	return o.Set("only_a", only(c.OnlyA)).Set("only_b", only(c.OnlyB))
}

func differenceJSON(d models.Difference) *Object {
	o := &Object{}
	return o.Set("a", d.A.Mean).Set("a_ci95", d.A.HalfWidth).Set("b", d.B.Mean).Set("b_ci95", d.B.HalfWidth).
		Set("difference", d.Diff).Set("ci95", d.Half).Set("independent_ci95", d.IndependentHalf).
		Set("narrower", d.Narrower()).Set("significant", d.Significant()).Set("pairs", d.Pairs)
}

// compareColumns describe compare.csv's columns.
var compareColumns = []Column{
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

// Table returns compare.csv: one row per figure compared.
func (r *CompareReport) Table() *CSVTable {
	t := &CSVTable{}
	for _, c := range compareColumns {
		t.Columns = append(t.Columns, c.Name)
	}
	for _, d := range r.Comparison.Rows {
		t.Rows = append(t.Rows, []string{d.Group, d.Name, d.Key, d.Unit, strconv.Itoa(d.Pairs),
			cellOf(d.A.Mean), cellOf(d.A.HalfWidth), cellOf(d.B.Mean), cellOf(d.B.HalfWidth),
			cellOf(d.Diff), cellOf(d.Half), cellOf(d.IndependentHalf), cellOf(d.Narrower()),
			strconv.FormatBool(d.Significant())})
	}
	return t
}

// Files returns the files of a comparison's output folder: summary.json
// (the JSON report with "omnisim_version", the "definitions" of every
// figure and the "files" of the folder), compare.csv, and a chart of the
// differences for each channel compared, as charts/<name>.svg and .png.
func (r *CompareReport) Files(version string) []File {
	t := r.Table()
	files := []File{
		{Name: SummaryFile, Description: "the comparison: both variants, their targets met, missed or undecided, every figure's means, difference and intervals (as --json prints it), the definitions of the figures, and what each file holds"},
		{Name: CompareFile, Description: "one row per figure compared: each variant's mean and half-width, the paired difference B − A with its half-width, and the half-width independent runs would give",
			Columns: compareColumns, Write: t.WriteCSV},
	}
	files = append(files, compareVisualFiles(r)...)
	if r.Provenance != nil {
		files = append(files, r.Provenance.Files...)
	}
	s := &Object{}
	s.Set("omnisim_version", version)
	r.Provenance.Set(s)
	j := r.JSON()
	for i, k := range j.keys {
		s.Set(k, j.values[i])
	}
	defs := &Object{}
	defs.Set("channels", definitions(models.Figures)).
		Set("customers", definitions(models.CustomerFigures)).
		Set("pools", definitions(models.PoolFigures).Set("cost_per_day", costPerDayDefinition)).
		Set("verdict", verdictDefinition).
		Set("expectation", (&Object{}).Set("expectation_level", "the global expectation level at the horizon (word of mouth): it scales patience by exp(−coupling × level)"))
	s.Set("definitions", defs).Set("files", filesJSON(files))
	files[0].Write = func(w io.Writer) error { return WriteJSON(w, s) }
	return files
}
