package main

import (
	"os"
	"path/filepath"
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
