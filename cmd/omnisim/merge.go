package main

import (
	"encoding/json"
	"errors"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output/shard"
)

func newMergeCmd(s streams) *cobra.Command {
	o := &runOptions{now: time.Now}
	cmd := &cobra.Command{
		Use:   "merge PARTS...",
		Short: "Join the part files of a run split with --shard",
		Long: `Join the part files that 'omnisim run --shard K/N' or 'omnisim sweep
--shard K/N' wrote, one per shard, into exactly what the command would have
written on one machine: the
same output folder and the same text or JSON on stdout, byte for byte.

PARTS are part files, or folders holding them (part-K-of-N.omnisim-part).
Every shard must be there once, all written by the same omnisim version
for the same scenario, settings, seed and replications; merge says which
are missing or do not belong, and writes nothing then.

Running on a cluster: give every machine the same command with
--shard auto/N and the same --out folder (a shared volume); each takes its
shard from JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) or
SLURM_ARRAY_TASK_ID (a Slurm job array, --array=0-N-1). Then run merge on
the folder.`,
		Example: `  omnisim merge parts --out results/big
  omnisim merge parts/part-0-of-2.omnisim-part parts/part-1-of-2.omnisim-part --json --no-out`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.checkOut(cmd.Flags().Changed("out")); err != nil {
				return err
			}
			return o.merge(s, args)
		},
	}
	f := cmd.Flags()
	o.bind(f, runFlagHelp{json: runHelp.json, out: runHelp.out, force: runHelp.force, noOut: runHelp.noOut})
	f.BoolVar(&o.intervals, "intervals", false, "also print every interval's figures")
	f.BoolVar(&o.days, "days", false, "also print every day's figures")
	return cmd
}

// merge reads the parts args name, checks that they make one experiment,
// and writes its output as the command that made them would have.
func (o *runOptions) merge(s streams, args []string) error {
	start := time.Now()
	var srcs []source
	for _, arg := range args {
		what := "a part file"
		if info, err := os.Stat(arg); err == nil && info.IsDir() {
			what = "the folder of parts"
		}
		srcs = append(srcs, source{what, arg})
	}
	if err := checkClobber(srcs, []target{{"--out", o.out, true}}); err != nil {
		return err
	}
	var names []string
	var parts []*experiment.Part
	var errs []error
	for _, arg := range args {
		files, err := shard.PartFiles(arg)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, name := range files {
			p, err := shard.ReadPartHead(name)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			names, parts = append(names, name), append(parts, p)
		}
	}
	if len(errs) > 0 {
		return fromInput(errors.Join(errs...))
	}
	// Every part is checked against the others from its head first; then
	// the parts' results are read one part at a time, in shard order.
	first, order, err := experiment.CheckParts(parts, names)
	if err != nil {
		return fromInput(err)
	}
	if first.Version != version {
		return inputErrorf("the parts were written by omnisim %s, this is %s: merge with the version that ran them", first.Version, version)
	}
	switch first.Kind {
	case "run":
		var spec runSpec
		if err := json.Unmarshal(first.Spec, &spec); err != nil {
			return inputErrorf("%s: a damaged part file: %v", names[0], err)
		}
		dir, err := o.outDir(spec.Name)
		if err != nil {
			return err
		}
		// A run's shards hold blocks of consecutive replications: added
		// part after part, they come in order, into batches, and only one
		// part's results are held at a time.
		pooled := models.NewPooled(&spec.Config)
		err = readParts(names, order, first, func(_ int, r *models.Result) { pooled.Take(r) })
		if err != nil {
			return err
		}
		return o.finish(s, spec, pooled, time.Since(start), dir, nil, nil)
	case "sweep":
		var spec sweepSpec
		if err := json.Unmarshal(first.Spec, &spec); err != nil || len(spec.Configs) != len(spec.Reps) {
			return inputErrorf("%s: a damaged part file: %v", names[0], err)
		}
		so := &sweepOptions{runOptions: *o}
		dir, err := so.outDir(spec.Name + "-sweep")
		if err != nil {
			return err
		}
		// A sweep keeps each replication's totals only.
		results := make([]*models.Result, first.Jobs)
		err = readParts(names, order, first, func(j int, r *models.Result) { results[j] = r.Totals() })
		if err != nil {
			return err
		}
		return so.finishSweep(s, spec, results, time.Since(start), dir)
	}
	return inputErrorf("%s: parts of %q, which this omnisim cannot merge", names[0], first.Kind)
}

// readParts reads the results of the parts names, in the order given,
// one part at a time, and hands each to use with its job's number. Each
// part must still be the one whose head was checked against first: the
// same experiment (its fingerprint).
func readParts(names []string, order []int, first *experiment.Part, use func(job int, r *models.Result)) error {
	fp := first.Fingerprint()
	for _, i := range order {
		p, err := shard.ReadPart(names[i])
		if err != nil {
			return fromInput(err)
		}
		if p.Fingerprint() != fp {
			return fromInput(&experiment.PartError{Path: names[i], Msg: "changed while merge read it: it is now a part of another experiment"})
		}
		for k, j := range p.Shard.JobsOf(p.Kind, p.Jobs) {
			use(j, p.Results[k])
		}
	}
	return nil
}
