package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra/doc"
)

// referenceDir is where the command reference lives, from this package.
const referenceDir = "../../docs/reference"

// referenceStale is what TestCommandReference says when the committed
// reference is not what the commands generate.
const referenceStale = "docs/reference is stale: run go test ./cmd/omnisim -run TestCommandReference -update"

// generateReference writes the command reference of every command into dir
// with cobra's doc package, one Markdown file per command, without the
// "Auto generated ... on <date>" line, so that the same commands always
// give the same bytes.
func generateReference(dir string) error {
	root := newRootCmd(streams{out: io.Discard, errOut: io.Discard})
	root.DisableAutoGenTag = true
	return doc.GenMarkdownTree(root, dir)
}

// TestCommandReference checks that docs/reference is what cobra's doc
// package makes of the commands as they are: the same files, byte for byte,
// one per command that --help lists. With -update it writes them instead
// (and removes files of commands that are gone).
//
// Seen to catch: a flag's help reworded without the reference regenerated
// (the file of its command differs), a command added (its file is missing)
// and a stray file left in docs/reference (named as extra).
func TestCommandReference(t *testing.T) {
	tmp := t.TempDir()
	if err := generateReference(tmp); err != nil {
		t.Fatal(err)
	}
	got := readDir(t, tmp)
	if len(got) < len(commandPaths()) {
		t.Fatalf("the reference has %d files, want one for each of the %d commands", len(got), len(commandPaths()))
	}
	for _, p := range commandPaths() {
		name := strings.Join(append([]string{"omnisim"}, p...), "_") + ".md"
		if _, ok := got[name]; !ok {
			t.Errorf("the generated reference has no %s for omnisim %s", name, strings.Join(p, " "))
		}
	}
	if *update {
		if err := os.MkdirAll(referenceDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name := range readDir(t, referenceDir) {
			if _, ok := got[name]; !ok {
				if err := os.Remove(filepath.Join(referenceDir, name)); err != nil {
					t.Fatal(err)
				}
			}
		}
		for name, text := range got {
			if err := os.WriteFile(filepath.Join(referenceDir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	have := readDir(t, referenceDir)
	var names []string
	for name := range got {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		text, ok := have[name]
		switch {
		case !ok:
			t.Errorf("%s: docs/reference/%s is missing", referenceStale, name)
		case text != got[name]:
			t.Errorf("%s: docs/reference/%s differs from what the commands generate:\n%s",
				referenceStale, name, strings.NewReplacer(" got ", " committed ", "want ", "generated ").Replace(firstDiff(text, got[name])))
		}
	}
	for name := range have {
		if _, ok := got[name]; !ok {
			t.Errorf("%s: docs/reference/%s is no command's", referenceStale, name)
		}
	}
}

// readDir reads every file of dir, by name; an absent dir has none.
func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return files
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	return files
}
