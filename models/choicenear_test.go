package models

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestChooseNearAsUtilities draws 500 worlds of six channels with
// reputations last brought up to date at random times before now, and
// checks that nearUtilities gives utilities(…, near true)'s utilities, best
// and faded reputations to the bit, with and without a channel to avoid
// and a list of those allowed, with the first channel of the best
// utility, and that pickNearAt then weighs the channels and makes the
// choice as pickNear does, for draws at and about every end of a
// channel's part. Seen to fail with the reputations not faded, with
// bestAt the last channel of the best utility, and with the channel to
// avoid or the list left out.
func TestChooseNearAsUtilities(t *testing.T) {
	cfg := richConfig()
	cfg.SetDefaults()
	rng := rand.New(rand.NewPCG(5, 6))
	w, now := noonWorld(cfg)
	m := w.wom.nearWeights(w)
	if m == nil {
		t.Fatal("no remembered weights in the rich world")
	}
	n := len(w.channels)
	start := make([]belief, n)
	for trial := range 500 {
		randomTastes(w, rng, []float64{1, 10, 100}[trial%3])
		for i, ch := range w.channels {
			weight := 1e5 * rng.Float64()
			start[i] = belief{weight: weight, sum: weight * 3 * (2*rng.Float64() - 1), at: now - 1e5*rng.Float64()}
			if trial%4 == 0 && i%2 == 0 {
				// Two channels of the same utility: the first is the best.
				ch.cfg.Preference, ch.cfg.Fit, ch.logExpected = 1, []float64{0, 0}, 0
				start[i] = belief{at: now}
			}
		}
		for i := range 20 {
			cu := &customer{issue: i % len(cfg.Issues)}
			var stay, avoid *channel
			var only []string
			if i%2 == 1 {
				stay = w.channels[rng.IntN(n)]
			}
			if i%5 == 2 {
				avoid = w.channels[rng.IntN(n)]
			}
			if i%7 == 3 {
				only = []string{w.channels[rng.IntN(n)].cfg.Name, w.channels[rng.IntN(n)].cfg.Name}
			}
			for k, ch := range w.channels {
				ch.reputation = start[k]
			}
			want := w.utilities(cu, only, stay, avoid, now, true)
			wantU := append([]float64(nil), w.choiceW...)
			faded := make([]belief, n)
			for k, ch := range w.channels {
				faded[k], ch.reputation = ch.reputation, start[k]
			}
			got, bestAt := w.nearUtilities(cu, only, stay, avoid, now)
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("trial %d: best %v, want %v", trial, got, want)
			}
			for k, ch := range w.channels {
				if math.Float64bits(w.choiceW[k]) != math.Float64bits(wantU[k]) || ch.reputation != faded[k] {
					t.Fatalf("trial %d, channel %d: utility %v and reputation %+v, want %v and %+v", trial, k, w.choiceW[k], ch.reputation, wantU[k], faded[k])
				}
			}
			firstBest := 0
			for firstBest < n && wantU[firstBest] != want {
				firstBest++
			}
			if bestAt != firstBest {
				t.Fatalf("trial %d: best channel %d, want the first with the best utility, %d", trial, bestAt, firstBest)
			}
			for _, f := range []float64{rng.Float64(), 0, 0.5, 1 - 1e-9} {
				copy(w.choiceW, wantU)
				wantCh, wantSure := w.pickNear(f, want, cu, stay)
				wantW := append([]float64(nil), w.choiceW...)
				copy(w.choiceW, wantU)
				gotCh, gotSure := w.pickNearAt(f, got, bestAt, cu, stay, m)
				if gotCh != wantCh || gotSure != wantSure {
					t.Fatalf("trial %d, draw %v: %s (sure %v), want %s (sure %v)", trial, f, nameOf(gotCh), gotSure, nameOf(wantCh), wantSure)
				}
				for k := range wantW {
					if math.Float64bits(w.choiceW[k]) != math.Float64bits(wantW[k]) {
						t.Fatalf("trial %d, channel %d: weight %v, want %v", trial, k, w.choiceW[k], wantW[k])
					}
				}
			}
		}
	}
}
