package folder

import (
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/table"
	"github.com/omnisim/omnisim/plan"
)

// RunSummary returns the object summary.json holds, but for its "files"
// (RunFiles adds them): "omnisim_version", the version that ran; the
// run's JSON report (table.RunJSON) without intervals; "run", the run's
// description as a Dataset's Meta holds it (Read reads it back); and
// "definitions", the definition of every figure under its key, in
// "channels", "customers" and "pools", in the order of models.Figures,
// CustomerFigures and PoolFigures. It holds no wall-clock time: the same
// run always gives the same bytes.
func RunSummary(r *output.RunReport, version string) *output.Object {
	o := &output.Object{}
	o.Set("omnisim_version", version)
	r.Provenance.Set(o)
	run := table.RunJSON(r, table.RunOptions{})
	for k, v := range run.All() {
		o.Set(k, v)
	}
	o.Set("run", r.Meta(version))
	defs := &output.Object{}
	defs.Set("channels", definitions(models.Figures)).
		Set("customers", definitions(models.CustomerFigures)).
		Set("pools", definitions(models.PoolFigures))
	return o.Set("definitions", defs)
}

// RunDataset returns what a run's output folder is made of: r's
// TextDataset and its RunSummary, the summary made on a goroutine of its
// own while the tables are (each reads r only): the same tables and the
// same summary as made one after the other.
func RunDataset(r *output.RunReport, version string) (*output.Dataset, *output.Object) {
	summary := make(chan *output.Object, 1)
	go func() { summary <- RunSummary(r, version) }()
	ds := r.TextDataset(version)
	return ds, <-summary
}

// definitions maps each figure's key to its definition, in order.
func definitions[T any](figs []models.Figure[T]) *output.Object {
	o := &output.Object{}
	for _, f := range figs {
		o.Set(f.Key, f.Definition)
	}
	return o
}

// RunFiles returns the files of a run's output folder, in this order:
// summary.json, which is summary (as RunSummary makes it) with "files"
// added, what each file of the folder holds and its columns; intervals.csv,
// daily.csv, customers.csv, staffing.csv and flows.csv; expectation.csv
// when the run had word of mouth (ds.Expectation is not nil); totals.csv;
// claims.csv for a story omnisim demo told (ds.Claims is not nil); then
// extra.
//
// extra is the hook for what the tables do not hold: contacts.csv
// (table.Contacts.File), the charts (charts/<name>.png and charts/<name>.svg) and
// report.html. Pass them here rather than appending them to the list
// returned, so that summary.json lists them with the rest. summary is not
// changed.
func RunFiles(ds *output.Dataset, summary *output.Object, extra ...output.File) []output.File {
	tables := []struct {
		name, about string
		t           *output.CSVTable
		cols        func(string) string
	}{
		{IntervalsFile, intervalsAbout, ds.Intervals, targetDocs(ciDocs(columnDocs(channelColumns, models.Figures)))},
		{DailyFile, dailyAbout, ds.Daily, ciDocs(columnDocs(channelColumns, models.Figures))},
		{CustomersFile, customersAbout, ds.Customers, ciDocs(columnDocs(customerColumns, models.CustomerFigures))},
		{StaffingFile, staffingAbout, ds.Staffing, columnDocs[models.Counts](staffingColumns, nil)},
		{FlowsFile, flowsAbout, ds.Flows, columnDocs[models.Counts](flowsColumns, nil)},
		{ExpectationFile, expectationAbout, ds.Expectation, columnDocs[models.Counts](expectationColumns, nil)},
		{TotalsFile, totalsAbout, ds.Totals, columnDocs[models.Counts](totalsColumns, nil)},
		{ClaimsFile, claimsAbout, ds.Claims, columnDocs[models.Counts](claimsColumns, nil)},
	}
	files := []output.File{{Name: SummaryFile, Description: summaryAbout}}
	for _, tb := range tables {
		if tb.t == nil {
			continue
		}
		t := tb.t
		f := output.File{Name: tb.name, Description: tb.about, Write: t.WriteCSV}
		for _, c := range t.Columns {
			f.Columns = append(f.Columns, output.Column{Name: c, Description: tb.cols(c)})
		}
		files = append(files, f)
	}
	files = append(files, extra...)

	s := summary.Clone()
	s.Set("files", filesJSON(files))
	files[0].Write = func(w io.Writer) error { return output.WriteJSON(w, s) }
	return files
}

// filesJSON describes each file under its name: "description", and for a
// CSV file its "columns", each name with what it holds.
func filesJSON(files []output.File) *output.Object {
	o := &output.Object{}
	for _, f := range files {
		fo := &output.Object{}
		fo.Set("description", f.Description)
		if f.Columns != nil {
			cols := &output.Object{}
			for _, c := range f.Columns {
				cols.Set(c.Name, c.Description)
			}
			fo.Set("columns", cols)
		}
		o.Set(f.Name, fo)
	}
	return o
}

// columnDocs returns what a column of a table holds: its entry in docs, or
// else the definition of the figure it is named after.
func columnDocs[T any](docs map[string]string, figs []models.Figure[T]) func(string) string {
	return func(name string) string {
		if d, ok := docs[name]; ok {
			return d
		}
		for _, f := range figs {
			if f.Key == name {
				return f.Definition
			}
		}
		return ""
	}
}

// ciDocs extends docs to the half-width columns (output.CISuffix) of the figures
// docs describes.
func ciDocs(docs func(string) string) func(string) string {
	return func(name string) string {
		if key, ok := strings.CutSuffix(name, output.CISuffix); ok && docs(key) != "" {
			return "the 95 % confidence half-width of " + key + " (the figure ± this is the interval): " + pooledCINote
		}
		return docs(name)
	}
}

// targetDocs extends docs to the columns of intervals.csv that judge a
// figure against the channel's target (TargetSuffix, VerdictSuffix).
func targetDocs(docs func(string) string) func(string) string {
	return func(name string) string {
		if key, ok := strings.CutSuffix(name, output.TargetSuffix); ok && docs(key) != "" && slices.ContainsFunc(output.TargetKinds,
			func(k plan.Kind) bool { return k.Key() == key }) {
			bound := map[string]string{
				"service_level": "the lowest service level the channel accepts (its service_level.target; on a " +
					"deferred channel, its response target)",
				"p_abandon": "the highest abandonment the channel accepts (its max_abandon)",
				"occupancy": "the highest occupancy the channel accepts (its max_occupancy)",
			}[key]
			return bound + "; empty when the scenario sets no such target (omnisim staffs a live channel " +
				"without one for 80 % within its threshold, but judges nothing against that)"
		}
		if key, ok := strings.CutSuffix(name, output.VerdictSuffix); ok && docs(key) != "" && slices.ContainsFunc(output.TargetKinds,
			func(k plan.Kind) bool { return k.Key() == key }) {
			return "the interval's verdict on " + key + output.TargetSuffix + ", earned by the 95 % confidence interval " +
				key + " ± " + key + output.CISuffix + ": met when the whole interval is on the target's good side, missed " +
				"when it is wholly on the other, undecided when it straddles the target or there is no interval " +
				"(a single replication); empty with no target, or no data (no contacts)"
		}
		return docs(name)
	}
}

// What each file holds, for summary.json's "files".
const (
	summaryAbout = "the run: the scenario and its settings; every figure per channel, for the customers and per pool, " +
		"as the mean over the replications with its 95 % confidence half-width (\"ci95\"), and day by day; " +
		"\"run\", the run's description the charts and the report are drawn from; the definition of every figure " +
		"(\"definitions\") and of every file of this folder (\"files\")"
	meansNote = "Counts, hours and costs are means per replication; shares, seconds and ratios are pooled " +
		"over the replications (the quotient of their sums). An empty cell is a figure with no data, or one " +
		"that does not apply to the channel's kind (abandonment on deferred and self-service channels)."
	intervalsAbout = "one row per channel and interval (every interval of one channel, then the next channel): " +
		"every channel figure over the interval, the agents it needed, the 95 % confidence half-width of each " +
		"figure (<figure>_ci95), and each target the channel sets (<figure>_target) with the interval's verdict " +
		"on it (<figure>_verdict: met, missed or undecided). " + meansNote
	dailyAbout = "one row per channel and day: every channel figure over the day, then the 95 % confidence " +
		"half-width of each (<figure>_ci95). " + meansNote
	customersAbout = "one row per day: every customer figure of the customers whose journeys began that day, " +
		"then the 95 % confidence half-width of each (<figure>_ci95). " + meansNote
	pooledCINote = "Student t with n − 1 degrees of freedom for n replications, times the jackknife standard error " +
		"over the replications (the figure of the day or interval recomputed with each replication left out in turn), which for " +
		"counts is the usual s/√n; past B replications, over B batches of them (replication k in batch k mod B, " +
		"a batch left out in turn, B − 1 degrees of freedom), B from 64 to 1,024 as 256 MB holds them; empty with a single replication, or when leaving out a replication leaves " +
		"the figure with no data"
	totalsAbout = "one row per figure over the measured window, in long form: every figure of each channel, " +
		"of the customers, of each pool and, with word of mouth, the expectation level at the horizon, as the " +
		"mean over the replications of each replication's value with its 95 % confidence half-width (Student t), " +
		"the figures omnisim run prints and summary.json holds"
	staffingAbout = "one row per pool and interval: the agents scheduled, present and busy, occupancy, cost, " +
		"and the agents needed. Agents present, busy agents and costs are means per replication."
	flowsAbout = "one row per ordered pair of different channels: customers' moves from one to the other in the " +
		"measured window (after a failure, a chase, an escalation, or self-service sending them on), a mean per replication"
	claimsAbout = "one row per claim of the scenario's story, as omnisim demo judged it on this run: the sentence " +
		"with the numbers measured, each side's mean with its 95 % confidence half-width, and the change B − A " +
		"(B ÷ A − 1 when relative), paired replication by replication, with its half-width; the A/B charts " +
		"(charts/claim-N) and the report's story are drawn from it"
	expectationAbout = "one row per interval (with word of mouth only): the global expectation level at the " +
		"interval's end and the patience factor it implies, means over the replications"
)

// Columns that are not figures, for summary.json's "files".
var (
	timeColumns = map[string]string{
		"interval":      "the interval's number, from 0 at the start of the run (warm-up included)",
		"day":           "the day, from 1",
		"weekday":       "the day's weekday: mon, tue, wed, thu, fri, sat or sun",
		"time":          "the interval's start as the time of day, HH:MM",
		"start_seconds": "the interval's start, in seconds from the start of the run",
	}
	channelColumns = with(timeColumns, map[string]string{
		"channel": "the channel's name",
		"needed_agents": "the agents the interval needed: for a live channel, the fewest with which Erlang A " +
			"(Erlang C without patience) meets the channel's targets (service level, max_abandon, max_occupancy; " +
			"80 % within its threshold if it has none) at the " +
			"interval's offered rate and handle time, divided by its concurrency; for a deferred channel, the workload " +
			"(offered × handle time ÷ the interval's length); empty for self-service",
	})
	customerColumns = with(timeColumns, map[string]string{
		"day": "the day the customers' journeys began, from 1",
	})
	staffingColumns = with(timeColumns, map[string]string{
		"pool":      "the pool's name",
		"scheduled": "the agents the pool's schedule has in the interval, before shrinkage",
		"available": "the agents present to take contacts (scheduled less shrinkage): their time ÷ the interval's length",
		"busy":      "the agents busy handling contacts: handling time ÷ the interval's length",
		"occupancy": "busy time ÷ available time",
		"cost":      "the pool's cost over the interval: scheduled hours priced at its cost per hour",
		"needed_agents": "each channel's needed agents (intervals.csv) shared among the pools that serve it, " +
			"in proportion to the agent time they had present",
	})
	flowsColumns = map[string]string{
		"from":  "the channel the customers moved from",
		"to":    "the channel they moved to",
		"moves": "the moves, a mean per replication",
	}
	totalsColumns = map[string]string{
		"scope": "what the figure belongs to: channel, customers, pool, or expectation",
		"name":  "the channel's or pool's name; customers or expectation for those scopes",
		"figure": "the figure's key, as in summary.json, whose \"definitions\" define it " +
			"(the expectation's figure is level, the global expectation level at the horizon)",
		"unit": "count (a mean per replication), share (from 0 to 1), s (seconds), h (hours), " +
			"money, or x (a ratio)",
		"mean": "the mean over the replications of each replication's value; empty when no " +
			"replication had data for it",
		"ci95": "the half-width of the mean's 95 % confidence interval, Student t with n − 1 " +
			"degrees of freedom over the n replications with data (mean ± ci95); empty with fewer than two",
	}
	claimsColumns = map[string]string{
		"claim":    "the claim's number, from 1, in the scenario's order",
		"sentence": "the claim's sentence with the numbers this run measured",
		"in_words": "for a claim on the expectation level, what it did to customers' patience, in words; empty for other figures",
		"held":     "true when the run bears the claim out, false when it does not",
		"why":      "when the claim did not hold, the test it failed",
		"figure":   "the figure measured, as the claim names it (a channel's, the customers', a pool's, or expectation)",
		"unit": "the figure's unit: count (a mean per replication), share (from 0 to 1), s (seconds), h (hours), " +
			"money, x (a ratio), or level (the expectation level)",
		"relative":          "true when the change is B ÷ A − 1, false when it is B − A",
		"expect":            "what the claim expects: rise, fall or steady (a change), above or below (a level, side a against than)",
		"by":                "the size of change claimed, in the figure's unit (a share's as a fraction), or as a fraction of A when relative",
		"than":              "the level side a is set against, for a claim expecting above or below",
		"a":                 "side a: its days (week 1) and the overrides of its variant, or the scenario",
		"a_mean":            "the figure on side a, the mean over the replications",
		"a_ci95":            "the half-width of a_mean's 95 % confidence interval (Student t over the replications)",
		"a_patience_factor": "for the expectation level, what a_mean does to patience: exp(−a_coupling × a_mean)",
		"a_coupling":        "for the expectation level, side a's word_of_mouth.coupling (0 without word of mouth)",
		"b":                 "side b, as a; empty for a claim on a level, which has one side",
		"b_mean":            "the figure on side b, the mean over the replications",
		"b_ci95":            "the half-width of b_mean's 95 % confidence interval",
		"b_patience_factor": "for the expectation level, what b_mean does to patience: exp(−b_coupling × b_mean)",
		"b_coupling":        "for the expectation level, side b's word_of_mouth.coupling",
		"change": "the mean over the replications of B − A (B ÷ A − 1 when relative), paired replication by " +
			"replication: the variants saw the same customers",
		"change_ci95": "the half-width of the change's 95 % confidence interval (Student t over the pairs)",
		"pairs":       "the replications in which the figure is defined on both sides",
	}
	expectationColumns = with(timeColumns, map[string]string{
		"level": "the global expectation level at the interval's end, the mean over the replications: " +
			"0 where it started; above 0 when stories told of service faster than expected, so customers are less patient",
		"patience_factor": "what the level does to patience on every channel: exp(−coupling × level) " +
			"(adaptive patience: Zohar, Mandelbaum and Shimkin 2002)",
	})
)

// with returns a map holding both a's entries and b's.
func with(a, b map[string]string) map[string]string {
	out := maps.Clone(a)
	maps.Copy(out, b)
	return out
}
