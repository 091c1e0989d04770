package fit

import (
	"math"
	"slices"
	"testing"
)

// TestAwayEstimate: the spell away is read off the log as occurrences
// over exposure. One agent serves 29 times a caller who waits 200 s while
// the agent is idle after their previous call: 29 stretches, each 140 s
// past the first minute, each ended by the agent taking the caller. Once
// a caller gives up after 120 s in a gap between the agent's calls: 60 s
// past the first minute, no spell ended (the queue emptied). Once a caller
// waits exactly the span gap, 1800 s, in a gap of that length, which is
// still within the agent's working span: 1740 s, one spell. That is 30
// spells, exactly the fewest the estimate takes (minAwaySpells), and
// 29 × 140 + 60 + 1740 = 5860 s. With one spell fewer, the mean is NaN.
// Seen to catch: `p < 0` → `<=`, `>=`; `!(g1 > g0)` → `<=`, `g1-g0` →
// `g1+g0`, `g1-g0 > SpanGap` → `>=`; `q[j].from < g1` → `>=`; `to == g1`
// → `!=`, `q[j].to >= g1` → `<`; `spells++` → `--`; `spells <
// minAwaySpells` → `<=`, `>=`.
func TestAwayEstimate(t *testing.T) {
	for _, blocks := range []int{29, 28} {
		f := NewFitter(DefaultOptions)
		answer := func(at, wait float64) {
			f.Add(&Record{Day: 0, Arrival: at, Channel: "phone", Outcome: Answered, Wait: wait, Handle: 100, Agent: "a"})
		}
		end := 0.0
		for k := range blocks {
			at := 1000 + 2000*float64(k)
			answer(at, 0)       // served at once, until at+100
			answer(at+100, 200) // waits beside the idle agent, served at+300 to at+400
			end = at + 400
		}
		// A caller who gives up after 120 s while the agent is idle.
		f.Add(&Record{Day: 0, Arrival: 1500, Channel: "phone", Outcome: Abandoned, Wait: 120})
		// A caller waiting the whole span gap after the agent's last call.
		answer(end, 1800)
		fit := f.Result()
		spells, exposure := blocks+1, 140*float64(blocks)+60+1740
		mean := exposure / float64(spells)
		if spells < minAwaySpells {
			mean = math.NaN()
		}
		if fit.AwaySpells != spells || math.Abs(fit.AwayExposure-exposure) > 1e-9 ||
			!(math.Abs(fit.AwaySpell-mean) < 1e-9 || math.IsNaN(mean) && math.IsNaN(fit.AwaySpell)) {
			t.Errorf("%d blocks: %d spells, %v s exposed, mean %v; want %d, %v s, %v",
				blocks, fit.AwaySpells, fit.AwayExposure, fit.AwaySpell, spells, exposure, mean)
		}
	}
}

// TestUnion: stretches of waiting that overlap or touch (one caller
// answered the second another arrives, in a log of whole seconds) are
// one stretch: the queue was never empty between them. Seen to catch:
// `s.from <= out[n-1].to` → `<`.
func TestUnion(t *testing.T) {
	got := union([]stretch{{300, 400}, {0, 100}, {100, 150}, {120, 200}, {500, 600}})
	if want := []stretch{{0, 200}, {300, 400}, {500, 600}}; !slices.Equal(got, want) {
		t.Errorf("union %v, want %v", got, want)
	}
}

// TestWaitingAt: a caller was waiting at t inside a stretch of waiting,
// from the moment the caller arrived; not before nor between stretches.
// (Whether a wait that ends at t still counts is not pinned here: at the
// instant an agent ends their last call, a caller answered at that instant
// by another agent is not clearly one this agent left waiting.) Seen to
// catch: `q[j].from <= t` → `<`, `>`, and `t <= q[j].to` → `>`.
func TestWaitingAt(t *testing.T) {
	q := []stretch{{100, 200}, {300, 400}}
	for _, tc := range []struct {
		t    float64
		want bool
	}{{50, false}, {100, true}, {150, true}, {250, false}, {300, true}, {350, true}, {450, false}} {
		if got := waitingAt(q, tc.t); got != tc.want {
			t.Errorf("waiting at %v: %v, want %v", tc.t, got, tc.want)
		}
	}
}
