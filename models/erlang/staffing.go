package erlang

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Targets are the service goals Staff must meet. A zero field sets no
// constraint.
type Targets struct {
	// ServiceLevel is the minimum share of offered contacts answered within
	// Params.AnswerWithin, for example 0.8.
	ServiceLevel float64
	// MaxOccupancy is the highest acceptable agent occupancy, for example 0.85.
	MaxOccupancy float64
	// MaxAbandon is the highest acceptable share of offered contacts that
	// abandon, for example 0.05. Erlang C contacts never abandon.
	MaxAbandon float64
}

// maxStaffSearch bounds the staffing levels Staff tries, so that absurd loads
// give an error instead of a long wait.
const maxStaffSearch = 1 << 24

// Staff returns the fewest agents meeting every target in t for the queue p,
// with the Result at that staffing; p.Agents is ignored. It uses Erlang A
// when p.Patience is finite and positive and Erlang C otherwise, like
// Evaluate.
//
// Staff tries every staffing level in turn, from ⌊a⌋+1 for Erlang C (fewer
// agents than the load a have no steady state) and from 1 for Erlang A, up to
// a + 50√a + 100 agents, and fails if none of them meets the targets. It also
// fails if a target is outside [0, 1], and if the search would try more than
// 2²⁴ staffing levels (Erlang A beyond about 16 million Erlangs).
func Staff(p Params, t Targets) (Result, error) {
	if err := errors.Join(validate(p, false), t.validate()); err != nil {
		return Result{}, err
	}
	a := p.ArrivalRate * p.HandleTime
	impatient := abandons(p)
	first := 1
	if !impatient {
		first = int(math.Floor(a)) + 1
	}
	last := int(math.Ceil(a + 50*math.Sqrt(a) + 100))
	if last-first >= maxStaffSearch {
		return Result{}, fmt.Errorf("erlang: offered load of %.4g Erlangs is too large to staff by search (over %d staffing levels to try)", a, maxStaffSearch)
	}

	e := B(first, a)
	for n := first; n <= last; n++ {
		if n > first {
			// The Erlang B recursion carries B(n−1, a) to B(n, a).
			e = a * e / (float64(n) + a*e)
		}
		var r Result
		if impatient {
			var err error
			if r, err = erlangA(p, n, e, false); err != nil {
				return Result{}, err
			}
		} else {
			r = erlangC(p, n, e)
		}
		if !t.met(r) {
			continue
		}
		if impatient {
			// Add the average speed of answer, skipped while searching.
			return erlangA(p, n, e, true)
		}
		return r, nil
	}
	return Result{}, fmt.Errorf("erlang: no staffing up to %d agents meets the targets (%s) at an offered load of %.4g Erlangs", last, t.describe(), a)
}

// validate returns an error for every target outside [0, 1].
func (t Targets) validate() error {
	var errs []error
	for _, f := range []struct {
		name string
		v    float64
	}{
		{"service level", t.ServiceLevel},
		{"maximum occupancy", t.MaxOccupancy},
		{"maximum abandonment", t.MaxAbandon},
	} {
		if !(f.v >= 0 && f.v <= 1) {
			errs = append(errs, fmt.Errorf("erlang: %s target must be in [0, 1], got %v", f.name, f.v))
		}
	}
	return errors.Join(errs...)
}

// met reports whether r meets every target set in t.
func (t Targets) met(r Result) bool {
	return (t.ServiceLevel == 0 || r.ServiceLevel >= t.ServiceLevel) &&
		(t.MaxOccupancy == 0 || r.Occupancy <= t.MaxOccupancy) &&
		(t.MaxAbandon == 0 || r.PAbandon <= t.MaxAbandon)
}

// describe lists the targets set in t, for error messages.
func (t Targets) describe() string {
	var parts []string
	if t.ServiceLevel > 0 {
		parts = append(parts, fmt.Sprintf("service level ≥ %g", t.ServiceLevel))
	}
	if t.MaxOccupancy > 0 {
		parts = append(parts, fmt.Sprintf("occupancy ≤ %g", t.MaxOccupancy))
	}
	if t.MaxAbandon > 0 {
		parts = append(parts, fmt.Sprintf("abandonment ≤ %g", t.MaxAbandon))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// Scheduled returns the agents to schedule so that agents remain available
// after a share shrinkage in [0, 1) of scheduled time is lost to breaks,
// training and absence: ⌈agents/(1 − shrinkage)⌉.
//
// Floating-point division can land just above a whole number (21/(1 − 0.3)
// is 30.000000000000004 in float64), so the quotient is lowered by 1e-9
// before rounding up; this is exact for any realistic agent count (below
// about 10⁶).
func Scheduled(agents int, shrinkage float64) (int, error) {
	if agents < 0 {
		return 0, fmt.Errorf("erlang: agents must be at least 0, got %d", agents)
	}
	if !(shrinkage >= 0 && shrinkage < 1) {
		return 0, fmt.Errorf("erlang: shrinkage must be in [0, 1), got %v", shrinkage)
	}
	s := math.Ceil(float64(agents)/(1-shrinkage) - 1e-9)
	if s >= math.MaxInt {
		return 0, fmt.Errorf("erlang: %d agents at shrinkage %v need more agents than an int holds", agents, shrinkage)
	}
	return max(int(s), agents), nil
}
