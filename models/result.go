package models

// Result is what one replication of a world measured.
type Result struct {
	// Replication is the replication number, from 0.
	Replication int
	// Channels hold each channel's tallies, in the Config's order.
	Channels []ChannelResult
	// Pools hold each pool's tallies, in the Config's order.
	Pools []PoolResult
	// Customers holds the customer-level tallies.
	Customers CustomerResult
	// Expectation is the global expectation level at the end of each
	// interval (0 without word of mouth): its effect on patience is the
	// factor exp(−coupling · level).
	Expectation []float64
	// ExpectationAtHorizon is the global expectation level at the horizon.
	ExpectationAtHorizon float64
	// Classes names the classes of customer (Config.Classes) that each
	// channel's Classes tallies follow; nil without classes.
	Classes []string
	// Flows counts customers' moves from one channel to another in the
	// measured window, Flows[from][to] by the Config's channel order: after
	// a failure, a chase, an escalation, or self-service sending them on.
	Flows [][]int64
	// Events is the number of events the engine fired.
	Events uint64
	// End is the simulated time at which the run ended, in seconds.
	End float64
	// Replications is the number of replications the tallies add up, in a
	// batch of Pooled; 0 in a replication's own result (Weight reads it
	// as 1).
	Replications int
	// Daily tells that the tallies by interval (Intervals and Expectation)
	// are by day instead (ByDay): what judging claims by days needs, in
	// a small part of the memory.
	Daily bool
}

// ChannelResult is one channel's tallies in one replication.
type ChannelResult struct {
	// Name is the channel's name.
	Name string
	// Kind is how the channel treats contacts: it tells which figures
	// apply to it (FigureApplies).
	Kind ChannelKind
	// Total covers the measured window: contacts that arrived in
	// [warm-up, horizon), and agent time in the same window.
	Total Counts
	// Intervals hold the tallies of each interval of the horizon, warm-up
	// included.
	Intervals []Counts
	// Classes hold the measured window's tallies of each class of
	// customer (Config.Classes), in the Config's order; nil without
	// classes. Agent time is not split by class: only the contacts'
	// counts, waits and times are.
	Classes []Counts
}

// PoolResult is one pool's tallies in one replication.
type PoolResult struct {
	// Name is the pool's name.
	Name string
	// Total covers the measured window.
	Total PoolCounts
	// Intervals hold the tallies of each interval of the horizon.
	Intervals []PoolCounts
	// Scheduled is the headcount scheduled in each interval.
	Scheduled []int
}

// CustomerResult holds the customers' tallies in one replication.
type CustomerResult struct {
	// Total covers customers whose journey began in the measured window.
	Total CustomerCounts
	// Intervals hold the tallies by the interval the journey began in.
	Intervals []CustomerCounts
}
