package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/plan"
	"github.com/omnisim/omnisim/scenarios"
)

// TestStaffPlanMeetsTargetsLoadedBack is the test: the plan the
// search writes for phone-day (demand that peaks, lognormal calls), loaded
// back into the scenario with --set staffing=... and simulated again with
// another seed (fresh customers neither the search nor its verification
// saw), has every half hour's mean service level at or above the target
// within the precision the summary states. The verification calls a half
// hour met when its Bonferroni interval lies above the target, or is
// within ± precision with its mean at or above it: either way the true
// mean is at least target − precision. An independent run's interval at
// the Bonferroni level for all half hours together (95 %) must then reach
// target − precision in every half hour, which a plan truly doing so fails
// by chance with a probability of at most 5 %. 1,000 replications make
// those intervals about ± 1.5 points, so that a half hour at 77 % or less
// fails: the plan the search wrote before the verification was sequential
// left 12:30 and 13:00 at about 75.5 %. The counter-check takes two agents
// from the peak and must fail the same judgement, so the judgement has
// the power to fail.
func TestStaffPlanMeetsTargetsLoadedBack(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plan")
	r := omnisim(t, "staff", "phone-day", "--out", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "Every target is met") || !strings.Contains(r.stderr, "omnisim: iteration 1 (erlang)") ||
		!strings.Contains(r.stdout, "Precision reached: the widest interval is ±") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
	for _, f := range []string{"staffing.csv", "summary.json", "report.html", "charts/staffing-plan.svg", "charts/staffing-plan.png"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	var summary struct {
		Verification struct {
			Precision    float64
			Replications int
			AllMet       bool `json:"all_met"`
			Widest       struct{ CI float64 }
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &summary); err != nil {
		t.Fatal(err)
	}
	sv := summary.Verification
	if !sv.AllMet || sv.Precision != plan.DefaultPrecision || sv.Replications < 10 {
		t.Fatalf("summary.json verification: %+v", sv)
	}
	sc, err := scenarios.Open("phone-day", []string{"staffing=" + filepath.Join(dir, "staffing.csv"), "seed=2"})
	if err != nil {
		t.Fatal(err)
	}
	// short lists the half hours whose mean is shown below target −
	// precision: the whole independent interval below it.
	short := func(cfg *models.Config) []string {
		res, err := experiment.Run{Config: cfg, Reps: experiment.Span(0, 1000)}.Results()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range plan.Judge(cfg, res, 0, sv.Precision).Checks {
			if c.Status != plan.NoData && c.Mean+c.Half < c.Target.Value-sv.Precision {
				out = append(out, fmt.Sprintf("interval %d: %.4f ± %.4f", c.From, c.Mean, c.Half))
			}
		}
		return out
	}
	if s := short(&sc.Config); len(s) > 0 {
		t.Errorf("below %.2f − %.2f: %v", 0.8, sv.Precision, s)
	}
	fewer := sc.Config
	fewer.Pools = []models.Pool{fewer.Pools[0]}
	fewer.Pools[0].Agents = append([]int(nil), fewer.Pools[0].Agents...)
	for k := 20; k < 24; k++ { // 10:00–12:00
		fewer.Pools[0].Agents[k] -= 2
	}
	if s := short(&fewer); len(s) == 0 {
		t.Errorf("two agents fewer at the peak: no half hour shown short; the judgement cannot fail")
	}
}

// The search's output does not depend on -j, and its JSON says what it did.
func TestStaffDeterministicJSON(t *testing.T) {
	a := omnisim(t, "staff", "phone-day", "--reps", "4", "--json", "--no-out", "-j", "1")
	b := omnisim(t, "staff", "phone-day", "--reps", "4", "--json", "--no-out", "-j", "2")
	if a.code != 0 || b.code != 0 {
		t.Fatalf("exit %d, %d: %s %s", a.code, b.code, a.stderr, b.stderr)
	}
	if a.stdout != b.stdout {
		t.Errorf("-j 1 and -j 2 differ")
	}
	var got struct {
		Converged  bool
		Iterations []struct{ Phase string }
		Problems   []string
		Pools      map[string]struct {
			AgentHours float64 `json:"agent_hours"`
		}
	}
	if err := json.Unmarshal([]byte(a.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Iterations) < 2 || got.Iterations[0].Phase != "scenario" || got.Pools["agents"].AgentHours <= 0 {
		t.Errorf("JSON: %+v", got)
	}
}

// An impossible target is said plainly, and the search ends.
func TestStaffReportsImpossibleTarget(t *testing.T) {
	r := omnisim(t, "staff", "textbook", "--no-out", "--reps", "3", "--max-agents", "8",
		"--set", "horizon=2h", "--set", "warmup=0s")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	// The four half hours missed for the same reason are told as one span.
	want := "phone Mon, 00:00–02:00 (4 half hours): service level"
	if !strings.Contains(r.stdout, "Targets not met (1):") || !strings.Contains(r.stdout, want) ||
		!strings.Contains(r.stdout, "at the cap of 8 agents in agents; target service level ≥ 80% within 20s") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
}

func TestStaffBadInput(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no scenario", args("staff"), "accepts 1 arg(s), received 0"},
		{"unknown scenario", args("staff", "nosuch", "--no-out"), `"nosuch" is neither a file nor a built-in scenario`},
		{"zero reps", args("staff", "textbook", "--reps", "0", "--no-out"), "--reps must be at least 1, not 0"},
		{"zero cap", args("staff", "textbook", "--max-agents", "0", "--no-out"), "--max-agents must be from 1 to 100000, the most agents a pool may have in an interval, not 0"},
		{"one iteration", args("staff", "textbook", "--max-iterations", "1", "--no-out"), "--max-iterations must be at least 2, not 1"},
		{"zero precision", args("staff", "textbook", "--precision", "0", "--no-out"), "--precision must be between 0 and 100 percentage points, not 0"},
		{"one verification replication", args("staff", "textbook", "--max-verify-reps", "1", "--no-out"), "--max-verify-reps must be from 2 to 100000, not 1"},
		{"out and no-out", args("staff", "textbook", "--out", "x", "--no-out"), "give --out DIR or --no-out, not both"},
		{"bad set", args("staff", "textbook", "--no-out", "--set", "channels.phone.max_abandon=120%"),
			"--set channels.phone.max_abandon=120%: channels.phone.max_abandon: must be a share between 0 and 1"},
		{"missing staffing file", args("staff", "textbook", "--no-out", "--set", "staffing=nosuch.csv"), "staffing: nosuch.csv: cannot read the staffing table (CSV): no such file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := omnisim(t, tc.args...)
			if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2 and %q", r.code, r.stdout, r.stderr, tc.want)
			}
		})
	}
}
