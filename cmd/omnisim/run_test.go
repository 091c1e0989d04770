package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"weak"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/chart"
	"github.com/omnisim/omnisim/output/folder"
)

// TestMain fails the tests if any of them wrote an output folder into the
// working directory, as omnisim run does by default: a test must say
// --no-out, or --out under t.TempDir().
func TestMain(m *testing.M) {
	_, before := os.Stat(outRoot)
	code := m.Run()
	if _, after := os.Stat(outRoot); before != nil && after == nil {
		fmt.Fprintf(os.Stderr, "a test wrote %s into %s: give run --no-out, or --out under t.TempDir()\n", outRoot, "cmd/omnisim")
		os.RemoveAll(outRoot)
		code = 1
	}
	os.Exit(code)
}

// readFolder returns every file of a folder and its bytes.
func readFolder(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == folder.ManifestFile {
			return nil // it holds summary.json's checksum: TestRunManifest checks it
		}
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func fileNames(files map[string]string) []string {
	var names []string
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// TestRunOut: run --out writes the folder and says so on stderr, with the
// same stdout as --no-out; a second run to the same folder is refused
// (status 2, nothing on stdout, the folder untouched), and --force replaces
// it.
func TestRunOut(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "results", "textbook")
	base := args("run", "textbook", "--reps", "2")
	plain := omnisim(t, args(base, "--no-out")...)

	r := omnisim(t, args(base, "--out", dir)...)
	if r.code != exitOK {
		t.Fatalf("exit status %d; stderr:\n%s", r.code, r.stderr)
	}
	if r.stdout != plain.stdout {
		t.Errorf("stdout differs from --no-out's:\n%s", firstDiff(r.stdout, plain.stdout))
	}
	timing, wrote, _ := strings.Cut(r.stderr, "\n")
	if !runTiming.MatchString(timing+"\n") || wrote != "omnisim: wrote "+dir+"\n" {
		t.Errorf("stderr: got %q, want the timing line, then omnisim: wrote %s", r.stderr, dir)
	}
	first := readFolder(t, dir)
	var want []string
	for _, c := range chart.Run(nil) {
		want = append(want, "charts/"+c.Name+".png", "charts/"+c.Name+".svg")
	}
	want = append(want, "customers.csv", "daily.csv", "flows.csv", "intervals.csv", "report.html", "scenario.yaml", "staffing.csv", "summary.json", "totals.csv")
	slices.Sort(want)
	if got := fileNames(first); !slices.Equal(got, want) {
		t.Errorf("files: got %v, want %v", got, want)
	}
	var summary struct {
		Version string `json:"omnisim_version"`
		Run     struct{ Scenario string }
		Files   map[string]struct{ Description string }
	}
	if err := json.Unmarshal([]byte(first["summary.json"]), &summary); err != nil || summary.Version != version || summary.Run.Scenario != "textbook" {
		t.Errorf("summary.json: version %q, scenario %q, %v", summary.Version, summary.Run.Scenario, err)
	}
	for _, name := range want {
		if summary.Files[name].Description == "" {
			t.Errorf("summary.json: files: no description of %s", name)
		}
	}
	for _, c := range chart.Run(nil) {
		if !strings.HasPrefix(first["charts/"+c.Name+".png"], "\x89PNG") || !strings.Contains(first["charts/"+c.Name+".svg"], "<svg") {
			t.Errorf("charts/%s: not a PNG and an SVG", c.Name)
		}
		if !strings.Contains(first["report.html"], `id="chart-`+c.Name+`"`) {
			t.Errorf("report.html: no chart %s", c.Name)
		}
	}
	// The whole folder, charts and report included, is the same whatever
	// -j is.
	serial := filepath.Join(t.TempDir(), "serial")
	if r := omnisim(t, args(base, "--out", serial, "-j", "1")...); r.code != exitOK {
		t.Fatalf("-j 1: exit status %d; stderr:\n%s", r.code, r.stderr)
	}
	compareFolders(t, serial, dir)
	if _, err := folder.Read(dir); err != nil {
		t.Errorf("reading the folder back: %v", err)
	}

	again := omnisim(t, args(base, "--out", dir)...)
	wantMsg := "omnisim: output: " + dir + " already exists: name another folder, or add --force to replace it\n"
	if again.code != exitInput || again.stdout != "" || again.stderr != wantMsg {
		t.Errorf("again: got status %d, stdout %q, stderr %q; want %d, nothing, %q", again.code, again.stdout, again.stderr, exitInput, wantMsg)
	}
	if !mapsEqual(readFolder(t, dir), first) {
		t.Errorf("a refused run changed the folder")
	}

	forced := omnisim(t, args(base, "--out", dir, "--force", "--seed", "2")...)
	if forced.code != exitOK || !strings.HasSuffix(forced.stderr, "omnisim: wrote "+dir+"\n") {
		t.Fatalf("--force: exit status %d; stderr:\n%s", forced.code, forced.stderr)
	}
	if second := readFolder(t, dir); mapsEqual(second, first) || !slices.Equal(fileNames(second), want) {
		t.Errorf("--force with another seed: want the folder replaced by the new run's")
	}
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("beside the folder: %d entries, want only it", len(entries))
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestRunOutRefused: --force replaces only a run's output folder; anything
// else at --out is left alone, with status 2 and nothing on stdout.
func TestRunOutRefused(t *testing.T) {
	for _, tc := range []struct {
		name  string
		make  func(p string) error
		force bool
		why   string
	}{
		{"a folder", func(p string) error { return os.Mkdir(p, 0o777) }, false, ""},
		{"a folder not a run's", func(p string) error {
			if err := os.Mkdir(p, 0o777); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(p, "notes.txt"), []byte("precious"), 0o666)
		}, true, "was not written by omnisim: it has no .omnisim-manifest (nor summary.json)"},
		{"a stray summary.json among a user's files", func(p string) error {
			if err := os.Mkdir(p, 0o777); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(p, "summary.json"), []byte(`{"omnisim_version": "1"}`), 0o666); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(p, "notes.txt"), []byte("precious"), 0o666)
		}, true, "holds notes.txt, which omnisim did not write"},
		{"a file", func(p string) error { return os.WriteFile(p, []byte("precious"), 0o666) }, true, "is not a folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "out")
			if err := tc.make(p); err != nil {
				t.Fatal(err)
			}
			argv := args("run", "textbook", "--reps", "1", "--out", p)
			want := "omnisim: output: " + p + " already exists: name another folder, or add --force to replace it\n"
			if tc.force {
				argv = append(argv, "--force")
				want = "omnisim: output: " + p + " already exists and " + tc.why + ": --force replaces only a folder holding nothing but omnisim's own files; move the others out, or name another folder\n"
			}
			r := omnisim(t, argv...)
			if r.code != exitInput || r.stdout != "" || r.stderr != want {
				t.Errorf("got status %d, stdout %q, stderr %q; want %d, nothing, %q", r.code, r.stdout, r.stderr, exitInput, want)
			}
			if data, err := os.ReadFile(filepath.Join(p, "notes.txt")); (strings.HasPrefix(tc.name, "a folder not") || strings.HasPrefix(tc.name, "a stray")) && string(data) != "precious" {
				t.Errorf("the folder's file: %q, %v", data, err)
			}
			if data, _ := os.ReadFile(p); tc.name == "a file" && string(data) != "precious" {
				t.Errorf("the file: %q", data)
			}
		})
	}
}

// TestRunOutUnwritable: a folder that cannot be made is a failure (status
// 1), reported before the run, with nothing on stdout.
func TestRunOutUnwritable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o666); err != nil {
		t.Fatal(err)
	}
	r := omnisim(t, "run", "textbook", "--reps", "1", "--out", filepath.Join(file, "run"))
	if r.code != exitFailure || r.stdout != "" || r.stderr != "omnisim: output: cannot make the folder "+file+": not a directory\n" {
		t.Errorf("got status %d, stdout %q, stderr %q; want %d, naming the folder that cannot be made", r.code, r.stdout, r.stderr, exitFailure)
	}
	checkMessage(t, r.stderr)
}

// TestRunJourneys: --journeys writes contacts.csv, the same bytes (as every
// other file) whatever -j; its rows that arrived in the measured window are
// the contacts the figures count, and each previous contact is an earlier
// one of the same customer.
func TestRunJourneys(t *testing.T) {
	tmp := t.TempDir()
	base := args("run", "siloed-vs-integrated", "--reps", "3", "--set", "horizon=2d", "--journeys")
	var folders []map[string]string
	for _, j := range []string{"1", "2", "3"} {
		dir := filepath.Join(tmp, "j"+j)
		r := omnisim(t, args(base, "-j", j, "--out", dir)...)
		if r.code != exitOK {
			t.Fatalf("-j %s: exit status %d; stderr:\n%s", j, r.code, r.stderr)
		}
		folders = append(folders, readFolder(t, dir))
		if j != "1" {
			compareFolders(t, filepath.Join(tmp, "j1"), dir)
		}
	}
	files := folders[0]
	if _, ok := files["contacts.csv"]; !ok {
		t.Fatalf("no contacts.csv among %v", fileNames(files))
	}
	tb, err := output.ReadCSVTable(strings.NewReader(files["contacts.csv"]))
	if err != nil {
		t.Fatal(err)
	}
	var summary struct {
		Run      output.Meta
		Channels map[string]struct{ Offered float64 }
	}
	if err := json.Unmarshal([]byte(files["summary.json"]), &summary); err != nil {
		t.Fatal(err)
	}
	m := summary.Run
	inWindow := map[string]int{}
	type key struct{ rep, id string }
	customer := map[key]string{}
	reps := map[string]bool{}
	lastRep := -1
	for i := range tb.Rows {
		rep := tb.Text(i, "replication")
		n, _ := strconv.Atoi(rep)
		if n < lastRep {
			t.Fatalf("row %d: replication %d after %d", i+1, n, lastRep)
		}
		lastRep = n
		reps[rep] = true
		customer[key{rep, tb.Text(i, "contact")}] = tb.Text(i, "customer")
		if at := tb.Float(i, "arrived_seconds"); at >= m.WarmupSeconds && at < m.HorizonSeconds {
			inWindow[tb.Text(i, "channel")]++
		}
	}
	if len(reps) != 3 || len(customer) != len(tb.Rows) {
		t.Errorf("%d replications and %d contacts in %d rows: want 3, each contact once", len(reps), len(customer), len(tb.Rows))
	}
	for name, ch := range summary.Channels {
		if want := ch.Offered * float64(m.Replications); float64(inWindow[name]) != want {
			t.Errorf("%s: %d contacts arrived in the measured window, the figures offered %v", name, inWindow[name], want)
		}
	}
	links := 0
	for i := range tb.Rows {
		prev := tb.Text(i, "previous")
		if prev == "" {
			continue
		}
		links++
		rep := tb.Text(i, "replication")
		if tb.Float(i, "previous") >= tb.Float(i, "contact") || customer[key{rep, prev}] != tb.Text(i, "customer") {
			t.Fatalf("row %d: previous contact %s (customer %s) is not an earlier contact of customer %s",
				i+1, prev, customer[key{rep, prev}], tb.Text(i, "customer"))
		}
	}
	if links == 0 {
		t.Errorf("no contact links to a previous one: the test needs retries or escalations")
	}
	entries, _ := os.ReadDir(tmp)
	if len(entries) != 3 {
		t.Errorf("beside the folders: %d entries, want the 3 folders and no trace files", len(entries))
	}
}

// fixedClock is a moment for default folder names.
var fixedClock = func() time.Time { return time.Date(2026, 3, 9, 14, 5, 7, 0, time.UTC) }

// TestRunDefaultFolder: without --out, each run writes a new folder under
// omnisim-out named after the scenario and the time, -2, -3 when taken.
func TestRunDefaultFolder(t *testing.T) {
	work := t.TempDir()
	var want []string
	for i, suffix := range []string{"", "-2", "-3"} {
		o := &runOptions{runFlags: runFlags{reps: 1}, now: fixedClock, workDir: work}
		var out, errOut bytes.Buffer
		if err := o.run(streams{out: &out, errOut: &errOut}, "textbook", false); err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(work, outRoot, "textbook-20260309-140507"+suffix)
		if !strings.HasSuffix(errOut.String(), "omnisim: wrote "+dir+"\n") {
			t.Errorf("run %d: stderr %q, want it to end omnisim: wrote %s", i+1, errOut.String(), dir)
		}
		want = append(want, filepath.Base(dir))
	}
	entries, err := os.ReadDir(filepath.Join(work, outRoot))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, want) {
		t.Errorf("folders: got %v, want %v", got, want)
	}
}

// TestRunDefaultFolderInWorkingDirectory: the command line itself writes
// under ./omnisim-out and names it relative to the working directory.
func TestRunDefaultFolderInWorkingDirectory(t *testing.T) {
	work := t.TempDir()
	t.Chdir(work)
	r := omnisim(t, "run", "textbook", "--reps", "1")
	if r.code != exitOK {
		t.Fatalf("exit status %d; stderr:\n%s", r.code, r.stderr)
	}
	wrote := regexp.MustCompile(`\nomnisim: wrote (omnisim-out/textbook-\d{8}-\d{6})\n$`).FindStringSubmatch(r.stderr)
	if wrote == nil {
		t.Fatalf("stderr %q: want it to end omnisim: wrote omnisim-out/textbook-<date>-<time>", r.stderr)
	}
	if _, err := folder.Read(filepath.Join(work, wrote[1])); err != nil {
		t.Error(err)
	}
}

// TestFileName: a scenario's name becomes a file name.
func TestFileName(t *testing.T) {
	for name, want := range map[string]string{
		"phone-day": "phone-day", "My centre/2026": "My-centre-2026", "..": "run", "": "run", "v1.2_b": "v1.2_b", ".hidden": "hidden",
	} {
		if got := fileName(name); got != want {
			t.Errorf("fileName(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestRunFolderFreesTheReport: once a run's folder has its tables, and
// before its charts' lines are made, nothing holds the run's report (nor
// its tallies, 24 MB for a 365-day baseline), so that the collector may
// free it: the folder's live heap then peaks at 45 MB, not 62. Seen to
// fail with the report's provenance read after the charts are made.
func TestRunFolderFreesTheReport(t *testing.T) {
	var report weak.Pointer[output.RunReport]
	held := true
	folderHooks.report = func(p weak.Pointer[output.RunReport]) { report = p }
	folderHooks.tablesMade = func() {
		// The goroutines that made the tables may not have ended yet,
		// each holding the report a moment more.
		for range 100 {
			runtime.GC()
			if held = report.Value() != nil; !held {
				break
			}
			runtime.Gosched()
		}
	}
	defer func() { folderHooks.report, folderHooks.tablesMade = nil, nil }()
	dir := filepath.Join(t.TempDir(), "out")
	r := omnisim(t, "run", "textbook", "--reps", "1", "--set", "horizon=2d", "--out", dir)
	if r.code != exitOK {
		t.Fatalf("exit status %d; stderr:\n%s", r.code, r.stderr)
	}
	if held {
		t.Error("the run's report still held once the folder's tables were made")
	}
}
