package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/chart"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/scenarios"
)

// runFolder writes the output folder of a short run of testdata/small.yaml
// into a new temporary folder and returns its path.
func runFolder(t *testing.T) string {
	t.Helper()
	sc, err := scenarios.Open(filepath.Join("testdata", "small.yaml"), nil)
	if err != nil {
		t.Fatal(err)
	}
	results, err := experiment.Run{Config: &sc.Config, Reps: experiment.Span(0, 2), Workers: 1}.Results()
	if err != nil {
		t.Fatal(err)
	}
	r := output.NewRunReport(sc.Name, sc.Title, sc.File, &sc.Config, results)
	dir := filepath.Join(t.TempDir(), "run")
	if err := folder.Write(dir, folder.RunFiles(r.Dataset("test"), folder.RunSummary(r, "test")), false); err != nil {
		t.Fatal(err)
	}
	return dir
}

// chartNames are the charts plot writes.
func chartNames() []string {
	var names []string
	for _, c := range chart.Run(nil) {
		names = append(names, c.Name)
	}
	return names
}

// listDir returns the names of the files in dir, sorted, but for its
// manifest (TestRunManifest checks it).
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != folder.ManifestFile {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	return names
}

// TestPlot draws a run's charts again, in both formats by default, and in
// the format and size asked for.
func TestPlot(t *testing.T) {
	dir := runFolder(t)
	charts := filepath.Join(dir, "charts")
	// A chart from before is replaced: charts are derived files.
	if err := os.MkdirAll(charts, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(charts, "queue.png"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}

	r := omnisim(t, "plot", dir)
	if r.code != exitOK || r.stdout != "" {
		t.Fatalf("exit status %d, stdout %q, stderr %q: want 0 and nothing on stdout", r.code, r.stdout, r.stderr)
	}
	var want []string
	for _, name := range chartNames() {
		want = append(want, name+".png", name+".svg")
	}
	slices.Sort(want)
	if got := listDir(t, charts); !slices.Equal(got, want) {
		t.Errorf("charts folder holds %v, want %v (and no temporary file)", got, want)
	}
	wrote := regexp.MustCompile(`(?m)^omnisim: wrote (.+)$`).FindAllStringSubmatch(r.stderr, -1)
	if len(wrote) != len(want) {
		t.Errorf("stderr lists %d files, want %d:\n%s", len(wrote), len(want), r.stderr)
	}
	b, err := os.ReadFile(filepath.Join(charts, "queue.png"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("queue.png was not replaced by a PNG: %v", err)
	}
	if got := img.Bounds().Size(); got.X != chart.DefaultWidth || got.Y != chart.DefaultHeight {
		t.Errorf("queue.png is %v, want the default %dx%d", got, chart.DefaultWidth, chart.DefaultHeight)
	}
	if info, err := os.Stat(filepath.Join(charts, "queue.png")); err != nil || info.Mode().Perm()&0o044 == 0 {
		t.Errorf("queue.png is not readable by others: %v %v", info.Mode(), err)
	}

	// Another format and size, into another folder.
	other := filepath.Join(t.TempDir(), "slides")
	r = omnisim(t, "plot", dir, "--format", "SVG", "--width", "800", "--height", "500", "--out", other)
	if r.code != exitOK {
		t.Fatalf("exit status %d, stderr %q", r.code, r.stderr)
	}
	got := listDir(t, other)
	if len(got) != len(chartNames()) || !slices.ContainsFunc(got, func(n string) bool { return n == "service-level.svg" }) {
		t.Errorf("--out folder holds %v, want one SVG per chart", got)
	}
	svg, err := os.ReadFile(filepath.Join(other, "service-level.svg"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(svg, []byte(`<svg width="800" height="500"`)) {
		t.Errorf("service-level.svg is not 800×500:\n%.200s", svg)
	}

	// Files already in the --out folder are left alone without --force,
	// and replaced with it.
	r = omnisim(t, "plot", dir, "--format", "svg", "--width", "900", "--out", other)
	if r.code != exitInput || !strings.Contains(r.stderr, "service-level.svg") || !strings.Contains(r.stderr, "--force") {
		t.Errorf("again into --out: exit status %d, stderr %q; want %d naming the files and --force", r.code, r.stderr, exitInput)
	}
	if again, _ := os.ReadFile(filepath.Join(other, "service-level.svg")); !bytes.Equal(again, svg) {
		t.Error("a refused plot changed a chart")
	}
	r = omnisim(t, "plot", dir, "--format", "svg", "--width", "900", "--out", other, "--force")
	if r.code != exitOK {
		t.Fatalf("--force: exit status %d, stderr %q", r.code, r.stderr)
	}
	if svg, _ = os.ReadFile(filepath.Join(other, "service-level.svg")); !bytes.Contains(svg, []byte(`<svg width="900"`)) {
		t.Errorf("--force did not replace service-level.svg:\n%.200s", svg)
	}
	// --force replaces only the charts omnisim drew there (the folder's
	// manifest lists them), never a file of the user's of the same name;
	// and the user's other files stay.
	mine := filepath.Join(other, "queue.svg")
	if err := os.WriteFile(mine, []byte("<svg>my own</svg>"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = omnisim(t, "plot", dir, "--format", "svg", "--out", other, "--force")
	if r.code != exitInput || !strings.Contains(r.stderr, "--force would replace queue.svg, changed since omnisim wrote it") {
		t.Errorf("a chart the user changed: exit status %d, stderr %q; want %d naming it", r.code, r.stderr, exitInput)
	}
	if got, _ := os.ReadFile(mine); string(got) != "<svg>my own</svg>" {
		t.Errorf("the user's queue.svg was replaced")
	}
	user := filepath.Join(t.TempDir(), "slides")
	if err := os.MkdirAll(user, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(user, "cost.svg"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = omnisim(t, "plot", dir, "--format", "svg", "--out", user, "--force")
	if r.code != exitInput || !strings.Contains(r.stderr, "--force would replace cost.svg, which omnisim did not write") {
		t.Errorf("a file of the user's: exit status %d, stderr %q; want %d naming it", r.code, r.stderr, exitInput)
	}
	if got, _ := os.ReadFile(filepath.Join(user, "cost.svg")); string(got) != "mine" {
		t.Errorf("the user's cost.svg was replaced")
	}
}

// TestRunManifest: a run's folder lists every file in its manifest, and
// after plot draws its charts again, --force still replaces it: plot
// records what it drew.
func TestRunManifest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "run")
	if r := omnisim(t, "run", filepath.Join("testdata", "small.yaml"), "--reps", "1", "--out", dir); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	manifest, err := os.ReadFile(filepath.Join(dir, folder.ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	for name := range readFolder(t, dir) {
		if !strings.Contains(string(manifest), " "+name+"\n") {
			t.Errorf("the manifest does not list %s", name)
		}
	}
	if r := omnisim(t, "plot", dir, "--format", "svg", "--width", "700"); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	if r := omnisim(t, "run", filepath.Join("testdata", "small.yaml"), "--reps", "1", "--out", dir, "--force"); r.code != exitOK {
		t.Errorf("--force after plot: exit status %d, stderr %q", r.code, r.stderr)
	}
}

// TestPlotErrors: a folder that is not a run's, and bad flags, exit with
// status 2 and say why.
func TestPlotErrors(t *testing.T) {
	dir := runFolder(t)
	notRun := t.TempDir()
	sweepDir := filepath.Join(t.TempDir(), "sweep")
	if r := omnisim(t, "sweep", "textbook", "--vary", "pools.agents.agents=13,14", "--reps", "2", "--set", "horizon=1d", "--out", sweepDir); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"no folder", args("plot"), "accepts 1 arg"},
		{"missing", args("plot", filepath.Join(notRun, "nope")), "no such folder"},
		{"not a run", args("plot", notRun), "summary.json"},
		{"a sweep", args("plot", sweepDir), "is the output folder of a sweep, not of a run"},
		{"format", args("plot", dir, "--format", "gif"), "--format gif: want png or svg"},
		{"width", args("plot", dir, "--width", "10"), "--width 10"},
		{"height", args("plot", dir, "--height", "100000"), "--height 100000"},
		{"width not a number", args("plot", dir, "--width", "wide"), "not a whole number"},
		{"empty out", args("plot", dir, "--out", ""), "--out needs"},
		{"force without out", args("plot", dir, "--force"), "--force replaces charts in the folder --out names"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := omnisim(t, tt.args...)
			if r.code != exitInput || !strings.Contains(r.stderr, tt.msg) {
				t.Errorf("exit status %d, stderr %q: want %d and %q", r.code, r.stderr, exitInput, tt.msg)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "charts")); err == nil {
		t.Error("a rejected command line wrote charts")
	}
}
