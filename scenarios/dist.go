package scenarios

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// distKeys lists, for each distribution, the keys its mapping takes besides
// dist, and which of them must be given.
var distKeys = map[models.DistKind]struct{ allowed, required []string }{
	models.Exponential:   {[]string{"mean"}, []string{"mean"}},
	models.Deterministic: {[]string{"mean"}, []string{"mean"}},
	models.Erlang:        {[]string{"mean", "shape"}, []string{"mean", "shape"}},
	models.Gamma:         {[]string{"mean", "cv"}, []string{"mean", "cv"}},
	models.LogNormal:     {[]string{"mean", "cv"}, []string{"mean", "cv"}},
	models.Uniform:       {[]string{"min", "max"}, []string{"min", "max"}},
	models.Empirical:     {[]string{"values", "tail"}, []string{"values"}},
	models.Never:         {nil, nil},
}

// decodeDist decodes a duration distribution. The short form is a duration,
// read as an exponential distribution with that mean ("3m"), or, where
// allowed, "never". The long form is a mapping: {dist: lognormal, mean: 3m,
// cv: 0.8}. In schema mode, distributions are a definition of the schema's
// own, which dist describes.
func (d *decoder) decodeDist(n *yaml.Node, path string, neverOK bool) models.Dist {
	if d.schema != nil {
		name := "distribution"
		if neverOK {
			name = "patience"
		}
		d.describeDef(path, name, func(n *yaml.Node, p string) { d.dist(n, p, neverOK) })
		return models.Dist{}
	}
	return d.dist(n, path, neverOK)
}

// dist decodes a distribution as decodeDist says; in schema mode it
// describes each of its forms (the short one, and each family's mapping).
func (d *decoder) dist(n *yaml.Node, path string, neverOK bool) models.Dist {
	if n.Kind == yaml.ScalarNode {
		if isNever(n.Value) {
			if !neverOK {
				d.errorf(n, path, "must end: never is only for patience")
			}
			return models.Dist{Kind: models.Never}
		}
		mean := durationForm
		if !neverOK {
			mean = finiteForm // never is refused above
		}
		return models.Dist{Kind: models.Exponential, Mean: d.parsed(n, path, mean, models.ParseDuration)}
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "want a duration (an exponential mean, such as 3m) or a mapping such as {dist: lognormal, mean: 3m, cv: 0.8}, not %s", KindName(n))
		return models.Dist{}
	}
	if d.schema != nil {
		// Each family's mapping is a form of its own.
		for _, kind := range models.DistKinds {
			if kind != models.Never || neverOK {
				d.distMapping(n, path, kind)
			}
		}
		return models.Dist{}
	}
	// Find the family first: which other keys are allowed depends on it.
	var kind models.DistKind
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := resolve(n.Content[i]); k.Kind == yaml.ScalarNode && k.Value == "dist" {
			v := resolve(n.Content[i+1])
			kind = models.DistKind(strings.ToLower(v.Value))
			if _, ok := distKeys[kind]; !ok || v.Kind != yaml.ScalarNode || (kind == models.Never && !neverOK) {
				d.errorf(v, join(path, "dist"), "want one of %s, not %s", distNames(neverOK), KindName(v))
				d.nodes[path] = n
				return models.Dist{}
			}
		}
	}
	if kind == "" {
		d.errorf(n, join(path, "dist"), "missing: say which distribution (%s)", distNames(neverOK))
		d.nodes[path] = n
		return models.Dist{}
	}
	return d.distMapping(n, path, kind)
}

// distMapping decodes the mapping of a distribution of the family kind:
// the keys of kind are read, and those of other families refused.
func (d *decoder) distMapping(n *yaml.Node, path string, kind models.DistKind) models.Dist {
	dist := models.Dist{Kind: kind}
	keys := distKeys[kind]
	all := map[string]func(n *yaml.Node, p string){
		"mean":  func(n *yaml.Node, p string) { dist.Mean = d.duration(n, p) },
		"cv":    func(n *yaml.Node, p string) { dist.CV = d.number(n, p) },
		"shape": func(n *yaml.Node, p string) { dist.Shape = d.integer(n, p) },
		"min":   func(n *yaml.Node, p string) { dist.Min = d.duration(n, p) },
		"max":   func(n *yaml.Node, p string) { dist.Max = d.duration(n, p) },
		"values": func(n *yaml.Node, p string) {
			d.list(n, p, func(n *yaml.Node, p string) { dist.Values = append(dist.Values, d.duration(n, p)) })
		},
		"tail": func(n *yaml.Node, p string) { dist.Tail = d.duration(n, p) },
	}
	// dist is read above; in schema mode, it says which family this is.
	fields := []field{{"dist", func(_ *yaml.Node, p string) { d.describe(p, familySchema(kind)) }}}
	for _, k := range keys.allowed {
		fields = append(fields, field{k, all[k]})
	}
	// Keys of other families get a message that says why they do not apply.
	for _, k := range []string{"mean", "cv", "shape", "min", "max", "values", "tail"} {
		if !slices.Contains(keys.allowed, k) {
			fields = append(fields, field{k, func(n *yaml.Node, p string) {
				d.errorf(n, p, "does not apply to the %s distribution (it takes %s)", kind, describeKeys(keys.allowed))
			}})
		}
	}
	d.mapping(n, path, fields, append([]string{"dist"}, keys.required...)...)
	return dist
}

func isNever(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "never", "inf", "infinite", "infinity":
		return true
	}
	return false
}

func describeKeys(keys []string) string {
	if len(keys) == 0 {
		return "nothing else"
	}
	return strings.Join(keys, " and ")
}

func distNames(neverOK bool) string {
	var names []string
	for _, k := range models.DistKinds {
		if k != models.Never || neverOK {
			names = append(names, string(k))
		}
	}
	return strings.Join(names, ", ")
}
