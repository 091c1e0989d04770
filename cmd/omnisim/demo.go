package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/classroom"
	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/scenarios"
)

func newDemoCmd(s streams) *cobra.Command {
	o := &runOptions{now: time.Now}
	cmd := &cobra.Command{
		Use:   "demo NAME|FILE",
		Short: "Run a scenario and tell its story with the numbers it measured",
		Long: `Run a scenario, built-in or a file, and tell its story: its title and
description, then each of its claims as a sentence with the numbers this run
measured, marked ✓ where the run bears it out and ✗ where it does not; a
claim on the expectation level is followed by what it did to customers'
patience (a multiple of their patience at the start). Notes under the
claims say once how the numbers are made.

A claim sets a figure on one side against the same figure on another: week 1
against week 4, or the scenario against a variant of it (--set overrides). The
variants run with the same seed and replications, so they see the same
customers (common random numbers), and each change is the mean of the paired
differences with its 95 % confidence interval (Student t over the
replications). A claim holds when that interval lies beyond the size claimed,
in the direction claimed; a claim with a counter also needs the change gone
when the mechanism is off (see 'omnisim scenarios show NAME').

It also writes the run's output folder, as 'omnisim run' does, with the story
in report.html (each claim with an A/B chart of its two sides and their
paired change, also in charts/claim-N) and the claims in claims.csv.`,
		Example: `  omnisim demo one-fast-channel
  omnisim demo jump-the-line --reps 40 --out talks/jump --force
  omnisim demo word-of-mouth --json --no-out`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("reps") && o.reps < 2 {
				return usageErrorf("--reps must be at least 2 to judge the claims, not %d", o.reps)
			}
			if err := checkRepsJobs(cmd, o.reps, o.workers); err != nil {
				return err
			}
			if err := o.checkOut(cmd.Flags().Changed("out")); err != nil {
				return err
			}
			return o.demo(s, args[0], cmd.Flags().Changed("seed"))
		},
	}
	help := runHelp
	help.set += ", in the scenario and every variant its claims run"
	help.json = "print JSON instead of the story"
	o.bind(cmd.Flags(), help)
	return cmd
}

func (o *runOptions) demo(s streams, name string, seedGiven bool) error {
	sc, cfg, reps, err := o.open(name, seedGiven)
	if err != nil {
		return err
	}
	if err := sc.ClaimProblems(); err != nil {
		return err
	}
	if len(sc.Claims) == 0 {
		fmt.Fprintf(s.errOut, "omnisim: %s has no claims: its story is its description only\n", sc.Name)
	}
	if reps < 2 && len(sc.Claims) > 0 {
		return usageErrorf("%s runs %d replication: give --reps 2 or more to judge its claims", sc.Name, reps)
	}
	dir, err := o.outDir(sc.Name, scenarioSources(sc)...)
	if err != nil {
		return err
	}
	start := time.Now()
	bar := newProgress(s, "replications", reps)
	// The claims are judged replication by replication, over days: each
	// replication is kept by day (models.Result.ByDay), and added to the
	// report's batches as it ends.
	pooled := models.NewPooled(&cfg)
	results, err := o.byDay(&cfg, reps, bar, pooled)
	bar.Done()
	if err != nil {
		return failed(err)
	}
	// Every variant runs with the seed and replications of the run itself,
	// so that it sees the same customers.
	variants := 0
	verdicts, err := experiment.Judge(sc, results, func(v *scenarios.Scenario) ([]*models.Result, error) {
		variants++
		vc := v.Config
		vc.Seed = cfg.Seed
		bar := newProgress(s, "variant replications", reps)
		defer bar.Done()
		return o.byDay(&vc, reps, bar, nil)
	})
	if err != nil {
		return failed(err)
	}
	fmt.Fprintf(s.errOut, "omnisim: %d replication(s) of the scenario and of %d variant(s), in %.2f s\n",
		reps, variants, time.Since(start).Seconds())
	var folderErr error
	if dir != "" {
		report := output.NewPooledReport(sc.Name, sc.Title, sc.File, &cfg, pooled)
		report.Description = sc.Description
		report.Claims = classroom.ClaimsOf(verdicts)
		if report.Provenance, folderErr = s.provenance(o.sets, asRun{sc: sc, base: output.ScenarioFile, seed: cfg.Seed, reps: reps}); folderErr == nil {
			folderErr = o.writeFolder(s, dir, report, nil, nil)
		}
	}
	var outErr error
	if o.json {
		outErr = output.WriteJSON(s.out, demoJSON(sc, &cfg, reps, verdicts))
	} else {
		outErr = writeStory(s.out, sc, &cfg, reps, verdicts)
	}
	return errors.Join(folderErr, failed(outErr))
}

// byDay runs reps replications of cfg and returns each by day
// (models.Result.ByDay), adding each whole to pooled when it is not nil.
func (o *runOptions) byDay(cfg *models.Config, reps int, bar progress, pooled *models.Pooled) ([]*models.Result, error) {
	full := *cfg
	full.SetDefaults()
	out := make([]*models.Result, 0, reps)
	err := o.replications(cfg, experiment.Span(0, reps), nil, bar).Stream(func(_ int, r *models.Result) error {
		if pooled != nil {
			pooled.Add(r)
		}
		out = append(out, r.ByDay(&full))
		return nil
	})
	return out, err
}

// mark returns ✓ for a claim that held, ✗ for one that did not.
func mark(v experiment.Verdict) string {
	if v.Held {
		return "✓"
	}
	return "✗"
}

// writeStory writes the story as text: the heading, the description, each
// claim in plain words with its mark (and, for the expectation level, what
// it did to patience), how many held, and last the notes that say once how
// the numbers are made (output.ClaimNotes).
func writeStory(w io.Writer, sc *scenarios.Scenario, cfg *models.Config, reps int, verdicts []experiment.Verdict) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", sc.Name, sc.Title)
	fmt.Fprintf(&b, "%d replications of %s", reps, models.FormatDuration(cfg.Horizon))
	if cfg.Warmup > 0 {
		fmt.Fprintf(&b, " (the first %s left out as warm-up)", models.FormatDuration(cfg.Warmup))
	}
	fmt.Fprintf(&b, ", seed %d\n\n", cfg.Seed)
	for _, para := range strings.Split(strings.TrimSpace(sc.Description), "\n\n") {
		b.WriteString(wrap(strings.Join(strings.Fields(para), " "), "", 78) + "\n\n")
	}
	if len(verdicts) > 0 {
		b.WriteString("What this run measured:\n\n")
		held := 0
		for _, v := range verdicts {
			b.WriteString(wrap(mark(v)+" "+v.Sentence(), "  ", 78) + "\n")
			if words := v.InWords(); words != "" {
				b.WriteString("  " + wrap(words, "  ", 78) + "\n")
			}
			if v.Held {
				held++
			} else {
				b.WriteString("  " + wrap("not borne out by this run: "+v.Why+".", "  ", 78) + "\n")
			}
		}
		fmt.Fprintf(&b, "\n%d of %d claims held.\n", held, len(verdicts))
		b.WriteString("\nNotes\n")
		for _, note := range output.ClaimNotes(reps, classroom.ClaimsOf(verdicts)) {
			b.WriteString("\n" + wrap(note, "", 78) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// wrap breaks text into lines of at most width characters (output.Wrap),
// the lines after the first indented; a first line that starts with a
// mark keeps the text after it aligned.
func wrap(text, indent string, width int) string {
	lines := output.Wrap(text, func(n int, line string) bool {
		if n > 0 {
			line = indent + line
		}
		return utf8.RuneCountInString(line) <= width
	})
	return strings.Join(lines, "\n"+indent)
}

// demoJSON returns the story as JSON: the scenario, and each claim with
// its sides, change, counter and verdict.
func demoJSON(sc *scenarios.Scenario, cfg *models.Config, reps int, verdicts []experiment.Verdict) *output.Object {
	obj := &output.Object{}
	obj.Set("scenario", sc.Name).Set("title", sc.Title).Set("file", sc.File).Set("description", sc.Description)
	obj.Set("seed", cfg.Seed).Set("replications", reps)
	obj.Set("horizon_seconds", cfg.Horizon).Set("warmup_seconds", cfg.Warmup).Set("level", 0.95)
	claims := []*output.Object{}
	held := 0
	for _, v := range verdicts {
		c := v.Claim
		side := func(s scenarios.Side, e models.Estimate) *output.Object {
			o := &output.Object{}
			if s.First > 0 {
				o.Set("days", s.Days).Set("first_day", s.First).Set("last_day", s.Last)
			}
			sets := s.Set
			if sets == nil {
				sets = []string{}
			}
			return o.Set("set", sets).Set("mean", e.Mean).Set("ci95", e.HalfWidth)
		}
		withPatience := func(o *output.Object, factor, coupling float64) *output.Object {
			if c.Figure == scenarios.ExpectationFigure {
				o.Set("patience_factor", factor).Set("coupling", coupling)
			}
			return o
		}
		co := &output.Object{}
		co.Set("says", c.Says).Set("sentence", v.Sentence()).Set("figure", c.Figure).Set("unit", v.Unit)
		co.Set("a", withPatience(side(c.A, v.A), v.PatienceA, v.CouplingA)).Set("b", withPatience(side(c.B, v.B), v.PatienceB, v.CouplingB))
		if words := v.InWords(); words != "" {
			co.Set("in_words", words)
		}
		co.Set("expect", c.Expect).Set("by", c.By).Set("relative", c.Relative)
		co.Set("change", v.Change.Mean).Set("ci95", v.Change.HalfWidth).Set("pairs", v.Pairs)
		if c.Counter != nil {
			counter := &output.Object{}
			counter.Set("set", c.Counter).Set("within", c.CounterWithin)
			counter.Set("change", v.Counter.Mean).Set("ci95", v.Counter.HalfWidth)
			counter.Set("part", v.Part.Mean).Set("part_ci95", v.Part.HalfWidth)
			co.Set("counter", counter)
		}
		co.Set("held", v.Held)
		if !v.Held {
			co.Set("why", v.Why)
		} else {
			held++
		}
		claims = append(claims, co)
	}
	obj.Set("claims", claims).Set("held", held)
	return obj
}
