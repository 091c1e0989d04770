package report

import (
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/plan"
)

// WriteStaff writes a staffing search as report.html, the page a run
// has, made the same way (self-contained, no request of any kind, each
// chart an SVG in an <img>): the verdict and how the plan was verified;
// per target, the verification over the window and period by period; per
// pool, the plan's hours and cost against Erlang A's and the scenario's own
// staffing; the problems and notes; the chart; the agents per interval;
// and every period's verification (achieved ± half-width against the
// target, met, missed or undecided). The same search and charts always
// give the same bytes.
func WriteStaff(w io.Writer, r *output.StaffReport, charts []Chart) error {
	return writePage(w, newStaffReportPage(r, charts), "staff report")
}

func newStaffReportPage(r *output.StaffReport, charts []Chart) *reportPage {
	p, cfg := r.Plan, &r.Plan.Config
	title := r.Title
	if title == "" {
		title = r.Name
	}
	page := &reportPage{CSP: reportCSP, Title: title, Subtitle: "staffing plan"}
	page.Paragraphs = []string{
		"The fewest agents per pool and interval with which every channel meets its targets in simulation, " +
			"found by omnisim staff from Erlang A, the iterative staffing algorithm and a correction by simulation.",
	}
	if p.Verification != nil {
		page.Paragraphs = append(page.Paragraphs, r.VerificationSentence())
	}
	if pr := r.Provenance; pr != nil {
		page.Sets, page.Command = pr.Sets, pr.Command
		if len(pr.ScenarioFiles) > 0 {
			page.ScenarioFile = pr.ScenarioFiles[0]
		}
	}
	hours, cost := r.PoolTotals(p.Agents)
	var th, tc float64
	for i := range hours {
		th, tc = th+hours[i], tc+cost[i]
	}
	page.Facts = []reportFact{
		{"Scenario", r.Name},
		{"Agent-hours", output.Value(th, output.UnitHours)},
		{"Cost", output.Value(tc, output.UnitMoney)},
		{"Replications per iteration", output.Thousands(int64(p.Replications))},
		{"Iterations", strconv.Itoa(len(p.Iterations))},
		{"Horizon", reportDuration(cfg.Horizon)},
		{"Seed", fmt.Sprint(cfg.Seed)},
	}
	if v := p.Verification; v != nil {
		page.Facts = append(page.Facts, reportFact{"Verified on", output.Thousands(int64(v.Replications)) + " replications"},
			reportFact{"Precision", "± " + output.Points(v.Precision)})
	}
	page.Lead = []string{r.Verdict()}
	page.Glance = poolsTable(r)

	v := &reportView{}
	var findings []reportLink
	if ver := p.Verification; ver != nil {
		for _, c := range ver.Channels {
			name := cfg.Channels[c.Channel].Name
			card := reportChannel{ID: v.id("", name+" "+c.Kind.Key()), Name: name, Kind: c.Target.Describe(cfg),
				Badge: string(c.Status), Class: statusClass(c.Status)}
			card.Sentences = append(card.Sentences,
				fmt.Sprintf("Over the measured window: %s (95 %% interval).", output.Estimate(c.Estimate.Mean, c.Estimate.HalfWidth, output.UnitShare)),
				fmt.Sprintf("%d periods with data: %d met, %d missed, %d undecided.", c.Checks, c.Checks-c.Missed-c.Undecided, c.Missed, c.Undecided))
			if c.Worst != nil {
				card.Sentences = append(card.Sentences, fmt.Sprintf("Worst period: %s, %s (%s).",
					output.When(cfg, c.Worst.Check), output.Estimate(c.Worst.Mean, c.Worst.Half, output.UnitShare), c.Worst.Status))
			}
			if c.Assumed {
				card.Sentences = append(card.Sentences, "The scenario sets no target: 80 % within the threshold is assumed.")
			}
			page.Channels = append(page.Channels, card)
			findings = append(findings, reportLink{ID: card.ID, Text: name + ": " + c.Kind.Label()})
		}
	}
	for _, s := range r.Problems() {
		page.Notes = append(page.Notes, "Not met or not shown met: "+s)
	}
	page.Notes = append(page.Notes, r.Notes()...)
	if ver := p.Verification; ver != nil {
		page.Notes = append(page.Notes, output.VerdictsNote(ver))
	}
	page.Charts = v.figures(charts)
	page.Tables = append(page.Tables, reportSection{ID: v.id("table-", "agents"), Title: "Agents per interval",
		Notes: []string{"Agents scheduled (before shrinkage): the plan, Erlang A's staffing interval by interval at the demand the scenario's own staffing met, and the scenario's own. Intervals of the warm-up are dimmed."},
		Table: agentsTable(r)})
	if ver := p.Verification; ver != nil {
		page.Tables = append(page.Tables, reportSection{ID: v.id("table-", "verification"), Title: "Verification by period",
			Notes: []string{fmt.Sprintf("Each period's figure pooled over %d fresh replications, with its jackknife half-width at the Bonferroni level (%.0f %% for all periods together); periods with no data are left out.",
				ver.Replications, 100*plan.FamilyLevel)},
			Table: verificationTable(r)})
	}
	page.setContents(findings...)
	page.Footer = fmt.Sprintf("Made by omnisim staff, seed %d.", cfg.Seed)
	return page
}

// statusClass is the card's and cell's class for a verdict.
func statusClass(s plan.Status) string {
	switch s {
	case plan.Met:
		return "met"
	case plan.Missed:
		return "missed"
	}
	return "none"
}

// poolsTable is the plan's agent-hours and cost per pool against Erlang
// A's and the scenario's own staffing, with the totals at its foot.
func poolsTable(r *output.StaffReport) *reportTable {
	p, cfg := r.Plan, &r.Plan.Config
	hours, cost := r.PoolTotals(p.Agents)
	eh, ec := r.PoolTotals(p.Erlang)
	sh, sc := r.PoolTotals(p.Original)
	t := &reportTable{Head: []string{"pool", "plan: agent-hours", "plan: cost", "cost per day", "Erlang A: agent-hours", "Erlang A: cost", "scenario: agent-hours", "scenario: cost"}}
	row := func(name string, h, c, erh, erc, sch, scc float64) []reportCell {
		return []reportCell{{Text: name, Left: true}, {Text: output.Value(h, output.UnitHours)}, {Text: output.Value(c, output.UnitMoney)}, {Text: output.Value(c/r.Days(), output.UnitMoney)},
			{Text: output.Value(erh, output.UnitHours)}, {Text: output.Value(erc, output.UnitMoney)}, {Text: output.Value(sch, output.UnitHours)}, {Text: output.Value(scc, output.UnitMoney)}}
	}
	var tot [6]float64
	for i, pool := range cfg.Pools {
		t.Rows = append(t.Rows, row(pool.Name, hours[i], cost[i], eh[i], ec[i], sh[i], sc[i]))
		for j, x := range []float64{hours[i], cost[i], eh[i], ec[i], sh[i], sc[i]} {
			tot[j] += x
		}
	}
	if len(cfg.Pools) > 1 {
		t.Foot = [][]reportCell{row("all", tot[0], tot[1], tot[2], tot[3], tot[4], tot[5])}
	}
	return t
}

// agentsTable is the plan interval by interval: per pool, the plan's
// agents, Erlang A's and the scenario's.
func agentsTable(r *output.StaffReport) *reportTable {
	p, cfg := r.Plan, &r.Plan.Config
	t := &reportTable{Head: []string{"interval"}}
	for _, pool := range cfg.Pools {
		t.Head = append(t.Head, pool.Name+": plan", pool.Name+": Erlang A", pool.Name+": scenario")
	}
	first := int(math.Ceil(cfg.Warmup/cfg.Interval - 1e-9))
	for k := range cfg.Intervals() {
		dim := k < first
		row := []reportCell{{Text: output.When(cfg, plan.Check{From: k, To: k + 1}), Left: true, Dim: dim}}
		for i := range cfg.Pools {
			row = append(row, reportCell{Text: strconv.Itoa(p.Agents[i][k]), Dim: dim}, reportCell{Text: strconv.Itoa(p.Erlang[i][k]), Dim: dim},
				reportCell{Text: strconv.Itoa(p.Original[i][k]), Dim: dim})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// verificationTable is every verified period with data: the channel, the
// figure, the period, the mean ± half-width, the target and the verdict.
func verificationTable(r *output.StaffReport) *reportTable {
	cfg := &r.Plan.Config
	t := &reportTable{Head: []string{"channel", "figure", "period", "achieved", "target", "verdict"}}
	for _, c := range r.Plan.Verification.Checks {
		if c.Status == plan.NoData {
			continue
		}
		t.Rows = append(t.Rows, []reportCell{{Text: cfg.Channels[c.Channel].Name, Left: true}, {Text: c.Kind.Label(), Left: true},
			{Text: output.When(cfg, c.Check), Left: true}, {Text: output.Estimate(c.Mean, c.Half, output.UnitShare)}, {Text: output.Value(c.Target.Value, output.UnitShare)},
			{Text: string(c.Status), Left: true, Mark: map[bool]string{true: statusClass(c.Status)}[c.Status != plan.Undecided]}})
	}
	return t
}
