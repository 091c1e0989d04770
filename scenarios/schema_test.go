package scenarios

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// The scenario schema is checked with a validator written apart from
// omnisim (github.com/santhosh-tekuri/jsonschema), on YAML converted to
// JSON as an editor's YAML language server converts it: a plain 12 is a
// number, true a boolean, 80% text.

// compileSchema compiles Schema(), and the definitions named ("" for the
// whole schema).
func compileSchema(t *testing.T, names ...string) map[string]*jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schemaID, doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]*jsonschema.Schema{}
	for _, name := range names {
		loc := schemaID
		if name != "" {
			loc += "#/$defs/" + name
		}
		sch, err := c.Compile(loc)
		if err != nil {
			t.Fatalf("the schema does not compile: %v", err)
		}
		out[name] = sch
	}
	return out
}

// yamlValue is the value of a YAML node as JSON has it: mappings (keys as
// written), lists, and scalars as YAML resolves them.
func yamlValue(n *yaml.Node) (any, error) {
	n = resolve(n)
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return yamlValue(n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := yamlValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[resolve(n.Content[i]).Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			v, err := yamlValue(c)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	case yaml.ScalarNode:
		var v any
		err := n.Decode(&v)
		return v, err
	}
	return nil, fmt.Errorf("a YAML node of kind %v", n.Kind)
}

// validate validates YAML text (a whole document) against sch, through
// JSON.
func validate(sch *jsonschema.Schema, text []byte) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return err
	}
	return validateNode(sch, &doc)
}

func validateNode(sch *jsonschema.Schema, n *yaml.Node) error {
	v, err := yamlValue(n)
	if err != nil {
		return err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// place puts v in the YAML tree n at path, a list of steps: a key, "*"
// for the first entry of a mapping of names, "[]" for a list's first
// item; what is missing on the way is made. It returns the path as the
// decoder names it ("channels.phone.open[0]").
func place(n *yaml.Node, path []string, v *yaml.Node) string {
	if n.Kind == yaml.DocumentNode {
		return place(n.Content[0], path, v)
	}
	if len(path) == 0 {
		*n = *v
		return ""
	}
	step, rest := path[0], path[1:]
	if step == "[]" {
		if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
			*n = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}}
		}
		return "[0]" + dotted(place(n.Content[0], rest, v))
	}
	if n.Kind != yaml.MappingNode {
		*n = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if step == "*" || n.Content[i].Value == step {
			return n.Content[i].Value + dotted(place(n.Content[i+1], rest, v))
		}
	}
	if step == "*" {
		step = "x"
	}
	n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: step}, &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"})
	return step + dotted(place(n.Content[len(n.Content)-1], rest, v))
}

// dotted returns the rest of a path after a step: ".key", "[0]..." or "".
func dotted(rest string) string {
	if rest == "" || strings.HasPrefix(rest, "[") {
		return rest
	}
	return "." + rest
}

// yamlNode parses YAML text into a node (the value, not the document).
func yamlNode(t *testing.T, text string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
	}
	return doc.Content[0]
}

// schemaBase is a scenario with an entry in each mapping of names that
// the schema's objects lie under, for TestSchemaKeysAreTheDecoders.
const schemaBase = `horizon: 1d
issues:
  billing: 60%
  other: {share: 40%}
channels:
  phone:
    arrivals: {rate: 100/h}
    handle_time: 3m
    handle_times: {billing: 4m}
    wrap_times: {billing: 1m}
pools:
  agents:
    skills: [phone]
    agents: 5
`

// TestSchemaKeysAreTheDecoders walks every object of the schema (through
// its definitions and every branch of a oneOf) and puts, at the same place
// of a scenario, a mapping with one unknown key: the decoder must read a
// mapping there, refuse the key and list as known exactly the keys the
// schema lists (those that do not apply there, false in the schema,
// included), and report missing exactly the keys the schema requires. So
// the schema has every key the decoder has, no other, and the same
// required keys: a key added to the decoder without reaching the schema,
// or a mapping the schema closes and the decoder does not, fails here.
//
// Seen to catch: mappingSchema leaving out a mapping's last field (noise
// of demand, forecast at the top), or the required keys of a mapping that
// requires one (share of an issue, skills of a pool: len(required) > 0
// made <=); additionalProperties left out; dist describing the family
// never for every distribution but patience (kind != Never made ==).
func TestSchemaKeysAreTheDecoders(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(Schema(), &doc); err != nil {
		t.Fatal(err)
	}
	defs := doc["$defs"].(map[string]any)
	objects := 0
	var walk func(s any, path []string)
	walk = func(s any, path []string) {
		m, ok := s.(map[string]any)
		if !ok {
			return
		}
		if ref, ok := m["$ref"].(string); ok {
			walk(defs[strings.TrimPrefix(ref, "#/$defs/")], path)
		}
		for _, b := range asList(m["oneOf"]) {
			walk(b, path)
		}
		if items, ok := m["items"]; ok {
			walk(items, append(slices.Clip(path), "[]"))
		}
		if v, ok := m["additionalProperties"].(map[string]any); ok {
			walk(v, append(slices.Clip(path), "*"))
		}
		props, ok := m["properties"].(map[string]any)
		if !ok {
			return
		}
		objects++
		checkKeys(t, path, m, props)
		for k, v := range props {
			walk(v, append(slices.Clip(path), k))
		}
	}
	walk(any(doc), nil)
	if objects < 30 {
		t.Errorf("walked %d objects of the schema, want at least 30", objects)
	}
}

// checkKeys checks the object m of the schema, with its properties, at
// path against the decoder (TestSchemaKeysAreTheDecoders).
func checkKeys(t *testing.T, path []string, m, props map[string]any) {
	t.Helper()
	const unknown = "zzzzzzzz"
	probe := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	add := func(k, v string) {
		probe.Content = append(probe.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v})
	}
	given := map[string]bool{}
	if dist, ok := props["dist"].(map[string]any); ok {
		// A distribution's mapping is read once its family is known.
		add("dist", asList(dist["examples"])[0].(string))
		given["dist"] = true
	}
	add(unknown, "1")
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(schemaBase), &doc); err != nil {
		t.Fatal(err)
	}
	at := place(&doc, path, probe)
	where := "the top level"
	if at != "" {
		where = at
	}
	text, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Parse("t.yaml", "t", text, nil)
	var known []string
	var missing []string
	reached := false
	for _, e := range asErrors(err) {
		switch {
		case e.Path == join(at, unknown):
			list, ok := strings.CutPrefix(e.Msg, "unknown key (known keys: ")
			if !ok {
				t.Errorf("%s: %s: %s, want an unknown key with the known keys listed", where, e.Path, e.Msg)
				continue
			}
			reached = true
			known = strings.Split(strings.TrimSuffix(list, ")"), ", ")
		case e.Msg == "missing" && strings.HasPrefix(e.Path, join(at, "")) && !strings.ContainsAny(e.Path[len(join(at, "")):], ".["):
			missing = append(missing, e.Path[len(join(at, "")):])
		}
	}
	if !reached {
		t.Errorf("%s: the schema has an object of keys here, and the decoder refused no unknown key there:\n%s\n%v", where, text, err)
		return
	}
	var keys []string
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if !slices.Equal(keys, known) {
		t.Errorf("%s: the schema has the keys %v, the decoder knows %v", where, keys, known)
	}
	if m["additionalProperties"] != false {
		t.Errorf("%s: the decoder refuses other keys, the schema does not (additionalProperties %v)", where, m["additionalProperties"])
	}
	var required []string
	for _, r := range asList(m["required"]) {
		if !given[r.(string)] {
			required = append(required, r.(string))
		}
	}
	sort.Strings(required)
	sort.Strings(missing)
	if !slices.Equal(required, missing) {
		t.Errorf("%s: the schema requires %v (besides what was given), the decoder reports missing %v", where, required, missing)
	}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// asErrors returns the problems of a Parse error.
func asErrors(err error) Errors {
	es, _ := err.(Errors)
	return es
}

// TestSchemaAcceptsWhatTheDecoderAccepts validates every scenario the
// repository holds against the schema: the built-ins, the YAML files under
// testdata (here, cmd/omnisim's, fit's) and examples, and those of
// cmd/omnisim's corpus of broken inputs. A file the decoder accepts must
// validate: the schema may not refuse what omnisim reads, or an editor
// would mark good files as wrong. And the files that show mistakes (bad.yaml,
// several-problems.yaml, an empty file) must not.
//
// Seen to catch: a rate's period without a number refused (200/h), or one
// with one (100/30m); a share's percent sign refused (80%); the schema
// mode of dist describing one family for all.
func TestSchemaAcceptsWhatTheDecoderAccepts(t *testing.T) {
	sch := compileSchema(t, "")[""]
	accepted := 0
	check := func(name string, text []byte, loadErr error) {
		if loadErr != nil {
			return
		}
		accepted++
		if err := validate(sch, text); err != nil {
			t.Errorf("%s: omnisim reads it, the schema refuses it:\n%v", name, err)
		}
	}
	for _, b := range Builtins() {
		text, err := BuiltinSource(b.Name)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Builtin(b.Name, nil)
		if err != nil {
			t.Errorf("builtin:%s does not load: %v", b.Name, err)
		}
		check("builtin:"+b.Name, text, err)
	}
	var files []string
	for _, pattern := range []string{"testdata/*.yaml", "../cmd/omnisim/testdata/*.yaml", "../examples/*.yaml", "../fit/testdata/*.yaml"} {
		found, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, found...)
	}
	cases, err := filepath.Glob("../cmd/omnisim/testdata/broken/*.case")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		files = append(files, caseFiles(t, c)...)
	}
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Load(f, nil)
		check(f, text, err)
	}
	t.Logf("%d files omnisim reads, of %d", accepted, len(files)+len(Builtins()))
	if min := len(Builtins()) + 20; accepted < min {
		t.Errorf("%d files that omnisim reads, want at least %d", accepted, min)
	}
	for _, f := range []string{"../cmd/omnisim/testdata/several-problems.yaml", "../examples/bad.yaml", "../cmd/omnisim/testdata/empty.yaml"} {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Load(f, nil); err == nil {
			t.Errorf("%s: omnisim reads it, a file meant to show mistakes", f)
		}
		if err := validate(sch, text); err == nil {
			t.Errorf("%s: the schema accepts a file with mistakes", f)
		}
	}
}

// caseFiles writes the files of a case of cmd/omnisim's corpus of broken
// inputs (each after a line "--- NAME") into a folder of their own, and
// returns those that are YAML.
func caseFiles(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), strings.TrimSuffix(filepath.Base(path), ".case"))
	files := map[string]*strings.Builder{}
	var order []string
	var cur *strings.Builder
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if name, ok := strings.CutPrefix(line, "--- "); ok {
			name = strings.TrimSpace(name)
			cur = &strings.Builder{}
			files[name] = cur
			order = append(order, name)
			continue
		}
		if cur != nil {
			cur.WriteString(line)
		}
	}
	var yamls []string
	for _, name := range order {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(files[name].String()), 0o644); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml") {
			yamls = append(yamls, p)
		}
	}
	return yamls
}

// schemaValid is a scenario that the cases of TestSchemaAgreesWithTheDecoder
// change one setting of.
const schemaValid = `horizon: 7d
issues:
  billing: 60%
  other: {share: 40%, handle_factor: 1.5}
channels:
  phone:
    arrivals: {rate: 200/h}
    handle_time: {dist: lognormal, mean: 3m, cv: 0.8}
    patience: {dist: exponential, mean: 5m}
  back:
    choice: false
    handle_time: 10m
pools:
  agents:
    skills: [phone, back]
    agents: 14
`

// TestSchemaAgreesWithTheDecoder changes one setting of a valid scenario
// at a time, to a spelling the README's "Scenario files" allows (the
// schema and omnisim both accept it) or to a mistake of key, type or
// syntax that its "Strict decoding" refuses (both refuse it): durations
// such as 1h30m or 90 sec, never for patience only, shares 80% or 0.8,
// rates count/period, days and hours of spans, the seven weekdays, one
// headcount or a list of them, families of distributions and their keys,
// rate or volumes but not both, word_of_mouth present though empty.
//
// Seen to catch: never allowed for a handle time (durationForm in place of
// finiteForm); the oneOf of rate and volumes left out; nonEmptyList not
// setting minItems; weekdays' seven numbers not enforced; word describing
// text in place of its words (kind, end), or describing them when given a
// list (n.Kind == ScalarNode made !=); word_of_mouth with nothing after it
// refused; mappingSchema setting required for a mapping that requires
// nothing (len(required) > 0 made >=: "required": null, which does not
// compile);
// anyCase writing [xx] for a letter (lo != up made ==); weekdayPattern
// leaving out Sunday (d <= Sunday made <) or a day's longer names.
func TestSchemaAgreesWithTheDecoder(t *testing.T) {
	sch := compileSchema(t, "")[""]
	for _, c := range []struct {
		path, value string
		valid       bool
	}{
		// Every setting at once, each in a form allowed.
		{"warmup", "1h30m", true},
		{"warmup", "90 sec", true},
		{"warmup", "1.5h", true},
		{"warmup", "0", true},
		{"warmup", `"0"`, true},
		{"warmup", "2 hours 30 minutes", true},
		{"warmup", "8x", false},
		{"warmup", "8", false},
		{"warmup", "-1h", false},
		{"warmup", "[1h]", false},
		{"seed", "42", true},
		{"seed", "-1", false},
		{"seed", "abc", false},
		{"replications", "3", true},
		{"replications", "three", false},
		{"start", "Tuesday", true},
		{"start", "tue", true},
		{"start", "mo", false},
		{"end", "cutoff", true},
		{"end", "stop", false},
		{"name", "[a, b]", false},
		{"title", "2024", true},
		{"horizn", "7d", false},
		{"channels.phone.bogus", "1", false},
		{"channels.phone.kind", "live", true},
		{"channels.phone.kind", "queue", false},
		{"channels.phone.arrivals.rate", "3.5 per minute", true},
		{"channels.phone.arrivals.rate", "100/30m", true},
		{"channels.phone.arrivals.rate", "4800/day", true},
		{"channels.phone.arrivals.rate", "200", false},
		{"channels.phone.arrivals.rate", "200/x", false},
		{"channels.phone.arrivals", "{volumes: [100, 120]}", true},
		{"channels.phone.arrivals", "{rate: 200/h, volumes: [100]}", false},
		{"channels.phone.arrivals", "{noise: 0.1}", false},
		{"channels.phone.arrivals", "{volumes: []}", false},
		{"channels.phone.arrivals.issues", "{billing: 80%, other: 20%}", true},
		{"channels.phone.arrivals.issues", "80%", false},
		{"channels.phone.patience", "never", true},
		{"channels.phone.patience", "{dist: never}", true},
		{"channels.phone.patience", "4m", true},
		{"channels.phone.patience", "{dist: LogNormal, mean: 3m, cv: 0.5}", true},
		{"channels.phone.patience", "{dist: weibull, mean: 3m}", false},
		{"channels.phone.handle_time", "never", false},
		{"channels.phone.handle_time", "{dist: never}", false},
		{"channels.phone.handle_time", "{dist: exponential, mean: 3m, cv: 1}", false},
		{"channels.phone.handle_time", "{dist: gamma, mean: 3m}", false},
		{"channels.phone.handle_time", "{mean: 3m}", false},
		{"channels.phone.handle_time", "{dist: erlang, mean: 3m, shape: 3}", true},
		{"channels.phone.handle_time", "{dist: uniform, min: 1m, max: 5m}", true},
		{"channels.phone.handle_time", "{dist: empirical, values: [1m, 2m, 5m], tail: 10m}", true},
		{"channels.phone.handle_times", "{billing: {dist: gamma, mean: 10m, cv: 0.5}}", true},
		{"channels.phone.wrap_time", "{dist: lognormal, mean: 1m, cv: 0.8}", true},
		{"channels.phone.wrap_time", "never", false},
		{"channels.phone.wrap_times", "{billing: 30s}", true},
		{"channels.phone.resolution", "80%", true},
		{"channels.phone.resolution", "{billing: 90%, other: 0.5}", true},
		{"channels.phone.resolution", "[80%]", false},
		{"channels.phone.open", `{days: mon-fri, hours: "08:00-20:00"}`, true},
		{"channels.phone.open", `[{days: [mon, wed]}, {days: sat-mon, hours: "20:00-02:00"}]`, true},
		{"channels.phone.open", `{days: "every day, Sunday"}`, true},
		{"channels.phone.open", `{days: weekend, hours: "00:00-24:00"}`, true},
		{"channels.phone.open", `{days: funday}`, false},
		{"channels.phone.open", `{hours: "25:00-26:00"}`, false},
		{"channels.phone.open", `{hours: "24:00-08:00"}`, false},
		{"channels.phone.open", `{hours: "08:00"}`, false},
		{"channels.phone.open", `[]`, false},
		{"channels.phone.open", `mon-fri`, false},
		{"channels.phone.service_level", "{within: 20s, target: 80%}", true},
		{"channels.phone.service_level", "{within: 20s, goal: 80%}", false},
		{"channels.phone.escalation", "[{to: back, share: 30%, transfer: true}, {to: back, share: 20%, delay: 1h}]", true},
		{"channels.phone.escalation", "[{to: back}]", false},
		{"channels.phone.choice", "yes", false},
		{"channels.phone.choice", "false", true},
		{"demand", "{rate: 100/h, weekdays: [1, 1, 1, 1, 1, 0.5, 0], noise: 0.1}", true},
		{"demand", "{rate: 100/h, weekdays: {sat: 0.5, sunday: 0}}", true},
		{"demand", "{rate: 100/h, weekdays: [1, 1, 1]}", false},
		{"demand", "{rate: 100/h, weekdays: {funday: 1}}", false},
		{"journey", "{retry: 50%, history: siloed, siloed: {annoyance: 0.1}}", true},
		{"journey", "{retry: [70%, 50%, 30%], max_contacts: 4}", true},
		{"journey", "{history: shared}", false},
		{"word_of_mouth", "", true},
		{"word_of_mouth", "{}", true},
		{"word_of_mouth", "{enabled: false, memory: never}", true},
		{"word_of_mouth", "[]", false},
		{"issues.billing", "{handle_factor: 2}", false},
		{"pools.agents.agents", "[10, 12, 14]", true},
		{"pools.agents.agents", "[]", false},
		{"pools.agents.agents", "5.5", false},
		{"pools.agents.agents", "five", false},
		{"pools.agents", `{skills: [phone, back], shifts: [{days: mon-fri, hours: "08:00-16:00", agents: 10}]}`, true},
		{"pools.agents", `{skills: [phone, back], shifts: []}`, false},
		{"pools.agents", `{skills: [phone, back], shifts: [{days: mon-fri}]}`, false},
		{"pools.agents.add", "-1", true},
		{"pools.agents.scale", "110%", true},
		{"pools.agents.scale", "1.1", true},
		{"pools.agents.scale", "-1", false},
		{"pools.agents.availability", "[90%, 80%]", true},
		{"pools.agents.shrinkage", "30 %", true},
		{"pools.agents.shrinkage", "a third", false},
		{"staffing", `""`, false},
		{"claims", "[{says: x, figure: phone.service_level, expect: rise, a: week 0, b: week 1}]", false},
		{"claims", "[{says: x, figure: phone.service_level, expect: soon, a: week 1, b: week 2}]", false},
		{"claims", "[{says: x, figure: phone.service_level, expect: fall, a: {set: [journey.retry=0.9]}}]", true},
	} {
		name := c.path + ": " + c.value
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(schemaValid), &doc); err != nil {
			t.Fatal(err)
		}
		place(&doc, strings.Split(c.path, "."), yamlNode(t, c.value))
		text, err := yaml.Marshal(&doc)
		if err != nil {
			t.Fatal(err)
		}
		_, loadErr := Parse("t.yaml", "t", text, nil)
		if (loadErr == nil) != c.valid {
			t.Errorf("%s: omnisim reads it: %v, want %v (%v)", name, loadErr == nil, c.valid, loadErr)
		}
		if err := validate(sch, text); (err == nil) != c.valid {
			t.Errorf("%s: the schema accepts it: %v, want %v\n%v", name, err == nil, c.valid, err)
		}
	}
}

// TestSchemaPatternsAgreeWithParsers sets each definition of a form of
// scalar (the patterns written by hand in valueDefs) against the reader
// of that form, on texts made of the pieces each parser reads (every unit
// of models.DurationUnits, every day name cut to any length, numbers with
// signs, exponents and percent signs, spaces) and mistakes, each given
// to both as YAML writes it, plain and in quotes: the definition must
// accept exactly what the reader reads.
//
// The texts leave out what the schema cannot say, listed in schema.go
// (outOfReach): zero written as a YAML number other than 0 (00, 0.0) for
// a duration, whole numbers written as fractions (5.0) or a seed written
// other than plainly (+3, 007), which JSON cannot tell apart; underscores
// in quoted numbers; a scale of 0; hours that start and end at the same
// time. The texts hold no number beyond a reader's range.
//
// Seen to catch: a duration unit left out of the pattern (the first of
// models.DurationUnits, d); the weekday pattern without the longer names
// (mond); hours allowing 24:00 as a start; a rate needing a number before
// its period's unit (200/h); the percent sign refused after a space (0 %).
func TestSchemaPatternsAgreeWithParsers(t *testing.T) {
	var defs []string
	for name := range valueDefs {
		defs = append(defs, name)
	}
	sort.Strings(defs)
	compiled := compileSchema(t, defs...)
	nums := []string{"0", "1", "12", "1.5", ".5", "5.", "1e2", "2E1", "+3", "-2", "1.2.3", ".", "e3", ""}
	var units []string
	for _, u := range models.DurationUnits() {
		units = append(units, u, strings.ToUpper(u))
	}
	units = append(units, "x", "mss", "never", "")
	var durations []string
	for _, n := range nums {
		for _, u := range units {
			durations = append(durations, n+u, n+" "+u, " "+n+u+" ")
		}
	}
	durations = append(durations, "never", "Never", " inf ", "infinite", "INFINITY", "nev", "1h30m", "1h 30m", "1h30", "h30m",
		"2 days 3 hours", "1w2d", "1e3s", "1es", "1e", "0", "00", "1h-30m", "1h,30m")
	var rates []string
	for _, n := range []string{"200", "3.5", "+5", "-5", "1e2", "abc", ""} {
		for _, sep := range []string{"/", " / ", " per ", " PER ", "per", " per", "//"} {
			for _, p := range []string{"h", "30m", "1h30m", "h30m", "minute", "Day", "x", "", "never", "2 hours"} {
				rates = append(rates, n+sep+p)
			}
		}
	}
	var shares []string
	for _, n := range nums {
		for _, pct := range []string{"", "%", " %", "% ", "%%"} {
			shares = append(shares, n+pct, " "+n+pct)
		}
	}
	shares = append(shares, "inf", "nan", "Infinity", "80 percent")
	var weekdays []string
	for d := models.Monday; d <= models.Sunday; d++ {
		name := d.Long()
		for i := 1; i <= len(name); i++ {
			weekdays = append(weekdays, name[:i], strings.ToUpper(name[:i]), " "+name[:i]+" ")
		}
		weekdays = append(weekdays, name+"s", name+"x")
	}
	var days []string
	for _, w := range append(slices.Clone(weekdays), "every day", "everyday", "Every Day", "every  day", "daily", "weekdays",
		"weekend", "weekends", "week", "") {
		days = append(days, w, w+"-fri", "sat - "+w, w+", mon", "mon,"+w)
	}
	days = append(days, "mon-", "-fri", "mon--fri", "mon,,tue", "mon,", "every day, funday")
	var hours []string
	for _, a := range []string{"08:00", "8:00", "8:30", "00:00", "23:59", "24:00", "24:01", "25:00", "08:60", "008:00", "08:0", "8", "", "+8:00", " 08:00 "} {
		for _, b := range []string{"20:00", "00:00", "24:00", "24:30", "7:15", "20:0", "x"} {
			hours = append(hours, a+"-"+b, a+" - "+b)
		}
	}
	hours = append(hours, "08:00", "08:00-20:00-22:00", "08:00 20:00")
	var claimDays []string
	for _, w := range []string{"week", "Week", "day", "days", "DAYS", "weeks", "d"} {
		for _, n := range []string{"1", "4", "0", "+2", "-1", "2-8", "8-8", "x", "1.5", "", "2-", "03"} {
			claimDays = append(claimDays, w+" "+n, w+n, " "+w+"  "+n+" ", w+" "+n+" 2")
		}
	}
	corpus := map[string][]string{
		"duration":        durations,
		"finite-duration": durations,
		"rate":            rates,
		"share":           shares,
		"amount":          shares,
		"scale":           shares,
		"number":          shares,
		"integer":         append(slices.Clone(nums), "2147483647", "-2147483648", "1_000", "007"),
		"seed":            append(slices.Clone(nums), "18446744073709551615", "007", "1_0"),
		"weekday":         weekdays,
		"days":            days,
		"hours":           hours,
		"claim-days":      claimDays,
		"boolean":         {"true", "false", "True", "FALSE", "yes", "no", "on", "1", "0", ""},
		"text":            {"a", "12", "true", "", "~", "null", "[a]", "{a: 1}", "2024-01-01"},
		"file":            {"staffing.csv", "12", "true", "", "~", "[a]"},
	}
	// The readers, each run on a value and reporting what it refuses.
	readers := map[string]func(d *decoder, n *yaml.Node){
		"duration": func(d *decoder, n *yaml.Node) { d.duration(n, "v") },
		"finite-duration": func(d *decoder, n *yaml.Node) {
			if n.Kind == yaml.ScalarNode {
				d.decodeDist(n, "v", false)
			} else {
				d.errorf(n, "v", "not a scalar")
			}
		},
		"rate":    func(d *decoder, n *yaml.Node) { d.rate(n, "v") },
		"share":   func(d *decoder, n *yaml.Node) { d.fraction(n, "v") },
		"amount":  func(d *decoder, n *yaml.Node) { d.amount(n, "v") },
		"scale":   func(d *decoder, n *yaml.Node) { d.decodeScale(&poolChange{}, n, "v") },
		"number":  func(d *decoder, n *yaml.Node) { d.number(n, "v") },
		"integer": func(d *decoder, n *yaml.Node) { d.integer(n, "v") },
		"seed":    func(d *decoder, n *yaml.Node) { d.seed(n, "v") },
		"weekday": func(d *decoder, n *yaml.Node) { d.weekday(n, "v") },
		"days":    func(d *decoder, n *yaml.Node) { d.decodeDays(n, "v") },
		"hours": func(d *decoder, n *yaml.Node) {
			var sp models.Span
			for _, f := range d.spanFields(&sp) {
				if f.key == "hours" {
					f.decode(n, "v")
				}
			}
		},
		"claim-days": func(d *decoder, n *yaml.Node) {
			if n.Kind == yaml.ScalarNode {
				d.decodeSide(n, "v", &models.Config{})
			} else {
				d.errorf(n, "v", "not a scalar")
			}
		},
		"boolean": func(d *decoder, n *yaml.Node) { d.boolean(n, "v") },
		"text":    func(d *decoder, n *yaml.Node) { d.str(n, "v") },
		"file":    func(d *decoder, n *yaml.Node) { d.staffingFile(n, &models.Config{}) },
	}
	for _, def := range defs {
		read, ok := readers[def]
		if !ok {
			t.Errorf("%s: no reader to set the definition against", def)
			continue
		}
		if len(corpus[def]) == 0 {
			t.Errorf("%s: no texts to try", def)
		}
		for _, text := range corpus[def] {
			quoted, _ := json.Marshal(text)
			for _, written := range []string{text, string(quoted)} {
				var doc yaml.Node
				if yaml.Unmarshal([]byte("v: "+written), &doc) != nil || len(doc.Content) == 0 {
					continue // not YAML as written plain
				}
				n := doc.Content[0].Content[1]
				if outOfReach(def, n) {
					continue
				}
				d := newDecoder("t.yaml")
				read(d, n)
				reads := len(d.errs) == 0
				if def == "file" {
					// The reader then reads the file, which is not there.
					reads = len(d.errs) == 1 && strings.Contains(d.errs[0].Msg, "no such file")
				}
				err := validateNode(compiled[def], n)
				if accepts := err == nil; accepts != reads {
					t.Errorf("%s: %s: the reader reads it: %v, the schema accepts it: %v (%v %v)", def, written, reads, accepts, d.errs, err)
				}
			}
		}
	}
}

// outOfReach tells whether the value n, for the form def, is one of the
// spellings TestSchemaPatternsAgreeWithParsers leaves out: those its doc
// comment lists.
func outOfReach(def string, n *yaml.Node) bool {
	v := n.Value
	number := n.ShortTag() == "!!int" || n.ShortTag() == "!!float"
	zero := func(s string) bool {
		f, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%")), 64)
		return err == nil && f == 0
	}
	switch {
	case number && (def == "duration" || def == "finite-duration"):
		return zero(v) && v != "0" // 00, 0.0: 0 to JSON, not as written
	case number && (def == "integer" || def == "seed") && n.ShortTag() == "!!float":
		return true // 5.0, 1e2: whole numbers to JSON
	case number && def == "seed":
		return !canonicalSeed.MatchString(v) // +3, 007, 1_0: YAML's numbers
	case n.ShortTag() == "!!str" && strings.Contains(v, "_"):
		return true // underscores in quotes
	case def == "scale" && !number:
		return zero(v) // the pattern has no lower bound
	case def == "hours":
		a, b, _ := strings.Cut(v, "-")
		x, errA := parseClock(a)
		y, errB := parseClock(b)
		return errA == nil && errB == nil && x == y
	}
	return false
}

var canonicalSeed = regexp.MustCompile(`^(?:0|[1-9][0-9]*)$`)

// TestSchemaDescribesEveryKey checks that every key of the schema has a
// description, and that it is the note scenarios export writes beside
// the key (settingNote): one text per key, for both.
//
// Seen to catch: noted dropping the description of a key whose value is a
// oneOf (demand.weekdays) or an object (demand), or of every key (note ==
// "" made !=); a key with no note (tail, when it had none); schema's
// MarshalJSON writing no comma or a leading one (i > 0 made >= or <=);
// described, top and probe reading the wrong frame (len−1 made len+1, a
// panic).
func TestSchemaDescribesEveryKey(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(Schema(), &doc); err != nil {
		t.Fatal(err)
	}
	keys := 0
	var walk func(s any, path string)
	walk = func(s any, path string) {
		m, ok := s.(map[string]any)
		if !ok {
			return
		}
		for _, b := range asList(m["oneOf"]) {
			walk(b, path)
		}
		if items, ok := m["items"]; ok {
			walk(items, path+"[]")
		}
		if v, ok := m["additionalProperties"].(map[string]any); ok {
			walk(v, join(path, "*"))
		}
		props, _ := m["properties"].(map[string]any)
		for k, v := range props {
			at := join(path, k)
			walk(v, at)
			if v == false {
				continue // refused here: no value to describe
			}
			keys++
			got, _ := v.(map[string]any)["description"].(string)
			if want := settingNote(at); got == "" || got != want {
				t.Errorf("%s: described %q, want scenarios export's note %q (not empty)", at, got, want)
			}
		}
	}
	walk(any(doc), "")
	for name, def := range doc["$defs"].(map[string]any) {
		if m, _ := def.(map[string]any); m["description"] == nil {
			t.Errorf("$defs/%s has no description", name)
		}
		walk(def, name)
	}
	if keys < 100 {
		t.Errorf("%d keys described, want at least 100", keys)
	}
}

// TestSchemaReadersDescribeOnlyWhatTheyRead checks the rule probe relies
// on: in schema mode a reader describes its form only when it is given a
// value of the kind it reads (a text for the scalar readers, nothing for
// none, a list for list, a mapping for mapping and entries), so that a
// decode which hands a reader only values it refuses adds nothing to the
// schema, and one which hands it what it reads adds its form.
//
// Seen to catch: boolean describing itself when given a list or mapping
// (n.Kind == ScalarNode made !=), or given nothing but not a text
// (n.Tag != "!!null" made ==); word the same.
func TestSchemaReadersDescribeOnlyWhatTheyRead(t *testing.T) {
	text := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str"}
	list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	mapping := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	null := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
	for _, r := range []struct {
		name  string
		reads *yaml.Node
		read  func(d *decoder, n *yaml.Node, p string)
	}{
		{"boolean", text, func(d *decoder, n *yaml.Node, p string) { d.boolean(n, p) }},
		{"word", text, func(d *decoder, n *yaml.Node, p string) { d.word(n, p, "a", "b") }},
		{"str", text, func(d *decoder, n *yaml.Node, p string) { d.str(n, p) }},
		{"duration", text, func(d *decoder, n *yaml.Node, p string) { d.duration(n, p) }},
		{"list", list, func(d *decoder, n *yaml.Node, p string) { d.list(n, p, func(n *yaml.Node, p string) { d.str(n, p) }) }},
		{"mapping", mapping, func(d *decoder, n *yaml.Node, p string) {
			d.mapping(n, p, []field{{"a", func(n *yaml.Node, p string) { d.str(n, p) }}})
		}},
		{"entries", mapping, func(d *decoder, n *yaml.Node, p string) {
			d.entries(n, p, func(_, n *yaml.Node, p string) { d.str(n, p) })
		}},
	} {
		for _, given := range []*yaml.Node{text, list, mapping, null} {
			d := newDecoder("")
			d.schema = &schemaWalk{defs: map[string]any{}}
			got := d.probe("v", func(n *yaml.Node, p string) {
				if n.Kind == given.Kind && n.Tag == given.Tag {
					r.read(d, n, p)
				}
			})
			if described := got != false; described != (given == r.reads) {
				t.Errorf("%s given only %s: described %v (%v), want %v", r.name, given.Tag, described, got, given == r.reads)
			}
		}
	}
}
