package output

import (
	"io"
	"strconv"

	"github.com/omnisim/omnisim/models"
)

// The files of a sweep's output folder, besides summary.json and the
// charts.
const (
	SweepCSVFile  = "sweep.csv"
	SweepJSONFile = "sweep.json"
)

// JSON returns the sweep as a JSON object: the scenario ("scenario",
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
func (r *SweepReport) JSON() *Object {
	o := &Object{}
	seed, same := r.seed()
	reps, _ := r.replications()
	o.Set("scenario", r.Name).Set("title", r.Title).Set("file", r.File).
		Set("seed", seed).Set("replications", reps).Set("common_random_numbers", same).
		Set("parameters", r.Params)
	chosen := make([]string, len(r.Chosen))
	for i, f := range r.Chosen {
		chosen[i] = r.Figures[f].Key
	}
	o.Set("figures", chosen)
	points := make([]*Object, len(r.Points))
	for p := range r.Points {
		points[p] = r.pointJSON(p)
	}
	return o.Set("points", points)
}

// pointJSON is point p's object.
func (r *SweepReport) pointJSON(p int) *Object {
	pt := &r.Points[p]
	o := &Object{}
	o.Set("point", p+1)
	vals := &Object{}
	for i, path := range r.Params {
		vals.Set(path, jsonValue(pt.Values[i]))
	}
	o.Set("values", vals).Set("seed", pt.Config.Seed).Set("replications", pt.Summary.Replications)
	reps := pt.Summary.Replications
	channels := &Object{}
	for i, cs := range pt.Summary.Channels {
		ch := figuresJSON(models.Figures, cs.Figures, reps)
		if ref, ok := models.ReferenceFor(pt.Config, i); ok {
			e := &Object{}
			e.Set("model", ref.Model).Set("exact", ref.Exact).Set("offered_load_erlangs", ref.Result.OfferedLoad)
			for _, f := range models.Figures {
				if v, ok := ref.Value(f.Key); ok {
					e.Set(f.Key, v)
				}
			}
			ch.Set("erlang", e)
		}
		channels.Set(cs.Name, ch)
	}
	o.Set("channels", channels)
	if reps == 0 {
		return o
	}
	o.Set("customers", figuresJSON(models.CustomerFigures, pt.Summary.Customers, reps))
	pools := &Object{}
	for _, ps := range pt.Summary.Pools {
		pools.Set(ps.Name, figuresJSON(models.PoolFigures, ps.Figures, reps))
	}
	o.Set("pools", pools)
	total := make([]models.Estimate, len(models.PoolFigures))
	for i, f := range models.PoolFigures {
		total[i] = estimate(pt.Results, f, poolsTotal)
	}
	o.Set("total", figuresJSON(models.PoolFigures, total, reps))
	if pt.Config.WordOfMouth.Enabled {
		x := &Object{}
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
	if f, err := strconv.ParseFloat(v, 64); err == nil && finite(f) {
		return f
	}
	return v
}

// CSVTable returns sweep.csv: one row per point, the swept settings first
// (one column each, named by its path, holding the value as --set takes
// it), then every figure (SweepFigures) under its key, each followed by
// "<key>_ci95", the half-width of its 95 % confidence interval (empty with
// a single replication). Shares are fractions, times in seconds; an empty
// cell is a figure with no data.
func (r *SweepReport) CSVTable() *CSVTable {
	t := &CSVTable{Columns: append([]string(nil), r.Params...)}
	for _, f := range r.Figures {
		t.Columns = append(t.Columns, f.Key, f.Key+"_ci95")
	}
	for p, pt := range r.Points {
		row := append([]string(nil), pt.Values...)
		for f := range r.Figures {
			e := r.est[p][f]
			row = append(row, cellOf(e.Mean), cellOf(e.HalfWidth))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// columns describes sweep.csv's columns, for summary.json.
func (r *SweepReport) columns() []Column {
	var out []Column
	for _, p := range r.Params {
		out = append(out, Column{p, "the value of the setting " + p + " at the point, as --set takes it"})
	}
	for _, f := range r.Figures {
		out = append(out,
			Column{f.Key, f.Definition + unitNote(f.Unit)},
			Column{f.Key + "_ci95", "the half-width of the 95 % confidence interval of " + f.Key +
				" (Student t over the point's replications); empty with a single replication"})
	}
	return out
}

// unitNote says how a figure of a unit is written in a CSV file.
func unitNote(unit string) string {
	switch unit {
	case UnitShare:
		return " (a fraction from 0 to 1)"
	case UnitSeconds:
		return " (seconds)"
	case UnitHours:
		return " (hours, a mean per replication)"
	case UnitMoney:
		return " (the scenario's currency, a mean per replication)"
	case UnitCount:
		return " (a mean per replication)"
	}
	return ""
}

// SummaryJSON returns summary.json's object but for its "files"
// (SweepFolderFiles adds them): "omnisim_version", the sweep as JSON
// without its points (see JSON; they are in sweep.json), the points'
// values in grid order, and "definitions", the definition of every
// figure under its key. It holds no wall-clock time.
func (r *SweepReport) SummaryJSON(version string) *Object {
	o := &Object{}
	o.Set("omnisim_version", version).Set("kind", "sweep")
	r.Provenance.Set(o)
	o.Set("description", r.Description)
	full := r.JSON()
	for i, k := range full.keys {
		if k != "points" {
			o.Set(k, full.values[i])
		}
	}
	pts := make([][]string, len(r.Points))
	for p, pt := range r.Points {
		pts[p] = pt.Values
	}
	o.Set("points", pts)
	defs := &Object{}
	for _, f := range r.Figures {
		defs.Set(f.Key, f.Definition+unitNote(f.Unit))
	}
	return o.Set("definitions", defs)
}

// SweepFolderFiles returns the files of a sweep's output folder:
// summary.json (SummaryJSON with "files", what each file holds and the
// columns of sweep.csv), sweep.csv, sweep.json (the JSON omnisim sweep
// --json prints), then the charts, each as charts/<figure>.svg and .png,
// and report.html.
func (r *SweepReport) SweepFolderFiles(version string) []File {
	table := r.CSVTable()
	files := []File{
		{Name: SummaryFile, Description: "the sweep: the scenario, the settings swept and each point's values, the figures chosen, " +
			"the definition of every figure (\"definitions\") and of every file of this folder (\"files\")"},
		{Name: SweepCSVFile, Description: "one row per point, in the grid's order (the first setting varying slowest): the settings swept, " +
			"then every figure of the point as the mean over its replications, each followed by the half-width of its 95 % confidence interval",
			Columns: r.columns(), Write: table.WriteCSV},
		{Name: SweepJSONFile, Description: "every figure of every point, as omnisim sweep --json prints it",
			Write: func(w io.Writer) error { return WriteJSON(w, r.JSON()) }},
	}
	files = append(files, sweepVisualFiles(r)...)
	if r.Provenance != nil {
		files = append(files, r.Provenance.Files...)
	}
	summary := r.SummaryJSON(version)
	summary.Set("files", filesJSON(files))
	files[0].Write = func(w io.Writer) error { return WriteJSON(w, summary) }
	return files
}
