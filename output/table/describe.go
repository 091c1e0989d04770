package table

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// describeChannel says in one line what channel i's settings are. Alone,
// a channel is described with the agents that serve it, as the single-queue
// report always has been; beside others, with its kind of traffic, limits,
// opening hours, target and the pools that serve it.
func (r run) describeChannel(i int) string {
	cfg := r.Config
	ch := cfg.Channels[i]
	parts := []string{fmt.Sprintf("%s (%s)", ch.Name, ch.Kind)}
	if len(cfg.Channels) == 1 {
		if hasArrivals(ch.Arrivals) || !hasArrivals(cfg.Demand.Arrivals) {
			parts = append(parts, "arrivals "+describeArrivals(cfg, ch.Arrivals))
		}
		if hasArrivals(cfg.Demand.Arrivals) {
			parts = append(parts, "customers "+describeArrivals(cfg, cfg.Demand.Arrivals))
		}
		parts = append(parts, "handle time "+handleTime(cfg, i))
		parts = append(parts, mechanisms(cfg, i)...)
		parts = append(parts, "patience "+ch.Patience.String(), describeAgents(cfg, output.ServingPools(cfg, i)))
		for _, p := range output.ServingPools(cfg, i) {
			if a := describeAvailability(cfg.Pools[p]); a != "" {
				parts = append(parts, a)
			}
		}
		return strings.Join(parts, "; ")
	}
	parts = append(parts, r.describeSource(i))
	if ch.Kind == models.SelfService {
		parts = append(parts, "session "+ch.HandleTime.String())
	} else {
		parts = append(parts, "handle time "+handleTime(cfg, i))
		parts = append(parts, mechanisms(cfg, i)...)
	}
	if ch.Kind == models.Live {
		parts = append(parts, "patience "+ch.Patience.String())
	}
	if ch.Lines > 0 {
		parts = append(parts, fmt.Sprintf("%d lines", ch.Lines))
	}
	if ch.Concurrency > 1 {
		s := fmt.Sprintf("%d at once per agent", ch.Concurrency)
		if ch.Slowdown > 0 {
			s += fmt.Sprintf(", each extra one %s slower", output.Value(ch.Slowdown, output.UnitShare))
		}
		parts = append(parts, s)
	}
	if len(ch.Open) > 0 {
		spans := make([]string, len(ch.Open))
		for k, s := range ch.Open {
			spans[k] = output.DescribeSpan(s)
		}
		parts = append(parts, "open "+strings.Join(spans, " and "))
	}
	if ch.TargetServiceLevel > 0 {
		parts = append(parts, fmt.Sprintf("target %s within %s", output.Value(ch.TargetServiceLevel, output.UnitShare), models.FormatDuration(ch.AnswerWithin)))
	}
	if pools := output.ServingPools(cfg, i); len(pools) > 0 {
		names := make([]string, len(pools))
		for k, p := range pools {
			names[k] = cfg.Pools[p].Name
		}
		parts = append(parts, "served by "+strings.Join(names, ", "))
	}
	return strings.Join(parts, "; ")
}

// describeSource says where channel i's contacts come from: arrivals of its
// own, customers who choose it, or other channels only.
func (r run) describeSource(i int) string {
	cfg := r.Config
	ch := cfg.Channels[i]
	own := hasArrivals(ch.Arrivals)
	chosen := ch.Choosable && hasArrivals(cfg.Demand.Arrivals)
	switch {
	case own && chosen:
		return "arrivals " + describeArrivals(cfg, ch.Arrivals) + ", and chosen"
	case own:
		return "arrivals " + describeArrivals(cfg, ch.Arrivals)
	case chosen:
		return "chosen"
	}
	var from []string
	for _, o := range cfg.Channels {
		sends := slices.Contains(o.SendTo, ch.Name) ||
			slices.ContainsFunc(o.Escalations, func(e models.Escalation) bool { return e.To == ch.Name })
		if sends {
			from = append(from, o.Name)
		}
	}
	if len(from) == 0 {
		return "no arrivals"
	}
	return "reached from " + strings.Join(from, ", ")
}

// describeDemand says in one line how customers who choose their channel
// arrive, and among which channels they choose.
func (r run) describeDemand() string {
	cfg := r.Config
	d := cfg.Demand
	parts := []string{"customers " + describeArrivals(cfg, d.Arrivals)}
	var factors []string
	for day, f := range d.Weekdays {
		if f != 1 {
			factors = append(factors, fmt.Sprintf("%s ×%g", models.Weekday(day), f))
		}
	}
	if len(factors) > 0 {
		parts = append(parts, "by weekday "+strings.Join(factors, ", "))
	}
	if d.Noise > 0 {
		parts = append(parts, fmt.Sprintf("day-to-day noise cv %g", d.Noise))
	}
	var names []string
	for _, ch := range cfg.Channels {
		if ch.Choosable {
			names = append(names, ch.Name)
		}
	}
	parts = append(parts, "choosing among "+strings.Join(names, ", "))
	return strings.Join(parts, "; ")
}

// hasArrivals tells whether an arrival process brings anyone.
func hasArrivals(a models.Arrivals) bool {
	return a.Rate > 0 || slices.ContainsFunc(a.Volumes, func(v float64) bool { return v > 0 })
}

// describeArrivals writes an arrival process: "200/h", or "per 30m
// interval, 1,890 over 48 intervals".
func describeArrivals(cfg *models.Config, a models.Arrivals) string {
	if len(a.Volumes) == 0 {
		return formatRate(a.Rate)
	}
	total := 0.0
	for _, v := range a.Volumes {
		total += v
	}
	return fmt.Sprintf("per %s interval, %s over %d intervals",
		models.FormatDuration(cfg.Interval), output.Value(math.Round(total), output.UnitCount), len(a.Volumes))
}

// describeAgents writes the headcount the given pools schedule over the
// horizon: "14 agents", or "0 to 21 agents by interval".
func describeAgents(cfg *models.Config, pools []int) string {
	n := cfg.Intervals()
	if n == 0 {
		return "0 agents"
	}
	lo, hi := agentsAt(cfg, pools, 0), agentsAt(cfg, pools, 0)
	for k := 1; k < n; k++ {
		a := agentsAt(cfg, pools, k)
		lo, hi = min(lo, a), max(hi, a)
	}
	if lo == hi {
		return fmt.Sprintf("%d agents", lo)
	}
	return fmt.Sprintf("%d to %d agents by interval", lo, hi)
}

func formatRate(perSecond float64) string {
	perHour := perSecond * 3600
	if perHour == math.Round(perHour) {
		return fmt.Sprintf("%s/h", output.Value(perHour, output.UnitCount))
	}
	return fmt.Sprintf("%.4g/h", perHour)
}

// handleTime describes channel i's handle time, with the issues that have
// their own law on it and the mean over its mix when any do.
func handleTime(cfg *models.Config, i int) string {
	ch := cfg.Channels[i]
	s := ch.HandleTime.String()
	var own []string
	for k, d := range ch.IssueHandle {
		if d.Kind != "" && k < len(cfg.Issues) {
			own = append(own, cfg.Issues[k].Name+" "+d.String())
		}
	}
	if len(own) == 0 {
		return s
	}
	return fmt.Sprintf("%s (%s; %s on average)", s, strings.Join(own, ", "), models.FormatDuration(cfg.MeanHandle(i)))
}

// mechanisms describes channel i's after-call work, callbacks, and the
// pools that serve it as a backup or at their own pace: nothing when it
// has none of them.
func mechanisms(cfg *models.Config, i int) []string {
	ch := cfg.Channels[i]
	var out []string
	if ch.HasWrap() {
		s := "after-call work " + ch.WrapTime.String()
		if ch.WrapTime.Kind == "" {
			s = "after-call work none"
		}
		var own []string
		for k, d := range ch.IssueWrap {
			if d.Kind != "" && k < len(cfg.Issues) {
				own = append(own, cfg.Issues[k].Name+" "+d.String())
			}
		}
		if len(own) > 0 {
			s += fmt.Sprintf(" (%s; %s on average)", strings.Join(own, ", "), models.FormatDuration(cfg.MeanWrap(i)))
		}
		out = append(out, s)
	}
	if cb := ch.Callback; cb != nil {
		retries := "no retry"
		if cb.Retries > 0 {
			retries = fmt.Sprintf("up to %d retr%s %s apart", cb.Retries, map[bool]string{true: "y", false: "ies"}[cb.Retries == 1],
				models.FormatDuration(cb.RetryDelay))
		}
		out = append(out, fmt.Sprintf("callbacks offered above a quoted wait of %s, %s taken, %s unanswered, %s",
			models.FormatDuration(cb.OfferAbove), output.Value(cb.Accept, output.UnitShare), output.Value(cb.NoAnswer, output.UnitShare), retries))
	}
	for _, p := range output.ServingPools(cfg, i) {
		pool := cfg.Pools[p]
		for _, s := range pool.OverflowAfter {
			if s.Skill == ch.Name && s.Value > 0 {
				out = append(out, fmt.Sprintf("%s takes its contacts after %s", pool.Name, models.FormatDuration(s.Value)))
			}
		}
		for _, s := range pool.HandleFactors {
			if s.Skill == ch.Name && s.Value != 1 {
				out = append(out, fmt.Sprintf("%s handles them in ×%g the time", pool.Name, s.Value))
			}
		}
	}
	return out
}

// agentsAt returns the headcount the given pools schedule in interval k.
func agentsAt(cfg *models.Config, pools []int, k int) int {
	n := 0
	for _, p := range pools {
		n += cfg.Pools[p].ScheduledAt(k, cfg.Interval, cfg.Start)
	}
	return n
}
