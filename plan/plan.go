package plan

import (
	"math"
	"slices"

	"github.com/omnisim/omnisim/models"
)

// Plan is a staffing plan found by Search, with how it was found and how it
// fares.
type Plan struct {
	// Config is the scenario's world with each pool's headcount replaced by
	// the plan's, one value per interval of the horizon (shifts dropped).
	Config models.Config
	// Agents is the plan: the agents scheduled (before shrinkage) by pool
	// and interval, in the Config's order.
	Agents [][]int
	// Erlang is the starting point: by pool and interval, the agents to
	// schedule by Erlang A at the demand the scenario's own staffing met.
	Erlang [][]int
	// Original is the scenario's own staffing by pool and interval.
	Original [][]int
	// Targets are the channels' targets searched for.
	Targets []Target
	// Iterations says what each simulation of the search found.
	Iterations []Iteration
	// Converged tells that the search ended with every attainable target
	// met and no agent it could take away; false when it stopped at the cap
	// on iterations.
	Converged bool
	// Unmet lists the checks the plan does not meet in the search's own
	// replications: those no staffing up to the cap meets, and, if the
	// search stopped early, those still missed.
	Unmet []Unmet
	// Shifts names the pools the scenario staffed by shifts: the plan gives
	// them a headcount per interval instead.
	Shifts []string
	// Verification is the plan simulated again on fresh replications.
	Verification *Verification
	// Replications is the number of replications each iteration ran.
	Replications int
	// MaxAgents is the cap on a pool's agents in an interval.
	MaxAgents int
}

// Iteration is one simulation of the search.
type Iteration struct {
	// N counts the simulations from 0 (the scenario's own staffing).
	N int
	// Phase is "scenario", "erlang", "isa", "correct" or "trim".
	Phase string
	// Cost and AgentHours are the plan's over the measured window, per
	// replication.
	Cost, AgentHours float64
	// Checked and Missed count the checks judged and missed.
	Checked, Missed int
	// Worst is the check missed by most, if any.
	Worst *Outcome
}

// Unmet is a check the plan does not meet.
type Unmet struct {
	Outcome
	// Pool is the pool raised for it and Agents its agents scheduled in the
	// check's last interval when the figure was measured.
	Pool   int
	Agents int
	// Why is "cap" (at the cap on agents), "flat" (more agents did not
	// improve the figure) or "stopped" (the search ran out of iterations).
	Why string
}

// available returns the agents taking contacts out of n scheduled, as
// models.Pool.AvailableAt rounds them.
func available(n int, shrinkage float64) int {
	return models.Shrunk(n, shrinkage)
}

// scheduledFor returns the fewest agents to schedule so that at least
// avail take contacts after shrinkage.
func scheduledFor(avail int, shrinkage float64) int {
	n := max(avail, 0)
	for available(n, shrinkage) < avail {
		n++
	}
	return n
}

// withAgents returns cfg with each pool's headcount replaced by agents,
// one per interval.
func withAgents(cfg *models.Config, agents [][]int) models.Config {
	out := *cfg
	out.Pools = slices.Clone(cfg.Pools)
	for i := range out.Pools {
		out.Pools[i].Agents = slices.Clone(agents[i])
		out.Pools[i].Shifts = nil
	}
	return out
}

// scheduleOf returns the scenario's own headcount by pool and interval.
func scheduleOf(cfg *models.Config) [][]int {
	n := cfg.Intervals()
	out := make([][]int, len(cfg.Pools))
	for p := range cfg.Pools {
		out[p] = make([]int, n)
		for k := range n {
			out[p][k] = cfg.Pools[p].ScheduledAt(k, cfg.Interval, cfg.Start)
		}
	}
	return out
}

// Costs returns, for each pool, the agent hours scheduled by agents over the
// measured window of cfg, and their cost.
func Costs(cfg *models.Config, agents [][]int) (hours, cost []float64) {
	first := firstMeasured(cfg)
	hours = make([]float64, len(cfg.Pools))
	cost = make([]float64, len(cfg.Pools))
	for p := range cfg.Pools {
		for k := first; k < len(agents[p]); k++ {
			length := math.Min(cfg.Interval, cfg.Horizon-float64(k)*cfg.Interval)
			hours[p] += float64(agents[p][k]) * length / 3600
		}
		cost[p] = hours[p] * cfg.Pools[p].CostPerHour
	}
	return hours, cost
}

// totals returns the cost and agent hours of a plan over every pool.
func totals(cfg *models.Config, agents [][]int) (cost, hours float64) {
	h, c := Costs(cfg, agents)
	for p := range h {
		hours += h[p]
		cost += c[p]
	}
	return cost, hours
}

// cheaper tells whether plan a costs less than plan b, by agent hours when
// the costs are equal (as when no pool has a cost per hour).
func cheaper(cfg *models.Config, a, b [][]int) bool {
	ca, ha := totals(cfg, a)
	cb, hb := totals(cfg, b)
	if ca != cb {
		return ca < cb
	}
	return ha < hb
}

// primaryPools returns, for each channel, the pool that lists it earliest
// among its skills (the first such pool on a tie): the pool raised when the
// channel misses a target. -1 for a channel no pool serves.
func primaryPools(cfg *models.Config) []int {
	out := make([]int, len(cfg.Channels))
	for i, ch := range cfg.Channels {
		out[i] = -1
		best := math.MaxInt
		for p, pool := range cfg.Pools {
			if r := slices.Index(pool.Skills, ch.Name); r >= 0 && r < best {
				out[i], best = p, r
			}
		}
	}
	return out
}

// serves tells whether pool p serves channel i.
func serves(cfg *models.Config, p, i int) bool {
	return slices.Contains(cfg.Pools[p].Skills, cfg.Channels[i].Name)
}

func clone2(a [][]int) [][]int {
	out := make([][]int, len(a))
	for i := range a {
		out[i] = slices.Clone(a[i])
	}
	return out
}

func equal2(a, b [][]int) bool {
	return slices.EqualFunc(a, b, func(x, y []int) bool { return slices.Equal(x, y) })
}
