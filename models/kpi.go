package models

import (
	"fmt"
	"strings"
)

// KPI names one figure of a run's summary: a channel's
// ("phone.service_level"), the customers' ("customers.contacts_per_resolution")
// or a pool's ("pools.agents.occupancy"), by the figure's JSON key.
type KPI struct {
	// Name is the KPI as written.
	Name string
	// scope is "channel", "customers" or "pool"; index the channel or
	// pool; fig the figure's index in its table.
	scope      string
	index, fig int
	// Share tells whether the figure is a share (0 to 1), which a target
	// may then give as a percentage.
	Share bool
}

// KPINames lists every KPI of cfg, in output order.
func KPINames(cfg *Config) []string {
	var names []string
	for _, ch := range cfg.Channels {
		for _, f := range Figures {
			names = append(names, ch.Name+"."+f.Key)
		}
	}
	for _, f := range CustomerFigures {
		names = append(names, "customers."+f.Key)
	}
	for _, p := range cfg.Pools {
		for _, f := range PoolFigures {
			names = append(names, "pools."+p.Name+"."+f.Key)
		}
	}
	return names
}

// ParseKPI finds the figure name names in cfg.
func ParseKPI(cfg *Config, name string) (KPI, error) {
	k := KPI{Name: name}
	if rest, ok := strings.CutPrefix(name, "pools."); ok {
		for pi, p := range cfg.Pools {
			if key, ok := strings.CutPrefix(rest, p.Name+"."); ok {
				for fi, f := range PoolFigures {
					if f.Key == key {
						k.scope, k.index, k.fig, k.Share = "pool", pi, fi, f.Unit == "share"
						return k, nil
					}
				}
			}
		}
	}
	if key, ok := strings.CutPrefix(name, "customers."); ok {
		for fi, f := range CustomerFigures {
			if f.Key == key {
				k.scope, k.fig, k.Share = "customers", fi, f.Unit == "share"
				return k, nil
			}
		}
	}
	for ci, ch := range cfg.Channels {
		if key, ok := strings.CutPrefix(name, ch.Name+"."); ok {
			for fi, f := range Figures {
				if f.Key == key {
					k.scope, k.index, k.fig, k.Share = "channel", ci, fi, f.Unit == "share"
					return k, nil
				}
			}
		}
	}
	if scope, keys := kpiKeys(cfg, name); scope != "" {
		return k, fmt.Errorf("no figure %q: %s has %s", name, scope, strings.Join(keys, ", "))
	}
	return k, fmt.Errorf("no figure %q: name a channel's figure (%s.service_level), the customers' (customers.contacts_per_resolution) or a pool's (pools.%s.occupancy)",
		name, firstName(cfg.Channels, func(c Channel) string { return c.Name }, "phone"),
		firstName(cfg.Pools, func(p Pool) string { return p.Name }, "agents"))
}

// kpiKeys returns, for a name that starts with a channel, "customers" or
// a pool, what it names and the keys of its figures; "" when it starts
// with none of them.
func kpiKeys(cfg *Config, name string) (scope string, keys []string) {
	prefix, _, _ := strings.Cut(name, ".")
	switch {
	case prefix == "customers":
		return "customers", figureKeys(CustomerFigures)
	case prefix == "pools":
		for _, p := range cfg.Pools {
			if strings.HasPrefix(name, "pools."+p.Name+".") {
				return "pool " + p.Name, figureKeys(PoolFigures)
			}
		}
		var pools []string
		for _, p := range cfg.Pools {
			pools = append(pools, "pools."+p.Name)
		}
		return "the scenario", pools
	}
	for _, ch := range cfg.Channels {
		if prefix == ch.Name {
			return "channel " + ch.Name, figureKeys(Figures)
		}
	}
	return "", nil
}

// figureKeys lists the keys of figs.
func figureKeys[T any](figs []Figure[T]) []string {
	keys := make([]string, len(figs))
	for i, f := range figs {
		keys[i] = f.Key
	}
	return keys
}

// firstName returns the name of the first of xs, or def when there is none.
func firstName[T any](xs []T, name func(T) string, def string) string {
	if len(xs) == 0 {
		return def
	}
	return name(xs[0])
}

// Of returns the KPI's estimate in s.
func (k KPI) Of(s Summary) Estimate {
	switch k.scope {
	case "channel":
		if k.index < len(s.Channels) {
			return s.Channels[k.index].Figures[k.fig]
		}
	case "customers":
		if k.fig < len(s.Customers) {
			return s.Customers[k.fig]
		}
	case "pool":
		if k.index < len(s.Pools) {
			return s.Pools[k.index].Figures[k.fig]
		}
	}
	return Estimate{nan, nan}
}
