package scenarios

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// apply applies one override, "path=value", to the tree under root. The
// path names fields as the file does, with [i] for list items
// ("pools.agents.agents", "channels.phone.arrivals.volumes[3]"); the value
// is read as YAML, so lists and mappings can be given too
// ("pools.agents.agents=[10,12,14]"). An override changes what the scenario
// has: a pool, channel or issue it does not name is an error, with the
// names it does have; a missing setting of one that exists is added, and so
// is one more item at the end of a list ([n] on a list of n). The result is
// decoded and checked like the file.
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
	value, err := parseValue(text)
	if err != nil {
		return err
	}
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
				if err := collectionHas(steps[:i], cur, st.key); err != nil {
					return err
				}
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
		if st.index > len(cur.Content) || (st.index == len(cur.Content) && !last) {
			return fmt.Errorf("%s has %d items, so no item [%d] (an override may add one item at the end, [%d])", where(steps[:i]), len(cur.Content), st.index, len(cur.Content))
		}
		if st.index == len(cur.Content) {
			cur.Content = append(cur.Content, value)
		} else if last {
			cur.Content[st.index] = value
		}
		cur = cur.Content[st.index]
	}
	return nil
}

// collections are the top-level sections whose keys are names the scenario
// chooses, with the word for one of them.
var collections = map[string]string{"pools": "pool", "channels": "channel", "issues": "issue", "classes": "class"}

// collectionHas returns an error when the mapping m, reached by steps, is one
// of the scenario's collections of named things and has no entry key: an
// override must not create a pool or channel by a typing mistake.
func collectionHas(steps []step, m *yaml.Node, key string) error {
	if len(steps) != 1 || steps[0].key == "" {
		return nil
	}
	section := steps[0].key
	one, ok := collections[section]
	if !ok {
		return nil
	}
	var names []string
	for k := 0; k+1 < len(m.Content); k += 2 {
		names = append(names, m.Content[k].Value)
	}
	if len(names) == 0 {
		return fmt.Errorf("no %s %q: the scenario has no %s", one, key, section)
	}
	msg := fmt.Sprintf("no %s %q (%s: %s)", one, key, section, strings.Join(names, ", "))
	if best := closest(key, names); best != "" {
		msg += fmt.Sprintf("; did you mean %q?", best)
	}
	return errors.New(msg)
}

// closest returns the name nearest to key when one is near enough to be a
// typing mistake (within two edits, or one starting the other), else "".
func closest(key string, names []string) string {
	best, bestDist := "", 3
	lower := strings.ToLower(key)
	for _, n := range names {
		ln := strings.ToLower(n)
		d := editDistance(lower, ln)
		if strings.HasPrefix(ln, lower) || strings.HasPrefix(lower, ln) {
			d = min(d, 2)
		}
		if d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
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
// as plain text; a second YAML document after the first ("3\n---\n4") is an
// error, for it would be silently ignored.
func parseValue(text string) (*yaml.Node, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(strings.NewReader(text))
	if err := dec.Decode(&doc); err != nil || len(doc.Content) != 1 {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: text}, nil
	}
	if line, err := secondDocument(dec, []byte(text)); err != nil || line > 0 {
		if err != nil {
			return nil, fmt.Errorf("the value is one YAML document: more follows it, which is not YAML (%s)", strings.TrimPrefix(err.Error(), "yaml: "))
		}
		return nil, fmt.Errorf("the value is one YAML document: a second begins at its line %d (remove it, or the \"---\" line before it)", line)
	}
	return doc.Content[0], nil
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
