package folder

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/output"
)

// TestManifest: Write lists every file it wrote, with its size and
// SHA-256, in the folder's manifest.
func TestManifest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "run")
	if err := Write(dir, []output.File{textFile("a.csv", "a"), textFile("charts/b.svg", "bb")}, false); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	// The checksums: sha256sum of "a" and of "bb".
	want := manifestHeader +
		"ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb 1 a.csv\n" +
		"3b64db95cb55c763391c707108489ae18b4112d783300de38e033b4c98c3deaf 2 charts/b.svg\n"
	if string(data) != want {
		t.Errorf("got\n%s\nwant\n%s", data, want)
	}
	if err := Write(filepath.Join(t.TempDir(), "x"), []output.File{textFile(ManifestFile, "")}, false); err == nil {
		t.Errorf("a file named as the manifest: no error")
	}
}

// writeFiles writes each file of files (name: content) into dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
}

// TestForceSparesUserFiles: --force replaces a folder only while it holds
// nothing but the files omnisim wrote there, unchanged; otherwise it
// refuses, naming the files, and the folder is left as it was. Before the
// manifest, a stray summary.json among a user's files was enough for
// --force to delete them all.
func TestForceSparesUserFiles(t *testing.T) {
	legacySummary := `{"omnisim_version": "0.9", "files": {"summary.json": {}, "a.csv": {}, "charts/q.svg": {}}}`
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir string)
		why   string // "" when --force may replace it
	}{
		{"omnisim's own", func(t *testing.T, dir string) { outputFolder(t, dir, "old") }, ""},
		{"a file added", func(t *testing.T, dir string) {
			outputFolder(t, dir, "old")
			writeFiles(t, dir, map[string]string{"notes.txt": "mine"})
		}, "holds notes.txt, which omnisim did not write"},
		{"files added in a subfolder", func(t *testing.T, dir string) {
			outputFolder(t, dir, "old")
			writeFiles(t, dir, map[string]string{"mine/b.txt": "b", "mine/a.txt": "a"})
		}, "holds mine/a.txt and mine/b.txt, which omnisim did not write"},
		{"a file changed", func(t *testing.T, dir string) {
			outputFolder(t, dir, "old")
			writeFiles(t, dir, map[string]string{"a.csv": "edited"})
		}, "its a.csv was changed since omnisim wrote it"},
		{"a file changed, same size", func(t *testing.T, dir string) {
			outputFolder(t, dir, "old")
			writeFiles(t, dir, map[string]string{"a.csv": "OLD"})
		}, "its a.csv was changed since omnisim wrote it"},
		{"added and changed", func(t *testing.T, dir string) {
			outputFolder(t, dir, "old")
			writeFiles(t, dir, map[string]string{"a.csv": "edited", "x.txt": "", "y.txt": ""})
		}, "holds x.txt and y.txt, which omnisim did not write, and its a.csv was changed since omnisim wrote it"},
		{"a stray summary.json among a user's files", func(t *testing.T, dir string) {
			writeFiles(t, dir, map[string]string{SummaryFile: `{"omnisim_version": "1"}`, "thesis.tex": "precious", "data.csv": "1,2"})
		}, "holds data.csv and thesis.tex, which omnisim did not write"},
		{"a damaged manifest", func(t *testing.T, dir string) {
			outputFolder(t, dir, "old")
			writeFiles(t, dir, map[string]string{ManifestFile: "nonsense\n"})
		}, "its .omnisim-manifest is damaged at line 1"},
		{"legacy, every file listed", func(t *testing.T, dir string) {
			writeFiles(t, dir, map[string]string{SummaryFile: legacySummary, "a.csv": "x", "charts/q.svg": "q"})
		}, ""},
		{"legacy, a file not listed", func(t *testing.T, dir string) {
			writeFiles(t, dir, map[string]string{SummaryFile: legacySummary, "a.csv": "x", "budget.xlsx": "q"})
		}, "holds budget.xlsx, which omnisim did not write"},
		{"many files", func(t *testing.T, dir string) {
			writeFiles(t, dir, map[string]string{"1": "", "2": "", "3": "", "4": "", "5": "", "6": "", "7": ""})
		}, "was not written by omnisim: it has no .omnisim-manifest (nor summary.json)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "run")
			tc.setup(t, dir)
			before := readFolderFiles(t, dir)
			err := Write(dir, []output.File{textFile(SummaryFile, `{"omnisim_version": "1"}`), textFile("a.csv", "new")}, true)
			if tc.why == "" {
				if err != nil {
					t.Fatal(err)
				}
				if got := readFolderFiles(t, dir)["a.csv"]; got != "new" {
					t.Errorf("a.csv: got %q, want the new run's", got)
				}
				return
			}
			var exists *output.ExistsError
			if !errors.As(err, &exists) || exists.Why != tc.why {
				t.Fatalf("got %v, want an ExistsError because it %s", err, tc.why)
			}
			if !strings.Contains(err.Error(), "--force replaces only a folder holding nothing but omnisim's own files") {
				t.Errorf("got %v, want what --force replaces", err)
			}
			after := readFolderFiles(t, dir)
			if len(after) != len(before) {
				t.Errorf("the folder changed: %v, was %v", after, before)
			}
			for name, content := range before {
				if after[name] != content {
					t.Errorf("%s: got %q, was %q", name, after[name], content)
				}
			}
		})
	}
}

// TestNameList: long lists are cut after maxNamed names.
func TestNameList(t *testing.T) {
	for _, tc := range []struct {
		names []string
		want  string
	}{
		{[]string{"a"}, "a"},
		{[]string{"b", "a"}, "a and b"},
		{[]string{"c", "b", "a"}, "a, b and c"},
		{[]string{"g", "f", "e", "d", "c", "b", "a"}, "a, b, c, d, e and 2 more"},
	} {
		if got := nameList(tc.names); got != tc.want {
			t.Errorf("%v: got %q, want %q", tc.names, got, tc.want)
		}
	}
}

// TestCheckReplace: files may be written over only where the folder's
// manifest vouches for them; RecordFiles vouches for files written.
func TestCheckReplace(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"mine.svg": "mine", "queue.svg": "q1"})
	err := CheckReplace(dir, []string{"queue.svg", "queue.png", "mine.svg"})
	var foreign *ForeignError
	if !errors.As(err, &foreign) || nameList(foreign.Added) != "mine.svg and queue.svg" || len(foreign.Changed) != 0 {
		t.Fatalf("no manifest: got %v, want mine.svg and queue.svg refused", err)
	}
	if !strings.Contains(err.Error(), "--force would replace mine.svg and queue.svg, which omnisim did not write") {
		t.Errorf("got %q", err)
	}
	if err := os.Remove(filepath.Join(dir, "queue.svg")); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"queue.svg": "q2", "queue.png": "p2"})
	if err := RecordFiles(dir, []string{"queue.svg", "queue.png"}); err != nil {
		t.Fatal(err)
	}
	if err := CheckReplace(dir, []string{"queue.svg", "queue.png", "new.svg"}); err != nil {
		t.Errorf("recorded files: %v", err)
	}
	if err := CheckReplace(dir, []string{"queue.svg", "mine.svg"}); !errors.As(err, &foreign) || nameList(foreign.Added) != "mine.svg" {
		t.Errorf("an unrecorded file: got %v, want mine.svg refused", err)
	}
	writeFiles(t, dir, map[string]string{"queue.png": "edited"})
	if err := CheckReplace(dir, []string{"queue.png"}); !errors.As(err, &foreign) || nameList(foreign.Changed) != "queue.png" {
		t.Errorf("a changed file: got %v, want queue.png refused", err)
	}
	// A folder written before manifests keeps none: a manifest of a few
	// of its files would disown the rest.
	legacy := t.TempDir()
	writeFiles(t, legacy, map[string]string{SummaryFile: `{"omnisim_version": "0.9", "files": {"charts/q.svg": {}}}`, "charts/q.svg": "q"})
	writeFiles(t, legacy, map[string]string{"charts/mine.svg": "m"})
	if err := CheckReplace(legacy, []string{"charts/q.svg", "charts/mine.svg"}); !errors.As(err, &foreign) || nameList(foreign.Added) != "charts/mine.svg" {
		t.Errorf("a folder written before manifests: got %v, want charts/mine.svg refused, the listed charts/q.svg not", err)
	}
	if err := RecordFiles(legacy, []string{"charts/q.svg"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(legacy, ManifestFile)); err == nil {
		t.Errorf("a manifest was added to a folder written before manifests")
	}
}
