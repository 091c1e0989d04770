package scenarios

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// encodeScalar returns a plain scalar node.
func encodeScalar(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: v} }

// encodeMapping returns a mapping of keys and values, in flow style when
// flow is set.
func encodeMapping(flow bool, kv ...*yaml.Node) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Content: kv}
	if flow {
		n.Style = yaml.FlowStyle
	}
	return n
}

// TestEncodeLayout: Encode writes the layout its doc promises, each line
// written out by hand from that doc: two spaces of indent; a flow mapping
// or list on its key's line, however long (300 values stay on one line);
// a scalar plain unless it asks for quotes; a head comment on lines of
// its own above its key, "# " put before a line without its #, an empty
// line for the line break it begins with; a line comment two spaces after
// its value (after a plain scalar, a flow mapping, or a quoted scalar that
// ends like a comment, which stays as it is), "# " put before one without
// its #, the same comment twice written twice. A mapping gives the same
// text as the document holding it, and the tree is left as it was. Seen to
// catch: encode.go `doc.Kind != yaml.DocumentNode` → `==` and `err != nil`
// → `==` (after encodeYAML) in Encode, both `err != nil` → `==` in
// encodeYAML, `n.LineComment != ""` → `==` in markLineComments.
func TestEncodeLayout(t *testing.T) {
	long := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for range 300 {
		long.Content = append(long.Content, encodeScalar("0.125"))
	}
	never := encodeScalar("never")
	never.LineComment = "# nobody gave up"
	alsoNever := encodeScalar("never")
	alsoNever.LineComment = "nobody gave up"
	law := encodeMapping(true, encodeScalar("dist"), encodeScalar("exponential"), encodeScalar("mean"), encodeScalar("3m"))
	law.LineComment = "# the mean"
	quoted := &yaml.Node{Kind: yaml.ScalarNode, Value: "x # nobody gave up", Style: yaml.DoubleQuotedStyle}
	quoted.LineComment = "# a quote"
	channels, phone := encodeScalar("channels"), encodeScalar("arrivals")
	channels.HeadComment = "\n# the channels\ntwo lines"
	phone.HeadComment = "# contacts in the log"
	root := encodeMapping(false,
		encodeScalar("seed"), encodeScalar("1"),
		channels, encodeMapping(false,
			encodeScalar("phone"), encodeMapping(false,
				phone, encodeMapping(true, encodeScalar("volumes"), long),
				encodeScalar("patience"), never,
				encodeScalar("handle_time"), law,
			),
			encodeScalar("chat"), encodeMapping(false,
				encodeScalar("patience"), alsoNever,
				encodeScalar("title"), quoted,
			),
		),
	)
	want := "seed: 1\n" +
		"\n" +
		"# the channels\n" +
		"# two lines\n" +
		"channels:\n" +
		"  phone:\n" +
		"    # contacts in the log\n" +
		"    arrivals: {volumes: [0.125" + strings.Repeat(", 0.125", 299) + "]}\n" +
		"    patience: never  # nobody gave up\n" +
		"    handle_time: {dist: exponential, mean: 3m}  # the mean\n" +
		"  chat:\n" +
		"    patience: never  # nobody gave up\n" +
		"    title: \"x # nobody gave up\"  # a quote\n"
	got, err := Encode(root)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("Encode wrote\n%s\nwant\n%s", got, want)
	}
	doc, err := Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}})
	if err != nil || string(doc) != string(got) {
		t.Errorf("Encode of the document: %v\n%s\nwant the mapping's\n%s", err, doc, got)
	}
	if never.LineComment != "# nobody gave up" || alsoNever.LineComment != "nobody gave up" {
		t.Errorf("the tree changed: line comments %q, %q", never.LineComment, alsoNever.LineComment)
	}
}

// TestEncodeRefuses: a comment holding a NUL and a line comment of two
// lines are refused, as Encode's doc says, and so is no node at all. Seen
// to catch: encode.go `doc == nil` → `!=` and `err != nil` → `==` (after
// markLineComments) in Encode; `n == nil` → `!=`, `n.LineComment != ""` →
// `==` and `err != nil` → `==` in markLineComments.
func TestEncodeRefuses(t *testing.T) {
	for _, tc := range []struct {
		name       string
		head, line string
	}{{"NUL in a head comment", "# a\x00b", ""}, {"NUL in a line comment", "", "# a\x00b"}, {"a line comment of two lines", "", "# a\n# b"}} {
		v := encodeScalar("1")
		v.HeadComment, v.LineComment = tc.head, tc.line
		if _, err := Encode(encodeMapping(false, encodeScalar("seed"), v)); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	if _, err := Encode(nil); err == nil {
		t.Error("no node: no error")
	}
}
