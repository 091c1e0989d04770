package experiment

import (
	"bytes"
	"encoding/gob"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// TestSpan checks Span against its rule: from, from+1, …, to−1, and
// nothing when to ≤ from.
//
// Seen to catch: i < to made i <= to (one too many); max(0, to−from)
// made to−from (a panic on a negative capacity for Span(5, 2)). Left
// alive: to−from made to+from in the capacity, which changes no element.
func TestSpan(t *testing.T) {
	for _, tt := range []struct {
		from, to int
		want     []int
	}{
		{0, 3, []int{0, 1, 2}},
		{5, 8, []int{5, 6, 7}},
		{4, 4, []int{}},
		{5, 2, []int{}},
	} {
		if got := Span(tt.from, tt.to); !slices.Equal(got, tt.want) || got == nil {
			t.Errorf("Span(%d, %d) = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}

// gobOf encodes v, to compare results exactly, NaN included.
func gobOf(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestRunResults checks the promises of Run: result i is replication
// Reps[i] (any numbers, in any order), each exactly what models.Run gives
// for that number alone, whatever the number of workers; Stream hands the
// same results on in the order of Reps; Gather pools them as
// models.Pooled.Take would one by one; Progress is called once a
// replication.
//
// Seen to catch: Reps[i] replaced by i (replication i run instead);
// Progress left out.
func TestRunResults(t *testing.T) {
	cfg := queue(2, 14)
	reps := []int{4, 0, 2, 7}
	var want []*models.Result
	for _, rep := range reps {
		r, err := models.Run(cfg, rep)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, r)
	}
	for _, workers := range []int{1, 3} {
		var ended atomic.Int64
		run := Run{Config: cfg, Reps: reps, Workers: workers, Progress: func() { ended.Add(1) }}
		got, err := run.Results()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(gobOf(t, got), gobOf(t, want)) {
			t.Errorf("%d workers: the results differ from models.Run's, replication by replication", workers)
		}
		if n := ended.Load(); n != int64(len(reps)) {
			t.Errorf("%d workers: Progress called %d times, want %d", workers, n, len(reps))
		}

		var order []int
		var streamed []*models.Result
		err = run.Stream(func(i int, r *models.Result) error {
			order = append(order, i)
			streamed = append(streamed, r)
			return nil
		})
		if err != nil || !slices.Equal(order, []int{0, 1, 2, 3}) || !bytes.Equal(gobOf(t, streamed), gobOf(t, want)) {
			t.Errorf("%d workers: Stream handed on %v (%v), want 0 to 3 with models.Run's results", workers, order, err)
		}

		pooled, taken := models.NewPooled(cfg), models.NewPooled(cfg)
		if err := run.Gather(pooled); err != nil {
			t.Fatal(err)
		}
		for _, rep := range reps {
			r, err := models.Run(cfg, rep) // Take keeps r: a copy of want's
			if err != nil {
				t.Fatal(err)
			}
			taken.Take(r)
		}
		if !bytes.Equal(gobOf(t, pooled), gobOf(t, taken)) {
			t.Errorf("%d workers: Gather pooled otherwise than Take, one by one", workers)
		}
	}
}

// TestRunStops checks that a run stops with the error it meets: an
// invalid Config before any replication starts, a take that refuses, a
// tracer that cannot start a replication or finish one.
//
// Seen to catch: the Config's check left out (each replication fails
// alone, after Progress has been called); done's error dropped.
func TestRunStops(t *testing.T) {
	bad := queue(2, 14)
	bad.Pools[0].Agents = []int{-1}
	started := false
	_, err := Run{Config: bad, Reps: Span(0, 3), Progress: func() { started = true }, Trace: &recorder{}}.Results()
	if err == nil || started {
		t.Errorf("an invalid Config: error %v, replications started %v; want an error and none", err, started)
	}

	refused := errors.New("refused")
	seen := 0
	err = Run{Config: queue(1, 14), Reps: Span(0, 5), Workers: 1}.Stream(func(i int, _ *models.Result) error {
		seen++
		if i == 1 {
			return refused
		}
		return nil
	})
	if !errors.Is(err, refused) || seen != 2 {
		t.Errorf("take refusing the second: %v after %d, want %v after 2", err, seen, refused)
	}

	for _, tr := range []*recorder{{failStart: refused}, {failDone: refused}} {
		if _, err := (Run{Config: queue(1, 14), Reps: Span(0, 2), Trace: tr}).Results(); !errors.Is(err, refused) {
			t.Errorf("a tracer failing (%+v): %v, want %v", tr, err, refused)
		}
	}
}

// recorder is a Tracer that counts each replication's contacts and the
// calls to done, and fails when told to.
type recorder struct {
	failStart, failDone error
	mu                  sync.Mutex
	contacts            map[int]int64
	wrong               int // contacts traced under another replication's number
	done                map[int]int
}

func (r *recorder) Replication(rep int) (func(*models.ContactRecord), func() error, error) {
	if r.failStart != nil {
		return nil, nil, r.failStart
	}
	trace := func(c *models.ContactRecord) {
		r.mu.Lock()
		defer r.mu.Unlock()
		if r.contacts == nil {
			r.contacts = map[int]int64{}
		}
		r.contacts[rep]++
		if c.Replication != rep {
			r.wrong++
		}
	}
	done := func() error {
		r.mu.Lock()
		defer r.mu.Unlock()
		if r.done == nil {
			r.done = map[int]int{}
		}
		r.done[rep]++
		return r.failDone
	}
	return trace, done, nil
}

// TestRunTrace checks that a Tracer sees every contact of every
// replication, under its own replication, and that each replication's
// done is called once: with no warm-up the contacts offered in the
// measured window are all the contacts of the run (models.RunTraced traces
// those still waiting at the end too).
//
// Seen to catch: the tracer handed the index in Reps instead of the
// replication's number; done not called; the contacts not traced
// (models.Run used instead of models.RunTraced).
func TestRunTrace(t *testing.T) {
	rec := &recorder{}
	reps := []int{3, 5}
	results, err := Run{Config: queue(2, 14), Reps: reps, Workers: 2, Trace: rec}.Results()
	if err != nil {
		t.Fatal(err)
	}
	for i, rep := range reps {
		var offered int64
		for _, c := range results[i].Channels {
			offered += c.Total.Offered
		}
		if got := rec.contacts[rep]; got != offered || offered == 0 {
			t.Errorf("replication %d: %d contacts traced, want the %d offered", rep, got, offered)
		}
		if rec.done[rep] != 1 {
			t.Errorf("replication %d: done called %d times, want once", rep, rec.done[rep])
		}
	}
	if rec.wrong > 0 {
		t.Errorf("%d contacts traced under another replication", rec.wrong)
	}
}
