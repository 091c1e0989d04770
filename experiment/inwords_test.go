package experiment

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

// wordsYAML is a phone line answered at once where callers expected a
// minute, with word of mouth at coupling 0.4: the level rises from 0.
// Its claims set the level of day 2 against day 3's, the scenario's
// against a variant's coupled at 1.5 and one without word of mouth, and
// one side alone; and one claim on another figure.
const wordsYAML = `seed: 2
replications: 4
horizon: 3d
interval: 1h
channels:
  phone:
    arrivals: {rate: 60/1h}
    expected_wait: 1m
    handle_time: {dist: exponential, mean: 3m}
    patience: {dist: exponential, mean: 5m}
pools:
  agents: {skills: [phone], agents: 8}
word_of_mouth:
  share_good: 50%
  level_inertia: 500
  coupling: 0.4
claims:
  - says: "{a} then {b}"
    figure: expectation
    a: day 2
    b: day 3
    expect: rise
  - says: "{a} against {b}"
    figure: expectation
    b: {set: [word_of_mouth.coupling=1.5]}
    expect: steady
    by: 1
  - says: "{a} against {b}"
    figure: expectation
    b: {set: [word_of_mouth.enabled=false]}
    expect: fall
  - says: "{a}"
    figure: expectation
    a: day 3
    expect: above
    than: 0
  - says: "{a}"
    figure: phone.offered
    expect: above
    than: 0
`

// TestLevelInWords: a claim on the expectation level says what the level
// did in words with a unit, the multiple of customers' patience at the
// start: exp(−coupling × level) of each side's mean level, with the
// coupling of the side's variant (0.4 as the file writes it, 1.5 in the
// variant, none without word of mouth: exactly 1), written with two
// decimals; other figures say nothing more.
//
// Seen to catch: the factor taken as exp(+coupling × level), as the
// level alone or as e^level; the scenario's coupling used for a variant
// that sets its own; a side without word of mouth given the scenario's
// coupling; the sides' moments swapped.
func TestLevelInWords(t *testing.T) {
	s, err := scenarios.Parse("words.yaml", "words", []byte(wordsYAML), nil)
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
	verdicts, err := Judge(s, base, run)
	if err != nil {
		t.Fatal(err)
	}
	factor := func(coupling, level float64) float64 { return math.Exp(-coupling * level) }
	times := func(x float64) string { return fmt.Sprintf("%.2f×", x) }
	for i, c := range []struct {
		couplingA, couplingB float64 // NaN: no side B
		want                 func(v Verdict) string
	}{
		{0.4, 0.4, func(v Verdict) string {
			return "Customers' patience at the end of day 3 was " + times(factor(0.4, v.B.Mean)) +
				" what it was at the start, against " + times(factor(0.4, v.A.Mean)) + " at the end of day 2."
		}},
		{0.4, 1.5, func(v Verdict) string {
			return "Customers' patience at the end of the run with word_of_mouth.coupling=1.5 was " + times(factor(1.5, v.B.Mean)) +
				" what it was at the start, against " + times(factor(0.4, v.A.Mean)) + " at the end of the run."
		}},
		{0.4, 0, func(v Verdict) string {
			return "Customers' patience at the end of the run with word_of_mouth.enabled=false was 1.00× what it was at the start, against " +
				times(factor(0.4, v.A.Mean)) + " at the end of the run."
		}},
		{0.4, math.NaN(), func(v Verdict) string {
			return "Customers' patience at the end of day 3 was " + times(factor(0.4, v.A.Mean)) + " what it was at the start."
		}},
	} {
		v := verdicts[i]
		if !(v.A.Mean > 0.05) {
			t.Fatalf("claim %d: level %v: the world should raise it", i, v.A.Mean)
		}
		if got, want := v.PatienceA, factor(c.couplingA, v.A.Mean); math.Abs(got-want) > 1e-12 || v.CouplingA != c.couplingA {
			t.Errorf("claim %d: side A's patience %v at coupling %v, want %v at %v", i, got, v.CouplingA, want, c.couplingA)
		}
		if math.IsNaN(c.couplingB) {
			if !math.IsNaN(v.PatienceB) {
				t.Errorf("claim %d: a level claim has no side B, yet patience %v", i, v.PatienceB)
			}
		} else if got, want := v.PatienceB, factor(c.couplingB, v.B.Mean); math.Abs(got-want) > 1e-12 || v.CouplingB != c.couplingB {
			t.Errorf("claim %d: side B's patience %v at coupling %v, want %v at %v", i, got, v.CouplingB, want, c.couplingB)
		}
		if got, want := v.InWords(), c.want(v); got != want {
			t.Errorf("claim %d:\n got %q\nwant %q", i, got, want)
		}
	}
	if v := verdicts[2]; v.B.Mean != 0 || v.PatienceB != 1 {
		t.Errorf("without word of mouth: level %v, patience %v; want 0 and exactly 1", v.B.Mean, v.PatienceB)
	}
	if v := verdicts[4]; v.InWords() != "" || !math.IsNaN(v.PatienceA) || strings.Contains(v.Sentence(), "patience") {
		t.Errorf("a claim on phone.offered: words %q, patience %v; want none", v.InWords(), v.PatienceA)
	}
}
