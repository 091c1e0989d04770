package table

import (
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/plan"
)

// StaffJSON returns the search as one object: the scenario, the settings, the
// iterations, per pool the plan's hours and cost against the scenario's
// and Erlang A's, per target the verification, the problems and notes.
// summary.json holds it, with "files".
func StaffJSON(report *output.StaffReport, version string) *output.Object {
	r := staff{report}
	p, cfg := r.Plan, &r.Plan.Config
	o := &output.Object{}
	o.Set("omnisim_version", version).Set("scenario", r.Name).Set("title", r.Title).Set("file", r.File).
		Set("seed", cfg.Seed).Set("replications", p.Replications).Set("max_agents", p.MaxAgents).
		Set("max_iterations", r.MaxIterations).Set("converged", p.Converged).
		Set("interval_seconds", cfg.Interval).Set("horizon_seconds", cfg.Horizon).Set("warmup_seconds", cfg.Warmup).
		Set("start", cfg.Start.String())
	var its []*output.Object
	for _, it := range p.Iterations {
		itO := &output.Object{}
		itO.Set("iteration", it.N).Set("phase", it.Phase).Set("cost", it.Cost).Set("agent_hours", it.AgentHours).
			Set("checks", it.Checked).Set("missed", it.Missed)
		if it.Worst != nil {
			itO.Set("worst", r.outcomeJSON(*it.Worst))
		}
		its = append(its, itO)
	}
	o.Set("iterations", its)
	hours, cost := r.PoolTotals(p.Agents)
	sh, sc := r.PoolTotals(p.Original)
	eh, ec := r.PoolTotals(p.Erlang)
	pools := &output.Object{}
	var total float64
	for i, pool := range cfg.Pools {
		po := &output.Object{}
		po.Set("agent_hours", hours[i]).Set("cost", cost[i]).Set("cost_per_day", cost[i]/r.Days()).
			Set("scenario_agent_hours", sh[i]).Set("scenario_cost", sc[i]).
			Set("erlang_agent_hours", eh[i]).Set("erlang_cost", ec[i])
		pools.Set(pool.Name, po)
		total += cost[i]
	}
	o.Set("pools", pools).Set("cost", total).Set("cost_per_day", total/r.Days())
	if v := p.Verification; v != nil {
		vo := &output.Object{}
		vo.Set("first_replication", v.FirstReplication).Set("replications", v.Replications).
			Set("max_replications", v.MaxReplications).Set("precision", v.Precision).
			Set("family_level", plan.FamilyLevel).Set("met", v.Met).Set("missed", v.Missed).
			Set("undecided", v.Undecided).Set("no_data", v.NoData).Set("all_met", v.AllMet()).
			Set("agents_added", v.Added)
		if w := v.Widest; w != nil {
			vo.Set("widest", r.verifiedJSON(*w))
		}
		var rounds []*output.Object
		for _, rd := range v.Rounds {
			ro := &output.Object{}
			ro.Set("replications", rd.Replications).Set("met", rd.Met).Set("missed", rd.Missed).
				Set("undecided", rd.Undecided).Set("agents_added", rd.Added)
			rounds = append(rounds, ro)
		}
		vo.Set("rounds", rounds)
		var targets []*output.Object
		for _, c := range v.Channels {
			to := &output.Object{}
			to.Set("channel", cfg.Channels[c.Channel].Name).Set("figure", c.Kind.Key()).Set("target", c.Value).
				Set("kind", map[bool]string{true: "floor", false: "cap"}[c.Kind == plan.ServiceLevel]).
				Set("assumed", c.Assumed).Set("achieved", c.Estimate.Mean).Set("ci95", c.Estimate.HalfWidth).
				Set("status", string(c.Status)).Set("met", c.Status == plan.Met).
				Set("periods", c.Checks).Set("periods_undecided", c.Undecided).Set("periods_missed", c.Missed)
			if c.Worst != nil {
				to.Set("worst", r.verifiedJSON(*c.Worst))
			}
			targets = append(targets, to)
		}
		vo.Set("targets", targets)
		var periods []*output.Object
		for _, c := range v.Checks {
			if c.Status != plan.NoData {
				periods = append(periods, r.verifiedJSON(c))
			}
		}
		vo.Set("periods", periods)
		o.Set("verification", vo)
	}
	o.Set("problems", nonNil(r.Problems())).Set("notes", nonNil(r.Notes()))
	return o
}

// verifiedJSON is one verified check: the channel, figure, span, mean, its
// half-width at the Bonferroni level, the target and the verdict.
func (r staff) verifiedJSON(c plan.VerifiedCheck) *output.Object {
	cfg := &r.Plan.Config
	o := &output.Object{}
	return o.Set("channel", cfg.Channels[c.Channel].Name).Set("figure", c.Kind.Key()).
		Set("from_interval", c.From).Set("to_interval", c.To).Set("when", output.When(cfg, c.Check)).
		Set("mean", c.Mean).Set("ci", c.Half).Set("target", c.Target.Value).Set("status", string(c.Status))
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (r staff) outcomeJSON(out plan.Outcome) *output.Object {
	cfg := &r.Plan.Config
	o := &output.Object{}
	return o.Set("channel", cfg.Channels[out.Channel].Name).Set("figure", out.Kind.Key()).Set("when", output.When(cfg, out.Check)).
		Set("value", out.Value).Set("target", out.Target.Value)
}
