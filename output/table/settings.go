package table

import (
	"fmt"
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// DescribeSettings says in a line each what cfg's demand, channels and pools are,
// as a run's text and report describe them: a channel's kind, where its
// contacts come from, its times, hours, target and the pools serving it;
// a pool's skills, headcount or shifts, shrinkage and cost. cfg must have
// its defaults set.
func DescribeSettings(cfg *models.Config) []string {
	r := run{&output.RunReport{Config: cfg}}
	var lines []string
	if hasArrivals(cfg.Demand.Arrivals) && len(cfg.Channels) > 1 {
		lines = append(lines, r.describeDemand())
	}
	if len(cfg.Classes) > 1 {
		lines = append(lines, describeClasses(cfg))
	}
	for i := range cfg.Channels {
		lines = append(lines, r.describeChannel(i))
	}
	if len(cfg.Channels) == 1 {
		return lines
	}
	for i, p := range cfg.Pools {
		parts := []string{fmt.Sprintf("%s (pool): %s", p.Name, strings.Join(p.Skills, ", "))}
		if len(p.Shifts) > 0 {
			shifts := make([]string, len(p.Shifts))
			for k, s := range p.Shifts {
				shifts[k] = fmt.Sprintf("%s × %d", output.DescribeSpan(s.Span), s.Agents)
			}
			parts = append(parts, "shifts "+strings.Join(shifts, ", "))
		} else {
			parts = append(parts, describeAgents(cfg, []int{i}))
		}
		if p.Shrinkage > 0 {
			parts = append(parts, "shrinkage "+output.Value(p.Shrinkage, output.UnitShare))
		}
		if a := describeAvailability(p); a != "" {
			parts = append(parts, a)
		}
		if p.CostPerHour > 0 {
			parts = append(parts, output.Count(p.CostPerHour, 2)+" an hour")
		}
		lines = append(lines, strings.Join(parts, "; "))
	}
	return lines
}

// describeAvailability says how much of their time at work a pool's agents
// are ready for contacts, "" when always: one share, or the range of the
// shares by interval, with the mean spell away.
func describeAvailability(p models.Pool) string {
	lo, hi := 1.0, 0.0
	for _, a := range p.Availability {
		lo, hi = min(lo, a), max(hi, a)
	}
	if len(p.Availability) == 0 || lo == 1 {
		return ""
	}
	spell := p.AwaySpell
	if spell == 0 {
		spell = models.DefaultAwaySpell
	}
	share := output.Value(lo, output.UnitShare)
	if hi != lo {
		share = "from " + output.Value(lo, output.UnitShare) + " to " + output.Value(hi, output.UnitShare) + " by interval"
	}
	return "ready for contacts " + share + " of their time at work, away in spells of " + models.FormatDuration(spell) + " on average"
}
