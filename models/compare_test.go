package models

import (
	"math"
	"slices"
	"testing"

	"github.com/omnisim/omnisim/models/erlang"
	"github.com/omnisim/omnisim/stats"
)

// TestCompareWithItselfIsZero: a variant compared with itself, run twice
// with the same seed, differs by exactly zero in every figure, with a
// half-width of exactly zero, in the textbook queue and in the world with
// every mechanism on.
func TestCompareWithItselfIsZero(t *testing.T) {
	rich := richConfig()
	rich.Horizon = 3 * 86400
	for _, cfg := range []*Config{erlangAConfig(86400), rich} {
		a, err := runReplications(cfg, 4, 0)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := runReplications(cfg, 4, 1)
		c := Compare(a, b)
		if len(c.OnlyA)+len(c.OnlyB) > 0 {
			t.Errorf("%s: only in one: %v %v", cfg.Name, c.OnlyA, c.OnlyB)
		}
		for _, d := range c.Rows {
			if d.Pairs < 2 {
				continue // undefined in this world (no escalation, say)
			}
			if d.Diff != 0 || d.Half != 0 || d.A != d.B || d.Significant() {
				t.Errorf("%s: %s %s %s: difference %v ± %v, A %v, B %v", cfg.Name, d.Group, d.Name, d.Key, d.Diff, d.Half, d.A, d.B)
			}
		}
	}
}

// TestCompareAddingAnAgent compares the textbook queue (Erlang A: 200
// calls an hour, 3-minute calls, 5-minute patience) with 14 agents and with
// 15, over 20 weeks. The reference is the difference of Erlang A's exact
// figures for 15 and 14 agents (models/erlang, itself checked against
// published values): the paired interval must cover it, at 99.9 % for
// each of the four figures. Adding an agent must raise the service level
// and lower abandonment, the ASA and occupancy significantly, and, the two variants
// seeing the same customers, the paired intervals must be narrower than
// independent runs would give.
func TestCompareAddingAnAgent(t *testing.T) {
	if testing.Short() {
		t.Skip("20 weeks of two variants")
	}
	const reps = 20
	a := erlangAConfig(7 * 86400)
	a.Warmup = 3600
	b := erlangAConfig(7 * 86400)
	b.Warmup = 3600
	b.Pools[0].Agents = []int{15}
	ra, err := runReplications(a, reps, 0)
	if err != nil {
		t.Fatal(err)
	}
	rb, _ := runReplications(b, reps, 0)
	c := Compare(ra, rb)

	theory := func(n int) erlang.Result {
		r, err := erlang.A(erlang.Params{ArrivalRate: 100.0 / 1800, HandleTime: 180, Agents: n, Patience: 300, AnswerWithin: 20})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	e14, e15 := theory(14), theory(15)
	for _, tc := range []struct {
		key  string
		want float64 // Erlang A's 15 agents less 14
		sign float64
		// At least this many times narrower than independent runs. Over
		// 3 × 100 replications (seeds 1 to 3) the factors are 3.1 for the
		// service level, 2.6 for abandonment, 3.0 for the ASA and 15 for
		// occupancy; from 20 replications each factor has a sampling error
		// of about 25 % (it is a ratio of standard deviations each
		// estimated within 16 %), so the bounds sit two to three such
		// errors below.
		narrower float64
	}{
		{"service_level", e15.ServiceLevel - e14.ServiceLevel, 1, 1.5},
		{"p_abandon", e15.PAbandon - e14.PAbandon, -1, 1.5},
		{"asa_seconds", e15.ASA - e14.ASA, -1, 1.5},
		{"occupancy", e15.Occupancy - e14.Occupancy, -1, 5},
	} {
		var d Difference
		for _, row := range c.Rows {
			if row.Group == GroupChannel && row.Key == tc.key {
				d = row
			}
		}
		// The same differences at 99.9 %, for the coverage check.
		f, _ := FigureByKey(tc.key)
		ds := make([]float64, reps)
		for r := range reps {
			ds[r] = f.Of(&rb[r].Channels[0].Total) - f.Of(&ra[r].Channels[0].Total)
		}
		mean, half := stats.MeanCI(ds, 0.999)
		t.Logf("%-14s B−A %+.5f ± %.5f (95 %%), ± %.5f (99.9 %%); Erlang A %+.5f; independent runs ± %.5f: %.1f× narrower",
			tc.key, d.Diff, d.Half, half, tc.want, d.IndependentHalf, d.Narrower())
		if mean != d.Diff {
			t.Errorf("%s: Compare's difference %v, the mean of the paired differences %v", tc.key, d.Diff, mean)
		}
		if math.Abs(mean-tc.want) > half {
			t.Errorf("%s: paired difference %.5f ± %.5f (99.9 %%) does not cover Erlang A's %.5f", tc.key, mean, half, tc.want)
		}
		if !d.Significant() || math.Signbit(d.Diff) != math.Signbit(tc.sign) {
			t.Errorf("%s: difference %.5f ± %.5f, want significantly of the sign of %v", tc.key, d.Diff, d.Half, tc.sign)
		}
		if !(d.Narrower() > tc.narrower) {
			t.Errorf("%s: paired interval ± %.5f only %.2f× narrower than independent runs' ± %.5f", tc.key, d.Half, d.Narrower(), d.IndependentHalf)
		}
	}
}

// TestWelchHalfMatchesIndependentRuns checks the independent half-width
// Compare estimates against independent runs made for real: variant B run
// again with another seed and compared with A gives Welch intervals of
// about the same width (each is estimated from 20 replications, with a
// relative error near 16 %, so a factor of 2 is three standard errors of
// their ratio in logarithms).
func TestWelchHalfMatchesIndependentRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("three variants of 20 days")
	}
	const reps = 20
	a := erlangAConfig(20 * 86400)
	b := erlangAConfig(20 * 86400)
	b.Pools[0].Agents = []int{15}
	other := *b
	other.Seed = 1001
	ra, _ := runReplications(a, reps, 0)
	rb, _ := runReplications(b, reps, 0)
	ro, _ := runReplications(&other, reps, 0)
	paired, indep := Compare(ra, rb), Compare(ra, ro)
	for i, d := range paired.Rows {
		if d.Group != GroupChannel || (d.Key != "service_level" && d.Key != "p_abandon") {
			continue
		}
		real := indep.Rows[i]
		ratio := d.IndependentHalf / real.IndependentHalf
		t.Logf("%s: estimated independent ± %.5f, independent runs ± %.5f (ratio %.2f); paired ± %.5f, independent runs paired by number ± %.5f",
			d.Key, d.IndependentHalf, real.IndependentHalf, ratio, d.Half, real.Half)
		if ratio < 0.5 || ratio > 2 {
			t.Errorf("%s: estimated independent half-width %.5f, independent runs give %.5f", d.Key, d.IndependentHalf, real.IndependentHalf)
		}
	}
}

// TestCompareAllPools: when either variant has several pools, the pools of
// each are added up and compared as a whole, a pool only one side has
// included, so that the staffing of B is set against A's in full; with one
// pool on each side there is nothing to add up.
func TestCompareAllPools(t *testing.T) {
	pool := func(name string, hours, cost float64) PoolResult {
		return PoolResult{Name: name, Total: PoolCounts{ScheduledTime: hours * 3600, AgentTime: hours * 3600, Cost: cost}}
	}
	reps := func(pools ...PoolResult) []*Result {
		var out []*Result
		for r := range 3 {
			out = append(out, &Result{Replication: r, Pools: pools})
		}
		return out
	}
	a := reps(pool("front", 100, 2000))
	b := reps(pool("front", 90, 1800), pool("back", 40, 1200))
	c := Compare(a, b)
	if len(c.OnlyB) != 1 || c.OnlyB[0] != GroupPool+" back" {
		t.Errorf("only in B: %v, want the back pool", c.OnlyB)
	}
	got := map[string]Difference{}
	for _, d := range c.Rows {
		if d.Group == GroupAllPools {
			got[d.Key] = d
		}
	}
	for key, want := range map[string][2]float64{"scheduled_hours": {100, 90 + 40}, "cost": {2000, 1800 + 1200}} {
		d, ok := got[key]
		if !ok {
			t.Errorf("no all-pools row for %s", key)
			continue
		}
		if d.A.Mean != want[0] || d.B.Mean != want[1] || d.Diff != want[1]-want[0] || d.Half != 0 || d.Pairs != 3 {
			t.Errorf("all pools %s: A %v, B %v, B − A %v ± %v over %d; want %v, %v, %v ± 0 over 3",
				key, d.A.Mean, d.B.Mean, d.Diff, d.Half, d.Pairs, want[0], want[1], want[1]-want[0])
		}
	}
	for _, d := range Compare(a, reps(pool("front", 90, 1800))).Rows {
		if d.Group == GroupAllPools {
			t.Errorf("one pool on each side: an all-pools row %s", d.Key)
		}
	}
}

// TestSignificant checks when a paired difference is significant: its
// interval excludes zero, with two pairs or more.
func TestSignificant(t *testing.T) {
	for _, tc := range []struct {
		d    Difference
		want bool
	}{
		{Difference{Pairs: 2, Diff: 1, Half: 0.5}, true},
		{Difference{Pairs: 20, Diff: -1, Half: 0.5}, true},
		{Difference{Pairs: 20, Diff: 0.5, Half: 0.5}, false},
		{Difference{Pairs: 20, Diff: 0.4, Half: 0.5}, false},
		{Difference{Pairs: 20, Diff: 2, Half: 0}, true},
		{Difference{Pairs: 1, Diff: 1, Half: 0}, false},
	} {
		if got := tc.d.Significant(); got != tc.want {
			t.Errorf("%d pairs, %v ± %v: significant %v, want %v", tc.d.Pairs, tc.d.Diff, tc.d.Half, got, tc.want)
		}
	}
}

// TestCompareExpectationRow checks that a comparison has a row for the
// expectation level when either variant has word of mouth (a level other
// than zero in some replication), and none otherwise.
func TestCompareExpectationRow(t *testing.T) {
	quiet := []*Result{{}, {}}
	told := []*Result{{ExpectationAtHorizon: 0.1}, {ExpectationAtHorizon: 0.3}}
	for _, tc := range []struct {
		name string
		a, b []*Result
		want bool
	}{
		{"neither", quiet, quiet, false},
		{"A", told, quiet, true},
		{"B", quiet, told, true},
	} {
		got := slices.ContainsFunc(Compare(tc.a, tc.b).Rows, func(d Difference) bool { return d.Group == GroupExpectation })
		if got != tc.want {
			t.Errorf("word of mouth in %s: an expectation row %v, want %v", tc.name, got, tc.want)
		}
	}
}
