package output

import (
	"math"
	"sync"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// goldenContacts are the contacts of two small replications, written by
// hand: one of each way of coming about and of ending, a customer who
// switches and escalates, and times that need all nine digits.
func GoldenContacts() [][]models.ContactRecord {
	nan := math.NaN()
	return [][]models.ContactRecord{
		{
			{ID: 2, Customer: 2, Channel: "chat", Issue: "simple", How: models.HowFirst, Outcome: models.OutcomeAbandoned,
				Arrived: 30, Answered: nan, Ended: 95.5, Handle: nan},
			{ID: 1, Customer: 1, Channel: "phone", Issue: "account", How: models.HowFirst, Outcome: models.OutcomeEscalated,
				Arrived: 12.3456789012, Answered: 20, Ended: 200.25, Handle: 180.25, Pool: "front", Agent: 3},
			{ID: 3, Customer: 2, Previous: 2, Channel: "phone", Issue: "simple", How: models.HowRetry, Outcome: models.OutcomeBlocked,
				Arrived: 300, Answered: nan, Ended: 300, Handle: nan},
			{ID: 4, Customer: 1, Previous: 1, Channel: "email", Issue: "account", How: models.HowEscalation, Outcome: models.OutcomeResolved,
				Chased: true, Arrived: 200.25, Answered: 86400.125, Ended: 86880.125, Handle: 480, Pool: "back", Agent: 1},
			{ID: 5, Customer: 3, Channel: "email", Issue: "complex", How: models.HowFirst, Outcome: models.OutcomeUnfinished,
				Arrived: 172799.999, Answered: nan, Ended: 172800, Handle: nan},
		},
		{
			{Replication: 1, ID: 1, Customer: 1, Channel: "chat", Issue: "simple", How: models.HowFirst, Outcome: models.OutcomeResolved,
				Arrived: 1e-7, Answered: 2.0 / 3, Ended: 600, Handle: 599.333333, Pool: "front", Agent: 12},
			{Replication: 1, ID: 2, Customer: 1, Previous: 1, Channel: "phone", Issue: "simple", How: models.HowChase, Outcome: models.OutcomeDuplicate,
				Arrived: 1234567.891, Answered: 1234568, Ended: 1234700, Handle: 132, Pool: "front", Agent: 1},
		},
	}
}

// A tracer traces the contacts of replications, each into a file of its
// own, as the table writer's Contacts does.
type Tracer interface {
	Replication(rep int) (trace func(*models.ContactRecord), done func() error, err error)
	Remove() error
}

// traceAll makes a tracer with newTracer, for the replications reps of a
// run whose output folder will be outDir, writes each replication's
// records through it in parallel, the last replication first, and
// returns it. It is removed when the test ends.
func TraceAll[T Tracer](t *testing.T, newTracer func(outDir string, reps int) (T, error), outDir string, reps [][]models.ContactRecord) T {
	t.Helper()
	c, err := newTracer(outDir, len(reps))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Remove() })
	var wg sync.WaitGroup
	errs := make([]error, len(reps))
	for rep := len(reps) - 1; rep >= 0; rep-- {
		wg.Go(func() {
			trace, done, err := c.Replication(rep)
			if err != nil {
				errs[rep] = err
				return
			}
			for i := range reps[rep] {
				r := reps[rep][i] // RunTraced reuses its record: so do we
				trace(&r)
			}
			errs[rep] = done()
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return c
}
