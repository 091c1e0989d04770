package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/models/erlang"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/scenarios"
)

// erlangOptions are the flags of omnisim erlang c|a|b.
type erlangOptions struct {
	model string // "a", "b" or "c"

	volume       float64
	per          durationFlag
	aht          durationFlag
	agents       int
	answerWithin durationFlag
	patience     durationFlag

	targetSL     fractionFlag
	maxOccupancy fractionFlag
	maxAbandon   fractionFlag
	shrinkage    fractionFlag

	lines    int
	maxBlock fractionFlag

	// runFlags hold --json and, with --simulate, --reps, --seed and -j.
	runFlags

	simulate     bool
	hours        float64
	serviceDist  string
	serviceShape int
	serviceCV    float64
	patienceDist string
	patienceCV   float64
	patienceK    int
}

func newErlangCmd(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "erlang c|a|b",
		Short: "Exact Erlang formulas: figures for a staffing level, or the staffing for a target",
		Long: `The exact queueing formulas of contact-centre planning:

  erlang c   M/M/n: callers never hang up (Erlang C)
  erlang a   M/M/n+M: callers hang up after an exponential patience (Erlang A,
             Garnett, Mandelbaum and Reiman 2002)
  erlang b   M/M/n/n: lines are limited and a caller finding all busy is lost

Give --agents to get the figures for that staffing, or a target such as
--target-sl 0.8 (with --max-occupancy, --max-abandon) instead to find the
fewest agents that meet it, and --shrinkage for the agents to schedule.
With --simulate, c and a also run the same queue as a simulation and print
its figures beside the formula's, with 95 % confidence half-widths; choose
other distributions than exponential to see how far Erlang is from them.`,
		Example: `  omnisim erlang c --volume 100 --per 30m --aht 3m --agents 14
  omnisim erlang c --volume 100 --per 30m --aht 3m --target-sl 0.8 --shrinkage 0.3
  omnisim erlang a --volume 100 --per 30m --aht 3m --patience 5m --agents 14 --json
  omnisim erlang a --volume 100 --per 30m --aht 3m --patience 5m --agents 14 --simulate --service-dist lognormal --service-cv 1.2
  omnisim erlang b --volume 100 --per 30m --aht 3m --lines 15`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	for _, m := range []struct{ name, short string }{
		{"c", "Erlang C: M/M/n, callers who never hang up"},
		{"a", "Erlang A: M/M/n+M, callers who hang up after an exponential patience"},
		{"b", "Erlang B: a loss system, calls finding every line busy are lost"},
	} {
		cmd.AddCommand(newErlangModelCmd(s, m.name, m.short))
	}
	return cmd
}

// erlangJSONHelp is the help of erlang's --json.
const erlangJSONHelp = "print one JSON object instead of a table"

func newErlangModelCmd(s streams, model, short string) *cobra.Command {
	o := &erlangOptions{model: model}
	o.per.sec = 1800
	o.answerWithin.sec = 20
	examples := map[string]string{
		"c": `  omnisim erlang c --volume 100 --per 30m --aht 3m --agents 14
  omnisim erlang c --volume 100 --per 30m --aht 3m --target-sl 80% --shrinkage 30%
  omnisim erlang c --volume 100 --per 30m --aht 3m --agents 14 --simulate --service-dist lognormal --service-cv 0.8`,
		"a": `  omnisim erlang a --volume 100 --per 30m --aht 3m --patience 5m --agents 14
  omnisim erlang a --volume 100 --per 30m --aht 3m --patience 5m --target-sl 0.8 --max-abandon 0.02
  omnisim erlang a --volume 100 --per 30m --aht 3m --patience 5m --agents 14 --simulate --reps 20 --json`,
		"b": `  omnisim erlang b --volume 100 --per 30m --aht 3m --lines 15
  omnisim erlang b --volume 100 --per 30m --aht 3m --max-block 1%`,
	}
	cmd := &cobra.Command{
		Use:     model,
		Short:   short,
		Example: examples[model],
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := o.check(cmd.Flags()); err != nil {
				return err
			}
			// What the formulas refuse (an unstable queue, a target no
			// staffing meets) is the parameters' fault: bad input.
			if model == "b" {
				return fromInput(o.runB(s))
			}
			return fromInput(o.runCA(s, cmd.Flags()))
		},
	}
	f := cmd.Flags()
	f.Float64Var(&o.volume, "volume", 0, "contacts offered per --per period (required)")
	f.Var(&o.per, "per", "the period --volume is counted over")
	f.Var(&o.aht, "aht", "average handle time, e.g. 3m or 180s (required)")
	if model == "b" {
		f.IntVar(&o.lines, "lines", 0, "number of lines (servers)")
		f.Var(&o.maxBlock, "max-block", "find the fewest lines with blocking at most this share, e.g. 0.01 or 1%")
		o.bind(f, runFlagHelp{json: erlangJSONHelp})
		return cmd
	}
	f.IntVar(&o.agents, "agents", 0, "agents answering; leave out and give a target to find the staffing")
	f.Var(&o.answerWithin, "answer-within", "service-level threshold T: answered with a wait ≤ T counts as within target")
	if model == "a" {
		f.Var(&o.patience, "patience", "mean patience before a caller hangs up, e.g. 5m (required)")
		f.Var(&o.maxAbandon, "max-abandon", "staffing: at most this share may abandon, e.g. 0.05")
	}
	f.Var(&o.targetSL, "target-sl", "staffing: at least this share answered within --answer-within, e.g. 0.8 or 80%")
	f.Var(&o.maxOccupancy, "max-occupancy", "staffing: occupancy at most this share, e.g. 0.85")
	f.Var(&o.shrinkage, "shrinkage", "share of paid time lost to breaks, training and absence: also print the agents to schedule")

	f.BoolVar(&o.simulate, "simulate", false, "also simulate the queue and print its figures with 95 % confidence half-widths")
	f.Float64Var(&o.hours, "hours", 200, "simulation: hours simulated per replication, the first 10 % as warm-up")
	o.reps, o.seed = 10, 1
	o.bind(f, runFlagHelp{
		json: erlangJSONHelp,
		reps: "simulation: number of replications",
		seed: "simulation: random seed",
		jobs: "simulation: replications to run at once (default: all cores)",
	})
	f.StringVar(&o.serviceDist, "service-dist", "exponential", "simulation: handle-time distribution: exponential, deterministic, erlang, gamma or lognormal, all with mean --aht")
	f.IntVar(&o.serviceShape, "service-shape", 0, "simulation: shape k of an erlang handle time")
	f.Float64Var(&o.serviceCV, "service-cv", 0, "simulation: coefficient of variation of a gamma or lognormal handle time")
	if model == "a" {
		f.StringVar(&o.patienceDist, "patience-dist", "exponential", "simulation: patience distribution, as --service-dist, with mean --patience")
		f.IntVar(&o.patienceK, "patience-shape", 0, "simulation: shape k of an erlang patience")
		f.Float64Var(&o.patienceCV, "patience-cv", 0, "simulation: coefficient of variation of a gamma or lognormal patience")
	}
	return cmd
}

// check reports every mistake in the flags at once.
func (o *erlangOptions) check(f *pflag.FlagSet) error {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if !(o.volume > 0) || math.IsInf(o.volume, 0) {
		bad("--volume must be a positive number of contacts (per --per, default 30m)")
	}
	if !(o.per.sec > 0) || math.IsInf(o.per.sec, 0) {
		bad("--per must be a positive duration, such as 30m or 1h")
	}
	if !o.aht.set {
		bad("--aht is required: the average handle time, such as 3m")
	} else if !(o.aht.sec > 0) || math.IsInf(o.aht.sec, 0) {
		bad("--aht must be a positive duration")
	}
	if o.model == "b" {
		switch {
		case f.Changed("lines") && o.maxBlock.set:
			bad("give --lines to evaluate, or --max-block to find the lines, not both")
		case f.Changed("lines") && o.lines < 1:
			bad("--lines must be at least 1")
		case !f.Changed("lines") && !o.maxBlock.set:
			bad("give --lines N, or --max-block to find the fewest lines")
		case o.maxBlock.set && o.maxBlock.v == 0:
			bad("--max-block must be more than 0")
		}
		return joinProblems(problems)
	}
	if o.model == "a" {
		if !o.patience.set {
			bad("--patience is required for Erlang A: the mean time before a caller hangs up, such as 5m")
		} else if !(o.patience.sec > 0) || math.IsInf(o.patience.sec, 0) {
			bad("--patience must be a positive, finite duration (for callers who never hang up, use erlang c)")
		}
	}
	if math.IsInf(o.answerWithin.sec, 0) {
		bad("--answer-within must be finite")
	}
	staffing := o.targetSL.set || o.maxOccupancy.set || o.maxAbandon.set
	switch {
	case f.Changed("agents") && staffing:
		bad("give --agents to evaluate a staffing level, or targets (--target-sl, --max-occupancy, --max-abandon) to find one, not both")
	case f.Changed("agents") && o.agents < 1:
		bad("--agents must be at least 1")
	case !f.Changed("agents") && !staffing:
		bad("give --agents N, or a target such as --target-sl 0.8 to find the staffing")
	}
	// Staff reads a zero target as no target at all, so a zero here would be
	// dropped without a word; no finite staffing meets it anyway.
	if o.maxOccupancy.set && o.maxOccupancy.v == 0 {
		bad("--max-occupancy must be more than 0")
	}
	if o.maxAbandon.set && o.maxAbandon.v == 0 {
		bad("--max-abandon must be more than 0: with impatient callers some always hang up")
	}
	if o.shrinkage.set && o.shrinkage.v >= 1 {
		bad("--shrinkage must be below 1 (100%%)")
	}
	if !o.simulate {
		for _, name := range []string{"hours", "reps", "seed", "jobs", "service-dist", "service-shape", "service-cv", "patience-dist", "patience-shape", "patience-cv"} {
			if f.Lookup(name) != nil && f.Changed(name) {
				bad("--%s is a simulation setting: add --simulate", name)
			}
		}
		return joinProblems(problems)
	}
	if !(o.hours > 0) || o.hours > maxErlangHours {
		bad("--hours must be a positive number of hours, at most %d", maxErlangHours)
	}
	if f.Changed("agents") && o.agents > models.MaxAgents {
		bad("--agents %d: at most %d agents can be simulated, the most a pool may have", o.agents, models.MaxAgents)
	}
	if o.reps < 1 || o.reps > scenarios.MaxReplications {
		bad("--reps must be from 1 to %d, not %d", scenarios.MaxReplications, o.reps)
	}
	if err := checkJobs(o.workers, f.Changed("jobs")); err != nil {
		bad("%v", err)
	}
	if _, err := o.dist("service", o.serviceDist, o.aht.sec, o.serviceShape, o.serviceCV, f); err != nil {
		bad("%v", err)
	}
	if o.model == "a" {
		if _, err := o.dist("patience", o.patienceDist, o.patience.sec, o.patienceK, o.patienceCV, f); err != nil {
			bad("%v", err)
		}
	}
	return joinProblems(problems)
}

func joinProblems(problems []string) error {
	if len(problems) == 0 {
		return nil
	}
	return usageErrorf("%s", strings.Join(problems, "\n"))
}

// dist builds the distribution named by --service-dist or --patience-dist,
// keeping the given mean.
func (o *erlangOptions) dist(what, name string, mean float64, shape int, cv float64, f *pflag.FlagSet) (models.Dist, error) {
	d := models.Dist{Kind: models.DistKind(name), Mean: mean}
	shapeFlag, cvFlag := "--"+what+"-shape", "--"+what+"-cv"
	shapeSet, cvSet := f.Changed(what+"-shape"), f.Changed(what+"-cv")
	switch d.Kind {
	case models.Exponential, models.Deterministic:
	case models.Erlang:
		if !shapeSet {
			return d, fmt.Errorf("--%s-dist erlang needs %s K, a whole number ≥ 1", what, shapeFlag)
		}
		d.Shape = shape
	case models.Gamma, models.LogNormal:
		if !cvSet {
			return d, fmt.Errorf("--%s-dist %s needs %s X, the coefficient of variation", what, name, cvFlag)
		}
		d.CV = cv
	default:
		return d, fmt.Errorf("--%s-dist must be exponential, deterministic, erlang, gamma or lognormal, not %q", what, name)
	}
	if shapeSet && d.Kind != models.Erlang {
		return d, fmt.Errorf("%s applies only to --%s-dist erlang", shapeFlag, what)
	}
	if cvSet && d.Kind != models.Gamma && d.Kind != models.LogNormal {
		return d, fmt.Errorf("%s applies only to --%s-dist gamma or lognormal", cvFlag, what)
	}
	var ps models.Problems
	if err := d.Validate(); errors.As(err, &ps) {
		var msgs []string
		for _, p := range ps {
			// The mean comes from --aht or --patience, checked already.
			if p.Path != "mean" {
				msgs = append(msgs, fmt.Sprintf("--%s-%s %s", what, p.Path, p.Msg))
			}
		}
		if len(msgs) > 0 {
			return d, errors.New(strings.Join(msgs, "; "))
		}
	}
	return d, nil
}

func (o *erlangOptions) params() erlang.Params {
	p := erlang.Params{
		ArrivalRate:  o.volume / o.per.sec,
		HandleTime:   o.aht.sec,
		Agents:       o.agents,
		AnswerWithin: o.answerWithin.sec,
	}
	if o.model == "a" {
		p.Patience = o.patience.sec
	}
	return p
}

func (o *erlangOptions) modelName() string {
	return "Erlang " + strings.ToUpper(o.model)
}

// runB evaluates Erlang B, or finds the lines for a blocking target.
func (o *erlangOptions) runB(s streams) error {
	load := o.volume / o.per.sec * o.aht.sec
	lines := o.lines
	if o.maxBlock.set {
		n, err := erlang.BLines(load, o.maxBlock.v)
		if err != nil {
			return err
		}
		lines = n
	}
	block := erlang.B(lines, load)
	if o.json {
		obj := &output.Object{}
		obj.Set("model", "erlang-b").Set("lines", lines).Set("offered_load_erlangs", load).Set("p_block", block)
		return failed(output.WriteJSON(s.out, obj))
	}
	fmt.Fprintf(s.out, "Erlang B: %s contacts per %s, AHT %s\n\n", trimFloat(o.volume), models.FormatDuration(o.per.sec), models.FormatDuration(o.aht.sec))
	t := output.NewTable("figure", "Erlang B")
	t.Row("lines", fmt.Sprint(lines))
	t.Row("offered load", fmt.Sprintf("%.3f Erlangs", load))
	t.Row("P(block)", output.Value(block, output.UnitShare))
	t.Row("carried load", fmt.Sprintf("%.3f Erlangs", load*(1-block)))
	_, err := t.WriteTo(s.out)
	return failed(err)
}

// runCA evaluates Erlang C or A (or finds the staffing) and, with
// --simulate, simulates the same queue.
func (o *erlangOptions) runCA(s streams, f *pflag.FlagSet) error {
	p := o.params()
	var r erlang.Result
	var err error
	if f.Changed("agents") {
		r, err = erlang.Evaluate(p)
	} else {
		r, err = erlang.Staff(p, erlang.Targets{
			ServiceLevel: o.targetSL.v,
			MaxOccupancy: o.maxOccupancy.v,
			MaxAbandon:   o.maxAbandon.v,
		})
	}
	if err != nil {
		return err
	}
	scheduled := -1
	if o.shrinkage.set {
		if scheduled, err = erlang.Scheduled(r.Agents, o.shrinkage.v); err != nil {
			return err
		}
	}
	var sim *models.Summary
	var simCfg *models.Config
	if o.simulate {
		simCfg = o.simConfig(r.Agents, f)
		if err := memoryRefusal("the simulated queue", simCfg.CheckMemory(o.reps, parallel(o.workers, o.reps), models.MemoryBudget),
			"run fewer replications (--reps), or fewer hours (--hours)"); err != nil {
			return err
		}
		results, err := experiment.Run{Config: simCfg, Reps: experiment.Span(0, o.reps), Workers: o.workers}.Results()
		if err != nil {
			return failed(err)
		}
		sum := models.Summarize(results)
		sim = &sum
	}
	if o.json {
		return failed(output.WriteJSON(s.out, o.jsonObject(r, scheduled, sim, simCfg)))
	}
	return failed(o.writeTable(s.out, r, scheduled, sim, simCfg))
}

// maxErlangHours caps --hours: with the tenth more of warm-up, in
// intervals of an hour, the horizon stays within models.MaxIntervals.
const maxErlangHours = 900_000

// simConfig is the single queue of the formula, as a simulation: the first
// 10 % of each replication is warm-up.
func (o *erlangOptions) simConfig(agents int, f *pflag.FlagSet) *models.Config {
	service, _ := o.dist("service", o.serviceDist, o.aht.sec, o.serviceShape, o.serviceCV, f)
	patience := models.Dist{Kind: models.Never}
	if o.model == "a" {
		patience, _ = o.dist("patience", o.patienceDist, o.patience.sec, o.patienceK, o.patienceCV, f)
	}
	measured := o.hours * 3600
	return &models.Config{
		Name:     "erlang-" + o.model,
		Seed:     o.seed,
		Horizon:  measured * 1.1,
		Warmup:   measured * 0.1,
		Interval: 3600,
		Channels: []models.Channel{{
			Name:         "queue",
			Kind:         models.Live,
			Arrivals:     models.Arrivals{Rate: o.volume / o.per.sec},
			HandleTime:   service,
			Patience:     patience,
			AnswerWithin: o.answerWithin.sec,
		}},
		Pools: []models.Pool{{Name: "agents", Skills: []string{"queue"}, Agents: []int{agents}}},
	}
}

// erlangKeys are the figures the formulas give, in output order, by their
// key in models.Figures; p_abandon is Erlang A's alone.
var erlangKeys = []string{"p_wait", "p_abandon", "service_level", "service_level_answered", "asa_seconds", "mean_wait_seconds", "occupancy"}

// figures returns the figures this model reports.
func (o *erlangOptions) figures() []models.Figure[models.Counts] {
	var out []models.Figure[models.Counts]
	for _, key := range erlangKeys {
		if key == "p_abandon" && o.model != "a" {
			continue
		}
		f, _ := models.FigureByKey(key)
		out = append(out, f)
	}
	return out
}

func (o *erlangOptions) jsonObject(r erlang.Result, scheduled int, sim *models.Summary, cfg *models.Config) *output.Object {
	obj := &output.Object{}
	obj.Set("model", "erlang-"+o.model).Set("agents", r.Agents).Set("offered_load_erlangs", r.OfferedLoad)
	for _, f := range o.figures() {
		v, _ := models.ErlangValue(r, f.Key)
		obj.Set(f.Key, v)
	}
	if scheduled >= 0 {
		obj.Set("scheduled_agents", scheduled)
	}
	if sim != nil {
		cs := sim.Channels[0]
		so, ci := &output.Object{}, &output.Object{}
		so.Set("replications", sim.Replications).Set("hours", o.hours).Set("seed", o.seed)
		for i, f := range models.Figures {
			if f.Key == "unfinished" || !cfg.Channels[0].FigureAppliesTo(f.Key) {
				continue
			}
			so.Set(f.Key, cs.Figures[i].Mean)
			ci.Set(f.Key, cs.Figures[i].HalfWidth)
		}
		so.Set("ci95", ci)
		obj.Set("simulated", so)
	}
	return obj
}

func (o *erlangOptions) writeTable(w io.Writer, r erlang.Result, scheduled int, sim *models.Summary, cfg *models.Config) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s contacts per %s, AHT %s", o.modelName(), trimFloat(o.volume),
		models.FormatDuration(o.per.sec), models.FormatDuration(o.aht.sec))
	if o.model == "a" {
		fmt.Fprintf(&b, ", mean patience %s", models.FormatDuration(o.patience.sec))
	}
	fmt.Fprintf(&b, ", answer within %s\n", models.FormatDuration(o.answerWithin.sec))
	if o.targetSL.set || o.maxOccupancy.set || o.maxAbandon.set {
		var goals []string
		if o.targetSL.set {
			goals = append(goals, "service level ≥ "+output.Value(o.targetSL.v, output.UnitShare))
		}
		if o.maxOccupancy.set {
			goals = append(goals, "occupancy ≤ "+output.Value(o.maxOccupancy.v, output.UnitShare))
		}
		if o.maxAbandon.set {
			goals = append(goals, "abandonment ≤ "+output.Value(o.maxAbandon.v, output.UnitShare))
		}
		fmt.Fprintf(&b, "Fewest agents meeting %s: %d\n", strings.Join(goals, ", "), r.Agents)
	}
	if sim != nil {
		ch := cfg.Channels[0]
		fmt.Fprintf(&b, "Simulated: %d replication%s of %s after %s of warm-up, seed %d; handle time %s; patience %s\n",
			sim.Replications, plural(sim.Replications), hours(o.hours), hours(o.hours/10), cfg.Seed, ch.HandleTime, ch.Patience)
	}
	b.WriteByte('\n')
	header := []string{"figure", o.modelName()}
	if sim != nil {
		header = append(header, "simulated, mean ± 95 % CI")
	}
	t := output.NewTable(header...)
	t.Row("agents", fmt.Sprint(r.Agents))
	if scheduled >= 0 {
		t.Row(fmt.Sprintf("scheduled agents (%s shrinkage)", output.Value(o.shrinkage.v, output.UnitShare)), fmt.Sprint(scheduled))
	}
	t.Row("offered load", fmt.Sprintf("%.3f Erlangs", r.OfferedLoad))
	for _, f := range o.figures() {
		v, _ := models.ErlangValue(r, f.Key)
		row := []string{f.Label, output.Value(v, f.Unit)}
		if sim != nil {
			e := sim.Channels[0].Get(f.Key)
			row = append(row, output.Estimate(e.Mean, e.HalfWidth, f.Unit))
		}
		t.Row(row...)
	}
	t.WriteTo(&b)
	_, err := io.WriteString(w, b.String())
	return err
}

func trimFloat(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.6f", v), "0"), ".")
}

// hours writes a number of hours, "1 hour" or "2.5 hours".
func hours(h float64) string {
	if h == 1 {
		return "1 hour"
	}
	return fmt.Sprintf("%g hours", h)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
