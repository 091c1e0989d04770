package roster

import (
	"fmt"
	"math"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// ScenarioShifts returns the roster as a scenario's pool writes its
// shifts ({days, hours, agents}): each shift split around its breaks, a
// piece that starts after midnight on the days after the shift's, a piece
// of a whole day split at midnight, and pieces alike (the same days and
// hours) merged, in the order they first come. A scenario whose pool has
// these shifts schedules the roster's coverage in every interval.
func (r *Roster) ScenarioShifts() []models.Shift {
	var out []models.Shift
	add := func(days models.Days, from, to float64, agents int) {
		for i := range out {
			if out[i].Days == days && out[i].From == from && out[i].To == to {
				out[i].Agents += agents
				return
			}
		}
		out = append(out, models.Shift{Span: models.Span{Days: days, From: from, To: to}, Agents: agents})
	}
	for _, s := range r.Shifts {
		at := 0.0 // the piece's start, after the shift's
		pieces := [][2]float64{}
		for _, b := range s.Breaks {
			if b.From > at {
				pieces = append(pieces, [2]float64{at, b.From})
			}
			at = b.To
		}
		if at < s.Length {
			pieces = append(pieces, [2]float64{at, s.Length})
		}
		for _, p := range pieces {
			from, to := s.Start+p[0], s.Start+p[1]
			if to-from >= 86400 {
				// A whole day: as two spans, to and from midnight.
				mid := math.Ceil(from/86400) * 86400
				if mid == from {
					mid += 86400
				}
				addSpan(add, s.Days, from, mid, s.Agents)
				addSpan(add, s.Days, mid, to, s.Agents)
				continue
			}
			addSpan(add, s.Days, from, to, s.Agents)
		}
	}
	return out
}

// addSpan adds a piece of a shift worked on days, from from to to seconds
// after the midnight of its day (less than a day long), as a span of the
// week: on the days after, if it starts after midnight; with an end
// before its start, if it runs past midnight.
func addSpan(add func(models.Days, float64, float64, int), days models.Days, from, to float64, agents int) {
	later := int(from / 86400)
	from -= float64(later) * 86400
	to -= float64(later) * 86400
	if to > 86400 {
		to -= 86400
	}
	var d models.Days
	for i, on := range days {
		d[(i+later)%7] = on
	}
	add(d, from, to, agents)
}

// Apply gives each pool of cfg that rs rosters the roster's shifts, in
// place of its agents or shifts.
func Apply(cfg *models.Config, rs []Roster) error {
	for _, r := range rs {
		found := false
		for i := range cfg.Pools {
			if cfg.Pools[i].Name == r.Pool {
				cfg.Pools[i].Agents = nil
				cfg.Pools[i].Shifts = r.ScenarioShifts()
				found = true
			}
		}
		if !found {
			return fmt.Errorf("roster: the scenario has no pool named %q", r.Pool)
		}
	}
	return nil
}

// Fragment returns the rosters as the part of a scenario that holds them:
// pools, each rostered pool's shifts as ScenarioShifts gives them, each
// shift a flow mapping {days: mon-fri, hours: "07:00-11:00", agents: 3},
// for scenarios.Encode to write. head is the comment above it.
func Fragment(rs []Roster, head string) *yaml.Node {
	str := func(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v} }
	pools := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, r := range rs {
		list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, s := range r.ScenarioShifts() {
			hours := str(clock(s.From) + "-" + clock(s.To))
			hours.Style = yaml.DoubleQuotedStyle
			list.Content = append(list.Content, &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle, Content: []*yaml.Node{
				str("days"), str(output.DescribeDays(s.Days)),
				str("hours"), hours,
				str("agents"), {Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(s.Agents)},
			}})
		}
		pool := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{str("shifts"), list}}
		pools.Content = append(pools.Content, str(r.Pool), pool)
	}
	key := str("pools")
	key.HeadComment = head
	return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{key, pools}}}}
}
