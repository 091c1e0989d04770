package models

// The per-day view of a replication: its intervals added up day by day.

// dayOf returns the day (from 0) interval k of cfg falls in.
func dayOf(cfg *Config, k int) int {
	return int(float64(k) * cfg.Interval / 86400)
}

// Days returns the number of days the horizon covers, a part day counting
// as one.
func (c *Config) Days() int {
	if c.Intervals() == 0 {
		return 0
	}
	return dayOf(c, c.Intervals()-1) + 1
}

// merge adds o, which follows c in time, to c: flows add up, and the
// readings taken at a moment (backlog, reputation) are o's, the later.
func (c *Counts) merge(o Counts) {
	backlog, reputation := o.Backlog, o.Reputation
	o.Backlog, o.Reputation = 0, 0
	c.Backlog, c.Reputation = 0, 0
	c.Add(o)
	c.Backlog, c.Reputation = backlog, reputation
}

// ChannelDays returns channel i's tallies day by day.
func (r *Result) ChannelDays(cfg *Config, i int) []Counts {
	out := make([]Counts, cfg.Days())
	for k, c := range r.Channels[i].Intervals {
		out[dayOf(cfg, k)].merge(c)
	}
	return out
}

// CustomerDays returns the customers' tallies by the day their journey
// began.
func (r *Result) CustomerDays(cfg *Config) []CustomerCounts {
	out := make([]CustomerCounts, cfg.Days())
	for k, c := range r.Customers.Intervals {
		out[dayOf(cfg, k)].Add(c)
	}
	return out
}

// PoolDays returns pool i's tallies day by day.
func (r *Result) PoolDays(cfg *Config, i int) []PoolCounts {
	out := make([]PoolCounts, cfg.Days())
	for k, c := range r.Pools[i].Intervals {
		out[dayOf(cfg, k)].Add(c)
	}
	return out
}

// ExpectationDays returns the global expectation level at the end of each
// day.
func (r *Result) ExpectationDays(cfg *Config) []float64 {
	out := make([]float64, cfg.Days())
	for k, x := range r.Expectation {
		out[dayOf(cfg, k)] = x
	}
	return out
}
