package plan

import (
	"slices"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// costConfig is a world of half hours over 3½ hours, the first half hour
// warm-up, with a pool costing 20 an hour and one costing nothing: the
// last interval is a quarter hour long.
func costConfig() *models.Config {
	return &models.Config{Horizon: 3*1800 + 900, Interval: 1800, Warmup: 1800,
		Channels: []models.Channel{{Name: "phone", Kind: models.Live}},
		Pools: []models.Pool{
			{Name: "paid", Skills: []string{"phone"}, CostPerHour: 20},
			{Name: "free", Skills: []string{"phone"}},
		}}
}

// TestCosts: a pool's agent hours are its agents times the length of each
// interval of the measured window, the warm-up left out and the last
// interval cut at the horizon, and its cost those hours times its cost per
// hour. By hand: (4·½ + 6·½ + 8·¼) h = 7 h, costing 140; (1·½ + 1·½ + 1·¼) h
// = 1.25 h, costing nothing.
//
// Seen to catch: no interval counted (the loop's bound reversed); the last
// interval counted whole (its length from Horizon + k·Interval or
// Horizon − k/Interval); hours as agents ÷ length or × 3600; cost as hours ÷
// the cost per hour.
func TestCosts(t *testing.T) {
	cfg := costConfig()
	hours, cost := Costs(cfg, [][]int{{10, 4, 6, 8}, {1, 1, 1, 1}})
	want := []float64{7, 1.25}
	wantCost := []float64{140, 0}
	for p := range want {
		// Sums of a few halves and quarters: exact in floating point.
		if hours[p] != want[p] || cost[p] != wantCost[p] {
			t.Errorf("pool %d: %v h costing %v, want %v h costing %v", p, hours[p], cost[p], want[p], wantCost[p])
		}
	}
	if c, h := totals(cfg, [][]int{{10, 4, 6, 8}, {1, 1, 1, 1}}); c != 140 || h != 8.25 {
		t.Errorf("totals: %v costing %v, want 8.25 h costing 140", h, c)
	}
}

// TestCheaper: a plan is cheaper than another when it costs less, whatever
// its hours; by agent hours when the costs are equal; and a plan is not
// cheaper than one that costs as much for as many hours.
//
// Seen to catch: hours compared although the costs differ (ca != cb made
// ==); equal hours called cheaper (<=); more hours called cheaper (>=).
func TestCheaper(t *testing.T) {
	cfg := costConfig()
	// An agent kept through the measured window works ½ + ½ + ¼ = 1¼ h:
	// a plan that moves agents from the paid pool to the free one costs
	// less for more hours.
	paid := [][]int{{0, 2, 2, 2}, {0, 0, 0, 0}} // 2.5 h, 50
	free := [][]int{{0, 1, 1, 1}, {0, 4, 4, 4}} // 6.25 h, 25
	more := [][]int{{0, 1, 1, 1}, {0, 5, 5, 5}} // 7.5 h, 25
	for _, tc := range []struct {
		name string
		a, b [][]int
		want bool
	}{
		{"less cost, more hours", free, paid, true},
		{"more cost, fewer hours", paid, free, false},
		{"same cost, fewer hours", free, more, true},
		{"same cost, more hours", more, free, false},
		{"same cost, same hours", free, clone2(free), false},
	} {
		if got := cheaper(cfg, tc.a, tc.b); got != tc.want {
			t.Errorf("%s: cheaper = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestPrimaryPools: a channel's primary pool is the one that lists it
// earliest among its skills, the first such pool on a tie, and -1 when no
// pool serves it.
//
// Seen to catch: a tie going to the last pool (r < best made <=).
func TestPrimaryPools(t *testing.T) {
	cfg := &models.Config{
		Channels: []models.Channel{{Name: "phone"}, {Name: "chat"}, {Name: "email"}, {Name: "letters"}},
		Pools: []models.Pool{
			{Name: "a", Skills: []string{"chat", "phone"}},
			{Name: "b", Skills: []string{"phone", "email"}},
			{Name: "c", Skills: []string{"email"}},
			{Name: "d", Skills: []string{"phone"}},
		}}
	// phone: first in b and d (b comes first); chat: a alone; email: first
	// in c; letters: nobody.
	if got, want := primaryPools(cfg), []int{1, 0, 2, -1}; !slices.Equal(got, want) {
		t.Errorf("primaryPools = %v, want %v", got, want)
	}
}

// TestRaisedLowered: raising adds step agents taking contacts and
// lowering takes one away, each scheduling the fewest agents that give
// that many after shrinkage (models.Shrunk's rounding), within the cap;
// lowering no agent leaves none.
//
// Seen to catch: lowering any headcount but 0 to 0 (a == 0 made !=).
func TestRaisedLowered(t *testing.T) {
	cfg := &models.Config{Horizon: 3600, Interval: 1800,
		Channels: []models.Channel{{Name: "phone", Kind: models.Live}},
		Pools:    []models.Pool{{Name: "a", Skills: []string{"phone"}, Shrinkage: 0.3}}}
	s := &searcher{cfg: cfg, opt: Options{MaxAgents: 40}}
	// fewest returns the fewest scheduled agents of whom at least avail
	// take contacts, by trying each headcount.
	fewest := func(avail int) int {
		n := 0
		for models.Shrunk(n, 0.3) < avail {
			n++
		}
		return n
	}
	for n := 0; n <= 40; n++ {
		a := models.Shrunk(n, 0.3)
		if got, want := s.lowered(0, n), fewest(max(a-1, 0)); got != want {
			t.Errorf("lowered(%d) = %d, want %d (%d taking contacts, one fewer)", n, got, want, a)
		}
		for _, step := range []int{1, 4} {
			if got, want := s.raised(0, n, step), min(fewest(a+step), 40); got != want {
				t.Errorf("raised(%d, %d) = %d, want %d", n, step, got, want)
			}
		}
	}
}
