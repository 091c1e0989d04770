package output

import (
	"math"
	"slices"

	"github.com/omnisim/omnisim/models"
)

// RunReport is what omnisim run reports: a scenario's replications merged.
// output/table writes it for people (table.WriteRun) and tools (table.RunJSON);
// its Dataset is what the charts and the report are drawn from.
type RunReport struct {
	// Name, Title and File identify the scenario.
	Name, Title, File string
	// Config is the world that was simulated, its defaults filled in.
	Config *models.Config
	// Results are the replications' totals (models.Result.Totals), in
	// order.
	Results []*models.Result
	// Batches add up the replications' tallies by interval, flows and
	// expectation levels (models.Pooled): the tables by interval and by
	// day, and their confidence intervals, come from them.
	Batches []*models.Result
	// Summary merges them.
	Summary models.Summary
	// Description is the scenario's story, for the report and summary.json.
	Description string
	// Claims are the story's claims as omnisim demo judged them, for
	// claims.csv, their charts and the report; nil for a run.
	Claims []Claim
	// Provenance records how the run was made, for its output folder; nil
	// records nothing.
	Provenance *Provenance
}

// NewRunReport merges replications of cfg into a report. The report keeps a
// copy of cfg with its defaults filled in, as the replications ran it.
func NewRunReport(name, title, file string, cfg *models.Config, results []*models.Result) *RunReport {
	return NewPooledReport(name, title, file, cfg, models.PoolResults(cfg, results))
}

// NewPooledReport is NewRunReport of replications gathered as they
// finished.
func NewPooledReport(name, title, file string, cfg *models.Config, p *models.Pooled) *RunReport {
	full := *cfg
	full.SetDefaults()
	return &RunReport{Name: name, Title: title, File: file, Config: &full, Results: p.Totals, Batches: p.Batches,
		Summary: models.Summarize(p.Totals)}
}

// Reps returns the number of replications, at least 1 so that it can
// divide.
func (r *RunReport) Reps() int { return max(1, len(r.Results)) }

// ShowsCustomers tells whether the customer level says more than the
// contact level: only when a customer may make more than one contact
// (several channels, retries) or leave unresolved.
func (r *RunReport) ShowsCustomers() bool {
	cfg := r.Config
	if len(cfg.Channels) > 1 || slices.ContainsFunc(cfg.Journey.Retry, func(p float64) bool { return p > 0 }) {
		return true
	}
	for _, ch := range cfg.Channels {
		if slices.ContainsFunc(ch.Resolution, func(p float64) bool { return p < 1 }) {
			return true
		}
	}
	return false
}

// WordOfMouth tells whether word of mouth ran: only then do expectations
// move.
func (r *RunReport) WordOfMouth() bool { return r.Config.WordOfMouth.Enabled }

// ServingPools returns the indices of the pools whose skills include
// channel i.
func ServingPools(cfg *models.Config, i int) []int {
	var out []int
	for p, pool := range cfg.Pools {
		if slices.Contains(pool.Skills, cfg.Channels[i].Name) {
			out = append(out, p)
		}
	}
	return out
}

// extensive tells whether figures of a unit grow with the stretch of time
// they cover (counts, hours, money), so that a sum over replications divides
// into a mean per replication. Shares, seconds and ratios are quotients of
// such sums, pooled over the replications as they are.
func extensive(unit string) bool {
	return unit == UnitCount || unit == UnitHours || unit == UnitMoney
}

// PerReplication returns figure f of tallies added up over reps
// replications: a mean per replication for counts, hours and money, the
// pooled quotient for the rest.
func PerReplication[T any](f models.Figure[T], sum *T, reps int) float64 {
	v := f.Of(sum)
	if extensive(f.Unit) {
		v /= float64(reps)
	}
	return v
}

// ChannelFigures returns every figure of channel i (in the order of
// models.Figures) of tallies added up over the replications, as
// PerReplication computes them; NaN for a figure that does not apply to the
// channel's kind (models.FigureApplies).
func (r *RunReport) ChannelFigures(i int, sum *models.Counts) []float64 {
	return r.channelFigurer(i).append(make([]float64, 0, len(models.Figures)), sum)
}

// channelFigurer computes ChannelFigures of channel i's tallies, again and
// again, with whether each figure applies to the channel's kind and
// whether it is a mean per replication (extensive) looked up once, not for
// every tally: the same bits (TestChannelFigurerAsPerReplication).
type channelFigurer struct {
	// applies[f] and applies[m+f] (m figures) tell whether figure f
	// applies and whether it is divided by the replications.
	applies []bool
	reps    float64
}

// channelFigurer returns the channelFigurer of channel i.
func (r *RunReport) channelFigurer(i int) channelFigurer {
	kind, m := r.Config.Channels[i].Kind, len(models.Figures)
	f := channelFigurer{applies: make([]bool, 2*m), reps: float64(r.Reps())}
	for fi, fig := range models.Figures {
		f.applies[fi], f.applies[m+fi] = models.FigureApplies(kind, fig.Key), extensive(fig.Unit)
	}
	return f
}

// append appends ChannelFigures(i, sum) to out, for f made for channel i.
func (f channelFigurer) append(out []float64, sum *models.Counts) []float64 {
	// In locals, cut to the figures' length: each call of Of, through a
	// func value, would have models.Figures read again, and every index
	// checked.
	figs := models.Figures
	m := len(figs)
	applies, ext := f.applies[:m], f.applies[m:][:m]
	at := len(out)
	out = slices.Grow(out, m)[:at+m]
	row := out[at : at+m]
	for fi := range figs {
		// By index: a Figure is nine words, copied at each step of a
		// range over its values, for its Of alone.
		v := math.NaN()
		if applies[fi] {
			v = figs[fi].Of(sum)
			if ext[fi] {
				v /= f.reps
			}
		}
		row[fi] = v
	}
	return out
}

// estimate computes figure f in each replication and returns the mean with
// its 95 % confidence half-width, as models.Summarize does for each figure.
func FigureEstimate[T any](results []*models.Result, f models.Figure[T], get func(*models.Result) T) models.Estimate {
	vals := make([]float64, len(results))
	var sum T // one for every replication: given to f.Of by address, it is on the heap
	for i, res := range results {
		sum = get(res)
		vals[i] = f.Of(&sum)
	}
	return meanCI(vals)
}

// PoolsTotal adds up the tallies of every pool of a replication.
func PoolsTotal(res *models.Result) models.PoolCounts {
	var c models.PoolCounts
	for _, p := range res.Pools {
		c.Add(p.Total)
	}
	return c
}

// PatienceFactor is what an expectation level does to patience, as word of
// mouth applies it (adaptive patience: Zohar, Mandelbaum and Shimkin 2002).
func (r *RunReport) PatienceFactor(level float64) float64 {
	return math.Exp(-r.Config.WordOfMouth.Coupling * level)
}
