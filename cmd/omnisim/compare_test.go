package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/scenarios"
)

// compareJSON is the part of compare's JSON the tests read.
type compareJSON struct {
	Seed           uint64                                  `json:"seed"`
	Replications   int                                     `json:"replications"`
	HorizonSeconds float64                                 `json:"horizon_seconds"`
	WarmupSeconds  float64                                 `json:"warmup_seconds"`
	Targets        map[string]map[string]compareTargetPair `json:"targets"`
	Findings       []string                                `json:"findings"`
	Channels       map[string]map[string]compareFigureJSON `json:"channels"`
	Customers      map[string]compareFigureJSON            `json:"customers"`
	Pools          map[string]map[string]compareFigureJSON `json:"pools"`
	OnlyA          []string                                `json:"only_a"`
	OnlyB          []string                                `json:"only_b"`
}

// compareTargetPair is a target's standing in A and in B, nil where the
// variant sets no such target.
type compareTargetPair struct {
	A, B *struct {
		Target  float64  `json:"target"`
		Value   *float64 `json:"value"`
		CI95    *float64 `json:"ci95"`
		Verdict string   `json:"verdict"`
		Periods int      `json:"periods"`
	}
}

type compareFigureJSON struct {
	A, B        *float64
	Difference  *float64 `json:"difference"`
	CI95        *float64 `json:"ci95"`
	Independent *float64 `json:"independent_ci95"`
	Significant bool     `json:"significant"`
	Pairs       int      `json:"pairs"`
}

func decodeCompare(t *testing.T, out string) compareJSON {
	t.Helper()
	var c compareJSON
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatalf("compare --json: %v\n%s", err, out)
	}
	return c
}

// TestCompareWithItself: a scenario compared with itself differs by
// exactly zero, with a zero half-width, in every figure defined in both.
func TestCompareWithItself(t *testing.T) {
	r := omnisim(t, "compare", "siloed-vs-integrated", "--set", "horizon=2d", "--set", "warmup=0", "--reps", "3", "--json", "--no-out")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	c := decodeCompare(t, r.stdout)
	check := func(where string, f compareFigureJSON) {
		if f.Pairs < 2 {
			return
		}
		if f.Difference == nil || *f.Difference != 0 || f.CI95 == nil || *f.CI95 != 0 || f.Significant {
			t.Errorf("%s: difference %v ± %v, want exactly 0 ± 0", where, f.Difference, f.CI95)
		}
	}
	n := 0
	for ch, figs := range c.Channels {
		for k, f := range figs {
			check(ch+" "+k, f)
			n++
		}
	}
	for k, f := range c.Customers {
		check("customers "+k, f)
	}
	for p, figs := range c.Pools {
		for k, f := range figs {
			check(p+" "+k, f)
		}
	}
	if n < 4*20 {
		t.Errorf("only %d channel figures compared", n)
	}
}

// TestCompareOneChange: compare A --set-b compares A with A changed; adding
// an agent to the textbook queue raises the service level, significantly.
func TestCompareOneChange(t *testing.T) {
	r := omnisim(t, "compare", "textbook", "--set-b", "pools.agents.agents=15", "--reps", "5", "--set", "horizon=2d", "--no-out")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"A: textbook with horizon=2d (builtin:textbook)", "B: textbook with horizon=2d, pools.agents.agents=15", "channel phone", "common random numbers"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	var sl string
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(line, "service level ") {
			sl = line
		}
	}
	if !strings.Contains(sl, "+") || !strings.Contains(sl, " *") || !strings.Contains(sl, "× narrower") {
		t.Errorf("service level line %q: want a significant rise, narrower than independent runs", sl)
	}
}

// TestCompareDoesNotDependOnJobs: the same comparison with one worker and
// with four prints the same bytes and writes the same folder.
func TestCompareDoesNotDependOnJobs(t *testing.T) {
	dir := t.TempDir()
	var outs []string
	for _, j := range []string{"1", "4"} {
		out := filepath.Join(dir, "j"+j)
		r := omnisim(t, "compare", "siloed-vs-integrated", "--set-b", "journey.history=integrated",
			"--set", "horizon=2d", "--set", "warmup=0", "--reps", "4", "-j", j, "--out", out)
		if r.code != 0 {
			t.Fatalf("-j %s: exit %d: %s", j, r.code, r.stderr)
		}
		outs = append(outs, r.stdout)
	}
	if outs[0] != outs[1] {
		t.Errorf("stdout differs between -j 1 and -j 4")
	}
	files := 0
	filepath.WalkDir(filepath.Join(dir, "j1"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(filepath.Join(dir, "j1"), p)
		if rel == folder.ManifestFile {
			return nil // it holds summary.json's checksum, and so the command's
		}
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(dir, "j4", rel))
		if err != nil || withoutCommand(t, filepath.Join(dir, "j1"), a) != withoutCommand(t, filepath.Join(dir, "j4"), b) {
			t.Errorf("%s differs between -j 1 and -j 4 (%v)", rel, err)
		}
		files++
		return nil
	})
	// summary.json, compare.csv, report.html, scenario-a.yaml,
	// scenario-b.yaml, and an SVG and a PNG for each of the four charts.
	if files != 5+2*4 {
		t.Errorf("%d files in the folder, want 13", files)
	}
	csv, _ := os.ReadFile(filepath.Join(dir, "j1", "compare.csv"))
	if !strings.HasPrefix(string(csv), "group,name,figure,unit,pairs,a_mean,a_ci95,b_mean,b_ci95,difference,ci95,independent_ci95,narrower,significant\n") {
		t.Errorf("compare.csv begins %.120q", csv)
	}
	r := omnisim(t, "compare", "textbook", "--reps", "2", "--set", "horizon=1d", "--out", filepath.Join(dir, "j1"))
	if r.code != 2 || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("an existing folder without --force: exit %d, %s", r.code, r.stderr)
	}
}

// TestCompareOnlyOnOneSide: a channel and a pool that only B has are
// listed, not compared.
func TestCompareOnlyOnOneSide(t *testing.T) {
	dir := t.TempDir()
	small, err := os.ReadFile(filepath.Join("testdata", "small.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	a := filepath.Join(dir, "a.yaml")
	b := filepath.Join(dir, "b.yaml")
	os.WriteFile(a, small, 0o644)
	os.WriteFile(b, []byte(strings.Replace(string(small), "pools:", `  chat:
    kind: live
    arrivals:
      rate: 30/h
    handle_time: 5m
    patience: never

pools:
  chatters:
    skills: [chat]
    agents: 3
`, 1)), 0o644)
	r := omnisim(t, "compare", a, b, "--reps", "3", "--no-out")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "Only in B, not compared: channel chat, pool chatters.") {
		t.Errorf("stdout does not list what only B has:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "channel chat\n") {
		t.Errorf("the chat channel was compared:\n%s", r.stdout)
	}
	j := decodeCompare(t, omnisim(t, "compare", a, b, "--reps", "3", "--no-out", "--json").stdout)
	if len(j.OnlyB) != 2 || len(j.OnlyA) != 0 || j.Channels["chat"] != nil || j.Channels["phone"] == nil {
		t.Errorf("JSON: only_a %v, only_b %v, channels %d", j.OnlyA, j.OnlyB, len(j.Channels))
	}
}

func TestCompareUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no scenario", []string{"compare", "--no-out"}, "accepts between 1 and 2 arg(s)"},
		{"three scenarios", []string{"compare", "textbook", "textbook", "textbook", "--no-out"}, "accepts between 1 and 2 arg(s)"},
		{"unknown scenario", []string{"compare", "textbook", "nosuch", "--no-out"}, `"nosuch" is neither a file nor a built-in scenario`},
		{"bad --set-b", []string{"compare", "textbook", "--set-b", "pools.agents.agents=abc", "--no-out"}, "--set-b pools.agents.agents=abc: pools.agents.agents: want a whole number"},
		{"bad --set-a and --set-b", []string{"compare", "textbook", "--set-a", "horizon=8x", "--set-b", "bogus=1", "--no-out"}, "--set-a horizon=8x: horizon"},
		{"bad --set in both", []string{"compare", "textbook", "--set", "bogus=1", "--no-out"}, "--set bogus=1: bogus: unknown key"},
		{"no replications", []string{"compare", "textbook", "--reps", "0", "--no-out"}, "--reps must be at least 1"},
		{"out and no-out", []string{"compare", "textbook", "--out", "x", "--no-out"}, "not both"},
		{"force without out", []string{"compare", "textbook", "--force"}, "--force replaces the folder --out names"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := omnisim(t, tc.args...)
			if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", r.code, r.stderr, tc.want)
			}
		})
	}
	r := omnisim(t, "compare", "textbook", "--set-a", "horizon=8x", "--set-b", "bogus=1", "--no-out")
	if !strings.Contains(r.stderr, "--set-b bogus=1") || strings.Count(r.stderr, "\n") != 2 {
		t.Errorf("both variants' problems, each once; got\n%s", r.stderr)
	}
	r = omnisim(t, "compare", "textbook", "--set", "bogus=1", "--no-out")
	if strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("a problem both variants share is told once; got\n%s", r.stderr)
	}
}

// TestCompareFewerAgentsMisses: the textbook queue with 12 agents rather
// than its 14, compared as a planner would (the default week of 20
// replications), shows the pool's agent-hours for both, 14 and 12 agents
// over the measured window, and says that B misses the 80 % service level
// that A meets; the JSON says the same with the verdicts the 95 %
// intervals earn, and null for the targets textbook does not set.
func TestCompareFewerAgentsMisses(t *testing.T) {
	sc, err := scenarios.Builtin("textbook", nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := sc.Config
	agents := float64(cfg.Pools[0].Agents[0])
	hours := (cfg.Horizon - cfg.Warmup) / 3600
	r := omnisim(t, "compare", "textbook", "--set-b", "pools.agents.agents=12", "--no-out")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"\npool agents\n",
		"\nB misses phone's target service level ≥ 80% within 20s that A meets: ",
		fmt.Sprintf("Staffing: agent-hours scheduled, B %s h against A's %s h", output.Count(12*hours, 1), output.Count(agents*hours, 1)),
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	if !regexp.MustCompile(`(?m)^scheduled hours +[\d,.]+ h ± 0\.0 +[\d,.]+ h ± 0\.0 +-[\d,.]+ h ± 0\.0 \*`).MatchString(r.stdout) {
		t.Errorf("no row of scheduled hours for A and B:\n%s", r.stdout)
	}
	j := decodeCompare(t, omnisim(t, "compare", "textbook", "--set-b", "pools.agents.agents=12", "--no-out", "--json").stdout)
	h := j.Pools["agents"]["scheduled_hours"]
	span := (j.HorizonSeconds - j.WarmupSeconds) / 3600
	if h.A == nil || h.B == nil || *h.A != agents*span || *h.B != 12*span {
		t.Errorf("scheduled hours: A %v, B %v; want %v × %v and 12 × %v", h.A, h.B, agents, span, span)
	}
	sl := j.Targets["phone"]["service_level"]
	if sl.A == nil || sl.B == nil {
		t.Fatalf("phone's service-level target: %+v, want both", sl)
	}
	for _, side := range []struct {
		name, want string
		v          *float64
		half       *float64
		target     float64
	}{{"A", "met", sl.A.Value, sl.A.CI95, sl.A.Target}, {"B", "missed", sl.B.Value, sl.B.CI95, sl.B.Target}} {
		got := map[string]string{"A": sl.A.Verdict, "B": sl.B.Verdict}[side.name]
		if got != side.want || side.target != cfg.Channels[0].TargetServiceLevel {
			t.Errorf("%s: %q against %v, want %q against %v", side.name, got, side.target, side.want, cfg.Channels[0].TargetServiceLevel)
		}
		lo, hi := *side.v-*side.half, *side.v+*side.half
		if side.want == "met" && lo < side.target || side.want == "missed" && hi >= side.target {
			t.Errorf("%s: %q is not earned by [%v, %v] against %v", side.name, side.want, lo, hi, side.target)
		}
	}
	for _, key := range []string{"p_abandon", "occupancy"} {
		if p, ok := j.Targets["phone"][key]; !ok || p.A != nil || p.B != nil {
			t.Errorf("phone's %s target: %+v (present %v), want null for both", key, p, ok)
		}
	}
	if len(j.Findings) == 0 || !strings.HasPrefix(j.Findings[0], "B misses phone's target") {
		t.Errorf("findings %q: want first that B misses phone's target", j.Findings)
	}
}

// TestCompareGolden: the text of a short comparison of the textbook queue
// with two agents fewer, stored under testdata.
func TestCompareGolden(t *testing.T) {
	r := omnisim(t, "compare", "textbook", "--set-b", "pools.agents.agents=12", "--set", "horizon=2d", "--reps", "5", "--no-out")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	checkGolden(t, "compare-textbook-12", r.stdout)
}
