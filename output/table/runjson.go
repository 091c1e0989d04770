package table

import (
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// RunJSON returns the report as a JSON object: the scenario's identity and
// settings ("start" is the weekday of day 1); then "channels", per channel
// every figure under its key in models.Figures, "ci95" holding the 95 %
// confidence half-widths when there is more than one replication,
// "erlang" the formula's prediction where one applies, "classes" with
// classes of customer each class's figures of models.ClassFigures (with
// their "ci95"), "intervals" each
// interval's figures with their half-widths and verdicts on the channel's
// targets when opts asks (intervalsJSON), and "days" each day's; "customers",
// the figures of models.CustomerFigures with their "ci95" and "days";
// "pools", per pool the figures of models.PoolFigures with their "ci95"
// and "days"; and, under word of mouth, "expectation": the global level at
// the horizon, its "ci95", the "patience_factor" it implies and the level at
// the end of each day (and of each interval, when opts asks). In intervals
// and days, counts, hours and costs are
// means per replication; days are numbered from 1. Undefined figures, and
// figures that do not apply to a channel's kind (abandonment on a deferred
// channel), are null.
func RunJSON(report *output.RunReport, opts RunOptions) *output.Object {
	r := run{report}
	cfg := r.Config
	o := &output.Object{}
	o.Set("scenario", r.Name).Set("title", r.Title).Set("file", r.File).
		Set("seed", cfg.Seed).Set("replications", r.Summary.Replications).
		Set("horizon_seconds", cfg.Horizon).Set("warmup_seconds", cfg.Warmup).
		Set("interval_seconds", cfg.Interval).Set("start", cfg.Start.String())
	channels := &output.Object{}
	for i, cs := range r.Summary.Channels {
		channels.Set(cs.Name, r.channelJSON(i, opts))
	}
	o.Set("channels", channels)
	if len(r.Results) == 0 {
		return o
	}

	customers := figuresJSON(models.CustomerFigures, r.Summary.Customers, r.Summary.Replications)
	var days []*output.Object
	customerDays := r.CustomerDays()
	for d := range customerDays {
		days = append(days, dayJSON(r, d, models.CustomerFigures, &customerDays[d]))
	}
	o.Set("customers", customers.Set("days", days))

	pools := &output.Object{}
	for p, ps := range r.Summary.Pools {
		po := figuresJSON(models.PoolFigures, ps.Figures, r.Summary.Replications)
		var days []*output.Object
		poolDays := r.PoolDays(p)
		for d := range poolDays {
			days = append(days, dayJSON(r, d, models.PoolFigures, &poolDays[d]))
		}
		pools.Set(ps.Name, po.Set("days", days))
	}
	o.Set("pools", pools)

	if r.WordOfMouth() {
		e := r.Summary.Expectation
		x := &output.Object{}
		x.Set("level", e.Mean)
		if r.Summary.Replications > 1 {
			x.Set("ci95", e.HalfWidth)
		}
		x.Set("patience_factor", r.PatienceFactor(e.Mean))
		var levels output.Floats
		for _, d := range r.ExpectationDays() {
			levels = append(levels, d.Mean)
		}
		x.Set("days", levels)
		if opts.Intervals {
			// The level at the end of each interval, averaged over the
			// replications.
			ivs := make(output.Floats, r.Config.Intervals())
			for _, res := range r.Batches {
				for k, v := range res.Expectation {
					ivs[k] += v / float64(len(r.Results))
				}
			}
			x.Set("intervals", ivs)
		}
		o.Set("expectation", x)
	}
	return o
}

// channelJSON is channel i's object.
func (r run) channelJSON(i int, opts RunOptions) *output.Object {
	cfg := r.Config
	ch := figuresJSON(models.Figures, r.Summary.Channels[i].Figures, r.Summary.Replications)
	if e, ok := erlangJSON(cfg, i); ok {
		ch.Set("erlang", e)
	}
	if cls := r.Summary.Channels[i].Classes; len(cls) > 0 {
		byClass := &output.Object{}
		for _, cl := range cls {
			byClass.Set(cl.Name, figuresJSON(models.ClassFigures, cl.Figures, r.Summary.Replications))
		}
		ch.Set("classes", byClass)
	}
	if opts.Intervals {
		ch.Set("intervals", r.intervalsJSON(i))
	}
	var days []*output.Object
	channelDays := r.ChannelDays(i)
	for d := range channelDays {
		o := output.NewObject(2 + len(models.Figures))
		o.Set("day", d+1).Set("weekday", r.Weekday(d).String())
		for fi, v := range r.ChannelFigures(i, &channelDays[d]) {
			o.Set(models.Figures[fi].Key, v)
		}
		days = append(days, o)
	}
	return ch.Set("days", days)
}

// intervalsJSON is channel i's list of intervals: each interval's start,
// the agents scheduled, every figure, with more than one replication
// "ci95" holding their 95 % confidence half-widths, and, when the channel
// sets targets, "targets": each target's figure, value and the interval's
// verdict on it (output.Verdict).
func (r run) intervalsJSON(i int) []*output.Object {
	cfg := r.Config
	pools := output.ServingPools(cfg, i)
	halves := r.ChannelIntervalHalfWidths(i)
	targets, set := output.ChannelTargets(cfg, i)
	var list []*output.Object
	intervals := r.ChannelIntervals(i)
	for k := range intervals {
		iv := &output.Object{}
		iv.Set("start_seconds", float64(k)*cfg.Interval).Set("agents", agentsAt(cfg, pools, k))
		vals := r.ChannelFigures(i, &intervals[k])
		ci := &output.Object{}
		for fi, f := range models.Figures {
			iv.Set(f.Key, vals[fi])
			ci.Set(f.Key, halves[k][fi])
		}
		if r.Summary.Replications > 1 {
			iv.Set("ci95", ci)
		}
		var judged []*output.Object
		for j := range output.TargetKinds {
			if set[j] {
				to := &output.Object{}
				to.Set("figure", targets[j].Kind.Key()).Set("target", targets[j].Value).
					Set("verdict", output.Judge(targets[j], vals, halves[k]))
				judged = append(judged, to)
			}
		}
		if judged != nil {
			iv.Set("targets", judged)
		}
		list = append(list, iv)
	}
	return list
}

// erlangJSON is channel i's "erlang" object: the formula that applies to
// it (models.ReferenceFor), whether it is exact, the offered load and the
// formula's prediction of each figure it predicts; false where none
// applies.
func erlangJSON(cfg *models.Config, i int) (*output.Object, bool) {
	ref, ok := models.ReferenceFor(cfg, i)
	if !ok {
		return nil, false
	}
	e := &output.Object{}
	e.Set("model", ref.Model).Set("exact", ref.Exact).Set("offered_load_erlangs", ref.Result.OfferedLoad)
	for _, f := range models.Figures {
		if v, ok := ref.Value(f.Key); ok {
			e.Set(f.Key, v)
		}
	}
	return e, true
}

// figuresJSON is an object of estimates: each figure's mean under its key,
// then, with more than one replication, "ci95" holding the half-widths.
func figuresJSON[T any](figs []models.Figure[T], ests []models.Estimate, reps int) *output.Object {
	o, ci := &output.Object{}, &output.Object{}
	for fi, f := range figs {
		o.Set(f.Key, ests[fi].Mean)
		ci.Set(f.Key, ests[fi].HalfWidth)
	}
	if reps > 1 {
		o.Set("ci95", ci)
	}
	return o
}

// dayJSON is day d's object: its number from 1, its weekday, and each
// figure of the tallies added up over the replications.
func dayJSON[T any](r run, d int, figs []models.Figure[T], sum *T) *output.Object {
	o := output.NewObject(2 + len(figs))
	o.Set("day", d+1).Set("weekday", r.Weekday(d).String())
	for _, f := range figs {
		o.Set(f.Key, output.PerReplication(f, sum, r.Reps()))
	}
	return o
}
