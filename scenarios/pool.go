package scenarios

import (
	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// decodePool decodes the pool of agents called name. Its headcount is given
// by agents (one number, or one per interval) or by shifts; add and scale
// change it, once the staffing table is read too (applyPoolChanges).
func (d *decoder) decodePool(name string, n *yaml.Node, path string) models.Pool {
	p := models.Pool{Name: name}
	c := poolChange{pool: name, path: path}
	d.mapping(n, path, []field{
		{"skills", func(n *yaml.Node, at string) {
			d.list(n, at, func(n *yaml.Node, at string) { p.Skills = append(p.Skills, d.str(n, at)) })
		}},
		{"agents", func(n *yaml.Node, at string) {
			d.oneOrList(n, at, "headcount", func(n *yaml.Node, at string) { p.Agents = append(p.Agents, d.integer(n, at)) })
		}},
		{"shifts", func(n *yaml.Node, at string) {
			d.nonEmptyList(n, at, "must list at least one shift such as {days: mon-fri, hours: 08:00-16:00, agents: 10}",
				func(n *yaml.Node, at string) { p.Shifts = append(p.Shifts, d.decodeShift(n, at)) })
		}},
		{"add", func(n *yaml.Node, at string) { d.decodeAdd(&c, n, at) }},
		{"scale", func(n *yaml.Node, at string) { d.decodeScale(&c, n, at) }},
		{"shrinkage", func(n *yaml.Node, at string) { p.Shrinkage = d.fraction(n, at) }},
		{"availability", func(n *yaml.Node, at string) {
			d.oneOrList(n, at, "share", func(n *yaml.Node, at string) { p.Availability = append(p.Availability, d.fraction(n, at)) })
		}},
		{"away_spell", func(n *yaml.Node, at string) { p.AwaySpell = d.duration(n, at) }},
		{"cost_per_hour", func(n *yaml.Node, at string) { p.CostPerHour = d.number(n, at) }},
		{"overflow_after", func(n *yaml.Node, at string) { p.OverflowAfter = d.decodeBySkill(n, at, d.duration) }},
		{"handle_factor", func(n *yaml.Node, at string) { p.HandleFactors = d.decodeBySkill(n, at, d.number) }},
	}, "skills")
	if c.addNode != nil || c.scaleNode != nil {
		d.poolChanges = append(d.poolChanges, c)
	}
	return p
}

// decodeBySkill decodes a pool's setting by skill: a mapping of channel
// names to values, each read by read, in the file's order. models checks
// that each names one of the pool's skills.
func (d *decoder) decodeBySkill(n *yaml.Node, path string, read func(n *yaml.Node, path string) float64) []models.SkillSetting {
	var out []models.SkillSetting
	d.entries(n, path, func(k, n *yaml.Node, p string) {
		out = append(out, models.SkillSetting{Skill: k.Value, Value: read(n, p)})
	})
	return out
}

// decodeShift decodes one shift: a span of the week, as a channel's opening
// hours are written, and the number of agents on it.
func (d *decoder) decodeShift(n *yaml.Node, path string) models.Shift {
	var s models.Shift
	fields := append(d.spanFields(&s.Span),
		field{"agents", func(n *yaml.Node, p string) { s.Agents = d.integer(n, p) }})
	d.mapping(n, path, fields, "agents")
	return s
}

// oneOrList decodes a setting given as one value or as a list of them,
// one per interval (what is a noun for the message an empty list gets):
// each value goes to add, and a problem with the one value is reported at
// path, not path[0].
func (d *decoder) oneOrList(n *yaml.Node, path, what string, add func(n *yaml.Node, at string)) {
	if n.Kind == yaml.SequenceNode {
		d.nonEmptyList(n, path, "must list at least one "+what, add)
		return
	}
	d.alias[path+"[0]"] = path
	add(n, path)
}
