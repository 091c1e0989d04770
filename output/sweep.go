package output

import (
	"fmt"
	"math"
	"path"
	"slices"
	"strings"

	"github.com/omnisim/omnisim/models"
)

// undefined is the estimate of a figure a point does not have.
var undefined = models.Estimate{Mean: math.NaN(), HalfWidth: math.NaN()}

// SweepReport is what omnisim sweep reports: a scenario run at each point
// of a grid of settings, every point's replications merged.
type SweepReport struct {
	// Name, Title, File and Description identify the scenario.
	Name, Title, File, Description string
	// Params are the settings swept, as --set names them.
	Params []string
	// Points are the points, in the grid's order.
	Points []SweepPoint
	// Figures is every figure a point has: per channel, of the customers,
	// per pool, and the totals over pools (see SweepFigures).
	Figures []SweepFigure
	// Chosen are the indices in Figures of the figures the table prints
	// and the charts draw.
	Chosen []int
	// Provenance records how the sweep was made, for its output folder;
	// nil records nothing.
	Provenance *Provenance
	// est[p][f] is figure f's estimate at point p.
	est [][]models.Estimate
}

// SweepPoint is one point of a sweep.
type SweepPoint struct {
	// Values are the values of the report's Params at this point, as --set
	// takes them.
	Values []string
	// Config is the world the point ran, its defaults filled in.
	Config *models.Config
	// Results are its replications, in order.
	Results []*models.Result
	// Summary merges them.
	Summary models.Summary
}

// SweepFigure is one figure of a sweep's points.
type SweepFigure struct {
	// Key names the figure in --figures, in sweep.csv's columns and in
	// charts' file names: "phone.service_level",
	// "customers.contacts_per_resolution", "pools.social.cost", "cost".
	Key string
	// Label names it for people: "phone service level".
	Label string
	// Unit is the unit, as models.Figure gives it.
	Unit string
	// Definition says what it measures.
	Definition string
	// Channel and Pool are the positions of the channel or pool the figure
	// is about, which give its colour in charts; -1 for none.
	Channel, Pool int
	// of returns the figure's estimate at a point, NaN where the point has
	// no such channel or pool.
	of func(p *SweepPoint) models.Estimate
}

// NewSweepReport merges each point's replications. points[i] ran cfgs[i]
// with the values values[i] of params. The figures are those of the first
// point's channels and pools (see SweepFigures); chosen are their keys, or
// patterns of keys ("phone.*"), nil for DefaultSweepFigures. An unknown key
// or a pattern that matches nothing is an error.
func NewSweepReport(name, title, file string, params []string, values [][]string, cfgs []*models.Config, results [][]*models.Result, chosen []string) (*SweepReport, error) {
	r := &SweepReport{Name: name, Title: title, File: file, Params: params}
	for i, cfg := range cfgs {
		full := *cfg
		full.SetDefaults()
		r.Points = append(r.Points, SweepPoint{Values: values[i], Config: &full, Results: results[i], Summary: models.Summarize(results[i])})
	}
	if len(r.Points) == 0 {
		return nil, fmt.Errorf("output: a sweep with no points")
	}
	r.Figures = SweepFigures(r.Points[0].Config)
	if chosen == nil {
		chosen = DefaultSweepFigures(cfgs)
	}
	var err error
	if r.Chosen, err = r.choose(chosen); err != nil {
		return nil, err
	}
	r.est = make([][]models.Estimate, len(r.Points))
	for p := range r.Points {
		r.est[p] = make([]models.Estimate, len(r.Figures))
		for f, fig := range r.Figures {
			r.est[p][f] = fig.of(&r.Points[p])
		}
	}
	return r, nil
}

// Estimate returns figure f's estimate at point p.
func (r *SweepReport) Estimate(p, f int) models.Estimate { return r.est[p][f] }

// choose finds the figures named by keys or patterns, in the order named,
// each once.
func (r *SweepReport) choose(names []string) ([]int, error) {
	var out []int
	var bad []string
	for _, name := range names {
		name = strings.TrimSpace(name)
		found := false
		for i, f := range r.Figures {
			if ok, _ := path.Match(name, f.Key); ok || f.Key == name {
				found = true
				if !slices.Contains(out, i) {
					out = append(out, i)
				}
			}
		}
		if !found {
			bad = append(bad, fmt.Sprintf("%q", name))
		}
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("output: no figure %s in this scenario: figures are <channel>.<figure> (%s), customers.<figure>, pools.<pool>.<figure>, "+
			"and over every pool %s; patterns such as 'phone.*' work too",
			strings.Join(bad, ", "), r.exampleKey(), strings.Join(FigureKeys(models.PoolFigures), ", "))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("output: no figures chosen")
	}
	return out, nil
}

// exampleKey is a key of the first channel, for messages.
func (r *SweepReport) exampleKey() string {
	if len(r.Figures) > 0 {
		return r.Figures[0].Key + ", ..."
	}
	return "none"
}

// SweepFigures lists every figure of a sweep's points, named after cfg's
// channels and pools: each channel's figures (models.Figures) as
// "<channel>.<key>"; the customers' (models.CustomerFigures) as
// "customers.<key>"; each pool's (models.PoolFigures) as
// "pools.<pool>.<key>"; the same over every pool together as "<key>"
// ("cost", "occupancy"); and, with word of mouth, "expectation", the
// global expectation level at the horizon. The keys cannot collide: no
// channel figure shares a key with a customer figure, and pool figures
// have a part more.
func SweepFigures(cfg *models.Config) []SweepFigure {
	var out []SweepFigure
	for ci, ch := range cfg.Channels {
		for fi, f := range models.Figures {
			name := ch.Name
			out = append(out, SweepFigure{Key: name + "." + f.Key, Label: name + " " + f.Label, Unit: f.Unit,
				Definition: name + ": " + f.Definition, Channel: ci, Pool: -1,
				of: func(p *SweepPoint) models.Estimate {
					for _, cs := range p.Summary.Channels {
						if cs.Name == name {
							return cs.Figures[fi]
						}
					}
					return undefined
				}})
		}
	}
	for fi, f := range models.CustomerFigures {
		out = append(out, SweepFigure{Key: "customers." + f.Key, Label: "customers: " + f.Label, Unit: f.Unit,
			Definition: f.Definition, Channel: -1, Pool: -1,
			of: func(p *SweepPoint) models.Estimate {
				if fi < len(p.Summary.Customers) {
					return p.Summary.Customers[fi]
				}
				return undefined
			}})
	}
	for pi, pool := range cfg.Pools {
		for fi, f := range models.PoolFigures {
			name := pool.Name
			out = append(out, SweepFigure{Key: "pools." + name + "." + f.Key, Label: name + " " + f.Label, Unit: f.Unit,
				Definition: "pool " + name + ": " + f.Definition, Channel: -1, Pool: pi,
				of: func(p *SweepPoint) models.Estimate {
					for _, ps := range p.Summary.Pools {
						if ps.Name == name {
							return ps.Figures[fi]
						}
					}
					return undefined
				}})
		}
	}
	for _, f := range models.PoolFigures {
		label := "total " + f.Label
		if f.Unit == UnitShare {
			label = "all pools' " + f.Label
		}
		out = append(out, SweepFigure{Key: f.Key, Label: label, Unit: f.Unit,
			Definition: "every pool together: " + f.Definition, Channel: -1, Pool: -1,
			of: func(p *SweepPoint) models.Estimate {
				if len(p.Results) == 0 {
					return undefined
				}
				return FigureEstimate(p.Results, f, PoolsTotal)
			}})
	}
	if cfg.WordOfMouth.Enabled {
		out = append(out, SweepFigure{Key: "expectation", Label: "expectation level", Unit: UnitRatio,
			Definition: "the global expectation level at the horizon: 0 where it started, above 0 when customers " +
				"were served faster than they expected (patience is multiplied by exp(−coupling × level))",
			Channel: -1, Pool: -1,
			of: func(p *SweepPoint) models.Estimate { return p.Summary.Expectation }})
	}
	return out
}

// DefaultSweepFigures are the figures a sweep shows unless told: for each
// channel that has agents, its service level, and its abandonment where
// customers may abandon (a live channel with patience at some point);
// customers' contacts per resolution, where a customer may make more than
// one contact or leave unresolved; and the total cost, where agents cost
// something at some point.
func DefaultSweepFigures(cfgs []*models.Config) []string {
	if len(cfgs) == 0 {
		return nil
	}
	first := cfgs[0]
	var out []string
	for i, ch := range first.Channels {
		if ch.Kind == models.SelfService {
			continue
		}
		out = append(out, ch.Name+".service_level")
		abandons := false
		for _, cfg := range cfgs {
			if i < len(cfg.Channels) && cfg.Channels[i].Kind == models.Live && cfg.Channels[i].Patience.Kind != models.Never {
				abandons = true
			}
		}
		if abandons {
			out = append(out, ch.Name+".p_abandon")
		}
	}
	customers, cost := false, false
	for _, cfg := range cfgs {
		full := *cfg
		full.SetDefaults()
		rr := &RunReport{Config: &full}
		customers = customers || rr.ShowsCustomers()
		for _, p := range cfg.Pools {
			cost = cost || p.CostPerHour > 0
		}
	}
	if customers {
		out = append(out, "customers.contacts_per_resolution")
	}
	if cost {
		out = append(out, "cost")
	}
	if len(out) == 0 && len(first.Channels) > 0 {
		out = append(out, first.Channels[0].Name+".offered")
	}
	return out
}

// Describe says in a sentence what the points ran: how many, how many
// replications of what, from which seed, and what the figures are.
func (r *SweepReport) Describe() string {
	first := r.Points[0]
	cfg := first.Config
	var b strings.Builder
	fmt.Fprintf(&b, "%d point%s", len(r.Points), Plural(len(r.Points)))
	if reps, same := r.Replications(); same {
		fmt.Fprintf(&b, " × %d replication%s", reps, Plural(reps))
	} else {
		b.WriteString(" (replications differ by point)")
	}
	fmt.Fprintf(&b, " of %s", models.FormatDuration(cfg.Horizon))
	if cfg.Warmup > 0 {
		fmt.Fprintf(&b, " (the first %s left out as warm-up)", models.FormatDuration(cfg.Warmup))
	}
	if seed, same := r.Seed(); same {
		fmt.Fprintf(&b, ", seed %d at every point (common random numbers)", seed)
	} else {
		b.WriteString(", seeds differ by point")
	}
	b.WriteString(".\nEach figure is the mean over the replications ± the half-width of its 95 % confidence interval.")
	return b.String()
}

// Replications returns the first point's number of replications, and
// whether every point has that many.
func (r *SweepReport) Replications() (int, bool) {
	n := len(r.Points[0].Results)
	for _, p := range r.Points {
		if len(p.Results) != n {
			return n, false
		}
	}
	return n, true
}

// Seed returns the first point's seed, and whether every point has it.
func (r *SweepReport) Seed() (uint64, bool) {
	s := r.Points[0].Config.Seed
	for _, p := range r.Points {
		if p.Config.Seed != s {
			return s, false
		}
	}
	return s, true
}
