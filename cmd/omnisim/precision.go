package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// minPrecisionReps is the fewest replications --precision starts from: a
// half-width from two is too unsteady to decide on.
const minPrecisionReps = 5

// defaultMaxReps is --max-reps's default.
const defaultMaxReps = 1000

// precisionTarget is one --precision KPI=HALFWIDTH.
type precisionTarget struct {
	kpi    models.KPI
	target float64
}

// parsePrecision reads the --precision flags against cfg's figures. Every
// problem is reported at once.
func parsePrecision(cfg *models.Config, flags []string) ([]precisionTarget, error) {
	var targets []precisionTarget
	var problems []string
	for _, f := range flags {
		name, value, ok := strings.Cut(f, "=")
		if !ok {
			problems = append(problems, fmt.Sprintf("--precision %s: want KPI=HALFWIDTH, for example phone.service_level=0.01", f))
			continue
		}
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		kpi, err := models.ParseKPI(cfg, name)
		if err != nil {
			problems = append(problems, fmt.Sprintf("--precision %s: %v", f, err))
			continue
		}
		var target float64
		if kpi.Share {
			target, err = models.ParseFraction(value)
		} else {
			target, err = strconv.ParseFloat(value, 64)
		}
		if err != nil || !(target > 0) || math.IsInf(target, 0) {
			unit := "a number > 0"
			if kpi.Share {
				unit = "a share > 0, such as 0.01 or 1%"
			}
			problems = append(problems, fmt.Sprintf("--precision %s: the half-width %q is not %s", f, value, unit))
			continue
		}
		if slices.ContainsFunc(targets, func(t precisionTarget) bool { return t.kpi.Name == name }) {
			problems = append(problems, fmt.Sprintf("--precision %s: %s has a target already", f, name))
			continue
		}
		targets = append(targets, precisionTarget{kpi: kpi, target: target})
	}
	if len(problems) > 0 {
		return nil, usageErrorf("%s", strings.Join(problems, "\n"))
	}
	return targets, nil
}

// precisionResult says how the replications met their targets.
type precisionResult struct {
	reps, maxReps int
	targets       []precisionTarget
	// achieved are the targets' half-widths at the end.
	achieved []models.Estimate
}

// met tells whether target i was reached: a figure with no data, or with
// a single replication, never is.
func (p *precisionResult) met(i int) bool {
	return p.achieved[i].HalfWidth <= p.targets[i].target
}

func (p *precisionResult) allMet() bool {
	for i := range p.targets {
		if !p.met(i) {
			return false
		}
	}
	return true
}

// measure records the targets' estimates in results.
func (p *precisionResult) measure(results []*models.Result) {
	s := models.Summarize(results)
	p.reps = len(results)
	p.achieved = p.achieved[:0]
	for _, t := range p.targets {
		p.achieved = append(p.achieved, t.kpi.Of(s))
	}
}

// next returns how many replications to have after this batch: for each
// target not met, the count at which its half-width, shrinking as
// 1/√n, would reach it; at least one more than now and at most twice as
// many, within maxReps. A target with no half-width yet (no data) asks
// for twice as many.
func (p *precisionResult) next() int {
	n := p.reps
	want := n + 1
	for i, t := range p.targets {
		if p.met(i) {
			continue
		}
		h := p.achieved[i].HalfWidth
		need := 2 * n
		if !math.IsNaN(h) {
			need = int(math.Ceil(float64(n) * (h / t.target) * (h / t.target)))
		}
		want = max(want, need)
	}
	return min(p.maxReps, min(2*n, want))
}

// refine adds replications to pooled in rounds until every target is met
// or there are maxReps. The rounds depend only on the results, never on
// how many workers ran them, so neither does the outcome.
func (o *runOptions) refine(cfg *models.Config, pooled *models.Pooled, targets []precisionTarget, bar progress) (*precisionResult, error) {
	p := &precisionResult{maxReps: o.maxReps, targets: targets}
	p.measure(pooled.Totals)
	for !p.allMet() && p.reps < p.maxReps {
		next := p.next()
		bar.Grow(next)
		if err := o.gather(cfg, span(p.reps, next), nil, bar, pooled); err != nil {
			return nil, err
		}
		p.measure(pooled.Totals)
	}
	return p, nil
}

// say writes to w, in a line per target, whether it was reached.
func (p *precisionResult) say(w io.Writer) {
	for i, t := range p.targets {
		got := p.achieved[i]
		switch {
		case p.met(i):
			fmt.Fprintf(w, "omnisim: precision: %s ±%s ≤ %s after %d replications\n", t.kpi.Name, p.value(i, got.HalfWidth), p.value(i, t.target), p.reps)
		case math.IsNaN(got.Mean):
			fmt.Fprintf(w, "omnisim: precision: %s has no data (nothing to measure), so its target %s cannot be met; stopped at --max-reps %d\n", t.kpi.Name, p.value(i, t.target), p.reps)
		default:
			fmt.Fprintf(w, "omnisim: precision: %s ±%s, not yet %s, at the cap of %d replications (raise --max-reps)\n", t.kpi.Name, p.value(i, got.HalfWidth), p.value(i, t.target), p.reps)
		}
	}
}

// value formats a half-width of target i's figure.
func (p *precisionResult) value(i int, v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	if p.targets[i].kpi.Share {
		return strconv.FormatFloat(v*100, 'f', 2, 64) + "%"
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// writeText writes the targets as a table after a run's text.
func (p *precisionResult) writeText(w io.Writer) error {
	t := output.NewTable("precision target", "half-width wanted", "reached", "met")
	for i, tg := range p.targets {
		met := "no"
		if p.met(i) {
			met = "yes"
		}
		t.Row(tg.kpi.Name, p.value(i, tg.target), "±"+p.value(i, p.achieved[i].HalfWidth), met)
	}
	if _, err := fmt.Fprintf(w, "\n%d replications for --precision (at most %d):\n", p.reps, p.maxReps); err != nil {
		return err
	}
	_, err := t.WriteTo(w)
	return err
}

// json is the targets for JSON: per KPI its target, the half-width
// reached and whether it met the target, and the replications run.
func (p *precisionResult) json() *output.Object {
	o := &output.Object{}
	o.Set("replications", p.reps)
	o.Set("max_replications", p.maxReps)
	targets := &output.Object{}
	for i, t := range p.targets {
		to := &output.Object{}
		to.Set("target", t.target)
		to.Set("half_width", p.achieved[i].HalfWidth)
		to.Set("met", p.met(i))
		targets.Set(t.kpi.Name, to)
	}
	o.Set("targets", targets)
	return o
}
