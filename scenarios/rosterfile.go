package scenarios

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// rosterForm is the scenario key roster's value.
var rosterForm = form{"the name of a YAML file, such as roster.yaml", "file"}

// rosterFile reads the roster the scenario key roster names (node n): a
// roster.yaml as omnisim roster writes it, pools.NAME.shifts, in the
// format of a scenario's pools, and gives each pool it names those shifts
// in place of its agents, shifts or staffing table. A path written in the
// file is relative to the scenario file's folder; one given with --set,
// or in a built-in scenario, to the working directory. Its problems are
// placed in the roster file, at their lines and columns, and so are those
// models finds in its shifts.
func (d *decoder) rosterFile(n *yaml.Node, cfg *models.Config, byTable []string) {
	const path = "roster"
	file, data, ok := d.namedFile(n, path, rosterForm, "roster (YAML)")
	if !ok {
		return
	}
	root, err := ReadYAML(file, "a roster", data)
	if err != nil {
		d.errorf(n, path, "%v", err)
		return
	}
	if root == nil {
		d.errorf(n, path, "%s is empty: a roster gives pools.NAME.shifts", file)
		return
	}
	// The roster's own decoder places its problems in its file; its
	// nodes join the scenario's, marked as the roster's, so that what
	// models finds in the shifts is placed there too.
	r := newDecoder(file)
	shifts := map[string][]models.Shift{}
	var names []string
	var keys []*yaml.Node
	r.mapping(root, "", []field{{"pools", func(n *yaml.Node, p string) {
		r.entries(n, p, func(k, n *yaml.Node, p string) {
			names = append(names, k.Value)
			keys = append(keys, k)
			r.mapping(n, p, []field{{"shifts", func(n *yaml.Node, at string) {
				r.nonEmptyList(n, at, "must list at least one shift such as {days: mon-fri, hours: 08:00-16:00, agents: 10}",
					func(n *yaml.Node, at string) { shifts[k.Value] = append(shifts[k.Value], r.decodeShift(n, at)) })
			}}}, "shifts")
		})
	}}}, "pools")
	for i, pool := range names {
		switch {
		case !slices.ContainsFunc(cfg.Pools, func(p models.Pool) bool { return p.Name == pool }):
			var known []string
			for _, p := range cfg.Pools {
				known = append(known, p.Name)
			}
			r.errorf(keys[i], "pools."+pool, "the scenario has no pool %q (its pools: %s)", pool, strings.Join(known, ", "))
		case slices.Contains(byTable, pool):
			r.errorf(keys[i], "pools."+pool, "the scenario's staffing table staffs this pool too: give it one or the other")
		}
	}
	d.errs = append(d.errs, r.errs...)
	if len(r.errs) > 0 {
		return
	}
	for p, node := range r.nodes {
		if pool, _, _ := strings.Cut(strings.TrimPrefix(p, "pools."), "."); within(p, "pools."+pool+".shifts") {
			d.nodes[p] = node
			d.foreign[node] = file
		}
	}
	d.attach(path, file, data)
	for i := range cfg.Pools {
		if s, ok := shifts[cfg.Pools[i].Name]; ok {
			cfg.Pools[i].Shifts = s
			cfg.Pools[i].Agents = nil
		}
	}
}
