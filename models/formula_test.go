package models

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/omnisim/omnisim/sim"
)

// The TestFormula tests pin each formula the docs state (docs/model.md
// and the scenario reference, docs/scenario-format.md), one test per formula, named after it. Most
// are exact: a traced run (ContactRecord) says when each contact arrived,
// was answered and ended, by whom and how; the world's drawn hook says what
// each contact drew as it was made; and, the keyed streams being documented
// (each draw of a customer comes from the stream keyed by purpose, source,
// customer and draw number: see crn.go), a test can redraw a customer's
// numbers itself and say what the formula makes of them. Where the run and
// the test compute the same number by different routes (a fading sum
// multiplied step by step, or at once), they agree to rounding, and the
// tolerances say so. Each test's comment names the change to the formula
// that it was seen to catch: the formula in the source was changed, the
// test run and seen to fail, and the change undone.

// made is a contact as it was made: its customer, what it drew and what
// the factors made of that.
type made struct {
	cust      sim.Key
	issue     int
	handle    float64 // as drawn, before any factor
	patience  float64 // as drawn, NaN for none
	handleF   float64 // after the issue's and the siloed factor (contact.handle)
	patienceF float64 // after the patience factor (contact.patience; live channels)
	urgent    bool
	carried   bool
}

// tracedRun is a replication run with every contact traced as it ended and
// seen as it was made.
type tracedRun struct {
	cfg  *Config // with its defaults
	res  *Result
	recs []ContactRecord // in the order the contacts ended
	byID map[int64]*ContactRecord
	made map[int64]made
	// next maps a contact to the contacts that name it as Previous.
	next map[int64][]*ContactRecord
	// ended maps a customer (ContactRecord.Customer) to their journey's
	// end, seen by the world's finished hook.
	ended map[int64]ended
}

// ended is a customer as their journey ended.
type ended struct {
	at                                float64
	contacts, failures, late, carried int
	resolved                          bool
	satisfaction                      float64
}

// traceRun runs replication rep of cfg, tracing every contact, and calls
// onMade, if not nil, with the world and each contact as it is made (after
// its draws and factors, before it is queued or answered).
func traceRun(t *testing.T, cfg *Config, rep int, onMade func(w *world, c *contact)) *tracedRun {
	t.Helper()
	full := *cfg
	full.SetDefaults()
	if err := full.Validate(); err != nil {
		t.Fatal(err)
	}
	tr := &tracedRun{cfg: &full, byID: map[int64]*ContactRecord{}, made: map[int64]made{}, next: map[int64][]*ContactRecord{},
		ended: map[int64]ended{}}
	w := newWorld(&full, sim.NewStreams(full.Seed, rep))
	w.rep = rep
	w.trace = func(r *ContactRecord) { tr.recs = append(tr.recs, *r) }
	w.drawn = func(c *contact, handle, patience float64) {
		tr.made[c.id] = made{cust: c.cust.key, issue: c.cust.issue, handle: handle, patience: patience,
			handleF: c.handle, patienceF: c.patience, urgent: c.urgent, carried: c.carried}
		if onMade != nil {
			onMade(w, c)
		}
	}
	w.finished = func(cu *customer, s float64) {
		tr.ended[cu.id] = ended{at: w.eng.Now(), contacts: cu.contacts, failures: cu.failures, late: cu.late,
			carried: int(cu.carried), resolved: cu.resolved, satisfaction: s}
	}
	w.run()
	tr.res = w.result(rep)
	for i := range tr.recs {
		r := &tr.recs[i]
		tr.byID[r.ID] = r
		if r.Previous != 0 {
			tr.next[r.Previous] = append(tr.next[r.Previous], r)
		}
	}
	return tr
}

// byCustomer returns each customer's contacts in the order they were made.
func (tr *tracedRun) byCustomer() map[int64][]*ContactRecord {
	out := map[int64][]*ContactRecord{}
	for i := range tr.recs {
		r := &tr.recs[i]
		out[r.Customer] = append(out[r.Customer], r)
	}
	for _, rs := range out {
		slices.SortFunc(rs, func(a, b *ContactRecord) int { return int(a.ID - b.ID) })
	}
	return out
}

// issueIndex returns the index of the issue named name.
func (tr *tracedRun) issueIndex(t *testing.T, name string) int {
	t.Helper()
	for i, is := range tr.cfg.Issues {
		if is.Name == name {
			return i
		}
	}
	t.Fatalf("no issue %q", name)
	return -1
}

// keyedFloats returns the first n uniform numbers of customer cust's j-th
// stream of the named purpose in replication rep of a run seeded with
// seed, as docs/model.md documents them: the stream keyed by (purpose,
// customer, j), seeded with SplitMix64 (sim.Key). The tests redraw them to
// say what a formula makes of a customer's numbers.
func keyedFloats(seed uint64, rep int, purpose string, cust sim.Key, j int, n int) []float64 {
	src := rand.NewPCG(0, 0)
	sim.NewStreams(seed, rep).Key(purpose).With(uint64(cust)).With(uint64(j)).Reseed(src)
	rng := rand.New(src)
	out := make([]float64, n)
	for i := range out {
		out[i] = rng.Float64()
	}
	return out
}

// closeTo tells whether got is want to within rel of want's size (or of 1,
// if larger).
func closeTo(got, want, rel float64) bool {
	return math.Abs(got-want) <= rel*math.Max(1, math.Abs(want))
}

// timeTol is how closely a time the run reached by adding a delay to the
// clock (now + delay) matches the delay the test computes: the clock's
// rounding, below 1e-10 s for the few days these tests run, with room.
const timeTol = 1e-6

// answered tells whether a traced contact was answered.
func answered(r ContactRecord) bool { return !math.IsNaN(r.Answered) }

// handledOutcome tells whether an outcome is that of a contact an agent
// handled for a customer still in their journey (not a duplicate).
func handledOutcome(o string) bool {
	return o == OutcomeResolved || o == OutcomeEscalated || o == OutcomeUnresolved
}
