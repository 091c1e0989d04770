package models

import "slices"

// Totals returns a copy of r with its totals over the measured window only:
// without the tallies of each interval, the headcount scheduled in each,
// the expectation level at each interval's end and the flows between
// channels. Summarize and Compare need no more.
func (r *Result) Totals() *Result {
	t := *r
	t.Expectation, t.Flows = nil, nil
	t.Channels = make([]ChannelResult, len(r.Channels))
	for i, c := range r.Channels {
		t.Channels[i] = ChannelResult{Name: c.Name, Kind: c.Kind, Total: c.Total, Classes: slices.Clone(c.Classes)}
	}
	t.Pools = make([]PoolResult, len(r.Pools))
	for i, p := range r.Pools {
		t.Pools[i] = PoolResult{Name: p.Name, Total: p.Total}
	}
	t.Customers = CustomerResult{Total: r.Customers.Total}
	return &t
}
