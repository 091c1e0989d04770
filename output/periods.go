package output

import (
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/stats"
)

// The tables by interval and by day add up the replications' tallies of
// each stretch of time; PerReplication turns the sums into figures. Readings
// taken at a moment (backlog, reputation) add up too, and divide into their
// mean: the backlog as a count, the reputation here.

// ChannelIntervals returns channel i's tallies of each interval, added up
// over the replications.
func (r *RunReport) ChannelIntervals(i int) []models.Counts {
	return r.channelIntervals(i, 0, r.Config.Intervals())
}

// channelIntervals is ChannelIntervals of the intervals [from, to) alone
// (the first is from's).
func (r *RunReport) channelIntervals(i, from, to int) []models.Counts {
	return r.channelIntervalsIn(nil, i, from, to)
}

// channelIntervalsIn is channelIntervals made in buf's memory when it has
// room (it is cleared first): the same tallies.
func (r *RunReport) channelIntervalsIn(buf []models.Counts, i, from, to int) []models.Counts {
	var out []models.Counts
	if cap(buf) >= to-from {
		out = buf[:to-from]
		clear(out)
	} else {
		out = make([]models.Counts, to-from)
	}
	for _, res := range r.Batches {
		for k, c := range res.Channels[i].Intervals[from:to] {
			out[k].Add(c)
		}
	}
	return r.meanReputation(out)
}

// ChannelDays returns channel i's tallies of each day, added up over the
// replications.
func (r *RunReport) ChannelDays(i int) []models.Counts {
	out := make([]models.Counts, r.Config.Days())
	for _, res := range r.Batches {
		for d, c := range res.ChannelDays(r.Config, i) {
			out[d].Add(c)
		}
	}
	return r.meanReputation(out)
}

// meanReputation divides the reputations of tallies added up over the
// replications into their mean, which the figure expected_wait_seconds
// then reads as it is.
func (r *RunReport) meanReputation(cs []models.Counts) []models.Counts {
	for k := range cs {
		cs[k].Reputation /= float64(r.Reps())
	}
	return cs
}

// CustomerDays returns the customers' tallies by the day their journey
// began, added up over the replications.
func (r *RunReport) CustomerDays() []models.CustomerCounts {
	out := make([]models.CustomerCounts, r.Config.Days())
	for _, res := range r.Batches {
		for d, c := range res.CustomerDays(r.Config) {
			out[d].Add(c)
		}
	}
	return out
}

// PoolDays returns pool p's tallies of each day, added up over the
// replications.
func (r *RunReport) PoolDays(p int) []models.PoolCounts {
	out := make([]models.PoolCounts, r.Config.Days())
	for _, res := range r.Batches {
		for d, c := range res.PoolDays(r.Config, p) {
			out[d].Add(c)
		}
	}
	return out
}

// ExpectationDays returns the global expectation level at the end of each
// day, over the replications, with the 95 % half-width of the mean of the
// batches' means (each replication's own level when there are no more
// replications than batches).
func (r *RunReport) ExpectationDays() []models.Estimate {
	days := make([][]float64, r.Config.Days())
	sums := make([]float64, r.Config.Days())
	for _, res := range r.Batches {
		for d, x := range res.ExpectationDays(r.Config) {
			days[d] = append(days[d], x/float64(res.Weight()))
			sums[d] += x
		}
	}
	out := make([]models.Estimate, len(days))
	for d, xs := range days {
		out[d] = meanCI(xs)
		if len(r.Results) > len(r.Batches) {
			// Batches of unequal sizes: the mean of every replication.
			out[d].Mean = sums[d] / float64(len(r.Results))
		}
	}
	return out
}

// Weekday returns the weekday of day d of the run.
func (r *RunReport) Weekday(d int) models.Weekday {
	return models.WeekdayAt(r.Config.Start, float64(d)*86400)
}

// meanCI returns the mean of values from replications with the half-width
// of its 95 % confidence interval.
func meanCI(vals []float64) models.Estimate {
	m, h := stats.MeanCI(vals, 0.95)
	return models.Estimate{Mean: m, HalfWidth: h}
}
