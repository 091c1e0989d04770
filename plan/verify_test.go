package plan

import (
	"testing"

	"github.com/omnisim/omnisim/models"
)

// newTestSearcher returns a searcher for cfg as Search sets one up, with
// its options' defaults filled in and an empty plan to record in.
func newTestSearcher(cfg *models.Config, opt Options) *searcher {
	full := *cfg
	full.SetDefaults()
	opt = opt.withDefaults()
	s := &searcher{cfg: &full, opt: opt, intervals: full.Intervals(), primary: primaryPools(&full)}
	s.checks = checks(&full, Targets(&full))
	s.plan = &Plan{Targets: Targets(&full), Replications: opt.Replications, MaxAgents: opt.MaxAgents}
	return s
}

// A plan two agents short of Erlang A's 13 on the textbook queue (six-hour
// intervals of about 1,200 calls, where 11 agents answer well under 80 %
// within 20 s) is raised by the verification until every interval is
// decided met, and no further than Erlang A's 13 ± 1
// (TestSearchSteadyQueueMatchesErlangA says why ± 1); the agents it adds
// are counted.
func TestVerifyAddsAgentsWhereMissed(t *testing.T) {
	cfg := builtin(t, "textbook", "horizon=1d", "warmup=0s", "interval=6h")
	s := newTestSearcher(cfg, Options{Replications: 10, MaxVerifyReplications: 400})
	agents := [][]int{{11, 11, 11, 11}}
	v, got, err := s.verify(agents, map[int]bool{})
	if err != nil {
		t.Fatal(err)
	}
	if !v.AllMet() || v.Met != 4 {
		t.Errorf("verification: %d met, %d missed, %d undecided; want all 4 met", v.Met, v.Missed, v.Undecided)
	}
	added := 0
	for k, n := range got[0] {
		if n < 12 || n > 14 {
			t.Errorf("interval %d: %d agents, want Erlang A's 13 ± 1", k, n)
		}
		added += n - 11
	}
	if v.Added != added || added == 0 {
		t.Errorf("Added = %d, want the %d agents added", v.Added, added)
	}
	for _, c := range v.Checks {
		if !(c.Half <= DefaultPrecision || c.Mean-c.Half >= 0.8) {
			t.Errorf("interval %d: %.4f ± %.4f called %s: neither within the precision nor clear of 80 %%", c.From, c.Mean, c.Half, c.Status)
		}
	}
}

// At the cap on replications a check whose interval still reaches the
// target is undecided, never met, and the verification says so; below
// it, the replications double until every check is decided.
func TestVerifyUndecidedAtCap(t *testing.T) {
	cfg := builtin(t, "textbook", "horizon=2h", "warmup=0s")
	// Three replications of half hours of 100 calls: intervals at the
	// Bonferroni level with 2 degrees of freedom are tens of points wide.
	s := newTestSearcher(cfg, Options{Replications: 3, MaxVerifyReplications: 3})
	agents := [][]int{{13, 13, 13, 13}}
	v, _, err := s.verify(agents, map[int]bool{})
	if err != nil {
		t.Fatal(err)
	}
	if v.Replications != 3 || v.Undecided == 0 || v.AllMet() {
		t.Fatalf("%d replications: %d met, %d missed, %d undecided; want some undecided at the cap of 3", v.Replications, v.Met, v.Missed, v.Undecided)
	}
	for _, c := range v.Checks {
		if c.Status == Met && c.Mean-c.Half < 0.8 && c.Half > DefaultPrecision {
			t.Errorf("interval %d: %.4f ± %.4f called met", c.From, c.Mean, c.Half)
		}
	}
	s = newTestSearcher(cfg, Options{Replications: 3, MaxVerifyReplications: 3000})
	v, _, err = s.verify(agents, map[int]bool{})
	if err != nil {
		t.Fatal(err)
	}
	if v.Undecided > 0 || v.Replications <= 3 {
		t.Errorf("%d replications: %d undecided; want every check decided after doubling", v.Replications, v.Undecided)
	}
	for i, r := range v.Rounds[:len(v.Rounds)-1] {
		if next := v.Rounds[i+1].Replications; r.Added == 0 && next != min(2*r.Replications, 3000) {
			t.Errorf("round %d: %d replications after %d; want them doubled", i+1, next, r.Replications)
		}
	}
}
