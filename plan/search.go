package plan

import (
	"errors"
	"maps"
	"math"
	"slices"

	"github.com/omnisim/omnisim/models"
)

// Options set how Search works.
type Options struct {
	// Replications is the number of replications each iteration runs
	// (replications 0 to Replications−1, the same in every iteration:
	// common random numbers, so that a change of staffing is judged on the
	// same customers). The verification runs as many fresh ones.
	Replications int
	// Workers is the number of replications run at once; ≤ 0 for all cores.
	// The plan does not depend on it.
	Workers int
	// MaxAgents caps the agents a pool schedules in an interval.
	MaxAgents int
	// MaxIterations caps the simulations of the search, the scenario's own
	// staffing and the verification not included.
	MaxIterations int
	// MaxISA caps the iterations of the iterative staffing algorithm within
	// MaxIterations; 0 for DefaultMaxISA (at most a third of them).
	MaxISA int
	// Precision is the half-width (a share: 0.02 for 2 points) at which
	// the verification decides a check whose confidence interval reaches
	// its target; 0 for DefaultPrecision.
	Precision float64
	// MaxVerifyReplications caps the fresh replications of the
	// verification; 0 for DefaultMaxVerifyReplications.
	MaxVerifyReplications int
	// Progress, if set, hears of each iteration as it ends.
	Progress func(Iteration)
	// VerifyProgress, if set, hears of each round of the verification.
	VerifyProgress func(VerifyRound)
}

// Defaults for Options left at zero.
const (
	DefaultMaxAgents     = 1000
	DefaultMaxIterations = 60
	DefaultMaxISA        = 8
)

// withDefaults returns o with the options left at zero set to their
// defaults.
func (o Options) withDefaults() Options {
	if o.MaxAgents <= 0 {
		o.MaxAgents = DefaultMaxAgents
	}
	if o.MaxIterations <= 0 {
		o.MaxIterations = DefaultMaxIterations
	}
	if o.Precision <= 0 {
		o.Precision = DefaultPrecision
	}
	if o.MaxVerifyReplications <= 0 {
		o.MaxVerifyReplications = DefaultMaxVerifyReplications
	}
	if o.MaxISA <= 0 {
		o.MaxISA = max(1, min(DefaultMaxISA, o.MaxIterations/3))
	}
	return o
}

// searcher holds the state of one search.
type searcher struct {
	cfg       *models.Config
	opt       Options
	intervals int
	primary   []int
	checks    []Check
	iter      int
	plan      *Plan
	last      []*models.Result // the last simulation's replications, or their batches
	lastReps  int              // the replications last holds
	flat      map[int]bool     // the checks found unattainable
}

// cap bounds a headcount by the cap on agents.
func (s *searcher) cap(n int) int { return min(n, s.opt.MaxAgents) }

// Search finds the fewest agents per pool and interval with which every
// channel of cfg meets its targets in simulation; see the package comment
// for the method. It fails only on a Config that cannot run; targets that
// cannot be met are reported in Plan.Unmet.
func Search(cfg *models.Config, opt Options) (*Plan, error) {
	full := *cfg
	full.SetDefaults()
	if err := full.Validate(); err != nil {
		return nil, err
	}
	if opt.Replications < 1 {
		return nil, errors.New("plan: need at least 1 replication")
	}
	opt = opt.withDefaults()
	s := &searcher{cfg: &full, opt: opt, intervals: full.Intervals(), primary: primaryPools(&full)}
	targets := Targets(&full)
	s.checks = checks(&full, targets)
	s.plan = &Plan{Targets: targets, Original: scheduleOf(&full), Replications: opt.Replications, MaxAgents: opt.MaxAgents}
	for _, p := range full.Pools {
		if len(p.Shifts) > 0 {
			s.plan.Shifts = append(s.plan.Shifts, p.Name)
		}
	}
	agents, err := s.search()
	if err != nil {
		return nil, err
	}
	v, agents, err := s.verify(agents, s.flat)
	if err != nil {
		return nil, err
	}
	s.plan.Agents = agents
	s.plan.Config = withAgents(cfg, agents)
	s.plan.Verification = v
	return s.plan, nil
}

// measure simulates a plan with the search's replications and records the
// iteration.
func (s *searcher) measure(agents [][]int, phase string, load bool) (*run, []Outcome, error) {
	cfg := withAgents(s.cfg, agents)
	r, err := simulate(&cfg, 0, s.opt.Replications, s.opt.Workers, load)
	if err != nil {
		return nil, nil, err
	}
	s.last, s.lastReps = r.results, len(r.results)
	outs := evaluate(s.checks, r.results)
	it := Iteration{N: s.iter, Phase: phase, Checked: len(outs)}
	it.Cost, it.AgentHours = totals(s.cfg, agents)
	if m := misses(outs); len(m) > 0 {
		it.Missed, it.Worst = len(m), &m[0]
	}
	s.iter++
	s.plan.Iterations = append(s.plan.Iterations, it)
	if s.opt.Progress != nil {
		s.opt.Progress(it)
	}
	return r, outs, nil
}

// search runs the three phases and returns the plan.
func (s *searcher) search() ([][]int, error) {
	// The scenario's own staffing shows the demand to start from.
	r, _, err := s.measure(s.plan.Original, "scenario", false)
	if err != nil {
		return nil, err
	}
	s.iter = 1
	nd := needs(s.cfg, r.results)
	agents := s.erlangPlan(nd)
	s.plan.Erlang = clone2(agents)

	// The iterative staffing algorithm, until the plan repeats (no change,
	// or a cycle).
	seen := [][][]int{clone2(agents)}
	phase := "erlang"
	budget := s.opt.MaxIterations
	for i := 0; i < s.opt.MaxISA && budget > 1; i++ {
		r, _, err := s.measure(agents, phase, true)
		if err != nil {
			return nil, err
		}
		budget--
		phase = "isa"
		// Demand depends on staffing (retries, switching, word of mouth):
		// read it again from this simulation.
		nd = needs(s.cfg, r.results)
		next := s.isaPlan(r, nd)
		change := maxChange(agents, next)
		agents = next
		// Feldman et al. stop when no interval moves by more than one
		// agent; a plan seen before is a cycle that simulation noise
		// keeps going.
		if change <= 1 || slices.ContainsFunc(seen, func(a [][]int) bool { return equal2(a, next) }) {
			break
		}
		seen = append(seen, clone2(next))
	}
	return s.correct(agents, budget)
}

// spreadOut returns every spread-th item from the round-th, advancing
// round, so that successive passes try different ones.
func spreadOut(items []item, spread int, round *int) []item {
	var out []item
	if len(items) == 0 {
		return nil
	}
	spread = min(spread, len(items))
	for i := *round % spread; i < len(items); i += spread {
		out = append(out, items[i])
	}
	*round++
	return out
}

// maxChange returns the largest change of headcount between two plans.
func maxChange(a, b [][]int) int {
	m := 0
	for p := range a {
		for k := range a[p] {
			m = max(m, a[p][k]-b[p][k], b[p][k]-a[p][k])
		}
	}
	return m
}

// item is one pool in one interval.
type item struct{ pool, k int }

// correct is the correction phase: simulate; raise where a target is
// missed; once every target that can be met is, take an agent away
// wherever every target around stays met, and put back those whose removal
// missed one; stop when nothing can be taken away. It returns the cheapest
// plan that met every attainable target, or the last one if none did.
func (s *searcher) correct(agents [][]int, budget int) ([][]int, error) {
	c := &correction{s: s, agents: agents, locked: map[item]bool{}, raises: map[item]int{}, flat: map[int]bool{},
		before: map[int][][]int{}, last: map[int]float64{}, stuck: map[int]int{}, prev: map[item]int{},
		flatBefore: map[int]float64{}, spread: 1}
	s.flat = c.flat
	for ; budget > 0; budget-- {
		phase := "correct"
		if len(c.lowered) > 0 {
			phase = "trim"
		}
		var err error
		if _, c.outs, err = s.measure(c.agents, phase, false); err != nil {
			return nil, err
		}
		c.measured = clone2(c.agents)
		miss := s.attainableMisses(c.outs, c.flat)
		if len(c.lowered) > 0 {
			var backed bool
			if miss, backed = c.putBack(miss); backed {
				continue
			}
		}
		if len(miss) == 0 {
			if !c.trim() {
				s.plan.Converged = true
				break
			}
			continue
		}
		c.raise(miss)
	}
	if c.best == nil {
		// The checks still missed, with the agents they were measured
		// with (the last plan has been raised since).
		c.best = c.agents
		for _, m := range s.attainableMisses(c.outs, c.flat) {
			p := s.primary[m.Channel]
			s.plan.Unmet = append(s.plan.Unmet, Unmet{Outcome: m, Pool: p, Agents: c.measured[p][m.To-1], Why: "stopped"})
		}
	}
	return c.best, nil
}

// correction is the state of the correction phase (correct).
type correction struct {
	s      *searcher
	agents [][]int // the plan being corrected
	locked map[item]bool
	raises map[item]int
	flat   map[int]bool    // checks found unattainable
	before map[int][][]int // each check's plan before its first raise
	last   map[int]float64 // each check's figure at its last raise
	stuck  map[int]int     // raises of a check that did not improve it
	// lowered are the last pass's trims, prev their headcounts before,
	// flatBefore the unattainable checks' figures before them.
	lowered    []item
	prev       map[item]int
	flatBefore map[int]float64
	// Try every spread-th trim at once, from round.
	spread, round int
	best          [][]int   // the cheapest plan that met every attainable target
	outs          []Outcome // the last measurement's outcomes,
	measured      [][]int   // of this plan
}

// putBack undoes, after a pass of trims, those that missed a target, and
// locks them; it returns the misses, with the unattainable checks a trim
// left worse, and whether any trim was put back.
func (c *correction) putBack(miss []Outcome) ([]Outcome, bool) {
	// An unattainable check keeps what brings it nearest its target: a
	// trim that leaves it worse goes back too. (One no agent helps, a
	// closed channel's, is no worse for a trim.)
	for _, ci := range slices.Sorted(maps.Keys(c.flatBefore)) {
		if o := c.outs[ci]; worse(o.Target, o.Value, c.flatBefore[ci]) {
			miss = append(miss, o)
		}
	}
	// Put back the trims that missed a target, and keep them; after a
	// knock-on effect further away, try half as many trims at once,
	// spread out, the next times.
	back, undone := putBack(c.s.cfg, c.lowered, miss)
	if undone {
		c.spread = min(2*c.spread, 1<<20)
	}
	for it, keep := range back {
		c.agents[it.pool][it.k] = c.prev[it]
		if keep {
			c.locked[it] = true
		}
	}
	c.lowered = nil
	return miss, len(back) > 0
}

// trim keeps the plan, every attainable target met, if it is the cheapest
// yet, and takes agents away where it may; false when there is nowhere.
func (c *correction) trim() bool {
	s := c.s
	if c.best == nil || cheaper(s.cfg, c.agents, c.best) {
		c.best = clone2(c.agents)
	}
	c.lowered = s.trims(c.agents, c.outs, c.flat, c.locked)
	if c.spread > 1 {
		c.lowered = spreadOut(c.lowered, c.spread, &c.round)
	}
	if len(c.lowered) == 0 {
		return false
	}
	clear(c.prev)
	clear(c.flatBefore)
	for ci := range c.flat {
		c.flatBefore[ci] = c.outs[ci].Value
	}
	for _, it := range c.lowered {
		c.prev[it] = c.agents[it.pool][it.k]
		c.agents[it.pool][it.k] = s.lowered(it.pool, c.agents[it.pool][it.k])
	}
	return true
}

// raise raises the agents where a target was missed, or finds the check
// unattainable (at the cap, or no better for two raises), reports it and
// puts its pool back as it was before the search raised it for it.
func (c *correction) raise(miss []Outcome) {
	s := c.s
	for _, m := range miss {
		ci := s.checkIndex(m.Check)
		p := s.primary[m.Channel]
		if _, ok := c.before[ci]; !ok {
			c.before[ci] = clone2(c.agents)
		} else if !improved(m, c.last[ci]) {
			c.stuck[ci]++
		}
		c.last[ci] = m.Value
		items := s.raiseItems(m, c.agents, c.outs)
		// At the cap when measured: an earlier miss of this pass may have
		// raised the same items since.
		atCap := s.allAtCap(items, c.measured)
		if atCap || c.stuck[ci] >= 2 {
			why := "cap"
			if !atCap {
				why = "flat"
			}
			c.flat[ci] = true
			s.plan.Unmet = append(s.plan.Unmet, Unmet{Outcome: m, Pool: p, Agents: c.measured[p][m.To-1], Why: why})
			for _, it := range items {
				c.agents[it.pool][it.k] = min(c.agents[it.pool][it.k], c.before[ci][it.pool][it.k])
			}
			continue
		}
		for _, it := range items {
			step := 1 << min(c.raises[it], 10)
			c.raises[it]++
			c.locked[it] = true
			c.agents[it.pool][it.k] = s.raised(it.pool, c.agents[it.pool][it.k], step)
		}
	}
}

// allAtCap tells whether every item had the most agents a pool may have
// in the headcount given (the one a check was measured with).
func (s *searcher) allAtCap(items []item, agents [][]int) bool {
	for _, it := range items {
		if agents[it.pool][it.k] < s.opt.MaxAgents {
			return false
		}
	}
	return true
}

// putBack returns the trims of a pass to put back after the plan missed
// the checks miss, each with whether to keep it (never take it away
// again): a trim that bears on a missed check goes back and is kept; a
// miss that no trim bears on (a knock-on effect further away) puts the
// whole pass back, keeping only a lone trim, and undone says so.
func putBack(cfg *models.Config, lowered []item, miss []Outcome) (back map[item]bool, undone bool) {
	back = map[item]bool{}
	for _, m := range miss {
		found := false
		for _, it := range lowered {
			if bearsOn(cfg, it, m.Check) {
				back[it], found = true, true
			}
		}
		if !found && !undone {
			for _, it := range lowered {
				back[it] = back[it] || len(lowered) == 1
			}
			undone = true
		}
	}
	return back, undone
}

// bearsOn tells whether the agents of pool it.pool in interval it.k bear on
// check c: the pool serves c's channel, and the interval is in c's span or
// the one just before it, whose queue spills into the span.
func bearsOn(cfg *models.Config, it item, c Check) bool {
	return serves(cfg, it.pool, c.Channel) && it.k >= c.From-1 && it.k < c.To
}

// improved tells whether a check's figure moved towards its target since
// the last raise.
func improved(o Outcome, previous float64) bool {
	const eps = 1e-9
	if math.IsNaN(previous) || math.IsNaN(o.Value) {
		return true
	}
	if o.Kind == ServiceLevel {
		return o.Value > previous+eps
	}
	return o.Value < previous-eps
}

// attainableMisses returns the missed checks not already found
// unattainable, worst first.
func (s *searcher) attainableMisses(outs []Outcome, flat map[int]bool) []Outcome {
	var keep []Outcome
	for i, o := range outs {
		if !flat[i] {
			keep = append(keep, o)
		}
	}
	return misses(keep)
}

func (s *searcher) checkIndex(c Check) int {
	return slices.IndexFunc(s.checks, func(x Check) bool { return x == c })
}

// raiseItems returns what to raise for a missed check, in its channel's
// primary pool: for a live channel the interval, and the interval before
// when a queue was left over from it (the lag after a peak); for a
// deferred channel's day, every interval of the day with contacts offered
// or agents at work.
func (s *searcher) raiseItems(m Outcome, agents [][]int, outs []Outcome) []item {
	p := s.primary[m.Channel]
	if p < 0 {
		return nil
	}
	if m.To-m.From > 1 {
		var items []item
		for k := m.From; k < m.To; k++ {
			if agents[p][k] > 0 || s.offered(m.Channel, k) > 0 {
				items = append(items, item{p, k})
			}
		}
		if len(items) == 0 {
			items = append(items, item{p, m.From})
		}
		return items
	}
	items := []item{{p, m.From}}
	if k := m.From - 1; k >= 0 && s.backlog(m.Channel, k) >= 1 {
		items = append(items, item{p, k})
	}
	return items
}

// trims returns the pools and intervals to take an agent from: those with
// agents, not kept, where every check of a channel the pool serves that
// they bear on (the interval's, the next interval's, the day's) is met.
func (s *searcher) trims(agents [][]int, outs []Outcome, flat map[int]bool, locked map[item]bool) []item {
	var out []item
	for p := range s.cfg.Pools {
		for k := range s.intervals {
			it := item{p, k}
			// The warm-up is not measured: it keeps the level the
			// algorithm gave it, so that the window starts as it would.
			if agents[p][k] == 0 || locked[it] || k < firstMeasured(s.cfg) {
				continue
			}
			ok := true
			for ci, o := range outs {
				if flat[ci] || !bearsOn(s.cfg, it, o.Check) {
					continue
				}
				if !o.Met {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, it)
			}
		}
	}
	return out
}

// raised returns n scheduled agents of pool p with step more taking
// contacts, within the cap.
func (s *searcher) raised(p, n, step int) int {
	sh := s.cfg.Pools[p].Shrinkage
	return s.cap(scheduledFor(available(n, sh)+step, sh))
}

// lowered returns n scheduled agents of pool p with one fewer taking
// contacts.
func (s *searcher) lowered(p, n int) int {
	sh := s.cfg.Pools[p].Shrinkage
	a := available(n, sh)
	if a == 0 {
		return 0
	}
	return scheduledFor(a-1, sh)
}

// offered returns the contacts channel i was offered in interval k in the
// last simulation, per replication.
func (s *searcher) offered(i, k int) float64 {
	sum := 0.0
	for _, r := range s.last {
		sum += float64(r.Channels[i].Intervals[k].Offered)
	}
	return sum / float64(s.lastReps)
}

// backlog returns the contacts of channel i waiting at the end of interval
// k in the last simulation, per replication.
func (s *searcher) backlog(i, k int) float64 {
	sum := 0.0
	for _, r := range s.last {
		sum += float64(r.Channels[i].Intervals[k].Backlog)
	}
	return sum / float64(s.lastReps)
}
