package output_test

import (
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// TestDaysAddUp: over a two-day run with no warm-up, each channel's days
// add up to its totals for the flows, and a day's backlog and expected wait
// are the readings at the end of its last interval, not sums.
func TestDaysAddUp(t *testing.T) {
	cfg := fixture.PhoneAndEmail()
	cfg.Horizon, cfg.Interval = 2*86400, 3*3600
	cfg.Channels[1].Arrivals.Rate = 40.0 / 3600 // a backlog that carries over
	cfg.WordOfMouth = models.DefaultWordOfMouth()
	r := fixture.Simulate(t, cfg)
	if got := cfg.Days(); got != 2 {
		t.Fatalf("Days() = %d, want 2", got)
	}
	perDay := int(86400 / cfg.Interval)
	for i, cs := range r.Summary.Channels {
		days := r.ChannelDays(i)
		if len(days) != 2 {
			t.Fatalf("%s: %d days, want 2", cs.Name, len(days))
		}
		var sum models.Counts
		for _, d := range days {
			sum.Offered += d.Offered
			sum.Answered += d.Answered
			sum.Abandoned += d.Abandoned
			sum.Blocked += d.Blocked
		}
		total := cs.Total
		if sum.Offered != total.Offered || sum.Answered != total.Answered || sum.Abandoned != total.Abandoned || sum.Blocked != total.Blocked {
			t.Errorf("%s: days add up to offered %d, answered %d, abandoned %d, blocked %d; totals %d, %d, %d, %d", cs.Name,
				sum.Offered, sum.Answered, sum.Abandoned, sum.Blocked, total.Offered, total.Answered, total.Abandoned, total.Blocked)
		}
		for d := range days {
			var backlog int64
			reputation := 0.0
			for _, res := range r.Batches {
				last := res.Channels[i].Intervals[(d+1)*perDay-1]
				backlog += last.Backlog
				reputation += last.Reputation
			}
			reputation /= float64(len(r.Results))
			if days[d].Backlog != backlog || days[d].Reputation != reputation {
				t.Errorf("%s day %d: backlog %d, reputation %v; want the end-of-day readings %d, %v",
					cs.Name, d+1, days[d].Backlog, days[d].Reputation, backlog, reputation)
			}
		}
	}
	if days := r.ChannelDays(1); days[0].Backlog == 0 {
		t.Errorf("email should end its first day with a backlog")
	}
	var customers int64
	for _, d := range r.CustomerDays() {
		customers += d.Customers
	}
	var want int64
	for _, res := range r.Results {
		want += res.Customers.Total.Customers
	}
	if customers != want {
		t.Errorf("customers by day add up to %d, want %d", customers, want)
	}
}

// TestPerReplication: counts, hours and money are divided by the number
// of replications; shares, seconds and ratios are not.
func TestPerReplication(t *testing.T) {
	sum := models.Counts{Offered: 30, Answered: 20, WaitAnswered: 100}
	for key, want := range map[string]float64{"offered": 10, "answered": 20.0 / 3, "asa_seconds": 5, "p_abandon": 0} {
		f, _ := models.FigureByKey(key)
		if got := output.PerReplication(f, &sum, 3); got != want {
			t.Errorf("%s: got %v, want %v", key, got, want)
		}
	}
	pool := models.PoolCounts{ScheduledTime: 3 * 7200, AgentTime: 3 * 3600, BusyTime: 3 * 1800, Cost: 300}
	for _, tc := range []struct {
		key  string
		want float64
	}{{"scheduled_hours", 2}, {"available_hours", 1}, {"occupancy", 0.5}, {"cost", 100}} {
		for _, f := range models.PoolFigures {
			if f.Key == tc.key {
				if got := output.PerReplication(f, &pool, 3); got != tc.want {
					t.Errorf("%s: got %v, want %v", tc.key, got, tc.want)
				}
			}
		}
	}
}
