package models

import (
	"math"
	"testing"

	"github.com/omnisim/omnisim/sim"
)

// TestFormulaLines: a live channel with lines holds at most that many
// contacts, waiting or in hand; a contact arriving when they are all busy
// is turned away. Checked at every arrival of a traced run: the contacts
// in the system then (arrived before, not turned away, not yet ended)
// number `lines` exactly when the new one is turned away.
//
// Seen to catch: a busy signal only beyond lines (> in place of ≥); lines
// counting waiting contacts only.
func TestFormulaLines(t *testing.T) {
	phone := live("phone", 60.0/3600, 180)
	phone.Lines = 5
	phone.Patience = Dist{Kind: Exponential, Mean: 120}
	cfg := &Config{Seed: 61, Horizon: 8 * 3600, Interval: 3600, Channels: []Channel{phone}, Pools: []Pool{onePool("p", 3, "phone")}}
	tr := traceRun(t, cfg, 0, nil)
	var blocked, oneLeft int
	for _, c := range tr.recs {
		n := 0
		for _, d := range tr.recs {
			if d.ID != c.ID && d.Arrived < c.Arrived && d.Outcome != OutcomeBlocked && d.Ended > c.Arrived {
				n++
			}
		}
		if n > 5 {
			t.Fatalf("at %v the channel held %d contacts, more than its 5 lines", c.Arrived, n)
		}
		if got, want := c.Outcome == OutcomeBlocked, n == 5; got != want {
			t.Fatalf("contact %d arrived with %d in the system: turned away %v, want %v", c.ID, n, got, want)
		}
		switch {
		case c.Outcome == OutcomeBlocked:
			blocked++
		case n == 4:
			oneLeft++
		}
	}
	t.Logf("%d contacts; %d turned away; %d took the last line", len(tr.recs), blocked, oneLeft)
	if blocked == 0 || oneLeft == 0 {
		t.Errorf("the world misses a case")
	}
}

// TestFormulaServiceLevelWithin: a contact counts as answered within the
// threshold T when its wait is ≤ T. One agent, deterministic 20 s calls and
// T = 20 s: of three callers arriving together, the second waits exactly
// 20 s and counts; the third waits 40 s and does not.
//
// Seen to catch: within taken as wait < T.
func TestFormulaServiceLevelWithin(t *testing.T) {
	phone := live("phone", 0, 20)
	phone.HandleTime = Dist{Kind: Deterministic, Mean: 20}
	cfg := &Config{Seed: 62, Horizon: 3600, Interval: 3600, Channels: []Channel{phone}, Pools: []Pool{onePool("p", 1, "phone")}}
	cfg.SetDefaults()
	w := newWorld(cfg, sim.NewStreams(cfg.Seed, 0))
	w.pools[0].staff(1)
	for k := range 3 {
		w.attempt(w.newCustomer(0, sim.Key(k+1), nil), w.channels[0], firstContact)
	}
	w.eng.Run(math.Inf(1))
	if got := w.channels[0].total; got.Answered != 3 || got.AnsweredWithin != 2 {
		t.Errorf("answered %d, within 20 s %d; want 3 and 2 (waits 0, 20 and 40 s)", got.Answered, got.AnsweredWithin)
	}
}

// TestFormulaExpectedWaitDefault: a channel's starting expected wait is
// its expected_wait if given, else its service-level threshold, else one
// minute.
//
// Seen to catch: the threshold ignored; a default other than a minute.
func TestFormulaExpectedWaitDefault(t *testing.T) {
	for _, tc := range []struct {
		expected, within, want float64
	}{{0, 0, 60}, {0, 20, 20}, {300, 20, 300}, {300, 0, 300}} {
		cfg := &Config{Channels: []Channel{{Name: "c", ExpectedWait: tc.expected, AnswerWithin: tc.within}}}
		cfg.SetDefaults()
		if got := cfg.Channels[0].ExpectedWait; got != tc.want {
			t.Errorf("expected_wait %v, threshold %v: starting expectation %v, want %v", tc.expected, tc.within, got, tc.want)
		}
	}
}

// TestChannelNextOpen checks when a closed channel opens next: the first
// opening strictly after now, over the coming week, on the days each span
// names, whatever the order of the spans; now itself when the channel has
// no hours. A customer sent to a closed channel waits for that time.
func TestChannelNextOpen(t *testing.T) {
	const h, day = 3600.0, 86400.0
	weekdays := Days{true, true, true, true, true, false, false}
	sunday := Days{false, false, false, false, false, false, true}
	for _, tc := range []struct {
		name  string
		start Weekday
		open  []Span
		t     float64
		want  float64
	}{
		{"no hours: open now", Monday, nil, 5 * h, 5 * h},
		{"Monday before opening", Monday, []Span{{Days: weekdays, From: 8 * h, To: 20 * h}}, 7 * h, 8 * h},
		{"Monday at opening: the next day's", Monday, []Span{{Days: weekdays, From: 8 * h, To: 20 * h}}, 8 * h, day + 8*h},
		{"Friday night: Monday", Monday, []Span{{Days: weekdays, From: 8 * h, To: 20 * h}}, 4*day + 21*h, 7*day + 8*h},
		{"Friday night, a week later", Monday, []Span{{Days: weekdays, From: 8 * h, To: 20 * h}}, 11*day + 21*h, 14*day + 8*h},
		{"the earlier of two spans", Monday, []Span{{Days: weekdays, From: 14 * h, To: 16 * h}, {Days: weekdays, From: 8 * h, To: 10 * h}}, 11 * h, 14 * h},
		{"Sundays only, on a Sunday after opening: a week on", Monday, []Span{{Days: sunday, From: 8 * h, To: 20 * h}}, 6*day + 9*h, 13*day + 8*h},
		{"starting on a Sunday", Sunday, []Span{{Days: sunday, From: 8 * h, To: 20 * h}}, 9 * h, 7*day + 8*h},
	} {
		ch := &channel{cfg: &Channel{Open: tc.open}, w: &world{cfg: &Config{Start: tc.start}}}
		if got := ch.nextOpen(tc.t); got != tc.want {
			t.Errorf("%s: opens at %s, want %s", tc.name, FormatDuration(got), FormatDuration(tc.want))
		}
	}
}
