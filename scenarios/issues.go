package scenarios

import (
	"math"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// decodeIssues decodes the issues section: each issue's name with its share
// and handle-time factor ({share: 30%, handle_factor: 1.5}), or its share
// alone (simple: 60%). The order written is the order of every per-issue
// setting.
func (d *decoder) decodeIssues(n *yaml.Node, path string) []models.Issue {
	var issues []models.Issue
	d.entries(n, path, func(k, n *yaml.Node, p string) {
		is := models.Issue{Name: k.Value, HandleFactor: 1}
		if n.Kind == yaml.MappingNode {
			// A missing share is reported here; NaN keeps models from
			// adding up the others and reporting that too.
			is.Share = math.NaN()
			d.mapping(n, p, []field{
				{"share", func(n *yaml.Node, p string) { is.Share = d.fraction(n, p) }},
				{"handle_factor", func(n *yaml.Node, p string) { is.HandleFactor = d.number(n, p) }},
			}, "share")
		} else {
			is.Share = d.parsed(n, p, issueShareForm, models.ParseFraction)
		}
		issues = append(issues, is)
	})
	return issues
}

// issueNames returns the names of the issues, in order: those given, or the
// one issue models gives a scenario that names none.
func issueNames(issues []models.Issue) []string {
	if len(issues) == 0 {
		var c models.Config
		c.SetDefaults()
		issues = c.Issues
	}
	names := make([]string, len(issues))
	for i, is := range issues {
		names[i] = is.Name
	}
	return names
}

// decodeByIssue decodes a setting given for each issue: one value for every
// issue, or a mapping of issue names to values, issues left out taking
// fill. read decodes one value; want describes it for messages. The result
// has one value per issue, in the issues' order.
func (d *decoder) decodeByIssue(n *yaml.Node, path string, issues []string, fill float64, want string,
	read func(n *yaml.Node, path string) float64) []float64 {
	out := make([]float64, len(issues))
	switch n.Kind {
	case yaml.ScalarNode:
		v := read(n, path)
		for i, name := range issues {
			out[i] = v
			d.alias[join(path, name)] = path
		}
	case yaml.MappingNode:
		for i := range out {
			out[i] = fill
		}
		d.entries(n, path, func(k, n *yaml.Node, p string) {
			if i := d.issueIndex(k, p, issues); i >= 0 {
				out[i] = read(n, p)
			}
		})
	default:
		d.errorf(n, path, "want %s for every issue, or a mapping of issue names to values, not %s", want, KindName(n))
	}
	return out
}

// issueIndex returns the index of the issue key k names, or −1 after
// reporting that no issue has that name.
func (d *decoder) issueIndex(k *yaml.Node, path string, issues []string) int {
	if d.schema != nil {
		return 0 // any name may be an issue's
	}
	i := slices.Index(issues, k.Value)
	if i < 0 && ValidName(k.Value) { // a bad name is reported already
		d.errorf(k, path, "no issue is named %q (issues: %s)", k.Value, strings.Join(issues, ", "))
	}
	return i
}
