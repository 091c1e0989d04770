package scenarios

import (
	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// decodeJourney decodes what customers do after a failed or unresolved
// contact. What the section leaves out keeps models.DefaultJourney's value.
func (d *decoder) decodeJourney(n *yaml.Node, path string) models.Journey {
	j := models.DefaultJourney()
	d.mapping(n, path, []field{
		{"max_contacts", func(n *yaml.Node, p string) { j.MaxContacts = d.integer(n, p) }},
		{"retry", func(n *yaml.Node, p string) {
			// One chance for every failure, or one for the first, the
			// second... the last holding for later ones.
			j.Retry = []float64{}
			if n.Kind == yaml.SequenceNode {
				d.list(n, p, func(n *yaml.Node, p string) { j.Retry = append(j.Retry, d.fraction(n, p)) })
				return
			}
			d.alias[p+"[0]"] = p
			j.Retry = append(j.Retry, d.fraction(n, p))
		}},
		{"retry_delay", func(n *yaml.Node, p string) { j.RetryDelay = d.decodeDist(n, p, false) }},
		{"repeat_delay", func(n *yaml.Node, p string) { j.RepeatDelay = d.decodeDist(n, p, false) }},
		{"chase", func(n *yaml.Node, p string) { j.Chase = d.fraction(n, p) }},
		{"chase_after", func(n *yaml.Node, p string) { j.ChaseAfter = d.number(n, p) }},
		{"history", func(n *yaml.Node, p string) {
			switch v, ok := d.word(n, p, string(models.Integrated), string(models.Siloed)); {
			case ok:
				j.History = models.History(v)
			case v != "":
				d.errorf(n, p, "want integrated (channels share what they know of a customer) or siloed (each knows only its own contacts), not %q", v)
			}
		}},
		{"siloed", func(n *yaml.Node, p string) {
			d.mapping(n, p, []field{
				{"handle_factor", func(n *yaml.Node, p string) { j.SiloHandleFactor = d.number(n, p) }},
				{"resolution_factor", func(n *yaml.Node, p string) { j.SiloResolutionFactor = d.number(n, p) }},
				{"annoyance", func(n *yaml.Node, p string) { j.SiloAnnoyance = d.fraction(n, p) }},
			})
		}},
	})
	return j
}
