package classroom

import (
	"math"
	"testing"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

// TestStateOf sorts verdicts into holds, fails and undecided: a claim
// fails only when the 95 % interval lies wholly on the wrong side of the
// size claimed, and is undecided while the interval reaches it. Seen to
// catch: an interval straddling the size called a failure (the page would
// mislead), the sign of a fall's bound flipped.
func TestStateOf(t *testing.T) {
	est := func(m, h float64) models.Estimate { return models.Estimate{Mean: m, HalfWidth: h} }
	nan := est(math.NaN(), math.NaN())
	change := func(expect string, by, d, h float64) experiment.Verdict {
		return experiment.Verdict{Claim: scenarios.Claim{Expect: expect, By: by}, Change: est(d, h), Pairs: 10,
			Held: judgeHeld(expect, by, d, h), Counter: nan, Part: nan}
	}
	cases := []struct {
		name string
		v    experiment.Verdict
		want string
	}{
		{"rise beyond", change(scenarios.ExpectRise, 0.1, 0.3, 0.1), Holds},
		{"rise straddles", change(scenarios.ExpectRise, 0.1, 0.15, 0.1), Undecided},
		{"rise below", change(scenarios.ExpectRise, 0.1, 0.02, 0.05), Fails},
		{"fall beyond", change(scenarios.ExpectFall, 0.15, -0.31, 0.09), Holds},
		{"fall straddles", change(scenarios.ExpectFall, 0.15, -0.2, 0.1), Undecided},
		{"fall wrong way", change(scenarios.ExpectFall, 0.15, 0.05, 0.02), Fails},
		{"steady within", change(scenarios.ExpectSteady, 0.05, 0.01, 0.02), Holds},
		{"steady straddles", change(scenarios.ExpectSteady, 0.05, 0.04, 0.02), Undecided},
		{"steady beyond", change(scenarios.ExpectSteady, 0.05, 0.1, 0.02), Fails},
		{"too few pairs", experiment.Verdict{Claim: scenarios.Claim{Expect: scenarios.ExpectRise}, Change: est(1, 0.1), Pairs: 1}, Undecided},
		{"level above, below it", experiment.Verdict{Claim: scenarios.Claim{Expect: scenarios.ExpectAbove, Than: 0.8}, A: est(0.6, 0.1), Pairs: 10}, Fails},
		{"level above, reaching it", experiment.Verdict{Claim: scenarios.Claim{Expect: scenarios.ExpectAbove, Than: 0.8}, A: est(0.75, 0.1), Pairs: 10}, Undecided},
		{"counter: still there without the mechanism", experiment.Verdict{Claim: scenarios.Claim{Expect: scenarios.ExpectRise, By: 0.1, Counter: []string{"x=1"}, CounterWithin: 0.05},
			Change: est(0.3, 0.05), Counter: est(0.25, 0.05), Part: est(0.05, 0.06), Pairs: 10}, Fails},
		{"counter: the mechanism's part not established", experiment.Verdict{Claim: scenarios.Claim{Expect: scenarios.ExpectRise, By: 0.1, Counter: []string{"x=1"}, CounterWithin: 0.05},
			Change: est(0.3, 0.05), Counter: est(0.02, 0.05), Part: est(0.05, 0.1), Pairs: 10}, Undecided},
	}
	for _, c := range cases {
		if got := stateOf(c.v); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// judgeHeld is Judge's rule for a change without a counter, written again
// from its documentation: the interval beyond the size claimed.
func judgeHeld(expect string, by, d, h float64) bool {
	switch expect {
	case scenarios.ExpectRise:
		return d-h > by
	case scenarios.ExpectFall:
		return d+h < -by
	}
	return math.Abs(d)+h <= by
}

// TestInTen says shares as so many in 10 without rounding a rare event to
// none or a near-certain one to all.
func TestInTen(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{{0.41, "4 in 10"}, {0.87, "9 in 10"}, {0, "0 in 10"}, {0.01, "fewer than 1 in 20"}, {0.99, "more than 19 in 20"}, {1, "10 in 10"}, {math.NaN(), "– in 10"}} {
		if got := inTen(c.x); got != c.want {
			t.Errorf("inTen(%g) = %q, want %q", c.x, got, c.want)
		}
	}
}

// TestPlain says a claim on social media's service level as a manager
// reads it, and leaves a figure that is no proportion of customers to its
// sentence.
func TestPlain(t *testing.T) {
	cfg := &testLibrary.Lookup("one-fast-channel").scenario.Config
	v := experiment.Verdict{Unit: "share", A: models.Estimate{Mean: 0.91}, B: models.Estimate{Mean: 0.38},
		Claim: scenarios.Claim{Figure: "social.service_level", A: scenarios.Side{Days: "week 1"}, B: scenarios.Side{Days: "week 4"}}}
	want := "4 in 10 posts on social answered within an hour in week 4, against 9 in 10 in week 1."
	if got := plain(v, cfg); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	v.Claim.Figure = "customers.satisfaction"
	if got := plain(v, cfg); got != "" {
		t.Errorf("satisfaction said as %q: a mean score is not so many in 10", got)
	}
}
