package fit

import (
	"fmt"
	"sort"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/scenarios"
)

// decodeMapping reads a mapping file's text into m. Every problem comes back
// at once, each at its line and column and in words: an unknown key with the
// keys known there, a value of the wrong shape with what to write instead.
func decodeMapping(file string, data []byte, m *Mapping) scenarios.Errors {
	doc, err := scenarios.DecodeYAML(file, "a mapping", data)
	if err != nil {
		return err.(scenarios.Errors)
	}
	md := &mappingDecoder{file: file}
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind == 0 || root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return scenarios.Errors{{File: file, Line: 1, Column: 1, Msg: "the file is empty: a mapping names at least the arrival, wait, handle and outcome columns"}}
	}
	text := func(v *string) func(*yaml.Node, string) {
		return func(n *yaml.Node, p string) { *v = md.text(n, p) }
	}
	md.fields(root, "", map[string]func(*yaml.Node, string){
		"separator": text(&m.Separator),
		"arrival": func(n *yaml.Node, p string) {
			if n.Kind != yaml.MappingNode {
				md.errorf(n, p, "want a mapping such as {column: start, format: \"2006-01-02 15:04:05\"}, not %s", scenarios.KindName(n))
				return
			}
			md.fields(n, p, map[string]func(*yaml.Node, string){
				"column": text(&m.Arrival.Column),
				"format": text(&m.Arrival.Format),
			})
		},
		"channel":      text(&m.Channel),
		"channel_name": text(&m.ChannelName),
		"wait":         text(&m.Wait),
		"handle":       text(&m.Handle),
		"outcome": func(n *yaml.Node, p string) {
			if n.Kind != yaml.MappingNode {
				md.errorf(n, p, "want a mapping such as {column: result, answered: [ANSWERED], abandoned: [ABANDONED]}, not %s", scenarios.KindName(n))
				return
			}
			md.fields(n, p, map[string]func(*yaml.Node, string){
				"column":    text(&m.Outcome.Column),
				"answered":  func(n *yaml.Node, p string) { m.Outcome.Answered = md.texts(n, p) },
				"abandoned": func(n *yaml.Node, p string) { m.Outcome.Abandoned = md.texts(n, p) },
			})
		},
		"type":     text(&m.Type),
		"customer": text(&m.Customer),
		"agent":    text(&m.Agent),
		"start":    text(&m.Start),
	})
	return md.errs
}

// mappingDecoder collects a mapping file's problems.
type mappingDecoder struct {
	file string
	errs scenarios.Errors
}

func (md *mappingDecoder) errorf(n *yaml.Node, path, format string, args ...any) {
	md.errs = append(md.errs, &scenarios.Error{File: md.file, Line: n.Line, Column: n.Column, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// fields decodes the mapping n, whose keys must be among known.
func (md *mappingDecoder) fields(n *yaml.Node, path string, known map[string]func(*yaml.Node, string)) {
	if n.Kind != yaml.MappingNode {
		md.errorf(n, path, "want a mapping of keys to values, not %s", scenarios.KindName(n))
		return
	}
	names := make([]string, 0, len(known))
	for k := range known {
		names = append(names, k)
	}
	sort.Strings(names)
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		p := k.Value
		if path != "" {
			p = path + "." + k.Value
		}
		decode, ok := known[k.Value]
		switch {
		case !ok:
			md.errorf(k, p, "unknown key (known keys: %s)", strings.Join(names, ", "))
		case seen[k.Value]:
			md.errorf(k, p, "given twice")
		default:
			seen[k.Value] = true
			decode(v, p)
		}
	}
}

// text reads a scalar: a column's name, a format, a value.
func (md *mappingDecoder) text(n *yaml.Node, path string) string {
	if n.Kind != yaml.ScalarNode {
		md.errorf(n, path, "want a text (a column's name or a value), not %s", scenarios.KindName(n))
		return ""
	}
	return n.Value
}

// texts reads a list of values, or one value as a list of one.
func (md *mappingDecoder) texts(n *yaml.Node, path string) []string {
	if n.Kind == yaml.ScalarNode {
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		md.errorf(n, path, "want a list of values such as [ANSWERED, COMPLETED], not %s", scenarios.KindName(n))
		return nil
	}
	var out []string
	for i, c := range n.Content {
		if v := md.text(c, fmt.Sprintf("%s[%d]", path, i)); v != "" {
			out = append(out, v)
		}
	}
	return out
}
