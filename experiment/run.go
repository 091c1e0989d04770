package experiment

import (
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/sim"
)

// Run is the replications of one world to run: replication Reps[i] of
// Config for each i, on up to Workers goroutines at once (all cores when
// Workers ≤ 0). The results come in the order of Reps, the same whatever
// the number of workers: each replication's random streams are keyed by
// the Config's seed and its number.
type Run struct {
	// Config is the world; fields left at their zero value take their
	// defaults (models.Config.SetDefaults).
	Config *models.Config
	// Reps are the numbers of the replications to run (Span(0, n) for
	// the first n).
	Reps []int
	// Workers is how many replications run at once; ≤ 0 is every core.
	Workers int
	// Progress, when not nil, is called as each replication ends, from
	// the goroutine that ran it.
	Progress func()
	// Trace, when not nil, is handed every contact of every replication.
	Trace Tracer
}

// Tracer takes the contacts of a run's replications: output/table's
// Contacts writes them to contacts.csv; plan counts the contacts in the
// system.
type Tracer interface {
	// Replication is called before replication rep runs, from the
	// goroutine that will run it. trace is then handed each contact as it
	// ends, and done is called once the replication has ended, whether it
	// failed or not.
	Replication(rep int) (trace func(*models.ContactRecord), done func() error, err error)
}

// Span returns the replication numbers from, from+1, …, to−1: none when
// to ≤ from.
func Span(from, to int) []int {
	s := make([]int, 0, max(0, to-from))
	for i := from; i < to; i++ {
		s = append(s, i)
	}
	return s
}

// Results runs the replications and returns every result, in the order
// of Reps. An invalid Config is refused before anything runs; if a
// replication fails, Results returns the error of the first in order
// that did.
func (r Run) Results() ([]*models.Result, error) {
	one, err := r.one()
	if err != nil {
		return nil, err
	}
	return sim.Replicate(len(r.Reps), r.Workers, one)
}

// Stream runs the replications and hands each result to take, on the
// calling goroutine, in the order of Reps, with its index in Reps, as
// soon as it and every one before it have ended. It keeps none: memory
// holds a few replications at a time (sim.Stream), however many run. It
// stops at the first replication, in order, that fails or that take
// refuses, and returns that error.
func (r Run) Stream(take func(i int, res *models.Result) error) error {
	one, err := r.one()
	if err != nil {
		return err
	}
	return sim.Stream(len(r.Reps), r.Workers, one, take)
}

// Gather runs the replications as Stream does and adds each to p
// (models.Pooled.Take) in the order of Reps, keeping none: memory holds
// the batches of p.
func (r Run) Gather(p *models.Pooled) error {
	return r.Stream(func(_ int, res *models.Result) error {
		p.Take(res)
		return nil
	})
}

// one checks the Config and returns the function that runs the i-th of
// the replications Reps: the one place a replication is started.
func (r Run) one() (func(i int) (*models.Result, error), error) {
	full := *r.Config
	full.SetDefaults()
	if err := full.Validate(); err != nil {
		return nil, err
	}
	return func(i int) (*models.Result, error) {
		if r.Progress != nil {
			defer r.Progress()
		}
		rep := r.Reps[i]
		if r.Trace == nil {
			return models.Run(&full, rep)
		}
		trace, done, err := r.Trace.Replication(rep)
		if err != nil {
			return nil, err
		}
		res, err := models.RunTraced(&full, rep, trace)
		if derr := done(); err == nil {
			err = derr
		}
		return res, err
	}, nil
}
