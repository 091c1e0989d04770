package scenarios

import (
	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// arrivals decodes the keys of an arrival process, rate or volumes, into a
// as a mapping's fields, and checks once the mapping is read that exactly
// one of them was given.
type arrivals struct {
	a                   *models.Arrivals
	hasRate, hasVolumes bool
}

func (d *decoder) arrivalFields(ar *arrivals) []field {
	return []field{
		{"rate", func(n *yaml.Node, p string) { ar.hasRate = true; ar.a.Rate = d.rate(n, p) }},
		{"volumes", func(n *yaml.Node, p string) {
			ar.hasVolumes = true
			d.nonEmptyList(n, p, "must list at least one volume", func(n *yaml.Node, p string) { ar.a.Volumes = append(ar.a.Volumes, d.number(n, p)) })
		}},
	}
}

// check reports a mapping n that gave both rate and volumes, or neither.
func (ar *arrivals) check(d *decoder, n *yaml.Node, path string) {
	if s := d.described(path); s != nil {
		s.set("oneOf", []*schema{newSchema().set("required", []string{"rate"}), newSchema().set("required", []string{"volumes"})})
	}
	if resolve(n).Kind == yaml.MappingNode && ar.hasRate == ar.hasVolumes {
		d.errorf(n, path, "give either rate (such as 200/h) or volumes (contacts per interval), not %s",
			map[bool]string{true: "both", false: "neither"}[ar.hasRate])
	}
}

// decodeArrivals decodes the arrivals of a channel: {rate: 200/h} or
// {volumes: [...]}, the expected contacts in each interval, and noise, the
// coefficient of variation of a day's volume.
func (d *decoder) decodeArrivals(n *yaml.Node, path string, issues []string) models.Arrivals {
	var a models.Arrivals
	ar := arrivals{a: &a}
	d.mapping(n, path, append(d.arrivalFields(&ar),
		field{"noise", func(n *yaml.Node, p string) { a.Noise = d.number(n, p) }},
		field{"issues", func(n *yaml.Node, p string) {
			if n.Kind != yaml.MappingNode {
				d.errorf(n, p, "want a mapping of issue names to shares, such as {billing: 60%%, technical: 40%%}, not %s", KindName(n))
				return
			}
			a.Issues = d.decodeByIssue(n, p, issues, 0, "a share such as 60%", d.fraction)
		}}))
	ar.check(d, n, path)
	return a
}
