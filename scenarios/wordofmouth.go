package scenarios

import (
	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// decodeWordOfMouth decodes the word_of_mouth section, whose presence turns
// word of mouth on: what it leaves out keeps models.DefaultWordOfMouth's
// value, so that an empty section (word_of_mouth: {}, or nothing after the
// colon) enables the defaults. enabled: false turns it off again, so that
// a variant without it is one --set away.
func (d *decoder) decodeWordOfMouth(n *yaml.Node, path string) models.WordOfMouth {
	w := models.DefaultWordOfMouth()
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		d.nodes[path] = n
		d.describe(path, newSchema().set("type", "null"))
		return w
	}
	d.mapping(n, path, []field{
		{"enabled", func(n *yaml.Node, p string) { w.Enabled = d.boolean(n, p) }},
		{"share_good", func(n *yaml.Node, p string) { w.ShareGood = d.fraction(n, p) }},
		{"share_bad", func(n *yaml.Node, p string) { w.ShareBad = d.fraction(n, p) }},
		{"public_factor", func(n *yaml.Node, p string) { w.PublicFactor = d.number(n, p) }},
		{"reach", func(n *yaml.Node, p string) { w.Reach = d.number(n, p) }},
		{"inertia", func(n *yaml.Node, p string) { w.Inertia = d.number(n, p) }},
		{"level_inertia", func(n *yaml.Node, p string) { w.LevelInertia = d.number(n, p) }},
		{"memory", func(n *yaml.Node, p string) { w.Memory = d.duration(n, p) }},
		{"coupling", func(n *yaml.Node, p string) { w.Coupling = d.number(n, p) }},
	})
	return w
}
