package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/scenarios"
)

// TestFitCommand: omnisim fit reads the contacts a run traced, writes a
// scenario that loads back, reports the fit, and with --check sets the
// fitted scenario against the log; it never replaces a file without
// --force, and bad flags exit with status 2.
func TestFitCommand(t *testing.T) {
	tmp := t.TempDir()
	run := filepath.Join(tmp, "run")
	if r := omnisim(t, "run", "textbook", "--reps", "1", "--set", "horizon=7d", "--journeys", "--out", run); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	out := filepath.Join(tmp, "refit.yaml")
	charts := filepath.Join(tmp, "charts")
	r := omnisim(t, "fit", filepath.Join(run, "contacts.csv"), "--out", out, "--check", "--reps", "3", "--charts", charts)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"contacts.csv: ", "phone", "lognormal", "patience", "Over the day:"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "(omnisim format)") {
		t.Errorf("stderr: %s", r.stderr)
	}
	for _, f := range []string{"handle-1-phone.png", "handle-1-phone.svg", "check.png", "check.svg"} {
		if _, err := os.Stat(filepath.Join(charts, f)); err != nil {
			t.Error(err)
		}
	}
	if _, err := scenarios.Load(out, nil); err != nil {
		t.Errorf("the fitted scenario: %v", err)
	}
	before, _ := os.ReadFile(out)
	again := omnisim(t, "fit", filepath.Join(run, "contacts.csv"), "--out", out)
	if again.code != exitInput || !strings.Contains(again.stderr, "already exists") {
		t.Errorf("again: %d %q", again.code, again.stderr)
	}
	if after, _ := os.ReadFile(out); string(after) != string(before) {
		t.Error("a refused fit changed the file")
	}
	for _, bad := range []struct {
		args []string
		msg  string
	}{
		{args("--format", "excel"), "--format excel"},
		{args("--interval", "7m"), "must divide a day"},
		{args("--within", "soon"), "--within soon"},
	} {
		r := omnisim(t, args("fit", filepath.Join(run, "contacts.csv"), "--out", filepath.Join(tmp, "x.yaml"), bad.args)...)
		if r.code != exitInput || !strings.Contains(r.stderr, bad.msg) {
			t.Errorf("%v: %d %q", bad.args, r.code, r.stderr)
		}
	}
	notLog := filepath.Join(tmp, "x.csv")
	os.WriteFile(notLog, []byte("a,b\n1,2\n"), 0o644)
	if r := omnisim(t, "fit", notLog, "--out", filepath.Join(tmp, "y.yaml")); r.code != exitInput || !strings.Contains(r.stderr, "not one omnisim knows") {
		t.Errorf("not a log: %d %q", r.code, r.stderr)
	}
}

// inCopy runs the test in a new working directory holding the repository's
// shipped synthetic log at fit/testdata/known-contacts.csv, as the help's
// examples name it from the repository's root, and returns the golden
// folder's path (testdata, which the new directory does not have).
func inCopy(t *testing.T) string {
	t.Helper()
	golden, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../../fit/testdata/known-contacts.csv")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if err := os.MkdirAll("fit/testdata", 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("fit/testdata/known-contacts.csv", data, 0o644); err != nil {
		t.Fatal(err)
	}
	return golden
}

// TestFitCheckJSON: omnisim fit --check --json writes the fit and the
// check as one JSON object, every figure by time of day and over the day
// with its 95 % half-width, the summary lines and the availability, and
// the same bytes each time (testdata/fit-check-json.golden).
func TestFitCheckJSON(t *testing.T) {
	golden := inCopy(t)
	r := omnisim(t, "fit", "fit/testdata/known-contacts.csv", "--out", "known.yaml", "--check", "--json", "--reps", "3", "--calibration-reps", "4")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var doc struct {
		Fit struct {
			Channels []struct {
				Name   string
				Handle struct{ Used struct{ Dist string } }
			}
			Pools []struct {
				Name         string
				Availability struct {
					Value, CI95 *float64
					Parts       []struct{ From, To string }
				}
			}
		}
		Check struct {
			Hours []struct {
				Time     string
				Log, Sim map[string]struct{ Value, CI95 *float64 }
			}
			Day struct {
				Log, Sim map[string]struct{ Value, CI95 *float64 }
			}
			Summary []string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if len(doc.Fit.Pools) != 1 || doc.Fit.Pools[0].Availability.Value == nil || doc.Fit.Pools[0].Availability.CI95 == nil ||
		len(doc.Fit.Pools[0].Availability.Parts) == 0 {
		t.Errorf("fit.pools: %+v, want one pool with its availability, interval and parts", doc.Fit.Pools)
	}
	if len(doc.Check.Hours) != 24 || len(doc.Check.Summary) != 2 || !strings.HasPrefix(doc.Check.Summary[0], "Over the day:") {
		t.Fatalf("check: %d hours, summary %q", len(doc.Check.Hours), doc.Check.Summary)
	}
	for _, key := range []string{"contacts_per_day", "p_abandon", "mean_wait_seconds", "service_level", "p_wait"} {
		for who, m := range map[string]map[string]struct{ Value, CI95 *float64 }{"log": doc.Check.Day.Log, "sim": doc.Check.Day.Sim,
			"sim at 10:00": doc.Check.Hours[10].Sim} {
			if e, ok := m[key]; !ok || e.Value == nil || e.CI95 == nil {
				t.Errorf("check %s: %s is %+v, want a value and its ci95", who, key, e)
			}
		}
	}
	t.Chdir(filepath.Dir(golden))
	checkGolden(t, "fit-check-json", r.stdout)
	t.Chdir(t.TempDir())
	again := omnisim(t, "fit", filepath.Join(filepath.Dir(golden), "../../fit/testdata/known-contacts.csv"), "--out", "k.yaml", "--check",
		"--json", "--reps", "3", "--calibration-reps", "4", "-j", "1")
	if again.code != exitOK || again.stdout != strings.Replace(r.stdout, `"scenario": "known.yaml"`, `"scenario": "k.yaml"`, 1) {
		t.Errorf("with -j 1: exit %d, %s", again.code, firstDiff(again.stdout, r.stdout))
	}
}

// TestFitHelpExamples runs every example of omnisim fit --help as written,
// from a directory laid out as the repository's root.
func TestFitHelpExamples(t *testing.T) {
	inCopy(t)
	help := omnisim(t, "fit", "--help").stdout
	_, examples, ok := strings.Cut(help, "Examples:\n")
	if !ok {
		t.Fatal("no examples")
	}
	examples, _, _ = strings.Cut(examples, "\n\n")
	n := 0
	for _, line := range strings.Split(examples, "\n") {
		for _, cmd := range strings.Split(strings.TrimSpace(line), " && ") {
			words := strings.Fields(cmd)
			var redirect string
			if i := slices.Index(words, ">"); i >= 0 {
				redirect, words = words[i+1], words[:i]
			}
			if len(words) == 0 || words[0] != "omnisim" {
				t.Fatalf("example %q: not an omnisim command", cmd)
			}
			r := omnisim(t, words[1:]...)
			if r.code != exitOK {
				t.Errorf("%s: exit %d: %s", cmd, r.code, r.stderr)
			}
			if redirect != "" {
				if err := os.WriteFile(redirect, []byte(r.stdout), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			n++
		}
	}
	if n < 3 {
		t.Errorf("%d example commands, want the help's", n)
	}
}

// TestFitFlagErrors: bad availability and split flags are usage errors,
// every problem named.
func TestFitFlagErrors(t *testing.T) {
	inCopy(t)
	for _, bad := range []struct {
		args []string
		msg  string
	}{
		{args("--availability", "0"), "--availability 0"},
		{args("--availability", "120%"), "--availability 120%"},
		{args("--availability-part", "7m"), "--availability-part 7m"},
		{args("--availability-part", "90m"), "must be whole intervals"},
		{args("--away-spell", "soon"), "--away-spell soon"},
		{args("--calibration-reps", "1"), "--calibration-reps 1"},
		{args("--split", "16/10/1999", "--check"), "--split 16/10/1999"},
		{args("--json"), "--json writes the check"},
		{args("--split", "2000-01-01", "--check"), "no contact from that day on"},
		{args("--span-gap", "0"), "--span-gap 0"},
	} {
		r := omnisim(t, args("fit", "fit/testdata/known-contacts.csv", "--out", "x.yaml", bad.args)...)
		if r.code != exitInput || !strings.Contains(r.stderr, bad.msg) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", bad.args, r.code, r.stderr, bad.msg)
		}
	}
	if _, err := os.Stat("x.yaml"); !os.IsNotExist(err) {
		t.Errorf("a refused fit wrote its scenario: %v", err)
	}
}
