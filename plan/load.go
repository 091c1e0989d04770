package plan

import (
	"math"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
)

// pointsPerInterval is how many times in each interval the number of
// contacts in the system is read, evenly spread (at the middle of each
// of that many equal parts).
const pointsPerInterval = 30

// run is what one simulation of a plan gives: each replication's result,
// and, when asked for, the number of contacts of each live channel in the
// system (waiting or being handled) at every reading point, by replication,
// channel and point.
type run struct {
	results  []*models.Result
	inSystem [][][]int32
}

// simulate runs replications first..first+reps-1 of cfg on up to workers
// goroutines, reading the contacts in the system when load is set. The
// results do not depend on workers.
func simulate(cfg *models.Config, first, reps, workers int, load bool) (*run, error) {
	r := experiment.Run{Config: cfg, Reps: experiment.Span(first, first+reps), Workers: workers}
	var in *loadTracer
	if load {
		in = &loadTracer{cfg: cfg, first: first, counts: make([][][]int32, reps)}
		r.Trace = in
	}
	results, err := r.Results()
	if err != nil {
		return nil, err
	}
	out := &run{results: results, inSystem: make([][][]int32, reps)}
	if in != nil {
		out.inSystem = in.counts
	}
	return out, nil
}

// loadTracer reads the contacts in the system of each replication of a
// run of cfg from replication first (experiment.Tracer): counts[i] are
// replication first+i's readings. Each replication writes its own slot, so
// the replications running at once need no lock.
type loadTracer struct {
	cfg    *models.Config
	first  int
	counts [][][]int32
}

// Replication starts the readings of replication rep.
func (l *loadTracer) Replication(rep int) (func(*models.ContactRecord), func() error, error) {
	in := newReadings(l.cfg)
	l.counts[rep-l.first] = in.counts
	return in.add, func() error { return nil }, nil
}

// gather runs replications first..first+reps-1 of cfg on up to workers
// goroutines and adds each to p as it ends, in order, keeping none
// (experiment.Run.Gather): what the verification needs, in memory that
// does not grow with its replications.
func gather(cfg *models.Config, first, reps, workers int, p *models.Pooled) error {
	return experiment.Run{Config: cfg, Reps: experiment.Span(first, first+reps), Workers: workers}.Gather(p)
}

// readings counts, for one replication, the contacts of each live channel
// in the system at each reading point of the horizon.
type readings struct {
	cfg    *models.Config
	byName map[string]int
	step   float64
	points int
	counts [][]int32
}

func newReadings(cfg *models.Config) *readings {
	r := &readings{cfg: cfg, byName: map[string]int{}, step: cfg.Interval / pointsPerInterval,
		points: cfg.Intervals() * pointsPerInterval}
	r.counts = make([][]int32, len(cfg.Channels))
	for i, ch := range cfg.Channels {
		if ch.Kind == models.Live {
			r.byName[ch.Name] = i
			r.counts[i] = make([]int32, r.points)
		}
	}
	return r
}

// add counts a contact at every reading point from its arrival until it
// left: answered and handled, abandoned, or still there at the end.
func (r *readings) add(c *models.ContactRecord) {
	i, ok := r.byName[c.Channel]
	if !ok || c.Outcome == models.OutcomeBlocked || !(c.Ended > c.Arrived) {
		return
	}
	// Point j is at (j + ½)·step: the first at or after Arrived, up to the
	// last before Ended.
	from := max(0, int(math.Ceil(c.Arrived/r.step-0.5)))
	to := min(r.points, int(math.Ceil(c.Ended/r.step-0.5)))
	row := r.counts[i]
	for j := from; j < to; j++ {
		row[j]++
	}
}
