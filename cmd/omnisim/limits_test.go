package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLimitsTooLargeForACase runs the caps whose inputs are too large to
// keep as text in testdata/broken: a scenario of a year of 5-minute
// headcounts written inline (about 600,000 list items) and a contact log
// with a line of 2 MB. Each is refused with exit status 2, naming the
// file, and nothing is written.
func TestLimitsTooLargeForACase(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	long := write("long.yaml", `horizon: 365d
interval: 5m
channels:
  phone:
    arrivals: {rate: 100/h}
    handle_time: {dist: exponential, mean: 3m}
pools:
  agents: {skills: [phone], agents: [`+strings.Repeat("10, ", 366*288)+`10]}
  more: {skills: [phone], agents: [`+strings.Repeat("10, ", 5*366*288)+`10]}
`)
	log := write("log.csv", "replication,customer,channel,outcome,arrived_seconds,answered_seconds,ended_seconds\n"+
		"0,1,phone,answered,0,0,60\n"+strings.Repeat("x", 2<<20)+"\n")
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"a scenario of 600,000 list items", args("run", long, "--out", filepath.Join(dir, "out")),
			long + ": holds about 632485 values, keys and list items, more than the limit of 500000: write long series as a staffing or forecast table (CSV)"},
		{"a sweep's grid of 600,000 values", args("sweep", "textbook", "--grid", write("grid.yaml", "parameters:\n  - path: pools.agents.agents\n    values: ["+strings.Repeat("1,", 600_000)+"1]\n"), "--out", filepath.Join(dir, "out")),
			"grid.yaml: holds about 600009 values, keys and list items, more than the limit of 500000"},
		{"a log line of 2 MB", args("fit", log, "--out", filepath.Join(dir, "out")),
			"fit: " + log + ": line 3 is longer than 1 MB, more than any log's line: is it a contact log (CSV text)?"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := omnisim(t, c.args...)
			if r.code != exitInput || !strings.Contains(r.stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.stderr, exitInput, c.want)
			}
			if _, err := os.Lstat(filepath.Join(dir, "out")); err == nil {
				t.Error("a refused command wrote its output")
			}
		})
	}
}
