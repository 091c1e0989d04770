package table

import (
	"fmt"
	"io"
	"strings"

	"github.com/omnisim/omnisim/output"
)

// staff is a StaffReport as its text, JSON and staffing.csv show it.
type staff struct{ *output.StaffReport }

// WriteStaff prints the plan for people: per pool, agent hours and cost
// against the scenario's own staffing and Erlang A's; per target, the plan
// verified on fresh replications; then the problems and notes.
func WriteStaff(w io.Writer, report *output.StaffReport) error {
	r := staff{report}
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

	hours, cost := r.PoolTotals(p.Agents)
	sh, sc := r.PoolTotals(p.Original)
	eh, ec := r.PoolTotals(p.Erlang)
	days := r.Days()
	t := output.NewTable("pool", "agent-hours", "cost", "cost per day", "scenario's hours", "scenario's cost", "Erlang A hours", "Erlang A cost")
	var th, tc, tsh, tsc, teh, tec float64
	for i, pool := range cfg.Pools {
		t.Row(pool.Name, output.Value(hours[i], output.UnitHours), output.Value(cost[i], output.UnitMoney), output.Value(cost[i]/days, output.UnitMoney),
			output.Value(sh[i], output.UnitHours), output.Value(sc[i], output.UnitMoney), output.Value(eh[i], output.UnitHours), output.Value(ec[i], output.UnitMoney))
		th, tc, tsh, tsc, teh, tec = th+hours[i], tc+cost[i], tsh+sh[i], tsc+sc[i], teh+eh[i], tec+ec[i]
	}
	if len(cfg.Pools) > 1 {
		t.Row("all", output.Value(th, output.UnitHours), output.Value(tc, output.UnitMoney), output.Value(tc/days, output.UnitMoney),
			output.Value(tsh, output.UnitHours), output.Value(tsc, output.UnitMoney), output.Value(teh, output.UnitHours), output.Value(tec, output.UnitMoney))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if _, err := t.WriteTo(w); err != nil {
		return err
	}
	b.Reset()
	if v := p.Verification; v != nil {
		b.WriteString("\n" + r.VerificationSentence() + "\n\n")
		io.WriteString(w, b.String())
		b.Reset()
		if _, err := output.VerificationTable(cfg, v).WriteTo(w); err != nil {
			return err
		}
		fmt.Fprintf(&b, "\n%s\n", output.VerdictsNote(v))
	}
	probs := r.Problems()
	if len(probs) > 0 {
		heading := "Targets not met"
		if v := p.Verification; v != nil && v.Undecided > 0 {
			heading = "Targets not met or not shown met"
		}
		fmt.Fprintf(&b, "\n%s (%d):\n", heading, len(probs))
		for _, s := range probs {
			b.WriteString("  - " + s + "\n")
		}
	}
	b.WriteString("\n" + r.Verdict() + "\n")
	for _, s := range r.Notes() {
		b.WriteString("Note: " + s + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
