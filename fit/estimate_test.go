package fit

import (
	"fmt"
	"math"
	"slices"
	"testing"
)

// TestSlotTallies: a channel's tallies by time of day (ChannelFit.Offered,
// AbandonShare, MeanWait, ServiceLevel, WaitedShare) are contacts per day
// of the log and shares of the slot's contacts: given up; answered within
// the threshold, a wait of the threshold itself included, as the
// simulation counts it (models: wait ≤ AnswerWithin); waited, a wait above
// zero or given up (at once, too). The day's tallies the check reads count
// alike. Computed by hand for two days of seven contacts. Seen to catch:
// estimate.go `c.offered[slot]++`, `c.waited[slot]++`,
// `c.abandoned[slot]++`, `c.within[slot]++` → `--`; `r.Wait > 0` → `>=`
// and `r.Outcome == Abandoned` → `!=` in what waited; `r.Wait <=
// f.opts.AnswerWithin` → `<`, `>` and, in slotTally.add, `r.Wait <= within`
// → `<`; result.go `c.offered[s] / days` → `*`; ratio's `b == 0` → `!=`.
func TestSlotTallies(t *testing.T) {
	fitter := NewFitter(DefaultOptions) // hours, 20 s
	add := func(day int, at float64, out Outcome, wait float64) {
		r := &Record{Day: day, Arrival: at, Channel: "phone", Outcome: out, Wait: wait}
		if out == Answered {
			r.Handle = 60
		}
		fitter.Add(r)
	}
	// Day 4, 10:00–11:00: answered at once, after 20 s (within), after
	// 21 s (not), given up at once, given up after 30 s.
	add(4, 36000, Answered, 0)
	add(4, 36100, Answered, 20)
	add(4, 36200, Answered, 21)
	add(4, 36300, Abandoned, 0)
	add(4, 36400, Abandoned, 30)
	// Day 5: one more at 10:00–11:00 (after 5 s), one at 11:00–12:00.
	add(5, 36500, Answered, 5)
	add(5, 39600, Answered, 0)
	c := fitter.Result().Channels[0]
	tests := []struct {
		name string
		got  []float64
		want [2]float64 // slots 10 and 11
	}{
		{"contacts a day", c.Offered, [2]float64{6.0 / 2, 1.0 / 2}},
		{"abandoned", c.AbandonShare, [2]float64{2.0 / 6, 0}},
		{"mean wait", c.MeanWait, [2]float64{(0 + 20 + 21 + 0 + 30 + 5) / 6.0, 0}},
		{"service level", c.ServiceLevel, [2]float64{3.0 / 6, 1}},
		{"waited", c.WaitedShare, [2]float64{5.0 / 6, 0}},
	}
	for _, tc := range tests {
		if len(tc.got) != 24 || !(math.Abs(tc.got[10]-tc.want[0]) <= 1e-12) || !(math.Abs(tc.got[11]-tc.want[1]) <= 1e-12) {
			t.Errorf("%s: %v in slots 10 and 11, want %v", tc.name, tc.got[10:12], tc.want)
		}
	}
	if c.Offered[9] != 0 || !math.IsNaN(c.AbandonShare[9]) {
		t.Errorf("a slot without contacts: %v a day, %v abandoned; want 0 and no share (NaN)", c.Offered[9], c.AbandonShare[9])
	}
	d := c.daily[0] // day 4
	if d.offered[10] != 5 || d.waited[10] != 4 || d.abandoned[10] != 2 || d.within[10] != 2 || d.waitSum[10] != 71 {
		t.Errorf("day 4's tallies at 10:00: %v offered, %v waited, %v abandoned, %v within, %v s waited; want 5, 4, 2, 2, 71",
			d.offered[10], d.waited[10], d.abandoned[10], d.within[10], d.waitSum[10])
	}
}

// TestHandleSample: a handleStats keeps a uniform sample of at most its
// size of the handle times (reservoir sampling): never more, each one of
// the times counted, none twice. Seen to catch: estimate.go
// `len(c.sample) < c.size` → `<=`.
func TestHandleSample(t *testing.T) {
	h := newHandleStats(1, 10)
	for i := 1; i <= 25; i++ {
		h.add(float64(i))
	}
	s := h.sortedSample()
	if h.n != 25 || len(s) != 10 {
		t.Fatalf("%d counted, a sample of %d; want 25 and 10", h.n, len(s))
	}
	for i, x := range s {
		if x < 1 || x > 25 || x != math.Trunc(x) || (i > 0 && x == s[i-1]) {
			t.Fatalf("sample %v: want 10 distinct times of 1 to 25", s)
		}
	}
}

// TestTypesCap: a channel tells apart its first 23 types (maxTypes − 1)
// and counts the rest as "other" (README: "a channel tells apart its first
// 23 types"): 30 types of one contact each give 23 of their own and
// "other" with 7, listed first as the type with most contacts. Seen to
// catch: estimate.go `len(c.typeNames) >= maxTypes-1` → `>`.
func TestTypesCap(t *testing.T) {
	fitter := NewFitter(DefaultOptions)
	for i := range 30 {
		fitter.Add(&Record{Day: 4, Arrival: float64(36000 + i), Channel: "phone", Type: fmt.Sprintf("t%02d", i), Outcome: Answered, Handle: float64(60 + i)})
	}
	types := fitter.Result().Channels[0].Types
	var names []string
	for _, ty := range types {
		names = append(names, ty.Name)
	}
	want := []string{otherType}
	for i := range maxTypes - 1 {
		want = append(want, fmt.Sprintf("t%02d", i))
	}
	if !slices.Equal(names, want) || types[0].Contacts != 7 {
		t.Errorf("types %v (the first with %d contacts), want %v, other with 7", names, types[0].Contacts, want)
	}
}

// TestRedialsAtTheEdges: redials are matched across the letting go of
// contacts at its limits. A log is in time order while no arrival is more
// than two days before the latest (README), so one exactly two days
// before still is; a customer last seen three days and a redial window
// before the latest arrival (a wait of at most a day, then the window) may
// still redial, so is kept; and a redial exactly --redial-within after
// giving up counts. Here a customer gives up after a day's wait and calls
// again exactly an hour later, that call written to the log after one
// arriving two days after it; contacts are let go as that one comes.
// Seen to catch: estimate.go `t < f.lastTime-orderSlack` → `<=`, `-
// 86400` and `- f.opts.RedialWithin` → `+` in the cutoff,
// `evs[len(evs)-1].at >= cutoff` → `>`, `evs[k].at-e.end > within` → `>=`.
func TestRedialsAtTheEdges(t *testing.T) {
	fitter := NewFitter(DefaultOptions)
	fitter.settleMin = 1
	add := func(customer string, at float64, out Outcome, wait float64) {
		r := &Record{Day: int(at / 86400), Arrival: math.Mod(at, 86400), Channel: "phone", Customer: customer, Outcome: out, Wait: wait}
		if out == Answered {
			r.Handle = 60
		}
		fitter.Add(r)
	}
	const gaveUpAt = 10000                            // arrived, and waited a day
	const redialAt = gaveUpAt + 86400 + 3600          // an hour after giving up
	const latest = redialAt + orderSlack              // the redial is exactly orderSlack earlier
	add("early", 0, Answered, 0)                      // let go when "late" comes
	add("c", gaveUpAt, Abandoned, 86400)              // last seen at the cutoff when "late" comes
	add("other", 20000, Answered, 0)                  // kept
	fitter.settleAt = 1                               // let go as the next contact comes
	add("late", latest, Answered, 0)                  // cutoff: latest − 2 days − a day − an hour = gaveUpAt
	add("c", redialAt, Answered, 0)                   // in order, just
	if !fitter.settled || len(fitter.contacts) != 4 { // "early" let go, the rest held
		t.Fatalf("held %d contacts, let go any: %v; want 4 held and the first let go", len(fitter.contacts), fitter.settled)
	}
	fit := fitter.Result()
	if fit.RedialBase != 1 || fit.Redials != 1 || fit.RedialDelay != 3600 || fit.RedialOrderLost {
		t.Errorf("redials %v of %v give-ups after %v s (order lost %v); want 1 of 1 after 3600 s, in order",
			fit.Redials, fit.RedialBase, fit.RedialDelay, fit.RedialOrderLost)
	}
}

// TestPoolPresence: a pool's time at work (PoolFit.Present) is each
// agent's working spans with a mean idle gap before and after, but for the
// log's signs that the agent was not idle there (README): no gap before a
// first call to a caller who had waited, none after a last call while a
// caller of the pool's channels was still waiting; a caller answered at
// once, or who gave up at once, was never waiting. Agent a serves three
// 100 s calls 100 s apart (a mean idle gap of 100 s) on day 1 from 10:00;
// computed by hand. Seen to catch: estimate.go `r.Wait > 0` → `>=`, `<=`
// (the waits kept), `* 86400` → `/` and `t + r.Wait` → `-` in them,
// `r.Wait > 0` → `>=` in work (whose caller waited); result.go
// `pools[i].People++` → `--`.
func TestPoolPresence(t *testing.T) {
	type call struct {
		at, wait float64
		agent    string // "" for a caller who gave up
	}
	calls := []call{{36000, 0, "a"}, {36200, 0, "a"}, {36400, 0, "a"}}
	tests := []struct {
		name    string
		calls   []call
		present float64
		people  int
	}{
		// A caller waiting from 10:07:30 to 10:09:10, past a's last call's
		// end (10:08:20): no idle gap after it.
		{"a caller waiting after the last call", append(slices.Clone(calls), call{36450, 100, ""}), 100 + 500, 1},
		// A caller gives up at once as a's last call ends, and b answers
		// one at once then: nobody waited, so a has the idle gap after the
		// last call; b's one call has no idle gap.
		{"callers who did not wait", append(slices.Clone(calls), call{36500, 0, ""}, call{36500, 0, "b"}), 100 + 500 + 100 + 100, 2},
		// The first caller had waited 5 s: a came to a queue.
		{"a first caller who waited", []call{{35995, 5, "a"}, {36200, 0, "a"}, {36400, 0, "a"}}, 500 + 100, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fitter := NewFitter(DefaultOptions)
			for _, c := range tc.calls {
				r := &Record{Day: 1, Arrival: c.at, Channel: "phone", Outcome: Abandoned, Wait: c.wait, Agent: c.agent}
				if c.agent != "" {
					r.Outcome, r.Handle = Answered, 100
				}
				fitter.Add(r)
			}
			fit := fitter.Result()
			if len(fit.Pools) == 0 {
				t.Fatal("no pool")
			}
			if len(fit.Pools) != 1 || math.Abs(fit.Pools[0].Present-tc.present) > 1e-9 || fit.Pools[0].People != tc.people {
				t.Fatalf("%d pools, the first of %d agents at work %v s; want one of %d at work %v s",
					len(fit.Pools), fit.Pools[0].People, fit.Pools[0].Present, tc.people, tc.present)
			}
		})
	}
}
