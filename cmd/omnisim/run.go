package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/scenarios"
)

type runOptions struct {
	sets      []string
	seed      uint64
	reps      int
	workers   int
	json      bool
	intervals bool
	days      bool
}

func newRunCmd(s streams) *cobra.Command {
	o := &runOptions{}
	cmd := &cobra.Command{
		Use:   "run [FILE|NAME]",
		Short: "Run a scenario and print what each channel saw",
		Long: fmt.Sprintf(`Run a scenario: a YAML file, or the name of a built-in scenario (see
'omnisim scenarios list'). With no argument, run the default built-in
scenario, %q.

For each channel it prints every figure as the mean over the replications
with its 95 %% confidence half-width and, when demand and staffing are steady,
the Erlang formula's prediction beside it. Results go to stdout; timing
goes to stderr, so the same scenario and seed always print the same bytes.`, scenarios.Default),
		Example: `  omnisim run
  omnisim run phone-day --intervals
  omnisim run my.yaml --set pools.agents.agents=12 --set channels.phone.patience=never
  omnisim run textbook --reps 50 --seed 7 --json`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := scenarios.Default
			if len(args) == 1 {
				name = args[0]
			}
			// Zero is the flags' "use the default" value, so a --reps 0
			// typed out would otherwise run the scenario's count silently.
			if cmd.Flags().Changed("reps") && o.reps < 1 {
				return usageErrorf("--reps must be at least 1, not %d", o.reps)
			}
			if o.workers < 0 {
				return usageErrorf("-j must be at least 1, not %d (leave it out to use every core)", o.workers)
			}
			return o.run(s, name, cmd.Flags().Changed("seed"))
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.sets, "set", nil, "override a setting, `path=value` (repeatable), e.g. pools.agents.agents=12")
	f.Uint64Var(&o.seed, "seed", 0, "seed for the random streams (default: the scenario's)")
	f.IntVar(&o.reps, "reps", 0, "number of replications (default: the scenario's)")
	f.IntVarP(&o.workers, "jobs", "j", 0, "replications to run at once (default: all cores); the output does not depend on it")
	f.BoolVar(&o.json, "json", false, "print JSON instead of tables")
	f.BoolVar(&o.intervals, "intervals", false, "also print every interval's figures")
	f.BoolVar(&o.days, "days", false, "also print every day's figures")
	return cmd
}

func (o *runOptions) run(s streams, name string, seedGiven bool) error {
	sc, err := scenarios.Open(name, o.sets)
	if err != nil {
		return err
	}
	cfg := sc.Config
	if seedGiven {
		cfg.Seed = o.seed
	}
	reps := sc.Replications
	if o.reps > 0 {
		reps = o.reps
	}
	start := time.Now()
	results, err := models.RunReplications(&cfg, reps, o.workers)
	if err != nil {
		return failed(err)
	}
	elapsed := time.Since(start)
	report := output.NewRunReport(sc.Name, sc.Title, sc.File, &cfg, results)
	report.Description = sc.Description
	var contacts int64
	for _, c := range report.Summary.Channels {
		contacts += c.Total.Offered
	}
	fmt.Fprintf(s.errOut, "omnisim: %d replication(s), %s events, %s contacts measured, in %.2f s\n",
		reps, output.Thousands(int64(report.Summary.Events)), output.Thousands(contacts), elapsed.Seconds())
	opts := output.ReportOptions{Intervals: o.intervals, Days: o.days}
	if o.json {
		return failed(output.WriteJSON(s.out, report.JSON(opts)))
	}
	return failed(report.WriteText(s.out, opts))
}
