package scenarios

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// decoder walks a YAML tree, collecting every problem with its position and
// remembering where each field was written, so that problems found later
// (by models' validation) can be placed too.
type decoder struct {
	file   string
	errs   Errors
	nodes  map[string]*yaml.Node // field path → the node it was read from
	origin map[*yaml.Node]string // nodes written by --set → the override
	// foreign maps the nodes read from another file the scenario names
	// (its roster) to that file, whose lines and columns they hold.
	foreign map[*yaml.Node]string
	// alias maps the path models gives a field to the path it was written
	// at, where the file wrote a short form: a single span for a list of
	// them ("open[0]" → "open"), a weekday factor by list position
	// ("weekdays.sat" → "weekdays[5]"), one resolution for every issue.
	alias map[string]string
	// doubtful lists fields whose problems found by models are not worth
	// reporting, because something they depend on could not be read: a
	// channel whose kind is wrong would be judged as a live one.
	doubtful []string
	// lenient is set when --set overrides are applied: claims whose days
	// no longer fit the run are then kept in claimErrs, not errs, so that
	// a shortened run of a scenario still loads (its story cannot be
	// told, and omnisim demo says why).
	lenient   bool
	claimErrs Errors
	// attached are the files the scenario names and was read with.
	attached []attachment
	// poolChanges are the pools' add and scale, applied once the staffing
	// table is read.
	poolChanges []poolChange
	// schema is set in schema mode (schema.go), in which the decoder reads
	// nothing but describes what it would accept.
	schema *schemaWalk
}

func newDecoder(file string) *decoder {
	return &decoder{file: file, nodes: map[string]*yaml.Node{}, origin: map[*yaml.Node]string{}, foreign: map[*yaml.Node]string{},
		alias: map[string]string{}}
}

// errorf records a problem at node n, the value of field path.
func (d *decoder) errorf(n *yaml.Node, path, format string, args ...any) {
	if d.schema != nil {
		return // values made up to walk the format have no problems worth a word
	}
	e := &Error{File: d.file, Path: path, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		if o, ok := d.origin[n]; ok {
			e.File = o
		} else {
			if f, ok := d.foreign[n]; ok {
				e.File = f
			}
			e.Line, e.Column = n.Line, n.Column
		}
	}
	d.errs = append(d.errs, e)
}

// sort orders the problems by position in the file, those from --set
// overrides last, keeping the order of problems at the same place.
func (d *decoder) sort() {
	slices.SortStableFunc(d.errs, func(a, b *Error) int {
		if x, y := a.File != d.file, b.File != d.file; x != y {
			if x {
				return 1
			}
			return -1
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
}

// reported tells whether one of the first n problems is about the field at
// path or one that contains it, or whether the field is doubtful.
func (d *decoder) reported(path string, n int) bool {
	for _, e := range d.errs[:n] {
		if e.Path == "" || within(path, e.Path) {
			return true
		}
	}
	return slices.ContainsFunc(d.doubtful, func(p string) bool { return within(path, p) })
}

// within tells whether path is the field outer or one inside it.
func within(path, outer string) bool {
	return path == outer || strings.HasPrefix(path, outer+".") || strings.HasPrefix(path, outer+"[")
}

// at returns the node a field path was read from and that path, or the
// nearest enclosing field's when the field itself was not written (a
// default, or a single value standing for a list).
func (d *decoder) at(path string) (*yaml.Node, string) {
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

// canonical rewrites a path as models names a field into the path it was
// written at, following the longest alias that is a prefix of it.
func (d *decoder) canonical(path string) string {
	for i := len(path); i > 0; i-- {
		if i < len(path) && path[i] != '.' && path[i] != '[' {
			continue
		}
		if to, ok := d.alias[path[:i]]; ok {
			return to + path[i:]
		}
	}
	return path
}

// resolve follows aliases.
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

// KindName says in words what a YAML value is, for messages: a mapping, a
// list, an alias, nothing, or a scalar's text quoted. fit's column map
// words its problems with it too.
func KindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "an unexpected value"
}

// field is one key a mapping accepts.
type field struct {
	key    string
	decode func(n *yaml.Node, path string)
}

// mapping decodes a mapping node field by field, in the order written.
// Unknown and repeated keys are problems; required keys missing are too.
func (d *decoder) mapping(n *yaml.Node, path string, fields []field, required ...string) {
	n = resolve(n)
	d.nodes[path] = n
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "want a mapping of keys to values, not %s", KindName(n))
		return
	}
	if d.schema != nil {
		d.describe(path, d.mappingSchema(path, fields, required))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, path, "keys must be plain names, not %s", KindName(k))
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
			d.errorf(k, at, "unknown key%s", suggest(k.Value, fields))
			continue
		}
		d.nodes[at] = resolve(v)
		fields[j].decode(resolve(v), at)
	}
	for _, r := range required {
		if !seen[r] {
			d.errorf(n, join(path, r), "missing")
		}
	}
}

// entries decodes a mapping of user-chosen names (channels, pools, issues),
// in the order written; decode gets each name's key node and value.
func (d *decoder) entries(n *yaml.Node, path string, decode func(key, n *yaml.Node, path string)) {
	n = resolve(n)
	d.nodes[path] = n
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "want a mapping of names to settings, not %s", KindName(n))
		return
	}
	if d.schema != nil {
		d.describe(path, d.namesSchema(path, namePattern, func(v *yaml.Node, p string) { decode(nameHolder(), v, p) }))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode || k.Value == "" {
			d.errorf(k, path, "names must be plain, non-empty words, not %s", KindName(k))
			continue
		}
		at := join(path, k.Value)
		if !ValidName(k.Value) {
			// Still decode what it holds, so that its problems are found
			// too and nothing else reports it missing.
			d.errorf(k, at, "names may use letters, digits, '-' and '_' only")
		}
		if seen[k.Value] {
			d.errorf(k, at, "given twice")
			continue
		}
		seen[k.Value] = true
		d.nodes[at] = v
		decode(k, v, at)
	}
}

// namePattern is the JSON Schema of the names ValidName takes (NameRune's
// runes, at least one: TestNamePatternIsNameRune).
var namePattern = newSchema().set("type", "string").set("pattern", nameRegexp)

// nameRegexp is ValidName as a regular expression, for the schema.
const nameRegexp = "^[A-Za-z0-9_-]+$"

// A form is a way of writing a scalar value: a duration, a share, a day
// of the week... want says it for messages ("want a duration such as 20s,
// 5m or 8h, not a list"); def names the JSON Schema of the texts it takes,
// in the scenario schema's $defs (valueDefs, in schema.go), which forms
// that take the same texts share.
type form struct{ want, def string }

// The forms of the scenario format.
var (
	textForm       = form{"text", "text"}
	durationForm   = form{"a duration such as 20s, 5m or 8h", "duration"}
	finiteForm     = form{durationForm.want, "finite-duration"}
	shareForm      = form{"a share such as 0.8 or 80%", "share"}
	issueShareForm = form{"a share such as 60%, or a mapping such as {share: 60%, handle_factor: 1.5}", "share"}
	rateForm       = form{"a rate such as 200/h", "rate"}
	numberForm     = form{"a number", "number"}
	integerForm    = form{"a whole number", "integer"}
	addForm        = form{"a whole number of agents such as 1 or -2", "integer"}
	booleanForm    = form{"true or false", "boolean"}
	seedForm       = form{"a whole number ≥ 0", "seed"}
	weekdayForm    = form{"a day of the week", "weekday"}
	daysForm       = form{"days such as mon-fri, weekend or [mon, wed]", "days"}
	hoursForm      = form{"hours such as 08:00-20:00", "hours"}
	scaleForm      = form{"a factor such as 1.1 or 110%", "scale"}
	amountForm     = form{"a number or a percentage", "amount"}
	claimDaysForm  = form{"days such as week 1, days 2-8 or day 3", "claim-days"}
	staffingForm   = form{"the name of a CSV file, such as staffing.csv", "file"}
	forecastForm   = form{"the name of a CSV file, such as forecast.csv", "file"}
)

// scalar returns the text of a scalar node, or records a problem. In
// schema mode it describes the value as f, and reads nothing.
func (d *decoder) scalar(n *yaml.Node, path string, f form) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errorf(n, path, "want %s, not %s", f.want, KindName(n))
		return "", false
	}
	if d.schema != nil {
		d.describe(path, d.ref(f.def))
		return "", false
	}
	return n.Value, true
}

func (d *decoder) str(n *yaml.Node, path string) string {
	s, _ := d.scalar(n, path, textForm)
	return s
}

// word reads text that should be one of words (a keyword such as live or
// cutoff): the text written, and whether it is one of them. A value that
// is not text is reported, and read as "".
func (d *decoder) word(n *yaml.Node, path string, words ...string) (string, bool) {
	if d.schema != nil && n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		d.describe(path, newSchema().set("enum", words))
		return "", false
	}
	v := d.str(n, path)
	return v, slices.Contains(words, v)
}

// parsed reads a scalar with parse; on any problem it records it and
// returns NaN, which validation then leaves alone (the field is reported).
func (d *decoder) parsed(n *yaml.Node, path string, f form, parse func(string) (float64, error)) float64 {
	s, ok := d.scalar(n, path, f)
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

func (d *decoder) duration(n *yaml.Node, path string) float64 {
	return d.parsed(n, path, durationForm, models.ParseDuration)
}

func (d *decoder) fraction(n *yaml.Node, path string) float64 {
	return d.parsed(n, path, shareForm, models.ParseFraction)
}

func (d *decoder) rate(n *yaml.Node, path string) float64 {
	return d.parsed(n, path, rateForm, models.ParseRate)
}

func (d *decoder) number(n *yaml.Node, path string) float64 {
	return d.parsed(n, path, numberForm, func(s string) (float64, error) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, fmt.Errorf("want a number, not %q", s)
		}
		return v, nil
	})
}

func (d *decoder) integer(n *yaml.Node, path string) int {
	v := d.parsed(n, path, integerForm, func(s string) (float64, error) {
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

// boolean reads true or false. YAML's own booleans are accepted as the
// parser reads them (true, True, TRUE...); anything else is a problem.
func (d *decoder) boolean(n *yaml.Node, path string) bool {
	if d.schema != nil && n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		d.describe(path, d.ref(booleanForm.def))
		return false
	}
	var b bool
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&b) != nil {
		d.errorf(n, path, "want %s, not %s", booleanForm.want, KindName(n))
		return false
	}
	return b
}

// list decodes a sequence node item by item.
func (d *decoder) list(n *yaml.Node, path string, item func(n *yaml.Node, path string)) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, path, "want a list, not %s", KindName(n))
		return
	}
	if d.schema != nil {
		d.describe(path, newSchema().set("type", "array").set("items", d.probe(path+"[]", item)))
		return
	}
	for i, c := range n.Content {
		at := fmt.Sprintf("%s[%d]", path, i)
		c = resolve(c)
		d.nodes[at] = c
		item(c, at)
	}
}

// nonEmptyList decodes a sequence node as list does, and reports an empty
// one with msg.
func (d *decoder) nonEmptyList(n *yaml.Node, path, msg string, item func(n *yaml.Node, path string)) {
	d.list(n, path, item)
	if n.Kind == yaml.SequenceNode && len(n.Content) == 0 {
		d.errorf(n, path, "%s", msg)
	}
	if s := d.described(path); s != nil {
		s.set("minItems", 1)
	}
}

// later is the decode of a key whose value, written as f, is read once
// the rest of its mapping is: it keeps the value in *at. In schema mode it
// describes the value as f.
func (d *decoder) later(at **yaml.Node, f form) func(n *yaml.Node, path string) {
	return func(n *yaml.Node, path string) {
		if d.schema != nil {
			d.scalar(n, path, f)
			return
		}
		*at = n
	}
}

// elsewhere is the decode of a key whose value is read before or after
// the rest of its mapping: nothing. In schema mode it is describe, which
// describes the value there.
func (d *decoder) elsewhere(describe func(n *yaml.Node, path string)) func(n *yaml.Node, path string) {
	if d.schema != nil {
		return describe
	}
	return func(*yaml.Node, string) {}
}

// suggest returns ` (did you mean "x"?)` for the known key closest to an
// unknown one, or a list of the known keys when none is close.
func suggest(key string, fields []field) string {
	best, bestDist := "", 3
	var keys []string
	for _, f := range fields {
		keys = append(keys, f.key)
		if dist := editDistance(strings.ToLower(key), f.key); dist < bestDist {
			best, bestDist = f.key, dist
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	sort.Strings(keys)
	return " (known keys: " + strings.Join(keys, ", ") + ")"
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
