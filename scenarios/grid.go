package scenarios

import (
	"fmt"
	"math/big"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Grid is the set of points a sweep runs a scenario at: the Cartesian
// product of its dimensions, the first varying slowest. A dimension is one
// setting with its values (--vary, or an entry of a grid file's
// parameters), or a list of points that set several settings together (a
// grid file's points).
type Grid struct {
	Dims []Dim
}

// Dim is one dimension of a grid: settings (paths as --set takes them)
// and the rows of values they take together, Rows[i][j] being the value of
// Paths[j] in row i, written as --set takes it.
type Dim struct {
	Paths []string
	Rows  [][]string
}

// Point is one point of a grid: a value for each of the grid's paths.
type Point struct {
	// Index is the point's position in the grid's order, from 0.
	Index int
	// Paths and Values are the settings and their values at this point.
	Paths, Values []string
}

// Sets returns the point's settings as --set overrides, "path=value".
func (p Point) Sets() []string {
	out := make([]string, len(p.Paths))
	for i, path := range p.Paths {
		out[i] = path + "=" + p.Values[i]
	}
	return out
}

// String names the point by its settings: "pools.agents.agents=12,
// channels.phone.patience=5m".
func (p Point) String() string { return strings.Join(p.Sets(), ", ") }

// Paths returns every setting the grid varies, dimension by dimension.
func (g *Grid) Paths() []string {
	var out []string
	for _, d := range g.Dims {
		out = append(out, d.Paths...)
	}
	return out
}

// Len returns the number of points, or -1 when there are more than limit.
func (g *Grid) Len(limit int) int {
	n := big.NewInt(1)
	for _, d := range g.Dims {
		n.Mul(n, big.NewInt(int64(len(d.Rows))))
		if n.Cmp(big.NewInt(int64(limit))) > 0 {
			return -1
		}
	}
	return int(n.Int64())
}

// Point returns point i of the grid, 0 ≤ i < Len: the dimensions are
// counted through like the digits of a number, the last fastest.
func (g *Grid) Point(i int) Point {
	p := Point{Index: i}
	rows := make([]int, len(g.Dims))
	for k := len(g.Dims) - 1; k >= 0; k-- {
		n := len(g.Dims[k].Rows)
		rows[k] = i % n
		i /= n
	}
	for k, d := range g.Dims {
		p.Paths = append(p.Paths, d.Paths...)
		p.Values = append(p.Values, d.Rows[rows[k]]...)
	}
	return p
}

// Points returns every point of the grid, in order. The grid must have at
// most a few million points; check Len first.
func (g *Grid) Points() []Point {
	n := g.Len(1 << 30)
	out := make([]Point, 0, max(0, n))
	for i := range n {
		out = append(out, g.Point(i))
	}
	return out
}

// check reports the problems of a grid as a whole: a setting swept twice,
// or a dimension with no values. at locates each dimension for messages.
func (g *Grid) check(at func(dim int) *Error) Errors {
	var errs Errors
	seen := map[string]bool{}
	for k, d := range g.Dims {
		if len(d.Rows) == 0 {
			e := at(k)
			e.Msg = "no values to sweep"
			errs = append(errs, e)
		}
		for _, p := range d.Paths {
			key := canonicalPath(p)
			if seen[key] {
				e := at(k)
				e.Msg = fmt.Sprintf("%s is swept twice: give it one list of values", p)
				errs = append(errs, e)
			}
			seen[key] = true
		}
	}
	return errs
}

// canonicalPath writes a path as splitPath reads it, so that two ways of
// writing the same setting compare equal ("a.b[1]" and " a.b[01]"); a path
// that does not parse is returned trimmed.
func canonicalPath(path string) string {
	steps, err := splitPath(strings.TrimSpace(path))
	if err != nil {
		return strings.TrimSpace(path)
	}
	return where(steps)
}

// ParseVary reads a --vary flag, "path=v1,v2,...": the setting (a path as
// --set takes it) and its values, each read as --set reads a value.
// Commas inside brackets, braces or quotes do not split values
// ("pools.agents.agents=[10,12],[12,14]"). A value may be a range of
// numbers, "2..10" (step 1) or "2..10/2", with a unit written the same
// on every part ("1m..5m/1m", "70%..90%/5%", "0.5..0.9/0.1"; a step
// without a unit takes the ends'). Problems come back as Errors naming
// the flag.
func ParseVary(arg string) (Dim, error) {
	file := "--vary " + arg
	path, text, ok := strings.Cut(arg, "=")
	path = strings.TrimSpace(path)
	if !ok || path == "" {
		return Dim{}, Errors{{File: file, Msg: "want path=v1,v2,... or path=from..to/step, for example pools.agents.agents=12,13,14"}}
	}
	if _, err := splitPath(path); err != nil {
		return Dim{}, Errors{{File: file, Msg: err.Error()}}
	}
	var errs Errors
	dim := Dim{Paths: []string{path}}
	for _, item := range splitTop(text) {
		item = strings.TrimSpace(item)
		if item == "" {
			errs = append(errs, &Error{File: file, Path: path, Msg: "an empty value: write the values between commas, for example 12,13,14"})
			continue
		}
		vals, isRange, err := expandRange(item)
		if err != nil {
			errs = append(errs, &Error{File: file, Path: path, Msg: err.Error()})
			continue
		}
		if !isRange {
			vals = []string{item}
		}
		for _, v := range vals {
			dim.Rows = append(dim.Rows, []string{v})
		}
	}
	errs = append(errs, repeatedValues(dim, func(int) *Error { return &Error{File: file, Path: path} })...)
	if len(errs) > 0 {
		return Dim{}, errs
	}
	return dim, nil
}

// repeatedValues reports rows of a dimension given twice: a sweep runs each
// point once. at locates row i.
func repeatedValues(d Dim, at func(row int) *Error) Errors {
	var errs Errors
	seen := map[string]bool{}
	for i, row := range d.Rows {
		key := strings.Join(row, "\x00")
		if seen[key] {
			e := at(i)
			e.Msg = fmt.Sprintf("%s given twice", strings.Join(row, ", "))
			errs = append(errs, e)
		}
		seen[key] = true
	}
	return errs
}

// splitTop splits s at the commas that are not inside brackets, braces or
// quotes.
func splitTop(s string) []string {
	var out []string
	depth, start := 0, 0
	var quote rune
	for i, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '[' || r == '{':
			depth++
		case r == ']' || r == '}':
			depth--
		case r == ',' && depth <= 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// valueText writes a YAML value of a grid file as --set takes it: a
// scalar as written, a list or mapping in YAML's flow style on one line.
func valueText(n *yaml.Node) (string, error) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode {
		return n.Value, nil
	}
	flow := flowCopy(n)
	b, err := yaml.Marshal(flow)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(b)), nil
}

// flowCopy copies a YAML tree in flow style, without comments.
func flowCopy(n *yaml.Node) *yaml.Node {
	n = resolve(n)
	c := &yaml.Node{Kind: n.Kind, Tag: n.Tag, Value: n.Value, Style: n.Style &^ (yaml.LiteralStyle | yaml.FoldedStyle)}
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		c.Style = yaml.FlowStyle
	}
	for _, k := range n.Content {
		c.Content = append(c.Content, flowCopy(k))
	}
	return c
}
