package experiment

import (
	"math"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

// TestClaims runs every built-in scenario as omnisim demo does, with its
// own seed and replications, and checks that every claim its story makes
// holds: the 95 % confidence interval of the paired change lies beyond the
// size claimed, in the direction claimed, and where the claim names a
// counter (the mechanism turned off), the change is gone without the
// mechanism and the mechanism's part of it is established. The reference
// is the scenario itself: a change to the model that breaks a story fails
// here, naming the claim and its numbers.
func TestClaims(t *testing.T) {
	if testing.Short() {
		t.Skip("the stories: every built-in scenario and its variants")
	}
	for _, b := range scenarios.Builtins() {
		t.Run(b.Name, func(t *testing.T) {
			t.Parallel()
			s, err := scenarios.Builtin(b.Name, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Claims) == 0 {
				t.Skip("no claims")
			}
			run := func(v *scenarios.Scenario) ([]*models.Result, error) {
				return Run{Config: &v.Config, Reps: Span(0, s.Replications)}.Results()
			}
			base, err := run(s)
			if err != nil {
				t.Fatal(err)
			}
			verdicts, err := Judge(s, base, run)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range verdicts {
				if v.Held {
					t.Logf("✓ %s", v.Sentence())
				} else {
					t.Errorf("%s: the claim does not hold: %s\n%s", v.Claim.At, v.Why, v.Sentence())
				}
			}
		})
	}
}

// TestJudgeRule checks when a claim holds, against the rule its doc
// states: a change is established when its 95 % interval d ± h lies
// beyond the size claimed, in the direction claimed (rise: d − h > by;
// fall: d + h < −by; steady: |d| + h ≤ by); with a counter, the change
// without the mechanism must not be beyond counter_within in the claimed
// direction and the mechanism's part must be established (its interval
// clear of 0); a level's interval must lie above or below than; and
// fewer than two pairs never establish anything.
//
// Seen to catch: d−h > by made d+h > by (a rise whose interval reaches
// below the size); |d|+h ≤ by made |d| ≤ by; a fall's counter test
// dc+hc made dc−hc; the part's test left out; Pairs < 2 made < 1 or
// <= 2; the level's m−h made m+h; each of the counter's and the level's
// comparisons moved by one (> made >=, < made <=); the fall's message
// naming +by for −by.
func TestJudgeRule(t *testing.T) {
	est := func(m, h float64) models.Estimate { return models.Estimate{Mean: m, HalfWidth: h} }
	nan := est(math.NaN(), math.NaN())
	tests := []struct {
		name  string
		claim scenarios.Claim
		v     Verdict
		held  bool
		why   string
	}{
		{"rise beyond its size", scenarios.Claim{Expect: scenarios.ExpectRise, By: 2}, Verdict{Change: est(5, 2.9), Pairs: 10}, true, ""},
		{"rise reaching its size", scenarios.Claim{Expect: scenarios.ExpectRise, By: 2}, Verdict{Change: est(5, 3), Pairs: 10}, false, "does not lie above"},
		{"a fall is no rise", scenarios.Claim{Expect: scenarios.ExpectRise}, Verdict{Change: est(-5, 1), Pairs: 10}, false, "does not lie above"},
		{"fall beyond its size", scenarios.Claim{Expect: scenarios.ExpectFall, By: 2}, Verdict{Change: est(-5, 2.9), Pairs: 10}, true, ""},
		{"fall reaching its size", scenarios.Claim{Expect: scenarios.ExpectFall, By: 2}, Verdict{Change: est(-5, 3), Pairs: 10}, false, "does not lie below"},
		{"steady within", scenarios.Claim{Expect: scenarios.ExpectSteady, By: 2}, Verdict{Change: est(-1, 1), Pairs: 10}, true, ""},
		{"steady reaching out", scenarios.Claim{Expect: scenarios.ExpectSteady, By: 2}, Verdict{Change: est(-1, 1.5), Pairs: 10}, false, "does not lie within ±"},
		{"fall reaching its size, said", scenarios.Claim{Expect: scenarios.ExpectFall, By: 2}, Verdict{Change: est(-3, 2), Pairs: 10}, false, "interval, −3.0 ± 2.0, does not lie below −2.0"},
		{"one pair", scenarios.Claim{Expect: scenarios.ExpectRise}, Verdict{Change: est(5, 1), Pairs: 1}, false, "too few replications"},
		{"two pairs", scenarios.Claim{Expect: scenarios.ExpectRise}, Verdict{Change: est(5, 1), Pairs: 2}, true, ""},
		{"no interval", scenarios.Claim{Expect: scenarios.ExpectRise}, Verdict{Change: est(5, math.NaN()), Pairs: 2}, false, "too few replications"},
		{"counter: gone, part established",
			scenarios.Claim{Expect: scenarios.ExpectRise, By: 2, Counter: []string{"x=1"}, CounterWithin: 1},
			Verdict{Change: est(5, 1), Counter: est(0.75, 0.5), Part: est(4.25, 1), Pairs: 10}, true, ""},
		{"counter: its interval's foot at the size allowed",
			scenarios.Claim{Expect: scenarios.ExpectRise, By: 2, Counter: []string{"x=1"}, CounterWithin: 1},
			Verdict{Change: est(5, 1), Counter: est(3, 2), Part: est(2, 1), Pairs: 10}, true, ""},
		{"counter of a fall: gone, part established",
			scenarios.Claim{Expect: scenarios.ExpectFall, By: 2, Counter: []string{"x=1"}, CounterWithin: 1},
			Verdict{Change: est(-5, 1), Counter: est(-0.75, 0.5), Part: est(-4.25, 1), Pairs: 10}, true, ""},
		{"counter of a fall: its interval's top at the size allowed",
			scenarios.Claim{Expect: scenarios.ExpectFall, By: 2, Counter: []string{"x=1"}, CounterWithin: 1},
			Verdict{Change: est(-5, 1), Counter: est(-3, 2), Part: est(-2, 1), Pairs: 10}, true, ""},
		{"counter: still there",
			scenarios.Claim{Expect: scenarios.ExpectRise, By: 2, Counter: []string{"x=1"}, CounterWithin: 1},
			Verdict{Change: est(5, 1), Counter: est(3, 1.9), Part: est(2, 1), Pairs: 10}, false, "the change is still there"},
		{"counter of a fall: still there",
			scenarios.Claim{Expect: scenarios.ExpectFall, By: 2, Counter: []string{"x=1"}, CounterWithin: 1},
			Verdict{Change: est(-5, 1), Counter: est(-3, 1.9), Part: est(-2, 1), Pairs: 10}, false, "the change is still there"},
		{"counter: part not established",
			scenarios.Claim{Expect: scenarios.ExpectRise, By: 2, Counter: []string{"x=1"}, CounterWithin: 1},
			Verdict{Change: est(5, 1), Counter: est(0.5, 0.4), Part: est(1, 1), Pairs: 10}, false, "is not established"},
		{"counter of a fall: part not established",
			scenarios.Claim{Expect: scenarios.ExpectFall, By: 2, Counter: []string{"x=1"}, CounterWithin: 1},
			Verdict{Change: est(-5, 1), Counter: est(-0.5, 0.4), Part: est(-1, 1), Pairs: 10}, false, "is not established"},
		{"counter not judged",
			scenarios.Claim{Expect: scenarios.ExpectRise, By: 2, Counter: []string{"x=1"}, CounterWithin: 1},
			Verdict{Change: est(5, 1), Counter: nan, Part: nan, Pairs: 10}, false, "could not be judged"},
		{"above", scenarios.Claim{Expect: scenarios.ExpectAbove, Than: 0.8}, Verdict{A: est(0.85, 0.04), Pairs: 5}, true, ""},
		{"above, reaching below", scenarios.Claim{Expect: scenarios.ExpectAbove, Than: 0.8}, Verdict{A: est(0.85, 0.1), Pairs: 5}, false, "does not lie above"},
		{"above, its foot at the level", scenarios.Claim{Expect: scenarios.ExpectAbove, Than: 0.5}, Verdict{A: est(0.75, 0.25), Pairs: 5}, false, "does not lie above"},
		{"above, two replications", scenarios.Claim{Expect: scenarios.ExpectAbove, Than: 0.5}, Verdict{A: est(0.75, 0.125), Pairs: 2}, true, ""},
		{"below", scenarios.Claim{Expect: scenarios.ExpectBelow, Than: 0.8}, Verdict{A: est(0.75, 0.04), Pairs: 5}, true, ""},
		{"below, reaching above", scenarios.Claim{Expect: scenarios.ExpectBelow, Than: 0.8}, Verdict{A: est(0.75, 0.1), Pairs: 5}, false, "does not lie below"},
		{"below, its top at the level", scenarios.Claim{Expect: scenarios.ExpectBelow, Than: 0.5}, Verdict{A: est(0.25, 0.25), Pairs: 5}, false, "does not lie below"},
		{"a level of one replication", scenarios.Claim{Expect: scenarios.ExpectAbove, Than: 0.8}, Verdict{A: est(0.9, 0), Pairs: 1}, false, "too few replications"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			judgeIt := judge
			if tt.claim.IsLevel() {
				judgeIt = judgeLevel
			}
			held, why := judgeIt(tt.claim, tt.v)
			if held != tt.held || !strings.Contains(why, tt.why) || (held && why != "") {
				t.Errorf("got %v, %q; want %v, %q", held, why, tt.held, tt.why)
			}
		})
	}
}

// TestFormatNumbers checks how a claim's sentence writes its numbers, as
// formatValue's and formatChange's docs say: shares as percentages with
// one decimal, and their changes in points with two; times in seconds,
// minutes or hours by their size (minutes from 2, hours from 2); counts
// whole with thousands separators; relative changes in per cent with one
// decimal; a change with its sign, − for a fall, and none for zero.
//
// Seen to catch: the hours' threshold 7200 made 3600, and either
// threshold's >= made >; thousands' groups of three counted from the
// left, or a comma before the first digit (i > 0 made >=); the minus
// sign left as "-"; a share's change in per cent instead of points;
// the decimals of a count's change from 10 on (< 10 made <= 10). Left
// alive, as equivalent: thousands' x < 0 made <=, as a zero gets no
// sign either way.
func TestFormatNumbers(t *testing.T) {
	values := []struct {
		x    float64
		unit string
		want string
	}{
		{0.8123, "share", "81.2 %"},
		{45, "s", "45.0 s"},
		{119, "s", "119.0 s"},
		{120, "s", "2.0 min"},
		{150, "s", "2.5 min"},
		{7199, "s", "120.0 min"},
		{7200, "s", "2.0 h"},
		{9000, "s", "2.5 h"},
		{1234567, "", "1,234,567"},
		{123456, "", "123,456"},
		{-1234, "", "-1,234"},
		{1234.4, "h", "1,234 h"},
		{1.456, "x", "1.46"},
		{math.NaN(), "share", "–"},
	}
	for _, v := range values {
		if got := formatValue(v.x, v.unit); got != v.want {
			t.Errorf("formatValue(%v, %q) = %q, want %q", v.x, v.unit, got, v.want)
		}
	}
	changes := []struct {
		d, h     float64
		unit     string
		relative bool
		want     string
	}{
		{-0.352, 0.062, "share", false, "−35.20 ± 6.20 points"},
		{0.45, 0.07, "", true, "+45.0 ± 7.0 %"},
		{-300, 60, "s", false, "−5.0 ± 1.0 min"},
		{1500, 12, "", false, "+1,500 ± 12"},
		{2.5, 0.5, "", false, "+2.5 ± 0.5"},
		{10, 1, "", false, "+10 ± 1"},
		{9.75, 1, "", false, "+9.8 ± 1.0"},
		{0, 0.4, "x", false, "0.000 ± 0.400"},
		{0.1, math.NaN(), "level", false, "+0.100"},
		{math.NaN(), 1, "share", false, "–"},
	}
	for _, c := range changes {
		if got := formatChange(c.d, c.h, c.unit, c.relative); got != c.want {
			t.Errorf("formatChange(%v, %v, %q, %v) = %q, want %q", c.d, c.h, c.unit, c.relative, got, c.want)
		}
	}
}

// twinYAML is a small queue with claims whose variants change nothing
// (the agents it already has, written two ways) or one thing.
const twinYAML = `seed: 3
replications: 6
horizon: 3d
interval: 1h
channels:
  phone:
    arrivals: {rate: 100/30m}
    handle_time: {dist: exponential, mean: 3m}
    patience: {dist: exponential, mean: 5m}
    service_level: {within: 20s, target: 80%}
pools:
  agents: {skills: [phone], agents: 14}
claims:
  - says: "{a} then {b}: {change}"
    figure: phone.service_level
    b: {set: [pools.agents.agents=14]}
    expect: steady
    by: 0.1%
  - says: "{change}"
    figure: phone.asa_seconds
    b: {set: [pools.agents.agents=14]}
    expect: steady
    by: 1
  - says: "{change}; without the cut, {counter}"
    figure: phone.service_level
    b: {set: [pools.agents.agents=12]}
    expect: fall
    by: 1%
    counter: [pools.agents.agents=14]
    counter_within: 0.1%
  - says: "{change}; without abandonment, {counter}; the abandonment's part, {part}"
    figure: phone.service_level
    b: {set: [pools.agents.agents=12]}
    expect: fall
    by: 1%
    counter: [channels.phone.patience=never]
    counter_within: 100%
  - says: "{a} on day 2"
    figure: phone.offered
    a: day 2
    expect: above
    than: 0
`

// TestJudgeVariants checks what Judge promises of the variants: each one
// the claims name is run once, however many claims share it; and the
// change is paired, replication by replication, so a variant that
// changes nothing (the scenario's own agents set again), run with the
// same seed and replications, sees the same customers and shows a change
// of exactly 0 ± 0 (common random numbers), while independent runs
// would differ by their noise.
//
// It also checks, with the run's own numbers, that a counter applied to
// both sides is paired too, and that a side's days count from 1 as
// daily.csv does.
//
// Seen to catch: a variant run again for each claim; the changes taken
// unpaired (B's replications set against A's reversed); the sentence's
// placeholders left unfilled; the counter never run (c.Counter != nil
// made ==); the part taken as the change plus the change without the
// mechanism; a side's first day taken as First+1, or its last as
// Last+1.
func TestJudgeVariants(t *testing.T) {
	s, err := scenarios.Parse("twin.yaml", "twin", []byte(twinYAML), nil)
	if err != nil {
		t.Fatal(err)
	}
	run := func(v *scenarios.Scenario) ([]*models.Result, error) {
		return Run{Config: &v.Config, Reps: Span(0, s.Replications)}.Results()
	}
	base, err := run(s)
	if err != nil {
		t.Fatal(err)
	}
	// The variants: agents=14 (also the scenario with the first counter),
	// agents=12, agents=12 then agents=14 (the cut with the counter), and
	// the scenario and the cut without abandonment.
	calls := 0
	verdicts, err := Judge(s, base, func(v *scenarios.Scenario) ([]*models.Result, error) {
		calls++
		return run(v)
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 5 {
		t.Errorf("%d variants run, want the 5 the claims name, once each", calls)
	}
	for _, v := range verdicts[:2] {
		if v.Change.Mean != 0 || v.Change.HalfWidth != 0 || v.Pairs != s.Replications || !v.Held {
			t.Errorf("%s: change %v over %d pairs, held %v; want exactly 0 ± 0 over %d, held", v.Claim.Figure, v.Change, v.Pairs, v.Held, s.Replications)
		}
	}
	if got := verdicts[0].Sentence(); strings.ContainsAny(got, "{}") || !strings.HasSuffix(got, ": 0.00 ± 0.00 points") {
		t.Errorf("sentence %q, want the numbers in place of the placeholders, ending %q", got, ": 0.00 ± 0.00 points")
	}
	// The counter undoes the cut: the change without it is exactly 0 ± 0,
	// and the mechanism's part is the whole change, pair by pair.
	if fall := verdicts[2]; !fall.Held || !(fall.Change.Mean < 0) || fall.Counter.Mean != 0 || fall.Counter.HalfWidth != 0 || fall.Part != fall.Change {
		t.Errorf("two agents fewer: %v, without the cut %v, part %v, held %v (%s); want a fall, 0 ± 0, the whole fall, held",
			fall.Change, fall.Counter, fall.Part, fall.Held, fall.Why)
	}
	// The mechanism's part is the change less the change without it, pair
	// by pair: its mean is the difference of the two means.
	if v := verdicts[3]; v.Counter.Mean == 0 || v.Pairs != s.Replications ||
		!(math.Abs(v.Part.Mean-(v.Change.Mean-v.Counter.Mean)) <= 1e-12) {
		t.Errorf("without abandonment: change %v, without it %v, part %v; want the part's mean %v, the difference",
			v.Change, v.Counter, v.Part, v.Change.Mean-v.Counter.Mean)
	}
	// Day 2, as daily.csv counts days from 1, is the run's second day:
	// the mean of its offered contacts over the replications.
	kpi, err := models.ParseKPI(&s.Config, "phone.offered")
	if err != nil {
		t.Fatal(err)
	}
	var day2 float64
	for _, r := range base {
		day2 += kpi.InDays(&s.Config, r, 1, 1) / float64(len(base))
	}
	if got := verdicts[4].A.Mean; !(math.Abs(got-day2) <= 1e-9*day2) || day2 == 0 {
		t.Errorf("day 2's offered contacts: %v, want %v, the mean of the second day's", got, day2)
	}
}
