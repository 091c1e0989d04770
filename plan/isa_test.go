package plan

import (
	"math"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/models/erlang"
)

// needsConfig is a phone line (the textbook's: exponential calls of 3
// minutes, patience of 5, 80 % within 20 s) and an email queue of
// 10-minute emails, over two half hours and a quarter hour, with half
// the customers bringing an issue that takes twice as long: the
// channels' mean handle times are 1.5 times their laws' means.
func needsConfig() *models.Config {
	cfg := &models.Config{Horizon: 2*1800 + 900, Interval: 1800,
		Issues: []models.Issue{{Name: "simple", Share: 0.5, HandleFactor: 1}, {Name: "complex", Share: 0.5, HandleFactor: 2}},
		Channels: []models.Channel{
			{Name: "phone", Kind: models.Live, Arrivals: models.Arrivals{Rate: 100.0 / 1800},
				HandleTime: models.Dist{Kind: models.Exponential, Mean: 180}, Patience: models.Dist{Kind: models.Exponential, Mean: 300},
				AnswerWithin: 20, TargetServiceLevel: 0.8},
			{Name: "email", Kind: models.Deferred, Arrivals: models.Arrivals{Rate: 10.0 / 1800},
				HandleTime: models.Dist{Kind: models.Exponential, Mean: 600}, AnswerWithin: 86400},
		},
		Pools: []models.Pool{{Name: "agents", Skills: []string{"phone", "email"}, Agents: []int{14}}}}
	cfg.SetDefaults()
	return cfg
}

// TestNeeds: each interval is staffed by Erlang A at its own demand, per
// replication, over its own length (the last, cut at the horizon, a
// quarter hour), with the handle time measured in it, or the channel's
// mean handle time over its issues (270 s) when nothing was answered; the
// chance of waiting at that staffing is the algorithm's target. A deferred
// channel needs its workload: offered × handle time ÷ length.
//
// Seen to catch: the last interval taken whole (Horizon + k·Interval,
// Horizon − k/Interval); the configured handle time used although calls
// were answered (Answered > 0 made <=), or 0 ÷ 0 when none was (>=); a
// live channel's chance of waiting left at the fallback (the deferred test
// made !=).
func TestNeeds(t *testing.T) {
	cfg := needsConfig()
	c := func(offered, answered int64, aht float64) models.Counts {
		return models.Counts{Offered: offered, Answered: answered, HandleTime: float64(answered) * aht}
	}
	// Two replications alike, by channel and interval.
	phone := []models.Counts{c(100, 100, 150), c(50, 0, 0), c(50, 50, 120)}
	email := []models.Counts{c(10, 10, 600), {}, c(6, 6, 300)}
	var results []*models.Result
	for rep := range 2 {
		results = append(results, &models.Result{Replication: rep, Channels: []models.ChannelResult{
			{Name: "phone", Intervals: phone}, {Name: "email", Intervals: email}}})
	}
	got := needs(cfg, results)

	for k, tc := range []struct{ rate, aht float64 }{
		{100.0 / 1800, 150}, // measured
		{50.0 / 1800, 270},  // none answered: the mean over the issues
		{50.0 / 900, 120},   // a quarter hour
	} {
		want, err := erlang.Staff(erlang.Params{ArrivalRate: tc.rate, HandleTime: tc.aht, Patience: 300, AnswerWithin: 20},
			erlang.Targets{ServiceLevel: 0.8})
		if err != nil {
			t.Fatal(err)
		}
		if g := got[0][k]; g.agents != float64(want.Agents) || g.delay != want.PWait || g.offered != float64(phone[k].Offered) {
			t.Errorf("phone, interval %d: %v agents, P(wait) %v, %v offered; want %d, %v, %d", k, g.agents, g.delay, g.offered, want.Agents, want.PWait, phone[k].Offered)
		}
	}
	// 10 × 600 s in half an hour; none; 6 × 300 s in a quarter hour.
	for k, want := range []float64{10.0 * 600 / 1800, 0, 2} {
		if g := got[1][k].agents; !(math.Abs(g-want) <= 1e-12) {
			t.Errorf("email, interval %d: %v agents, want the workload %v", k, g, want)
		}
	}
}

// TestISAPlan: a pool is given the fewest agents s with P(L ≥ s) ≤ α over
// the readings of L, the contacts of its live channels in the system (a
// chat counting ½ at a concurrency of 2), α the smallest target of its
// channels with demand in the interval, plus the workload of its deferred
// channels, rounded up. In the first half hour, L reads 1 to 30 (phone
// alone), α is the phone's 0.2 (chat, with no demand, has none), so s =
// 25 (P(L ≥ 25) = 6/30), and 1.5 agents of email make 27; in the second L
// reads 1 to 30 again (chats 2 to 60 ÷ 2), α is the chat's 0.3: s = 22.
//
// Seen to catch: the fallback target of a channel with no demand taken
// into α (offered > 0 made >=), which asks 30 agents in the first.
func TestISAPlan(t *testing.T) {
	cfg := &models.Config{Horizon: 3600, Interval: 1800,
		Channels: []models.Channel{
			{Name: "phone", Kind: models.Live, Concurrency: 1},
			{Name: "chat", Kind: models.Live, Concurrency: 2},
			{Name: "email", Kind: models.Deferred, Concurrency: 1},
		},
		Pools: []models.Pool{{Name: "front", Skills: []string{"phone", "chat", "email"}}}}
	s := &searcher{cfg: cfg, opt: Options{MaxAgents: 100}, intervals: 2, primary: primaryPools(cfg)}
	in := [][]int32{make([]int32, 2*pointsPerInterval), make([]int32, 2*pointsPerInterval), nil}
	for j := range pointsPerInterval {
		in[0][j] = int32(j + 1)                         // phone, first half hour
		in[1][pointsPerInterval+j] = int32(2 * (j + 1)) // chat, second
	}
	r := &run{inSystem: [][][]int32{in}}
	nd := [][]need{
		{{offered: 10, delay: 0.2}, {offered: 0, delay: fallbackDelay}},
		{{offered: 0, delay: fallbackDelay}, {offered: 20, delay: 0.3}},
		{{agents: 1.5, offered: 3}, {}},
	}
	got := s.isaPlan(r, nd)
	if want := []int{27, 22}; got[0][0] != want[0] || got[0][1] != want[1] {
		t.Errorf("isaPlan = %v, want %v", got[0], want)
	}
}
