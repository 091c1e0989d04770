package folder

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
	"github.com/omnisim/omnisim/output/table"
)

// goldenFolder writes the folder the golden files hold: the golden report
// (three channels, two pools, word of mouth, three replications of fake
// results, moves between channels added) with the hand-written contacts,
// as omnisim run --journeys writes it.
func goldenFolder(t *testing.T, dir string) *output.Dataset {
	t.Helper()
	r := fixture.GoldenReport()
	r.Description = "A world made up for the golden files.\n\nIts numbers come from arithmetic, not simulation."
	for rep, res := range r.Batches {
		res.Flows = make([][]int64, len(r.Config.Channels))
		for i := range res.Flows {
			res.Flows[i] = make([]int64, len(r.Config.Channels))
			for j := range res.Flows[i] {
				if i != j {
					res.Flows[i][j] = int64(i + 2*j + rep)
				}
			}
		}
	}
	ds := r.Dataset("test")
	contacts := fixture.TraceAll(t, table.NewContacts, dir, fixture.GoldenContacts())
	if err := Write(dir, RunFiles(ds, RunSummary(r, "test"), contacts.File()), false); err != nil {
		t.Fatal(err)
	}
	return ds
}

// listFolder returns the files under dir, with slashes, sorted; but for
// the manifest (ManifestFile), which TestManifest checks.
func listFolder(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if rel == ManifestFile {
			return err
		}
		names = append(names, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	return names
}

// TestFolderGolden compares every file of the golden folder with
// testdata/folder, byte for byte (summary.json's numbers at 9 significant
// digits, as the JSON golden file has them); -update rewrites them.
func TestFolderGolden(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "run")
	goldenFolder(t, dir)
	got := listFolder(t, dir)
	want := []string{"contacts.csv", "customers.csv", "daily.csv", "expectation.csv", "flows.csv",
		"intervals.csv", "staffing.csv", "summary.json", "totals.csv"}
	if !slices.Equal(got, want) {
		t.Fatalf("files: got %v, want %v", got, want)
	}
	if *fixture.Update {
		if err := os.RemoveAll(filepath.Join("testdata", "folder")); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join("testdata", "folder"), 0o777); err != nil {
			t.Fatal(err)
		}
	} else if stored := listFolder(t, filepath.Join("testdata", "folder")); !slices.Equal(stored, got) {
		t.Errorf("testdata/folder holds %v, the folder %v (go test -update rewrites it)", stored, got)
	}
	for _, name := range got {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if strings.HasSuffix(name, ".json") {
			text = fixture.FixedPrecision(text)
		}
		fixture.CheckGolden(t, "folder/"+name, text)
	}
}

// TestFolderIsDeterministic: the same run writes the same bytes, and
// nothing of the moment it was written.
func TestFolderIsDeterministic(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	goldenFolder(t, a)
	goldenFolder(t, b)
	for _, name := range listFolder(t, a) {
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, _ := os.ReadFile(filepath.Join(b, name))
		if string(x) != string(y) {
			t.Errorf("%s differs from one writing to the next", name)
		}
	}
}

// TestReadFolderRoundTrip: Read gives back every table and the run's
// description as written, with word of mouth and without.
func TestReadFolderRoundTrip(t *testing.T) {
	for _, wom := range []bool{true, false} {
		r := fixture.GoldenReport()
		r.Config.WordOfMouth.Enabled = wom
		if wom {
			r.Claims = fixture.StoryClaims() // a demo's folder, with claims.csv
		}
		ds := r.Dataset("v1.2.3")
		if (ds.Claims != nil) != wom {
			t.Fatalf("word of mouth %v: claims table %v", wom, ds.Claims != nil)
		}
		if (ds.Expectation != nil) != wom {
			t.Fatalf("word of mouth %v: expectation table %v", wom, ds.Expectation != nil)
		}
		dir := filepath.Join(t.TempDir(), "run")
		if err := Write(dir, RunFiles(ds, RunSummary(r, "v1.2.3")), false); err != nil {
			t.Fatal(err)
		}
		back, err := Read(dir)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back.Meta, ds.Meta) {
			t.Errorf("word of mouth %v: Meta:\n got %+v\nwant %+v", wom, back.Meta, ds.Meta)
		}
		for _, tc := range []struct {
			name      string
			got, want *output.CSVTable
		}{
			{"intervals", back.Intervals, ds.Intervals},
			{"daily", back.Daily, ds.Daily},
			{"customers", back.Customers, ds.Customers},
			{"staffing", back.Staffing, ds.Staffing},
			{"flows", back.Flows, ds.Flows},
			{"expectation", back.Expectation, ds.Expectation},
			{"totals", back.Totals, ds.Totals},
			{"claims", back.Claims, ds.Claims},
		} {
			if !sameTable(tc.got, tc.want) {
				t.Errorf("word of mouth %v: %s differs once read back", wom, tc.name)
			}
		}
	}
}

// sameTable tells whether two tables have the same columns and cells (an
// empty table read back has no rows, not nil rows).
func sameTable(a, b *output.CSVTable) bool {
	if a == nil || b == nil {
		return a == b
	}
	if !slices.Equal(a.Columns, b.Columns) || len(a.Rows) != len(b.Rows) {
		return false
	}
	for i := range a.Rows {
		if !slices.Equal(a.Rows[i], b.Rows[i]) {
			return false
		}
	}
	return true
}

// TestReadFolderErrors: each way a folder can be broken gives an error
// naming the file at fault.
func TestReadFolderErrors(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(dir string) error
		want  string
	}{
		{"no folder", func(dir string) error { return os.RemoveAll(dir) }, "no such folder: $DIR"},
		{"a file", func(dir string) error {
			if err := os.RemoveAll(dir); err != nil {
				return err
			}
			return os.WriteFile(dir, nil, 0o666)
		}, "$DIR is a file, not a run's output folder"},
		{"no summary", removeFile("summary.json"), "$DIR has no summary.json: is it a run's output folder?"},
		{"summary not JSON", overwrite("summary.json", "{"), "$DIR/summary.json: unexpected end of JSON input"},
		{"summary without run", overwrite("summary.json", `{"omnisim_version": "1"}`), `$DIR/summary.json has no "run" object`},
		{"run not an object", overwrite("summary.json", `{"run": [1]}`), "$DIR/summary.json: json: cannot unmarshal array"},
		{"no daily", removeFile("daily.csv"), "$DIR/daily.csv is missing"},
		{"no expectation", removeFile("expectation.csv"), "$DIR/expectation.csv is missing"},
		{"totals not CSV", overwrite("totals.csv", "a\n\"b"), "$DIR/totals.csv: "},
		{"empty staffing", overwrite("staffing.csv", ""), "$DIR/staffing.csv: empty CSV file, not even a header"},
		{"ragged intervals", overwrite("intervals.csv", "channel,interval\nphone,2\n3\n"), "$DIR/intervals.csv: record on line 3: wrong number of fields"},
		// A folder tampered with: each cell at its line and column.
		{"NaN count", setCell("intervals.csv", 1, "offered", "NaN"), `$DIR/intervals.csv:2:23: offered: "NaN" is not a number`},
		{"negative count", setCell("daily.csv", 1, "answered", "-3"), `$DIR/daily.csv:2:16: answered: -3 is below zero`},
		{"infinite time", setCell("intervals.csv", 2, "asa_seconds", "1e999"), `$DIR/intervals.csv:3:`},
		{"share above one", setCell("intervals.csv", 1, "service_level", "1.5"), `$DIR/intervals.csv:2:`},
		{"word for a number", setCell("staffing.csv", 1, "busy", "lots"), `$DIR/staffing.csv:2:`},
		{"column gone", overwrite("flows.csv", "from,to\nphone,chat\n"), `$DIR/flows.csv:1:1: the header has no column "moves"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "run")
			goldenFolder(t, dir)
			if err := tc.spoil(dir); err != nil {
				t.Fatal(err)
			}
			_, err := Read(dir)
			want := "output: " + strings.ReplaceAll(tc.want, "$DIR", dir)
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("got %v, want %s", err, want)
			}
		})
	}
}

func removeFile(name string) func(string) error {
	return func(dir string) error { return os.Remove(filepath.Join(dir, name)) }
}

// setCell returns a spoiler that writes value into the cell of row (from
// 1, after the header) under column col of the CSV file name.
func setCell(name string, row int, col, value string) func(string) error {
	return func(dir string) error {
		p := filepath.Join(dir, name)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		lines := strings.Split(string(data), "\n")
		j := slices.Index(strings.Split(lines[0], ","), col)
		cells := strings.Split(lines[row], ",")
		if j < 0 || j >= len(cells) {
			return fmt.Errorf("%s has no column %s in row %d", name, col, row)
		}
		cells[j] = value
		lines[row] = strings.Join(cells, ",")
		return os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o666)
	}
}

func overwrite(name, content string) func(string) error {
	return func(dir string) error { return os.WriteFile(filepath.Join(dir, name), []byte(content), 0o666) }
}

// textFile is a File that writes s.
func textFile(name, s string) output.File {
	return output.File{Name: name, Write: func(w io.Writer) error { _, err := io.WriteString(w, s); return err }}
}

// failingFile is a File that writes half of itself, then fails.
func failingFile(name string) output.File {
	return output.File{Name: name, Write: func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("disk full")
	}}
}

// readFolderFiles returns every file under dir and its contents.
func readFolderFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, name := range listFolder(t, dir) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = string(data)
	}
	return out
}

// outputFolder makes dir a run's output folder: a summary.json listing
// its files, and a.csv holding content.
func outputFolder(t *testing.T, dir, content string) {
	t.Helper()
	if err := Write(dir, []output.File{textFile(SummaryFile, `{"omnisim_version": "0", "files": {"a.csv": {}}}`), textFile("a.csv", content)}, false); err != nil {
		t.Fatal(err)
	}
}

// TestForceKeepsTheUsersFiles: --force replaces an output folder only when
// every file it holds is one omnisim wrote there, as its manifest lists
// them: a file of the user's is refused by name and left as it was
// (TestForceSparesUserFiles has the other cases).
func TestForceKeepsTheUsersFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "run")
	outputFolder(t, dir, "old")
	notes := filepath.Join(dir, "notes", "mine.txt")
	if err := os.MkdirAll(filepath.Dir(notes), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(notes, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Write(dir, []output.File{textFile(SummaryFile, `{"omnisim_version": "0"}`)}, true)
	var exists *output.ExistsError
	if !errors.As(err, &exists) || !strings.Contains(err.Error(), "holds notes/mine.txt, which omnisim did not write") {
		t.Errorf("got %v, want a refusal naming notes/mine.txt", err)
	}
	if data, err := os.ReadFile(notes); err != nil || string(data) != "keep" {
		t.Errorf("the user's file: %q, %v", data, err)
	}
	if err := os.Remove(notes); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, []output.File{textFile(SummaryFile, `{"omnisim_version": "0"}`)}, true); err != nil {
		t.Errorf("only omnisim's files left: %v", err)
	}
}

// TestWriteFolder: a folder appears whole or not at all, an existing one is
// replaced only with force and only if it is an output folder, and no
// temporary folder is left behind.
func TestWriteFolder(t *testing.T) {
	t.Run("new, with subfolders", func(t *testing.T) {
		parent := t.TempDir()
		dir := filepath.Join(parent, "deeper", "run")
		files := []output.File{textFile("a.csv", "a"), textFile("charts/b.svg", "b"), textFile("charts/c.png", "c")}
		if err := Write(dir, files, false); err != nil {
			t.Fatal(err)
		}
		if got, want := readFolderFiles(t, dir), map[string]string{"a.csv": "a", "charts/b.svg": "b", "charts/c.png": "c"}; !reflect.DeepEqual(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
		if got := fixture.Entries(t, filepath.Dir(dir)); !slices.Equal(got, []string{"run"}) {
			t.Errorf("beside the folder: %v, want only it", got)
		}
	})
	t.Run("a file fails", func(t *testing.T) {
		parent := t.TempDir()
		dir := filepath.Join(parent, "run")
		err := Write(dir, []output.File{textFile("a.csv", "a"), failingFile("b.csv"), textFile("c.csv", "c")}, false)
		if err == nil || err.Error() != "output: writing b.csv: disk full" {
			t.Errorf("got %v, want the failing file's error", err)
		}
		if got := fixture.Entries(t, parent); len(got) != 0 {
			t.Errorf("left behind: %v", got)
		}
	})
	t.Run("exists", func(t *testing.T) {
		parent := t.TempDir()
		dir := filepath.Join(parent, "run")
		outputFolder(t, dir, "old")
		called := false
		err := Write(dir, []output.File{{Name: "a.csv", Write: func(io.Writer) error { called = true; return nil }}}, false)
		var exists *output.ExistsError
		if !errors.As(err, &exists) || exists.Dir != dir || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "--force") {
			t.Errorf("got %v, want an ExistsError naming %s and --force", err, dir)
		}
		if called {
			t.Errorf("a file was written though the folder exists")
		}
		if got := readFolderFiles(t, dir); got["a.csv"] != "old" {
			t.Errorf("the old folder changed: %v", got)
		}
		if got := fixture.Entries(t, parent); !slices.Equal(got, []string{"run"}) {
			t.Errorf("beside the folder: %v, want only it", got)
		}
	})
	t.Run("force replaces", func(t *testing.T) {
		parent := t.TempDir()
		dir := filepath.Join(parent, "run")
		// A file the old run wrote and the new one does not goes too.
		old := []output.File{textFile(SummaryFile, `{"omnisim_version": "0", "files": {"a.csv": {}, "stale.csv": {}}}`),
			textFile("a.csv", "old"), textFile("stale.csv", "")}
		if err := Write(dir, old, false); err != nil {
			t.Fatal(err)
		}
		if err := Write(dir, []output.File{textFile(SummaryFile, "{}"), textFile("a.csv", "new")}, true); err != nil {
			t.Fatal(err)
		}
		if got, want := readFolderFiles(t, dir), map[string]string{SummaryFile: "{}", "a.csv": "new"}; !reflect.DeepEqual(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
		if got := fixture.Entries(t, parent); !slices.Equal(got, []string{"run"}) {
			t.Errorf("beside the folder: %v, want only it", got)
		}
	})
	t.Run("force replaces an empty folder", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "run")
		if err := os.Mkdir(dir, 0o777); err != nil {
			t.Fatal(err)
		}
		if err := Write(dir, []output.File{textFile("a.csv", "new")}, true); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("force, and a file fails", func(t *testing.T) {
		parent := t.TempDir()
		dir := filepath.Join(parent, "run")
		outputFolder(t, dir, "old")
		if err := Write(dir, []output.File{textFile("a.csv", "new"), failingFile("b.csv")}, true); err == nil {
			t.Errorf("no error")
		}
		if got := readFolderFiles(t, dir); got["a.csv"] != "old" || len(got) != 2 {
			t.Errorf("the old folder changed: %v", got)
		}
		if got := fixture.Entries(t, parent); !slices.Equal(got, []string{"run"}) {
			t.Errorf("beside the folder: %v, want only it", got)
		}
	})
	t.Run("force spares what is not an output folder", func(t *testing.T) {
		for _, tc := range []struct {
			name  string
			setup func(dir string) error
			why   string
		}{
			{"other files", func(dir string) error {
				if err := os.Mkdir(dir, 0o777); err != nil {
					return err
				}
				return os.WriteFile(filepath.Join(dir, "thesis.tex"), []byte("precious"), 0o666)
			}, "was not written by omnisim: it has no .omnisim-manifest (nor summary.json)"},
			{"another summary.json", func(dir string) error {
				if err := os.Mkdir(dir, 0o777); err != nil {
					return err
				}
				return os.WriteFile(filepath.Join(dir, SummaryFile), []byte(`{"total": 3}`), 0o666)
			}, "its summary.json was not written by omnisim"},
			{"a file", func(dir string) error { return os.WriteFile(dir, []byte("precious"), 0o666) }, "is not a folder"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "run")
				if err := tc.setup(dir); err != nil {
					t.Fatal(err)
				}
				err := Write(dir, []output.File{textFile("a.csv", "new")}, true)
				var exists *output.ExistsError
				if !errors.As(err, &exists) || exists.Why != tc.why {
					t.Fatalf("got %v, want an ExistsError because it %s", err, tc.why)
				}
				if cerr := Check(dir, true); cerr == nil || cerr.Error() != err.Error() {
					t.Errorf("Check: got %v, want %v", cerr, err)
				}
				if _, serr := os.Stat(filepath.Join(dir, "a.csv")); serr == nil {
					t.Errorf("the folder was written into")
				}
			})
		}
	})
	t.Run("bad names", func(t *testing.T) {
		for _, files := range [][]output.File{
			{textFile("", "x")},
			{textFile("../a.csv", "x")},
			{textFile("/a.csv", "x")},
			{textFile("charts/../a.csv", "x")},
			{textFile("a.csv", "x"), textFile("a.csv", "y")},
			{{Name: "a.csv"}},
		} {
			parent := t.TempDir()
			if err := Write(filepath.Join(parent, "run"), files, false); err == nil {
				t.Errorf("%q: no error", files[len(files)-1].Name)
			}
			if got := fixture.Entries(t, parent); len(got) != 0 {
				t.Errorf("%q: left behind %v", files[len(files)-1].Name, got)
			}
		}
	})
	t.Run("not a folder's name", func(t *testing.T) {
		for _, dir := range []string{".", "..", "/", "a/.."} {
			if err := Write(dir, nil, true); err == nil || !strings.Contains(err.Error(), "name a new folder") {
				t.Errorf("%q: got %v, want a refusal", dir, err)
			}
		}
	})
}

// TestCheckFolder: before a run, Check reports what Write would,
// and makes the parent folder.
func TestCheckFolder(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "a", "b", "run")
	if err := Check(dir, false); err != nil {
		t.Fatal(err)
	}
	if got := fixture.Entries(t, filepath.Dir(dir)); len(got) != 0 {
		t.Errorf("left behind: %v", got)
	}
	outputFolder(t, dir, "x")
	var exists *output.ExistsError
	if err := Check(dir, false); !errors.As(err, &exists) {
		t.Errorf("existing folder: got %v, want an ExistsError", err)
	}
	if err := Check(dir, true); err != nil {
		t.Errorf("existing output folder with force: %v", err)
	}
	file := filepath.Join(parent, "file")
	if err := os.WriteFile(file, nil, 0o666); err != nil {
		t.Fatal(err)
	}
	if err := Check(filepath.Join(file, "run"), false); err == nil || errors.As(err, &exists) {
		t.Errorf("under a file: got %v, want an I/O error", err)
	} else if want := "output: cannot make the folder " + file + ": not a directory"; err.Error() != want {
		t.Errorf("under a file: got %q, want %q", err, want)
	}
}

// TestCheckFolderNamesTheUsersFolder checks that a folder that cannot be
// written into is named, not the probe Check tries to make in it.
func TestCheckFolderNamesTheUsersFolder(t *testing.T) {
	// Nobody, root included, makes a folder in /sys; elsewhere the test
	// needs a read-only folder, which root would write into anyway.
	parent := "/sys"
	if err := os.Mkdir(filepath.Join(parent, "omnisim-test"), 0o777); err == nil || !errors.Is(err, fs.ErrPermission) {
		if err == nil {
			os.Remove(filepath.Join(parent, "omnisim-test"))
		}
		parent = t.TempDir()
		if err := os.Chmod(parent, 0o555); err != nil {
			t.Fatal(err)
		}
		if f, err := os.CreateTemp(parent, "x"); err == nil {
			f.Close()
			t.Skip("a read-only folder can be written into here (root?)")
		}
	}
	err := Check(filepath.Join(parent, "proj"), false)
	if err == nil {
		t.Fatal("no error")
	}
	want := "output: cannot write into " + parent + ": "
	if !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "probe") {
		t.Errorf("got %q, want it to start %q and name no probe", err, want)
	}
}

// TestReadFolderTellsEveryTable checks that a folder tampered with in
// several files names every one at once, as bad input.
func TestReadFolderTellsEveryTable(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "run")
	goldenFolder(t, dir)
	for _, spoil := range []func(string) error{setCell("daily.csv", 1, "answered", "-3"), setCell("staffing.csv", 2, "busy", "NaN")} {
		if err := spoil(dir); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Read(dir)
	var bad *Error
	if !errors.As(err, &bad) || !bad.BadInput() {
		t.Fatalf("got %v (%T), want a Error", err, err)
	}
	for _, want := range []string{filepath.Join(dir, "daily.csv") + ":2:", filepath.Join(dir, "staffing.csv") + ":3:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want it to name %s", err, want)
		}
	}
}

// TestReadFolderWithoutTotals: a folder written before totals.csv existed
// still reads, with no totals.
func TestReadFolderWithoutTotals(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "run")
	goldenFolder(t, dir)
	if err := removeFile(TotalsFile)(dir); err != nil {
		t.Fatal(err)
	}
	ds, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if ds.Totals != nil {
		t.Errorf("Totals read from nowhere")
	}
}
