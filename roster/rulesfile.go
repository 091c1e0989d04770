package roster

import (
	"errors"
	"fmt"
	"math"
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
	// read places the problems found after reading at their fields.
	read *scenarios.Strict
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
	d := rulesDecoder{scenarios.NewStrict(file)}
	f := &File{Name: file, read: d.Strict}
	f.short = d.decodeRules(root, &f.Rules)
	if errs := d.Errors(); errs != nil {
		return nil, errs
	}
	if err := f.Place(f.Rules.Check(0)); err != nil {
		return nil, err
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
	placed := f.read.Fresh()
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
		placed.Place(path, p.Msg)
	}
	return placed.Errors()
}

// rulesDecoder walks a rules file's YAML tree with the scenarios' strict
// decoder, collecting every problem with its position.
type rulesDecoder struct {
	*scenarios.Strict
}

// field is one key a mapping accepts.
type field = scenarios.Field

// oneOrList decodes a value given once or as a list: each value goes to
// item, at path[i] in a list.
func (d *rulesDecoder) oneOrList(n *yaml.Node, path, what string, item func(n *yaml.Node, path string)) {
	if n.Kind != yaml.SequenceNode {
		item(n, path)
		return
	}
	if len(n.Content) == 0 {
		d.Errorf(n, path, "must list at least one %s", what)
	}
	for i, c := range n.Content {
		at := fmt.Sprintf("%s[%d]", path, i)
		c = scenarios.Resolve(c)
		d.Remember(at, c)
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
	ok := d.Mapping(n, "", []field{
		{Key: "interval", Decode: func(n *yaml.Node, p string) { r.Interval = d.Duration(n, p) }},
		{Key: "objective", Decode: func(n *yaml.Node, p string) { r.Objective = d.decodeObjective(n, p) }},
		{Key: "pool", Decode: func(n *yaml.Node, p string) { poolNode = n }},
		{Key: "max_part_time", Decode: func(n *yaml.Node, p string) { shareNode = n }},
		{Key: "shifts", Decode: func(n *yaml.Node, p string) { shiftsNode = n }},
		{Key: "pools", Decode: func(n *yaml.Node, p string) { poolsNode = n }},
	})
	if !ok {
		return ""
	}
	switch {
	case poolsNode != nil && (poolNode != nil || shiftsNode != nil || shareNode != nil):
		d.Errorf(poolsNode, "pools", "give one pool (pool and shifts) or pools, not both")
	case poolsNode != nil:
		d.decodePools(poolsNode, r)
	case poolNode == nil && shiftsNode == nil:
		d.Errorf(n, "pool", "missing: name the pool (pool: agents) and its shifts, or give pools")
	case poolNode == nil:
		d.Errorf(n, "pool", "missing: name the pool the shifts are for (pool: agents)")
	case shiftsNode == nil:
		d.Errorf(n, "shifts", "missing: give the pool's shifts")
	default:
		name, ok := d.Scalar(poolNode, "pool", "a pool's name")
		if ok && !scenarios.ValidName(name) {
			d.Errorf(poolNode, "pool", "%q is not a pool's name: names may use letters, digits, '-' and '_' only", name)
		}
		one.Pool = name
		if shareNode != nil {
			one.MaxPartTime = d.Share(shareNode, "max_part_time")
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
	d.Remember("pools", n)
	if n.Kind != yaml.MappingNode {
		d.Errorf(n, "pools", "want a mapping of pool names to their shifts, not %s", scenarios.KindName(n))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := scenarios.Resolve(n.Content[i]), scenarios.Resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode || !scenarios.ValidName(k.Value) {
			d.Errorf(k, "pools", "want a pool's name (letters, digits, '-' and '_'), not %s", scenarios.KindName(k))
			continue
		}
		pr := PoolRules{Pool: k.Value, MaxPartTime: 1}
		path := "pools." + k.Value
		d.Mapping(v, path, []field{
			{Key: "max_part_time", Decode: func(n *yaml.Node, p string) { pr.MaxPartTime = d.Share(n, p) }},
			{Key: "shifts", Decode: func(n *yaml.Node, p string) { d.decodeShifts(n, p, &pr) }},
		}, "shifts")
		d.Remember(path, k)
		r.Pools = append(r.Pools, pr)
	}
}

// decodeObjective reads cost, difference, or a mapping of weights.
func (d *rulesDecoder) decodeObjective(n *yaml.Node, path string) Objective {
	if n.Kind == yaml.MappingNode {
		o := Objective{Soft: true}
		d.Mapping(n, path, []field{
			{Key: "cost", Decode: func(n *yaml.Node, p string) { o.Cost = d.Number(n, p) }},
			{Key: "over", Decode: func(n *yaml.Node, p string) { o.Over = d.Number(n, p) }},
			{Key: "under", Decode: func(n *yaml.Node, p string) { o.Under = d.Number(n, p) }},
		}, "under")
		return o
	}
	s, ok := d.Scalar(n, path, "cost, difference, or weights such as {cost: 1, over: 0, under: 60}")
	switch {
	case !ok:
	case s == "cost":
		return Objective{}
	case s == "difference":
		return Objective{Soft: true, Over: 1, Under: 1}
	default:
		d.Errorf(n, path, "want cost, difference, or weights such as {cost: 1, over: 0, under: 60}, not %q", s)
	}
	return Objective{}
}

// decodeShifts decodes a pool's list of shift rules.
func (d *rulesDecoder) decodeShifts(n *yaml.Node, path string, pr *PoolRules) {
	if n.Kind != yaml.SequenceNode {
		d.Errorf(n, path, "want a list of shifts such as [{length: 8h, starts: \"07:00-12:00\"}], not %s", scenarios.KindName(n))
		return
	}
	if len(n.Content) > MaxShiftRules {
		d.Errorf(n, path, "lists %d shifts, more than the %d a pool may have", len(n.Content), MaxShiftRules)
		return
	}
	for i, c := range n.Content {
		at := fmt.Sprintf("%s[%d]", path, i)
		c = scenarios.Resolve(c)
		d.Remember(at, c)
		s := ShiftRule{Name: fmt.Sprintf("shift%d", i+1), Days: models.EveryDay, Max: NoMax}
		rest := ""
		var restNode *yaml.Node
		d.Mapping(c, at, []field{
			{Key: "name", Decode: func(n *yaml.Node, p string) {
				if v, ok := d.Scalar(n, p, "a name"); ok {
					if !scenarios.ValidName(v) {
						d.Errorf(n, p, "%q is not a name: names may use letters, digits, '-' and '_' only", v)
					}
					s.Name = v
				}
			}},
			{Key: "length", Decode: func(n *yaml.Node, p string) {
				d.oneOrList(n, p, "length", func(n *yaml.Node, p string) { s.Lengths = append(s.Lengths, d.Duration(n, p)) })
			}},
			{Key: "starts", Decode: func(n *yaml.Node, p string) {
				d.oneOrList(n, p, "start", func(n *yaml.Node, p string) {
					if w, ok := d.decodeStarts(n, p); ok {
						s.Starts = append(s.Starts, w)
					}
				})
			}},
			{Key: "lunch", Decode: func(n *yaml.Node, p string) {
				b := d.decodeBreak(n, p)
				s.Lunch = &b
			}},
			{Key: "breaks", Decode: func(n *yaml.Node, p string) {
				if n.Kind != yaml.SequenceNode {
					d.Errorf(n, p, "want a list of breaks such as [{length: 15m, within: 1h-3h}], not %s", scenarios.KindName(n))
					return
				}
				for j, b := range n.Content {
					bp := fmt.Sprintf("%s[%d]", p, j)
					d.Remember(bp, scenarios.Resolve(b))
					s.Breaks = append(s.Breaks, d.decodeBreak(scenarios.Resolve(b), bp))
				}
			}},
			{Key: "days", Decode: func(n *yaml.Node, p string) { s.Days = d.Days(n, p) }},
			{Key: "days_per_week", Decode: func(n *yaml.Node, p string) { s.DaysPerWeek = d.Integer(n, p) }},
			{Key: "rest_days", Decode: func(n *yaml.Node, p string) { rest, _ = d.Scalar(n, p, "together or any"); restNode = n }},
			{Key: "cost_per_hour", Decode: func(n *yaml.Node, p string) { s.CostPerHour = d.Number(n, p) }},
			{Key: "min", Decode: func(n *yaml.Node, p string) { s.Min = d.Integer(n, p) }},
			{Key: "max", Decode: func(n *yaml.Node, p string) { s.Max = d.Integer(n, p) }},
			{Key: "part_time", Decode: func(n *yaml.Node, p string) { s.PartTime = d.Boolean(n, p) }},
		}, "length", "starts")
		switch rest {
		case "together":
			s.RestTogether = true
		case "any":
		case "":
			// Days off together, as contracts mostly want, unless said.
			s.RestTogether = s.DaysPerWeek > 0
		default:
			d.Errorf(restNode, at+".rest_days", "want together or any, not %q", rest)
		}
		pr.Shifts = append(pr.Shifts, s)
	}
}

// decodeStarts reads a window of starts: "08:00", "07:00-12:00" or
// "07:00-12:00 every 30m" (every interval, if not said).
func (d *rulesDecoder) decodeStarts(n *yaml.Node, path string) (Starts, bool) {
	const want = "start times such as \"08:00\", \"07:00-12:00\" or \"07:00-12:00 every 30m\""
	text, ok := d.Scalar(n, path, want)
	if !ok {
		return Starts{}, false
	}
	span, every, hasEvery := strings.Cut(strings.TrimSpace(text), " every ")
	var w Starts
	from, to, isRange := strings.Cut(span, "-")
	var err error
	if w.From, err = scenarios.ParseClock(from); err != nil {
		d.Errorf(n, path, "want %s: %v", want, err)
		return w, false
	}
	w.To = w.From
	if isRange {
		if w.To, err = scenarios.ParseClock(to); err != nil {
			d.Errorf(n, path, "want %s: %v", want, err)
			return w, false
		}
		if w.To == 86400 {
			d.Errorf(n, path, "starts run to 23:59 at the latest: a shift starting at 24:00 starts at 00:00 the next day")
			return w, false
		}
	}
	if hasEvery {
		if w.Every, err = models.ParseDuration(strings.TrimSpace(every)); err != nil {
			d.Errorf(n, path, "%v", err)
			return w, false
		}
		if !(w.Every > 0) {
			d.Errorf(n, path, "must start every positive duration, not %s", strings.TrimSpace(every))
			return w, false
		}
	}
	return w, true
}

// decodeBreak reads a break: {length: 30m, within: 3h-5h}.
func (d *rulesDecoder) decodeBreak(n *yaml.Node, path string) Break {
	var b Break
	d.Mapping(n, path, []field{
		{Key: "length", Decode: func(n *yaml.Node, p string) { b.Length = d.Duration(n, p) }},
		{Key: "within", Decode: func(n *yaml.Node, p string) {
			const want = "a window after the shift's start, such as 3h-5h"
			text, ok := d.Scalar(n, p, want)
			if !ok {
				return
			}
			from, to, ok := strings.Cut(text, "-")
			if !ok {
				d.Errorf(n, p, "want %s, not %q", want, text)
				return
			}
			var err1, err2 error
			b.From, err1 = models.ParseDuration(strings.TrimSpace(from))
			b.To, err2 = models.ParseDuration(strings.TrimSpace(to))
			if err := errors.Join(err1, err2); err != nil {
				d.Errorf(n, p, "want %s: %v", want, err)
				b.From, b.To = 0, math.Inf(1)
			}
		}},
	}, "length", "within")
	return b
}
