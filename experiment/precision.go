package experiment

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/models"
)

// MinPrecisionReps is the fewest replications a run with precision
// targets starts from: a half-width from two is too unsteady to decide on.
const MinPrecisionReps = 5

// Target is a precision target: a figure whose 95 % confidence
// half-width over the replications is to be at most HalfWidth
// (--precision KPI=HALFWIDTH).
type Target struct {
	// KPI is the figure.
	KPI models.KPI
	// HalfWidth is the half-width wanted, in the figure's unit (a share
	// as a fraction).
	HalfWidth float64
}

// ParsePrecision reads precision targets written KPI=HALFWIDTH (the
// --precision flags) against cfg's figures: a share's half-width as 0.01
// or 1%, any other as a number > 0, each figure once. Every problem is
// reported at once, a line each, starting with its flag.
func ParsePrecision(cfg *models.Config, flags []string) ([]Target, error) {
	var targets []Target
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
		if slices.ContainsFunc(targets, func(t Target) bool { return t.KPI.Name == name }) {
			problems = append(problems, fmt.Sprintf("--precision %s: %s has a target already", f, name))
			continue
		}
		targets = append(targets, Target{KPI: kpi, HalfWidth: target})
	}
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	return targets, nil
}

// Precision is a run's sequential procedure for its precision targets:
// replications are added in rounds until every target's 95 % half-width
// is reached, or there are MaxReps.
type Precision struct {
	// Targets are the figures and the half-widths wanted.
	Targets []Target
	// MaxReps is the most replications the run may have (--max-reps).
	MaxReps int
	// Reps is the number of replications measured, and Achieved each
	// target's estimate over them, in the order of Targets.
	Reps     int
	Achieved []models.Estimate
}

// Start returns the replications a run with precision targets starts
// from, given those it would otherwise run: at least MinPrecisionReps.
func (p *Precision) Start(reps int) int {
	return max(reps, MinPrecisionReps)
}

// Met tells whether target i was reached: a figure with no data, or with
// a single replication, never is.
func (p *Precision) Met(i int) bool {
	return p.Achieved[i].HalfWidth <= p.Targets[i].HalfWidth
}

// AllMet tells whether every target was reached.
func (p *Precision) AllMet() bool {
	for i := range p.Targets {
		if !p.Met(i) {
			return false
		}
	}
	return true
}

// measure records the targets' estimates in results.
func (p *Precision) measure(results []*models.Result) {
	s := models.Summarize(results)
	p.Reps = len(results)
	p.Achieved = p.Achieved[:0]
	for _, t := range p.Targets {
		p.Achieved = append(p.Achieved, t.KPI.Of(s))
	}
}

// next returns how many replications to have after this round: for each
// target not met, the count at which its half-width, shrinking as
// 1/√n, would reach it; at least one more than now and at most twice as
// many, within MaxReps. A target with no half-width yet (no data) asks
// for twice as many.
func (p *Precision) next() int {
	n := p.Reps
	want := n + 1
	for i, t := range p.Targets {
		if p.Met(i) {
			continue
		}
		h := p.Achieved[i].HalfWidth
		need := 2 * n
		if !math.IsNaN(h) {
			need = int(math.Ceil(float64(n) * (h / t.HalfWidth) * (h / t.HalfWidth)))
		}
		want = max(want, need)
	}
	return min(p.MaxReps, min(2*n, want))
}

// Refine measures the targets on the replications pooled holds, then adds
// replications to it in rounds, running them as r says (its Reps aside:
// each round runs the replications that follow those pooled holds), until
// every target is met or there are MaxReps. grow, when not nil, is told
// before each round how many replications there will be after it. The
// rounds depend only on the results, never on how many workers ran them,
// so neither does the outcome.
func (p *Precision) Refine(r Run, pooled *models.Pooled, grow func(total int)) error {
	p.measure(pooled.Totals)
	for !p.AllMet() && p.Reps < p.MaxReps {
		next := p.next()
		if grow != nil {
			grow(next)
		}
		r.Reps = Span(p.Reps, next)
		if err := r.Gather(pooled); err != nil {
			return err
		}
		p.measure(pooled.Totals)
	}
	return nil
}
