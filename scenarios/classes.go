package scenarios

import (
	"math"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// decodeClasses decodes the classes section: each class's name with its
// share, priority, patience factor and promotion wait ({share: 10%,
// priority: 1, patience_factor: 2}). A class not given a priority has
// priority 1, served first; not given a patience factor, 1.
func (d *decoder) decodeClasses(n *yaml.Node, path string) []models.Class {
	var classes []models.Class
	d.entries(n, path, func(k, n *yaml.Node, p string) {
		// A missing share is reported here; NaN keeps models from adding
		// up the others and reporting that too.
		cl := models.Class{Name: k.Value, Share: math.NaN(), Priority: 1, PatienceFactor: 1}
		d.mapping(n, p, []field{
			{"share", func(n *yaml.Node, p string) { cl.Share = d.fraction(n, p) }},
			{"priority", func(n *yaml.Node, p string) { cl.Priority = d.integer(n, p) }},
			{"patience_factor", func(n *yaml.Node, p string) { cl.PatienceFactor = d.number(n, p) }},
			{"promote_after", func(n *yaml.Node, p string) { cl.PromoteAfter = d.duration(n, p) }},
		}, "share")
		classes = append(classes, cl)
	})
	return classes
}
