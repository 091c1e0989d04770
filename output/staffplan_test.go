package output

import (
	"strings"
	"testing"

	"github.com/omnisim/omnisim/plan"
	"github.com/omnisim/omnisim/scenarios"
)

// Half hours that follow one another, missed for the same reason, are told
// as one span whatever the agents the search left in each; and where the
// channel is closed, the problem says so from its opening hours rather
// than asking.
func TestStaffProblemsMergeClosedSpans(t *testing.T) {
	sc, err := scenarios.Open("textbook", []string{`channels.phone.open={hours: "08:00-18:00"}`})
	if err != nil {
		t.Fatal(err)
	}
	cfg := sc.Config
	cfg.SetDefaults()
	target := plan.Targets(&cfg)[0]
	var unmet []plan.Unmet
	// 18:00–19:00, 19:00–19:30 and 19:30–20:30, with 2, 3 and 4 agents.
	for i, agents := range []int{2, 2, 3, 4, 4} {
		c := plan.Check{Target: target, From: 36 + i, To: 37 + i}
		unmet = append(unmet, plan.Unmet{Outcome: plan.Outcome{Check: c}, Agents: agents, Why: "flat"})
	}
	r := &StaffReport{Name: "textbook", Plan: &plan.Plan{Config: cfg, Unmet: unmet}}
	probs := r.Problems()
	if len(probs) != 1 {
		t.Fatalf("%d problems, want one span:\n%s", len(probs), strings.Join(probs, "\n"))
	}
	for _, want := range []string{"phone Mon 1, 18:00–20:30 (5 half hours)", "phone is closed then (open every day 08:00-18:00)", "no staffing can meet the target while the channel is closed"} {
		if !strings.Contains(probs[0], want) {
			t.Errorf("%q lacks %q", probs[0], want)
		}
	}
	if strings.Contains(probs[0], "is the channel closed") {
		t.Errorf("%q asks what omnisim knows", probs[0])
	}
}
