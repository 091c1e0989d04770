package plan

import (
	"math"
	"slices"

	"github.com/omnisim/omnisim/models"
)

// fallbackDelay is the chance of waiting an interval is staffed for when
// Erlang A finds no staffing that meets the channel's targets at its load
// (a target that cannot be met): a low one, so that the correction phase
// starts from a generous level.
const fallbackDelay = 0.05

// need is what Erlang A says one channel needs in one interval.
type need struct {
	// agents is the fewest agents meeting the channel's targets at the
	// interval's measured demand (for a deferred channel, its workload),
	// in agents of the channel's pools (a chat agent holds several
	// contacts).
	agents float64
	// delay is the chance of waiting at that staffing: the target of the
	// iterative staffing algorithm in this interval.
	delay float64
	// offered is the contacts offered in the interval, per replication.
	offered float64
}

// needs returns what Erlang A says each channel needs in each interval, at
// the demand and handle time measured in results: the offered rate and
// mean agent time per contact of the interval, handling and after-call
// work (with nothing answered in it, the channel's mean over its issues,
// Config.MeanWork), the channel's mean
// patience, its service-level target (DefaultServiceLevel if it has none),
// abandonment and occupancy caps. Deferred channels need their workload.
func needs(cfg *models.Config, results []*models.Result) [][]need {
	n := cfg.Intervals()
	out := make([][]need, len(cfg.Channels))
	reps := float64(len(results))
	for i, ch := range cfg.Channels {
		out[i] = make([]need, n)
		if ch.Kind == models.SelfService {
			continue
		}
		for k := range n {
			var c models.Counts
			for _, r := range results {
				c.Add(r.Channels[i].Intervals[k])
			}
			length := math.Min(cfg.Interval, cfg.Horizon-float64(k)*cfg.Interval)
			offered := float64(c.Offered) / reps
			out[i][k] = need{offered: offered, delay: fallbackDelay}
			if offered == 0 || !(length > 0) {
				continue
			}
			aht := cfg.MeanWork(i)
			if c.Answered > 0 {
				aht = c.WorkTime() / float64(c.Answered)
			}
			nd, err := ch.NeedIn(offered, aht, length)
			switch {
			case ch.Kind == models.Deferred:
				out[i][k].agents = nd.Agents
			case err != nil:
				// No staffing meets the targets by the formula: staff for a
				// low chance of waiting and let the simulation judge.
				load := offered / length * aht
				out[i][k].agents = math.Ceil(load+3*math.Sqrt(load)) / float64(ch.Concurrency)
			default:
				out[i][k].agents, out[i][k].delay = nd.Agents, nd.PWait
			}
		}
	}
	return out
}

// erlangPlan is the starting point: in each interval, each pool gets the
// Erlang A needs of the channels it is the primary pool of, added up, as
// agents ready for contacts, so as many more at work as their
// availability asks (atWork), and scheduled after shrinkage, within the
// cap.
func (s *searcher) erlangPlan(nd [][]need) [][]int {
	cfg := s.cfg
	out := make([][]int, len(cfg.Pools))
	for p := range cfg.Pools {
		out[p] = make([]int, s.intervals)
		for k := range s.intervals {
			sum := 0.0
			for i := range cfg.Channels {
				if s.primary[i] == p {
					sum += nd[i][k].agents
				}
			}
			out[p][k] = s.cap(scheduledFor(atWork(sum, cfg.Pools[p].AvailabilityAt(k)), cfg.Pools[p].Shrinkage))
		}
	}
	return out
}

// isaPlan is one step of the iterative staffing algorithm (Feldman,
// Mandelbaum, Massey and Whitt 2008): with L the number of contacts in the
// system, waiting or handled, of the live channels a pool is the primary
// pool of (a chat counting 1/concurrency), as the simulation of the current
// plan read it at every reading point of the interval in every
// replication, the pool is given the fewest agents s with P(L ≥ s) ≤ α,
// where α is the chance of waiting Erlang A associates with the channels'
// targets at the interval's demand (the smallest over the pool's
// channels). An arrival waits exactly when L ≥ s, so at the algorithm's
// fixed point the chance of waiting is α in every interval, whatever the
// lag after a peak. Deferred channels add their workload. Agents who are
// away part of their time (models.Pool.Availability) count as ready for
// that share of it: s ready takes s ÷ availability at work.
func (s *searcher) isaPlan(r *run, nd [][]need) [][]int {
	cfg := s.cfg
	out := make([][]int, len(cfg.Pools))
	samples := make([]float64, 0, len(r.results)*pointsPerInterval)
	for p := range cfg.Pools {
		out[p] = make([]int, s.intervals)
		for k := range s.intervals {
			alpha, live, work := 1.0, false, 0.0
			for i, ch := range cfg.Channels {
				if s.primary[i] != p {
					continue
				}
				if ch.Kind == models.Deferred {
					work += nd[i][k].agents
					continue
				}
				live = true
				if nd[i][k].offered > 0 {
					alpha = math.Min(alpha, nd[i][k].delay)
				}
			}
			agents := 0
			if live {
				samples = samples[:0]
				for rep := range r.inSystem {
					for j := k * pointsPerInterval; j < (k+1)*pointsPerInterval; j++ {
						l := 0.0
						for i, ch := range cfg.Channels {
							if s.primary[i] == p && ch.Kind == models.Live {
								l += float64(r.inSystem[rep][i][j]) / float64(ch.Concurrency)
							}
						}
						samples = append(samples, l)
					}
				}
				agents = quantileStaff(samples, alpha)
			}
			agents += int(math.Ceil(work - 1e-9))
			out[p][k] = s.cap(scheduledFor(atWork(float64(agents), cfg.Pools[p].AvailabilityAt(k)), cfg.Pools[p].Shrinkage))
		}
	}
	return out
}

// quantileStaff returns the fewest agents s with P(L ≥ s) ≤ alpha over the
// readings of L, and 0 when L was never above 0.
func quantileStaff(samples []float64, alpha float64) int {
	if len(samples) == 0 || slices.Max(samples) == 0 {
		return 0
	}
	slices.Sort(samples)
	allowed := int(math.Floor(alpha * float64(len(samples)))) // readings that may be ≥ s
	if allowed >= len(samples) {
		return 0
	}
	// s must exceed the reading below the top `allowed`.
	return int(math.Floor(samples[len(samples)-allowed-1])) + 1
}

// atWork returns the agents to have at work for ready agents on average
// when each is ready for the share avail of their time
// (models.Pool.Availability).
func atWork(ready, avail float64) int {
	return int(math.Ceil(ready/avail - 1e-9))
}
