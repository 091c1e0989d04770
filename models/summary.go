package models

import (
	"math"

	"github.com/omnisim/omnisim/sim"
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

// Summarize merges replications, which must be of the same Config and are
// taken in the order given: each figure is computed per replication, then
// averaged with a 95 % confidence half-width.
func Summarize(results []*Result) Summary {
	s := Summary{Replications: len(results)}
	if len(results) == 0 {
		return s
	}
	vals := make([]float64, len(results))
	for ci, ch := range results[0].Channels {
		cs := ChannelSummary{Name: ch.Name, Figures: make([]Estimate, len(Figures))}
		for _, r := range results {
			cs.Total.Add(r.Channels[ci].Total)
		}
		for fi, f := range Figures {
			for ri, r := range results {
				vals[ri] = f.Of(r.Channels[ci].Total)
			}
			m, h := sim.MeanCI(vals, 0.95)
			cs.Figures[fi] = Estimate{m, h}
		}
		s.Channels = append(s.Channels, cs)
	}
	for _, r := range results {
		s.Events += r.Events
	}
	return s
}

// RunReplications runs replications 0..reps-1 of cfg on up to workers
// goroutines (all cores when workers ≤ 0) and returns their results in
// replication order: the same whatever the number of workers.
func RunReplications(cfg *Config, reps, workers int) ([]*Result, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if reps < 1 {
		return nil, Problems{{Path: "replications", Msg: "must be at least 1"}}
	}
	return sim.Replicate(reps, workers, func(rep int) (*Result, error) { return Run(cfg, rep) })
}
