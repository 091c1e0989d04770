package plan

import (
	"fmt"
	"math"
	"slices"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/stats"
)

// Kind is the kind of a channel's target.
type Kind int

// The kinds of target.
const (
	// ServiceLevel is a floor on the share of offered contacts answered
	// within the channel's threshold (for a deferred channel, its response
	// target).
	ServiceLevel Kind = iota
	// Abandonment is a cap on the share of offered contacts abandoned.
	Abandonment
	// Occupancy is a cap on the channel's occupancy.
	Occupancy
)

// Key returns the figure's key, as in models.Figures.
func (k Kind) Key() string {
	return [...]string{"service_level", "p_abandon", "occupancy"}[k]
}

// Label returns the figure's name in tables.
func (k Kind) Label() string {
	return [...]string{"service level", "abandonment", "occupancy"}[k]
}

// DefaultServiceLevel is the service-level target a live channel with no
// target of its own is staffed for: 80 % within its threshold, the same as
// the agents needed that omnisim run reports.
const DefaultServiceLevel = models.DefaultServiceLevel

// Target is one goal of one channel.
type Target struct {
	// Channel is the channel's index in the Config.
	Channel int
	// Kind is what the target is on.
	Kind Kind
	// Value is the target share: a floor for ServiceLevel, a cap for the
	// others.
	Value float64
	// Assumed tells that the scenario gave the channel no target, so that
	// DefaultServiceLevel was assumed.
	Assumed bool
}

// Meets tells whether the figure v meets the target; NaN (no data) does.
func (t Target) Meets(v float64) bool {
	if math.IsNaN(v) {
		return true
	}
	if t.Kind == ServiceLevel {
		return v >= t.Value-1e-12
	}
	return v <= t.Value+1e-12
}

// Describe says the target in words: "service level ≥ 80 % within 20s".
func (t Target) Describe(cfg *models.Config) string {
	switch t.Kind {
	case ServiceLevel:
		return fmt.Sprintf("service level ≥ %s within %s", models.FormatFraction(t.Value), models.FormatDuration(cfg.Channels[t.Channel].AnswerWithin))
	case Abandonment:
		return "abandonment ≤ " + models.FormatFraction(t.Value)
	}
	return "occupancy ≤ " + models.FormatFraction(t.Value)
}

// Targets lists the targets of every channel of cfg, in channel order. A
// live channel with none gets DefaultServiceLevel; a deferred channel with
// none is staffed at its workload and checked for nothing; self-service has
// no agents.
func Targets(cfg *models.Config) []Target {
	var out []Target
	for i, ch := range cfg.Channels {
		if ch.Kind == models.SelfService {
			continue
		}
		switch {
		case ch.TargetServiceLevel > 0:
			out = append(out, Target{Channel: i, Kind: ServiceLevel, Value: ch.TargetServiceLevel})
		case ch.Kind == models.Live && ch.MaxAbandon == 0 && ch.MaxOccupancy == 0:
			out = append(out, Target{Channel: i, Kind: ServiceLevel, Value: DefaultServiceLevel, Assumed: true})
		}
		if ch.MaxAbandon > 0 {
			out = append(out, Target{Channel: i, Kind: Abandonment, Value: ch.MaxAbandon})
		}
		if ch.MaxOccupancy > 0 {
			out = append(out, Target{Channel: i, Kind: Occupancy, Value: ch.MaxOccupancy})
		}
	}
	return out
}

// Check is a target judged over a span of intervals: one interval for live
// channels and for occupancy; a day of the measured window for a deferred
// channel's response target, whose contacts are answered hours later.
type Check struct {
	Target
	// From and To are the intervals covered, [From, To).
	From, To int
}

// checks lists every check of the targets over the measured window of cfg.
func checks(cfg *models.Config, targets []Target) []Check {
	n := cfg.Intervals()
	first := firstMeasured(cfg)
	perDay := int(math.Round(86400 / cfg.Interval))
	var out []Check
	for _, t := range targets {
		if t.Kind == ServiceLevel && cfg.Channels[t.Channel].Kind == models.Deferred {
			for from := first; from < n; {
				to := min(n, (from/perDay+1)*perDay)
				out = append(out, Check{Target: t, From: from, To: to})
				from = to
			}
			continue
		}
		for k := first; k < n; k++ {
			out = append(out, Check{Target: t, From: k, To: k + 1})
		}
	}
	return out
}

// firstMeasured returns the first interval wholly in the measured window.
func firstMeasured(cfg *models.Config) int {
	return int(math.Ceil(cfg.Warmup/cfg.Interval - 1e-9))
}

// counts adds up the tallies of a check's channel over its span, in the
// given replications.
func (c Check) counts(results []*models.Result) models.Counts {
	var sum models.Counts
	for _, r := range results {
		for k := c.From; k < c.To; k++ {
			sum.Add(r.Channels[c.Channel].Intervals[k])
		}
	}
	return sum
}

// value returns the check's figure for tallies sum; NaN when it has no
// data (no contact offered, no agent present).
func (c Check) value(sum *models.Counts) float64 {
	f, _ := models.FigureByKey(c.Kind.Key())
	return f.Of(sum)
}

// Outcome is a check's figure in a set of replications.
type Outcome struct {
	Check
	// Value is the figure pooled over the replications (their summed
	// tallies); NaN when it has no data.
	Value float64
	// Met tells whether Value meets the target.
	Met bool
	// Offered is the contacts offered in the span, per replication.
	Offered float64
}

// evaluate judges every check by its figure pooled over the replications.
func evaluate(cs []Check, results []*models.Result) []Outcome {
	out := make([]Outcome, len(cs))
	var sum models.Counts // one for every check: given to value by address, it is on the heap
	for i, c := range cs {
		sum = c.counts(results)
		v := c.value(&sum)
		out[i] = Outcome{Check: c, Value: v, Met: c.Meets(v), Offered: float64(sum.Offered) / float64(len(results))}
	}
	return out
}

// misses returns the outcomes that miss their target, worst first (by how
// far they are from it), ties in check order.
func misses(outs []Outcome) []Outcome {
	var m []Outcome
	for _, o := range outs {
		if !o.Met {
			m = append(m, o)
		}
	}
	slices.SortStableFunc(m, func(a, b Outcome) int {
		da, db := math.Abs(a.Value-a.Target.Value), math.Abs(b.Value-b.Target.Value)
		switch {
		case da > db:
			return -1
		case da < db:
			return 1
		}
		return 0
	})
	return m
}

// pooled returns a check's figure pooled over the replications (their
// summed tallies), as evaluate, intervals.csv and every table of a run
// have it, and the half-width of its confidence interval from the
// jackknife over the replications (jk, made for their number and the
// level wanted); NaN when it has no data, or no interval.
func (c Check) pooled(results []*models.Result, jk stats.Jackknife) (mean, half float64) {
	parts := make([]models.Counts, len(results))
	for i, r := range results {
		parts[i] = c.counts([]*models.Result{r})
	}
	sum, loo := stats.LeaveOneOut(parts, (*models.Counts).Add)
	vals := make([]float64, len(loo))
	for i := range loo {
		vals[i] = c.value(&loo[i])
	}
	mean = c.value(&sum)
	if len(results) < 2 || math.IsNaN(mean) {
		return mean, math.NaN()
	}
	return mean, jk.HalfWidth(vals)
}
