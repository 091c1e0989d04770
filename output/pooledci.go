package output

import (
	"math"
	"sync"

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
	value func(f models.Figure[T], sum *T, n int) float64, jk stats.Jackknife) []float64 {
	return stats.PooledHalfWidths(out[:len(figs)], parts, weights, add,
		func(k int, sum *T, n int) float64 { return value(figs[k], sum, n) }, jk)
}

// weights returns the replications each batch adds up.
func (r *RunReport) weights() []int {
	w := make([]int, len(r.Batches))
	for i, b := range r.Batches {
		w[i] = b.Weight()
	}
	return w
}

// customerValue is customer figure f of tallies added up over n
// replications.
func customerValue(f models.Figure[models.CustomerCounts], sum *models.CustomerCounts, n int) float64 {
	return PerReplication(f, sum, max(1, n))
}

// channelDayHalfWidths returns, for each day, the 95 % half-width of each
// figure of channel i's day (in the order of models.Figures).
func (r *RunReport) channelDayHalfWidths(i int) [][]float64 {
	perRep := make([][]models.Counts, len(r.Batches))
	for k, res := range r.Batches {
		perRep[k] = res.ChannelDays(r.Config, i)
	}
	return countsHalfWidths(r.Config.Channels[i].Kind, perRep, r.weights(), 0, r.Config.Days())
}

// ChannelIntervalHalfWidths returns, for each interval, the 95 % half-width
// of each figure of channel i's interval (in the order of models.Figures).
// The intervals' rows may share their storage: read them, do not change
// them.
func (r *RunReport) ChannelIntervalHalfWidths(i int) [][]float64 {
	return r.channelIntervalHalfWidths(i, 0, r.Config.Intervals())
}

// channelIntervalHalfWidths is ChannelIntervalHalfWidths of the intervals
// [from, to) alone (the first is from's).
func (r *RunReport) channelIntervalHalfWidths(i, from, to int) [][]float64 {
	perRep := make([][]models.Counts, len(r.Batches))
	for k, res := range r.Batches {
		perRep[k] = res.Channels[i].Intervals
	}
	return countsHalfWidths(r.Config.Channels[i].Kind, perRep, r.weights(), from, to)
}

// noHalfWidths returns n periods' half-widths of a single batch: every
// figure's NaN, each period's row the same row. Nothing to compute, nor a
// row to fill for each period (a 365-day baseline's took 23 MB, written
// page by page); for up to maxPartRows periods (a part of a table made in
// parts), not even the rows' headers are made: they are a part of one
// slice made once (2.6 MB of a 365-day folder).
func noHalfWidths(n int) [][]float64 {
	if n <= maxPartRows {
		return noHalves()[:n:n]
	}
	return nanRows(n)
}

// noHalves holds noHalfWidths's maxPartRows rows.
var noHalves = sync.OnceValue(func() [][]float64 { return nanRows(maxPartRows) })

// nanRows returns n rows, each the same row of NaN for every figure.
func nanRows(n int) [][]float64 {
	none := make([]float64, len(models.Figures))
	for fi := range none {
		none[fi] = math.NaN()
	}
	out := make([][]float64, n)
	for d := range out {
		out[d] = none[:len(none):len(none)]
	}
	return out
}

// countsHalfWidths returns, for each period d of [from, to), the 95 %
// half-width of each figure (in the order of models.Figures) of a channel
// of the given kind whose tallies in batch k and period d are perRep[k][d],
// batch k adding up weights[k] replications: pooledHalfWidths of
// each figure as the tables write it (the reputation, a reading added up,
// divided into its mean first, then PerReplication), the same bits, with less work: each sum leaving a batch
// out made in the same memory (stats.LeaveOneOuts) and its reputation
// divided into its mean once, not once for each figure; nothing computed
// for a figure that does not apply to the kind, NaN
// (TestCountsHalfWidthsAsPooled). The periods' half-widths may share their
// storage (with a single batch they are all NaN, one row for every
// period): read them, do not change them.
func countsHalfWidths(kind models.ChannelKind, perRep [][]models.Counts, weights []int, from, to int) [][]float64 {
	if len(perRep) < 2 {
		return noHalfWidths(to - from)
	}
	out := make([][]float64, to-from)
	g, m := len(perRep), len(models.Figures)
	jk := stats.NewJackknife(g, 0.95)
	n := 0
	for _, w := range weights {
		n += w
	}
	// units[k] is how many replications the sum leaving batch k out adds
	// up, as the reputation and PerReplication divide by it.
	units := make([]float64, g)
	for k, w := range weights {
		units[k] = float64(max(1, n-w))
	}
	applies, ext := make([]bool, m), make([]bool, m)
	for fi, f := range models.Figures {
		applies[fi], ext[fi] = models.FigureApplies(kind, f.Key), extensive(f.Unit)
	}
	parts := make([]models.Counts, g)
	vals := make([]float64, g)
	var sums stats.LeaveOneOuts[models.Counts]
	all := make([]float64, len(out)*m) // every period's, in one array
	for d := range out {
		for k := range perRep {
			parts[k] = perRep[k][from+d]
		}
		_, loo := sums.Of(parts, (*models.Counts).Add)
		for k := range loo {
			loo[k].Reputation /= units[k]
		}
		row := all[d*m : (d+1)*m : (d+1)*m]
		for fi, f := range models.Figures {
			if !applies[fi] {
				row[fi] = math.NaN()
				continue
			}
			for k := range loo {
				v := f.Of(&loo[k])
				if ext[fi] {
					v /= units[k]
				}
				vals[k] = v
			}
			row[fi] = jk.HalfWidth(vals)
		}
		out[d] = row
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
