package models

// Result is what one replication of a world measured.
type Result struct {
	// Replication is the replication number, from 0.
	Replication int
	// Channels hold each channel's tallies, in the Config's order.
	Channels []ChannelResult
	// Events is the number of events the engine fired.
	Events uint64
	// End is the simulated time at which the run ended, in seconds.
	End float64
}

// ChannelResult is one channel's tallies in one replication.
type ChannelResult struct {
	// Name is the channel's name.
	Name string
	// Total covers the measured window: contacts that arrived in
	// [warm-up, horizon), and agent time in the same window.
	Total Counts
	// Intervals hold the tallies of each interval of the horizon, warm-up
	// included.
	Intervals []Counts
}
