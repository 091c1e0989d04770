package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/shard"
	"github.com/omnisim/omnisim/scenarios"
)

// runSpec is what a run's output is made from besides its results: the
// scenario as it was run. A shard's part file carries it, so that merge
// needs nothing else.
type runSpec struct {
	Name, Title, File, Description string
	Config                         models.Config
	Replications                   int
	// Sets are the run's --set overrides and Scenario the scenario as run,
	// for the output folder merge writes from the parts.
	Sets     []string            `json:",omitempty"`
	Scenario *scenarios.Resolved `json:",omitempty"`
	// scenario is the scenario as loaded, to write out into the output
	// folder; nil when the run was merged from parts.
	scenario *scenarios.Scenario
}

// checkShard checks --shard against the flags it cannot go with: the
// output of a shard is its part file, and merge writes the rest.
func (o *runOptions) checkShard() error {
	if o.shardSpec == "" {
		return nil
	}
	switch {
	case o.out == "":
		return usageErrorf("--shard needs --out DIR: the folder the shards' part files go to, shared by every shard")
	case len(o.precision) > 0:
		return usageErrorf("--shard runs a fixed share of --reps: it cannot go with --precision")
	case o.journeys:
		return usageErrorf("--shard cannot go with --journeys: run the journeys on one machine")
	case o.json || o.intervals || o.days:
		return usageErrorf("--shard writes only a part file: give --json, --intervals or --days to omnisim merge")
	}
	return nil
}

// runShard runs the replications of one shard and writes its part file
// into the folder --out names.
func (o *runOptions) runShard(s streams, sc *scenarios.Scenario, cfg *models.Config, reps int, srcs []source) error {
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
	resolved, err := sc.Resolve(strings.TrimSuffix(output.ScenarioFile, ".yaml"), cfg.Seed, reps)
	if err != nil {
		return failed(err)
	}
	spec, err := json.Marshal(runSpec{Name: sc.Name, Title: sc.Title, File: sc.File, Description: sc.Description, Config: *cfg, Replications: reps,
		Sets: o.sets, Scenario: resolved})
	if err != nil {
		return failed(fmt.Errorf("--shard: the scenario cannot be written into a part file: %w", err))
	}
	if shard.Count > reps {
		return usageErrorf("--shard %s: %d shards of %d replications would leave some with none: give N at most %d", shard, shard.Count, reps, reps)
	}
	jobs := shard.JobsOf("run", reps)
	if err := checkMemory(sc.File, cfg, len(jobs), parallel(o.workers, len(jobs)), "--reps, or more shards with --shard"); err != nil {
		return err
	}
	start := time.Now()
	bar := newProgress(s, "replications", len(jobs))
	results, err := o.replications(cfg, jobs, nil, bar).Results()
	bar.Done()
	if err != nil {
		return failed(err)
	}
	part := &experiment.Part{Format: experiment.ShardFormat, Version: version, Kind: "run", Shard: shard, Jobs: reps, Spec: spec, Results: results}
	return o.writePart(s, part, len(jobs), time.Since(start))
}

// writePart writes a shard's part file into the folder --out names and
// says so on stderr.
func (o *runOptions) writePart(s streams, part *experiment.Part, ran int, elapsed time.Duration) error {
	path, err := shard.WritePart(o.out, part, o.force)
	var taken *output.ExistsError
	if errors.As(err, &taken) {
		return usageErrorf("%s already exists: another run wrote this shard; add --force to replace it", filepath.Join(o.out, part.Shard.PartName()))
	}
	if err != nil {
		return failed(err)
	}
	fmt.Fprintf(s.errOut, "omnisim: shard %s: %d of %d replication(s) in %.2f s; wrote %s\n",
		part.Shard, ran, part.Jobs, elapsed.Seconds(), path)
	return nil
}
