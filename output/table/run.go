package table

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/plan"
)

// RunOptions choose what a run report adds to its summary.
type RunOptions struct {
	// Intervals adds each channel's figures interval by interval.
	Intervals bool
	// Days adds each channel's figures day by day, and the customers' and
	// the expectation level's where the report shows those. JSON always has
	// the days.
	Days bool
}

// run is a RunReport as its text and JSON show it: the methods here
// choose what is worth a row and write the sections.
type run struct{ *output.RunReport }

// WriteRun writes the report as text: a header naming the run, then the
// channels, every figure as its mean over the replications with the
// half-width of its 95 % confidence interval. A single channel gets a table
// of its own with, where a formula applies, the Erlang prediction beside
// each figure; several channels share one table, a column each. Figures
// that say nothing in this run (zero everywhere, or a resolution rate of
// 100 %) are left out. Sections on customers, pools and expectations follow
// when the world has something to say in them; then, as opts asks, each
// channel interval by interval and day by day.
func WriteRun(w io.Writer, report *output.RunReport, opts RunOptions) error {
	r := run{report}
	var b strings.Builder
	r.writeHeader(&b)
	if len(r.Results) == 0 {
		_, err := io.WriteString(w, b.String())
		return err
	}
	if len(r.Config.Channels) == 1 {
		r.writeChannel(&b)
	} else {
		r.writeChannels(&b)
	}
	r.writeClasses(&b)
	if r.ShowsCustomers() {
		r.writeCustomers(&b)
	}
	if r.showsPools() {
		r.writePools(&b)
	}
	if r.WordOfMouth() {
		r.writeExpectations(&b)
	}
	if opts.Intervals {
		for i := range r.Config.Channels {
			b.WriteByte('\n')
			if len(r.Config.Channels) > 1 {
				fmt.Fprintf(&b, "%s by interval\n\n", r.Config.Channels[i].Name)
			}
			r.intervalTable(i).WriteTo(&b)
		}
		r.writeIntervalsNote(&b)
	}
	if opts.Days {
		r.writeDays(&b)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (r run) writeHeader(b *strings.Builder) {
	cfg := r.Config
	head := r.Name
	if r.Title != "" {
		head += ": " + r.Title
	}
	fmt.Fprintln(b, head)
	reps := r.Summary.Replications
	fmt.Fprintf(b, "%d replication%s of %s", reps, output.Plural(reps), models.FormatDuration(cfg.Horizon))
	if cfg.Warmup > 0 {
		fmt.Fprintf(b, " (the first %s left out as warm-up)", models.FormatDuration(cfg.Warmup))
	}
	fmt.Fprintf(b, ", seed %d\n", cfg.Seed)
}

// writeChannel writes the single channel of a world: its figures, the
// Erlang prediction where a formula applies, and its target.
func (r run) writeChannel(b *strings.Builder) {
	cfg, cs := r.Config, r.Summary.Channels[0]
	fmt.Fprintf(b, "\n%s\n", r.describeChannel(0))
	if len(cfg.Classes) > 1 {
		fmt.Fprintln(b, describeClasses(cfg))
	}
	b.WriteByte('\n')
	ref, hasRef := models.ReferenceFor(cfg, 0)
	header := []string{"figure", "simulated"}
	if r.Summary.Replications > 1 {
		header[1] = "simulated, mean ± 95 % CI"
	}
	if hasRef {
		header = append(header, ref.Model)
	}
	t := output.NewTable(header...)
	for _, fi := range r.shownFigures() {
		f, e := models.Figures[fi], cs.Figures[fi]
		row := []string{f.Label, output.Estimate(e.Mean, e.HalfWidth, f.Unit)}
		if hasRef {
			if v, ok := ref.Value(f.Key); ok {
				row = append(row, output.Value(v, f.Unit))
			}
		}
		t.Row(row...)
	}
	t.WriteTo(b)
	if hasRef && !ref.Exact {
		fmt.Fprintf(b, "(%s assumes exponential handle times and patience and uses only their means here;\n this channel's differ, so the two columns are expected to differ.)\n", ref.Model)
	}
	if ch := cfg.Channels[0]; ch.TargetServiceLevel > 0 {
		fmt.Fprintf(b, "Target: %s answered within %s; %s.\n", output.Value(ch.TargetServiceLevel, output.UnitShare),
			models.FormatDuration(ch.AnswerWithin), r.targetVerdict(cs.Get("service_level"), ch.TargetServiceLevel))
	}
}

// writeChannels writes several channels side by side: a line describing
// each, one table with a column per channel, and each target.
func (r run) writeChannels(b *strings.Builder) {
	cfg := r.Config
	b.WriteByte('\n')
	if hasArrivals(cfg.Demand.Arrivals) {
		fmt.Fprintln(b, r.describeDemand())
	}
	if len(cfg.Classes) > 1 {
		fmt.Fprintln(b, describeClasses(cfg))
	}
	for i := range cfg.Channels {
		fmt.Fprintln(b, r.describeChannel(i))
	}
	b.WriteByte('\n')
	header := []string{r.figureHeading()}
	for _, cs := range r.Summary.Channels {
		header = append(header, cs.Name)
	}
	t := output.NewTable(header...)
	for _, fi := range r.shownFigures() {
		f := models.Figures[fi]
		row := []string{f.Label}
		for _, cs := range r.Summary.Channels {
			e := cs.Figures[fi]
			row = append(row, output.Estimate(e.Mean, e.HalfWidth, f.Unit))
		}
		t.Row(row...)
	}
	t.WriteTo(b)
	for i, ch := range cfg.Channels {
		if ch.TargetServiceLevel > 0 {
			fmt.Fprintf(b, "Target: %s, %s answered within %s; %s.\n", ch.Name, output.Value(ch.TargetServiceLevel, output.UnitShare),
				models.FormatDuration(ch.AnswerWithin), r.targetVerdict(r.Summary.Channels[i].Get("service_level"), ch.TargetServiceLevel))
		}
	}
}

// figureHeading heads the first column of a table of estimates.
func (r run) figureHeading() string {
	if r.Summary.Replications > 1 {
		return "figure, mean ± 95 % CI"
	}
	return "figure"
}

// targetVerdict judges a service level, e, against its target by its 95 %
// confidence interval (output.Verdict) and says so with the figure: "met at
// 91.81 % ± 0.38", "undecided at 83.39 % ± 12.90, whose interval holds the
// target". A single replication gives no interval: undecided, whatever the
// figure.
func (r run) targetVerdict(e models.Estimate, target float64) string {
	v := output.Verdict(e.Mean, e.HalfWidth, target, true)
	at := output.Estimate(e.Mean, e.HalfWidth, output.UnitShare)
	switch {
	case v == "":
		return "not judged: no contacts"
	case v != output.VerdictUndecided:
		return v + " at " + at
	case math.IsNaN(e.HalfWidth):
		return "undecided at " + at + ": a single replication gives no confidence interval to judge by"
	}
	return "undecided at " + at + ", whose 95 % interval holds the target: more replications would decide"
}

// writeCustomers writes the customer-level figures.
func (r run) writeCustomers(b *strings.Builder) {
	fmt.Fprint(b, "\nCustomers, by the interval their journey began\n\n")
	header := "value"
	if r.Summary.Replications > 1 {
		header = "mean ± 95 % CI"
	}
	t := output.NewTable("figure", header)
	for fi, f := range models.CustomerFigures {
		e := r.Summary.Customers[fi]
		t.Row(f.Label, output.Estimate(e.Mean, e.HalfWidth, f.Unit))
	}
	t.WriteTo(b)
}

// writePools writes a row per pool and their total. The cost column is
// left out when no pool has a cost.
func (r run) writePools(b *strings.Builder) {
	cfg := r.Config
	costs := false
	for _, p := range cfg.Pools {
		costs = costs || p.CostPerHour > 0
	}
	away := false
	for _, p := range cfg.Pools {
		for _, a := range p.Availability {
			away = away || a < 1
		}
	}
	// The columns shown, by their index in models.PoolFigures: cost only
	// when some pool has one, away hours only when some agents are away.
	var figs []models.Figure[models.PoolCounts]
	var idx []int
	for i, f := range models.PoolFigures {
		if (f.Key == "cost" && !costs) || (f.Key == "away_hours" && !away) {
			continue
		}
		figs, idx = append(figs, f), append(idx, i)
	}
	header := []string{"pool", "serves"}
	for _, f := range figs {
		header = append(header, f.Label)
	}
	if r.Summary.Replications > 1 {
		fmt.Fprint(b, "\nPools, each figure a mean ± 95 % CI\n\n")
	} else {
		fmt.Fprint(b, "\nPools\n\n")
	}
	t := output.NewTable(header...).AlignLeft(1)
	for p, ps := range r.Summary.Pools {
		row := []string{ps.Name, strings.Join(cfg.Pools[p].Skills, ", ")}
		for j, f := range figs {
			e := ps.Figures[idx[j]]
			row = append(row, output.Estimate(e.Mean, e.HalfWidth, f.Unit))
		}
		t.Row(row...)
	}
	if len(cfg.Pools) > 1 {
		row := []string{"total", ""}
		for _, f := range figs {
			e := output.FigureEstimate(r.Results, f, output.PoolsTotal)
			row = append(row, output.Estimate(e.Mean, e.HalfWidth, f.Unit))
		}
		t.Row(row...)
	}
	t.WriteTo(b)
}

// writeExpectations writes where word of mouth left expectations at the
// horizon: the global level with what it does to patience, and each
// channel's expected wait against where it started.
func (r run) writeExpectations(b *strings.Builder) {
	cfg, e := r.Config, r.Summary.Expectation
	fmt.Fprint(b, "\nExpectations\n\n")
	fmt.Fprintf(b, "Expectation level at the horizon: %s; patience is scaled by %s (exp(−%g × level)).\n\n",
		output.Estimate(e.Mean, e.HalfWidth, output.UnitRatio), output.Value(r.PatienceFactor(e.Mean), output.UnitRatio), cfg.WordOfMouth.Coupling)
	t := output.NewTable("channel", "expected wait at start", "at the horizon")
	for i, ch := range cfg.Channels {
		w := r.Summary.Channels[i].Get("expected_wait_seconds")
		t.Row(ch.Name, output.Value(ch.ExpectedWait, output.UnitSeconds), output.Estimate(w.Mean, w.HalfWidth, output.UnitSeconds))
	}
	t.WriteTo(b)
}

// periodColumn is a column of a table by interval or by day: a channel
// figure under a heading.
type periodColumn struct {
	label string
	f     models.Figure[models.Counts]
}

// periodColumns returns the columns of channel i's tables by interval and
// by day, whose tallies are cs: offered, answered, abandoned, blocked if
// any contact was, service level, ASA, more as asked, the backlog if a
// deferred channel had any, and the expected wait under word of mouth.
func (r run) periodColumns(i int, cs []models.Counts, more []string, backlog string) []periodColumn {
	var blocked, waiting bool
	for _, c := range cs {
		blocked = blocked || c.Blocked > 0
		waiting = waiting || c.Backlog > 0
	}
	keys := []string{"offered", "answered", "abandoned"}
	if blocked {
		keys = append(keys, "blocked")
	}
	keys = append(keys, "service_level", "asa_seconds")
	keys = append(keys, more...)
	if waiting && r.Config.Channels[i].Kind == models.Deferred {
		keys = append(keys, "backlog")
	}
	if r.WordOfMouth() {
		keys = append(keys, "expected_wait_seconds")
	}
	cols := make([]periodColumn, len(keys))
	for j, key := range keys {
		f, _ := models.FigureByKey(key)
		cols[j] = periodColumn{f.Label, f}
		if key == "backlog" {
			cols[j].label = backlog
		}
	}
	return cols
}

// countDecimals is the number of decimals of counts in tables by interval
// and by day: none for a single replication, one for means of several.
func (r run) countDecimals() int {
	if len(r.Results) > 1 {
		return 1
	}
	return 0
}

// cell formats figure f of channel i's tallies added up over the
// replications: "–" where the figure does not apply to the channel's kind.
func (r run) cell(i int, f models.Figure[models.Counts], c *models.Counts) string {
	if !models.FigureApplies(r.Config.Channels[i].Kind, f.Key) {
		return output.Value(math.NaN(), f.Unit)
	}
	v := output.PerReplication(f, c, r.Reps())
	if f.Unit == output.UnitCount {
		return output.Count(v, r.countDecimals())
	}
	return output.Value(v, f.Unit)
}

// intervalTable is channel i interval by interval: the agents scheduled by
// the pools that serve it (none for self-service), then its figures, counts
// as means per replication, each with the half-width of its 95 %
// confidence interval when there are several replications, then the
// verdict on each target the channel sets (output.Verdict).
func (r run) intervalTable(i int) *output.Table {
	cfg := r.Config
	cs := r.ChannelIntervals(i)
	cols := r.periodColumns(i, cs, []string{"occupancy"}, "backlog")
	pools := output.ServingPools(cfg, i)
	halves := r.ChannelIntervalHalfWidths(i)
	targets, set := output.ChannelTargets(cfg, i)
	header := []string{"interval"}
	if cfg.Channels[i].Kind != models.SelfService {
		header = append(header, "agents")
	}
	for _, c := range cols {
		header = append(header, c.label)
	}
	for j, t := range targets {
		if set[j] {
			header = append(header, targetHeading(t))
		}
	}
	t := output.NewTable(header...)
	for k := range cs {
		row := []string{output.Clock(float64(k) * cfg.Interval)}
		if cfg.Channels[i].Kind != models.SelfService {
			row = append(row, fmt.Sprint(agentsAt(cfg, pools, k)))
		}
		vals := r.ChannelFigures(i, &cs[k])
		for _, col := range cols {
			fi := output.FigureIndex(col.f.Key)
			row = append(row, r.intervalCell(col.f, vals[fi], halves[k][fi]))
		}
		for j := range targets {
			if set[j] {
				v := output.Judge(targets[j], vals, halves[k])
				if v == "" {
					v = "–"
				}
				row = append(row, v)
			}
		}
		t.Row(row...)
	}
	return t
}

// intervalCell formats a figure of an interval with its 95 % half-width:
// counts with the decimals of the tables by interval, and no half-width
// with a single replication, or for a count the same in every replication
// (none at night).
func (r run) intervalCell(f models.Figure[models.Counts], v, half float64) string {
	if f.Unit == output.UnitCount && !(half > 0) {
		return output.Count(v, r.countDecimals())
	}
	return output.Estimate(v, half, f.Unit)
}

// targetHeading heads the column of a target's verdicts: "service level ≥
// 80 %", "abandonment ≤ 5 %".
func targetHeading(t plan.Target) string {
	sign := " ≤ "
	if t.Kind == plan.ServiceLevel {
		sign = " ≥ "
	}
	return t.Kind.Label() + sign + strings.TrimSuffix(output.Value(t.Value, output.UnitShare), ".00 %") + " %"
}

// writeIntervalsNote says how to read the tables by interval: what the
// ± is and how the verdicts are earned.
func (r run) writeIntervalsNote(b *strings.Builder) {
	targets := false
	for i := range r.Config.Channels {
		_, set := output.ChannelTargets(r.Config, i)
		targets = targets || set[0] || set[1] || set[2]
	}
	b.WriteByte('\n')
	if r.Summary.Replications > 1 {
		fmt.Fprintln(b, "Each figure of an interval pools the replications (counts are means per replication) and is")
		fmt.Fprintln(b, "followed by the half-width of its 95 % confidence interval (jackknife over the replications).")
		if targets {
			fmt.Fprintln(b, "A target is met when the figure's confidence interval lies wholly on the target's good side,")
			fmt.Fprintln(b, "missed when wholly on the other side, undecided when it straddles the target; – without contacts.")
		}
		return
	}
	fmt.Fprintln(b, "A single replication gives no confidence interval: each figure of an interval is one sample.")
	if targets {
		fmt.Fprintln(b, "Every target is undecided (– without contacts): run more replications (-n) to judge them.")
	}
}

// writeDays writes each channel day by day, then the customers and the
// expectation level where the report shows them.
func (r run) writeDays(b *strings.Builder) {
	cfg := r.Config
	if cfg.Warmup > 0 {
		fmt.Fprintf(b, "\nThe days include the warm-up (the first %s), which the figures above leave out.\n", models.FormatDuration(cfg.Warmup))
	}
	for i, ch := range cfg.Channels {
		cs := r.ChannelDays(i)
		cols := r.periodColumns(i, cs, nil, "backlog at day end")
		header := []string{"day", "weekday"}
		for _, c := range cols {
			header = append(header, c.label)
		}
		t := output.NewTable(header...).AlignLeft(1)
		for d := range cs {
			row := []string{fmt.Sprint(d + 1), r.Weekday(d).String()}
			for _, col := range cols {
				row = append(row, r.cell(i, col.f, &cs[d]))
			}
			t.Row(row...)
		}
		fmt.Fprintf(b, "\n%s by day\n\n", ch.Name)
		t.WriteTo(b)
	}
	if r.ShowsCustomers() {
		keys := []string{"customers", "resolved_share", "contacts_per_customer", "satisfaction"}
		header := []string{"day", "weekday"}
		var figs []models.Figure[models.CustomerCounts]
		for _, key := range keys {
			for _, f := range models.CustomerFigures {
				if f.Key == key {
					figs = append(figs, f)
					header = append(header, f.Label)
				}
			}
		}
		t := output.NewTable(header...).AlignLeft(1)
		days := r.CustomerDays()
		for d := range days {
			row := []string{fmt.Sprint(d + 1), r.Weekday(d).String()}
			for _, f := range figs {
				v := output.PerReplication(f, &days[d], r.Reps())
				if f.Unit == output.UnitCount {
					row = append(row, output.Count(v, r.countDecimals()))
				} else {
					row = append(row, output.Value(v, f.Unit))
				}
			}
			t.Row(row...)
		}
		fmt.Fprint(b, "\nCustomers by the day their journey began\n\n")
		t.WriteTo(b)
	}
	if r.WordOfMouth() {
		header := "expectation level"
		if r.Summary.Replications > 1 {
			header += ", mean ± 95 % CI"
		}
		t := output.NewTable("day", "weekday", header, "patience factor").AlignLeft(1)
		for d, e := range r.ExpectationDays() {
			f := math.NaN()
			if !math.IsNaN(e.Mean) {
				f = r.PatienceFactor(e.Mean)
			}
			t.Row(fmt.Sprint(d+1), r.Weekday(d).String(), output.Estimate(e.Mean, e.HalfWidth, output.UnitRatio), output.Value(f, output.UnitRatio))
		}
		fmt.Fprint(b, "\nExpectation level at the end of each day\n\n")
		t.WriteTo(b)
	}
}

// showsPools tells whether the pools say more than the channels: when there
// are several, or time is lost to shrinkage or away, or agents cost
// something.
func (r run) showsPools() bool {
	cfg := r.Config
	if len(cfg.Pools) > 1 {
		return true
	}
	for _, p := range cfg.Pools {
		if p.CostPerHour > 0 || p.Shrinkage > 0 || describeAvailability(p) != "" {
			return true
		}
	}
	return false
}

// zeroHidden are the channel figures that stay at zero in most worlds (no
// busy signals, no switching, no escalation, no backlog): a row of zeros
// says nothing, so it is left out.
var zeroHidden = map[string]bool{
	"unfinished": true, "blocked": true, "p_blocked": true, "duplicates": true,
	"switched_in": true, "switched_out": true, "escalated_in": true, "escalated_out": true,
	"backlog": true,
}

// trivial tells whether channel figure f, whose estimate is e, says nothing
// about channel i in this run.
func (r run) trivial(i int, f models.Figure[models.Counts], e models.Estimate) bool {
	switch {
	case !r.Config.Channels[i].FigureAppliesTo(f.Key):
		return true
	case f.Key == "talk_seconds" || f.Key == "acw_seconds":
		// Without after-call work, talk time is the AHT and the wrap-up 0.
		return !r.Config.Channels[i].HasWrap()
	case f.Key == "backlog" && r.Config.Channels[i].Kind != models.Deferred:
		// A live queue's backlog at the horizon is a passing reading (and,
		// cut off, the unfinished count again): only a deferred channel's
		// carries over.
		return true
	case zeroHidden[f.Key]:
		return e.Mean == 0 || math.IsNaN(e.Mean)
	case f.Key == "resolved" || f.Key == "resolution_rate":
		rate := r.Summary.Channels[i].Get("resolution_rate").Mean
		return rate == 1 || math.IsNaN(rate)
	case f.Key == "expected_wait_seconds":
		return !r.WordOfMouth() // without word of mouth it never moves
	}
	return false
}

// shownFigures returns the indices in models.Figures of the channel figures
// worth a row: those that say something about at least one channel.
func (r run) shownFigures() []int {
	var out []int
	for fi, f := range models.Figures {
		for i, cs := range r.Summary.Channels {
			if !r.trivial(i, f, cs.Figures[fi]) {
				out = append(out, fi)
				break
			}
		}
	}
	return out
}
