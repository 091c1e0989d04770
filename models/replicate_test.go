package models

import "github.com/omnisim/omnisim/sim"

// runReplications runs replications 0..reps-1 of cfg on up to workers
// goroutines (all cores when workers ≤ 0) and returns their results in
// replication order, as experiment.Run does for everything above models:
// the one way models' own tests run several replications, since they
// cannot import experiment. An invalid cfg is refused before anything
// runs.
func runReplications(cfg *Config, reps, workers int) ([]*Result, error) {
	full := *cfg
	full.SetDefaults()
	if err := full.Validate(); err != nil {
		return nil, err
	}
	return sim.Replicate(reps, workers, func(rep int) (*Result, error) { return Run(cfg, rep) })
}
