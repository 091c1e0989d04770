package fit

import (
	"strings"
	"testing"

	"github.com/omnisim/omnisim/scenarios"
)

// TestMappingMistakes checks that a mapping file's mistakes are said in
// words at their line and column, never with Go's types ("struct {...}",
// "!!str"), and come back as scenarios.Errors (bad input). A file holding
// YAML's null alone is as empty as one holding nothing. Seen to catch:
// mappingyaml.go `root.Kind == yaml.ScalarNode` → `!=` (null then taken
// for a value of the wrong shape).
func TestMappingMistakes(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"misspelt key", "arival: {column: a}\n",
			"m.yaml:1:1: arival: unknown key (known keys: agent, arrival, channel, channel_name, customer, handle, outcome, separator, start, type, wait)"},
		{"misspelt inner key", "arrival: {colum: a}\n",
			"m.yaml:1:11: arrival.colum: unknown key (known keys: column, format)"},
		{"text for a mapping", "arrival: date\n",
			`m.yaml:1:10: arrival: want a mapping such as {column: start, format: "2006-01-02 15:04:05"}, not "date"`},
		{"list for a text", "wait: [a, b]\n",
			"m.yaml:1:7: wait: want a text (a column's name or a value), not a list"},
		{"mapping for a list", "outcome: {column: r, answered: {a: 1}}\n",
			"m.yaml:1:32: outcome.answered: want a list of values such as [ANSWERED, COMPLETED], not a mapping"},
		{"key twice", "wait: a\nwait: b\n", "m.yaml:2:1: wait: given twice"},
		{"second document", "wait: a\n---\nwait: b\n", "m.yaml:2:1: a mapping is one YAML document: a second begins at line 2"},
		{"empty", "", "m.yaml:1:1: the file is empty"},
		{"null", "~\n", "m.yaml:1:1: the file is empty"},
		{"missing", "wait: w\n", "m.yaml: arrival.column: missing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseMapping("m.yaml", []byte(tc.text))
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("got %v, want it to start %q", err, tc.want)
			}
			if msg := err.Error(); strings.Contains(msg, "struct") || strings.Contains(msg, "!!") || strings.Contains(msg, "unmarshal") {
				t.Errorf("Go's types in %q", msg)
			}
			if _, ok := err.(scenarios.Errors); !ok {
				t.Errorf("error is %T, want scenarios.Errors", err)
			}
		})
	}
	// A single value is a list of one.
	f, err := ParseMapping("m.yaml", []byte("arrival: {column: a, format: seconds}\nwait: w\nhandle: h\nchannel_name: phone\noutcome: {column: r, answered: OK}\n"))
	if err != nil || f.Name != "m.yaml" {
		t.Errorf("a single answered value: %v", err)
	}
}
