package main

import (
	"strings"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/scenarios"
)

// asRun is a scenario as a command ran it: written into the output folder
// as base (scenario.yaml), with the seed and replications it ran.
// resolved, when not nil, is the scenario already resolved (carried by a
// shard's part file), and sc is not read.
type asRun struct {
	sc       *scenarios.Scenario
	base     string
	seed     uint64
	reps     int
	resolved *scenarios.Resolved
}

// provenance returns the record of how an output folder was made: the
// command line, the overrides sets, and each scenario as run, resolved
// into a file of the folder with the files it names beside it. A run with
// neither a scenario nor its resolved form is left out.
func (s streams) provenance(sets []string, runs ...asRun) (*output.Provenance, error) {
	p := &output.Provenance{Command: output.CommandLine(append([]string{"omnisim"}, s.args...)), Sets: sets}
	for _, r := range runs {
		res := r.resolved
		if res == nil && r.sc == nil {
			continue
		}
		if res == nil {
			var err error
			if res, err = r.sc.Resolve(strings.TrimSuffix(r.base, ".yaml"), r.seed, r.reps); err != nil {
				return nil, failed(err)
			}
		}
		named := map[string][]byte{}
		for _, f := range res.Files {
			named[f.Name] = f.Data
		}
		p.ScenarioFiles = append(p.ScenarioFiles, r.base)
		p.Files = append(p.Files, output.ScenarioFiles(r.base, res.YAML, named)...)
	}
	return p, nil
}
