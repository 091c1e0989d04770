package models

import (
	"fmt"

	"github.com/omnisim/omnisim/sim"
)

// SweepJob is one replication of one point of a sweep: the unit of work
// that runs on one goroutine. A sweep is the explicit list of its jobs, so
// that any subset of them can be run on its own and the results merged.
type SweepJob struct {
	// Point is the point's index in the sweep, from 0.
	Point int
	// Replication is the replication number, from 0: with the Config's
	// seed, it names the random streams.
	Replication int
}

// SweepJobs lists the jobs of a sweep whose point i runs reps[i]
// replications: point by point, and in replication order within a point.
func SweepJobs(reps []int) []SweepJob {
	var jobs []SweepJob
	for p, n := range reps {
		for r := range n {
			jobs = append(jobs, SweepJob{Point: p, Replication: r})
		}
	}
	return jobs
}

// RunSweep runs jobs on up to workers goroutines (all cores when workers ≤
// 0), job j being replication jobs[j].Replication of cfgs[jobs[j].Point],
// and returns the results in the order of jobs, whatever the number of
// workers. Each result is kept without its interval-by-interval tallies
// (see Result.Totals), so that a sweep's memory grows with its points and
// replications, not with their horizons. The configurations must be
// valid; all are checked before anything runs.
//
// Every point runs with its own Config's seed: when they share one, the
// points see common random numbers, the same customers wherever they
// agree, and their differences are not noise from different seeds.
func RunSweep(cfgs []*Config, jobs []SweepJob, workers int) ([]*Result, error) {
	return RunSweepProgress(cfgs, jobs, workers, nil)
}

// RunSweepProgress is RunSweep calling done, when it is not nil, as each
// job ends (from the goroutine that ran it).
func RunSweepProgress(cfgs []*Config, jobs []SweepJob, workers int, done func()) ([]*Result, error) {
	for i, c := range cfgs {
		full := *c
		full.SetDefaults()
		if err := full.Validate(); err != nil {
			return nil, fmt.Errorf("models: point %d: %w", i+1, err)
		}
	}
	for _, j := range jobs {
		if j.Point < 0 || j.Point >= len(cfgs) || j.Replication < 0 {
			return nil, fmt.Errorf("models: sweep job %+v is out of range (%d points)", j, len(cfgs))
		}
	}
	return sim.Replicate(len(jobs), workers, func(i int) (*Result, error) {
		if done != nil {
			defer done()
		}
		j := jobs[i]
		r, err := Run(cfgs[j.Point], j.Replication)
		if err != nil {
			return nil, fmt.Errorf("models: point %d, replication %d: %w", j.Point+1, j.Replication, err)
		}
		return r.Totals(), nil
	})
}

// ByPoint groups the results of a sweep's jobs by point: out[p] holds the
// results of point p's jobs in the order of jobs (by replication, for
// SweepJobs' order). points is the number of points.
func ByPoint(points int, jobs []SweepJob, results []*Result) [][]*Result {
	out := make([][]*Result, points)
	for i, j := range jobs {
		if i < len(results) && j.Point >= 0 && j.Point < points {
			out[j.Point] = append(out[j.Point], results[i])
		}
	}
	return out
}

// Totals returns a copy of r with its totals over the measured window only:
// without the tallies of each interval, the headcount scheduled in each,
// the expectation level at each interval's end and the flows between
// channels. Summarize and Compare need no more.
func (r *Result) Totals() *Result {
	t := *r
	t.Expectation, t.Flows = nil, nil
	t.Channels = make([]ChannelResult, len(r.Channels))
	for i, c := range r.Channels {
		t.Channels[i] = ChannelResult{Name: c.Name, Kind: c.Kind, Total: c.Total}
	}
	t.Pools = make([]PoolResult, len(r.Pools))
	for i, p := range r.Pools {
		t.Pools[i] = PoolResult{Name: p.Name, Total: p.Total}
	}
	t.Customers = CustomerResult{Total: r.Customers.Total}
	return &t
}
