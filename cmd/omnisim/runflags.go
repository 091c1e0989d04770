package main

import "github.com/spf13/pflag"

// runFlags are the flags that say which world to run, how, and where its
// output goes, shared by the commands that run replications: bound once,
// by bind, for run, demo, animate, compare, staff, sweep, merge, fit and
// erlang.
type runFlags struct {
	sets    []string // --set path=value, repeatable
	seed    uint64   // --seed
	reps    int      // --reps
	workers int      // -j, --jobs
	json    bool     // --json
	out     string   // --out
	force   bool     // --force
	noOut   bool     // --no-out
}

// runFlagHelp is the help text of each run flag a command binds; a flag
// whose text is "" is not bound. A command starts from runHelp and words
// its own way the flags that mean more for it: sweep's --reps are
// "replications per point", fit's --out names a file.
type runFlagHelp struct {
	set, seed, reps, jobs, json, out, force, noOut string
}

// runHelp is the usual help of the run flags, as run words them.
var runHelp = runFlagHelp{
	set:   "override a setting, `path=value` (repeatable)",
	seed:  "seed for the random streams (default: the scenario's)",
	reps:  "number of replications (default: the scenario's)",
	jobs:  "replications to run at once (default: all cores); the output does not depend on it",
	json:  "print JSON instead of tables",
	out:   "write the output folder to `DIR` (default: a new folder under ./" + outRoot + ")",
	force: "replace the output folder --out names if it exists",
	noOut: "write no output folder, only print",
}

// bind binds into f the run flags help words, each with the value r holds
// as its default: 0 and "" mean "the scenario's" or "none", and a command
// whose default is another sets it first (fit's and erlang's --reps 10,
// erlang's --seed 1).
func (r *runFlags) bind(f *pflag.FlagSet, help runFlagHelp) {
	if help.set != "" {
		f.StringArrayVar(&r.sets, "set", r.sets, help.set)
	}
	if help.seed != "" {
		f.Uint64Var(&r.seed, "seed", r.seed, help.seed)
	}
	if help.reps != "" {
		f.IntVar(&r.reps, "reps", r.reps, help.reps)
	}
	if help.jobs != "" {
		f.IntVarP(&r.workers, "jobs", "j", r.workers, help.jobs)
	}
	if help.json != "" {
		f.BoolVar(&r.json, "json", r.json, help.json)
	}
	if help.out != "" {
		f.StringVar(&r.out, "out", r.out, help.out)
	}
	if help.force != "" {
		f.BoolVar(&r.force, "force", r.force, help.force)
	}
	if help.noOut != "" {
		f.BoolVar(&r.noOut, "no-out", r.noOut, help.noOut)
	}
}
