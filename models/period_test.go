package models

import (
	"math"
	"testing"
)

// TestKPIInDays checks a figure over days against the run's totals: with
// no warm-up, every day together is the measured window, and counts over
// single days add up to it.
func TestKPIInDays(t *testing.T) {
	cfg := erlangAConfig(3 * 86400)
	cfg.Pools[0].Name = "agents"
	results, err := runReplications(cfg, 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	r := results[1]
	days := cfg.Days()
	for _, name := range KPINames(cfg) {
		k, err := ParseKPI(cfg, name)
		if err != nil {
			t.Fatal(err)
		}
		all, whole := k.InDays(cfg, r, 0, days-1), k.InDays(cfg, r, -1, -1)
		if name == cfg.Channels[0].Name+".backlog" || name == cfg.Channels[0].Name+".expected_wait_seconds" {
			continue // readings at the end of the window, which goes on past the horizon
		}
		if !(math.Abs(all-whole) <= 1e-9*math.Max(1, math.Abs(whole))) && !(math.IsNaN(all) && math.IsNaN(whole)) {
			t.Errorf("%s: every day %v, the window %v", name, all, whole)
		}
	}
	offered, _ := ParseKPI(cfg, cfg.Channels[0].Name+".offered")
	var sum float64
	for d := range days {
		sum += offered.InDays(cfg, r, d, d)
	}
	if want := offered.InDays(cfg, r, -1, -1); sum != want || want == 0 {
		t.Errorf("offered day by day adds up to %v, the window has %v", sum, want)
	}
	if u := offered.Unit(); u != "" {
		t.Errorf("offered's unit: got %q, want a count", u)
	}
}

// TestKPIInDaysByDay checks that a result kept by day (ByDay) gives every
// figure over any days, and the expectation level at each day's end, as
// the whole result does.
func TestKPIInDaysByDay(t *testing.T) {
	cfg := erlangAConfig(3 * 86400)
	cfg.Interval = 1800
	cfg.WordOfMouth = DefaultWordOfMouth()
	r, err := Run(cfg, 1)
	if err != nil {
		t.Fatal(err)
	}
	d := r.ByDay(cfg)
	if !d.Daily || len(d.Channels[0].Intervals) != cfg.Days() || r.Daily {
		t.Fatalf("ByDay kept %d tallies (daily %v), want one a day; the result itself daily %v", len(d.Channels[0].Intervals), d.Daily, r.Daily)
	}
	for _, name := range KPINames(cfg) {
		k, err := ParseKPI(cfg, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, span := range [][2]int{{-1, -1}, {0, 0}, {1, 2}, {0, 2}} {
			got, want := k.InDays(cfg, d, span[0], span[1]), k.InDays(cfg, r, span[0], span[1])
			if got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Errorf("%s over days %v: %v by day, %v whole", name, span, got, want)
			}
		}
	}
	whole, daily := r.ExpectationDays(cfg), d.ExpectationDays(cfg)
	for i := range whole {
		if whole[i] != daily[i] {
			t.Errorf("expectation at the end of day %d: %v by day, %v whole", i+1, daily[i], whole[i])
		}
	}
	if whole[len(whole)-1] == 0 {
		t.Error("word of mouth left the level at 0: the test checks nothing")
	}
}

// TestKPIInDaysEdges checks the edges of the days asked for: day 0 alone
// is one day, not the whole window (only a negative first day means that),
// and days past the horizon add nothing, for a channel's, the customers'
// and a pool's figures alike.
func TestKPIInDaysEdges(t *testing.T) {
	cfg := erlangAConfig(3 * 86400)
	cfg.Pools[0].Name = "agents"
	r, err := Run(cfg, 1)
	if err != nil {
		t.Fatal(err)
	}
	days := cfg.Days()
	for _, name := range []string{cfg.Channels[0].Name + ".offered", "customers.customers", "pools.agents.scheduled_hours"} {
		k, err := ParseKPI(cfg, name)
		if err != nil {
			t.Fatal(err)
		}
		first, whole := k.InDays(cfg, r, 0, 0), k.InDays(cfg, r, -1, -1)
		if !(first > 0 && first < whole/2) {
			t.Errorf("%s: day 0 gives %v, the window %v: want about a third of it", name, first, whole)
		}
		if all, past := k.InDays(cfg, r, 0, days-1), k.InDays(cfg, r, 0, days+5); past != all {
			t.Errorf("%s: days past the horizon give %v, want %v as the last day does", name, past, all)
		}
	}
}
