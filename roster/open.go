package roster

import (
	"math"
	"slices"

	"github.com/omnisim/omnisim/models"
)

// SetOpen marks the requirement's intervals in which the pool may have
// agents on the floor, by the opening hours of the channels it serves in
// cfg (the scenario the requirement is for): an interval is open when one
// of the pool's channels takes contacts at some moment of it, or when the
// requirement needs agents there (to finish the contacts taken before
// closing). A pool cfg does not have, or one of whose channels is always
// open, is open throughout, and Open is left nil.
func (r *Requirement) SetOpen(cfg *models.Config) {
	r.Open = nil
	k := slices.IndexFunc(cfg.Pools, func(p models.Pool) bool { return p.Name == r.Pool })
	if k < 0 {
		return
	}
	var chans []*models.Channel
	for _, name := range cfg.Pools[k].Skills {
		i := slices.IndexFunc(cfg.Channels, func(c models.Channel) bool { return c.Name == name })
		if i < 0 {
			continue
		}
		if len(cfg.Channels[i].Open) == 0 {
			return
		}
		chans = append(chans, &cfg.Channels[i])
	}
	if len(chans) == 0 {
		return
	}
	open := make([]bool, len(r.Need))
	for i := range open {
		a, b := float64(i)*r.Interval, float64(i+1)*r.Interval
		open[i] = r.Need[i] > 0 || slices.ContainsFunc(chans, func(c *models.Channel) bool { return openDuring(c, r.Start, a, b) })
	}
	r.Open = open
}

// openDuring tells whether channel c takes contacts at some moment from a
// to b (exclusive) of a run whose day 0 is the weekday start: at a, or at
// the opening of one of its spans between.
func openDuring(c *models.Channel, start models.Weekday, a, b float64) bool {
	if c.OpenAt(start, a) {
		return true
	}
	for day := math.Floor(a/86400) * 86400; day < b; day += 86400 {
		for _, s := range c.Open {
			if at := day + s.From; at > a && at < b && c.OpenAt(start, at) {
				return true
			}
		}
	}
	return false
}

// withinOpening returns the shift types that put no agent on the floor
// in an interval the requirement marks closed, and how many it left out.
func withinOpening(types []ShiftType, req *Requirement) ([]ShiftType, int) {
	if req.Open == nil {
		return types, 0
	}
	kept := types[:0:0]
	for j := range types {
		cov, _ := coverage(&types[j], len(req.Need), req.Interval, req.Start)
		if !slices.ContainsFunc(cov, func(i int32) bool { return !req.Open[i] }) {
			kept = append(kept, types[j])
		}
	}
	return kept, len(types) - len(kept)
}
