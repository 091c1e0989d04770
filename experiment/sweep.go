package experiment

import (
	"fmt"

	"github.com/omnisim/omnisim/models"
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

// Sweep is the jobs of a sweep to run: job j is replication
// Jobs[j].Replication of Configs[Jobs[j].Point], on up to Workers
// goroutines at once (all cores when Workers ≤ 0).
//
// Every point runs with its own Config's seed: when they share one, the
// points see common random numbers, the same customers wherever they
// agree, and their differences are not noise from different seeds.
type Sweep struct {
	// Configs are the points' worlds.
	Configs []*models.Config
	// Jobs are the jobs to run (SweepJobs, or a shard's share of them).
	Jobs []SweepJob
	// Workers is how many jobs run at once; ≤ 0 is every core.
	Workers int
	// Progress, when not nil, is called as each job ends, from the
	// goroutine that ran it.
	Progress func()
}

// Results runs the jobs and returns their results in the order of Jobs,
// whatever the number of workers. Each result is kept without its
// interval-by-interval tallies (models.Result.Totals), so that a sweep's
// memory grows with its points and replications, not with their horizons.
// The configurations must be valid, and the jobs of points in range: all
// are checked before anything runs.
func (s Sweep) Results() ([]*models.Result, error) {
	for i, c := range s.Configs {
		full := *c
		full.SetDefaults()
		if err := full.Validate(); err != nil {
			return nil, fmt.Errorf("experiment: point %d: %w", i+1, err)
		}
	}
	for _, j := range s.Jobs {
		if j.Point < 0 || j.Point >= len(s.Configs) || j.Replication < 0 {
			return nil, fmt.Errorf("experiment: sweep job %+v is out of range (%d points)", j, len(s.Configs))
		}
	}
	return sim.Replicate(len(s.Jobs), s.Workers, func(i int) (*models.Result, error) {
		if s.Progress != nil {
			defer s.Progress()
		}
		j := s.Jobs[i]
		r, err := models.Run(s.Configs[j.Point], j.Replication)
		if err != nil {
			return nil, fmt.Errorf("experiment: point %d, replication %d: %w", j.Point+1, j.Replication, err)
		}
		return r.Totals(), nil
	})
}

// ByPoint groups the results of a sweep's jobs by point: out[p] holds the
// results of point p's jobs in the order of jobs (by replication, for
// SweepJobs' order). points is the number of points.
func ByPoint(points int, jobs []SweepJob, results []*models.Result) [][]*models.Result {
	out := make([][]*models.Result, points)
	for i, j := range jobs {
		if i < len(results) && j.Point >= 0 && j.Point < points {
			out[j.Point] = append(out[j.Point], results[i])
		}
	}
	return out
}
