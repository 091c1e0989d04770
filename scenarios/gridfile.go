package scenarios

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/internal/input"
)

// LoadGrid reads a grid file (see ParseGrid).
func LoadGrid(path string) (*Grid, error) {
	data, err := input.ReadFile(path, "grid file", maxFileSize)
	if err != nil {
		return nil, err
	}
	return ParseGrid(path, data)
}

// ParseGrid reads a sweep's grid from YAML; file names it in messages. The
// file is a mapping with parameters, points or both:
//
//	parameters:                      # each a dimension of the grid
//	  - path: pools.social-team.add  # a setting, as --set names it
//	    values: [0, 1, 2, 3]         # its values, as --set reads them
//	  - path: channels.phone.patience
//	    values: 2m..6m/2m            # or a range, as --vary reads it
//	points:                          # one dimension: settings that go together
//	  - {pools.phone.agents: 12, pools.chat.agents: 4}
//	  - {pools.phone.agents: 10, pools.chat.agents: 6}
//
// The grid is the product of the dimensions in the order the file writes
// them, the first varying slowest. Every problem comes back at once, as
// Errors with the file, line, column and field.
func ParseGrid(file string, data []byte) (g *Grid, err error) {
	defer func() {
		if r := recover(); r != nil {
			g, err = nil, Errors{{File: file, Msg: fmt.Sprintf("cannot read this file as YAML (%v)", r)}}
		}
	}()
	if err := checkNodes(file, data, nil); err != nil {
		return nil, err
	}
	if !utf8.Valid(data) {
		return nil, Errors{{File: file, Msg: "not a text file in UTF-8: a grid is a YAML text file"}}
	}
	doc, _, yerr := decodeDocument(file, "a grid", data)
	if yerr != nil {
		return nil, Errors{yerr}
	}
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind == 0 || (root.Kind == yaml.ScalarNode && root.Tag == "!!null") {
		return nil, Errors{{File: file, Line: 1, Column: 1, Msg: "the file is empty: a grid needs parameters (a list of {path, values}) or points"}}
	}
	d := newDecoder(file)
	g = &Grid{}
	var dimNodes []*yaml.Node // where each dimension was written
	var dimPaths []string
	d.mapping(root, "", []field{
		{"parameters", func(n *yaml.Node, p string) {
			d.list(n, p, func(n *yaml.Node, p string) {
				if dim, ok := d.decodeParameter(n, p); ok {
					g.Dims = append(g.Dims, dim)
					dimNodes, dimPaths = append(dimNodes, n), append(dimPaths, p)
				}
			})
		}},
		{"points", func(n *yaml.Node, p string) {
			if dim, ok := d.decodePoints(n, p); ok {
				g.Dims = append(g.Dims, dim)
				dimNodes, dimPaths = append(dimNodes, n), append(dimPaths, p)
			}
		}},
	})
	if len(d.errs) == 0 && len(g.Dims) == 0 {
		d.errorf(root, "", "no parameters or points: nothing to sweep")
	}
	for _, e := range g.check(func(k int) *Error {
		return &Error{File: file, Line: dimNodes[k].Line, Column: dimNodes[k].Column, Path: dimPaths[k]}
	}) {
		d.errs = append(d.errs, e)
	}
	if len(d.errs) > 0 {
		d.sort()
		return nil, d.errs
	}
	return g, nil
}

// decodeParameter reads one entry of parameters: {path, values}.
func (d *decoder) decodeParameter(n *yaml.Node, p string) (Dim, bool) {
	before := len(d.errs)
	var dim Dim
	var valueNodes []*yaml.Node
	d.mapping(n, p, []field{
		{"path", func(n *yaml.Node, p string) {
			path := d.str(n, p)
			if path == "" {
				return
			}
			if _, err := splitPath(path); err != nil {
				d.errorf(n, p, "%v", err)
				return
			}
			dim.Paths = []string{path}
		}},
		{"values", func(n *yaml.Node, p string) {
			if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
				vals, isRange, err := expandRange(n.Value)
				switch {
				case err != nil:
					d.errorf(n, p, "%v", err)
				case !isRange:
					d.errorf(n, p, "want a list of values ([1, 2, 3]) or a range (1..3, 2..10/2), not %q", n.Value)
				}
				for _, v := range vals {
					dim.Rows = append(dim.Rows, []string{v})
					valueNodes = append(valueNodes, n)
				}
				return
			}
			d.list(n, p, func(n *yaml.Node, p string) {
				if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
					d.errorf(n, p, "an empty value")
					return
				}
				v, err := valueText(n)
				if err != nil {
					d.errorf(n, p, "%v", err)
					return
				}
				dim.Rows = append(dim.Rows, []string{v})
				valueNodes = append(valueNodes, n)
			})
		}},
	}, "path", "values")
	if len(d.errs) > before {
		return Dim{}, false
	}
	for _, e := range repeatedValues(dim, func(i int) *Error {
		return &Error{File: d.file, Line: valueNodes[i].Line, Column: valueNodes[i].Column, Path: p + ".values"}
	}) {
		d.errs = append(d.errs, e)
	}
	return dim, len(d.errs) == before
}

// decodePoints reads points: a list of mappings of settings to values, each
// naming the same settings.
func (d *decoder) decodePoints(n *yaml.Node, p string) (Dim, bool) {
	before := len(d.errs)
	var dim Dim
	var rowNodes []*yaml.Node
	var rowPaths []string
	d.list(n, p, func(n *yaml.Node, p string) {
		if n.Kind != yaml.MappingNode {
			d.errorf(n, p, "want a mapping of settings to values, such as {pools.agents.agents: 12}, not %s", KindName(n))
			return
		}
		first := dim.Paths == nil
		row := make([]string, len(dim.Paths))
		given := make([]bool, len(dim.Paths))
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
			if k.Kind != yaml.ScalarNode || k.Value == "" {
				d.errorf(k, p, "keys must be settings such as pools.agents.agents, not %s", KindName(k))
				continue
			}
			at := p + "." + k.Value
			if _, err := splitPath(k.Value); err != nil {
				d.errorf(k, at, "%v", err)
				continue
			}
			text, err := valueText(v)
			if err != nil {
				d.errorf(v, at, "%v", err)
				continue
			}
			if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
				d.errorf(v, at, "an empty value")
				continue
			}
			j := slices.IndexFunc(dim.Paths, func(q string) bool { return canonicalPath(q) == canonicalPath(k.Value) })
			switch {
			case j >= 0 && given[j]:
				d.errorf(k, at, "given twice")
			case j >= 0:
				row[j], given[j] = text, true
			case first:
				dim.Paths = append(dim.Paths, k.Value)
				row, given = append(row, text), append(given, true)
			default:
				d.errorf(k, at, "not set by the first point: every point sets the same settings (%s)", strings.Join(dim.Paths, ", "))
			}
		}
		for j, ok := range given {
			if !ok {
				d.errorf(n, p, "%s is missing: every point sets the same settings (%s)", dim.Paths[j], strings.Join(dim.Paths, ", "))
			}
		}
		if len(dim.Paths) == 0 && first {
			d.errorf(n, p, "a point with no settings")
			return
		}
		dim.Rows = append(dim.Rows, row)
		rowNodes, rowPaths = append(rowNodes, n), append(rowPaths, p)
	})
	if len(d.errs) > before {
		return Dim{}, false
	}
	for _, e := range repeatedValues(dim, func(i int) *Error {
		return &Error{File: d.file, Line: rowNodes[i].Line, Column: rowNodes[i].Column, Path: rowPaths[i]}
	}) {
		d.errs = append(d.errs, e)
	}
	return dim, len(d.errs) == before
}
