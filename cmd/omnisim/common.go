package main

import (
	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

// scenarioArg returns the scenario a command names, or the default
// built-in one when it names none.
func scenarioArg(args []string) string {
	if len(args) == 1 {
		return args[0]
	}
	return scenarios.Default
}

// checkRepsJobs checks --reps and -j. Zero is the flags' "use the default"
// value, so a --reps 0 typed out would otherwise run the scenario's count
// silently.
func checkRepsJobs(cmd *cobra.Command, reps, workers int) error {
	if cmd.Flags().Changed("reps") && reps < 1 {
		return usageErrorf("--reps must be at least 1, not %d", reps)
	}
	if reps > scenarios.MaxReplications {
		return usageErrorf("--reps %d is more than %d, the most replications a run may have", reps, scenarios.MaxReplications)
	}
	return checkJobs(workers, cmd.Flags().Changed("jobs"))
}

// maxJobs caps -j: far more replications at once than any machine has
// cores for.
const maxJobs = 1024

// checkJobs checks -j: at least 1 when given (0 is only the flag's "use
// every core"), at most maxJobs.
func checkJobs(workers int, given bool) error {
	if workers < 0 || given && workers == 0 {
		return usageErrorf("-j must be at least 1, not %d (leave it out to use every core)", workers)
	}
	if workers > maxJobs {
		return usageErrorf("-j %d is more than %d, the most replications omnisim runs at once", workers, maxJobs)
	}
	return nil
}

// open loads the scenario name with --set, and returns it with its world
// (the seed --seed gives, when seedGiven) and the replications to run
// (--reps, or the scenario's). A run whose replications would not fit in
// models.MemoryBudget is refused here, before anything runs: each
// replication is added to batches as it ends (models.Pooled), and with
// --precision up to --max-reps of them. A shard checks its own share
// (runShard), which it keeps whole.
func (o *runOptions) open(name string, seedGiven bool) (*scenarios.Scenario, models.Config, int, error) {
	sc, err := scenarios.Open(name, o.sets)
	if err != nil {
		return nil, models.Config{}, 0, fromInput(err)
	}
	cfg := sc.Config
	if seedGiven {
		cfg.Seed = o.seed
	}
	reps := experiment.Replications(sc.Replications, o.reps)
	if o.shardSpec == "" {
		kept, flags := reps, "--reps"
		if len(o.precision) > 0 {
			kept, flags = max(reps, o.maxReps), "--max-reps"
		}
		if err := checkStreamedMemory(sc.File, &cfg, kept, 1, 0, parallel(o.workers, kept), flags); err != nil {
			return nil, models.Config{}, 0, err
		}
	}
	return sc, cfg, reps, nil
}
