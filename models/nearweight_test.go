package models

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/omnisim/omnisim/sim"
)

// TestNearWeightWithinMargin checks that a remembered weight is within a
// factor 1 ± 10⁻¹³ of math.Exp (what nearMargin's reckoning allows it):
// 100,000 cases, each a walk of 20 steps of u − best from 0 down to −4,000
// (where e^d underflows), each step from 0 to 2 · nearWeightStep at scales
// from 10⁻¹² up, so that about half take the exponential remembered and
// half a new one. Seen to catch: the polynomial's cubic term dropped.
func TestNearWeightWithinMargin(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 5))
	m := &nearWeights{n: 1, d0: make([]float64, 1), e0: make([]float64, 1)}
	near := 0
	for i := range 100_000 {
		m.d0[0], m.e0[0] = 0, 0
		d := -math.Pow(10, -3+6.6*rng.Float64())
		if i%7 == 0 {
			d = -rng.Float64() * 1e-3
		}
		for range 20 {
			d += (rng.Float64()*2 - 1) * math.Pow(10, -12+12*rng.Float64()) * 2 * nearWeightStep
			d = min(d, 0)
			before := m.e0[0]
			got, want := m.weight(0, d), math.Exp(d)
			if m.e0[0] == before && before != 0 {
				near++
			}
			if want == 0 && got == 0 {
				continue
			}
			if r := got/want - 1; !(math.Abs(r) <= 1e-13) {
				t.Fatalf("case %d: weight(%v) = %v, math.Exp %v (%.3g apart)", i, d, got, want, r)
			}
		}
	}
	if near < 500_000 {
		t.Errorf("only %d weights from a remembered exponential", near)
	}
}

// TestNearWeightsOnlyWithFewCases checks that the weights are remembered
// for a world of few channels and issues, each case apart, and not for
// one whose cases would be too many.
func TestNearWeightsOnlyWithFewCases(t *testing.T) {
	cfg := richConfig()
	cfg.SetDefaults()
	w, _ := noonWorld(cfg)
	m := newNearWeights(w)
	if m == nil {
		t.Fatal("no remembered weights for the rich world")
	}
	n, issues := len(w.channels), len(w.cfg.Issues)
	seen := map[int]bool{}
	for issue := range issues {
		for stayAt := range n + 1 {
			for bestAt := range n {
				for i := range n {
					k := m.key(issue, stayAt, bestAt) + i
					if k < 0 || k >= len(m.e0) || seen[k] {
						t.Fatalf("case (%d, %d, %d, %d): key %d out of range or taken", issue, stayAt, bestAt, i, k)
					}
					seen[k] = true
				}
			}
		}
	}
	w.channels = append(w.channels, w.channels...)
	w.channels = append(w.channels, w.channels...)
	if newNearWeights(w) != nil {
		t.Errorf("weights remembered for %d channels", len(w.channels))
	}
}

// TestNearWeightsRemembered: a week of the rich world, whose choices go by
// the wait term's sum, remembers logit weights (the shortcut is taken, not
// only allowed): some case holds an exponential once it has run.
func TestNearWeightsRemembered(t *testing.T) {
	cfg := richConfig()
	cfg.SetDefaults()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	w := newWorld(cfg, sim.NewStreams(cfg.Seed, 0))
	if !w.nearChoice {
		t.Fatal("the rich world does not choose by the sum")
	}
	w.run()
	m := w.wom.nearW
	if m == nil {
		t.Fatal("the rich world's choices remembered no weights")
	}
	held := 0
	for _, e := range m.e0 {
		if e != 0 {
			held++
		}
	}
	if held == 0 {
		t.Errorf("none of %d cases holds an exponential after a week", len(m.e0))
	}
}
