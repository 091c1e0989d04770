package models

import (
	"math"
	"slices"

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
// world is the single queue a formula describes: one live channel served by
// one pool, customers arriving straight to it at a constant rate, a steady
// headcount, one agent per contact, no lines limit, no opening hours, no
// retries, no word of mouth, agents always ready, taking contacts at once
// (no overflow wait), no callbacks, and classes, if any, only of priority
// (whose order leaves the whole queue's figures as they are when handle
// times and patience are exponential). The pool's handle factor on the channel scales the
// handle time (not the after-call work). ok is false otherwise, or when the formula has
// no answer (Erlang C with too few agents).
func ReferenceFor(cfg *Config, i int) (ref Reference, ok bool) {
	if i != 0 || len(cfg.Channels) != 1 || len(cfg.Pools) != 1 || cfg.Demand.active() ||
		len(cfg.Journey.Retry) > 0 || cfg.WordOfMouth.Enabled {
		return ref, false
	}
	ch, pool := cfg.Channels[i], cfg.Pools[0]
	if ch.Kind != Live || len(ch.Arrivals.Volumes) > 0 || ch.Arrivals.Rate <= 0 || ch.Lines > 0 ||
		ch.Concurrency > 1 || len(ch.Open) > 0 || len(pool.Agents) != 1 || len(pool.Shifts) > 0 || !pool.alwaysReady() ||
		slices.ContainsFunc(pool.OverflowAfter, func(s SkillSetting) bool { return s.Value > 0 }) || ch.Callback != nil ||
		slices.ContainsFunc(cfg.Classes, func(c Class) bool { return c.PatienceFactor != 1 }) {
		return ref, false
	}
	agents := pool.AvailableAt(0, cfg.Interval, cfg.Start)
	if agents < 1 {
		return ref, false
	}
	p := erlang.Params{
		ArrivalRate:  ch.Arrivals.Rate,
		HandleTime:   cfg.MeanHandle(i)*pool.handleFactor(ch.Name) + cfg.MeanWrap(i),
		Agents:       agents,
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
	for _, is := range cfg.Issues {
		// A mixture of exponentials of different means is not exponential.
		ref.Exact = ref.Exact && is.HandleFactor == cfg.Issues[0].HandleFactor
	}
	for _, d := range ch.IssueHandle {
		ref.Exact = ref.Exact && d.Kind == ""
	}
	// Handling and after-call work together are not exponential.
	ref.Exact = ref.Exact && !ch.HasWrap()
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

// MeanHandle returns channel i's mean handle time over the issues its own
// arrivals bring (the scenario's mix, or the channel's): each issue's own
// law on the channel if it has one, the channel's × the issue's handle
// factor otherwise. It leaves out after-call work (MeanWrap).
func (c *Config) MeanHandle(i int) float64 {
	ch := &c.Channels[i]
	return c.overIssues(i, ch.HandleTime.MeanValue(), func(k int) float64 {
		if k < len(ch.IssueHandle) && ch.IssueHandle[k].Kind != "" {
			return ch.IssueHandle[k].MeanValue()
		}
		return ch.HandleTime.MeanValue() * c.Issues[k].HandleFactor
	})
}

// MeanWrap returns channel i's mean after-call work over the issues its
// own arrivals bring: each issue's own law if it has one, the channel's
// otherwise; 0 where there is none.
func (c *Config) MeanWrap(i int) float64 {
	ch := &c.Channels[i]
	mean := func(d Dist) float64 {
		if d.Kind == "" {
			return 0
		}
		return d.MeanValue()
	}
	return c.overIssues(i, mean(ch.WrapTime), func(k int) float64 { return mean(ch.wrapLaw(k)) })
}

// MeanWork returns the agent time a contact of channel i takes on
// average: its handle time and its after-call work. The Erlang formulas
// take it as the time an agent is held, 1/μ.
func (c *Config) MeanWork(i int) float64 {
	return c.MeanHandle(i) + c.MeanWrap(i)
}

// overIssues averages mean(k) over the issues channel i's own arrivals
// bring, weighted by their shares (the channel's mix, or the scenario's);
// without any share, it returns none.
func (c *Config) overIssues(i int, none float64, mean func(k int) float64) float64 {
	ch := &c.Channels[i]
	total, m := 0.0, 0.0
	for k, is := range c.Issues {
		share := is.Share
		if ch.Arrivals.Issues != nil && k < len(ch.Arrivals.Issues) {
			share = ch.Arrivals.Issues[k]
		}
		total += share
		m += share * mean(k)
	}
	if total <= 0 {
		return none
	}
	return m / total
}
