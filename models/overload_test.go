package models

import (
	"math"
	"slices"
	"testing"
)

// overloadWorld is one live channel of rate contacts a second, handled in
// 180 s on average, served by agents with 20 % shrinkage.
func overloadWorld(rate float64, agents, conc int) *Config {
	c := &Config{Horizon: 86400, Interval: 1800,
		Channels: []Channel{{Name: "phone", Kind: Live, Arrivals: Arrivals{Rate: rate}, Concurrency: conc,
			HandleTime: Dist{Kind: Exponential, Mean: 180}}},
		Pools: []Pool{{Name: "a", Skills: []string{"phone"}, Agents: []int{agents}, Shrinkage: 0.2}}}
	return c
}

// TestOverloads: the offered load is the rate × the mean handle time, set
// against the agents on duty (after shrinkage) × the concurrency; only
// more than factor times that is reported.
func TestOverloads(t *testing.T) {
	// 1 a second × 180 s = 180 Erlangs; 10 agents, 8 on duty.
	got := overloadWorld(1, 10, 1).Overloads(OverloadFactor)
	if len(got) != 1 || got[0].Channel != "phone" || math.Abs(got[0].Erlangs-180) > 1e-9 || math.Abs(got[0].Agents-8) > 1e-9 {
		t.Fatalf("got %+v, want phone at 180 Erlangs against 8 agents on duty", got)
	}
	// 24 Erlangs against 8 on duty is exactly 3 times: not reported; a
	// little more is.
	if got := overloadWorld(24.0/180, 10, 1).Overloads(3); len(got) != 0 {
		t.Errorf("3 times the agents reported: %+v", got)
	}
	if got := overloadWorld(24.5/180, 10, 1).Overloads(3); len(got) != 1 {
		t.Errorf("3.06 times the agents not reported: %+v", got)
	}
	// A concurrency of 3 triples what the agents hold.
	if got := overloadWorld(30.0/180, 10, 3).Overloads(3); len(got) != 0 {
		t.Errorf("30 Erlangs against 8 agents of 3 chats each reported: %+v", got)
	}
	// Intervals without arrivals do not count: volumes only in the first
	// half hour of each hour.
	c := overloadWorld(0, 10, 1)
	c.Channels[0].Arrivals = Arrivals{Volumes: []float64{250, 0}}
	if got := c.Overloads(3); len(got) != 1 || math.Abs(got[0].Erlangs-25) > 1e-9 {
		t.Errorf("got %+v, want 250 × 180 s ÷ 1800 s = 25 Erlangs in the half hours with arrivals", got)
	}
}

// TestOverloadEdges checks what Overloads counts at its edges: exactly one
// Erlang against no agent is reported; only the first two weeks are looked
// at, interval by interval at its own rate; and the demand's customers,
// given by a rate or by volumes, times the weekday's factor, over the
// intervals they arrive in, are set against every agent on duty times the
// highest concurrency, and reported only beyond the factor.
func TestOverloadEdges(t *testing.T) {
	if got := overloadWorld(1.0/180, 0, 1).Overloads(3); len(got) != 1 || got[0].Erlangs != 1 {
		t.Errorf("one Erlang against no agent: got %+v, want it reported", got)
	}
	// A month whose last two weeks are overloaded: not looked at.
	c := overloadWorld(0, 10, 1)
	c.Horizon, c.Interval = 28*86400, 86400
	c.Channels[0].Arrivals = Arrivals{Volumes: slices.Concat(slices.Repeat([]float64{100}, 14), slices.Repeat([]float64{1e6}, 14))}
	if got := c.Overloads(3); len(got) != 0 {
		t.Errorf("an overload after two weeks: got %+v, want it not looked at", got)
	}
	// Volumes by the hour, heavy in the second: looked at hour by hour.
	c = overloadWorld(0, 10, 1)
	c.Interval = 3600
	c.Channels[0].Arrivals = Arrivals{Volumes: []float64{0, 1000}}
	if got := c.Overloads(3); len(got) != 1 || math.Abs(got[0].Erlangs-50) > 1e-9 {
		t.Errorf("1,000 contacts every other hour: got %+v, want 1,000 × 180 s ÷ 3,600 s = 50 Erlangs in those hours", got)
	}
	ones := [7]float64{1, 1, 1, 1, 1, 1, 1}
	for _, tc := range []struct {
		name     string
		demand   Demand
		interval float64
		conc     int
		erlangs  float64 // 0: none reported
		agents   float64
	}{
		{"a rate", Demand{Arrivals: Arrivals{Rate: 1}, Weekdays: ones}, 1800, 1, 180, 8},
		{"volumes", Demand{Arrivals: Arrivals{Volumes: []float64{1800}}, Weekdays: ones}, 1800, 1, 180, 8},
		{"weekday factors of 2", Demand{Arrivals: Arrivals{Rate: 1}, Weekdays: [7]float64{2, 2, 2, 2, 2, 2, 2}}, 1800, 1, 360, 8},
		{"every other hour", Demand{Arrivals: Arrivals{Volumes: []float64{0, 3600}}, Weekdays: ones}, 3600, 1, 180, 8},
		{"three chats an agent", Demand{Arrivals: Arrivals{Rate: 1}, Weekdays: ones}, 1800, 3, 180, 24},
		{"exactly 3 times", Demand{Arrivals: Arrivals{Rate: 24.0 / 180}, Weekdays: ones}, 1800, 1, 0, 0},
	} {
		c := overloadWorld(0, 10, tc.conc)
		c.Interval = tc.interval
		c.Channels[0].Choosable = true
		c.Demand = tc.demand
		got := c.Overloads(3)
		if tc.erlangs == 0 {
			if len(got) != 0 {
				t.Errorf("demand, %s: got %+v, want nothing reported", tc.name, got)
			}
			continue
		}
		if len(got) != 1 || got[0].Channel != "" || math.Abs(got[0].Erlangs-tc.erlangs) > 1e-9 || math.Abs(got[0].Agents-tc.agents) > 1e-9 {
			t.Errorf("demand, %s: got %+v, want %v Erlangs against %v agents' worth on duty", tc.name, got, tc.erlangs, tc.agents)
		}
	}
}

// TestNeedInEdges checks a deferred channel's need, its workload: offered ×
// the handle time given (the channel's mean when none is) ÷ the length;
// nothing at all for an interval of no length.
func TestNeedInEdges(t *testing.T) {
	ch := &Channel{Name: "email", Kind: Deferred, HandleTime: Dist{Kind: Exponential, Mean: 300}}
	for _, tc := range []struct{ offered, aht, length, want float64 }{
		{100, 600, 3600, 100 * 600.0 / 3600},
		{100, 0, 3600, 100 * 300.0 / 3600},
		{100, math.NaN(), 3600, 100 * 300.0 / 3600},
		{100, 600, 0, math.NaN()},
	} {
		n, err := ch.NeedIn(tc.offered, tc.aht, tc.length)
		if err != nil || !(math.Abs(n.Agents-tc.want) <= 1e-12) && !(math.IsNaN(n.Agents) && math.IsNaN(tc.want)) {
			t.Errorf("NeedIn(%v, %v, %v) = %+v, %v; want %v agents", tc.offered, tc.aht, tc.length, n, err, tc.want)
		}
	}
}
