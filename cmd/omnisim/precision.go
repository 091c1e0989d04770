package main

import (
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/output"
)

// defaultMaxReps is --max-reps's default.
const defaultMaxReps = 1000

// sayPrecision writes to w, in a line per target of p, whether it was
// reached.
func sayPrecision(w io.Writer, p *experiment.Precision) {
	for i, t := range p.Targets {
		got := p.Achieved[i]
		switch {
		case p.Met(i):
			fmt.Fprintf(w, "omnisim: precision: %s ±%s ≤ %s after %d replications\n", t.KPI.Name, precisionValue(t, got.HalfWidth), precisionValue(t, t.HalfWidth), p.Reps)
		case math.IsNaN(got.Mean):
			fmt.Fprintf(w, "omnisim: precision: %s has no data (nothing to measure), so its target %s cannot be met; stopped at --max-reps %d\n", t.KPI.Name, precisionValue(t, t.HalfWidth), p.Reps)
		default:
			fmt.Fprintf(w, "omnisim: precision: %s ±%s, not yet %s, at the cap of %d replications (raise --max-reps)\n", t.KPI.Name, precisionValue(t, got.HalfWidth), precisionValue(t, t.HalfWidth), p.Reps)
		}
	}
}

// precisionValue formats a half-width of target t's figure.
func precisionValue(t experiment.Target, v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	if t.KPI.Share {
		return strconv.FormatFloat(v*100, 'f', 2, 64) + "%"
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// writePrecision writes p's targets as a table after a run's text.
func writePrecision(w io.Writer, p *experiment.Precision) error {
	t := output.NewTable("precision target", "half-width wanted", "reached", "met")
	for i, tg := range p.Targets {
		met := "no"
		if p.Met(i) {
			met = "yes"
		}
		t.Row(tg.KPI.Name, precisionValue(tg, tg.HalfWidth), "±"+precisionValue(tg, p.Achieved[i].HalfWidth), met)
	}
	if _, err := fmt.Fprintf(w, "\n%d replications for --precision (at most %d):\n", p.Reps, p.MaxReps); err != nil {
		return err
	}
	_, err := t.WriteTo(w)
	return err
}

// precisionJSON is p's targets for JSON: per KPI its target, the
// half-width reached and whether it met the target, and the replications
// run.
func precisionJSON(p *experiment.Precision) *output.Object {
	o := &output.Object{}
	o.Set("replications", p.Reps)
	o.Set("max_replications", p.MaxReps)
	targets := &output.Object{}
	for i, t := range p.Targets {
		to := &output.Object{}
		to.Set("target", t.HalfWidth)
		to.Set("half_width", p.Achieved[i].HalfWidth)
		to.Set("met", p.Met(i))
		targets.Set(t.KPI.Name, to)
	}
	o.Set("targets", targets)
	return o
}
