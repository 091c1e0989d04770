package models

import (
	"math"
	"slices"

	"github.com/omnisim/omnisim/stats"
)

// The groups of figures a Comparison holds.
const (
	GroupChannel     = "channel"
	GroupCustomers   = "customers"
	GroupPool        = "pool"
	GroupAllPools    = "all_pools"
	GroupExpectation = "expectation"
)

// Comparison sets the replications of two variants of a scenario, A and B,
// side by side, replication r of one against replication r of the other.
// When both ran with the same seed they drew common random numbers (see
// crn.go), so each pair of replications saw the same customers, and the
// difference B − A measured pair by pair is far more precise than the
// difference of two independent estimates.
type Comparison struct {
	// Replications is the number of pairs of replications.
	Replications int
	// Level is the confidence level of every interval: 0.95.
	Level float64
	// Rows hold one figure each: every channel figure of each channel both
	// variants have (in A's order), every customer figure, every pool
	// figure of each pool both have, every pool figure of all the pools of
	// each variant together when either has more than one, and the
	// expectation level when either variant had word of mouth.
	Rows []Difference
	// OnlyA and OnlyB name the channels and pools one variant has and the
	// other lacks ("channel social", "pool tier2"): they are not compared.
	OnlyA, OnlyB []string
}

// Difference is one figure of a Comparison.
type Difference struct {
	// Group is GroupChannel, GroupCustomers, GroupPool, GroupAllPools or
	// GroupExpectation; Name is the channel's or the pool's name, "" for
	// the others.
	Group, Name string
	// Key, Label and Unit are the figure's, as in Figures.
	Key, Label, Unit string
	// Pairs is the number of replications in which the figure is defined
	// in both variants (a service level needs a contact): the figures
	// below are over those.
	Pairs int
	// A and B are each variant's mean and 95 % half-width (Student t).
	A, B Estimate
	// Diff is the mean of the paired differences B − A, and Half the
	// half-width of its 95 % confidence interval: Student t with Pairs − 1
	// degrees of freedom over the differences.
	Diff, Half float64
	// IndependentHalf is the half-width the difference would have if A
	// and B had been run independently with as many replications each:
	// Welch's interval (stats.WelchHalf), t·√(s²A/n + s²B/n) with the
	// Welch–Satterthwaite degrees of freedom, from each variant's own
	// spread across its replications (which pairing does not change).
	IndependentHalf float64
}

// Narrower returns how many times narrower the paired interval is than
// the independent one; NaN when either is NaN, or when the paired one is
// zero (the difference is the same in every replication).
func (d Difference) Narrower() float64 {
	if !(d.Half > 0) || math.IsNaN(d.IndependentHalf) {
		return math.NaN()
	}
	return d.IndependentHalf / d.Half
}

// Significant tells whether the paired interval excludes zero: the
// variants differ in this figure at the 95 % level (a difference that is
// the same non-zero number in every replication counts).
func (d Difference) Significant() bool {
	return d.Pairs >= 2 && math.Abs(d.Diff) > d.Half
}

// Compare pairs the replications of variant A with those of variant B, in
// order; both must hold as many. Channels and pools are matched by name.
func Compare(a, b []*Result) Comparison {
	c := Comparison{Replications: min(len(a), len(b)), Level: 0.95}
	n := c.Replications
	if n == 0 {
		return c
	}
	a, b = a[:n], b[:n]
	for i, ch := range a[0].Channels {
		j := slices.IndexFunc(b[0].Channels, func(o ChannelResult) bool { return o.Name == ch.Name })
		if j < 0 {
			c.OnlyA = append(c.OnlyA, GroupChannel+" "+ch.Name)
			continue
		}
		for _, f := range Figures {
			c.Rows = append(c.Rows, pair(GroupChannel, ch.Name, f.Key, f.Label, f.Unit, a, b,
				func(r *Result) float64 { return f.Of(&r.Channels[i].Total) },
				func(r *Result) float64 { return f.Of(&r.Channels[j].Total) }))
		}
	}
	for _, ch := range b[0].Channels {
		if !slices.ContainsFunc(a[0].Channels, func(o ChannelResult) bool { return o.Name == ch.Name }) {
			c.OnlyB = append(c.OnlyB, GroupChannel+" "+ch.Name)
		}
	}
	for _, f := range CustomerFigures {
		get := func(r *Result) float64 { return f.Of(&r.Customers.Total) }
		c.Rows = append(c.Rows, pair(GroupCustomers, "", f.Key, f.Label, f.Unit, a, b, get, get))
	}
	for i, p := range a[0].Pools {
		j := slices.IndexFunc(b[0].Pools, func(o PoolResult) bool { return o.Name == p.Name })
		if j < 0 {
			c.OnlyA = append(c.OnlyA, GroupPool+" "+p.Name)
			continue
		}
		for _, f := range PoolFigures {
			c.Rows = append(c.Rows, pair(GroupPool, p.Name, f.Key, f.Label, f.Unit, a, b,
				func(r *Result) float64 { return f.Of(&r.Pools[i].Total) },
				func(r *Result) float64 { return f.Of(&r.Pools[j].Total) }))
		}
	}
	for _, p := range b[0].Pools {
		if !slices.ContainsFunc(a[0].Pools, func(o PoolResult) bool { return o.Name == p.Name }) {
			c.OnlyB = append(c.OnlyB, GroupPool+" "+p.Name)
		}
	}
	if len(a[0].Pools) > 1 || len(b[0].Pools) > 1 {
		// All the pools of each side together, those only one side has
		// included: what the whole staffing of A and of B costs.
		for _, f := range PoolFigures {
			get := func(r *Result) float64 {
				var sum PoolCounts
				for _, p := range r.Pools {
					sum.Add(p.Total)
				}
				return f.Of(&sum)
			}
			c.Rows = append(c.Rows, pair(GroupAllPools, "", f.Key, f.Label, f.Unit, a, b, get, get))
		}
	}
	level := func(r *Result) float64 { return r.ExpectationAtHorizon }
	if slices.ContainsFunc(a, func(r *Result) bool { return r.ExpectationAtHorizon != 0 }) ||
		slices.ContainsFunc(b, func(r *Result) bool { return r.ExpectationAtHorizon != 0 }) {
		c.Rows = append(c.Rows, pair(GroupExpectation, "", "expectation_level", "expectation level", "", a, b, level, level))
	}
	return c
}

// pair computes one Difference from the figure's value in each pair of
// replications, leaving out the pairs in which either is undefined.
func pair(group, name, key, label, unit string, a, b []*Result, ofA, ofB func(*Result) float64) Difference {
	d := Difference{Group: group, Name: name, Key: key, Label: label, Unit: unit}
	var xs, ys, ds []float64
	for r := range a {
		x, y := ofA(a[r]), ofB(b[r])
		if math.IsNaN(x) || math.IsNaN(y) {
			continue
		}
		xs, ys, ds = append(xs, x), append(ys, y), append(ds, y-x)
	}
	d.Pairs = len(ds)
	d.A.Mean, d.A.HalfWidth = stats.MeanCI(xs, 0.95)
	d.B.Mean, d.B.HalfWidth = stats.MeanCI(ys, 0.95)
	d.Diff, d.Half = stats.MeanCI(ds, 0.95)
	d.IndependentHalf = stats.WelchHalf(xs, ys, 0.95)
	return d
}
