package scenarios

import (
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestExport checks every built-in's export: it loads back to exactly the
// scenario the built-in is, and every setting written in block style has
// a comment on its line or the line above.
func TestExport(t *testing.T) {
	for _, b := range Builtins() {
		t.Run(b.Name, func(t *testing.T) {
			want, err := Builtin(b.Name, nil)
			if err != nil {
				t.Fatal(err)
			}
			text, err := Export(b.Name)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Parse("export.yaml", b.Name, text, nil)
			if err != nil {
				t.Fatalf("the export does not load: %v", err)
			}
			if !reflect.DeepEqual(got.Config, want.Config) {
				t.Errorf("the export loads to another world:\n got %+v\nwant %+v", got.Config, want.Config)
			}
			if got.Name != want.Name || got.Title != want.Title || got.Description != want.Description || got.Replications != want.Replications {
				t.Errorf("the export has another name, title, description or replications")
			}
			// Claims are the same but for where they are written.
			for i := range got.Claims {
				got.Claims[i].At = ""
			}
			for i := range want.Claims {
				want.Claims[i].At = ""
			}
			if !reflect.DeepEqual(got.Claims, want.Claims) {
				t.Errorf("the export has other claims:\n got %+v\nwant %+v", got.Claims, want.Claims)
			}
			var doc yaml.Node
			if err := yaml.Unmarshal(text, &doc); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(text), "\n")
			var check func(n *yaml.Node, path string)
			check = func(n *yaml.Node, path string) {
				if n.Style&yaml.FlowStyle != 0 {
					return
				}
				switch n.Kind {
				case yaml.MappingNode:
					for i := 0; i+1 < len(n.Content); i += 2 {
						k := n.Content[i]
						at := join(path, k.Value)
						line, above := lines[k.Line-1], ""
						if k.Line >= 2 {
							above = strings.TrimSpace(lines[k.Line-2])
						}
						if !hasComment(line) && !strings.HasPrefix(above, "#") {
							t.Errorf("line %d: %s has no comment: %q", k.Line, at, line)
						}
						check(n.Content[i+1], at)
					}
				case yaml.SequenceNode:
					for _, c := range n.Content {
						check(c, path+"[]")
					}
				}
			}
			check(doc.Content[0], "")
		})
	}
}

func TestHasComment(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"horizon: 7d", false},
		{"horizon: 7d  # a week", true},
		{"# a comment", true},
		{`title: "a # in quotes"`, false},
		{`title: "a # in quotes" # and one`, true},
		{"title: the customer's #1 channel", true}, // YAML: " #" ends a plain scalar
		{"title: customer's view # note", true},
		{"rate: 100/30m#x", false},
	} {
		if got := hasComment(c.line); got != c.want {
			t.Errorf("hasComment(%q): got %v, want %v", c.line, got, c.want)
		}
	}
}
