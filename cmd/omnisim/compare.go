package main

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/output/table"
	"github.com/omnisim/omnisim/scenarios"
)

type compareOptions struct {
	// runOptions hold the run flags (--set changes both A and B) and
	// place the output folder as run's do.
	runOptions
	setsA, setsB []string
}

func newCompareCmd(s streams) *cobra.Command {
	o := &compareOptions{runOptions: runOptions{now: time.Now}}
	cmd := &cobra.Command{
		Use:   "compare A [B]",
		Short: "Compare two scenarios with common random numbers",
		Long: `Compare two variants of a scenario: A and B are each a YAML file or the
name of a built-in scenario; B defaults to A, so that one change made with
--set-b is compared with the scenario as it is.

Replication r of A and replication r of B run with the same seed, and so
with the same customers: the same arrivals, issues, handle times, patience
and every other draw wherever the variants agree (common random numbers).
For every figure of every channel both have, of the customers and of every
pool both have, it prints A's and B's means, the difference B − A with the
95 % confidence interval of the paired differences (Student t), and the
interval independent runs of as many replications would give (Welch, from
each variant's own spread): the paired one is usually several times
narrower. A * marks a difference whose interval excludes zero. Channels
and pools only one variant has are listed, not compared. Every pool is
shown, with its agent-hours, its cost and cost per day when agents cost
something, and, when either variant has several pools, all of them
together: what B's staffing takes against A's.

Each target a variant's scenario sets (a channel's service level within
its threshold, max_abandon, max_occupancy) is judged for A and for B: met
when the whole 95 % confidence interval of the figure over the
replications meets it, missed when none of it does, undecided when the
interval reaches both sides (more --reps would tell); first over the
measured window, then period by period (each interval, or each day for a
deferred channel's response target). A line says when B misses a target
A meets, or meets one A misses. A target a scenario does not set shows as
"–" (null in JSON), never as 0.

--set changes both variants, --set-a only A, --set-b only B. The seed and
the number of replications are A's unless --seed and --reps say otherwise;
B runs with the same. It also writes an output folder, as run does:
compare.csv (one row per figure), summary.json (the same as --json, with
the definitions of the figures and of compare.csv's columns), a chart
of the differences for each channel, charts/compare-<channel>.svg and
.png, and report.html, the comparison for people on one self-contained
page.`,
		Example: `  omnisim compare textbook --set-b pools.agents.agents=12 --no-out
  omnisim compare siloed-vs-integrated --set-b journey.history=integrated
  omnisim compare phone-day --set-a channels.phone.patience=never --set-b channels.phone.patience=5m
  omnisim scenarios export textbook > mine.yaml
  omnisim compare textbook mine.yaml --set-b pools.agents.agents=13 --reps 50 --json --out results/thirteen`,
		Args: usageArgs(cobra.RangeArgs(1, 2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			nameB := args[0]
			if len(args) == 2 {
				nameB = args[1]
			}
			if err := checkRepsJobs(cmd, o.reps, o.workers); err != nil {
				return err
			}
			if err := o.checkOut(cmd.Flags().Changed("out")); err != nil {
				return err
			}
			return o.compare(s, args[0], nameB, cmd.Flags().Changed("seed"))
		},
	}
	f := cmd.Flags()
	help := runHelp
	help.set = "override a setting in both A and B, `path=value` (repeatable)"
	help.seed = "seed for both variants' random streams (default: A's)"
	help.reps = "number of paired replications (default: A's)"
	o.bind(f, help)
	f.StringArrayVar(&o.setsA, "set-a", nil, "override a setting in A only, `path=value` (repeatable)")
	f.StringArrayVar(&o.setsB, "set-b", nil, "override a setting in B only, `path=value` (repeatable), e.g. pools.agents.agents=15")
	return cmd
}

func (o *compareOptions) compare(s streams, nameA, nameB string, seedGiven bool) error {
	setsA := append(slices.Clone(o.sets), o.setsA...)
	setsB := append(slices.Clone(o.sets), o.setsB...)
	a, errA := scenarios.Open(nameA, setsA)
	b, errB := scenarios.Open(nameB, setsB)
	if err := bothErrors(o.relabel(errA, o.setsA, "--set-a"), o.relabel(errB, o.setsB, "--set-b")); err != nil {
		return fromInput(err)
	}
	seed := a.Config.Seed
	if seedGiven {
		seed = o.seed
	} else if b.Config.Seed != seed {
		fmt.Fprintf(s.errOut, "omnisim: B runs with A's seed, %d, not its own %d: common random numbers need one seed\n", seed, b.Config.Seed)
	}
	reps := experiment.Replications(a.Replications, o.reps)
	// A's and B's batches are kept to the end (models.Pooled), counted
	// here as if both were the larger.
	for _, sc := range []*scenarios.Scenario{a, b} {
		if err := checkStreamedMemory(sc.File, &sc.Config, reps, 2, 0, parallel(o.workers, reps), "--reps"); err != nil {
			return err
		}
	}
	cfgA, cfgB := a.Config, b.Config
	cfgA.Seed, cfgB.Seed = seed, seed
	name := "compare-" + a.Name
	if b.Name != a.Name {
		name += "-" + b.Name
	}
	dir, err := o.outDir(name, append(scenarioSources(a), scenarioSources(b)...)...)
	if err != nil {
		return err
	}
	start := time.Now()
	bar := newProgress(s, "replications", 2*reps)
	resA, resB := models.NewPooled(&cfgA), models.NewPooled(&cfgB)
	if err := o.replications(&cfgA, experiment.Span(0, reps), nil, bar).Gather(resA); err != nil {
		bar.Done()
		return failed(err)
	}
	err = o.replications(&cfgB, experiment.Span(0, reps), nil, bar).Gather(resB)
	bar.Done()
	if err != nil {
		return failed(err)
	}
	report := output.NewCompareReport(
		output.Variant{Report: output.NewPooledReport(a.Name, a.Title, a.File, &cfgA, resA), Sets: setsA},
		output.Variant{Report: output.NewPooledReport(b.Name, b.Title, b.File, &cfgB, resB), Sets: setsB})
	fmt.Fprintf(s.errOut, "omnisim: %d paired replication(s) of A and B in %.2f s\n", reps, time.Since(start).Seconds())
	var folderErr error
	if dir != "" {
		var sets []string
		for _, side := range []struct {
			flag string
			sets []string
		}{{"--set", o.sets}, {"--set-a", o.setsA}, {"--set-b", o.setsB}} {
			for _, v := range side.sets {
				sets = append(sets, side.flag+" "+v)
			}
		}
		report.Provenance, folderErr = s.provenance(sets,
			asRun{sc: a, base: "scenario-a.yaml", seed: seed, reps: reps}, asRun{sc: b, base: "scenario-b.yaml", seed: seed, reps: reps})
		if folderErr == nil {
			folderErr = o.writeCompareFolder(s, dir, name, report)
		}
	}
	var outErr error
	if o.json {
		outErr = output.WriteJSON(s.out, table.CompareJSON(report))
	} else {
		outErr = table.WriteCompare(s.out, report)
	}
	return errors.Join(folderErr, failed(outErr))
}

// writeCompareFolder writes the comparison's output folder and says so on
// stderr.
func (o *compareOptions) writeCompareFolder(s streams, dir, name string, r *output.CompareReport) error {
	files := folder.CompareFiles(r, version)
	for tries := 1; ; tries++ {
		err := folder.Write(dir, files, o.force)
		var taken *output.ExistsError
		if o.out == "" && errors.As(err, &taken) && tries < 100 {
			dir = o.freeDefault(name) // another run took the name meanwhile
			continue
		}
		if err != nil {
			return folderError(err)
		}
		fmt.Fprintf(s.errOut, "omnisim: wrote %s\n", dir)
		return nil
	}
}

// relabel names the flag a problem in an override came from: a --set-b
// value's problem says --set-b, not --set.
func (o *compareOptions) relabel(err error, own []string, flag string) error {
	var es scenarios.Errors
	if !errors.As(err, &es) {
		return err
	}
	out := make(scenarios.Errors, len(es))
	for i, e := range es {
		c := *e
		for _, v := range own {
			if c.File == "--set "+v && !slices.Contains(o.sets, v) {
				c.File = flag + " " + v
			}
		}
		out[i] = &c
	}
	return out
}

// bothErrors reports the problems of both variants at once: the located
// problems of the two merged into one list (each told once, as A and B
// are often the same file), or else both errors.
func bothErrors(errA, errB error) error {
	var ea, eb scenarios.Errors
	if errors.As(errA, &ea) && errors.As(errB, &eb) {
		merged := slices.Clone(ea)
		for _, e := range eb {
			if !slices.ContainsFunc(merged, func(m *scenarios.Error) bool { return m.Error() == e.Error() }) {
				merged = append(merged, e)
			}
		}
		return merged
	}
	if errA != nil && errB != nil && errA.Error() == errB.Error() {
		return errA
	}
	return errors.Join(errA, errB)
}
