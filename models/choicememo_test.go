package models

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/omnisim/omnisim/sim"
)

// TestChoiceMemoSameRun runs a week of the rich world without word of
// mouth, and with it but a wait weight of 0, once with the choices' weights
// remembered (choiceMemo) and once taking them at every choice, and checks
// that every contact and every tally comes out the same.
func TestChoiceMemoSameRun(t *testing.T) {
	for _, wom := range []bool{false, true} {
		cfg := richConfig()
		cfg.WordOfMouth.Enabled = wom
		if wom {
			cfg.Choice.WaitWeight = 0
		}
		cfg.SetDefaults()
		if err := cfg.Validate(); err != nil {
			t.Fatal(err)
		}
		kept := func(w *world) {
			if w.memo == nil {
				t.Fatalf("word of mouth %v: no memo", wom)
			}
		}
		sameRun(t, cfg, fmt.Sprintf("remembered (word of mouth %v)", wom), kept,
			"taken each time", func(w *world) { w.memo = nil })
	}
}

// TestChoiceMemoWeights draws 300 worlds of six channels with preferences,
// fits, stay bonuses, expected waits and a wait weight at random and checks,
// for every issue, set of channels that may be chosen and channel that
// failed, that the remembered weights and total are, to the bit, those the
// exact choice computes (utilities, logitWeight, pickExact's sum), and pick
// the same channel for draws at, just below and just above the end of each
// channel's part.
func TestChoiceMemoWeights(t *testing.T) {
	cfg := richConfig()
	cfg.WordOfMouth.Enabled = false
	cfg.SetDefaults()
	rng := rand.New(rand.NewPCG(5, 6))
	w, now := noonWorld(cfg)
	n := len(w.channels)
	for trial := range 300 {
		randomTastes(w, rng, []float64{1, 10, 100}[trial%3])
		for _, ch := range w.channels {
			ch.logExpected = math.Log(math.Exp(rng.Float64()*20-6) / 60)
		}
		weights := make([]float64, n)
		for issue := range cfg.Issues {
			cu := &customer{issue: issue}
			for mask := 1; mask < 1<<n; mask++ {
				var only []string
				for i, ch := range w.channels {
					if mask&(1<<i) != 0 {
						only = append(only, ch.cfg.Name)
					}
				}
				for s := -1; s < n; s++ {
					var stay *channel
					if s >= 0 {
						stay = w.channels[s]
					}
					total := w.memoWeights(weights, cu, mask, stay, now)
					best := w.utilities(cu, only, stay, nil, now, false)
					utils := append([]float64(nil), w.choiceW...)
					exact, sum := make([]float64, n), 0.0
					for i, u := range w.choiceW {
						exact[i] = logitWeight(u, best)
						sum += exact[i]
					}
					if math.Float64bits(total) != math.Float64bits(sum) {
						t.Fatalf("trial %d, issue %d, mask %b, stay %d: total %v remembered, %v exactly", trial, issue, mask, s, total, sum)
					}
					fs := []float64{rng.Float64(), 0}
					cum := 0.0
					for i := range exact {
						if math.Float64bits(weights[i]) != math.Float64bits(exact[i]) {
							t.Fatalf("trial %d, issue %d, mask %b, stay %d: channel %d's weight %v remembered, %v exactly", trial, issue, mask, s, i, weights[i], exact[i])
						}
						cum += exact[i]
						f := cum / sum
						fs = append(fs, f, math.Nextafter(f, 0), math.Nextafter(f, 1))
					}
					for _, f := range fs {
						if f >= 1 {
							continue
						}
						copy(w.choiceW, utils) // pickExact turns them into weights
						if got, want := w.pickFrom(weights, total, f), w.pickExact(f, best); got != want {
							t.Fatalf("trial %d, draw %v: %s remembered, %s exactly", trial, f, nameOf(got), nameOf(want))
						}
					}
				}
			}
		}
	}
}

// TestNewChoiceMemo: choices have a memo without word of mouth or with a
// wait weight of 0, not with word of mouth and a wait term, nor with more
// than 8 channels.
func TestNewChoiceMemo(t *testing.T) {
	cfg := richConfig()
	cfg.SetDefaults()
	if w := newWorld(cfg, sim.NewStreams(cfg.Seed, 0)); w.memo != nil {
		t.Error("a memo with word of mouth and a wait term")
	}
	cfg.WordOfMouth.Enabled = false
	if w := newWorld(cfg, sim.NewStreams(cfg.Seed, 0)); w.memo == nil {
		t.Error("no memo without word of mouth")
	}
	for len(cfg.Channels) <= 8 {
		c := cfg.Channels[0]
		c.Name = fmt.Sprintf("more%d", len(cfg.Channels))
		cfg.Channels = append(cfg.Channels, c)
	}
	if w := newWorld(cfg, sim.NewStreams(cfg.Seed, 0)); w.memo != nil {
		t.Errorf("a memo with %d channels", len(cfg.Channels))
	}
}

// TestChoiceMemoKeys checks that memoKey gives every case of a memo, for
// 1 to 8 channels and 1 to 3 issues, an index of its own within the memo
// (newChoiceMemo's issues·(n+1)·2ⁿ). Seen to catch: n+1 → n−1, + → −.
func TestChoiceMemoKeys(t *testing.T) {
	for n := 1; n <= 8; n++ {
		for issues := 1; issues <= 3; issues++ {
			cases := issues * (n + 1) << n
			seen := make([]bool, cases)
			for issue := range issues {
				for stayAt := 0; stayAt <= n; stayAt++ {
					for mask := 1; mask < 1<<n; mask++ {
						k := memoKey(issue, stayAt, mask, n)
						if k < 0 || k >= cases {
							t.Fatalf("n %d, issues %d: case (%d, %d, %b) at %d, outside 0 to %d", n, issues, issue, stayAt, mask, k, cases-1)
						}
						if seen[k] {
							t.Fatalf("n %d, issues %d: case (%d, %d, %b) at %d, taken", n, issues, issue, stayAt, mask, k)
						}
						seen[k] = true
					}
				}
			}
		}
	}
}

// TestMemoMaskAsEligible checks that the channels a remembered choice may
// pick from (memoMask, from choosableOpen's window) are those eligible
// tells, and the failed channel's index the same, in worlds whose channels
// have opening hours of whole seconds, of fractions of a second and none,
// at times in order and at random, at, just before and just after every
// hour's start and end, for every channel avoided and every one failed;
// with word of mouth (and no wait term, so that a memo is kept), that it
// brings the reputations of those channels up to now, and no other.
func TestMemoMaskAsEligible(t *testing.T) {
	hours := [][]Span{
		nil,
		{{Days: Days{true, true, true, true, true, true, true}, From: 8 * 3600, To: 20 * 3600}},
		{{Days: Days{true, true, true, true, true}, From: 8 * 3600, To: 12 * 3600}, {Days: Days{5: true}, From: 13 * 3600, To: 18 * 3600}},
		{{Days: Days{4: true, 5: true}, From: 22 * 3600, To: 2 * 3600}},
		{{Days: Days{true, true, true, true, true, true, true}, From: 8.5 * 3600, To: 20*3600 + 0.25}},
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for trial := range 40 {
		cfg := richConfig()
		wom := trial%2 == 1
		cfg.WordOfMouth.Enabled = wom
		if wom {
			cfg.Choice.WaitWeight = 0
		}
		for i := range cfg.Channels {
			cfg.Channels[i].Open = hours[rng.IntN(len(hours))]
		}
		cfg.SetDefaults()
		if err := cfg.Validate(); err != nil {
			t.Fatal(err)
		}
		w := newWorld(cfg, sim.NewStreams(cfg.Seed, 0))
		if w.memo == nil {
			t.Fatal("no memo")
		}
		var times []float64
		for day := 0.0; day < 8; day++ {
			for _, hs := range hours {
				for _, s := range hs {
					for _, b := range []float64{s.From, s.To, 0, 86400 - 2, 86400 - 1} {
						at := day*86400 + b
						times = append(times, at, math.Nextafter(at, 0), math.Nextafter(at, math.Inf(1)), at-1, at+1)
					}
				}
			}
		}
		slices.Sort(times)
		for range 300 {
			times = append(times, rng.Float64()*8*86400)
		}
		n := len(w.channels)
		for _, now := range times {
			if now < 0 {
				continue
			}
			for a := -1; a < n; a++ {
				for s := -1; s < n; s++ {
					var avoid, stay *channel
					if a >= 0 {
						avoid = w.channels[a]
					}
					if s >= 0 {
						stay = w.channels[s]
					}
					before := reputations(w, rng, now)
					mask, stayAt := w.memoMask(nil, stay, avoid, now)
					got := reputations(w, nil, 0)
					setReputations(w, before)
					wantMask, wantStay := w.eligibleMask(nil, stay, avoid, now)
					if mask != wantMask || stayAt != wantStay {
						t.Fatalf("trial %d, at %v, avoiding %d, failed on %d: mask %b, stay %d; eligible %b, %d", trial, now, a, s, mask, stayAt, wantMask, wantStay)
					}
					setReputations(w, before)
					for _, ch := range w.channels {
						if wom && w.eligible(ch, nil, avoid, now) {
							w.wom.fade(&ch.reputation, now)
						}
					}
					if want := reputations(w, nil, 0); !slices.Equal(got, want) {
						t.Fatalf("trial %d, at %v, avoiding %d, failed on %d: reputations %v, want %v", trial, now, a, s, got, want)
					}
				}
			}
		}
	}
}

// reputations returns each channel's reputation in w; with rng, first
// set to random stories heard at a random instant before now, so that
// each is brought up to now from its own.
func reputations(w *world, rng *rand.Rand, now float64) []belief {
	out := make([]belief, len(w.channels))
	for i, ch := range w.channels {
		if rng != nil {
			ch.reputation = belief{weight: rng.Float64() * 100, sum: rng.NormFloat64() * 50, at: rng.Float64() * now}
		}
		out[i] = ch.reputation
	}
	return out
}

// setReputations sets each channel's reputation in w to rs's.
func setReputations(w *world, rs []belief) {
	for i, ch := range w.channels {
		ch.reputation = rs[i]
	}
}
