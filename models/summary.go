package models

import (
	"math"

	"github.com/omnisim/omnisim/stats"
)

var nan = math.NaN()

// Estimate is a figure measured over replications: the mean of the
// replications' values and the half-width of its 95 % confidence interval
// (Student t; NaN with a single replication).
type Estimate struct {
	Mean      float64
	HalfWidth float64
}

// Summary merges the replications of one scenario.
type Summary struct {
	// Replications is the number of replications merged.
	Replications int
	// Channels hold each channel's estimates, in the Config's order.
	Channels []ChannelSummary
	// Customers holds one Estimate per entry of CustomerFigures.
	Customers []Estimate
	// Pools hold each pool's estimates, in the Config's order.
	Pools []PoolSummary
	// Expectation is the global expectation level at the horizon.
	Expectation Estimate
	// Events is the number of events fired over all replications.
	Events uint64
}

// ChannelSummary holds one channel's estimates.
type ChannelSummary struct {
	// Name is the channel's name.
	Name string
	// Figures hold one Estimate per entry of Figures, in the same order.
	Figures []Estimate
	// Total adds up the replications' tallies.
	Total Counts
	// Classes hold, with classes of customer, each class's estimates of
	// ClassFigures on the channel, in the Config's order; nil without.
	Classes []ClassSummary
}

// ClassSummary holds one class's estimates on a channel.
type ClassSummary struct {
	// Name is the class's name.
	Name string
	// Figures hold one Estimate per entry of ClassFigures.
	Figures []Estimate
}

// ClassFigures lists the channel figures given by class of customer:
// what a class's place in line changes.
var ClassFigures = figuresByKey("offered", "answered", "abandoned", "p_wait", "p_abandon",
	"service_level", "asa_seconds", "mean_wait_seconds")

// figuresByKey returns the channel figures with the given keys, in order.
func figuresByKey(keys ...string) []Figure[Counts] {
	out := make([]Figure[Counts], len(keys))
	for i, k := range keys {
		f, ok := FigureByKey(k)
		if !ok {
			panic("models: no figure " + k)
		}
		out[i] = f
	}
	return out
}

// PoolSummary holds one pool's estimates.
type PoolSummary struct {
	// Name is the pool's name.
	Name string
	// Figures hold one Estimate per entry of PoolFigures.
	Figures []Estimate
}

// Get returns the estimate of the figure with the given key.
func (c ChannelSummary) Get(key string) Estimate {
	for i, f := range Figures {
		if f.Key == key {
			return c.Figures[i]
		}
	}
	return Estimate{nan, nan}
}

// CustomerEstimate returns the summary's estimate of the customer figure
// with the given key.
func (s Summary) CustomerEstimate(key string) Estimate {
	for i, f := range CustomerFigures {
		if f.Key == key {
			return s.Customers[i]
		}
	}
	return Estimate{nan, nan}
}

// estimates computes each figure per replication, then its mean and 95 %
// confidence half-width.
func estimates[T any](results []*Result, figs []Figure[T], get func(*Result) *T) []Estimate {
	out := make([]Estimate, len(figs))
	vals := make([]float64, len(results))
	for fi, f := range figs {
		for ri, r := range results {
			vals[ri] = f.Of(get(r))
		}
		m, h := stats.MeanCI(vals, 0.95)
		out[fi] = Estimate{m, h}
	}
	return out
}

// Summarize merges replications, which must be of the same Config and are
// taken in the order given: each figure is computed per replication, then
// averaged with a 95 % confidence half-width. A figure that does not apply
// to a channel's kind (FigureApplies) is NaN.
func Summarize(results []*Result) Summary {
	s := Summary{Replications: len(results)}
	if len(results) == 0 {
		return s
	}
	for ci, ch := range results[0].Channels {
		cs := ChannelSummary{Name: ch.Name}
		cs.Figures = estimates(results, Figures, func(r *Result) *Counts { return &r.Channels[ci].Total })
		for fi, f := range Figures {
			if !FigureApplies(ch.Kind, f.Key) {
				cs.Figures[fi] = Estimate{nan, nan}
			}
		}
		for _, r := range results {
			cs.Total.Add(r.Channels[ci].Total)
		}
		for k, name := range results[0].Classes {
			cl := ClassSummary{Name: name,
				Figures: estimates(results, ClassFigures, func(r *Result) *Counts { return &r.Channels[ci].Classes[k] })}
			for fi, f := range ClassFigures {
				if !FigureApplies(ch.Kind, f.Key) {
					cl.Figures[fi] = Estimate{nan, nan}
				}
			}
			cs.Classes = append(cs.Classes, cl)
		}
		s.Channels = append(s.Channels, cs)
	}
	s.Customers = estimates(results, CustomerFigures, func(r *Result) *CustomerCounts { return &r.Customers.Total })
	for pi, p := range results[0].Pools {
		s.Pools = append(s.Pools, PoolSummary{Name: p.Name,
			Figures: estimates(results, PoolFigures, func(r *Result) *PoolCounts { return &r.Pools[pi].Total })})
	}
	levels := make([]float64, len(results))
	for i, r := range results {
		levels[i] = r.ExpectationAtHorizon
		s.Events += r.Events
	}
	m, h := stats.MeanCI(levels, 0.95)
	s.Expectation = Estimate{m, h}
	return s
}
