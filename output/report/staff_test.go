package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/output/internal/fixture"
	"github.com/omnisim/omnisim/output/report"
	"github.com/omnisim/omnisim/output/table"
	"github.com/omnisim/omnisim/plan"
	"github.com/omnisim/omnisim/scenarios"
)

// staffOf searches a small scenario: the textbook queue over four hours.
func staffOf(t *testing.T, sets ...string) *output.StaffReport {
	t.Helper()
	sc, err := scenarios.Open("textbook", append([]string{"horizon=4h", "warmup=0s"}, sets...))
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Search(&sc.Config, plan.Options{Replications: 4, MaxVerifyReplications: 64})
	if err != nil {
		t.Fatal(err)
	}
	return output.NewStaffReport(sc.Name, sc.Title, sc.File, p, plan.DefaultMaxIterations)
}

// staffPage returns the report.html of a search's folder.
func staffPage(t *testing.T, r *output.StaffReport) string {
	t.Helper()
	return fixture.FileText(t, folder.StaffFiles(r, "test"), folder.ReportFile)
}

// The staff report shows the plan against Erlang A and the scenario's own
// staffing (hours and cost per pool), the agents in every interval, and
// every period's verification: achieved ± half-width, the target and the
// verdict; and it says whether every target is met as the text does.
func TestStaffReportContent(t *testing.T) {
	r := staffOf(t)
	page := staffPage(t, r)
	p, cfg := r.Plan, &r.Plan.Config
	hours, cost := r.PoolTotals(p.Agents)
	eh, _ := r.PoolTotals(p.Erlang)
	sh, _ := r.PoolTotals(p.Original)
	want := []string{
		`content="` + strings.ReplaceAll(report.CSP, "'", "&#39;") + `"`,
		"staffing plan", "Agents per interval", "Verification by period",
		"Erlang A: agent-hours", "scenario: agent-hours",
		output.Value(hours[0], output.UnitHours), output.Value(cost[0], output.UnitMoney), output.Value(eh[0], output.UnitHours), output.Value(sh[0], output.UnitHours),
		r.Verdict(), `<img src="data:image/svg+xml;base64,`,
	}
	for _, w := range want {
		if !strings.Contains(page, w) {
			t.Errorf("the report lacks %q", w)
		}
	}
	if strings.Contains(page, "<script") {
		t.Error("the report has a script")
	}
	for k := range cfg.Intervals() {
		row := "<td class=\"t\">" + output.When(cfg, plan.Check{From: k, To: k + 1}) + "</td><td>" +
			itoa(p.Agents[0][k]) + "</td><td>" + itoa(p.Erlang[0][k]) + "</td><td>" + itoa(p.Original[0][k]) + "</td>"
		if !strings.Contains(page, row) {
			t.Errorf("interval %d: no row %q", k, row)
		}
	}
	v := p.Verification
	for _, c := range v.Checks {
		cell := "<td>" + output.Estimate(c.Mean, c.Half, output.UnitShare) + "</td><td>" + output.Value(c.Target.Value, output.UnitShare) + "</td><td class=\"t"
		if !strings.Contains(page, cell) {
			t.Errorf("period %d: no cells %q", c.From, cell)
		}
	}
	var b bytes.Buffer
	if err := report.WriteStaff(&b, r, nil); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := report.WriteStaff(&again, r, nil); err != nil || b.String() != again.String() {
		t.Errorf("two writes differ, or %v", err)
	}
}

func itoa(n int) string { return output.Count(float64(n), 0) }

// Undecided periods are never called met: in the report they read
// "undecided", and the verdict says the targets are not all shown met.
func TestStaffReportUndecided(t *testing.T) {
	sc, err := scenarios.Open("textbook", []string{"horizon=2h", "warmup=0s"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Search(&sc.Config, plan.Options{Replications: 3, MaxVerifyReplications: 3})
	if err != nil {
		t.Fatal(err)
	}
	if p.Verification.Undecided == 0 {
		t.Fatal("three replications decided every half hour; the test needs one undecided")
	}
	r := output.NewStaffReport(sc.Name, sc.Title, sc.File, p, plan.DefaultMaxIterations)
	page := staffPage(t, r)
	var text bytes.Buffer
	if err := table.WriteStaff(&text, r); err != nil {
		t.Fatal(err)
	}
	for what, s := range map[string]string{"report": page, "text": text.String()} {
		if strings.Contains(s, "Every target is met") || !strings.Contains(s, "The targets are not all shown met") || !strings.Contains(s, "undecided") {
			t.Errorf("the %s does not say the targets are undecided:\n%s", what, s)
		}
	}
}
