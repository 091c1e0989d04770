package models

import "slices"

// The batches a Pooled keeps of the replications' tallies by interval.
// Up to as many replications as batches, each is a batch of its own and
// every figure and interval is what it would be with each replication
// kept; past them, replication k is added to batch k mod the batches, and
// the intervals of a figure by interval come from a jackknife over the
// batches (Kott's delete-a-group jackknife) with one degree of freedom
// fewer than the batches.
const (
	// MinBatches is the fewest batches kept, whatever a replication's
	// size: 63 degrees of freedom.
	MinBatches = 64
	// MaxBatches is the most batches kept: beyond, Student t's 95 %
	// quantile is within 0.2 % of the normal's.
	MaxBatches = 1024
	// BatchMemory is the memory the batches may take, which sets their
	// number between MinBatches and MaxBatches (Config.Batches).
	BatchMemory = 256 << 20
)

// Batches returns the number of batches a Pooled keeps for c: as many as
// BatchMemory holds, from MinBatches to MaxBatches. A day of half hours
// keeps MaxBatches; a year of 15-minute intervals of five channels,
// MinBatches.
func (c *Config) Batches() int {
	n := BatchMemory / max(1, c.ResultBytes())
	return int(min(MaxBatches, max(MinBatches, n)))
}

// Pooled gathers the replications of one Config, added in replication
// order as they finish, in memory that grows with the intervals of the
// horizon but barely with the replications: each replication's totals
// (Result.Totals: a few hundred bytes a channel and pool, what the
// summary, comparisons and their confidence intervals need), and its
// tallies by interval, flows between channels and expectation levels
// added up into at most Size batches.
type Pooled struct {
	// Totals are the replications' totals over the measured window, in
	// replication order.
	Totals []*Result
	// Batches add up the replications' tallies by interval, flows and
	// expectation levels: batch b the replications b, b+Size,
	// b+2·Size… Each batch's Replications says how many it holds.
	Batches []*Result
	// Size is the most batches: Config.Batches, or MinBatches when 0.
	Size int
}

// NewPooled returns an empty Pooled for replications of cfg.
func NewPooled(cfg *Config) *Pooled {
	return &Pooled{Size: cfg.Batches()}
}

// PoolResults gathers results of cfg, in the order given.
func PoolResults(cfg *Config, results []*Result) *Pooled {
	p := NewPooled(cfg)
	for _, r := range results {
		p.Add(r)
	}
	return p
}

// Take gathers r, the next replication, as Add does, but may keep r
// itself as a batch, saving a copy: r must not be used again.
func (p *Pooled) Take(r *Result) {
	if len(p.Totals)%p.size() == len(p.Batches) {
		p.Totals = append(p.Totals, r.Totals())
		r.Replications = r.Weight()
		p.Batches = append(p.Batches, r)
		return
	}
	p.Add(r)
}

// size returns the most batches.
func (p *Pooled) size() int {
	if p.Size <= 0 {
		return MinBatches
	}
	return p.Size
}

// Add gathers r, the next replication. r is not changed, nor kept.
func (p *Pooled) Add(r *Result) {
	b := len(p.Totals) % p.size()
	p.Totals = append(p.Totals, r.Totals())
	if b == len(p.Batches) {
		p.Batches = append(p.Batches, r.clone())
		return
	}
	p.Batches[b].add(r)
}

// Replications returns the number of replications gathered.
func (p *Pooled) Replications() int { return len(p.Totals) }

// Weight returns the number of replications a result adds up: its
// Replications, or 1 for a replication's own result.
func (r *Result) Weight() int { return max(1, r.Replications) }

// clone returns a copy of r that shares nothing with it, as a batch of one
// replication.
func (r *Result) clone() *Result {
	c := *r
	c.Replications = r.Weight()
	c.Channels = make([]ChannelResult, len(r.Channels))
	for i, ch := range r.Channels {
		ch.Intervals = append([]Counts(nil), ch.Intervals...)
		ch.Classes = slices.Clone(ch.Classes)
		c.Channels[i] = ch
	}
	c.Pools = make([]PoolResult, len(r.Pools))
	for i, pl := range r.Pools {
		pl.Intervals = append([]PoolCounts(nil), pl.Intervals...)
		pl.Scheduled = append([]int(nil), pl.Scheduled...)
		c.Pools[i] = pl
	}
	c.Customers.Intervals = append([]CustomerCounts(nil), r.Customers.Intervals...)
	c.Expectation = append([]float64(nil), r.Expectation...)
	c.Flows = make([][]int64, len(r.Flows))
	for i, row := range r.Flows {
		c.Flows[i] = append([]int64(nil), row...)
	}
	return &c
}

// add adds o's tallies to r's, which must be of the same Config: every
// count and time, and the readings (backlog, reputation, expectation
// levels), which the reader divides by the replications to have their
// mean. The headcount scheduled stays r's.
func (r *Result) add(o *Result) {
	r.Replications = r.Weight() + o.Weight()
	for i := range r.Channels {
		r.Channels[i].Total.Add(o.Channels[i].Total)
		addAll(r.Channels[i].Intervals, o.Channels[i].Intervals, (*Counts).Add)
		addAll(r.Channels[i].Classes, o.Channels[i].Classes, (*Counts).Add)
	}
	for i := range r.Pools {
		r.Pools[i].Total.Add(o.Pools[i].Total)
		addAll(r.Pools[i].Intervals, o.Pools[i].Intervals, (*PoolCounts).Add)
	}
	r.Customers.Total.Add(o.Customers.Total)
	addAll(r.Customers.Intervals, o.Customers.Intervals, (*CustomerCounts).Add)
	for k := range min(len(r.Expectation), len(o.Expectation)) {
		r.Expectation[k] += o.Expectation[k]
	}
	r.ExpectationAtHorizon += o.ExpectationAtHorizon
	for i := range min(len(r.Flows), len(o.Flows)) {
		for j := range min(len(r.Flows[i]), len(o.Flows[i])) {
			r.Flows[i][j] += o.Flows[i][j]
		}
	}
	r.Events += o.Events
	r.End = max(r.End, o.End)
}

// addAll adds each of os to the tally of the same index in cs.
func addAll[T any](cs, os []T, add func(*T, T)) {
	for k := range min(len(cs), len(os)) {
		add(&cs[k], os[k])
	}
}
