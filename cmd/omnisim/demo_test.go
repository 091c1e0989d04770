package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// demoArgs run siloed-vs-integrated short: its claims are over the whole
// measured window, so they can be judged on three days.
var demoArgs = []string{"demo", "siloed-vs-integrated", "--set", "horizon=3d", "--reps", "4"}

// TestDemo checks the story demo tells: the heading, each claim with the
// numbers measured in place of its placeholders and a mark, and the count
// of claims held; and that the JSON holds the same numbers.
func TestDemo(t *testing.T) {
	r := omnisim(t, append(demoArgs, "--no-out")...)
	if r.code != exitOK {
		t.Fatalf("exit status %d; stderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		"siloed-vs-integrated: Siloed channels make customers explain themselves again and again\n",
		"4 replications of 3d (the first 1d left out as warm-up), seed 1\n",
		"What this run measured",
		"contacts per resolution with siloed channels against",
		"claims held.\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "{") {
		t.Errorf("a placeholder is left in the story:\n%s", r.stdout)
	}
	if n := strings.Count(r.stdout, "✓") + strings.Count(r.stdout, "✗"); n != 2 {
		t.Errorf("got %d marks, want one per claim, 2:\n%s", n, r.stdout)
	}
	// The claims in plain words first; the statistics said once, in the
	// notes after them.
	stats := strings.Index(r.stdout, "Figures are means over the 4 replications.")
	if lastMark := max(strings.LastIndex(r.stdout, "✓"), strings.LastIndex(r.stdout, "✗")); stats < lastMark ||
		!strings.Contains(r.stdout, "\nNotes\n") || strings.Count(r.stdout, "95 % confidence") != 1 {
		t.Errorf("the statistics' wording should come once, in the notes after the claims:\n%s", r.stdout)
	}

	j := omnisim(t, append(demoArgs, "--no-out", "--json")...)
	if j.code != exitOK {
		t.Fatalf("--json: exit status %d; stderr:\n%s", j.code, j.stderr)
	}
	var got struct {
		Replications int `json:"replications"`
		Claims       []struct {
			Sentence string   `json:"sentence"`
			Change   *float64 `json:"change"`
			CI95     *float64 `json:"ci95"`
			Pairs    int      `json:"pairs"`
			Held     bool     `json:"held"`
			Counter  *struct {
				Change *float64 `json:"change"`
			} `json:"counter"`
		} `json:"claims"`
		Held int `json:"held"`
	}
	if err := json.Unmarshal([]byte(j.stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, j.stdout)
	}
	if got.Replications != 4 || len(got.Claims) != 2 {
		t.Fatalf("got %d replications and %d claims, want 4 and 2", got.Replications, len(got.Claims))
	}
	held := 0
	for _, c := range got.Claims {
		if !strings.Contains(r.stdout, strings.Fields(c.Sentence)[0]) || c.Change == nil || c.CI95 == nil || c.Pairs != 4 || c.Counter == nil || c.Counter.Change == nil {
			t.Errorf("claim %+v: want a sentence, a change with its interval over 4 pairs, and the counter's change", c)
		}
		if c.Held {
			held++
		}
	}
	if held != got.Held {
		t.Errorf("held: got %d, the claims say %d", got.Held, held)
	}
}

// TestDemoFolder checks that demo writes the output folder with the story
// in report.html, and that its stdout and folder are the same bytes for
// any -j.
func TestDemoFolder(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	ra := omnisim(t, append(demoArgs, "-j", "1", "--out", a)...)
	rb := omnisim(t, append(demoArgs, "-j", "2", "--out", b)...)
	if ra.code != exitOK || rb.code != exitOK {
		t.Fatalf("exit status %d and %d; stderr:\n%s%s", ra.code, rb.code, ra.stderr, rb.stderr)
	}
	if ra.stdout != rb.stdout {
		t.Errorf("stdout depends on -j:\n%s", firstDiff(ra.stdout, rb.stdout))
	}
	compareFolders(t, a, b)
	html, err := os.ReadFile(filepath.Join(a, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "The story, as this run measured it") || !strings.Contains(string(html), "contacts per resolution with siloed channels") {
		t.Errorf("report.html does not tell the story")
	}
	// Both claims set the scenario against a variant: an A/B chart each,
	// in the story, drawn from claims.csv.
	if n := strings.Count(string(html), `<figure id="chart-claim-`); n != 2 {
		t.Errorf("report.html has %d A/B charts, want one per claim with two sides, 2", n)
	}
	for _, f := range []string{"claims.csv", "charts/claim-1.svg", "charts/claim-2.png"} {
		if _, err := os.Stat(filepath.Join(a, f)); err != nil {
			t.Errorf("the folder lacks %s: %v", f, err)
		}
	}
	again := omnisim(t, append(demoArgs, "--out", a)...)
	if again.code != exitInput {
		t.Errorf("a second demo into the same folder: exit status %d, want %d (never overwritten without --force)", again.code, exitInput)
	}
}

// TestDemoLevelInWords: a story's claim on the expectation level says,
// in words with a unit, what the level did to customers' patience: the
// factor exp(−coupling × level) at each side's mean level, as --json
// gives the means, with one-fast-channel's coupling of 0.3 (its file's
// word_of_mouth.coupling); and the notes give the formula with the same
// numbers.
//
// Seen to catch: a factor of the level's change rather than of each side's
// level, the sides swapped, the formula's note with another side's level.
func TestDemoLevelInWords(t *testing.T) {
	demo := []string{"demo", "one-fast-channel", "--reps", "3", "--no-out"}
	r := omnisim(t, demo...)
	j := omnisim(t, append(demo, "--json")...)
	if r.code != exitOK || j.code != exitOK {
		t.Fatalf("exit status %d and %d; stderr:\n%s%s", r.code, j.code, r.stderr, j.stderr)
	}
	var got struct {
		Claims []struct {
			Figure  string `json:"figure"`
			InWords string `json:"in_words"`
			A, B    struct {
				Mean     float64  `json:"mean"`
				Patience *float64 `json:"patience_factor"`
			}
		} `json:"claims"`
	}
	if err := json.Unmarshal([]byte(j.stdout), &got); err != nil {
		t.Fatal(err)
	}
	const coupling = 0.3 // scenarios/library/one-fast-channel.yaml
	text := strings.Join(strings.Fields(r.stdout), " ")
	levels := 0
	for _, c := range got.Claims {
		if c.Figure != "expectation" {
			if c.InWords != "" || c.A.Patience != nil {
				t.Errorf("%s: words %q, patience %v: want none", c.Figure, c.InWords, c.A.Patience)
			}
			continue
		}
		levels++
		a, b := math.Exp(-coupling*c.A.Mean), math.Exp(-coupling*c.B.Mean)
		want := fmt.Sprintf("Customers' patience at the end of week 4 was %.2f× what it was at the start, against %.2f× at the end of week 1.", b, a)
		if !strings.Contains(text, want) || c.InWords != want {
			t.Errorf("want %q in the story and as in_words (%q):\n%s", want, c.InWords, r.stdout)
		}
		if c.A.Patience == nil || math.Abs(*c.A.Patience-a) > 1e-9 || c.B.Patience == nil || math.Abs(*c.B.Patience-b) > 1e-9 {
			t.Errorf("patience_factor %v and %v, want %v and %v", c.A.Patience, c.B.Patience, a, b)
		}
		formula := fmt.Sprintf("a level of %.2f makes patience exp(−0.3 × %.2f) = %.2f× what it was", c.B.Mean, c.B.Mean, b)
		if !strings.Contains(text, formula) {
			t.Errorf("the notes lack %q:\n%s", formula, r.stdout)
		}
	}
	if levels != 1 {
		t.Errorf("%d claims on the expectation level, want one-fast-channel's 1", levels)
	}
}

// TestDemoErrors checks bad input: exit status 2 and a message, never a
// panic.
func TestDemoErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown", []string{"demo", "nosuch", "--no-out"}, `"nosuch" is neither a file nor a built-in scenario`},
		{"no argument", []string{"demo"}, "accepts 1 arg(s), received 0"},
		{"one replication", []string{"demo", "siloed-vs-integrated", "--reps", "1", "--no-out"}, "--reps must be at least 2"},
		{"claims beyond the horizon", []string{"demo", "one-fast-channel", "--set", "horizon=8d", "--no-out"}, "claims[0].b: week 4 ends on day 29, after the run's last day, 8"},
		{"bad set", []string{"demo", "siloed-vs-integrated", "--set", "journey.history=both", "--no-out"}, "journey.history"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := omnisim(t, c.args...)
			if r.code != exitInput || !strings.Contains(r.stderr, c.want) {
				t.Errorf("got exit status %d and stderr %q, want %d and %q", r.code, r.stderr, exitInput, c.want)
			}
		})
	}
}

// TestExportEveryBuiltin checks that every built-in's export, saved as a
// file, passes validate and runs exactly as the built-in does.
func TestExportEveryBuiltin(t *testing.T) {
	dir := t.TempDir()
	list := omnisim(t, "scenarios", "list")
	for _, line := range strings.Split(list.stdout, "\n")[2:] {
		name := strings.Fields(line + " ")
		if len(name) == 0 {
			continue
		}
		t.Run(name[0], func(t *testing.T) {
			ex := omnisim(t, "scenarios", "export", name[0])
			if ex.code != exitOK || !strings.Contains(ex.stdout, "# ") {
				t.Fatalf("export: exit status %d; stderr:\n%s", ex.code, ex.stderr)
			}
			file := filepath.Join(dir, name[0]+".yaml")
			if err := os.WriteFile(file, []byte(ex.stdout), 0o644); err != nil {
				t.Fatal(err)
			}
			if v := omnisim(t, "validate", file); v.code != exitOK {
				t.Fatalf("validate: exit status %d; stderr:\n%s", v.code, v.stderr)
			}
			args := []string{"--reps", "2", "--set", "horizon=2d", "--set", "warmup=0", "--no-out", "--json"}
			fromFile := omnisim(t, append([]string{"run", file}, args...)...)
			builtin := omnisim(t, append([]string{"run", name[0]}, args...)...)
			if fromFile.code != exitOK || builtin.code != exitOK {
				t.Fatalf("run: exit status %d and %d; stderr:\n%s%s", fromFile.code, builtin.code, fromFile.stderr, builtin.stderr)
			}
			a := strings.Replace(fromFile.stdout, `"file": "`+file+`"`, `"file": "builtin:`+name[0]+`"`, 1)
			if a != builtin.stdout {
				t.Errorf("the export runs differently from the built-in:\n%s", firstDiff(a, builtin.stdout))
			}
		})
	}
}

// TestScenariosShow checks that show tells the story, the claims and the
// settings of a built-in.
func TestScenariosShow(t *testing.T) {
	r := omnisim(t, "scenarios", "show", "one-fast-channel")
	if r.code != exitOK {
		t.Fatalf("exit status %d; stderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		"one-fast-channel: A fast social team attracts everyone, then overloads\n",
		"Its claims, which omnisim demo measures",
		"social.service_level: A = week 1 (days 2-8), B = week 4 (days 23-29)",
		"Settings: 10 replications of 29d",
		"social-team (pool): social; shifts every day 07:00-23:00 × 2",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
}
