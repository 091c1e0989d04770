package models

import (
	"math"
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
