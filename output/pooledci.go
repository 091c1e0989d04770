package output

import (
	"math"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/stats"
)

// The tables by day pool the replications: a share or a mean time is the
// quotient of sums over every replication (PerReplication). Its 95 %
// confidence half-width comes from the jackknife over the batches of
// replications (models.Pooled; a batch is one replication when there are
// no more replications than batches): the figure recomputed with each
// batch left out in turn (stats.JackknifeCI). For counts, a mean per
// replication, this is the usual Student t interval of the mean.

// pooledHalfWidths returns, for each figure of figs, the 95 % half-width of
// the figure of parts (one tally per batch, weights[i] replications in
// batch i) added up, as value computes it from a sum over n replications:
// stats.PooledHalfWidths with the figures for its estimates, written into
// out's first len(figs) and returned. It is NaN for every figure with fewer
// than two batches.
//
// jk is stats.NewJackknife(len(parts), 0.95), made once by the caller for
// every period.
func pooledHalfWidths[T any](out []float64, figs []models.Figure[T], parts []T, weights []int, add func(*T, T),
	value func(f models.Figure[T], sum T, n int) float64, jk stats.Jackknife) []float64 {
	return stats.PooledHalfWidths(out[:len(figs)], parts, weights, add,
		func(k int, sum T, n int) float64 { return value(figs[k], sum, n) }, jk)
}

// weights returns the replications each batch adds up.
func (r *RunReport) weights() []int {
	w := make([]int, len(r.Batches))
	for i, b := range r.Batches {
		w[i] = b.Weight()
	}
	return w
}

// channelValue is channel figure f of tallies added up over n
// replications, as the tables by day and interval write it: the
// reputation, a reading added up, divided into its mean first.
func channelValue(f models.Figure[models.Counts], sum models.Counts, n int) float64 {
	sum.Reputation /= float64(max(1, n))
	return PerReplication(f, sum, max(1, n))
}

// customerValue is customer figure f of tallies added up over n
// replications.
func customerValue(f models.Figure[models.CustomerCounts], sum models.CustomerCounts, n int) float64 {
	return PerReplication(f, sum, max(1, n))
}

// channelDayHalfWidths returns, for each day, the 95 % half-width of each
// figure of channel i's day (in the order of models.Figures).
func (r *RunReport) channelDayHalfWidths(i int) [][]float64 {
	perRep := make([][]models.Counts, len(r.Batches))
	for k, res := range r.Batches {
		perRep[k] = res.ChannelDays(r.Config, i)
	}
	return r.channelHalfWidths(i, perRep, r.Config.Days())
}

// ChannelIntervalHalfWidths returns, for each interval, the 95 % half-width
// of each figure of channel i's interval (in the order of models.Figures).
// The intervals' rows may share their storage: read them, do not change
// them.
func (r *RunReport) ChannelIntervalHalfWidths(i int) [][]float64 {
	perRep := make([][]models.Counts, len(r.Batches))
	for k, res := range r.Batches {
		perRep[k] = res.Channels[i].Intervals
	}
	return r.channelHalfWidths(i, perRep, r.Config.Intervals())
}

// channelHalfWidths returns, for each of n periods, the 95 % half-width of
// each figure of channel i, whose tallies in batch k and period d are
// perRep[k][d]; NaN for a figure that does not apply to the channel's
// kind. The periods' half-widths may share their storage (with a single
// batch they are all NaN, one row for every period): read them, do not
// change them.
func (r *RunReport) channelHalfWidths(i int, perRep [][]models.Counts, n int) [][]float64 {
	kind := r.Config.Channels[i].Kind
	out := make([][]float64, n)
	if len(perRep) < 2 {
		// Nothing to compute, nor a row to fill for each period (a
		// 365-day baseline's took 23 MB, written page by page).
		none := make([]float64, len(models.Figures))
		for fi := range none {
			none[fi] = math.NaN()
		}
		for d := range out {
			out[d] = none[:len(none):len(none)]
		}
		return out
	}
	parts := make([]models.Counts, len(perRep))
	weights := r.weights()
	jk := stats.NewJackknife(len(perRep), 0.95)
	m := len(models.Figures)
	all := make([]float64, n*m) // every period's, in one array
	for d := range out {
		for k := range perRep {
			parts[k] = perRep[k][d]
		}
		out[d] = pooledHalfWidths(all[d*m:(d+1)*m:(d+1)*m], models.Figures, parts, weights, (*models.Counts).Add, channelValue, jk)
		for fi, f := range models.Figures {
			if !models.FigureApplies(kind, f.Key) {
				out[d][fi] = math.NaN()
			}
		}
	}
	return out
}

// customerDayHalfWidths returns, for each day, the 95 % half-width of each
// customer figure of the customers whose journeys began that day.
func (r *RunReport) customerDayHalfWidths() [][]float64 {
	perRep := make([][]models.CustomerCounts, len(r.Batches))
	for k, res := range r.Batches {
		perRep[k] = res.CustomerDays(r.Config)
	}
	out := make([][]float64, r.Config.Days())
	parts := make([]models.CustomerCounts, len(r.Batches))
	weights := r.weights()
	jk := stats.NewJackknife(len(perRep), 0.95)
	for d := range out {
		for k := range perRep {
			parts[k] = perRep[k][d]
		}
		out[d] = pooledHalfWidths(make([]float64, len(models.CustomerFigures)), models.CustomerFigures, parts, weights, (*models.CustomerCounts).Add, customerValue, jk)
	}
	return out
}
