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

// ByDay returns a copy of r of cfg whose tallies by interval are by day
// (ChannelDays, CustomerDays, PoolDays and ExpectationDays), its totals
// and flows shared with r: what a figure over days (KPI.InDays) needs.
func (r *Result) ByDay(cfg *Config) *Result {
	if r.Daily {
		return r
	}
	d := *r
	d.Daily = true
	d.Channels = make([]ChannelResult, len(r.Channels))
	for i, ch := range r.Channels {
		ch.Intervals = r.ChannelDays(cfg, i)
		d.Channels[i] = ch
	}
	d.Pools = make([]PoolResult, len(r.Pools))
	for i, p := range r.Pools {
		p.Intervals, p.Scheduled = r.PoolDays(cfg, i), nil
		d.Pools[i] = p
	}
	d.Customers.Intervals = r.CustomerDays(cfg)
	d.Expectation = r.ExpectationDays(cfg)
	return &d
}

// ChannelDays returns channel i's tallies day by day.
func (r *Result) ChannelDays(cfg *Config, i int) []Counts {
	if r.Daily {
		return r.Channels[i].Intervals
	}
	out := make([]Counts, cfg.Days())
	for k, c := range r.Channels[i].Intervals {
		out[dayOf(cfg, k)].merge(c)
	}
	return out
}

// CustomerDays returns the customers' tallies by the day their journey
// began.
func (r *Result) CustomerDays(cfg *Config) []CustomerCounts {
	if r.Daily {
		return r.Customers.Intervals
	}
	out := make([]CustomerCounts, cfg.Days())
	for k, c := range r.Customers.Intervals {
		out[dayOf(cfg, k)].Add(c)
	}
	return out
}

// PoolDays returns pool i's tallies day by day.
func (r *Result) PoolDays(cfg *Config, i int) []PoolCounts {
	if r.Daily {
		return r.Pools[i].Intervals
	}
	out := make([]PoolCounts, cfg.Days())
	for k, c := range r.Pools[i].Intervals {
		out[dayOf(cfg, k)].Add(c)
	}
	return out
}

// ExpectationDays returns the global expectation level at the end of each
// day.
func (r *Result) ExpectationDays(cfg *Config) []float64 {
	if r.Daily {
		return r.Expectation
	}
	out := make([]float64, cfg.Days())
	for k, x := range r.Expectation {
		out[dayOf(cfg, k)] = x
	}
	return out
}
