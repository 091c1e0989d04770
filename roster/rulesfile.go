package roster

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/internal/input"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

// MaxRulesSize bounds a rules file.
const MaxRulesSize = 1 << 20

// MaxShiftRules bounds the shift rules of a pool.
const MaxShiftRules = 1000

// File is a rules file read: its rules, and where each field was written,
// so that a problem found later (against the requirement) is placed at
// its line and column too.
type File struct {
	// Name is the file's name, as given.
	Name string
	// Rules are the rules it holds.
	Rules Rules
	nodes map[string]*yaml.Node
	// short names the pool when the file gives one at the top (pool:,
	// shifts:), not under pools.
	short string
}

// ReadRules reads the rules file at path: a regular file of at most
// MaxRulesSize, decoded by ParseRules.
func ReadRules(path string) (*File, error) {
	data, err := input.ReadFile(path, "rules file", MaxRulesSize)
	if err != nil {
		return nil, err
	}
	return ParseRules(path, data)
}

// ParseRules decodes a rules file (docs/roster.md), strictly: an unknown
// key, a value of the wrong kind and every problem Rules.Check finds
// (those that need the requirement's intervals, if the file does not
// give them, are found by Make) are reported at once, each at its line and
// column, as scenarios.Errors.
func ParseRules(file string, data []byte) (*File, error) {
	if len(data) > MaxRulesSize {
		return nil, scenarios.Errors{{File: file, Msg: "too large for a rules file"}}
	}
	root, err := scenarios.ReadYAML(file, "a rules file", data)
	if err != nil {
		return nil, err
	}
	if root == nil {
		return nil, scenarios.Errors{{File: file, Line: 1, Column: 1, Msg: "the file is empty: rules need at least a pool and its shifts"}}
	}
	d := &rulesDecoder{file: file, nodes: map[string]*yaml.Node{}}
	f := &File{Name: file, nodes: d.nodes}
	f.short = d.decodeRules(root, &f.Rules)
	if len(d.errs) == 0 {
		if err := f.Place(f.Rules.Check(0)); err != nil {
			return nil, err
		}
	}
	if len(d.errs) > 0 {
		return nil, d.sorted()
	}
	return f, nil
}

// Place returns err with every one of its Problems placed at the line and
// column of the field it names, as scenarios.Errors in the file's order;
// any other error as it is, and nil for nil.
func (f *File) Place(err error) error {
	var ps Problems
	if !errors.As(err, &ps) {
		return err
	}
	if len(ps) == 0 {
		return nil
	}
	d := &rulesDecoder{file: f.Name, nodes: f.nodes}
	for _, p := range ps {
		path := p.Path
		if f.short != "" {
			// One pool written at the top: its fields are where the
			// file wrote them.
			switch prefix := "pools." + f.short; {
			case path == prefix:
				path = "pool"
			case strings.HasPrefix(path, prefix+"."):
				path = strings.TrimPrefix(path, prefix+".")
			}
		}
		n, _ := d.at(path)
		d.errorf(n, path, "%s", p.Msg)
	}
	return d.sorted()
}

// rulesDecoder walks a rules file's YAML tree, collecting every problem
// with its position, and remembering where each field was written.
type rulesDecoder struct {
	file  string
	errs  scenarios.Errors
	nodes map[string]*yaml.Node
}

func (d *rulesDecoder) errorf(n *yaml.Node, path, format string, args ...any) {
	e := &scenarios.Error{File: d.file, Path: path, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	d.errs = append(d.errs, e)
}

// sorted returns the problems in the order of the file.
func (d *rulesDecoder) sorted() scenarios.Errors {
	slices.SortStableFunc(d.errs, func(a, b *scenarios.Error) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
	return d.errs
}

// at returns the node a field was read from, or the nearest enclosing
// field's, and that field's path.
func (d *rulesDecoder) at(path string) (*yaml.Node, string) {
	for {
		if n, ok := d.nodes[path]; ok {
			return n, path
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			return d.nodes[""], ""
		}
		path = path[:i]
	}
}

func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// field is one key a mapping accepts.
type field struct {
	key    string
	decode func(n *yaml.Node, path string)
}

// mapping decodes a mapping field by field, in the order written: an
// unknown or repeated key is a problem, and so is a required one missing.
func (d *rulesDecoder) mapping(n *yaml.Node, path string, fields []field, required ...string) bool {
	n = resolve(n)
	d.nodes[path] = n
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "want a mapping of keys to values, not %s", scenarios.KindName(n))
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, path, "keys must be plain names, not %s", scenarios.KindName(k))
			continue
		}
		at := join(path, k.Value)
		if seen[k.Value] {
			d.errorf(k, at, "given twice")
			continue
		}
		seen[k.Value] = true
		j := slices.IndexFunc(fields, func(f field) bool { return f.key == k.Value })
		if j < 0 {
			var keys []string
			for _, f := range fields {
				keys = append(keys, f.key)
			}
			slices.Sort(keys)
			d.errorf(k, at, "unknown key (known keys: %s)", strings.Join(keys, ", "))
			continue
		}
		d.nodes[at] = v
		fields[j].decode(v, at)
	}
	for _, r := range required {
		if !seen[r] {
			d.errorf(n, join(path, r), "missing")
		}
	}
	return true
}

// scalar returns a scalar's text, or records a problem saying what was
// wanted.
func (d *rulesDecoder) scalar(n *yaml.Node, path, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errorf(n, path, "want %s, not %s", want, scenarios.KindName(n))
		return "", false
	}
	return n.Value, true
}

// parsed reads a scalar with parse, NaN on a problem (recorded).
func (d *rulesDecoder) parsed(n *yaml.Node, path, want string, parse func(string) (float64, error)) float64 {
	s, ok := d.scalar(n, path, want)
	if !ok {
		return math.NaN()
	}
	v, err := parse(s)
	if err != nil {
		d.errorf(n, path, "%v", err)
		return math.NaN()
	}
	return v
}

func (d *rulesDecoder) duration(n *yaml.Node, path string) float64 {
	return d.parsed(n, path, "a duration such as 30m or 8h", models.ParseDuration)
}

func (d *rulesDecoder) share(n *yaml.Node, path string) float64 {
	return d.parsed(n, path, "a share such as 0.3 or 30%", models.ParseFraction)
}

func (d *rulesDecoder) number(n *yaml.Node, path string) float64 {
	return d.parsed(n, path, "a number", func(s string) (float64, error) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, fmt.Errorf("want a number, not %q", s)
		}
		return v, nil
	})
}

func (d *rulesDecoder) integer(n *yaml.Node, path string) int {
	v := d.parsed(n, path, "a whole number", func(s string) (float64, error) {
		v, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 10, 32)
		if err != nil {
			return 0, fmt.Errorf("want a whole number, not %q", s)
		}
		return float64(v), nil
	})
	if math.IsNaN(v) {
		return 0
	}
	return int(v)
}

func (d *rulesDecoder) boolean(n *yaml.Node, path string) bool {
	var b bool
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&b) != nil {
		d.errorf(n, path, "want true or false, not %s", scenarios.KindName(n))
	}
	return b
}

// oneOrList decodes a value given once or as a list: each value goes to
// item, at path[i] in a list.
func (d *rulesDecoder) oneOrList(n *yaml.Node, path, what string, item func(n *yaml.Node, path string)) {
	if n.Kind != yaml.SequenceNode {
		item(n, path)
		return
	}
	if len(n.Content) == 0 {
		d.errorf(n, path, "must list at least one %s", what)
	}
	for i, c := range n.Content {
		at := fmt.Sprintf("%s[%d]", path, i)
		c = resolve(c)
		d.nodes[at] = c
		item(c, at)
	}
}

// decodeRules decodes the whole file: one pool (pool, max_part_time,
// shifts at the top) or several (pools), the interval and the objective.
// It returns the pool's name when the file gives one at the top.
func (d *rulesDecoder) decodeRules(n *yaml.Node, r *Rules) string {
	var one PoolRules
	one.MaxPartTime = 1
	var poolNode, shiftsNode, poolsNode, shareNode *yaml.Node
	ok := d.mapping(n, "", []field{
		{"interval", func(n *yaml.Node, p string) { r.Interval = d.duration(n, p) }},
		{"objective", func(n *yaml.Node, p string) { r.Objective = d.decodeObjective(n, p) }},
		{"pool", func(n *yaml.Node, p string) { poolNode = n }},
		{"max_part_time", func(n *yaml.Node, p string) { shareNode = n }},
		{"shifts", func(n *yaml.Node, p string) { shiftsNode = n }},
		{"pools", func(n *yaml.Node, p string) { poolsNode = n }},
	})
	if !ok {
		return ""
	}
	switch {
	case poolsNode != nil && (poolNode != nil || shiftsNode != nil || shareNode != nil):
		d.errorf(poolsNode, "pools", "give one pool (pool and shifts) or pools, not both")
	case poolsNode != nil:
		d.decodePools(poolsNode, r)
	case poolNode == nil && shiftsNode == nil:
		d.errorf(n, "pool", "missing: name the pool (pool: agents) and its shifts, or give pools")
	case poolNode == nil:
		d.errorf(n, "pool", "missing: name the pool the shifts are for (pool: agents)")
	case shiftsNode == nil:
		d.errorf(n, "shifts", "missing: give the pool's shifts")
	default:
		name, ok := d.scalar(poolNode, "pool", "a pool's name")
		if ok && !scenarios.ValidName(name) {
			d.errorf(poolNode, "pool", "%q is not a pool's name: names may use letters, digits, '-' and '_' only", name)
		}
		one.Pool = name
		if shareNode != nil {
			one.MaxPartTime = d.share(shareNode, "max_part_time")
		}
		d.decodeShifts(shiftsNode, "shifts", &one)
		r.Pools = []PoolRules{one}
		return name
	}
	return ""
}

// decodePools decodes pools: a mapping of pool names to {max_part_time,
// shifts}.
func (d *rulesDecoder) decodePools(n *yaml.Node, r *Rules) {
	d.nodes["pools"] = n
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "pools", "want a mapping of pool names to their shifts, not %s", scenarios.KindName(n))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode || !scenarios.ValidName(k.Value) {
			d.errorf(k, "pools", "want a pool's name (letters, digits, '-' and '_'), not %s", scenarios.KindName(k))
			continue
		}
		pr := PoolRules{Pool: k.Value, MaxPartTime: 1}
		path := "pools." + k.Value
		d.mapping(v, path, []field{
			{"max_part_time", func(n *yaml.Node, p string) { pr.MaxPartTime = d.share(n, p) }},
			{"shifts", func(n *yaml.Node, p string) { d.decodeShifts(n, p, &pr) }},
		}, "shifts")
		d.nodes[path] = k
		r.Pools = append(r.Pools, pr)
	}
}

// decodeObjective reads cost, difference, or a mapping of weights.
func (d *rulesDecoder) decodeObjective(n *yaml.Node, path string) Objective {
	if n.Kind == yaml.MappingNode {
		o := Objective{Soft: true}
		d.mapping(n, path, []field{
			{"cost", func(n *yaml.Node, p string) { o.Cost = d.number(n, p) }},
			{"over", func(n *yaml.Node, p string) { o.Over = d.number(n, p) }},
			{"under", func(n *yaml.Node, p string) { o.Under = d.number(n, p) }},
		}, "under")
		return o
	}
	s, ok := d.scalar(n, path, "cost, difference, or weights such as {cost: 1, over: 0, under: 60}")
	switch {
	case !ok:
	case s == "cost":
		return Objective{}
	case s == "difference":
		return Objective{Soft: true, Over: 1, Under: 1}
	default:
		d.errorf(n, path, "want cost, difference, or weights such as {cost: 1, over: 0, under: 60}, not %q", s)
	}
	return Objective{}
}

// decodeShifts decodes a pool's list of shift rules.
func (d *rulesDecoder) decodeShifts(n *yaml.Node, path string, pr *PoolRules) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, path, "want a list of shifts such as [{length: 8h, starts: \"07:00-12:00\"}], not %s", scenarios.KindName(n))
		return
	}
	if len(n.Content) > MaxShiftRules {
		d.errorf(n, path, "lists %d shifts, more than the %d a pool may have", len(n.Content), MaxShiftRules)
		return
	}
	for i, c := range n.Content {
		at := fmt.Sprintf("%s[%d]", path, i)
		c = resolve(c)
		d.nodes[at] = c
		s := ShiftRule{Name: fmt.Sprintf("shift%d", i+1), Days: models.EveryDay, Max: NoMax}
		rest := ""
		var restNode *yaml.Node
		d.mapping(c, at, []field{
			{"name", func(n *yaml.Node, p string) {
				if v, ok := d.scalar(n, p, "a name"); ok {
					if !scenarios.ValidName(v) {
						d.errorf(n, p, "%q is not a name: names may use letters, digits, '-' and '_' only", v)
					}
					s.Name = v
				}
			}},
			{"length", func(n *yaml.Node, p string) {
				d.oneOrList(n, p, "length", func(n *yaml.Node, p string) { s.Lengths = append(s.Lengths, d.duration(n, p)) })
			}},
			{"starts", func(n *yaml.Node, p string) {
				d.oneOrList(n, p, "start", func(n *yaml.Node, p string) {
					if w, ok := d.decodeStarts(n, p); ok {
						s.Starts = append(s.Starts, w)
					}
				})
			}},
			{"lunch", func(n *yaml.Node, p string) {
				b := d.decodeBreak(n, p)
				s.Lunch = &b
			}},
			{"breaks", func(n *yaml.Node, p string) {
				if n.Kind != yaml.SequenceNode {
					d.errorf(n, p, "want a list of breaks such as [{length: 15m, within: 1h-3h}], not %s", scenarios.KindName(n))
					return
				}
				for j, b := range n.Content {
					bp := fmt.Sprintf("%s[%d]", p, j)
					d.nodes[bp] = resolve(b)
					s.Breaks = append(s.Breaks, d.decodeBreak(resolve(b), bp))
				}
			}},
			{"days", func(n *yaml.Node, p string) { s.Days = d.decodeDays(n, p) }},
			{"days_per_week", func(n *yaml.Node, p string) { s.DaysPerWeek = d.integer(n, p) }},
			{"rest_days", func(n *yaml.Node, p string) { rest, _ = d.scalar(n, p, "together or any"); restNode = n }},
			{"cost_per_hour", func(n *yaml.Node, p string) { s.CostPerHour = d.number(n, p) }},
			{"min", func(n *yaml.Node, p string) { s.Min = d.integer(n, p) }},
			{"max", func(n *yaml.Node, p string) { s.Max = d.integer(n, p) }},
			{"part_time", func(n *yaml.Node, p string) { s.PartTime = d.boolean(n, p) }},
		}, "length", "starts")
		switch rest {
		case "together":
			s.RestTogether = true
		case "any":
		case "":
			// Days off together, as contracts mostly want, unless said.
			s.RestTogether = s.DaysPerWeek > 0
		default:
			d.errorf(restNode, at+".rest_days", "want together or any, not %q", rest)
		}
		pr.Shifts = append(pr.Shifts, s)
	}
}

// decodeStarts reads a window of starts: "08:00", "07:00-12:00" or
// "07:00-12:00 every 30m" (every interval, if not said).
func (d *rulesDecoder) decodeStarts(n *yaml.Node, path string) (Starts, bool) {
	const want = "start times such as \"08:00\", \"07:00-12:00\" or \"07:00-12:00 every 30m\""
	text, ok := d.scalar(n, path, want)
	if !ok {
		return Starts{}, false
	}
	span, every, hasEvery := strings.Cut(strings.TrimSpace(text), " every ")
	var w Starts
	from, to, isRange := strings.Cut(span, "-")
	var err error
	if w.From, err = scenarios.ParseClock(from); err != nil {
		d.errorf(n, path, "want %s: %v", want, err)
		return w, false
	}
	w.To = w.From
	if isRange {
		if w.To, err = scenarios.ParseClock(to); err != nil {
			d.errorf(n, path, "want %s: %v", want, err)
			return w, false
		}
		if w.To == 86400 {
			d.errorf(n, path, "starts run to 23:59 at the latest: a shift starting at 24:00 starts at 00:00 the next day")
			return w, false
		}
	}
	if hasEvery {
		if w.Every, err = models.ParseDuration(strings.TrimSpace(every)); err != nil {
			d.errorf(n, path, "%v", err)
			return w, false
		}
		if !(w.Every > 0) {
			d.errorf(n, path, "must start every positive duration, not %s", strings.TrimSpace(every))
			return w, false
		}
	}
	return w, true
}

// decodeBreak reads a break: {length: 30m, within: 3h-5h}.
func (d *rulesDecoder) decodeBreak(n *yaml.Node, path string) Break {
	var b Break
	d.mapping(n, path, []field{
		{"length", func(n *yaml.Node, p string) { b.Length = d.duration(n, p) }},
		{"within", func(n *yaml.Node, p string) {
			const want = "a window after the shift's start, such as 3h-5h"
			text, ok := d.scalar(n, p, want)
			if !ok {
				return
			}
			from, to, ok := strings.Cut(text, "-")
			if !ok {
				d.errorf(n, p, "want %s, not %q", want, text)
				return
			}
			var err1, err2 error
			b.From, err1 = models.ParseDuration(strings.TrimSpace(from))
			b.To, err2 = models.ParseDuration(strings.TrimSpace(to))
			if err := errors.Join(err1, err2); err != nil {
				d.errorf(n, p, "want %s: %v", want, err)
				b.From, b.To = 0, math.Inf(1)
			}
		}},
	}, "length", "within")
	return b
}

// decodeDays reads days as a span's: a text, or a list of texts.
func (d *rulesDecoder) decodeDays(n *yaml.Node, path string) models.Days {
	var days models.Days
	bad := false
	d.oneOrList(n, path, "day", func(n *yaml.Node, p string) {
		s, ok := d.scalar(n, p, "days such as mon-fri, weekend or [mon, wed]")
		if !ok {
			bad = true
			return
		}
		ds, err := scenarios.ParseDays(s)
		if err != nil {
			d.errorf(n, p, "%v", err)
			bad = true
			return
		}
		for i, on := range ds {
			days[i] = days[i] || on
		}
	})
	if bad && days == (models.Days{}) {
		return models.EveryDay // reported already
	}
	return days
}
