package models

// Unit returns the unit of the figure k names, as Figure.Unit gives it.
func (k KPI) Unit() string {
	switch k.scope {
	case "channel":
		return Figures[k.fig].Unit
	case "customers":
		return CustomerFigures[k.fig].Unit
	case "pool":
		return PoolFigures[k.fig].Unit
	}
	return ""
}

// InDays returns the value of the figure k names in one replication r of
// cfg over days first to last (from 0, both included) of the horizon: the
// figure of the days' tallies added up, backlog and reputation read at the
// end of the last day. With first < 0 it is the figure over the measured
// window, as the run's summary has it. NaN when it is undefined.
func (k KPI) InDays(cfg *Config, r *Result, first, last int) float64 {
	switch k.scope {
	case "channel":
		if first < 0 {
			return Figures[k.fig].Of(&r.Channels[k.index].Total)
		}
		days := r.ChannelDays(cfg, k.index)
		var c Counts
		for d := first; d <= last && d < len(days); d++ {
			c.merge(days[d])
		}
		return Figures[k.fig].Of(&c)
	case "customers":
		if first < 0 {
			return CustomerFigures[k.fig].Of(&r.Customers.Total)
		}
		days := r.CustomerDays(cfg)
		var c CustomerCounts
		for d := first; d <= last && d < len(days); d++ {
			c.Add(days[d])
		}
		return CustomerFigures[k.fig].Of(&c)
	case "pool":
		if first < 0 {
			return PoolFigures[k.fig].Of(&r.Pools[k.index].Total)
		}
		days := r.PoolDays(cfg, k.index)
		var c PoolCounts
		for d := first; d <= last && d < len(days); d++ {
			c.Add(days[d])
		}
		return PoolFigures[k.fig].Of(&c)
	}
	return nan
}
