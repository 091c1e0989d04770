package models

import (
	"math"

	"github.com/omnisim/omnisim/models/erlang"
)

// Reference is what the exact queueing formulas predict for a channel.
type Reference struct {
	// Model is "Erlang A" (exponential patience) or "Erlang C" (customers
	// never abandon).
	Model string
	// Result holds the predicted figures.
	Result erlang.Result
	// Exact tells whether the channel meets the formula's assumptions
	// exactly: exponential handle times and patience. When it does not, the
	// reference uses the means alone, and simulation and formula are
	// expected to differ.
	Exact bool
}

// ReferenceFor returns the Erlang prediction for channel i of cfg, if the
// channel's demand and headcount are steady (a constant rate and a single
// headcount) so that a formula applies; ok is false otherwise, or when the
// formula has no answer (Erlang C with too few agents).
func ReferenceFor(cfg *Config, i int) (ref Reference, ok bool) {
	if i < 0 || i >= len(cfg.Channels) || len(cfg.Pools) != 1 {
		return ref, false
	}
	ch, pool := cfg.Channels[i], cfg.Pools[0]
	if len(ch.Arrivals.Volumes) > 0 || len(pool.Agents) != 1 || ch.Arrivals.Rate <= 0 || pool.Agents[0] < 1 {
		return ref, false
	}
	p := erlang.Params{
		ArrivalRate:  ch.Arrivals.Rate,
		HandleTime:   ch.HandleTime.MeanValue(),
		Agents:       pool.Agents[0],
		AnswerWithin: ch.AnswerWithin,
		Patience:     math.Inf(1),
	}
	ref.Model = "Erlang C"
	if ch.Patience.Kind != Never {
		p.Patience = ch.Patience.MeanValue()
		ref.Model = "Erlang A"
	}
	r, err := erlang.Evaluate(p)
	if err != nil {
		return ref, false
	}
	ref.Result = r
	ref.Exact = ch.HandleTime.Kind == Exponential && (ch.Patience.Kind == Exponential || ch.Patience.Kind == Never)
	return ref, true
}

// Value returns the reference's value of the figure with the given key, and
// whether the formula gives that figure.
func (r Reference) Value(key string) (float64, bool) {
	return ErlangValue(r.Result, key)
}

// ErlangValue returns the figure of an Erlang result that has the given key
// in Figures, and whether the formulas give that figure.
func ErlangValue(x erlang.Result, key string) (float64, bool) {
	switch key {
	case "p_wait":
		return x.PWait, true
	case "p_abandon":
		return x.PAbandon, true
	case "service_level":
		return x.ServiceLevel, true
	case "service_level_answered":
		return x.ServiceLevelAnswered, true
	case "asa_seconds":
		return x.ASA, true
	case "mean_wait_seconds":
		return x.MeanWait, true
	case "occupancy":
		return x.Occupancy, true
	}
	return math.NaN(), false
}
