package table

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

func text(t *testing.T, r *output.RunReport, opts RunOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteRun(&b, r, opts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// rowLabels returns the first cell of every line of s, for finding the rows
// of a table.
func rowLabels(s string) map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(s, "\n") {
		label, _, _ := strings.Cut(line, "  ")
		out[strings.TrimSpace(label)] = true
	}
	return out
}

// TestSingleChannelHidesTrivialFigures: a plain phone queue shows the
// figures of today's report and none of those that are zero or trivial in
// it; a busy signal brings blocked back.
func TestSingleChannelHidesTrivialFigures(t *testing.T) {
	out := text(t, fixture.Simulate(t, fixture.OnePhone()), RunOptions{})
	rows := rowLabels(out)
	for _, want := range []string{"offered", "answered", "abandoned", "P(wait)", "abandonment", "service level",
		"service level (answered)", "ASA", "mean wait (all)", "occupancy", "AHT"} {
		if !rows[want] {
			t.Errorf("row %q missing from\n%s", want, out)
		}
	}
	for _, hidden := range []string{"blocked", "blocked share", "unfinished", "resolved", "resolution rate", "duplicate work",
		"switched in", "switched out", "escalated in", "escalated out", "backlog at horizon", "expected wait",
		"talk time", "after-call work", "callbacks offered", "callbacks taken", "callbacks kept", "callback delay"} {
		if rows[hidden] {
			t.Errorf("row %q should be hidden in\n%s", hidden, out)
		}
	}
	if !strings.Contains(out, "Erlang A") || !strings.Contains(out, "Target: 80.00 % answered within 20s;") {
		t.Errorf("the Erlang column or the target line is missing from\n%s", out)
	}

	cfg := fixture.OnePhone()
	cfg.Channels[0].Lines = 2
	cfg.Channels[0].Resolution = []float64{0.7}
	out = text(t, fixture.Simulate(t, cfg), RunOptions{})
	rows = rowLabels(out)
	for _, want := range []string{"blocked", "blocked share", "resolved", "resolution rate"} {
		if !rows[want] {
			t.Errorf("with 2 lines and 70 %% resolution, row %q missing from\n%s", want, out)
		}
	}
}

// TestMechanismsShowTheirFigures: after-call work brings talk time and
// after-call work to the table, callbacks their four figures, and
// classes a line saying what they are and a table by class, a row per
// class; the channel's line says what each mechanism is.
func TestMechanismsShowTheirFigures(t *testing.T) {
	cfg := fixture.OnePhone()
	cfg.Channels[0].WrapTime = models.Dist{Kind: models.Deterministic, Mean: 30}
	cfg.Channels[0].Callback = &models.Callback{OfferAbove: 10, Accept: 0.5, NoAnswer: 0.1, Retries: 1, RetryDelay: 300, AttemptTime: 15}
	cfg.Classes = []models.Class{{Name: "vip", Share: 0.2, Priority: 1, PatienceFactor: 2},
		{Name: "standard", Share: 0.8, Priority: 2, PatienceFactor: 1, PromoteAfter: 120}}
	out := text(t, fixture.Simulate(t, cfg), RunOptions{})
	rows := rowLabels(out)
	for _, want := range []string{"AHT", "talk time", "after-call work", "callbacks offered", "callbacks taken", "callbacks kept", "callback delay"} {
		if !rows[want] {
			t.Errorf("row %q missing from\n%s", want, out)
		}
	}
	for _, want := range []string{"after-call work deterministic 30s", "callbacks offered above a quoted wait of 10s, 50.00 % taken, 10.00 % unanswered, up to 1 retry 5m apart",
		"classes: vip 20%, priority 1, patience × 2; standard 80%, priority 2, served first after waiting 2m",
		"By class of customer", "\nphone         vip", "\nphone    standard"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing from\n%s", want, out)
		}
	}
}

// TestSeveralChannelsShareOneTable: one column per channel, each channel
// described and its target judged, and a figure hidden only when it is
// trivial on every channel.
func TestSeveralChannelsShareOneTable(t *testing.T) {
	cfg := fixture.PhoneAndEmail()
	cfg.Horizon = 8 * 3600
	cfg.Channels[1].Arrivals.Rate = 40.0 / 3600 // more email than 2 agents clear: a backlog
	r := fixture.Simulate(t, cfg)
	out := text(t, r, RunOptions{})
	lines := strings.Split(out, "\n")
	for _, prefix := range []string{"phone (live); arrivals 20/h;", "email (deferred); arrivals 40/h;",
		"Target: phone, 80.00 % answered within 20s;", "Target: email, 90.00 % answered within 4h;"} {
		found := false
		for _, l := range lines {
			found = found || strings.HasPrefix(l, prefix)
		}
		if !found {
			t.Errorf("no line starts %q in\n%s", prefix, out)
		}
	}
	var header string
	for _, l := range lines {
		if strings.HasPrefix(l, "figure") {
			header = l
			break
		}
	}
	if f := strings.Fields(strings.TrimPrefix(header, "figure, mean ± 95 % CI")); len(f) != 2 || f[0] != "phone" || f[1] != "email" {
		t.Errorf("table heading %q: want a column for phone and one for email", header)
	}
	rows := rowLabels(out)
	if !rows["backlog at horizon"] {
		t.Errorf("email keeps a backlog: its row is missing from\n%s", out)
	}
	if rows["blocked"] || rows["escalated in"] {
		t.Errorf("rows zero on every channel should be hidden in\n%s", out)
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "offered ") && strings.Count(l, "±") != 2 {
			t.Errorf("offered row %q: want a mean ± half-width per channel", l)
		}
	}
}

// TestSections: the customers, pools and expectations sections appear
// exactly when the world gives them something to say.
func TestSections(t *testing.T) {
	tests := []struct {
		name   string
		change func(*models.Config) *models.Config
		want   []string // of "Customers", "Pools", "Expectations"
	}{
		{"one plain channel", func(c *models.Config) *models.Config { return c }, nil},
		{"retries", func(c *models.Config) *models.Config { c.Journey.Retry = []float64{0.5}; return c }, []string{"Customers"}},
		{"no retries", func(c *models.Config) *models.Config { c.Journey.Retry = []float64{0}; return c }, nil},
		{"unresolved", func(c *models.Config) *models.Config { c.Channels[0].Resolution = []float64{0.9}; return c }, []string{"Customers"}},
		{"two channels", func(*models.Config) *models.Config { return fixture.PhoneAndEmail() }, []string{"Customers"}},
		{"shrinkage", func(c *models.Config) *models.Config { c.Pools[0].Shrinkage = 0.2; return c }, []string{"Pools"}},
		{"cost", func(c *models.Config) *models.Config { c.Pools[0].CostPerHour = 25; return c }, []string{"Pools"}},
		{"two pools", func(c *models.Config) *models.Config {
			c.Pools = append(c.Pools, models.Pool{Name: "backup", Skills: []string{"phone"}, Agents: []int{1}})
			return c
		}, []string{"Pools"}},
		{"word of mouth", func(c *models.Config) *models.Config { c.WordOfMouth = models.DefaultWordOfMouth(); return c }, []string{"Expectations"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := tc.change(fixture.OnePhone())
			out := text(t, fixture.Simulate(t, cfg), RunOptions{Days: true})
			for _, section := range []string{"Customers", "Pools", "Expectations"} {
				got := strings.Contains(out, "\n"+section)
				want := false
				for _, w := range tc.want {
					want = want || w == section
				}
				if got != want {
					t.Errorf("section %s shown: got %v, want %v, in\n%s", section, got, want, out)
				}
			}
			byDay := map[string]bool{"Customers": true, "Expectations": true}
			for _, w := range tc.want {
				heading := map[string]string{"Customers": "\nCustomers by the day", "Expectations": "\nExpectation level at the end of each day"}[w]
				if byDay[w] && !strings.Contains(out, heading) {
					t.Errorf("with days, %q is missing from\n%s", heading, out)
				}
			}
		})
	}
}

// TestPoolsTotal: with several pools, a total row adds up their hours and
// costs.
func TestPoolsTotal(t *testing.T) {
	cfg := fixture.OnePhone()
	cfg.Pools[0].CostPerHour = 20
	cfg.Pools = append(cfg.Pools, models.Pool{Name: "backup", Skills: []string{"phone"}, Agents: []int{1}, CostPerHour: 30})
	out := text(t, fixture.Simulate(t, cfg), RunOptions{})
	// 2 agents at 20 and 1 at 30 for 4 hours: 8 h and 4 h, 160 and 120.
	want := map[string][2]string{"agents": {"8.0 h", "160"}, "backup": {"4.0 h", "120"}, "total": {"12.0 h", "280"}}
	found := 0
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if w, ok := want[f0(f)]; ok {
			found++
			if !strings.Contains(line, " "+w[0]+" ± 0.0 ") || !strings.HasSuffix(line, " "+w[1]+" ± 0") {
				t.Errorf("row %q: want %s scheduled and a cost of %s", line, w[0], w[1])
			}
		}
	}
	if found != len(want) {
		t.Errorf("want rows for agents, backup and total in\n%s", out)
	}
}

func f0(fields []string) string {
	if len(fields) == 0 {
		return ""
	}
	return fields[0]
}

// TestIntervalsOfSeveralChannels: one table per channel, headed with its
// name, with a backlog column for the deferred channel that has one.
func TestIntervalsOfSeveralChannels(t *testing.T) {
	cfg := fixture.PhoneAndEmail()
	cfg.Channels[1].Arrivals.Rate = 40.0 / 3600
	out := text(t, fixture.Simulate(t, cfg), RunOptions{Intervals: true})
	for _, name := range []string{"phone", "email"} {
		_, table, _ := strings.Cut(out, "\n"+name+" by interval\n\n")
		head, _, _ := strings.Cut(table, "\n")
		if f := strings.Fields(head); len(f) < 3 || !slices.Equal(f[:3], []string{"interval", "agents", "offered"}) {
			t.Errorf("%s's table by interval missing or headed %q in\n%s", name, head, out)
		}
	}
	_, email, _ := strings.Cut(out, "email by interval")
	phone, _, _ := strings.Cut(out, "email by interval")
	if !strings.Contains(email, "backlog") || strings.Contains(phone[strings.Index(phone, "phone by interval"):], "backlog") {
		t.Errorf("want a backlog column for email only, in\n%s", out)
	}
}

func TestRunTextGolden(t *testing.T) {
	fixture.CheckGolden(t, "run-multichannel.golden", text(t, fixture.GoldenReport(), RunOptions{Intervals: true, Days: true}))
}

// TestDeferredChannelHasNoAbandonment: the golden world's email channel is
// deferred; its abandonment is null in JSON, empty in the CSV files and "–"
// in the text, while the live phone's is a number everywhere.
func TestDeferredChannelHasNoAbandonment(t *testing.T) {
	r := fixture.GoldenReport()
	var doc struct {
		Channels map[string]struct {
			Abandoned *float64            `json:"abandoned"`
			PAbandon  *float64            `json:"p_abandon"`
			CI        map[string]*float64 `json:"ci95"`
			Intervals []map[string]any    `json:"intervals"`
			Days      []map[string]any    `json:"days"`
		}
	}
	if err := json.Unmarshal([]byte(jsonText(t, r, RunOptions{Intervals: true})), &doc); err != nil {
		t.Fatal(err)
	}
	for name, ch := range doc.Channels {
		defined := name != "email"
		if (ch.Abandoned != nil) != defined || (ch.PAbandon != nil) != defined || (ch.CI["p_abandon"] != nil) != defined {
			t.Errorf("%s: abandoned %v, p_abandon %v ± %v; want them null only on email", name, ch.Abandoned, ch.PAbandon, ch.CI["p_abandon"])
		}
		for _, list := range [][]map[string]any{ch.Intervals, ch.Days} {
			for _, o := range list {
				if v, ok := o["abandoned"]; !ok || (v == nil) == defined {
					t.Fatalf("%s: an interval or day has abandoned %v", name, v)
				}
			}
		}
	}

	ds := r.Dataset("test")
	for _, tb := range []struct {
		name string
		t    *output.CSVTable
	}{{"intervals.csv", ds.Intervals}, {"daily.csv", ds.Daily}} {
		for row := range tb.t.Rows {
			email := tb.t.Text(row, "channel") == "email"
			for _, col := range []string{"abandoned", "p_abandon", "p_abandon" + output.CISuffix} {
				if cell := tb.t.Text(row, col); (cell == "") != email {
					t.Fatalf("%s row %d (%s): %s = %q", tb.name, row, tb.t.Text(row, "channel"), col, cell)
				}
			}
		}
	}
	for _, name := range []string{"phone", "email"} {
		row := ds.Totals.TotalsRow(output.ScopeChannel, name, "p_abandon")
		if got := ds.Totals.Text(row, "mean"); (got == "") != (name == "email") {
			t.Errorf("totals.csv: %s p_abandon = %q", name, got)
		}
	}

	out := text(t, r, RunOptions{Intervals: true, Days: true})
	line := lineStarting(out, "abandonment ")
	if fields := strings.Fields(line); len(fields) == 0 || fields[len(fields)-1] != "–" || strings.Count(line, "–") != 1 {
		t.Errorf("the abandonment row should show – for email alone: %q", line)
	}
}

// lineStarting returns the first line of s that begins with prefix.
func lineStarting(s, prefix string) string {
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, prefix) {
			return line
		}
	}
	return ""
}
