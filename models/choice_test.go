package models

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/omnisim/omnisim/sim"
)

// TestFormulaChoiceLogit: a customer picks channel c among those open and
// choosable now (or among send_to's, or leaving out the channel a chase
// avoids) with chance exp(U_c) ÷ Σ exp(U), where
// U_c = preference_c + fit_c(issue) − wait_weight · ln(expected wait_c ÷ 1
// minute), + stay on the channel that just failed them; the first number of
// the customer's choice stream picks along the channels in order. Checked
// exactly for 400 customers in each of six situations, the chances
// computed here from the formula.
//
// Seen to catch: the stay bonus left out, or given to every channel but
// the one that failed; wait_weight left out (weight 1); fit ignored; a
// closed channel left in the choice; send_to ignored. Equivalent, not
// catchable: the expected wait in seconds instead of minutes, which adds
// the same wait_weight · ln 60 to every channel's utility and so changes
// no chance.
func TestFormulaChoiceLogit(t *testing.T) {
	a, b := live("a", 0, 60), live("b", 0, 60)
	a.Fit, a.ExpectedWait = []float64{0, 1}, 60
	b.Preference, b.Fit, b.ExpectedWait = 0.5, []float64{-0.5, 0}, 120
	c := Channel{Name: "c", Kind: Deferred, Choosable: true, Preference: 2, Fit: []float64{0, 0}, ExpectedWait: 7200,
		HandleTime: Dist{Kind: Exponential, Mean: 300}, Patience: Dist{Kind: Never}}
	d := live("d", 0, 60) // open 08:00–12:00 only: closed at time 0
	d.Preference, d.ExpectedWait = 3, 30
	d.Open = []Span{{Days: EveryDay, From: 8 * 3600, To: 12 * 3600}}
	e := live("e", 10.0/3600, 60) // reached by send_to only
	e.Choosable, e.ExpectedWait = false, 45
	cfg := &Config{Seed: 51, Horizon: 3600, Interval: 3600, Choice: Choice{WaitWeight: 0.7, Stay: 1.2},
		Issues:   []Issue{{Name: "simple", Share: 0.5, HandleFactor: 1}, {Name: "complex", Share: 0.5, HandleFactor: 1}},
		Channels: []Channel{a, b, c, d, e}, Pools: []Pool{onePool("p", 1, "a", "b", "c", "d", "e")}}
	cfg.SetDefaults()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	w := newWorld(cfg, sim.NewStreams(cfg.Seed, 0))
	utility := func(ch *Channel, issue int, stay bool) float64 {
		u := ch.Preference + ch.Fit[issue] - 0.7*math.Log(ch.ExpectedWait/60)
		if stay {
			u += 1.2
		}
		return u
	}
	cases := []struct {
		name     string
		only     []string
		stay     int // index of the channel that failed the customer, -1 for none
		avoid    int // index of the channel left out, -1 for none
		eligible []int
	}{
		{"first choice", nil, -1, -1, []int{0, 1, 2}},
		{"staying on a", nil, 0, -1, []int{0, 1, 2}},
		{"staying on b", nil, 1, -1, []int{0, 1, 2}},
		{"chasing away from c", nil, -1, 2, []int{0, 1}},
		{"send_to b and e", []string{"b", "e"}, -1, -1, []int{1, 4}},
		{"send_to the closed d", []string{"d"}, -1, -1, nil},
	}
	key := sim.Key(0)
	for _, tc := range cases {
		counts := make([]int, len(cfg.Channels))
		for i := range 400 {
			key++
			cu := &customer{key: key, issue: i % 2}
			var stay, avoid *channel
			if tc.stay >= 0 {
				stay = w.channels[tc.stay]
			}
			if tc.avoid >= 0 {
				avoid = w.channels[tc.avoid]
			}
			got := w.choose(cu, tc.only, stay, avoid)
			if tc.eligible == nil {
				if got != nil {
					t.Fatalf("%s: chose %s with nothing open", tc.name, got.cfg.Name)
				}
				continue
			}
			total := 0.0
			for _, k := range tc.eligible {
				total += math.Exp(utility(&cfg.Channels[k], cu.issue, k == tc.stay))
			}
			u := keyedFloats(cfg.Seed, 0, "choice", key, 1, 1)[0]
			want, cum := -1, 0.0
			for _, k := range tc.eligible {
				cum += math.Exp(utility(&cfg.Channels[k], cu.issue, k == tc.stay)) / total
				if u < cum {
					want = k
					break
				}
			}
			if got == nil || got.idx != want {
				t.Fatalf("%s: customer %d (issue %d) drew %.6f and chose %s; the logit gives %s", tc.name, key, cu.issue, u, nameOf(got), cfg.Channels[want].Name)
			}
			counts[want]++
		}
		t.Logf("%s: %v", tc.name, counts)
	}
}

func nameOf(ch *channel) string {
	if ch == nil {
		return "nothing"
	}
	return ch.cfg.Name
}

// TestLogitWeight checks that a channel's weight in the logit is
// math.Exp(u − best) to the bit, the shortcuts for the best channel and
// the ineligible ones included: a choice must not change when the
// exponential is skipped. Seen to catch: == for != in the best's case.
func TestLogitWeight(t *testing.T) {
	for _, tc := range []struct {
		name    string
		u, best float64
	}{
		{"the best", 1.7, 1.7},
		{"the best, negative", -3.25, -3.25},
		{"ineligible", math.Inf(-1), 0.5},
		{"below the best", 0.2, 1.7},
		{"far below", -800, 1},
	} {
		got, want := logitWeight(tc.u, tc.best), math.Exp(tc.u-tc.best)
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("%s: logitWeight(%v, %v) = %v, want %v", tc.name, tc.u, tc.best, got, want)
		}
	}
}

// TestNoWaitTermSameRun runs a week of the rich world (word of mouth on)
// with wait_weight 0, its choices made once without the wait term
// (waitIgnored) and once computing WaitWeight · ln(expected wait ÷ 1
// minute) on every open channel, and checks that every contact and every
// tally comes out the same: the shortcut is exact. Seen to catch: the
// reputation not brought up to now when the term is skipped.
func TestNoWaitTermSameRun(t *testing.T) {
	cfg := richConfig()
	cfg.Choice.WaitWeight = 0
	cfg.SetDefaults()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if !noWaitTerm(cfg) {
		t.Fatal("noWaitTerm is false with wait_weight 0")
	}
	sameRun(t, cfg, "without the term", func(w *world) { w.waitIgnored = true },
		"with it", func(w *world) {
			w.waitIgnored = false
			w.memo = nil // its weights leave the wait term out
		})
}

// TestNoWaitTerm: the wait term is left out only with wait_weight 0 and
// expected waits whose logarithm stays finite.
func TestNoWaitTerm(t *testing.T) {
	cfg := richConfig()
	cfg.SetDefaults()
	if noWaitTerm(cfg) {
		t.Error("noWaitTerm with wait_weight 0.7")
	}
	cfg.Choice.WaitWeight = 0
	if !noWaitTerm(cfg) {
		t.Error("not noWaitTerm with wait_weight 0")
	}
	cfg.Channels[2].ExpectedWait = 1e-300
	if noWaitTerm(cfg) {
		t.Error("noWaitTerm with an expected wait of 1e-300 s, whose logarithm may be −Inf")
	}
}

// TestNearChoiceSameRun runs a week of the rich world (word of mouth on,
// wait_weight 0.7) with its choices made first from the wait term's sum
// (nearChoice) and only from the exact utilities, and checks that every
// contact and every tally comes out the same.
func TestNearChoiceSameRun(t *testing.T) {
	cfg := richConfig()
	cfg.SetDefaults()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if !nearChoice(cfg) {
		t.Fatal("nearChoice is false in the rich world")
	}
	sameRun(t, cfg, "by the sum", func(w *world) { w.nearChoice = true },
		"exactly", func(w *world) { w.nearChoice = false })
}

// sameRun runs a week of cfg twice, its world set up once by fast and once
// by slow before it runs, and checks that every contact (the trace) and
// every tally comes out the same; fastName and slowName say which way is
// which in its messages.
func sameRun(t *testing.T, cfg *Config, fastName string, fast func(*world), slowName string, slow func(*world)) {
	t.Helper()
	runWith := func(setUp func(*world)) (*Result, []string) {
		w := newWorld(cfg, sim.NewStreams(cfg.Seed, 0))
		setUp(w)
		var lines []string
		w.trace = func(r *ContactRecord) { lines = append(lines, fmt.Sprintf("%+v", *r)) }
		w.run()
		return w.result(0), lines
	}
	a, aLines := runWith(fast)
	b, bLines := runWith(slow)
	if len(aLines) != len(bLines) || len(aLines) < 1000 {
		t.Fatalf("%d contacts %s, %d %s (want the same, over 1,000)", len(aLines), fastName, len(bLines), slowName)
	}
	for i := range aLines {
		if aLines[i] != bLines[i] {
			t.Fatalf("contact %d differs:\n%s: %s\n%s: %s", i, fastName, aLines[i], slowName, bLines[i])
		}
	}
	for _, tally := range []struct {
		what string
		a, b any
	}{
		{"the channels' tallies", a.Channels, b.Channels},
		{"the customers' tallies", a.Customers, b.Customers},
		{"the expectation level", a.Expectation, b.Expectation},
	} {
		if fmt.Sprintf("%+v", tally.a) != fmt.Sprintf("%+v", tally.b) {
			t.Errorf("%s differ %s and %s", tally.what, fastName, slowName)
		}
	}
}

// noonWorld returns a world of cfg at noon of its second day, when every
// channel is open, and the time.
func noonWorld(cfg *Config) (*world, float64) {
	w := newWorld(cfg, sim.NewStreams(cfg.Seed, 0))
	w.eng.Schedule(86400+12*3600, sim.PhaseTimer, func() {})
	w.eng.Step()
	return w, w.eng.Now()
}

// randomTastes sets w's wait weight (from 0 to scale), its bonus for
// staying and every channel's preference and fits (from −scale to scale)
// at random.
func randomTastes(w *world, rng *rand.Rand, scale float64) {
	w.cfg.Choice.WaitWeight = scale * rng.Float64()
	w.cfg.Choice.Stay = scale * (2*rng.Float64() - 1)
	for _, ch := range w.channels {
		ch.cfg.Preference = scale * (2*rng.Float64() - 1)
		for k := range ch.cfg.Fit {
			ch.cfg.Fit[k] = scale * (2*rng.Float64() - 1)
		}
	}
}

// TestNearChoiceAsExact draws 2,000 worlds of six channels with
// reputations, preferences, fits and a wait weight at random up to
// nearChoice's bounds and, for 50 customers in each, checks that every
// choice pickNear is sure of from the wait term's sum is the one the exact
// utilities make (pickExact), for random draws and for draws at, just
// below and just above the end of each channel's part of the exact total.
// Seen to catch: a margin of 0 (nearMargin).
func TestNearChoiceAsExact(t *testing.T) {
	cfg := richConfig()
	cfg.SetDefaults()
	rng := rand.New(rand.NewPCG(3, 4))
	w, now := noonWorld(cfg)
	sure, unsure := 0, 0
	for trial := range 2000 {
		randomTastes(w, rng, []float64{1, 10, 100}[trial%3])
		for _, ch := range w.channels {
			ch.cfg.ExpectedWait = math.Exp(rng.Float64()*20 - 6)
			ch.logExpected = math.Log(ch.cfg.ExpectedWait / 60)
			weight := 1e5 * rng.Float64()
			ch.reputation = belief{weight: weight, sum: weight * 3 * (2*rng.Float64() - 1), at: now}
		}
		if !nearChoice(w.cfg) {
			t.Fatalf("trial %d: beyond nearChoice's bounds", trial)
		}
		for i := range 50 {
			cu := &customer{issue: i % len(cfg.Issues)}
			var stay *channel
			if i%2 == 1 {
				stay = w.channels[rng.IntN(len(w.channels))]
			}
			best := w.utilities(cu, nil, stay, nil, now, false)
			exact := append([]float64(nil), w.choiceW...)
			fs := []float64{rng.Float64(), 0}
			total, cum := 0.0, []float64{}
			for _, u := range exact {
				total += logitWeight(u, best)
				cum = append(cum, total)
			}
			for _, c := range cum {
				f := c / total
				fs = append(fs, f, math.Nextafter(f, 0), math.Nextafter(f, 1), f*(1-1e-12), f*(1+1e-12))
			}
			for _, f := range fs {
				if f >= 1 {
					continue
				}
				copy(w.choiceW, exact)
				want := w.pickExact(f, best)
				nearBest := w.utilities(cu, nil, stay, nil, now, true)
				got, ok := w.pickNear(f, nearBest, cu, stay)
				if !ok {
					unsure++
					continue
				}
				sure++
				if got != want {
					t.Fatalf("trial %d, customer %d, draw %v: %s by the sum, %s exactly", trial, i, f, nameOf(got), nameOf(want))
				}
			}
		}
	}
	t.Logf("%d choices sure by the sum, %d left to the exact utilities", sure, unsure)
}

// TestPickNearUnsure: a draw at the end of a channel's part of the total,
// or within nearMargin of it, leaves the choice to the exact utilities.
func TestPickNearUnsure(t *testing.T) {
	cfg := richConfig()
	cfg.SetDefaults()
	w := newWorld(cfg, sim.NewStreams(cfg.Seed, 0))
	inf := math.Inf(-1)
	for _, tc := range []struct {
		name string
		f    float64
		want int // the channel chosen, -1 for unsure
	}{
		{"first half", 0.25, 0},
		{"second half", 0.75, 2},
		{"at the end of the first", 0.5, -1},
		{"just below it", 0.5 - nearMargin/4, -1},
		{"just above it", 0.5 + nearMargin/4, -1},
		{"clear of it", 0.5 + 4*nearMargin, 2},
		{"at zero", 0, 0},
	} {
		w.choiceW = append(w.choiceW[:0], 1.5, inf, 1.5, inf, inf, inf)
		ch, sure := w.pickNear(tc.f, 1.5, &customer{}, nil)
		switch {
		case tc.want < 0 && sure:
			t.Errorf("%s: sure of %s", tc.name, nameOf(ch))
		case tc.want >= 0 && (!sure || ch != w.channels[tc.want]):
			t.Errorf("%s: %s (sure %v), want %s", tc.name, nameOf(ch), sure, w.channels[tc.want].cfg.Name)
		}
	}
}
