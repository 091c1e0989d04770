package arch

import (
	"go/build"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// module is the module's import path.
const module = "github.com/omnisim/omnisim"

// allowed lists, for every package of the module, the packages of the
// module it may import (its tests aside), as docs/architecture.md draws
// them: each arrow runs down, from the command line to the engine. A
// package not listed here fails the test until its place is decided.
var allowed = map[string][]string{
	"sim":              {},
	"stats":            {},
	"models/erlang":    {},
	"internal/input":   {},
	"internal/arch":    {},
	"internal/size":    {},
	"internal/problem": {},
	"internal/browser": {},
	"tools/mutate":     {},
	"models":           {"sim", "stats", "models/erlang", "internal/problem"},
	"scenarios":        {"models", "stats", "internal/input"},
	"experiment":       {"models", "scenarios", "sim", "stats"},
	"plan":             {"experiment", "models", "sim", "stats"},
	// roster turns a requirement into shifts: it reads a staffing table
	// through scenarios, words its figures as the base of output does, and
	// verifies a roster by simulation with plan's verdicts.
	"roster": {"experiment", "internal/input", "internal/problem", "models", "output", "plan", "scenarios"},
	// output is the base every room of output/ imports: the formatting of
	// figures, text tables, JSON objects, the atomic write and the result
	// models the rooms render. The rooms import the base and no other
	// room; the folder writer, which gathers every file of an output
	// folder, imports the rooms.
	"output":       {"models", "plan", "stats"},
	"output/table": {"models", "output", "plan"},
	"output/chart": {"models", "output", "output/chart/internal/zlib6"},
	// zlib6 is the PNG encoder's compressor, compress/zlib's bytes.
	"output/chart/internal/zlib6": {},
	"output/report":               {"models", "output", "plan"},
	"output/folder":               {"internal/input", "models", "output", "output/chart", "output/report", "output/table", "plan"},
	"output/shard":                {"experiment", "internal/input", "output"},
	"output/internal/fixture":     {"experiment", "models", "output", "scenarios"},
	// fit imports the base of output alone: formatting, Table, Object.
	"fit": {"experiment", "models", "output", "scenarios", "stats", "internal/input"},
	// classroom is omnisim serve: it runs stories (experiment), judges
	// their claims, and writes a run's output folder as run does.
	"classroom":   {"experiment", "models", "output", "output/folder", "scenarios"},
	"cmd/omnisim": {"classroom", "experiment", "fit", "internal/input", "internal/size", "models", "models/erlang", "output", "output/chart", "output/folder", "output/shard", "output/table", "plan", "roster", "scenarios", "stats"},
}

// TestImportsRunDown reads every package of the module (go/build, no
// tests) and fails on an import of the module that its entry in allowed
// does not list, and on a package with no entry.
func TestImportsRunDown(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	err = filepath.WalkDir(root, func(dir string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		name := d.Name()
		if dir != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "omnisim-out") {
			return filepath.SkipDir
		}
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			if _, ok := err.(*build.NoGoError); ok {
				return nil
			}
			return err
		}
		rel, err := filepath.Rel(root, dir)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		seen[rel] = true
		ok, listed := allowed[rel]
		if !listed {
			t.Errorf("%s: a package with no place in the import rules: add it to allowed and to docs/architecture.md", rel)
			return nil
		}
		for _, imp := range pkg.Imports {
			ours, found := strings.CutPrefix(imp, module+"/")
			if !found {
				continue
			}
			if !slices.Contains(ok, ours) {
				t.Errorf("%s imports %s, an arrow the import rules do not allow (it may import %v)", rel, ours, ok)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for pkg := range allowed {
		if !seen[pkg] {
			t.Errorf("%s: in the import rules, but no such package", pkg)
		}
	}
	if len(seen) < 9 {
		t.Errorf("read %d packages, want the module's at least 9: the walk missed them", len(seen))
	}
}

// TestRulesHaveNoCycle checks the rules themselves: following the allowed
// arrows never leads back to where it started.
func TestRulesHaveNoCycle(t *testing.T) {
	var visit func(pkg string, path []string)
	visit = func(pkg string, path []string) {
		if slices.Contains(path, pkg) {
			t.Fatalf("the rules run in a circle: %s", strings.Join(append(path, pkg), " → "))
		}
		for _, dep := range allowed[pkg] {
			visit(dep, append(path, pkg))
		}
	}
	for pkg := range allowed {
		visit(pkg, nil)
	}
}
