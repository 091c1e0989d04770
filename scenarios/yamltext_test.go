package scenarios

import (
	"strings"
	"testing"
)

// TestYAMLLayoutErrors breaks the layout of the valid scenario: each
// mistake must be reported at the line it is on, in words, with the YAML
// parser's own text kept as a hint.
func TestYAMLLayoutErrors(t *testing.T) {
	tests := []struct {
		name     string
		old, new string // text of valid to replace
		want     string
	}{
		{"over-indented key", "    agents: 14", "    skills: [phone]\n      agents: 14",
			`t.yaml:17:7: line 17 is indented more than the key above it (line 16, which has its value already): line it up with the keys beside it, or move the value of line 16 onto lines of its own (the YAML parser said: did not find expected key)`},
		{"key between two columns", "    skills: [phone]\n", "     skills: [phone]\n",
			`t.yaml:16:5: line 16 is indented less than the line above it but lines up with no key before it (it starts at column 5)`},
		{"under-indented key", "    agents: 14", "   agents: 14",
			`t.yaml:16:4: line 16 is indented less than the line above it but lines up with no key before it (it starts at column 4): line it up with the keys it belongs beside (the YAML parser said: did not find expected key)`},
		{"tab", "    kind: live", "\tkind: live",
			`t.yaml:8:1: tabs cannot indent YAML (line 8, column 1): indent with spaces (the YAML parser said: found character that cannot start any token)`},
		{"tab after spaces", "    kind: live", "  \tkind: live",
			`t.yaml:8:3: tabs cannot indent YAML (line 8, column 3): indent with spaces`},
		{"unclosed bracket", "skills: [phone]", "skills: [phone",
			`t.yaml:15:13: the bracket at line 15, column 13 is never closed: end the list or mapping it opens with ] or }`},
		{"second colon", "name: t", "name: sales: north",
			`t.yaml:1:12: line 1 has a second ": " in a value: put the value in quotes (the YAML parser said: mapping values are not allowed in this context)`},
		{"second document", "", "name: t\n---\nseed: 9\n",
			`t.yaml:2:1: a scenario is one YAML document: a second begins at line 2 (remove it, or the "---" line before it)`},
		{"second document after an end marker", "", "name: t\n...\n--- \nseed: 9\n",
			`t.yaml:3:1: a scenario is one YAML document: a second begins at line 3`},
		{"second document broken", "", "name: t\n---\nseed: [9\n",
			`t.yaml:3:7: the bracket at line 3, column 7 is never closed`},
		{"only a byte order mark", valid, "\ufeff",
			`t.yaml:1:1: the file is empty but for a byte order mark: a scenario needs at least horizon, channels and pools`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := parseEdited(t, valid, tc.old, tc.new)
			if _, ok := err.(Errors); !ok {
				t.Errorf("error is %T, want Errors", err)
			}
			if got := err.Error(); !strings.HasPrefix(got, tc.want) || strings.Contains(got, "\n") {
				t.Errorf("got\n\t%s\nwant one problem starting\n\t%s", got, tc.want)
			}
		})
	}
}

// TestYAMLAccepted checks what the stricter reading must still accept: a
// byte order mark before the text, "---" before the only document, a
// trailing "---" or "..." with nothing after it, a multi-line flow mapping.
func TestYAMLAccepted(t *testing.T) {
	tests := []struct{ name, old, new string }{
		{"byte order mark", "name: t", "\ufeffname: t"},
		{"document start", "name: t", "---\nname: t"},
		{"trailing document start", "name: t", "name: t\n---\n# nothing more\n"},
		{"trailing end marker", "name: t", "name: t\n...\n"},
		{"flow mapping over lines", "{rate: 200/h}", "{\n      rate: 200/h\n    }"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(valid, tc.old, tc.new, 1)
			if tc.name == "trailing document start" || tc.name == "trailing end marker" {
				src = valid + strings.TrimPrefix(tc.new, "name: t\n")
			}
			if src == valid {
				t.Fatalf("test case does not change the scenario")
			}
			s, err := Parse("t.yaml", "t", []byte(src), nil)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(string(s.source), bom) {
				t.Errorf("the scenario's source keeps the byte order mark")
			}
		})
	}
}

// TestSetSecondDocument checks that a --set value holding a second YAML
// document is refused, not cut to its first.
func TestSetSecondDocument(t *testing.T) {
	for _, set := range []string{"seed=9\n---\n10", "seed=9\n--- 10", "pools.agents.agents=[1]\n---\n[2]"} {
		_, err := Parse("t.yaml", "t", []byte(valid), []string{set})
		if err == nil {
			t.Errorf("--set %q: no error", set)
			continue
		}
		if want := "the value is one YAML document: a second begins at its line 2"; !strings.Contains(err.Error(), want) {
			t.Errorf("--set %q: got %v, want %q", set, err, want)
		}
	}
	if _, err := Parse("t.yaml", "t", []byte(valid), []string{"seed=9\n---\n"}); err != nil {
		t.Errorf("a value with a trailing ---: %v", err)
	}
}
