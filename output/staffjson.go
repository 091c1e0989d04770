package output

import (
	"io"

	"github.com/omnisim/omnisim/plan"
)

// JSON returns the search as one object: the scenario, the settings, the
// iterations, per pool the plan's hours and cost against the scenario's
// and Erlang A's, per target the verification, the problems and notes.
// summary.json holds it, with "files".
func (r *StaffReport) JSON(version string) *Object {
	p, cfg := r.Plan, &r.Plan.Config
	o := &Object{}
	o.Set("omnisim_version", version).Set("scenario", r.Name).Set("title", r.Title).Set("file", r.File).
		Set("seed", cfg.Seed).Set("replications", p.Replications).Set("max_agents", p.MaxAgents).
		Set("max_iterations", r.MaxIterations).Set("converged", p.Converged).
		Set("interval_seconds", cfg.Interval).Set("horizon_seconds", cfg.Horizon).Set("warmup_seconds", cfg.Warmup).
		Set("start", cfg.Start.String())
	var its []*Object
	for _, it := range p.Iterations {
		itO := &Object{}
		itO.Set("iteration", it.N).Set("phase", it.Phase).Set("cost", it.Cost).Set("agent_hours", it.AgentHours).
			Set("checks", it.Checked).Set("missed", it.Missed)
		if it.Worst != nil {
			itO.Set("worst", r.outcomeJSON(*it.Worst))
		}
		its = append(its, itO)
	}
	o.Set("iterations", its)
	hours, cost := r.poolTotals(p.Agents)
	sh, sc := r.poolTotals(p.Original)
	eh, ec := r.poolTotals(p.Erlang)
	pools := &Object{}
	var total float64
	for i, pool := range cfg.Pools {
		po := &Object{}
		po.Set("agent_hours", hours[i]).Set("cost", cost[i]).Set("cost_per_day", cost[i]/r.days()).
			Set("scenario_agent_hours", sh[i]).Set("scenario_cost", sc[i]).
			Set("erlang_agent_hours", eh[i]).Set("erlang_cost", ec[i])
		pools.Set(pool.Name, po)
		total += cost[i]
	}
	o.Set("pools", pools).Set("cost", total).Set("cost_per_day", total/r.days())
	if v := p.Verification; v != nil {
		vo := &Object{}
		vo.Set("first_replication", v.FirstReplication).Set("replications", v.Replications).
			Set("family_level", plan.FamilyLevel).Set("met", v.Met).Set("unclear", v.Unclear).Set("missed", v.Missed)
		var targets []*Object
		for _, c := range v.Channels {
			to := &Object{}
			to.Set("channel", cfg.Channels[c.Channel].Name).Set("figure", c.Kind.Key()).Set("target", c.Value).
				Set("kind", map[bool]string{true: "floor", false: "cap"}[c.Kind == plan.ServiceLevel]).
				Set("assumed", c.Assumed).Set("achieved", c.Estimate.Mean).Set("ci95", c.Estimate.HalfWidth).Set("met", c.Met).
				Set("periods", c.Checks).Set("periods_unclear", c.Unclear).Set("periods_missed", c.Missed)
			if c.Worst != nil {
				wo := &Object{}
				wo.Set("from_interval", c.Worst.From).Set("to_interval", c.Worst.To).Set("when", When(cfg, c.Worst.Check)).
					Set("mean", c.Worst.Mean).Set("ci", c.Worst.Half).Set("status", string(c.Worst.Status))
				to.Set("worst", wo)
			}
			targets = append(targets, to)
		}
		vo.Set("targets", targets)
		o.Set("verification", vo)
	}
	o.Set("problems", nonNil(r.Problems())).Set("notes", nonNil(r.Notes()))
	return o
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (r *StaffReport) outcomeJSON(out plan.Outcome) *Object {
	cfg := &r.Plan.Config
	o := &Object{}
	return o.Set("channel", cfg.Channels[out.Channel].Name).Set("figure", out.Kind.Key()).Set("when", When(cfg, out.Check)).
		Set("value", out.Value).Set("target", out.Target.Value)
}

// Files returns the output folder of a search: summary.json (JSON with
// "files"), staffing.csv, and the chart as SVG and PNG.
func (r *StaffReport) Files(version string) []File {
	t := r.Table()
	table := File{Name: StaffPlanFile, Write: t.WriteCSV, Columns: staffColumns,
		Description: "the plan: one row per pool and interval, the agents to schedule; load it into a scenario with staffing: " + StaffPlanFile}
	files := []File{{Name: SummaryFile, Description: "the search: settings, iterations, cost per pool, every target verified on fresh replications, problems and notes"}, table}
	files = append(files, r.chartFiles(t)...)
	summary := r.JSON(version)
	summary.Set("files", filesJSON(files))
	files[0].Write = func(w io.Writer) error { return WriteJSON(w, summary) }
	return files
}
