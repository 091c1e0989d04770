package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/fit"
	"github.com/omnisim/omnisim/internal/input"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/chart"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/scenarios"
)

type fitOptions struct {
	runOptions
	format, mapping string
	interval        string
	within, redial  string
	check           bool
	forecast        string
	charts          string
	spanGap         string
	availability    string
	part, away      string
	calReps         int
	pooled          bool
	split           string
	patience        string
}

func newFitCmd(s streams) *cobra.Command {
	o := &fitOptions{runOptions: runOptions{now: time.Now}}
	var formats []string
	for _, f := range fit.Formats {
		formats = append(formats, fmt.Sprintf("  %-8s %s", f.Name, f.About))
	}
	cmd := &cobra.Command{
		Use:   "fit LOG",
		Short: "Fit a scenario to a log of contacts, and check it against the log",
		Long: `Read a log of contacts (one row per contact: when it arrived, its channel or
queue, how long it waited, answered or abandoned, its handle time, and when
the log has them its type, the customer and the agent) and write a scenario
fitted to it, with a fit report on stdout:

  arrivals: each channel's mean contacts per interval of the week, from the
    days the log covers (and how much daily volumes vary beyond Poisson);
  handle times: a lognormal and a gamma law with the log's mean and CV,
    and an empirical law of the log's own times (from 1,000 contacts on),
    each with its Kolmogorov–Smirnov distance to the log; the closest is
    used; the same by channel and type when the log has types, which become
    the scenario's issues;
  patience: exponential, its mean the time every contact waited divided by
    those who gave up (answered waits are censored observations of
    patience), and the Kaplan–Meier median beside it;
  redials: the share of give-ups the same customer followed with another
    contact within --redial-within, which the scenario retries (its
    arrivals are the log's less the redials);
  staffing, when the log names agents: the agents at work in each
    interval, each from the start of a working span (services no more than
    --span-gap apart) to its end; the mean spell away, from the agents
    idle beside a waiting caller they serve; and their availability, the
    share of their time at work they were ready for contacts, estimated by
    simulation: the fitted scenario is run at trial availabilities, with
    common random numbers, until the share of contacts that waited matches
    the log's in every hour (--availability-part; hours with too few
    contacts are taken together). Abandonment, waits and service level are
    left for --check to test.

The log is read as a stream. Rows that cannot be read are counted and
listed with their line numbers; a log mostly unreadable is refused.

Formats:
` + strings.Join(formats, "\n") + `
The format is recognised from the header unless --format names it. A log of
any other layout is read with --map FILE, a small YAML file naming its
columns (arrival time and its layout, channel, wait, handle time, outcome
values, and optionally type, customer and agent): see docs/fit.md.

--check simulates the fitted scenario and sets it against the log, time of
day by time of day: contacts per day, abandonment, mean wait, service level
and the share that waited, each with its 95 % confidence interval, and says
how close they are; --json writes the fit and the check as one JSON object.
--split DATE fits the log before DATE and, with --check, also sets the part
from DATE on against the fitted scenario given that part's own arrivals and
agents at work: do last month's parameters predict this month?

The scenario goes to the file --out names, or else to <log>-fitted.yaml
beside the working directory's files; an existing file is replaced only
with --force.`,
		Example: `  omnisim fit fit/testdata/known-contacts.csv --out known-fitted.yaml --check
  omnisim fit fit/testdata/known-contacts.csv --out known-json.yaml --check --json > check.json
  omnisim run textbook --reps 1 --journeys --out run1 && omnisim fit run1/contacts.csv --out first-days.yaml --check --split 1970-01-05`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkRepsJobs(cmd, o.reps, o.workers); err != nil {
				return err
			}
			if cmd.Flags().Changed("out") && o.out == "" {
				return usageErrorf("--out needs the name of a file")
			}
			return o.fit(s, args[0])
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "", "the log's `format`: bank or omnisim (default: from the header)")
	f.StringVar(&o.mapping, "map", "", "read a log of another layout as the YAML mapping `FILE` says (see docs/fit.md)")
	f.StringVar(&o.interval, "interval", "1h", "the `length` of the intervals arrivals and staffing are counted in; divides a day")
	f.StringVar(&o.within, "within", "20s", "the service-level threshold the scenario and the check use")
	f.StringVar(&o.redial, "redial-within", "1h", "a call from a customer this soon after giving up counts as a redial")
	f.BoolVar(&o.check, "check", false, "simulate the fitted scenario and set it against the log")
	f.StringVar(&o.charts, "charts", "", "also draw the log against the fit into the folder `DIR` (PNG and SVG): each channel's handle times, and with --check the comparison")
	f.StringVar(&o.forecast, "forecast", "", "also write the fitted arrivals as a forecast table to `FILE` (CSV; a scenario's forecast key reads it)")
	f.StringVar(&o.patience, "patience", "exponential", "the patience law the scenario takes: exponential, or kaplan-meier (the curve itself, as an empirical law)")
	f.StringVar(&o.spanGap, "span-gap", "30m", "the longest gap between an agent's services within one working span")
	f.StringVar(&o.availability, "availability", "estimate", "the share of their time at work agents are ready for contacts: estimate (by simulation), or a share such as 90%")
	f.StringVar(&o.part, "availability-part", "1h", "estimate availability for each part of the day this long (a multiple of --interval that divides a day; 24h for one per group of pools)")
	f.StringVar(&o.away, "away-spell", "estimate", "the mean length of an agent's spells away from contacts: estimate (from the log), or a duration such as 5m")
	f.BoolVar(&o.pooled, "availability-pooled", false, "estimate one availability per pool for the parts of the day that agree, and one of their own only for those that depart from it")
	f.IntVar(&o.calReps, "calibration-reps", 20, "replications of the fitted week in each trial of the availability search")
	f.StringVar(&o.split, "split", "", "fit on the log before this `date` (2006-01-02) and, with --check, also check the part from it on")
	o.reps = 10
	o.bind(f, runFlagHelp{
		reps:  "replications of the check",
		jobs:  runHelp.jobs,
		json:  "with --check: write the fit and the check as one JSON object instead of tables",
		out:   "write the scenario to `FILE` (default: <log>-fitted.yaml)",
		force: "replace the file --out names if it exists",
	})
	return cmd
}

func (o *fitOptions) options() (fit.Options, error) {
	opts := fit.DefaultOptions
	var problems []string
	for _, d := range []struct {
		flag, v string
		to      *float64
	}{{"--interval", o.interval, &opts.Interval}, {"--within", o.within, &opts.AnswerWithin}, {"--redial-within", o.redial, &opts.RedialWithin},
		{"--span-gap", o.spanGap, &opts.SpanGap}} {
		sec, err := models.ParseDuration(d.v)
		if err != nil || !(sec > 0) {
			problems = append(problems, fmt.Sprintf("%s %s: want a duration > 0 such as 30m", d.flag, d.v))
			continue
		}
		*d.to = sec
	}
	switch o.patience {
	case "exponential":
	case "kaplan-meier":
		opts.PatienceKM = true
	default:
		problems = append(problems, fmt.Sprintf("--patience %s: want exponential or kaplan-meier", o.patience))
	}
	if opts.Interval > 0 && (opts.Interval > 86400 || 86400/opts.Interval != float64(int(86400/opts.Interval))) {
		problems = append(problems, fmt.Sprintf("--interval %s: must divide a day (15m, 30m, 1h, 2h...)", o.interval))
	}
	if len(problems) > 0 {
		return opts, usageErrorf("%s", strings.Join(problems, "\n"))
	}
	return opts, nil
}

// fit reads and fits the log at path, writes the fitted scenario (and the
// forecast) and the report, and with --check checks the scenario against
// the log, drawing the charts.
func (o *fitOptions) fit(s streams, path string) error {
	opts, err := o.options()
	if err != nil {
		return err
	}
	cal, err := o.calibrateOptions(opts)
	if err != nil {
		return err
	}
	split, err := o.splitDay()
	if err != nil {
		return err
	}
	if o.json && !o.check {
		return usageErrorf("--json writes the check: give --check too")
	}
	out := o.out
	if out == "" {
		base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		out = fileName(base) + "-fitted.yaml"
	}
	if err := o.checkOutputs(path, out); err != nil {
		return err
	}
	start := time.Now()
	lg, err := o.readLog(path, opts, split)
	if err != nil {
		return err
	}
	// Every chart is checked before anything is written: a refused
	// command writes nothing.
	charts := handleCharts(lg.result)
	if err := o.checkCharts(path, charts); err != nil {
		return err
	}
	name := fileName(strings.TrimSuffix(filepath.Base(out), filepath.Ext(out)))
	yaml, sc, err := o.scenario(s, lg.result, name, filepath.Base(path), cal)
	if err != nil {
		return err
	}
	// The check keeps every replication to the end: one that would not fit
	// in memory is refused before anything is written.
	if o.check {
		if err := checkMemory(out, &sc.Config, o.reps, parallel(o.workers, o.reps), "--reps"); err != nil {
			return err
		}
	}
	if err := o.writeFitted(s, lg.result, yaml, out); err != nil {
		return err
	}
	fmt.Fprintf(s.errOut, "omnisim: read %s (%s format) in %.2f s; wrote %s\n", path, lg.format.Name, time.Since(start).Seconds(), out)
	if !o.json {
		if o.split != "" {
			fmt.Fprintf(s.out, "Fitted on the log before %s (%d of its rows read are from that day on, for the out-of-sample check).\n\n", o.split, lg.afterRows)
		}
		if err := lg.result.WriteReport(s.out, lg.summary, filepath.Base(path)); err != nil {
			return failed(err)
		}
	}
	if !o.check {
		return o.drawFitCharts(s, charts)
	}
	return o.checkFit(s, lg, &sc.Config, charts, name, path, out)
}

// fitLog is a log read and fitted: the fit of the log (before --split's
// day), the fitter of the rest and how many rows it has, what was read and
// in which format.
type fitLog struct {
	result    *fit.Fit
	after     *fit.Fitter
	afterRows int
	summary   *fit.Summary
	format    fit.Format
}

// readLog reads the log at path and fits it: with --split, the part before
// split's day; the rest is kept for the out-of-sample check.
func (o *fitOptions) readLog(path string, opts fit.Options, split int) (*fitLog, error) {
	file, err := fit.OpenLog(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	in := bufio.NewReaderSize(file, 1<<16)
	format, err := o.detect(path, in)
	if err != nil {
		return nil, fromInput(err)
	}
	// Before the split (or all of the log) is fitted; after it, with
	// --split, is what the fit must predict.
	fitter := fit.NewFitter(opts)
	lg := &fitLog{after: fit.NewFitter(opts), format: format}
	lg.summary, err = fit.Read(in, format, func(r *fit.Record) {
		if o.split != "" && r.Day >= split {
			lg.afterRows++
			lg.after.Add(r)
			return
		}
		fitter.Add(r)
	})
	if err != nil {
		return nil, fromInput(fmt.Errorf("fit: %s: %w", path, err))
	}
	lg.result = fitter.Result()
	if len(lg.result.Channels) == 0 {
		if o.split != "" {
			return nil, usageErrorf("--split %s: the log has no contact before that day", o.split)
		}
		return nil, inputErrorf("fit: %s: no contact to fit", path)
	}
	if o.split != "" && lg.afterRows == 0 {
		return nil, usageErrorf("--split %s: the log has no contact from that day on", o.split)
	}
	return lg, nil
}

// writeFitted writes the fitted scenario to out and, with --forecast, the
// forecast.
func (o *fitOptions) writeFitted(s streams, result *fit.Fit, yaml []byte, out string) error {
	if err := output.WriteFileAtomic(out, func(w io.Writer) error { _, err := w.Write(yaml); return err }); err != nil {
		return failed(err)
	}
	if o.forecast != "" {
		if err := output.WriteFileAtomic(o.forecast, func(w io.Writer) error { return result.WriteForecast(w) }); err != nil {
			return failed(err)
		}
		fmt.Fprintf(s.errOut, "omnisim: wrote the forecast %s\n", o.forecast)
	}
	return nil
}

// checkFit runs --check (and, with --split, the out-of-sample check),
// writes the checks as text or JSON, and draws the charts with theirs.
func (o *fitOptions) checkFit(s streams, lg *fitLog, cfg *models.Config, charts []chart.Chart, name, path, out string) error {
	check, err := o.runCheck(s, lg.result, cfg)
	if err != nil {
		return err
	}
	charts = append(charts, checkChart(check, "check", "The log against the fitted scenario, by time of day"))
	var outOfSample *fit.CheckResult
	var missing []string
	if o.split != "" {
		if outOfSample, missing, err = o.checkAfterSplit(s, lg.result, lg.after, name, path, out); err != nil {
			return err
		}
		charts = append(charts, checkChart(outOfSample, "check-after-split",
			"The log from "+o.split+" on against the scenario fitted before it, by time of day"))
	}
	if o.json {
		doc := new(output.Object).Set("log", filepath.Base(path)).Set("format", lg.format.Name).Set("scenario", out).
			Set("fit", lg.result.JSON(lg.summary)).Set("check", check.JSON())
		if outOfSample != nil {
			doc.Set("split", new(output.Object).Set("date", o.split).Set("missing", missing).Set("check", outOfSample.JSON()))
		}
		if err := output.WriteJSON(s.out, doc); err != nil {
			return failed(err)
		}
		return o.drawFitCharts(s, charts)
	}
	if err := o.writeChecks(s, check, outOfSample, missing); err != nil {
		return failed(err)
	}
	return o.drawFitCharts(s, charts)
}

// checkAfterSplit checks the fit out of sample (--split): the scenario
// fitted before the split, given the later part's own arrivals and agents
// at work, simulated and checked against the later part of the log. It
// returns the check and what the later part has that the fit does not.
func (o *fitOptions) checkAfterSplit(s streams, result *fit.Fit, after *fit.Fitter, name, path, out string) (*fit.CheckResult, []string, error) {
	later := after.Result()
	transfer, missing := result.Transfer(later)
	_, tsc, err := o.scenario(s, transfer, name+"-after", filepath.Base(path), fit.CalibrateOptions{})
	if err != nil {
		return nil, nil, err
	}
	if err := checkMemory(out, &tsc.Config, o.reps, parallel(o.workers, o.reps), "--reps"); err != nil {
		return nil, nil, err
	}
	results, err := o.simulate(s, &tsc.Config)
	if err != nil {
		return nil, nil, err
	}
	return later.Check(&tsc.Config, results), missing, nil
}

// writeChecks writes the check as text, and the out-of-sample check
// after it when there is one.
func (o *fitOptions) writeChecks(s streams, check, outOfSample *fit.CheckResult, missing []string) error {
	if _, err := fmt.Fprintf(s.out, "\nThe fitted scenario simulated (%d replications of a week) against the log, by time of day; contacts per day weigh every weekday alike:\n\n", o.reps); err != nil {
		return err
	}
	if err := fit.WriteCheck(s.out, check); err != nil {
		return err
	}
	if outOfSample == nil {
		return nil
	}
	if _, err := fmt.Fprintf(s.out, "\nOut of sample: the log from %s on, against the scenario fitted before it given that part's own arrivals and agents at work (%d replications of a week):\n\n", o.split, o.reps); err != nil {
		return err
	}
	if len(missing) > 0 {
		fmt.Fprintf(s.out, "Left out, as the log before %s does not have them: %s.\n\n", o.split, strings.Join(missing, ", "))
	}
	return fit.WriteCheck(s.out, outOfSample)
}

// scenario writes result as a scenario and loads it back; when the log
// names agents, it first estimates their availability by simulation (or
// sets the one given; a zero cal keeps result's). The scenario must load:
// a fit that wrote a file omnisim cannot read would be a bug, not bad
// input.
func (o *fitOptions) scenario(s streams, result *fit.Fit, name, source string, cal fit.CalibrateOptions) ([]byte, *scenarios.Scenario, error) {
	yaml := result.Scenario(name, source)
	sc, err := scenarios.Parse(name+".yaml", name, yaml, nil)
	if err != nil {
		return nil, nil, failed(fmt.Errorf("fit: the fitted scenario does not load: %w", err))
	}
	if len(result.Pools) == 0 || cal.Reps == 0 {
		return yaml, sc, nil
	}
	if err := o.calibrate(s, result, &sc.Config, cal); err != nil {
		return nil, nil, err
	}
	yaml = result.Scenario(name, source)
	if sc, err = scenarios.Parse(name+".yaml", name, yaml, nil); err != nil {
		return nil, nil, failed(fmt.Errorf("fit: the fitted scenario does not load: %w", err))
	}
	return yaml, sc, nil
}

// simulate runs --reps replications of cfg.
func (o *fitOptions) simulate(s streams, cfg *models.Config) ([]*models.Result, error) {
	bar := newProgress(s, "replications", o.reps)
	results, err := o.replications(cfg, experiment.Span(0, o.reps), nil, bar).Results()
	bar.Done()
	if err != nil {
		return nil, failed(err)
	}
	return results, nil
}

// runCheck simulates the fitted scenario and sets it against the log.
func (o *fitOptions) runCheck(s streams, result *fit.Fit, cfg *models.Config) (*fit.CheckResult, error) {
	results, err := o.simulate(s, cfg)
	if err != nil {
		return nil, err
	}
	return result.Check(cfg, results), nil
}

// splitDay reads --split, a date, as the log's day number (days from
// 1970-01-01, as the log formats count them).
func (o *fitOptions) splitDay() (int, error) {
	if o.split == "" {
		return 0, nil
	}
	t, err := time.Parse("2006-01-02", o.split)
	if err != nil {
		return 0, usageErrorf("--split %s: want a date such as 1999-10-16", o.split)
	}
	return int(t.Unix() / 86400), nil
}

// handleCharts draws each channel's handle times (and each type's) with
// the laws fitted to them.
func handleCharts(result *fit.Fit) []chart.Chart {
	var charts []chart.Chart
	for i, c := range result.Channels {
		charts = append(charts, chart.HandleTime(fmt.Sprintf("handle-%d-%s", i+1, fileName(c.Name)), c.Name, c.Sample,
			fittedLaws(c.LogNormal, c.Gamma)))
		if len(c.Types) < 2 {
			continue
		}
		for j, ty := range c.Types {
			if ty.Answered < 2 {
				continue
			}
			charts = append(charts, chart.HandleTime(fmt.Sprintf("handle-%d-%s-%d-%s", i+1, fileName(c.Name), j+1, fileName(ty.Name)),
				c.Name+", "+ty.Name, ty.Sample, fittedLaws(ty.LogNormal, ty.Gamma)))
		}
	}
	return charts
}

// checkChart draws a check by time of day.
func checkChart(c *fit.CheckResult, name, title string) chart.Chart {
	log, sim := fit.Series(c)
	var figs []chart.CheckSeries
	for m, f := range fit.CheckFigures {
		fs := chart.CheckSeries{Label: f.Label, Scale: 1, Log: log[m], Sim: sim[m]}
		switch f.Unit {
		case output.UnitShare:
			fs.Label, fs.Scale = f.Label+" (%)", 100
		case output.UnitSeconds:
			fs.Label = f.Label + " (s)"
		}
		figs = append(figs, fs)
	}
	check := chart.Check(figs, c.Interval)
	check.Name, check.Title = name, title
	return check
}

// drawFitCharts writes the charts into the folder --charts names, as PNG
// and SVG, when it names one.
func (o *fitOptions) drawFitCharts(s streams, charts []chart.Chart) error {
	if o.charts == "" {
		return nil
	}
	if err := os.MkdirAll(o.charts, 0o777); err != nil {
		return failed(err)
	}
	var written []string
	defer func() { folder.RecordFiles(o.charts, written) }()
	for _, c := range charts {
		for _, format := range chart.Formats {
			p := filepath.Join(o.charts, c.Name+"."+format)
			height := chart.DefaultHeight
			if strings.HasPrefix(c.Name, "check") {
				height = chart.CheckHeight
			}
			if err := writeChart(p, c, format, chart.DefaultWidth, height); err != nil {
				return failed(err)
			}
			written = append(written, c.Name+"."+format)
		}
	}
	fmt.Fprintf(s.errOut, "omnisim: drew %d charts into %s\n", len(charts), o.charts)
	return nil
}

// checkOutputs checks, before the log is read, the files fit would write:
// the scenario (out), --forecast and the folder --charts. None may be the
// log or the --map file, nor one another; one there already is replaced
// only with --force, and only if omnisim fit wrote it. Every problem is
// told at once.
func (o *fitOptions) checkOutputs(log, out string) error {
	srcs := []source{{"the log", log}, {"the --map file", o.mapping}}
	outs := []target{{"--out", out, false}, {"--forecast", o.forecast, false}}
	if err := errors.Join(checkClobber(srcs, outs), distinctTargets(outs)); err != nil {
		return err
	}
	problems := []error{checkReplaceFile("--out", out, o.force, "a scenario omnisim fit wrote", func(head []byte) bool {
		return bytes.HasPrefix(head, []byte(fit.ScenarioMark))
	})}
	if o.forecast != "" {
		problems = append(problems, checkReplaceFile("--forecast", o.forecast, o.force, "a forecast omnisim fit wrote", func(head []byte) bool {
			return bytes.HasPrefix(head, []byte(strings.Join(fit.ForecastColumns, ",")+"\n"))
		}))
	}
	if o.charts != "" {
		if info, err := os.Stat(o.charts); err == nil && !info.IsDir() {
			problems = append(problems, inputErrorf("--charts %s is a file: name a folder", o.charts))
		}
	}
	return errors.Join(problems...)
}

// checkCharts checks the chart files fit would draw into the folder
// --charts names, once the log is fitted (their names come from its
// channels), before anything is written: none may be an input; one there
// already is replaced only with --force, and only if omnisim drew it (the
// folder's manifest says so).
func (o *fitOptions) checkCharts(log string, charts []chart.Chart) error {
	if o.charts == "" {
		return nil
	}
	names := namesOf(charts)
	if o.check {
		names = append(names, "check")
		if o.split != "" {
			names = append(names, "check-after-split")
		}
	}
	var files, taken []string
	var outs []target
	for _, name := range names {
		for _, format := range chart.Formats {
			f := name + "." + format
			p := filepath.Join(o.charts, f)
			files, outs = append(files, f), append(outs, target{"--charts", p, false})
			if exists(p) {
				taken = append(taken, p)
			}
		}
	}
	if err := checkClobber([]source{{"the log", log}, {"the --map file", o.mapping}}, outs); err != nil {
		return err
	}
	switch {
	case len(taken) == 0:
		return nil
	case !o.force && len(taken) == 1:
		return usageErrorf("%s already exists: name another folder with --charts, or add --force to replace it", taken[0])
	case !o.force:
		return usageErrorf("%s already exist: name another folder with --charts, or add --force to replace them", strings.Join(taken, ", "))
	}
	if err := folder.CheckReplace(o.charts, files); err != nil {
		return inputErrorf("--charts %s", strings.TrimPrefix(err.Error(), "output: "))
	}
	return nil
}

// namesOf are the charts' names.
func namesOf(charts []chart.Chart) []string {
	names := make([]string, len(charts))
	for i, c := range charts {
		names[i] = c.Name
	}
	return names
}

// detect returns the format --format names, or the one whose columns the
// log's header has. path names the log in messages.
func (o *fitOptions) detect(path string, in *bufio.Reader) (fit.Format, error) {
	if o.mapping != "" {
		if o.format != "" {
			return fit.Format{}, usageErrorf("give --format or --map, not both")
		}
		data, err := input.ReadFile(o.mapping, "column map (YAML)", 1<<20)
		if err != nil {
			return fit.Format{}, err
		}
		return fit.ParseMapping(o.mapping, data)
	}
	if o.format != "" {
		f, ok := fit.FormatNamed(o.format)
		if !ok {
			return f, usageErrorf("--format %s: want bank or omnisim", o.format)
		}
		return f, nil
	}
	line, err := in.Peek(4096)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return fit.Format{}, fmt.Errorf("fit: %w", err)
	}
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	for _, f := range fit.Formats {
		r := csv.NewReader(bytes.NewReader(line))
		r.Comma = f.Comma
		header, err := r.Read()
		if err != nil {
			continue
		}
		has := map[string]bool{}
		for _, h := range header {
			has[strings.TrimSpace(h)] = true
		}
		all := true
		for _, c := range f.Required {
			all = all && has[c]
		}
		if all {
			return f, nil
		}
	}
	text, ok := headerText(line)
	if !ok {
		return fit.Format{}, fmt.Errorf("fit: %s: the log does not begin with a header of column names but with bytes that are not text: is it a contact log (CSV text)?", path)
	}
	return fit.Format{}, fmt.Errorf("fit: %s: the header %q is not one omnisim knows: give --format (bank or omnisim) or --map FILE", path, text)
}

// maxHeaderQuote is the most characters of a log's header a message
// quotes.
const maxHeaderQuote = 200

// headerText returns a log's first line as a message may quote it, cut
// to maxHeaderQuote characters, and false when it is not text (a binary
// file): a message never echoes binary bytes.
func headerText(line []byte) (string, bool) {
	text := strings.TrimSpace(strings.TrimPrefix(string(line), "\ufeff"))
	if !utf8.ValidString(text) || strings.ContainsFunc(text, func(r rune) bool { return unicode.IsControl(r) && r != '\t' }) {
		return "", false
	}
	if r := []rune(text); len(r) > maxHeaderQuote {
		text = string(r[:maxHeaderQuote]) + "…"
	}
	return text, true
}

// fittedLaws are the two laws fitted to handle times, named with their
// Kolmogorov–Smirnov distances, for a chart.
func fittedLaws(lognormal, gamma fit.HandleFit) []chart.FittedLaw {
	return []chart.FittedLaw{
		{Name: fmt.Sprintf("lognormal (KS %.3f)", lognormal.KS), PDF: lognormal.PDF},
		{Name: fmt.Sprintf("gamma (KS %.3f)", gamma.KS), PDF: gamma.PDF},
	}
}

// maxCalibrationReps is the most replications a trial of the
// availability search may run.
const maxCalibrationReps = 1000

// calibrateOptions reads the availability flags.
func (o *fitOptions) calibrateOptions(opts fit.Options) (fit.CalibrateOptions, error) {
	cal := fit.DefaultCalibrateOptions
	cal.Reps, cal.Workers, cal.Pooled = o.calReps, o.workers, o.pooled
	var problems []string
	if o.availability != "estimate" {
		a, err := models.ParseFraction(o.availability)
		if err != nil || !(a > 0 && a <= 1) {
			problems = append(problems, fmt.Sprintf("--availability %s: want estimate, or a share above 0 and at most 100%% such as 90%%", o.availability))
		}
		cal.Fixed = a
	}
	part, err := models.ParseDuration(o.part)
	switch {
	case err != nil || !(part > 0):
		problems = append(problems, fmt.Sprintf("--availability-part %s: want a duration such as 1h", o.part))
	case part > 86400 || math.Mod(86400, part) != 0 || math.Mod(part, opts.Interval) != 0:
		problems = append(problems, fmt.Sprintf("--availability-part %s: must be whole intervals of %s (--interval) and divide a day",
			o.part, models.FormatDuration(opts.Interval)))
	}
	cal.Part = part
	if o.away != "estimate" {
		if cal.AwaySpell, err = models.ParseDuration(o.away); err != nil || !(cal.AwaySpell > 0) {
			problems = append(problems, fmt.Sprintf("--away-spell %s: want estimate, or a duration > 0 such as 5m", o.away))
		}
	}
	if o.calReps < 2 || o.calReps > maxCalibrationReps {
		problems = append(problems, fmt.Sprintf("--calibration-reps %d: want 2 to %d", o.calReps, maxCalibrationReps))
	}
	if len(problems) > 0 {
		return cal, usageErrorf("%s", strings.Join(problems, "\n"))
	}
	return cal, nil
}

// calibrate estimates the agents' availability (or sets the one given),
// showing the trials on a progress bar.
func (o *fitOptions) calibrate(s streams, result *fit.Fit, cfg *models.Config, cal fit.CalibrateOptions) error {
	bar := newProgress(s, "availability trials", cal.Trials)
	cal.Progress = func() { bar.Add(1) }
	start := time.Now()
	err := result.Calibrate(cfg, cal)
	bar.Done()
	if err != nil {
		return failed(fmt.Errorf("fit: estimating availability: %w", err))
	}
	if cal.Fixed == 0 {
		fmt.Fprintf(s.errOut, "omnisim: estimated availability in %d trials of %d replications (%.1f s)\n",
			result.Availability.Trials, cal.Reps, time.Since(start).Seconds())
	}
	return nil
}
