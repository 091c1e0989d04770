package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/chart"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/plan"
	"github.com/omnisim/omnisim/roster"
	"github.com/omnisim/omnisim/scenarios"
)

type rosterOptions struct {
	runOptions
	rules    string
	maxNodes int
	// verify, scenario, verifyReps and precision are --verify, the
	// scenario a staffing table's roster is verified in, the
	// verification's replications and its precision in points.
	verify     bool
	scenario   string
	verifyReps int
	precision  float64
}

// defaultRosterVerifyReps is --verify-reps' default.
const defaultRosterVerifyReps = 200

// maxRosterNodes caps --max-nodes.
const maxRosterNodes = 10_000_000

func newRosterCmd(s streams) *cobra.Command {
	o := &rosterOptions{runOptions: runOptions{now: time.Now}}
	cmd := &cobra.Command{
		Use:   "roster REQUIREMENT --rules FILE",
		Short: "Turn a staffing requirement into shifts people can work, at the least cost",
		Long: `Turn a staffing requirement (the agents each pool needs in each interval)
into shifts people can work: the shift types the rules file allows (its
lengths, start times, lunch and breaks within their windows, days and
patterns of days off), and how many agents work each, so that every
interval is covered at the least cost (objective: cost), or with the least
weighted over- and under-staffing (objective: {cost:, over:, under:}).
docs/roster.md has the rules file's format.

REQUIREMENT is a staffing table (a .csv: the staffing.csv omnisim staff
writes, or a run's) or a scenario (FILE or NAME), whose requirement the
staffing search of omnisim staff finds first (its --set, --seed, --reps
and -j).

With a scenario (REQUIREMENT, or --scenario for a staffing table), the
shifts keep to its opening hours: no shift type puts agents on the floor
in an interval when every channel of their pool is closed (its open
spans) and nobody is needed; the report counts the shift types left out.

The roster is an integer program over the shift types. Its linear
relaxation, solved by a dual simplex, is a lower bound on any roster's
cost; branch and bound from a rounded, locally improved roster then
searches for the best, within --max-nodes and a cap on the simplex's work
(never on time: the roster is the same on every machine). It prints a
line per pool (its cost, agent-hours, agent-hours over and under the
requirement, the bound, the gap between them as a share of the bound,
and whether the search proved the roster optimal) and each pool's shifts.
When the rules cannot cover the requirement, it says which intervals and
why, all at once.

It writes an output folder (--out, or omnisim-out/<requirement>-roster-
<date>-<time>) holding roster.csv (a row per shift: start, end, breaks,
days, agents), roster.yaml (the shifts as a scenario's pools write them,
each split around its breaks: a scenario names it with roster: FILE, or
--set roster=FILE, and its pools work those shifts), coverage.csv (the requirement against the roster, interval by
interval), charts/roster-coverage.svg and .png, and summary.json.`,
		Example: `  omnisim roster plans/phone-day/staffing.csv --rules examples/roster-rules.yaml --out plans/phone-day-roster
  omnisim run phone-day --set roster=plans/phone-day-roster/roster.yaml --no-out
  omnisim roster plans/phone-day/staffing.csv --rules examples/roster-rules.yaml --json --no-out
  omnisim roster phone-day --rules examples/roster-rules.yaml --reps 5 --no-out
  omnisim roster plans/phone-day/staffing.csv --rules examples/roster-rules.yaml --verify --scenario phone-day --no-out`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.rules == "" {
				return usageErrorf("--rules FILE is required: the shift rules (docs/roster.md)")
			}
			if o.maxNodes < 1 || o.maxNodes > maxRosterNodes {
				return usageErrorf("--max-nodes must be from 1 to %d, not %d", maxRosterNodes, o.maxNodes)
			}
			if err := checkRepsJobs(cmd, o.reps, o.workers); err != nil {
				return err
			}
			if o.verifyReps < 2 || o.verifyReps > scenarios.MaxReplications {
				return usageErrorf("--verify-reps must be from 2 to %d, not %d", scenarios.MaxReplications, o.verifyReps)
			}
			if !(o.precision > 0 && o.precision < 100) {
				return usageErrorf("--precision must be between 0 and 100 percentage points, not %g", o.precision)
			}
			for _, f := range []string{"verify-reps", "precision"} {
				if cmd.Flags().Changed(f) && !o.verify {
					return usageErrorf("--%s is for --verify", f)
				}
			}
			if err := o.checkOut(cmd.Flags().Changed("out")); err != nil {
				return err
			}
			return o.roster(s, args[0], cmd.Flags().Changed("seed"))
		},
	}
	f := cmd.Flags()
	help := runHelp
	help.set = "override a setting of a scenario REQUIREMENT, `path=value` (repeatable)"
	help.seed = "seed of a scenario REQUIREMENT's staffing search (default: the scenario's)"
	help.reps = "replications per iteration of a scenario REQUIREMENT's staffing search (default: the scenario's)"
	help.jobs = "replications to run at once in a scenario REQUIREMENT's staffing search (default: all cores)"
	o.bind(f, help)
	f.StringVar(&o.rules, "rules", "", "the shift rules, a YAML `FILE` (docs/roster.md)")
	f.IntVar(&o.maxNodes, "max-nodes", roster.DefaultMaxNodes, "the most branch-and-bound nodes the search may solve per pool")
	f.BoolVar(&o.verify, "verify", false, "simulate the scenario with the roster and judge every target period by period")
	f.StringVar(&o.scenario, "scenario", "", "the scenario (`FILE|NAME`) a staffing table is for: its opening hours bound the shifts, and --verify simulates it")
	f.IntVar(&o.verifyReps, "verify-reps", defaultRosterVerifyReps, "the replications of the verification")
	f.Float64Var(&o.precision, "precision", 100*plan.DefaultPrecision, "the confidence half-width, in percentage points, at which the verification decides a period its interval does not clear")
	return cmd
}

// isTable tells whether a requirement names a staffing table rather than
// a scenario: a file ending in .csv.
func isTable(arg string) bool { return strings.EqualFold(filepath.Ext(arg), ".csv") }

// roster rosters the requirement arg (a staffing table, or a scenario
// whose requirement the staffing search finds) under the rules file,
// verifies the rosters with --verify, and writes the report and folder.
func (o *rosterOptions) roster(s streams, arg string, seedGiven bool) error {
	rf, err := roster.ReadRules(o.rules)
	if err != nil {
		return fromInput(err)
	}
	var rq *rosterRequirement
	if isTable(arg) {
		rq, err = o.tableRequirement(arg, rf.Rules.Interval, seedGiven)
	} else {
		rq, err = o.scenarioRequirement(s, arg, seedGiven)
	}
	if err != nil {
		return err
	}
	if o.verify {
		if err := checkMemory(rq.sc.File, &rq.cfg, o.verifyReps, parallel(o.workers, o.verifyReps), "--verify-reps"); err != nil {
			return err
		}
	}
	srcs := append(rq.srcs, source{"the rules file", o.rules})
	dir, err := o.outDir(rq.name+"-roster", srcs...)
	if err != nil {
		return err
	}
	start := time.Now()
	rs, err := roster.Make(&rf.Rules, rq.reqs, roster.Options{MaxNodes: o.maxNodes})
	if err != nil {
		var u *roster.Uncovered
		if errors.As(err, &u) {
			return badInput(err)
		}
		return fromInput(rf.Place(err))
	}
	fmt.Fprintf(s.errOut, "omnisim: rostered in %.2f s\n", time.Since(start).Seconds())
	rep := &roster.Report{Requirement: arg, Rules: o.rules, Objective: rf.Rules.Objective, Rosters: rs}
	for _, r := range rq.reqs {
		if !rostered(rs, r.Pool) {
			rep.Left = append(rep.Left, r.Pool)
		}
	}
	if o.verify {
		start := time.Now()
		rep.Scenario = rq.sc.Name
		if rep.Verification, err = roster.Verify(&rq.cfg, rs, roster.VerifyOptions{First: rq.first, Replications: o.verifyReps,
			Workers: o.workers, Precision: o.precision / 100}); err != nil {
			return fromInput(err)
		}
		fmt.Fprintf(s.errOut, "omnisim: verified on %d replications, with and without the breaks, in %.2f s\n", o.verifyReps, time.Since(start).Seconds())
	}
	var folderErr error
	if dir != "" {
		folderErr = o.writeRosterFolder(s, dir, rep)
	}
	var outErr error
	if o.json {
		outErr = output.WriteJSON(s.out, rep.JSON(version))
	} else {
		outErr = rep.WriteText(s.out)
	}
	return errors.Join(folderErr, failed(outErr))
}

// rosterRequirement is what roster rosters: each pool's requirement, the
// files it came from, the name of the output folder, and the scenario to
// verify in (nil for a staffing table without --scenario), its world and
// the first replication the verification may use.
type rosterRequirement struct {
	reqs  []roster.Requirement
	srcs  []source
	name  string
	sc    *scenarios.Scenario
	cfg   models.Config
	first int
}

// tableRequirement reads a staffing table's requirement in intervals of
// interval seconds, with --scenario's opening hours when it is given.
func (o *rosterOptions) tableRequirement(arg string, interval float64, seedGiven bool) (*rosterRequirement, error) {
	switch {
	case (len(o.sets) > 0 || seedGiven) && o.scenario == "":
		return nil, usageErrorf("--set and --seed are for a scenario REQUIREMENT or --scenario: %s is a staffing table", arg)
	case o.reps > 0:
		return nil, usageErrorf("--reps is for a scenario REQUIREMENT's staffing search: %s is a staffing table", arg)
	case o.verify && o.scenario == "":
		return nil, usageErrorf("--verify needs the scenario to simulate: add --scenario FILE|NAME, or give the scenario as REQUIREMENT")
	}
	rq := &rosterRequirement{srcs: []source{{"the staffing table", arg}}, name: strings.TrimSuffix(filepath.Base(arg), filepath.Ext(arg))}
	var err error
	if rq.reqs, err = roster.ReadRequirementFile(arg, interval); err != nil {
		return nil, fromInput(err)
	}
	if o.scenario != "" {
		if rq.sc, rq.cfg, _, err = o.open(o.scenario, seedGiven); err != nil {
			return nil, err
		}
		rq.srcs = append(rq.srcs, scenarioSources(rq.sc)...)
		for i := range rq.reqs {
			rq.reqs[i].SetOpen(&rq.cfg)
		}
	}
	return rq, nil
}

// scenarioRequirement finds a scenario's requirement with the staffing
// search.
func (o *rosterOptions) scenarioRequirement(s streams, arg string, seedGiven bool) (*rosterRequirement, error) {
	if o.scenario != "" {
		return nil, usageErrorf("--scenario is for a staffing table REQUIREMENT: %s is a scenario, verified in itself", arg)
	}
	rq := &rosterRequirement{}
	var reps int
	var err error
	if rq.sc, rq.cfg, reps, err = o.open(arg, seedGiven); err != nil {
		return nil, err
	}
	rq.srcs, rq.name = scenarioSources(rq.sc), rq.sc.Name
	fmt.Fprintf(s.errOut, "omnisim: finding %s's requirement with the staffing search (omnisim staff)\n", rq.sc.Name)
	p, err := plan.Search(&rq.cfg, plan.Options{Replications: reps, Workers: o.workers})
	if err != nil {
		return nil, failed(err)
	}
	for i, pool := range p.Config.Pools {
		rq.reqs = append(rq.reqs, roster.Requirement{Pool: pool.Name, Interval: p.Config.Interval, Start: p.Config.Start, Need: p.Agents[i]})
		rq.reqs[i].SetOpen(&p.Config)
	}
	if v := p.Verification; v != nil {
		rq.first = v.FirstReplication + v.Replications // fresh: neither the search nor its verification ran them
	}
	return rq, nil
}

// rostered tells whether rs has a roster of the pool.
func rostered(rs []roster.Roster, pool string) bool {
	for _, r := range rs {
		if r.Pool == pool {
			return true
		}
	}
	return false
}

// writeRosterFolder writes the roster's output folder and says so on
// stderr.
func (o *rosterOptions) writeRosterFolder(s streams, dir string, rep *roster.Report) error {
	fragment, err := scenarios.Encode(roster.Fragment(rep.Rosters, "The roster omnisim roster made: name this file in the scenario (roster: roster.yaml, or --set roster=FILE),\n"+
		"and each pool here works these shifts in place of its agents; or paste a pool's shifts in place of its agents.\n"+
		"Each shift is split around its breaks and lunch; a piece after midnight is on the days after."))
	if err != nil {
		return failed(err)
	}
	cov := rep.CoverageCSV()
	first := rep.Rosters[0].Requirement
	files := folder.RosterFiles(folder.RosterTables{
		Summary: rep.JSON(version), Roster: rep.RosterCSV(), RosterColumns: roster.RosterColumns,
		Coverage: cov, CoverageColumns: roster.CoverageColumns, Scenario: fragment,
		Chart: chart.Roster(cov, first.Start, first.Interval),
	})
	if err := folderError(folder.Write(dir, files, o.force)); err != nil {
		return err
	}
	fmt.Fprintf(s.errOut, "omnisim: wrote %s\n", dir)
	return nil
}
