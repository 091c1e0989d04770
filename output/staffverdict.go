package output

import (
	"fmt"
	"strconv"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/plan"
)

// VerificationSentence says how the plan was verified: on how many fresh
// replications, at what confidence and precision, and with how many agents
// added.
func (r *StaffReport) VerificationSentence() string {
	v := r.Plan.Verification
	s := fmt.Sprintf("The plan simulated again on %d fresh replications (%d to %d; the verification starts with %d and doubles them while a period is undecided, up to %d): each target over the measured window with its 95 %% confidence half-width, and period by period with a Bonferroni-corrected interval (%.0f %% for them all together), decided once the interval lies wholly on one side of the target or is no wider than ± %s.",
		v.Replications, v.FirstReplication, v.FirstReplication+v.Replications-1, r.Plan.Replications, v.MaxReplications, 100*plan.FamilyLevel, Points(v.Precision))
	if w := v.Widest; w != nil {
		s += fmt.Sprintf(" Precision reached: the widest interval is ± %s (%s %s, %s).", Points(w.Half),
			r.Plan.Config.Channels[w.Channel].Name, When(&r.Plan.Config, w.Check), string(w.Status))
	}
	if v.Added > 0 {
		s += fmt.Sprintf(" The verification added %s where a period was missed; the plan above includes them.", agentsNoun(v.Added))
	}
	return s
}

// VerificationTable is a verification as a table: a line per channel and
// target, with what it achieved over the window, its periods met, missed
// and undecided, and its worst period. staff's and roster's text print it.
func VerificationTable(cfg *models.Config, v *plan.Verification) *Table {
	t := NewTable("channel", "target", "achieved", "", "periods", "met", "missed", "undecided", "worst period").AlignLeft(1, 3, 8)
	for _, c := range v.Channels {
		worst := "–"
		if c.Worst != nil {
			worst = When(cfg, c.Worst.Check) + ": " + Estimate(c.Worst.Mean, c.Worst.Half, UnitShare)
		}
		t.Row(cfg.Channels[c.Channel].Name, c.Target.Describe(cfg), Estimate(c.Estimate.Mean, c.Estimate.HalfWidth, UnitShare), string(c.Status),
			strconv.Itoa(c.Checks), strconv.Itoa(c.Checks-c.Missed-c.Undecided), strconv.Itoa(c.Missed), strconv.Itoa(c.Undecided), worst)
	}
	return t
}

// VerdictsNote says what the verdicts mean.
func VerdictsNote(v *plan.Verification) string {
	return fmt.Sprintf("“met”: the interval lies wholly above a floor (below a cap), or is within ± %s and its mean meets the target; “missed”: the same, on the wrong side; “undecided”: the interval reaches both sides and is wider than ± %s.",
		Points(v.Precision), Points(v.Precision))
}

// Verdict says in one sentence whether the plan meets every target:
// "Every target is met" only when the search met every target and the
// verification decided every period met.
func (r *StaffReport) Verdict() string {
	v := r.Plan.Verification
	switch {
	case v == nil:
		return "The plan was not verified."
	case len(r.Plan.Unmet) == 0 && v.AllMet():
		return fmt.Sprintf("Every target is met: every period on %d fresh replications, each known within ± %s or clear of its target.", v.Replications, Points(v.Precision))
	case v.Undecided > 0:
		return fmt.Sprintf("The targets are not all shown met: %d periods missed, %d undecided after %d fresh replications (the cap; raise it with --max-verify-reps, or widen --precision).",
			v.Missed, v.Undecided, v.Replications)
	}
	return fmt.Sprintf("The targets are not all met: %d periods missed on %d fresh replications.", v.Missed, v.Replications)
}
