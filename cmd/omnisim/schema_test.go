package main

import (
	"os"
	"path/filepath"
	"testing"
)

// schemaCopy is the committed copy of the scenario schema, which editors
// are pointed at.
var schemaCopy = filepath.Join("..", "..", "docs", "scenario.schema.json")

// TestScenarioSchemaCommitted checks that docs/scenario.schema.json is,
// byte for byte, what omnisim scenarios schema prints: the schema is made
// from the scenario reader's own definitions, so a change of the format
// changes what the command prints, and the committed copy must follow.
// go test ./cmd/omnisim -run TestScenarioSchemaCommitted -update rewrites
// it, as -update rewrites the goldens.
//
// Seen to catch: a key added to the reader (the copy then lacks it).
func TestScenarioSchemaCommitted(t *testing.T) {
	r := omnisim(t, "scenarios", "schema")
	if r.code != exitOK || r.stderr != "" || r.stdout == "" {
		t.Fatalf("omnisim scenarios schema: exit status %d, stderr %q, %d bytes", r.code, r.stderr, len(r.stdout))
	}
	if *update {
		if err := os.WriteFile(schemaCopy, []byte(r.stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(schemaCopy)
	if err != nil {
		t.Fatalf("%v (go test ./cmd/omnisim -run TestScenarioSchemaCommitted -update writes it)", err)
	}
	if r.stdout != string(want) {
		t.Errorf("docs/scenario.schema.json is stale: omnisim scenarios schema prints another schema "+
			"(go test ./cmd/omnisim -run TestScenarioSchemaCommitted -update rewrites it):\n%s", firstDiff(r.stdout, string(want)))
	}
}
