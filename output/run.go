package output

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/omnisim/omnisim/models"
)

// RunReport is what omnisim run reports: a scenario's replications merged.
type RunReport struct {
	// Name, Title and File identify the scenario.
	Name, Title, File string
	// Config is the world that was simulated.
	Config *models.Config
	// Results are the replications, in order.
	Results []*models.Result
	// Summary merges them.
	Summary models.Summary
}

// NewRunReport merges replications of cfg into a report.
func NewRunReport(name, title, file string, cfg *models.Config, results []*models.Result) *RunReport {
	return &RunReport{Name: name, Title: title, File: file, Config: cfg, Results: results, Summary: models.Summarize(results)}
}

// WriteText writes the report as text tables: per channel, each figure's
// mean with its 95 % confidence half-width and, where a formula applies,
// the Erlang prediction beside it. With intervals, a table per channel of
// every interval follows.
func (r *RunReport) WriteText(w io.Writer, intervals bool) error {
	cfg := r.Config
	var b strings.Builder
	head := r.Name
	if r.Title != "" {
		head += ": " + r.Title
	}
	fmt.Fprintln(&b, head)
	reps := r.Summary.Replications
	fmt.Fprintf(&b, "%d replication%s of %s", reps, plural(reps), models.FormatDuration(cfg.Horizon))
	if cfg.Warmup > 0 {
		fmt.Fprintf(&b, " (the first %s left out as warm-up)", models.FormatDuration(cfg.Warmup))
	}
	fmt.Fprintf(&b, ", seed %d\n", cfg.Seed)
	for i, cs := range r.Summary.Channels {
		ch := cfg.Channels[i]
		fmt.Fprintf(&b, "\n%s\n\n", describeChannel(cfg, i))
		ref, hasRef := models.ReferenceFor(cfg, i)
		header := []string{"figure", "simulated"}
		if reps > 1 {
			header[1] = "simulated, mean ± 95 % CI"
		}
		if hasRef {
			header = append(header, ref.Model)
		}
		t := NewTable(header...)
		for fi, f := range models.Figures {
			e := cs.Figures[fi]
			if f.Key == "unfinished" && e.Mean == 0 {
				continue // worth a line only when something was left unfinished
			}
			row := []string{f.Label, Estimate(e.Mean, e.HalfWidth, f.Unit)}
			if hasRef {
				if v, ok := ref.Value(f.Key); ok {
					row = append(row, Value(v, f.Unit))
				}
			}
			t.Row(row...)
		}
		t.WriteTo(&b)
		if hasRef && !ref.Exact {
			fmt.Fprintf(&b, "(%s assumes exponential handle times and patience and uses only their means here;\n this channel's differ, so the two columns are expected to differ.)\n", ref.Model)
		}
		if ch.TargetServiceLevel > 0 {
			sl := cs.Get("service_level").Mean
			verdict := "met"
			if !(sl >= ch.TargetServiceLevel) {
				verdict = "missed"
			}
			fmt.Fprintf(&b, "Target: %s answered within %s; %s, at %s.\n", Value(ch.TargetServiceLevel, UnitShare),
				models.FormatDuration(ch.AnswerWithin), verdict, Value(sl, UnitShare))
		}
		if intervals {
			b.WriteByte('\n')
			r.intervalTable(i).WriteTo(&b)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// describeChannel says in one line what a channel's settings are.
func describeChannel(cfg *models.Config, i int) string {
	ch, pool := cfg.Channels[i], cfg.Pools[0]
	parts := []string{fmt.Sprintf("%s (%s)", ch.Name, ch.Kind)}
	if len(ch.Arrivals.Volumes) == 0 {
		parts = append(parts, "arrivals "+formatRate(ch.Arrivals.Rate))
	} else {
		total := 0.0
		for _, v := range ch.Arrivals.Volumes {
			total += v
		}
		parts = append(parts, fmt.Sprintf("arrivals per %s interval, %s over %d intervals",
			models.FormatDuration(cfg.Interval), Value(math.Round(total), UnitCount), len(ch.Arrivals.Volumes)))
	}
	parts = append(parts, "handle time "+ch.HandleTime.String(), "patience "+ch.Patience.String())
	if len(pool.Agents) == 1 {
		parts = append(parts, fmt.Sprintf("%d agents", pool.Agents[0]))
	} else {
		lo, hi := pool.Agents[0], pool.Agents[0]
		for _, n := range pool.Agents {
			lo, hi = min(lo, n), max(hi, n)
		}
		parts = append(parts, fmt.Sprintf("%d to %d agents by interval", lo, hi))
	}
	return strings.Join(parts, "; ")
}

func formatRate(perSecond float64) string {
	perHour := perSecond * 3600
	if perHour == math.Round(perHour) {
		return fmt.Sprintf("%s/h", Value(perHour, UnitCount))
	}
	return fmt.Sprintf("%.4g/h", perHour)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// intervalCounts adds up channel i's tallies of each interval over the
// replications.
func (r *RunReport) intervalCounts(i int) []models.Counts {
	out := make([]models.Counts, r.Config.Intervals())
	for _, res := range r.Results {
		for k, c := range res.Channels[i].Intervals {
			out[k].Add(c)
		}
	}
	return out
}

// intervalFigures are the figures an interval table shows.
var intervalFigures = []string{"offered", "answered", "abandoned", "service_level", "asa_seconds", "occupancy"}

func (r *RunReport) intervalTable(i int) *Table {
	cfg := r.Config
	header := []string{"interval", "agents"}
	figs := make([]models.Figure, len(intervalFigures))
	for j, key := range intervalFigures {
		figs[j], _ = models.FigureByKey(key)
		header = append(header, figs[j].Label)
	}
	t := NewTable(header...)
	reps := len(r.Results)
	decimals := 0
	if reps > 1 {
		decimals = 1 // counts are means per replication
	}
	for k, c := range r.intervalCounts(i) {
		row := []string{Clock(float64(k) * cfg.Interval), fmt.Sprint(cfg.Pools[0].AgentsAt(k))}
		for _, f := range figs {
			v := f.Of(c)
			if f.Unit == UnitCount {
				row = append(row, Count(v/float64(reps), decimals))
				continue
			}
			row = append(row, Value(v, f.Unit))
		}
		t.Row(row...)
	}
	return t
}

// JSON returns the report as a JSON object: the scenario's identity and
// settings, then per channel every figure under its key, with "ci95" holding
// the 95 % confidence half-widths when there is more than one replication,
// "erlang" the formula's prediction where one applies, and "intervals" each
// interval's figures when asked for.
func (r *RunReport) JSON(intervals bool) *Object {
	cfg := r.Config
	o := &Object{}
	o.Set("scenario", r.Name).Set("title", r.Title).Set("file", r.File).
		Set("seed", cfg.Seed).Set("replications", r.Summary.Replications).
		Set("horizon_seconds", cfg.Horizon).Set("warmup_seconds", cfg.Warmup).
		Set("interval_seconds", cfg.Interval)
	channels := &Object{}
	for i, cs := range r.Summary.Channels {
		ch := &Object{}
		ci := &Object{}
		for fi, f := range models.Figures {
			ch.Set(f.Key, cs.Figures[fi].Mean)
			ci.Set(f.Key, cs.Figures[fi].HalfWidth)
		}
		if r.Summary.Replications > 1 {
			ch.Set("ci95", ci)
		}
		if ref, ok := models.ReferenceFor(cfg, i); ok {
			e := &Object{}
			e.Set("model", ref.Model).Set("exact", ref.Exact).Set("offered_load_erlangs", ref.Result.OfferedLoad)
			for _, f := range models.Figures {
				if v, ok := ref.Value(f.Key); ok {
					e.Set(f.Key, v)
				}
			}
			ch.Set("erlang", e)
		}
		if intervals {
			var list []*Object
			reps := float64(len(r.Results))
			for k, c := range r.intervalCounts(i) {
				iv := &Object{}
				iv.Set("start_seconds", float64(k)*cfg.Interval).Set("agents", cfg.Pools[0].AgentsAt(k))
				for _, f := range models.Figures {
					v := f.Of(c)
					if f.Unit == UnitCount {
						v /= reps
					}
					iv.Set(f.Key, v)
				}
				list = append(list, iv)
			}
			ch.Set("intervals", list)
		}
		channels.Set(cs.Name, ch)
	}
	o.Set("channels", channels)
	return o
}
