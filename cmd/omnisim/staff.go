package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/output/table"
	"github.com/omnisim/omnisim/plan"
	"github.com/omnisim/omnisim/scenarios"
)

type staffOptions struct {
	runOptions
	maxAgents     int
	maxIterations int
	precision     float64
	maxVerifyReps int
}

func newStaffCmd(s streams) *cobra.Command {
	o := &staffOptions{runOptions: runOptions{now: time.Now}}
	cmd := &cobra.Command{
		Use:   "staff FILE|NAME",
		Short: "Find the fewest agents per pool and interval that meet every target, by simulation",
		Long: `Find, by simulation, the fewest agents per pool and interval with which
every channel meets its targets: service level (service_level.target),
abandonment (max_abandon), occupancy (max_occupancy) and a deferred
channel's response target, with switching, shared agents and word of mouth
all at work. A live channel with no target is staffed for 80 % within its
threshold.

The search starts from Erlang A, interval by interval, at the demand the
scenario's own staffing met; then runs the iterative staffing algorithm of
Feldman, Mandelbaum, Massey and Whitt (2008), which copes with the lag after
a peak; then corrects by simulation, raising where a target is missed and
taking agents away where every target stays met, on the same replications
each time (common random numbers). Each iteration prints a line on stderr.

The plan is then verified on fresh replications, period by period (each
interval; each day for a deferred channel's response target), each
period's mean with a confidence interval at the Bonferroni level (95 % for
all of them together). A period is met, or missed, when its interval lies
wholly on one side of the target, or when the interval is no wider than
--precision (percentage points: every target is a share) and its mean
meets, or misses, the target; otherwise it is undecided. While a period is
undecided the verification doubles its replications, up to
--max-verify-reps; then, where a period is missed, it adds an agent there
(as the search's correction does) and verifies again, at most 10 times.
Each round prints a line on stderr. A period left undecided is never called met: the summary then says the
targets are not all shown met. The summary states the replications used
and the widest half-width reached.

It prints the plan's agent hours and cost per pool, the verification, and
every target that could not be met, in plain words. It writes an output
folder (--out, or omnisim-out/<scenario>-staff-<date>-<time>) holding
staffing.csv, the plan, which a scenario loads back with
'staffing: staffing.csv' (or --set staffing=DIR/staffing.csv); summary.json;
report.html, the plan and its verification for people on one page; and
charts/staffing-plan.svg and .png. Pools on shifts get a headcount per
interval: rostering shifts is left out.`,
		Example: `  omnisim staff phone-day
  omnisim staff phone-day --reps 20 --out plans/phone-day --force
  omnisim staff phone-day --precision 1 --max-verify-reps 4000 --no-out
  omnisim run phone-day --set staffing=plans/phone-day/staffing.csv --intervals --no-out
  omnisim staff my.yaml --max-agents 200 --max-iterations 100 --max-verify-reps 200 --json --no-out`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkRepsJobs(cmd, o.reps, o.workers); err != nil {
				return err
			}
			if o.maxAgents < 1 || o.maxAgents > models.MaxAgents {
				return usageErrorf("--max-agents must be from 1 to %d, the most agents a pool may have in an interval, not %d", models.MaxAgents, o.maxAgents)
			}
			if !(o.precision > 0 && o.precision < 100) {
				return usageErrorf("--precision must be between 0 and 100 percentage points, not %g", o.precision)
			}
			if o.maxVerifyReps < 2 || o.maxVerifyReps > scenarios.MaxReplications {
				return usageErrorf("--max-verify-reps must be from 2 to %d, not %d", scenarios.MaxReplications, o.maxVerifyReps)
			}
			if o.maxIterations < 2 {
				return usageErrorf("--max-iterations must be at least 2, not %d", o.maxIterations)
			}
			if err := o.checkOut(cmd.Flags().Changed("out")); err != nil {
				return err
			}
			return o.staff(s, args[0], cmd.Flags().Changed("seed"))
		},
	}
	f := cmd.Flags()
	help := runHelp
	help.set += ", e.g. channels.phone.max_abandon=5%"
	help.reps = "replications per iteration, and the verification's first (default: the scenario's)"
	help.jobs = "replications to run at once (default: all cores); the plan does not depend on it"
	o.bind(f, help)
	f.IntVar(&o.maxAgents, "max-agents", plan.DefaultMaxAgents, "the most agents a pool may schedule in an interval")
	f.IntVar(&o.maxIterations, "max-iterations", plan.DefaultMaxIterations, "the most simulations the search may run")
	f.Float64Var(&o.precision, "precision", 100*plan.DefaultPrecision, "the confidence half-width, in percentage points, at which the verification decides a period its interval does not clear")
	f.IntVar(&o.maxVerifyReps, "max-verify-reps", plan.DefaultMaxVerifyReplications, "the most fresh replications the verification may run to decide every period")
	return cmd
}

func (o *staffOptions) staff(s streams, name string, seedGiven bool) error {
	sc, cfg, reps, err := o.open(name, seedGiven)
	if err != nil {
		return err
	}
	// The search holds its last simulation's replications while it runs
	// the next (reps, twice); the verification streams up to
	// --max-verify-reps into batches (models.Pooled). The agents counted
	// are the scenario's: those the search adds, at most --max-agents a
	// pool, weigh little beside them.
	if err := checkStreamedMemory(sc.File, &cfg, o.maxVerifyReps, 1, 2*reps, parallel(o.workers, max(reps, o.maxVerifyReps)),
		"--reps or --max-verify-reps"); err != nil {
		return err
	}
	dir, err := o.outDir(sc.Name+"-staff", scenarioSources(sc)...)
	if err != nil {
		return err
	}
	start := time.Now()
	p, err := plan.Search(&cfg, plan.Options{
		Replications: reps, Workers: o.workers, MaxAgents: o.maxAgents, MaxIterations: o.maxIterations,
		Precision: o.precision / 100, MaxVerifyReplications: o.maxVerifyReps,
		VerifyProgress: func(r plan.VerifyRound) {
			fmt.Fprintf(s.errOut, "omnisim: verification on %d fresh replications: %d periods met, %d missed, %d undecided",
				r.Replications, r.Met, r.Missed, r.Undecided)
			if r.Added > 0 {
				fmt.Fprintf(s.errOut, "; %d agents added", r.Added)
			}
			fmt.Fprintln(s.errOut)
		},
		Progress: func(it plan.Iteration) {
			worst := "every target met"
			if it.Worst != nil {
				w := it.Worst
				worst = fmt.Sprintf("%d of %d missed, worst %s %s: %s %s, target %s", it.Missed, it.Checked,
					cfg.Channels[w.Channel].Name, output.When(&cfg, w.Check), w.Kind.Label(),
					output.Value(w.Value, output.UnitShare), output.Value(w.Target.Value, output.UnitShare))
			}
			fmt.Fprintf(s.errOut, "omnisim: iteration %d (%s): %s agent-hours, cost %s; %s\n",
				it.N, it.Phase, output.Value(it.AgentHours, output.UnitHours), output.Value(it.Cost, output.UnitMoney), worst)
		},
	})
	if err != nil {
		return failed(err)
	}
	fmt.Fprintf(s.errOut, "omnisim: %d iterations and the verification in %.2f s\n", len(p.Iterations), time.Since(start).Seconds())
	report := output.NewStaffReport(sc.Name, sc.Title, sc.File, p, o.maxIterations)
	var folderErr error
	if dir != "" {
		folderErr = o.writeStaffFolder(s, dir, sc, &cfg, reps, report)
	}
	var outErr error
	if o.json {
		outErr = output.WriteJSON(s.out, table.StaffJSON(report, version))
	} else {
		outErr = table.WriteStaff(s.out, report)
	}
	return errors.Join(folderErr, failed(outErr))
}

// writeStaffFolder writes the plan's output folder, with the scenario as
// the search read it (seed and replications per iteration), and says so on
// stderr.
func (o *staffOptions) writeStaffFolder(s streams, dir string, sc *scenarios.Scenario, cfg *models.Config, reps int, r *output.StaffReport) error {
	var err error
	if r.Provenance, err = s.provenance(o.sets, asRun{sc: sc, base: output.ScenarioFile, seed: cfg.Seed, reps: reps}); err != nil {
		return err
	}
	if err := folderError(folder.Write(dir, folder.StaffFiles(r, version), o.force)); err != nil {
		return err
	}
	fmt.Fprintf(s.errOut, "omnisim: wrote %s\n", dir)
	return nil
}
