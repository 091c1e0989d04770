package output

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// phoneChannel is a live channel with exponential times: 20 calls an hour
// of 3 minutes, callers who hang up after 5 minutes on average.
func phoneChannel() models.Channel {
	return models.Channel{Name: "phone", Kind: models.Live, Choosable: true,
		Arrivals:     models.Arrivals{Rate: 20.0 / 3600},
		HandleTime:   models.Dist{Kind: models.Exponential, Mean: 180},
		Patience:     models.Dist{Kind: models.Exponential, Mean: 300},
		AnswerWithin: 20, TargetServiceLevel: 0.8}
}

// onePhone is the smallest world: one phone line, one pool of 2 agents,
// four hours.
func onePhone() *models.Config {
	return &models.Config{Name: "one", Seed: 1, Horizon: 4 * 3600, Interval: 3600,
		Channels: []models.Channel{phoneChannel()},
		Pools:    []models.Pool{{Name: "agents", Skills: []string{"phone"}, Agents: []int{2}}}}
}

// phoneAndEmail adds a deferred email channel, served by the same pool, to
// onePhone.
func phoneAndEmail() *models.Config {
	cfg := onePhone()
	email := models.Channel{Name: "email", Kind: models.Deferred, Choosable: true,
		Arrivals:     models.Arrivals{Rate: 10.0 / 3600},
		HandleTime:   models.Dist{Kind: models.Exponential, Mean: 300},
		AnswerWithin: 4 * 3600, TargetServiceLevel: 0.9}
	cfg.Channels = append(cfg.Channels, email)
	cfg.Pools[0].Skills = []string{"phone", "email"}
	return cfg
}

// simulate runs two replications of cfg and returns their report.
func simulate(t *testing.T, cfg *models.Config) *RunReport {
	t.Helper()
	results, err := experiment.Run{Config: cfg, Reps: experiment.Span(0, 2), Workers: 1}.Results()
	if err != nil {
		t.Fatal(err)
	}
	return NewRunReport(cfg.Name, "a test", "", cfg, results)
}

func text(t *testing.T, r *RunReport, opts ReportOptions) string {
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
	out := text(t, simulate(t, onePhone()), ReportOptions{})
	rows := rowLabels(out)
	for _, want := range []string{"offered", "answered", "abandoned", "P(wait)", "abandonment", "service level",
		"service level (answered)", "ASA", "mean wait (all)", "occupancy", "AHT"} {
		if !rows[want] {
			t.Errorf("row %q missing from\n%s", want, out)
		}
	}
	for _, hidden := range []string{"blocked", "blocked share", "unfinished", "resolved", "resolution rate", "duplicate work",
		"switched in", "switched out", "escalated in", "escalated out", "backlog at horizon", "expected wait"} {
		if rows[hidden] {
			t.Errorf("row %q should be hidden in\n%s", hidden, out)
		}
	}
	if !strings.Contains(out, "Erlang A") || !strings.Contains(out, "Target: 80.00 % answered within 20s;") {
		t.Errorf("the Erlang column or the target line is missing from\n%s", out)
	}

	cfg := onePhone()
	cfg.Channels[0].Lines = 2
	cfg.Channels[0].Resolution = []float64{0.7}
	out = text(t, simulate(t, cfg), ReportOptions{})
	rows = rowLabels(out)
	for _, want := range []string{"blocked", "blocked share", "resolved", "resolution rate"} {
		if !rows[want] {
			t.Errorf("with 2 lines and 70 %% resolution, row %q missing from\n%s", want, out)
		}
	}
}

// TestSeveralChannelsShareOneTable: one column per channel, each channel
// described and its target judged, and a figure hidden only when it is
// trivial on every channel.
func TestSeveralChannelsShareOneTable(t *testing.T) {
	cfg := phoneAndEmail()
	cfg.Horizon = 8 * 3600
	cfg.Channels[1].Arrivals.Rate = 40.0 / 3600 // more email than 2 agents clear: a backlog
	r := simulate(t, cfg)
	out := text(t, r, ReportOptions{})
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
		{"two channels", func(*models.Config) *models.Config { return phoneAndEmail() }, []string{"Customers"}},
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
			cfg := tc.change(onePhone())
			out := text(t, simulate(t, cfg), ReportOptions{Days: true})
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
	cfg := onePhone()
	cfg.Pools[0].CostPerHour = 20
	cfg.Pools = append(cfg.Pools, models.Pool{Name: "backup", Skills: []string{"phone"}, Agents: []int{1}, CostPerHour: 30})
	out := text(t, simulate(t, cfg), ReportOptions{})
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
	cfg := phoneAndEmail()
	cfg.Channels[1].Arrivals.Rate = 40.0 / 3600
	out := text(t, simulate(t, cfg), ReportOptions{Intervals: true})
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

// goldenWorld is a small three-channel world with every section of the
// report: demand and choice, opening hours, lines and chat concurrency, a
// deferred channel, self-service, two pools with costs, retries and word
// of mouth, over two days of 6-hour intervals.
func goldenWorld() *models.Config {
	phone := phoneChannel()
	phone.Arrivals = models.Arrivals{}
	phone.Lines = 10
	phone.Open = []models.Span{{Days: models.Days{true, true, true, true, true}, From: 8 * 3600, To: 20 * 3600}}
	phone.Resolution = []float64{0.8}
	chat := models.Channel{Name: "chat", Kind: models.Live, Choosable: true, Concurrency: 2, Slowdown: 0.2,
		HandleTime: models.Dist{Kind: models.Gamma, Mean: 600, CV: 0.7},
		Patience:   models.Dist{Kind: models.Exponential, Mean: 120}, AnswerWithin: 60}
	email := models.Channel{Name: "email", Kind: models.Deferred, Choosable: true, ExpectedWait: 86400,
		Arrivals:   models.Arrivals{Rate: 2.0 / 3600},
		HandleTime: models.Dist{Kind: models.Exponential, Mean: 480}, AnswerWithin: 86400, TargetServiceLevel: 0.9}
	cfg := &models.Config{Name: "golden", Seed: 7, Horizon: 2 * 86400, Interval: 6 * 3600, Start: models.Friday,
		Demand:      models.Demand{Arrivals: models.Arrivals{Rate: 30.0 / 3600}},
		Choice:      models.Choice{WaitWeight: 0.5},
		Journey:     models.Journey{Retry: []float64{0.5}},
		WordOfMouth: models.DefaultWordOfMouth(),
		Channels:    []models.Channel{phone, chat, email},
		Pools: []models.Pool{
			{Name: "front", Skills: []string{"phone", "chat", "email"}, Agents: []int{1, 3, 3, 1}, Shrinkage: 0.25, CostPerHour: 30},
			{Name: "back", Skills: []string{"email"}, Agents: []int{1}, CostPerHour: 25},
		}}
	cfg.SetDefaults()
	return cfg
}

// fakeResults makes replications of cfg by arithmetic instead of
// simulation, so that the golden files test the report alone and do not
// change when the simulation does. Every tally varies with the channel,
// the interval and the replication; the totals add the intervals up.
func fakeResults(cfg *models.Config, reps int) []*models.Result {
	n := cfg.Intervals()
	var out []*models.Result
	for rep := range reps {
		res := &models.Result{Replication: rep, Events: uint64(1000 + rep)}
		for i, ch := range cfg.Channels {
			cr := models.ChannelResult{Name: ch.Name, Kind: ch.Kind, Intervals: make([]models.Counts, n)}
			for k := range n {
				c := &cr.Intervals[k]
				c.Offered = int64(10*(i+1) + 3*(k%4) + rep)
				if ch.Kind == models.Live {
					c.Abandoned = int64((k + i + rep) % 3)
				}
				if i == 0 && k%4 == 0 {
					c.Blocked = c.Offered // closed at night
					c.Abandoned = 0
				}
				c.Answered = c.Offered - c.Abandoned - c.Blocked
				c.Waited = c.Answered / 2
				c.AnsweredWithin = c.Answered - int64(k%3)
				c.Resolved = c.Answered - int64((k+rep)%2)
				if c.Answered == 0 {
					c.AnsweredWithin, c.Resolved = 0, 0
				}
				c.SwitchedIn = int64(i * (k % 2))
				c.WaitAnswered = float64(c.Answered) * float64(5+7*i+k)
				c.WaitAbandoned = float64(c.Abandoned) * 40
				c.HandleTime = float64(c.Answered) * float64(180+60*i)
				c.BusyTime = c.HandleTime
				c.AgentTime = 6 * 3600 * 2
				if ch.Kind == models.Deferred {
					c.Backlog = int64(k%3 + rep)
				}
				c.Reputation = ch.ExpectedWait * (1 + 0.1*float64(k) - 0.05*float64(rep))
				cr.Total.Add(*c)
				cr.Total.Backlog, cr.Total.Reputation = c.Backlog, c.Reputation
			}
			res.Channels = append(res.Channels, cr)
		}
		for p, pool := range cfg.Pools {
			pr := models.PoolResult{Name: pool.Name, Intervals: make([]models.PoolCounts, n), Scheduled: make([]int, n)}
			for k := range n {
				a := pool.ScheduledAt(k, cfg.Interval, cfg.Start)
				pr.Scheduled[k] = a
				c := models.PoolCounts{ScheduledTime: float64(a) * cfg.Interval,
					AgentTime: float64(pool.AvailableAt(k, cfg.Interval, cfg.Start)) * cfg.Interval}
				c.BusyTime = c.AgentTime * (0.5 + 0.1*float64((k+p+rep)%4))
				c.Cost = c.ScheduledTime / 3600 * pool.CostPerHour
				pr.Intervals[k] = c
				pr.Total.Add(c)
			}
			res.Pools = append(res.Pools, pr)
		}
		res.Customers.Intervals = make([]models.CustomerCounts, n)
		res.Expectation = make([]float64, n)
		for k := range n {
			c := models.CustomerCounts{Customers: int64(40 + k + rep), Finished: int64(38 + k + rep)}
			c.Resolved = c.Finished - int64(3+k%2)
			c.GaveUp = c.Finished - c.Resolved
			c.Contacts = c.Finished + int64(9+rep)
			c.Switches, c.Escalations = int64(5+k%3), int64(k%2)
			c.ChannelsUsed = c.Finished + c.Switches/2
			c.TimeToResolution = float64(c.Resolved) * 900
			c.Satisfaction = float64(c.Finished) * 0.7
			res.Customers.Intervals[k] = c
			res.Customers.Total.Add(c)
			res.Expectation[k] = 0.1*float64(k) - 0.05*float64(rep)
		}
		res.ExpectationAtHorizon = res.Expectation[n-1]
		out = append(out, res)
	}
	return out
}

// goldenReport is the report the golden files hold: goldenWorld with fake
// results of three replications.
func goldenReport() *RunReport {
	cfg := goldenWorld()
	return NewRunReport("golden", "Three channels, two pools, two days", "testdata/golden.yaml", cfg, fakeResults(cfg, 3))
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("output differs from %s (go test -update rewrites it):\nline %d:\n got %q\nwant %q", path, i+1, g, w)
			}
		}
	}
}

func TestRunTextGolden(t *testing.T) {
	checkGolden(t, "run-multichannel.golden", text(t, goldenReport(), ReportOptions{Intervals: true, Days: true}))
}
