package plan

import (
	"math"
	"slices"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/stats"
)

// TestChecks: over a measured window of three days in six-hour intervals,
// the first interval warm-up, a live channel's service level is judged
// interval by interval (1 to 11) and a deferred channel's response target
// day by day ([1, 4), [4, 8), [8, 12): the first day starts after the
// warm-up).
//
// Seen to catch: the intervals per day as 86400 × Interval, or a day's end
// from (From × perDay + 1) × perDay (one check for the rest of the
// horizon); live and deferred channels swapped (== made !=); no day
// checked (from < n made >=); the warm-up's intervals as Warmup × Interval.
func TestChecks(t *testing.T) {
	cfg := &models.Config{Horizon: 3 * 86400, Interval: 21600, Warmup: 21600,
		Channels: []models.Channel{{Name: "phone", Kind: models.Live}, {Name: "email", Kind: models.Deferred}}}
	phone := Target{Channel: 0, Kind: ServiceLevel, Value: 0.8}
	email := Target{Channel: 1, Kind: ServiceLevel, Value: 0.9}
	var want []Check
	for k := 1; k < 12; k++ {
		want = append(want, Check{Target: phone, From: k, To: k + 1})
	}
	want = append(want, Check{email, 1, 4}, Check{email, 4, 8}, Check{email, 8, 12})
	if got := checks(cfg, []Target{phone, email}); !slices.Equal(got, want) {
		t.Errorf("checks:\n got %v\nwant %v", got, want)
	}
	if got := firstMeasured(cfg); got != 1 {
		t.Errorf("firstMeasured = %d, want 1", got)
	}
}

// hand returns one replication's result of a single channel from its
// tallies by interval.
func hand(rep int, name string, intervals ...models.Counts) *models.Result {
	ch := models.ChannelResult{Name: name, Intervals: intervals}
	for _, c := range intervals {
		ch.Total.Add(c)
	}
	return &models.Result{Replication: rep, Channels: []models.ChannelResult{ch}}
}

// TestEvaluate: a check's figure is pooled over the replications (their
// summed tallies: 29 within 20 s of 40 offered, 72.5 %, not the mean of
// 80 % and 70 %), judged against its target, with the contacts offered per
// replication (40 ÷ 2).
//
// Seen to catch: the contacts offered multiplied by the replications.
func TestEvaluate(t *testing.T) {
	results := []*models.Result{
		hand(0, "phone", models.Counts{Offered: 10, Answered: 10, AnsweredWithin: 8}),
		hand(1, "phone", models.Counts{Offered: 30, Answered: 30, AnsweredWithin: 21}),
	}
	c := Check{Target: Target{Kind: ServiceLevel, Value: 0.7}, From: 0, To: 1}
	got := evaluate([]Check{c}, results)[0]
	if got.Value != 29.0/40 || !got.Met || got.Offered != 20 {
		t.Errorf("evaluate: %v (met %v) with %v offered, want 0.725 (met) with 20 offered per replication", got.Value, got.Met, got.Offered)
	}
}

// TestMisses: the checks missed, worst first by how far their figure is
// from the target (whatever the target's kind), ties in check order; met
// checks left out.
//
// Seen to catch: the distance as figure + target (either side); the order
// reversed (da > db made <=); ties taken in reverse order (>=).
func TestMisses(t *testing.T) {
	sl := Target{Kind: ServiceLevel, Value: 0.8}
	ab := Target{Kind: Abandonment, Value: 0.05}
	outs := []Outcome{
		{Check: Check{Target: sl, From: 0, To: 1}, Value: 0.70},  // 0.10 short
		{Check: Check{Target: sl, From: 1, To: 2}, Value: 0.75},  // 0.05 short
		{Check: Check{Target: sl, From: 2, To: 3}, Value: 0.85},  // met
		{Check: Check{Target: sl, From: 3, To: 4}, Value: 0.60},  // 0.20 short
		{Check: Check{Target: ab, From: 0, To: 1}, Value: 0.125}, // 0.075 over
		{Check: Check{Target: sl, From: 4, To: 5}, Value: 0.75},  // 0.05 short, after the other
		{Check: Check{Target: ab, From: 1, To: 2}, Value: 0.04},  // met
	}
	for i := range outs {
		outs[i].Met = outs[i].Meets(outs[i].Value)
	}
	var got []int
	for _, m := range misses(outs) {
		got = append(got, slices.IndexFunc(outs, func(o Outcome) bool { return o.Check == m.Check }))
	}
	if want := []int{3, 0, 4, 1, 5}; !slices.Equal(got, want) {
		t.Errorf("misses in the order of checks %v, want %v", got, want)
	}
}

// TestMeetsOnTheTarget: a figure exactly on its target meets it, a floor
// or a cap (5 abandoned of 100 against a cap of 5 %), and one a little to
// the wrong side does not; no data meets any target.
//
// Seen to catch: the tolerance of a cap taken off it (t.Value − 1e-12),
// which calls a figure on the cap missed.
func TestMeetsOnTheTarget(t *testing.T) {
	sl := Target{Kind: ServiceLevel, Value: 0.8}
	ab := Target{Kind: Abandonment, Value: 0.05}
	for _, tc := range []struct {
		t    Target
		v    float64
		want bool
	}{
		{sl, 80.0 / 100, true}, {sl, 0.8 - 1e-9, false}, {sl, 0.81, true},
		{ab, 5.0 / 100, true}, {ab, 0.05 + 1e-9, false}, {ab, 0.04, true},
		{sl, math.NaN(), true}, {ab, math.NaN(), true},
	} {
		if got := tc.t.Meets(tc.v); got != tc.want {
			t.Errorf("%v %v: Meets(%v) = %v, want %v", tc.t.Kind.Label(), tc.t.Value, tc.v, got, tc.want)
		}
	}
}

// TestPooledTwoReplications: with two replications the jackknife has an
// interval: the figures left out one at a time are the other replication's
// own (90 % and 70 %), so the half-width is t(1 degree, 97.5 %) ×
// √(½ · Σ(xᵢ − x̄)²) = 12.7062047 × 0.1 (Student's t: Abramowitz and Stegun,
// table 26.10); with one, there is none.
//
// Seen to catch: two replications given no interval (len < 2 made <=).
func TestPooledTwoReplications(t *testing.T) {
	results := []*models.Result{
		hand(0, "phone", models.Counts{Offered: 100, Answered: 100, AnsweredWithin: 90}),
		hand(1, "phone", models.Counts{Offered: 100, Answered: 100, AnsweredWithin: 70}),
	}
	c := Check{Target: Target{Kind: ServiceLevel, Value: 0.8}, From: 0, To: 1}
	mean, half := c.pooled(results, stats.NewJackknife(2, 0.95))
	// The t quantile is given to 9 digits; NaN fails the comparisons.
	if !(math.Abs(mean-0.8) <= 1e-12) || !(math.Abs(half-1.27062047) <= 1e-8) {
		t.Errorf("two replications: %v ± %v, want 0.8 ± 1.27062047", mean, half)
	}
	if mean, half := c.pooled(results[:1], stats.NewJackknife(1, 0.95)); mean != 0.9 || !math.IsNaN(half) {
		t.Errorf("one replication: %v ± %v, want 0.9 ± NaN", mean, half)
	}
}
