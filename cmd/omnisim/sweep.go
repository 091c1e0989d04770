package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/internal/size"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/output/table"
	"github.com/omnisim/omnisim/scenarios"
)

type sweepOptions struct {
	runOptions
	vary      []string
	grid      string
	figures   string
	maxPoints int
}

// maxMaxPoints caps --max-points: a sweep of a million points of one
// replication each is already a day's computing.
const maxMaxPoints = 1_000_000

func newSweepCmd(s streams) *cobra.Command {
	o := &sweepOptions{runOptions: runOptions{now: time.Now}}
	cmd := &cobra.Command{
		Use:   "sweep [FILE|NAME] --vary path=v1,v2,... | --grid GRID.yaml",
		Short: "Run a scenario over a grid of settings and compare the figures",
		Long: fmt.Sprintf(`Run a scenario (a YAML file, or a built-in scenario) at every point of a
grid of settings, and print a table with a row per point: the values swept,
then the chosen figures as the mean over the replications ± the half-width
of the 95 %% confidence interval.

The grid is the product of the settings swept, the first varying slowest:
--vary path=v1,v2,... (repeatable; the path and each value as --set takes
them, so lists and mappings work too: commas inside [] or {} do not split
values), with ranges of numbers from..to or from..to/step ('2..10',
'10..20/2', '0.5..0.9/0.1', '1m..5m/1m', '70%%..90%%/5%%': the step is 1
unless given, and a unit is written the same on each part); and/or --grid
FILE, a YAML file listing parameters ({path, values}) and points (settings
that go together); see docs/experiments.md. The file's dimensions come first, then
the --vary flags. A grid of more than %d points is refused unless
--max-points allows it. Every point is checked before anything runs, and
every problem of every point is reported at once.

To change a pool's staffing plan rather than replace it by a flat
headcount, sweep its add (agents added to every interval or shift, after
its agents, shifts or staffing table: pools.agents.add=-1..2) or its scale
(every interval's or shift's agents multiplied, rounded half up:
pools.agents.scale=0.9..1.1/0.05); a headcount never goes below 0.

Every point runs with the same seed (common random numbers): replication r
of every point sees the same random streams, so points see the same
customers wherever they agree, and the differences between points are not
noise from different seeds. The points' replications run at once on -j
workers; the output does not depend on -j.

The default figures are, for each channel, its service level and its
abandonment (where customers may abandon), customers' contacts per
resolution (with several channels, retries or unresolved contacts) and the
total cost (where agents cost something). --figures chooses others by key:
<channel>.<figure> (phone.service_level, phone.asa_seconds, ...),
customers.<figure>, pools.<pool>.<figure>, and over all pools cost,
scheduled_hours, available_hours and occupancy; 'phone.*' matches every
figure of phone. --json prints every figure of every point.

It also writes the sweep's output folder: the folder --out names, or else a
new one, %s/<scenario>-sweep-<date>-<time>. It holds sweep.csv (a row per
point: the settings swept, then every figure with its <figure>_ci95
half-width), sweep.json (what --json prints), summary.json (what each file
and column holds) and, for each chosen figure, charts/<figure>.svg and
.png: the figure against the first setting swept, a line per value of the
others, with 95 %% confidence bars; and report.html, the sweep for people
on one self-contained page. --no-out writes none.`, scenarios.DefaultMaxPoints, outRoot),
		Example: `  omnisim sweep textbook --vary pools.agents.agents=12..16 --no-out
  omnisim sweep one-fast-channel --vary pools.social-team.add=0..3 --reps 5
  omnisim sweep phone-day --vary pools.agents.add=-1..2 --no-out
  omnisim sweep phone-day --vary pools.agents.scale=0.9..1.1/0.05 --no-out
  omnisim sweep textbook --vary pools.agents.agents=12,14,16 --vary channels.phone.patience=2m,5m,never
  omnisim sweep my.yaml --grid examples/staffing-grid.yaml --figures 'phone.*,cost' --json --out results/grid`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkRepsJobs(cmd, o.reps, o.workers); err != nil {
				return err
			}
			if o.maxPoints < 1 || o.maxPoints > maxMaxPoints {
				return usageErrorf("--max-points must be from 1 to %d, not %d", maxMaxPoints, o.maxPoints)
			}
			if len(o.vary) == 0 && o.grid == "" {
				return usageErrorf("nothing to sweep: give --vary path=v1,v2,... (repeatable) or --grid FILE")
			}
			if err := o.checkOut(cmd.Flags().Changed("out")); err != nil {
				return err
			}
			return o.sweep(s, scenarioArg(args), cmd.Flags().Changed("seed"))
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.vary, "vary", nil, "sweep a setting, `path=v1,v2,...` or path=from..to/step (repeatable)")
	f.StringVar(&o.grid, "grid", "", "sweep the grid of settings the YAML `FILE` lists")
	f.StringVar(&o.figures, "figures", "", "the figures to print and chart, `keys` separated by commas (default: service level, abandonment, contacts per resolution, cost)")
	f.IntVar(&o.maxPoints, "max-points", scenarios.DefaultMaxPoints, "the most points a grid may have")
	help := runHelp
	help.set = "override a setting at every point, `path=value` (repeatable)"
	help.seed = "seed for the random streams of every point (default: the scenario's)"
	help.reps = "replications per point (default: the scenario's)"
	help.json = "print JSON, every figure of every point, instead of the table"
	o.bind(f, help)
	f.StringVar(&o.shardSpec, "shard", "", "run only shard `K/N` of the sweep's replications (auto/N: K from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID) and write its part file into --out; omnisim merge joins the parts")
	return cmd
}

// loadGrid reads the grid from --grid and the --vary flags, every problem
// at once.
func (o *sweepOptions) loadGrid() (*scenarios.Grid, error) {
	g := &scenarios.Grid{}
	var errs []error
	if o.grid != "" {
		fg, err := scenarios.LoadGrid(o.grid)
		if err != nil {
			errs = append(errs, fromInput(err))
		} else {
			g.Dims = append(g.Dims, fg.Dims...)
		}
	}
	for _, v := range o.vary {
		d, err := scenarios.ParseVary(v)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		g.Dims = append(g.Dims, d)
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	return g, nil
}

// joinErrors joins errors, keeping located problems together as one
// scenarios.Errors so that each prints on a line of its own, file first.
func joinErrors(errs []error) error {
	var all scenarios.Errors
	var other []error
	for _, err := range errs {
		var es scenarios.Errors
		if errors.As(err, &es) {
			all = append(all, es...)
		} else {
			other = append(other, err)
		}
	}
	if len(other) > 0 {
		return errors.Join(append(other, all)...)
	}
	return all
}

func (o *sweepOptions) sweep(s streams, name string, seedGiven bool) error {
	g, err := o.loadGrid()
	if err != nil {
		return err
	}
	if err := o.checkGridMemory(name, g); err != nil {
		return err
	}
	scs, points, err := scenarios.OpenGrid(name, o.sets, g, o.maxPoints)
	if err != nil {
		return fromInput(err)
	}
	cfgs := make([]*models.Config, len(scs))
	reps := make([]int, len(scs))
	for i, sc := range scs {
		cfg := sc.Config
		if seedGiven {
			cfg.Seed = o.seed
		}
		cfgs[i] = &cfg
		reps[i] = experiment.Replications(sc.Replications, o.reps)
	}
	var chosen []string
	if strings.TrimSpace(o.figures) != "" {
		chosen = strings.Split(o.figures, ",")
	}
	values := make([][]string, len(points))
	for i, p := range points {
		values[i] = p.Values
	}
	params := g.Paths()
	// A report of no replications checks the figures' names before the
	// sweep runs.
	if _, err := output.NewSweepReport(scs[0].Name, "", "", params, values, cfgs, make([][]*models.Result, len(cfgs)), chosen); err != nil {
		return usageErrorf("--figures: %s", strings.TrimPrefix(err.Error(), "output: "))
	}
	spec := sweepSpec{Name: scs[0].Name, Title: scs[0].Title, File: scs[0].File, Description: scs[0].Description,
		Params: params, Values: values, Reps: reps, Chosen: chosen}
	// The output folder records the scenario as the sweep started from it;
	// one whose overrides load only with the settings swept is not written.
	if base, err := scenarios.Open(name, o.sets); err == nil {
		r := experiment.Replications(base.Replications, o.reps)
		if spec.Base, err = base.Resolve(strings.TrimSuffix(output.ScenarioFile, ".yaml"), cfgs[0].Seed, r); err != nil {
			return failed(err)
		}
		spec.Sets = o.sets
	}
	for _, c := range cfgs {
		spec.Configs = append(spec.Configs, *c)
	}
	srcs := []source{{"the grid", o.grid}}
	for _, sc := range scs {
		srcs = append(srcs, scenarioSources(sc)...)
	}
	if o.shardSpec != "" {
		return o.sweepShard(s, spec, srcs)
	}
	// A sweep keeps every point's replications, as their totals, to the
	// end: each point is checked as if all of them were its own, an upper
	// bound when points differ in horizon, channels or pools. The jobs are
	// counted, not listed: the list of a billion would not fit either.
	jobs := 0
	for _, n := range reps {
		jobs += n
	}
	for i, c := range cfgs {
		if err := checkSweepMemory(scs[i].File, c, jobs, parallel(o.workers, jobs), "--reps, or fewer points"); err != nil {
			return err
		}
	}
	dir, err := o.outDir(scs[0].Name+"-sweep", srcs...)
	if err != nil {
		return err
	}
	start := time.Now()
	bar := newProgress(s, "replications", len(experiment.SweepJobs(reps)))
	results, err := experiment.Sweep{Configs: cfgs, Jobs: experiment.SweepJobs(reps), Workers: o.workers, Progress: func() { bar.Add(1) }}.Results()
	bar.Done()
	if err != nil {
		return failed(err)
	}
	return o.finishSweep(s, spec, results, time.Since(start), dir)
}

// sweepSpec is what a sweep's output is made from besides its results. A
// shard's part file carries it, so that merge needs nothing else.
type sweepSpec struct {
	Name, Title, File, Description string
	Params                         []string
	Values                         [][]string
	Configs                        []models.Config
	Reps                           []int
	Chosen                         []string
	// Sets are the sweep's --set overrides and Base the scenario they make,
	// without the settings swept, resolved for the output folder; nil when
	// it loads only with the settings swept.
	Sets []string            `json:",omitempty"`
	Base *scenarios.Resolved `json:",omitempty"`
}

// configs returns pointers to the spec's configurations.
func (sp *sweepSpec) configs() []*models.Config {
	cfgs := make([]*models.Config, len(sp.Configs))
	for i := range sp.Configs {
		cfgs[i] = &sp.Configs[i]
	}
	return cfgs
}

// finishSweep writes a sweep's results, one per job of SweepJobs(spec.Reps)
// in order: the output folder (when dir is not ""), then the table or JSON
// on stdout.
func (o *sweepOptions) finishSweep(s streams, spec sweepSpec, results []*models.Result, elapsed time.Duration, dir string) error {
	cfgs := spec.configs()
	jobs := experiment.SweepJobs(spec.Reps)
	byPoint := experiment.ByPoint(len(cfgs), jobs, results)
	report, err := output.NewSweepReport(spec.Name, spec.Title, spec.File, spec.Params, spec.Values, cfgs, byPoint, spec.Chosen)
	if err != nil {
		return failed(err)
	}
	report.Description = spec.Description
	var events uint64
	var measured int64
	for _, pt := range report.Points {
		events += pt.Summary.Events
		for _, c := range pt.Summary.Channels {
			measured += c.Total.Offered
		}
	}
	fmt.Fprintf(s.errOut, "omnisim: %d point(s), %d replication(s), %s events, %s contacts measured, in %.2f s\n",
		len(cfgs), len(jobs), output.Thousands(int64(events)), output.Thousands(measured), elapsed.Seconds())
	var folderErr error
	if dir != "" {
		if report.Provenance, folderErr = s.provenance(spec.Sets, asRun{base: output.ScenarioFile, resolved: spec.Base}); folderErr == nil {
			folderErr = o.writeSweepFolder(s, dir, report)
		}
	}
	var outErr error
	if o.json {
		outErr = output.WriteJSON(s.out, table.SweepJSON(report))
	} else {
		outErr = table.WriteSweep(s.out, report)
	}
	return errors.Join(folderErr, failed(outErr))
}

// sweepShard runs the jobs of one shard of the sweep and writes its part
// file into the folder --out names.
func (o *sweepOptions) sweepShard(s streams, spec sweepSpec, srcs []source) error {
	if err := o.checkShard(); err != nil {
		return err
	}
	shard, err := experiment.ParseShard(o.shardSpec, os.Getenv)
	if err != nil {
		return usageErrorf("--shard: %v", err)
	}
	if err := checkClobber(srcs, []target{{"--out", filepath.Join(o.out, shard.PartName()), false}}); err != nil {
		return err
	}
	raw, err := json.Marshal(spec)
	if err != nil {
		return failed(fmt.Errorf("--shard: the sweep cannot be written into a part file: %w", err))
	}
	// The jobs are counted and checked before the shard's are listed, and
	// the others never are: a billion would not fit.
	total := 0
	for _, n := range spec.Reps {
		total += n
	}
	if shard.Count > total {
		return usageErrorf("--shard %s: %d shards of %d replications would leave some with none: give N at most %d", shard, shard.Count, total, total)
	}
	mine := shard.Size("sweep", total)
	for _, c := range spec.configs() {
		if err := checkSweepMemory(spec.File, c, mine, parallel(o.workers, mine), "--reps, fewer points, or more shards with --shard"); err != nil {
			return err
		}
	}
	jobs := shard.SweepJobs(spec.Reps)
	start := time.Now()
	bar := newProgress(s, "replications", len(jobs))
	results, err := experiment.Sweep{Configs: spec.configs(), Jobs: jobs, Workers: o.workers, Progress: func() { bar.Add(1) }}.Results()
	bar.Done()
	if err != nil {
		return failed(err)
	}
	part := &experiment.Part{Format: experiment.ShardFormat, Version: version, Kind: "sweep", Shard: shard, Jobs: total, Spec: raw, Results: results}
	return o.writePart(s, part, len(jobs), time.Since(start))
}

// writeSweepFolder writes the sweep's output folder and says so on
// stderr.
func (o *sweepOptions) writeSweepFolder(s streams, dir string, r *output.SweepReport) error {
	files := folder.SweepFiles(r, version)
	for tries := 1; ; tries++ {
		err := folder.Write(dir, files, o.force)
		var taken *output.ExistsError
		if o.out == "" && errors.As(err, &taken) && tries < 100 {
			dir = o.freeDefault(r.Name + "-sweep")
			continue
		}
		if err != nil {
			return folderError(err)
		}
		fmt.Fprintf(s.errOut, "omnisim: wrote %s\n", dir)
		return nil
	}
}

// checkGridMemory refuses, before the grid's points are loaded, a sweep
// that would not fit in models.MemoryBudget: each point is a scenario as
// large as the one swept with --set (size.Of, twice over for what the
// heap makes of it: measured, 1.5 to 1.7 times), and each of its
// replications is kept as its totals (the shard's share with --shard).
// The points' own settings are not loaded yet: the check after loading
// them (checkSweepMemory) counts each point's replications as they are.
func (o *sweepOptions) checkGridMemory(name string, g *scenarios.Grid) error {
	points := g.Len(o.maxPoints)
	if points <= 0 {
		return nil // OpenGrid says why
	}
	base, err := scenarios.Open(name, o.sets)
	if err != nil {
		return nil // OpenGrid reports it, point by point
	}
	reps := experiment.Replications(base.Replications, o.reps)
	jobs := int64(points) * int64(reps)
	if shard, err := experiment.ParseShard(o.shardSpec, os.Getenv); o.shardSpec != "" && err == nil {
		jobs = int64(shard.Size("sweep", int(min(jobs, 1<<62))))
	}
	n, workers := int(min(jobs, 1<<40)), parallel(o.workers, int(min(jobs, 1<<30)))
	fewer := "--reps, or fewer points"
	if o.shardSpec != "" {
		fewer = "--reps, fewer points, or more shards with --shard"
	}
	if err := checkSweepMemory(base.File, &base.Config, n, workers, fewer); err != nil {
		return err // the replications alone would not fit
	}
	perPoint := 2 * size.Of(base)
	results := base.Config.SweepMemoryNeeded(n, workers)
	need := float64(points)*float64(perPoint) + float64(results.Total)
	if need <= models.MemoryBudget {
		return nil
	}
	return &memoryError{file: base.File, err: &models.MemoryError{Setting: "points", Need: int64(min(need, 1<<62)), Budget: models.MemoryBudget,
		Msg: fmt.Sprintf("%d points of %s each, with %d replications kept as their totals, would need about %s of memory",
			points, models.Bytes(perPoint), jobs, models.Bytes(int64(min(need, 1<<62)))),
		Advice: "sweep fewer points (every point is loaded, on every shard)"}}
}
