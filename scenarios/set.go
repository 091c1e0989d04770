package scenarios

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// apply applies one override, "path=value", to the tree under root. The
// path names fields as the file does, with [i] for list items
// ("pools.agents.agents", "channels.phone.arrivals.volumes[3]"); the value
// is read as YAML, so lists and mappings can be given too
// ("pools.agents.agents=[10,12,14]"). Missing mappings on the way are
// created; the result is decoded and checked like the file.
func (d *decoder) apply(root *yaml.Node, set string) error {
	path, text, ok := strings.Cut(set, "=")
	path = strings.TrimSpace(path)
	if !ok || path == "" {
		return fmt.Errorf("want path=value, for example pools.agents.agents=15")
	}
	steps, err := splitPath(path)
	if err != nil {
		return err
	}
	value := parseValue(text)
	origin := "--set " + set
	mark(value, d.origin, origin)

	cur := root
	for i, st := range steps {
		last := i == len(steps)-1
		cur = resolve(cur)
		if st.key != "" {
			if cur.Kind != yaml.MappingNode {
				return fmt.Errorf("%s is not a mapping, so it has no key %q", where(steps[:i]), st.key)
			}
			j := -1
			for k := 0; k+1 < len(cur.Content); k += 2 {
				if cur.Content[k].Value == st.key {
					j = k + 1
				}
			}
			if j < 0 {
				key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: st.key}
				d.origin[key] = origin
				next := value
				if !last {
					next = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
					d.origin[next] = origin
				}
				cur.Content = append(cur.Content, key, next)
				j = len(cur.Content) - 1
			} else if last {
				cur.Content[j] = value
			}
			cur = cur.Content[j]
			continue
		}
		if cur.Kind != yaml.SequenceNode {
			return fmt.Errorf("%s is not a list, so it has no item [%d]", where(steps[:i]), st.index)
		}
		if st.index >= len(cur.Content) {
			return fmt.Errorf("%s has %d items, so no item [%d]", where(steps[:i]), len(cur.Content), st.index)
		}
		if last {
			cur.Content[st.index] = value
		}
		cur = cur.Content[st.index]
	}
	return nil
}

// step is one part of an override's path: a key, or a list index.
type step struct {
	key   string
	index int
}

func splitPath(path string) ([]step, error) {
	var steps []step
	for part := range strings.SplitSeq(path, ".") {
		key, rest, _ := strings.Cut(part, "[")
		if key == "" && (len(steps) == 0 || rest == "") {
			return nil, fmt.Errorf("path %q has an empty part", path)
		}
		if key != "" {
			steps = append(steps, step{key: key})
		}
		for rest != "" {
			num, after, ok := strings.Cut(rest, "]")
			i, err := strconv.Atoi(num)
			if !ok || err != nil || i < 0 {
				return nil, fmt.Errorf("path %q: want [index] with a whole number ≥ 0", path)
			}
			steps = append(steps, step{index: i})
			if after == "" {
				break
			}
			if !strings.HasPrefix(after, "[") {
				return nil, fmt.Errorf("path %q: unexpected %q after ]", path, after)
			}
			rest = after[1:]
		}
	}
	return steps, nil
}

// where names the field reached by steps, for messages.
func where(steps []step) string {
	if len(steps) == 0 {
		return "the scenario"
	}
	var b strings.Builder
	for i, s := range steps {
		switch {
		case s.key == "":
			fmt.Fprintf(&b, "[%d]", s.index)
		case i > 0:
			b.WriteString("." + s.key)
		default:
			b.WriteString(s.key)
		}
	}
	return b.String()
}

// parseValue reads an override's value as YAML: "15", "[10, 12]",
// "{dist: lognormal, mean: 3m, cv: 0.8}". Anything that is not YAML is taken
// as plain text.
func parseValue(text string) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil || len(doc.Content) != 1 {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: text}
	}
	return doc.Content[0]
}

// mark records that every node under n came from an override.
func mark(n *yaml.Node, origin map[*yaml.Node]string, from string) {
	if n == nil || origin[n] != "" {
		return
	}
	origin[n] = from
	for _, c := range n.Content {
		mark(c, origin, from)
	}
}
