package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/omnisim/omnisim/models/erlang"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/scenarios"
)

// sweepTiming is the line sweep writes to stderr before the folder's.
var sweepTiming = regexp.MustCompile(`^omnisim: \d+ point\(s\), \d+ replication\(s\), [\d,]+ events, [\d,]+ contacts measured, in \d+\.\d\d s\n`)

// sweepJSON is the part of sweep --json the tests read.
type sweepJSON struct {
	Seed   uint64   `json:"seed"`
	Reps   int      `json:"replications"`
	CRN    bool     `json:"common_random_numbers"`
	Params []string `json:"parameters"`
	Points []struct {
		Point     int                       `json:"point"`
		Values    map[string]any            `json:"values"`
		Channels  map[string]map[string]any `json:"channels"`
		Customers map[string]any            `json:"customers"`
		Pools     map[string]map[string]any `json:"pools"`
	} `json:"points"`
}

func sweepOK(t *testing.T, argv ...string) result {
	t.Helper()
	r := omnisim(t, argv...)
	if r.code != exitOK {
		t.Fatalf("omnisim %s: exit status %d; stderr:\n%s", strings.Join(argv, " "), r.code, r.stderr)
	}
	if !sweepTiming.MatchString(r.stderr) {
		t.Errorf("stderr: got %q, want the timing line first", r.stderr)
	}
	return r
}

// TestSweepPointIsARun: each point of a sweep gives exactly the figures
// omnisim run gives with the point's settings and the same seed.
func TestSweepPointIsARun(t *testing.T) {
	common := []string{"--set", "horizon=3d", "--reps", "3", "--seed", "5", "--json", "--no-out"}
	r := sweepOK(t, args("sweep", "one-fast-channel", "--vary", "pools.social-team.shifts[0].agents=1,3",
		"--vary", "journey.chase=0%,50%", common)...)
	var sw sweepJSON
	if err := json.Unmarshal([]byte(r.stdout), &sw); err != nil {
		t.Fatal(err)
	}
	if len(sw.Points) != 4 || !sw.CRN || sw.Seed != 5 || sw.Reps != 3 {
		t.Fatalf("got %d points, seed %d, %d replications, crn %v", len(sw.Points), sw.Seed, sw.Reps, sw.CRN)
	}
	for i, pt := range sw.Points {
		agents, chase := pt.Values["pools.social-team.shifts[0].agents"], pt.Values["journey.chase"]
		run := omnisim(t, args("run", "one-fast-channel", "--set", "pools.social-team.shifts[0].agents="+jsonText(agents),
			"--set", "journey.chase="+jsonText(chase), common)...)
		if run.code != exitOK {
			t.Fatalf("run: %s", run.stderr)
		}
		var rj struct {
			Channels  map[string]map[string]any `json:"channels"`
			Customers map[string]any            `json:"customers"`
			Pools     map[string]map[string]any `json:"pools"`
		}
		if err := json.Unmarshal([]byte(run.stdout), &rj); err != nil {
			t.Fatal(err)
		}
		for name, ch := range rj.Channels {
			delete(ch, "days")
			if !reflect.DeepEqual(ch, pt.Channels[name]) {
				t.Errorf("point %d, %s: the sweep's figures differ from the run's:\n sweep %v\n   run %v", i+1, name, pt.Channels[name], ch)
			}
		}
		delete(rj.Customers, "days")
		if !reflect.DeepEqual(rj.Customers, pt.Customers) {
			t.Errorf("point %d: customers differ:\n sweep %v\n   run %v", i+1, pt.Customers, rj.Customers)
		}
		for name, p := range rj.Pools {
			delete(p, "days")
			if !reflect.DeepEqual(p, pt.Pools[name]) {
				t.Errorf("point %d, pool %s differs", i+1, name)
			}
		}
	}
	// The points differ: a sweep of identical points would pass the above
	// too.
	if reflect.DeepEqual(sw.Points[0].Channels["social"]["service_level"], sw.Points[2].Channels["social"]["service_level"]) {
		t.Error("1 and 3 social agents give the same service level")
	}
}

// jsonText writes a value read from JSON back as --set takes it.
func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return strings.Trim(string(b), `"`)
}

// TestSweepDeterministic: stdout and every file of the output folder are
// the same bytes whatever -j is.
func TestSweepDeterministic(t *testing.T) {
	dir := t.TempDir()
	base := args("sweep", "textbook", "--vary", "pools.agents.agents=13,15", "--vary", "channels.phone.patience=2m,never",
		"--set", "horizon=1d", "--reps", "3")
	var outs []string
	for _, j := range []string{"1", "2", "3"} {
		out := filepath.Join(dir, "j"+j)
		r := sweepOK(t, args(base, "-j", j, "--out", out)...)
		outs = append(outs, r.stdout)
		if j != "1" {
			if r.stdout != outs[0] {
				t.Errorf("-j %s: stdout differs:\n%s", j, firstDiff(r.stdout, outs[0]))
			}
			compareFolders(t, filepath.Join(dir, "j1"), out)
		}
	}
	if !strings.Contains(outs[0], "pools.agents.agents  channels.phone.patience  phone service level  phone abandonment\n") {
		t.Errorf("stdout:\n%s", outs[0])
	}
	// Without patience nobody abandons: 0, not a missing figure.
	if !strings.Contains(outs[0], "\n13                   never  ") {
		t.Errorf("stdout:\n%s", outs[0])
	}
}

// withoutCommand returns data, a file of the output folder dir, with the
// command line that made the folder (recorded in its summary.json) taken
// out: folders made by commands that differ only in -j or --out are
// otherwise the same, byte for byte.
func withoutCommand(t *testing.T, dir string, data []byte) string {
	t.Helper()
	var s struct {
		Command string `json:"command"`
	}
	sum, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err == nil {
		err = json.Unmarshal(sum, &s)
	}
	if err != nil || s.Command == "" {
		t.Fatalf("%s records no command line (%v)", dir, err)
	}
	return strings.ReplaceAll(string(data), s.Command, "COMMAND")
}

// compareFolders fails the test unless folders a and b hold the same files
// with the same bytes, but for the command line each records.
func compareFolders(t *testing.T, a, b string) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		if rel == folder.ManifestFile {
			return nil // it holds summary.json's checksum, and so the command's
		}
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil {
			t.Errorf("%s: %v", rel, err)
		} else if withoutCommand(t, a, x) != withoutCommand(t, b, y) {
			t.Errorf("%s differs between %s and %s", rel, a, b)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 5 {
		t.Errorf("%s holds %d files, want summary.json, sweep.csv, sweep.json and charts", a, n)
	}
	if inB := len(readFolder(t, b)); inB != n {
		t.Errorf("%s holds %d files, %s %d", a, n, b, inB)
	}
}

// TestSweepAgainstErlangA sweeps the agents of the textbook queue, whose
// times are exponential and steady, so Erlang A (Garnett, Mandelbaum and
// Reiman 2002, computed by models/erlang, itself checked against published
// values and the Markov chain) gives each point's service level and
// abandonment exactly. Each simulated figure's confidence interval must
// cover the formula's value at the Bonferroni level for the whole family
// (10 comparisons: 99.5 % each, 95 % together), and be narrow, so that
// agreement cannot come from vagueness.
func TestSweepAgainstErlangA(t *testing.T) {
	if testing.Short() {
		t.Skip("a 100-replication sweep")
	}
	r := sweepOK(t, "sweep", "textbook", "--vary", "pools.agents.agents=12..16", "--reps", "20", "--json", "--no-out")
	var sw sweepJSON
	if err := json.Unmarshal([]byte(r.stdout), &sw); err != nil {
		t.Fatal(err)
	}
	figures := []string{"service_level", "p_abandon"}
	comparisons := len(sw.Points) * len(figures)
	if comparisons != 10 {
		t.Fatalf("%d comparisons, want 10", comparisons)
	}
	// The sweep prints 95 % half-widths; the Bonferroni level's is the same
	// standard error times another Student t quantile.
	tDist := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(sw.Reps - 1)}
	widen := tDist.Quantile(1-0.05/float64(2*comparisons)) / tDist.Quantile(0.975)
	for _, pt := range sw.Points {
		agents := int(pt.Values["pools.agents.agents"].(float64))
		ref, err := erlang.Evaluate(erlang.Params{ArrivalRate: 100.0 / 1800, HandleTime: 180, Agents: agents,
			Patience: 300, AnswerWithin: 20})
		if err != nil {
			t.Fatal(err)
		}
		phone := pt.Channels["phone"]
		ci := phone["ci95"].(map[string]any)
		for _, f := range figures {
			want := map[string]float64{"service_level": ref.ServiceLevel, "p_abandon": ref.PAbandon}[f]
			got, half := phone[f].(float64), ci[f].(float64)*widen
			if math.Abs(got-want) > half {
				t.Errorf("%d agents, %s: simulated %.5f ± %.5f does not cover Erlang A's %.5f", agents, f, got, half, want)
			}
			if half > 0.05*want+0.002 {
				t.Errorf("%d agents, %s: half-width %.5f too wide to test against %.5f", agents, f, half, want)
			}
		}
	}
}

// TestSweepBadInput: bad input is exit status 2, with every problem named,
// and nothing runs or is written.
func TestSweepBadInput(t *testing.T) {
	dir := t.TempDir()
	grid := filepath.Join(dir, "grid.yaml")
	if err := os.WriteFile(grid, []byte("parameters:\n  - path: pools.agents.agents\n    values: [12, x, 12]\n  - pth: a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cases := []struct {
		name string
		argv []string
		want []string
	}{
		{"nothing to sweep", args("sweep", "textbook"), []string{"nothing to sweep: give --vary"}},
		{"reps", args("sweep", "--vary", "pools.agents.agents=1,2", "--reps", "0"), []string{"--reps must be at least 1"}},
		{"max points", args("sweep", "--vary", "pools.agents.agents=1,2", "--max-points", "0"), []string{"--max-points must be from 1 to 1000000, not 0"}},
		{"bad vary", args("sweep", "--vary", "pools.agents.agents", "--vary", "a=3..1"),
			[]string{"--vary pools.agents.agents: want path=v1,v2,...", `--vary a=3..1: a: range "3..1": it ends below where it starts`}},
		{"bad grid", args("sweep", "--grid", grid),
			[]string{grid + ":3:21: parameters[0].values: 12 given twice", grid + ":4:5: parameters[1].path: missing", grid + `:4:5: parameters[1].pth: unknown key (did you mean "path"?)`}},
		{"bad points", args("sweep", "--vary", "pools.agents.agents=-1,14,-2", "--out", out),
			[]string{"--set pools.agents.agents=-1: pools.agents.agents: must be ≥ 0, not -1 (at point 1 of 3: pools.agents.agents=-1)",
				"--set pools.agents.agents=-2: pools.agents.agents: must be ≥ 0, not -2 (at point 3 of 3: pools.agents.agents=-2)"}},
		{"too many points", args("sweep", "--vary", "pools.agents.agents=1..101", "--vary", "horizon=1d..100d"),
			[]string{"101 × 100 = 10100 points, more than the limit of 10000"}},
		{"set and swept", args("sweep", "--vary", "pools.agents.agents=1,2", "--set", "pools.agents.agents=3"),
			[]string{"--set pools.agents.agents=3: pools.agents.agents is also swept"}},
		{"unknown figure", args("sweep", "--vary", "pools.agents.agents=1,2", "--figures", "phone.service_level,phone.sl"),
			[]string{`--figures: no figure "phone.sl" in this scenario`}},
		{"no scenario", args("sweep", "nosuch", "--vary", "pools.agents.agents=1,2"), []string{`"nosuch" is neither a file nor a built-in scenario`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := omnisim(t, tc.argv...)
			if r.code != exitInput {
				t.Errorf("exit status: got %d, want %d", r.code, exitInput)
			}
			if r.stdout != "" || strings.Contains(r.stderr, "replication(s)") {
				t.Errorf("something ran: stdout %q, stderr %q", r.stdout, r.stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
		})
	}
	if exists(out) {
		t.Errorf("%s was written", out)
	}
}

// TestSweepFolderNotOverwritten: an existing output folder is replaced
// only with --force.
func TestSweepFolderNotOverwritten(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sw")
	argv := args("sweep", "--vary", "pools.agents.agents=13,14", "--set", "horizon=2h", "--reps", "2", "--out", out)
	sweepOK(t, argv...)
	for _, f := range []string{"summary.json", "sweep.csv", "sweep.json", "charts/phone.service_level.png", "charts/phone.p_abandon.svg"} {
		if !exists(filepath.Join(out, f)) {
			t.Errorf("%s is missing", f)
		}
	}
	if r := omnisim(t, argv...); r.code != exitInput || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("again: exit status %d, stderr %q", r.code, r.stderr)
	}
	sweepOK(t, args(argv, "--force")...)
}

// TestSweepHelpExamplesLoad checks that every example of omnisim sweep
// --help on a built-in scenario names settings the scenario has: each
// point of its grid loads (nothing runs).
func TestSweepHelpExamplesLoad(t *testing.T) {
	help := omnisim(t, "sweep", "--help").stdout
	_, examples, ok := strings.Cut(help, "Examples:\n")
	if !ok {
		t.Fatal("no examples")
	}
	examples, _, _ = strings.Cut(examples, "\n\n")
	builtins := map[string]bool{}
	for _, b := range scenarios.Builtins() {
		builtins[b.Name] = true
	}
	n := 0
	for _, line := range strings.Split(examples, "\n") {
		words := strings.Fields(line)
		if len(words) < 3 || words[0] != "omnisim" || words[1] != "sweep" {
			t.Fatalf("example %q: not an omnisim sweep command", line)
		}
		if !builtins[words[2]] {
			continue
		}
		g := &scenarios.Grid{}
		var sets []string
		for i := 3; i+1 < len(words); i++ {
			value := strings.Trim(words[i+1], "'")
			switch words[i] {
			case "--vary":
				d, err := scenarios.ParseVary(value)
				if err != nil {
					t.Fatalf("%s: %v", line, err)
				}
				g.Dims = append(g.Dims, d)
			case "--set":
				sets = append(sets, value)
			}
		}
		if _, _, err := scenarios.OpenGrid(words[2], sets, g, scenarios.DefaultMaxPoints); err != nil {
			t.Errorf("%s:\n%v", line, err)
		}
		n++
	}
	if n < 3 {
		t.Errorf("%d examples on built-in scenarios, want the help's", n)
	}
}

// TestSweepAddKeepsThePlan: sweeping a pool's add on phone-day's plan
// schedules one agent more in every interval per agent added, not a flat
// headcount.
func TestSweepAddKeepsThePlan(t *testing.T) {
	sc, err := scenarios.Builtin("phone-day", nil)
	if err != nil {
		t.Fatal(err)
	}
	r := sweepOK(t, "sweep", "phone-day", "--vary", "pools.agents.add=-1..1", "--reps", "1", "--json", "--no-out")
	var got sweepJSON
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Points) != 3 {
		t.Fatalf("got %d points, want 3", len(got.Points))
	}
	// Each interval's headcount, after adding, never below 0, over the
	// horizon.
	hours := func(add int) float64 {
		cfg := sc.Config
		sum := 0.0
		for k := range int(cfg.Horizon / cfg.Interval) {
			sum += float64(max(0, cfg.Pools[0].ScheduledAt(k, cfg.Interval, cfg.Start)+add)) * cfg.Interval / 3600
		}
		return sum
	}
	for i, add := range []int{-1, 0, 1} {
		p := got.Points[i]
		if v := p.Values["pools.agents.add"]; v != float64(add) {
			t.Errorf("point %d: pools.agents.add %v, want %d", i+1, v, add)
		}
		if h, want := p.Pools["agents"]["scheduled_hours"], hours(add); h != want {
			t.Errorf("point %d (add %d): %v scheduled hours, want %v", i+1, add, h, want)
		}
	}
}
