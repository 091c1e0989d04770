package scenarios

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// attachment is a file a scenario names (its staffing or forecast table),
// as it was read.
type attachment struct {
	// key is the setting that names it: "staffing" or "forecast".
	key string
	// file is where it was read; data what it held.
	file string
	data []byte
}

// Resolved is a scenario as a run used it, to be written into the run's
// output folder and run again: its YAML with every --set override applied,
// its name, seed and replications written in, and the files it names
// copied beside it.
type Resolved struct {
	// YAML is the scenario's text.
	YAML []byte
	// Files are the files YAML names, by their names in the same folder.
	Files []ResolvedFile
}

// ResolvedFile is a file a resolved scenario names.
type ResolvedFile struct {
	// Name is the file's name beside the scenario; Data what it holds.
	Name string
	Data []byte
}

// resolvedNote heads a resolved scenario's text.
const resolvedNote = "The scenario as omnisim ran it, every --set applied: run it again with\n" +
	"omnisim run on this file (the same seed and replications give the same figures)."

// Resolve returns the scenario as a run of it used it: its file's text with
// the --set overrides applied, its name, the seed and the replications
// written in (a run of the result with no flags runs the same world), and
// the staffing and forecast files it names renamed base-staffing.csv and
// base-forecast.csv (base is the scenario file's name without ".yaml"), to
// sit beside it. Claims whose days no longer fit the run (a shortened
// horizon) are left out, since they could not be judged. Resolving the
// result again gives the same bytes.
func (s *Scenario) Resolve(base string, seed uint64, reps int) (*Resolved, error) {
	if s.tree == nil {
		return nil, fmt.Errorf("scenarios: %s was not read from a file, so it cannot be written out", s.Name)
	}
	root := copyNode(s.tree, map[*yaml.Node]*yaml.Node{})
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("scenarios: %s is not a mapping of settings", s.Name)
	}
	setTop(root, "name", s.Name, 0)
	setTop(root, "seed", strconv.FormatUint(seed, 10), 1)
	setTop(root, "replications", strconv.Itoa(reps), 2)
	if len(s.claimProblems) > 0 {
		removeTop(root, "claims")
	}
	out := &Resolved{}
	for _, a := range s.attached {
		name := base + "-" + a.key + strings.ToLower(filepath.Ext(a.file))
		if v := topValue(root, a.key); v != nil {
			v.Kind, v.Tag, v.Style, v.Value = yaml.ScalarNode, "!!str", 0, name
		}
		out.Files = append(out.Files, ResolvedFile{Name: name, Data: a.data})
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root},
		HeadComment: headComment(s.comments[0]), FootComment: s.comments[1]}
	data, err := encodeYAML(doc)
	if err != nil {
		return nil, fmt.Errorf("scenarios: writing %s out: %w", s.Name, err)
	}
	out.YAML = data
	return out, nil
}

// headComment puts resolvedNote before a scenario's own head comment, once.
func headComment(own string) string {
	note := "# " + strings.ReplaceAll(resolvedNote, "\n", "\n# ")
	if strings.HasPrefix(own, note) {
		return own
	}
	if own == "" {
		return note
	}
	return note + "\n\n" + own
}

// setTop sets the top-level key of mapping root to value: in place when
// the key is there (keeping its comments), else inserted as the at-th key.
func setTop(root *yaml.Node, key, value string, at int) {
	tag := "!!int"
	if key == "name" {
		tag = "!!str"
	}
	if v := topValue(root, key); v != nil {
		v.Kind, v.Tag, v.Style, v.Value, v.Content, v.Alias = yaml.ScalarNode, tag, 0, value, nil, nil
		return
	}
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
	v := &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value}
	at = min(2*at, len(root.Content))
	root.Content = append(root.Content[:at], append([]*yaml.Node{k, v}, root.Content[at:]...)...)
}

// topValue returns the node of root's top-level key, itself (not what an
// alias there points at, which changing would change elsewhere too); nil
// if root has no such key.
func topValue(root *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			return root.Content[i+1]
		}
	}
	return nil
}

// removeTop removes the top-level key of mapping root.
func removeTop(root *yaml.Node, key string) {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			root.Content = append(root.Content[:i], root.Content[i+2:]...)
			return
		}
	}
}

// copyNode copies the tree under n, keeping an alias pointing at the copy
// of its anchor.
func copyNode(n *yaml.Node, seen map[*yaml.Node]*yaml.Node) *yaml.Node {
	if n == nil {
		return nil
	}
	if c, ok := seen[n]; ok {
		return c
	}
	c := *n
	seen[n] = &c
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = copyNode(k, seen)
	}
	c.Alias = copyNode(n.Alias, seen)
	return &c
}

// attach records that the scenario's setting key named file, which held
// data.
func (d *decoder) attach(key, file string, data []byte) {
	d.attached = append(d.attached, attachment{key: key, file: file, data: data})
}
