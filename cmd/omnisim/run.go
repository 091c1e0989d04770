package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"weak"

	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/output/table"
	"github.com/omnisim/omnisim/scenarios"
)

type runOptions struct {
	runFlags
	intervals bool
	days      bool
	journeys  bool
	// precision holds the --precision targets, KPI=HALFWIDTH; maxReps
	// caps the replications they may add.
	precision []string
	maxReps   int
	// shardSpec is --shard K/N: run only that share of the replications.
	shardSpec string
	// now and workDir place the default output folder,
	// workDir/omnisim-out/<scenario>-<time>; tests set them.
	now     func() time.Time
	workDir string
}

// outRoot is the folder, under the working directory, that holds the
// output folders of runs not given --out.
const outRoot = "omnisim-out"

func newRunCmd(s streams) *cobra.Command {
	o := &runOptions{now: time.Now}
	cmd := &cobra.Command{
		Use:   "run [FILE|NAME]",
		Short: "Run a scenario and print what each channel saw",
		Long: fmt.Sprintf(`Run a scenario: a YAML file, or the name of a built-in scenario (see
'omnisim scenarios list'). With no argument, run the default built-in
scenario, %q.

For each channel it prints every figure as the mean over the replications
with its 95 %% confidence half-width and, when demand and staffing are steady,
the Erlang formula's prediction beside it. Results go to stdout; timing
goes to stderr, so the same scenario and seed always print the same bytes.

It also writes the run's output folder: the folder --out names, or else a
new one in the working directory, %s/<scenario>-<date>-<time>. It
holds report.html (one self-contained page to open in a browser: the
findings, the charts and the tables), the charts as charts/<name>.svg and
.png ('omnisim plot' draws them again in another size), summary.json (the
command line and every --set, every figure, its definition, and what each
file holds), scenario.yaml (the scenario as run, every --set applied: 'omnisim
run DIR/scenario.yaml' runs it again), intervals.csv (one row per channel
and interval, each figure with its 95 %% half-width and each target's
verdict), daily.csv, customers.csv, staffing.csv (loads back with --set
staffing=DIR/staffing.csv), flows.csv and, with word of mouth,
expectation.csv; with --journeys also contacts.csv, one row per contact of
every replication. The folder appears
whole or not at all, and an existing one is replaced only with --force.
--no-out writes none.`, scenarios.Default, outRoot),
		Example: `  omnisim run
  omnisim run phone-day --intervals --no-out
  omnisim run my.yaml --set pools.voice.shifts[0].agents=12 --set channels.phone.patience=never
  omnisim run textbook --reps 50 --seed 7 --json --no-out
  omnisim run phone-day --out results/phone-day --journeys --force
  omnisim run textbook --reps 40 --shard 0/2 --out parts    # half the replications, on one machine
  omnisim run textbook --reps 40 --shard 1/2 --out parts    # the other half; then: omnisim merge parts`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkRepsJobs(cmd, o.reps, o.workers); err != nil {
				return err
			}
			if err := o.checkOut(cmd.Flags().Changed("out")); err != nil {
				return err
			}
			if o.maxReps < 1 || o.maxReps > scenarios.MaxReplications {
				return usageErrorf("--max-reps must be from 1 to %d, not %d", scenarios.MaxReplications, o.maxReps)
			}
			return o.run(s, scenarioArg(args), cmd.Flags().Changed("seed"))
		},
	}
	f := cmd.Flags()
	help := runHelp
	help.set += ", e.g. pools.agents.agents=12"
	o.bind(f, help)
	f.BoolVar(&o.intervals, "intervals", false, "also print every interval's figures")
	f.BoolVar(&o.days, "days", false, "also print every day's figures")
	f.StringArrayVar(&o.precision, "precision", nil, "add replications until this figure's 95 % half-width is at most this, `KPI=HALFWIDTH` (repeatable), e.g. phone.service_level=0.01")
	f.IntVar(&o.maxReps, "max-reps", defaultMaxReps, "the most replications --precision may run")
	f.StringVar(&o.shardSpec, "shard", "", "run only shard `K/N` of the replications (auto/N: K from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID) and write its part file into --out; omnisim merge joins the parts")
	f.BoolVar(&o.journeys, "journeys", false, "also write contacts.csv to the output folder: every contact of every replication")
	return cmd
}

// checkOut checks the output folder's flags against one another.
func (o *runOptions) checkOut(outGiven bool) error {
	switch {
	case outGiven && o.out == "":
		return usageErrorf("--out needs the name of a folder")
	case o.out != "" && o.noOut:
		return usageErrorf("give --out DIR or --no-out, not both")
	case o.journeys && o.noOut:
		return usageErrorf("--journeys writes contacts.csv to the output folder: it cannot go with --no-out")
	case o.shardSpec != "" && o.out == "":
		return usageErrorf("--shard needs --out DIR: the folder the shards' part files go to, shared by every shard")
	case o.force && o.out == "":
		return usageErrorf("--force replaces the folder --out names: add --out DIR")
	}
	return nil
}

func (o *runOptions) run(s streams, name string, seedGiven bool) error {
	sc, cfg, reps, err := o.open(name, seedGiven)
	if err != nil {
		return err
	}
	targets, err := experiment.ParsePrecision(&cfg, o.precision)
	if err != nil {
		return usageErrorf("%v", err)
	}
	warnOverloads(s, sc.Name, &cfg)
	if o.shardSpec != "" {
		return o.runShard(s, sc, &cfg, reps, scenarioSources(sc))
	}
	if len(o.precision) > 0 && o.journeys {
		return usageErrorf("--precision cannot go with --journeys: contacts.csv needs the replications known before they run")
	}
	var prec *experiment.Precision
	if len(targets) > 0 {
		prec = &experiment.Precision{Targets: targets, MaxReps: o.maxReps}
		reps = prec.Start(reps)
		if reps > o.maxReps {
			if o.reps > 0 {
				return usageErrorf("--reps %d is more than --max-reps %d", reps, o.maxReps)
			}
			return usageErrorf("the scenario's %d replications are more than --max-reps %d: raise --max-reps, or start lower with --reps", reps, o.maxReps)
		}
	}
	dir, err := o.outDir(sc.Name, scenarioSources(sc)...)
	if err != nil {
		return err
	}
	var contacts *table.Contacts
	if o.journeys {
		if contacts, err = table.NewContacts(dir, reps); err != nil {
			return failed(err)
		}
		defer contacts.Remove()
	}
	start := time.Now()
	bar := newProgress(s, "replications", reps)
	pooled := models.NewPooled(&cfg)
	err = o.replications(&cfg, experiment.Span(0, reps), contacts, bar).Gather(pooled)
	if err == nil && prec != nil {
		err = prec.Refine(o.replications(&cfg, nil, nil, bar), pooled, bar.Grow)
	}
	bar.Done()
	if err != nil {
		return failed(err)
	}
	return o.finish(s, runSpec{Name: sc.Name, Title: sc.Title, File: sc.File, Description: sc.Description, Config: cfg, Replications: reps, scenario: sc},
		pooled, time.Since(start), dir, contacts, prec)
}

// finish writes a run's results: the output folder (when dir is not ""),
// then the text or JSON on stdout. prec, when not nil, says how the
// replications met --precision.
func (o *runOptions) finish(s streams, spec runSpec, pooled *models.Pooled, elapsed time.Duration,
	dir string, contacts *table.Contacts, prec *experiment.Precision) error {
	report := output.NewPooledReport(spec.Name, spec.Title, spec.File, &spec.Config, pooled)
	report.Description = spec.Description
	var measured int64
	for _, c := range report.Summary.Channels {
		measured += c.Total.Offered
	}
	fmt.Fprintf(s.errOut, "omnisim: %d replication(s), %s events, %s contacts measured, in %.2f s\n",
		pooled.Replications(), output.Thousands(int64(report.Summary.Events)), output.Thousands(measured), elapsed.Seconds())
	if prec != nil {
		sayPrecision(s.errOut, prec)
	}
	opts := table.RunOptions{Intervals: o.intervals, Days: o.days}
	// The folder first: if stdout is a pipe closed early, the run is still
	// saved. If the folder fails, stdout still gets the results. Short
	// results (no --intervals, no --days) are made before the folder, so
	// that nothing holds the run's tallies while the folder is written
	// (a 365-day baseline's are 23 MB): the folder's tables and charts
	// have what they need of them.
	var early *bytes.Buffer
	if dir != "" && !o.intervals && !o.days {
		early = &bytes.Buffer{}
		if err := o.writeResults(early, report, opts, prec); err != nil {
			return failed(err)
		}
	}
	if early != nil {
		// report is not read after this, so the collector may free it.
		folderErr := o.saveFolder(s, spec, pooled.Replications(), dir, report, contacts, prec)
		_, outErr := s.out.Write(early.Bytes())
		return errors.Join(folderErr, failed(outErr))
	}
	var folderErr error
	if dir != "" {
		folderErr = o.saveFolder(s, spec, pooled.Replications(), dir, report, contacts, prec)
	}
	return errors.Join(folderErr, failed(o.writeResults(s.out, report, opts, prec)))
}

// saveFolder writes a run's output folder, of reps replications, with its
// provenance.
func (o *runOptions) saveFolder(s streams, spec runSpec, reps int, dir string, report *output.RunReport, contacts *table.Contacts, prec *experiment.Precision) error {
	sets := o.sets
	if spec.scenario == nil {
		sets = spec.Sets // merged from parts
	}
	var err error
	if report.Provenance, err = s.provenance(sets, asRun{spec.scenario, output.ScenarioFile, spec.Config.Seed, reps, spec.Scenario}); err != nil {
		return err
	}
	return o.writeFolder(s, dir, report, contacts, prec)
}

// writeResults writes a run's results to w, as text or (--json) JSON,
// with how the replications met --precision when prec is not nil.
func (o *runOptions) writeResults(w io.Writer, report *output.RunReport, opts table.RunOptions, prec *experiment.Precision) error {
	if o.json {
		obj := table.RunJSON(report, opts)
		if prec != nil {
			obj.Set("precision", precisionJSON(prec))
		}
		return output.WriteJSON(w, obj)
	}
	if err := table.WriteRun(w, report, opts); err != nil || prec == nil {
		return err
	}
	return writePrecision(w, prec)
}

// replications returns the run of the replications reps of cfg on up to
// -j workers, counting each on bar as it ends, each tracing its contacts
// into contacts when it is not nil.
func (o *runOptions) replications(cfg *models.Config, reps []int, contacts *table.Contacts, bar progress) experiment.Run {
	r := experiment.Run{Config: cfg, Reps: reps, Workers: o.workers, Progress: func() { bar.Add(1) }}
	if contacts != nil {
		r.Trace = contacts
	}
	return r
}

// outDir returns the output folder to write, "" for none, having checked
// that it can be written: --out's, or a new folder under outRoot named
// after the scenario and the time (scenario-20060102-150405, then -2, -3...
// if that is taken). --out's may not be, nor hold, any of srcs, the files
// the command reads.
func (o *runOptions) outDir(scenario string, srcs ...source) (string, error) {
	if o.noOut {
		return "", nil
	}
	dir := o.out
	if dir == "" {
		dir = o.freeDefault(scenario)
	} else if err := checkClobber(srcs, []target{{"--out", dir, true}}); err != nil {
		return "", err
	}
	if err := folder.Check(dir, o.force); err != nil {
		return "", folderError(err)
	}
	return dir, nil
}

// freeDefault returns the first default output folder for the scenario not
// taken yet.
func (o *runOptions) freeDefault(scenario string) string {
	now := time.Now
	if o.now != nil {
		now = o.now
	}
	base := filepath.Join(o.workDir, outRoot, fileName(scenario)+"-"+now().Format("20060102-150405"))
	dir := base
	for i := 2; exists(dir); i++ {
		dir = base + "-" + strconv.Itoa(i)
	}
	return dir
}

// exists tells whether there is a file or folder at p.
func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// fileName turns a scenario's name into one fit for a file: the runes a
// scenario's names may use (scenarios.NameRune: letters, digits, '-' and
// '_') and '.' too, the rest replaced by '-'; leading '.' and '-' are cut,
// and a name left empty is "run".
func fileName(name string) string {
	s := strings.Map(func(r rune) rune {
		if scenarios.NameRune(r) || r == '.' {
			return r
		}
		return '-'
	}, name)
	if s = strings.TrimLeft(s, ".-"); s == "" {
		return "run"
	}
	return s
}

// folderHooks are for tests: report, when set, is given a weak pointer to
// the run's report as writeFolder starts, and tablesMade is called once the
// folder's tables are made, before its charts.
var folderHooks struct {
	report     func(weak.Pointer[output.RunReport])
	tablesMade func()
}

// writeFolder writes the run's output folder and says so on stderr.
func (o *runOptions) writeFolder(s streams, dir string, r *output.RunReport, contacts *table.Contacts, prec *experiment.Precision) error {
	defer folder.LimitMemory()()
	if folderHooks.report != nil {
		folderHooks.report(weak.Make(r))
	}
	ds, summary := folder.RunDataset(r, version)
	if prec != nil {
		summary.Set("precision", precisionJSON(prec))
	}
	// The tables hold what the files need of r: reading no more of it
	// lets the collector free the run's tallies (a 365-day baseline's are
	// 24 MB) before the charts' lines are made and the folder is written,
	// when the caller is done with them too.
	var provenance []output.File
	if r.Provenance != nil {
		provenance = r.Provenance.Files
	}
	name := r.Name
	if folderHooks.tablesMade != nil {
		folderHooks.tablesMade()
	}
	extra := append(o.extraFiles(ds, contacts), provenance...)
	files := folder.RunFiles(ds, summary, extra...)
	for tries := 1; ; tries++ {
		err := folder.Write(dir, files, o.force)
		var taken *output.ExistsError
		if o.out == "" && errors.As(err, &taken) && tries < 100 {
			// Another run took the default name meanwhile.
			dir = o.freeDefault(name)
			continue
		}
		if err != nil {
			return folderError(err)
		}
		fmt.Fprintf(s.errOut, "omnisim: wrote %s\n", dir)
		return nil
	}
}

// extraFiles are the files of the output folder that its tables do not
// hold: the charts (charts/<name>.svg and .png), report.html, and
// contacts.csv with --journeys.
func (o *runOptions) extraFiles(ds *output.Dataset, contacts *table.Contacts) []output.File {
	files := folder.VisualFiles(ds)
	if contacts != nil {
		files = append(files, contacts.File())
	}
	return files
}

// folderError sorts an output folder's errors: a folder that is there and
// is not to be replaced is bad usage (exit status 2), the rest a failure
// (1).
func folderError(err error) error {
	var taken *output.ExistsError
	if errors.As(err, &taken) {
		return err
	}
	return failed(err)
}
