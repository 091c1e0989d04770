package table

import (
	"strconv"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// SweepJSON returns the sweep as a JSON object: the scenario ("scenario",
// "title", "file"), "seed" and "replications" (of the first point; each
// point has its own too), "common_random_numbers" (whether every point
// ran with the same seed), "parameters" (the settings swept), "figures"
// (the keys of the chosen figures), and "points", one object per point in
// the grid's order: "point" (from 1), "values" (each setting's value, a
// number where it reads as one), "seed", "replications", then its
// figures as omnisim run's JSON has them, without days: "channels",
// "customers", "pools", each with "ci95", an "erlang" prediction per
// channel where a formula applies; "total", the figures of every pool
// together ("cost", ...); and, with word of mouth, "expectation".
func SweepJSON(report *output.SweepReport) *output.Object {
	r := sweep{report}
	o := &output.Object{}
	seed, same := r.Seed()
	reps, _ := r.Replications()
	o.Set("scenario", r.Name).Set("title", r.Title).Set("file", r.File).
		Set("seed", seed).Set("replications", reps).Set("common_random_numbers", same).
		Set("parameters", r.Params)
	chosen := make([]string, len(r.Chosen))
	for i, f := range r.Chosen {
		chosen[i] = r.Figures[f].Key
	}
	o.Set("figures", chosen)
	points := make([]*output.Object, len(r.Points))
	for p := range r.Points {
		points[p] = r.pointJSON(p)
	}
	return o.Set("points", points)
}

// pointJSON is point p's object.
func (r sweep) pointJSON(p int) *output.Object {
	pt := &r.Points[p]
	o := &output.Object{}
	o.Set("point", p+1)
	vals := &output.Object{}
	for i, path := range r.Params {
		vals.Set(path, jsonValue(pt.Values[i]))
	}
	o.Set("values", vals).Set("seed", pt.Config.Seed).Set("replications", pt.Summary.Replications)
	reps := pt.Summary.Replications
	channels := &output.Object{}
	for i, cs := range pt.Summary.Channels {
		ch := figuresJSON(models.Figures, cs.Figures, reps)
		if e, ok := erlangJSON(pt.Config, i); ok {
			ch.Set("erlang", e)
		}
		channels.Set(cs.Name, ch)
	}
	o.Set("channels", channels)
	if reps == 0 {
		return o
	}
	o.Set("customers", figuresJSON(models.CustomerFigures, pt.Summary.Customers, reps))
	pools := &output.Object{}
	for _, ps := range pt.Summary.Pools {
		pools.Set(ps.Name, figuresJSON(models.PoolFigures, ps.Figures, reps))
	}
	o.Set("pools", pools)
	total := make([]models.Estimate, len(models.PoolFigures))
	for i, f := range models.PoolFigures {
		total[i] = output.FigureEstimate(pt.Results, f, output.PoolsTotal)
	}
	o.Set("total", figuresJSON(models.PoolFigures, total, reps))
	if pt.Config.WordOfMouth.Enabled {
		x := &output.Object{}
		x.Set("level", pt.Summary.Expectation.Mean)
		if reps > 1 {
			x.Set("ci95", pt.Summary.Expectation.HalfWidth)
		}
		o.Set("expectation", x)
	}
	return o
}

// jsonValue writes a setting's value as a JSON number when it reads as
// one, else as text.
func jsonValue(v string) any {
	if f, err := strconv.ParseFloat(v, 64); err == nil && output.Finite(f) {
		return f
	}
	return v
}
