package scenarios

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// decodeDemand decodes the customers who choose their channel: an arrival
// process (rate or volumes, as a channel's arrivals), factors by weekday
// and the day-to-day noise of their volume.
func (d *decoder) decodeDemand(n *yaml.Node, path string) models.Demand {
	dm := models.Demand{Weekdays: [7]float64{1, 1, 1, 1, 1, 1, 1}}
	ar := arrivals{a: &dm.Arrivals}
	fields := append(d.arrivalFields(&ar),
		field{"weekdays", func(n *yaml.Node, p string) { d.decodeWeekdays(n, p, &dm.Weekdays) }},
		field{"noise", func(n *yaml.Node, p string) { dm.Noise = d.number(n, p) }},
	)
	d.mapping(n, path, fields)
	ar.check(d, n, path)
	return dm
}

// decodeWeekdays decodes factors by weekday into w: a list of exactly
// seven numbers, Monday first, or a mapping of day names to numbers
// ({sat: 0.5, sun: 0}), the days left out keeping theirs.
func (d *decoder) decodeWeekdays(n *yaml.Node, path string, w *[7]float64) {
	switch n.Kind {
	case yaml.SequenceNode:
		if d.schema != nil {
			d.list(n, path, func(n *yaml.Node, at string) { d.number(n, at) })
			d.described(path).set("minItems", 7).set("maxItems", 7)
			return
		}
		if len(n.Content) != 7 {
			d.errorf(n, path, "must list 7 numbers, one for each day from Monday, not %d", len(n.Content))
			return
		}
		for i, c := range n.Content {
			at := fmt.Sprintf("%s[%d]", path, i)
			c = resolve(c)
			d.nodes[at] = c
			d.alias[join(path, models.Weekday(i).String())] = at
			w[i] = d.number(c, at)
		}
	case yaml.MappingNode:
		if d.schema != nil {
			d.describe(path, d.namesSchema(path, d.ref(weekdayForm.def), func(n *yaml.Node, at string) { d.number(n, at) }))
			return
		}
		seen := map[models.Weekday]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
			at := join(path, k.Value)
			day, err := models.ParseWeekday(k.Value)
			switch {
			case k.Kind != yaml.ScalarNode:
				d.errorf(k, path, "keys must be days of the week, not %s", KindName(k))
				continue
			case err != nil:
				d.errorf(k, at, "%v", err)
				continue
			case seen[day]:
				d.errorf(k, at, "given twice (%s)", day)
				continue
			}
			seen[day] = true
			d.nodes[at] = v
			if name := join(path, day.String()); name != at {
				d.alias[name] = at
			}
			w[day] = d.number(v, at)
		}
	default:
		d.errorf(n, path, "want 7 numbers, Monday first, or a mapping such as {sat: 0.5, sun: 0}, not %s", KindName(n))
	}
}

// decodeChoice decodes how customers choose a channel into c.
func (d *decoder) decodeChoice(n *yaml.Node, path string, c *models.Choice) {
	d.mapping(n, path, []field{
		{"wait_weight", func(n *yaml.Node, p string) { c.WaitWeight = d.number(n, p) }},
		{"stay", func(n *yaml.Node, p string) { c.Stay = d.number(n, p) }},
	})
}
