package output_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/output/internal/fixture"
	"github.com/omnisim/omnisim/output/table"
	"github.com/omnisim/omnisim/plan"
)

// compareMissing compares fake replications of the golden world (whose
// phone sets a target of 80 % within 20 s, whose email sets one of 90 %
// answered within a day, and whose chat sets none) with a copy in which only half of email's contacts are
// answered within the day. In A, a day's email service level is at least
// 1 − 3/120 (fakeResults answers all but k mod 3 of at least 30 contacts
// in each six-hour interval k), far above 90 % in every replication; in B
// it is 50 %, far below.
func compareMissing(reps int) *output.CompareReport {
	cfg := fixture.GoldenWorld()
	a, b := fixture.FakeResults(cfg, reps), fixture.FakeResults(cfg, reps)
	for _, r := range b {
		ch := &r.Channels[2]
		ch.Total.AnsweredWithin = 0
		for k := range ch.Intervals {
			c := &ch.Intervals[k]
			c.AnsweredWithin = c.Answered / 2
			ch.Total.AnsweredWithin += c.AnsweredWithin
		}
	}
	return output.NewCompareReport(output.Variant{Report: output.NewRunReport("golden", "", "", cfg, a)},
		output.Variant{Report: output.NewRunReport("golden", "", "", cfg, b), Sets: []string{"x=1"}})
}

// TestCompareTargets: the email target is met by A and missed by B, each
// verdict the one its figure's 95 % interval earns, and the text, the JSON
// and the report say first that B misses what A meets; chat, which sets no
// target, shows "none set" and null, never a 0 % target; the phone's
// service level, alike in A and B, gets the same verdict in both.
func TestCompareTargets(t *testing.T) {
	r := compareMissing(4)
	if len(r.Targets) != 3 {
		t.Fatalf("%d targets, want phone's, chat (none set) and email's", len(r.Targets))
	}
	if tc := r.Targets[0]; tc.Channel != "phone" || tc.A == nil || tc.B == nil || tc.A.Verdict != tc.B.Verdict || tc.Changed() {
		t.Errorf("target 0: %+v, want phone's, judged alike", tc)
	}
	if tc := r.Targets[1]; tc.Channel != "chat" || !tc.None() {
		t.Errorf("target 1: %+v, want chat with none set", tc)
	}
	email := r.Targets[2]
	if email.Channel != "email" || email.Kind != plan.ServiceLevel || email.A == nil || email.B == nil {
		t.Fatalf("target 2: %+v, want email's service level for both", email)
	}
	for _, tc := range []struct {
		side string
		s    *plan.Standing
		rep  *output.RunReport
		want plan.Verdict
	}{{"A", email.A, r.A.Report, plan.VerdictMet}, {"B", email.B, r.B.Report, plan.VerdictMissed}} {
		e := tc.rep.Summary.Channels[2].Get("service_level")
		if tc.s.Estimate != e || tc.s.Verdict != tc.want {
			t.Errorf("%s: %v, %q; want the summary's %v, %q", tc.side, tc.s.Estimate, tc.s.Verdict, e, tc.want)
		}
		if lo, hi := e.Mean-e.HalfWidth, e.Mean+e.HalfWidth; tc.want == plan.VerdictMet && lo < 0.9 || tc.want == plan.VerdictMissed && hi >= 0.9 {
			t.Errorf("%s: the interval [%v, %v] does not earn %q against 90 %%", tc.side, lo, hi, tc.want)
		}
	}
	if email.B.Missed != email.B.Periods || email.A.Met != email.A.Periods {
		t.Errorf("by day: A meets %d of %d, B misses %d of %d; want every day", email.A.Met, email.A.Periods, email.B.Missed, email.B.Periods)
	}

	const misses = "B misses email's target service level ≥ 90% within 1d that A meets: "
	var text bytes.Buffer
	if err := table.WriteCompare(&text, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{misses, "chat     none set", "By period, email's service level target: B 2 missed, 0 undecided of 2; A 0 missed, 0 undecided of 2."} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the text lacks %q:\n%s", want, text.String())
		}
	}

	raw, err := json.Marshal(table.CompareJSON(r))
	if err != nil {
		t.Fatal(err)
	}
	var j struct {
		Targets map[string]map[string]struct {
			A, B *struct {
				Target  float64 `json:"target"`
				Verdict string  `json:"verdict"`
			}
		} `json:"targets"`
		Findings []string `json:"findings"`
	}
	if err := json.Unmarshal(raw, &j); err != nil {
		t.Fatal(err)
	}
	for _, ch := range []string{"phone", "chat", "email"} {
		for _, key := range []string{"service_level", "p_abandon", "occupancy"} {
			pair, ok := j.Targets[ch][key]
			set := ch != "chat" && key == "service_level"
			if !ok || (pair.A != nil) != set || (pair.B != nil) != set {
				t.Errorf("JSON targets.%s.%s: %+v (present %v), want a and b %s", ch, key, pair, ok, map[bool]string{true: "set", false: "null"}[set])
			}
		}
	}
	if e := j.Targets["email"]["service_level"]; e.A == nil || e.B == nil || e.A.Verdict != "met" || e.B.Verdict != "missed" || e.A.Target != 0.9 {
		t.Errorf("JSON email target: %+v", e)
	}
	if len(j.Findings) == 0 || !strings.HasPrefix(j.Findings[0], misses) {
		t.Errorf("JSON findings %q, want first %q", j.Findings, misses)
	}

	html := reportOf(t, r)
	for _, want := range []string{`<p class="lead">B misses email&#39;s target`, `<td class="t missed">missed</td>`, `<td class="t met">met</td>`, "none set"} {
		if !strings.Contains(html, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

// TestComparePools: every pool and all pools together show their hours,
// cost and cost per day, the cost of the measured window's two days
// halved, even when A and B staff alike; and the staffing is said in
// words.
func TestComparePools(t *testing.T) {
	r := fixture.CompareOf(3, false)
	days := output.MeasuredDays(r.A.Report.Config)
	if days != 2 {
		t.Fatalf("the golden world's measured window is %v days, want its horizon of 2 days without warm-up", days)
	}
	cost := map[string]models.Difference{}
	for _, d := range r.Comparison.Rows {
		if d.Key == "cost" {
			cost[d.Group+" "+d.Name] = d
		}
	}
	n := 0
	for _, d := range r.Comparison.Rows {
		if d.Key != "cost_per_day" {
			continue
		}
		n++
		c := cost[d.Group+" "+d.Name]
		if d.A.Mean != c.A.Mean/days || d.B.Mean != c.B.Mean/days || d.Diff != c.Diff/days || d.Half != c.Half/days {
			t.Errorf("%s %s: cost per day %+v, want the cost %+v ÷ %v", d.Group, d.Name, d, c, days)
		}
		if !output.Shown(d) {
			t.Errorf("%s %s: the cost per day is left out of the tables", d.Group, d.Name)
		}
	}
	if n != len(r.A.Report.Config.Pools)+1 {
		t.Errorf("%d rows of cost per day, want one per pool and one for all pools", n)
	}
	var text bytes.Buffer
	if err := table.WriteCompare(&text, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\npool front\n", "\npool back\n", "\nall pools\n", "scheduled hours", "cost per day", "Staffing: agent-hours scheduled, B "} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the text lacks %q:\n%s", want, text.String())
		}
	}
	if html := reportOf(t, r); !strings.Contains(html, "Staffing: agent-hours scheduled") || !strings.Contains(html, `id="table-all-pools"`) {
		t.Error("the report lacks the staffing or the table of all pools")
	}
}

// reportOf returns the report.html of a comparison.
func reportOf(t *testing.T, r *output.CompareReport) string {
	t.Helper()
	return fixture.FileText(t, folder.CompareFiles(r, "test"), folder.ReportFile)
}
