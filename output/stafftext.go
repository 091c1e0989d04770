package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/omnisim/omnisim/plan"
)

// WriteText prints the plan for people: per pool, agent hours and cost
// against the scenario's own staffing and Erlang A's; per target, the plan
// verified on fresh replications; then the problems and notes.
func (r *StaffReport) WriteText(w io.Writer) error {
	p, cfg := r.Plan, &r.Plan.Config
	var b strings.Builder
	fmt.Fprintf(&b, "%s: staffing search", r.Name)
	if r.Title != "" {
		fmt.Fprintf(&b, " (%s)", r.Title)
	}
	state := "converged: no agent can be taken away without missing a target"
	if !p.Converged {
		state = "stopped at the cap on iterations"
	}
	fmt.Fprintf(&b, "\n%d replications per iteration, seed %d; %d iterations; %s\n\n",
		p.Replications, cfg.Seed, len(p.Iterations), state)

	hours, cost := r.poolTotals(p.Agents)
	sh, sc := r.poolTotals(p.Original)
	eh, ec := r.poolTotals(p.Erlang)
	days := r.days()
	t := NewTable("pool", "agent-hours", "cost", "cost per day", "scenario's hours", "scenario's cost", "Erlang A hours", "Erlang A cost")
	var th, tc, tsh, tsc, teh, tec float64
	for i, pool := range cfg.Pools {
		t.Row(pool.Name, Value(hours[i], UnitHours), Value(cost[i], UnitMoney), Value(cost[i]/days, UnitMoney),
			Value(sh[i], UnitHours), Value(sc[i], UnitMoney), Value(eh[i], UnitHours), Value(ec[i], UnitMoney))
		th, tc, tsh, tsc, teh, tec = th+hours[i], tc+cost[i], tsh+sh[i], tsc+sc[i], teh+eh[i], tec+ec[i]
	}
	if len(cfg.Pools) > 1 {
		t.Row("all", Value(th, UnitHours), Value(tc, UnitMoney), Value(tc/days, UnitMoney),
			Value(tsh, UnitHours), Value(tsc, UnitMoney), Value(teh, UnitHours), Value(tec, UnitMoney))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if _, err := t.WriteTo(w); err != nil {
		return err
	}
	b.Reset()
	if v := p.Verification; v != nil {
		fmt.Fprintf(&b, "\nThe plan simulated again on %d fresh replications (%d to %d), each target over the measured window with its 95 %% confidence half-width, and interval by interval (%s each, %.0f %% for them all together):\n\n",
			v.Replications, v.FirstReplication, v.FirstReplication+v.Replications-1, "Bonferroni-corrected", 100*plan.FamilyLevel)
		io.WriteString(w, b.String())
		b.Reset()
		vt := NewTable("channel", "target", "achieved", "", "periods", "met", "unclear", "missed", "worst period").AlignLeft(1, 3, 8)
		for _, c := range v.Channels {
			verdict := "met"
			if !c.Met {
				verdict = "missed"
			}
			worst := "–"
			if c.Worst != nil {
				worst = When(cfg, c.Worst.Check) + ": " + Estimate(c.Worst.Mean, c.Worst.Half, UnitShare)
			}
			vt.Row(cfg.Channels[c.Channel].Name, c.Target.Describe(cfg), Estimate(c.Estimate.Mean, c.Estimate.HalfWidth, UnitShare), verdict,
				fmt.Sprint(c.Checks), fmt.Sprint(c.Checks-c.Missed-c.Unclear), fmt.Sprint(c.Unclear), fmt.Sprint(c.Missed), worst)
		}
		if _, err := vt.WriteTo(w); err != nil {
			return err
		}
		b.WriteString("\n“unclear”: the mean misses the target but its confidence interval reaches it, which chance alone explains; “missed”: the whole interval misses it.\n")
	}
	if probs := r.Problems(); len(probs) > 0 {
		fmt.Fprintf(&b, "\nTargets not met (%d):\n", len(probs))
		for _, s := range probs {
			b.WriteString("  - " + s + "\n")
		}
	} else {
		b.WriteString("\nEvery target is met.\n")
	}
	for _, s := range r.Notes() {
		b.WriteString("Note: " + s + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
