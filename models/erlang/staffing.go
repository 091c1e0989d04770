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
// Staff finds the fewest agents as if it tried every staffing level in turn,
// from ⌊a⌋+1 for Erlang C (fewer agents than the load a have no steady
// state) and from 1 for Erlang A, up to a + 50√a + 100 agents, and fails if
// none of them meets the targets; with Erlang A it skips the levels that
// impatientFloor proves cannot meet them. It also fails if a target is
// outside [0, 1], and if the search would try more than 2²⁴ staffing levels
// (Erlang A beyond about 16 million Erlangs).
func Staff(p Params, t Targets) (Result, error) {
	return staff(p, t, true)
}

// StaffLevel is Staff without Erlang A's average speed of answer: the same
// staffing and the same Result, to the bit, except that with Erlang A its
// ASA is 0 (TestStaffLevelIsStaff); Erlang C's, a closed form, is kept. It
// saves the series ASA sums and the figures of the level found computed a
// second time: about a third of Staff's work where the search tries a few
// levels, as for a run's agents needed by interval.
func StaffLevel(p Params, t Targets) (Result, error) {
	return staff(p, t, false)
}

// staff is Staff, with the average speed of answer when withASA is set.
func staff(p Params, t Targets, withASA bool) (Result, error) {
	if err := errors.Join(validate(p, false), t.validate()); err != nil {
		return Result{}, err
	}
	a := p.ArrivalRate * p.HandleTime
	first, from := 1, 1
	if abandons(p) {
		from = impatientFloor(p, t)
	} else {
		first = int(math.Floor(a)) + 1
		from = first
	}
	return staffFrom(p, t, first, from, true, withASA)
}

// boundSlack is the share by which impatientFloor and aWaits.slBound stay
// below their bounds on the answered share and the service level: far more
// than the rounding of the computed figures, which TestAnsweredShareBound
// measures below 10⁻⁸ (4.4·10⁻⁹ at worst, in overload).
const boundSlack = 1e-6

// impatientFloor returns a staffing level below which no level meets t for
// the impatient queue p (Erlang A), as computed by erlangA: Staff may start
// its search there and find the same answer.
//
// With n agents at most nμ contacts an hour are answered, so the answered
// share is 1 − P(Ab) ≤ n/a. In erlangA's closed forms this is the Erlang B
// bound E = B(n, a) ≥ 1 − n/a (the carried load a(1 − E) is at most n):
// there 1 − P(Ab) = 1 − P(W>0) + P(W>0)·(n/a)(1 − 1/A) with
// 1 − P(W>0) = (1 − E)/(1 + (A − 1)E) and P(W>0) = AE/(1 + (A − 1)E), so
// 1 − P(Ab) ≤ n/a is (1 − E)(1 − n/a) ≤ E·n/a, that is E ≥ 1 − n/a, for
// n < a (for n ≥ a it is 1 − P(Ab) ≤ 1). The service level is at most the
// answered share (SL = 1 − P(Ab) − P(W>0)·R(T), each term non-negative, and
// the floating-point subtraction keeps the order). So a service-level
// target s needs n/a ≥ s and an abandonment cap m needs n/a ≥ 1 − m: every
// n < (share − boundSlack)·a fails, share the larger of the two, whatever
// the rounding of the computed answered share, if it is within boundSlack.
// One level is given back for the rounding of that product. An occupancy
// cap alone bounds nothing here.
//
// The skipped levels must not be ones at which erlangA would fail: x = nμ/θ
// grows with n, so when x is out of range at the first or last level
// skipped, or y = λ/θ is, nothing is skipped and the search reports the
// error as before.
func impatientFloor(p Params, t Targets) int {
	share := 0.0
	if t.ServiceLevel > 0 {
		share = t.ServiceLevel
	}
	if t.MaxAbandon > 0 {
		share = max(share, 1-t.MaxAbandon)
	}
	share -= boundSlack
	a := p.ArrivalRate * p.HandleTime
	if !(share > 0) || !(share*a > 2) {
		return 1
	}
	if share*a >= maxStaffSearch {
		return 1 // the search fails on its size anyway
	}
	from := int(math.Ceil(share*a)) - 1
	y := p.ArrivalRate * p.Patience
	for _, n := range []int{1, from - 1} {
		x := float64(n) * p.Patience / p.HandleTime
		if !(x > 0 && y > 0) || math.IsInf(x, 1) || math.IsInf(y, 1) {
			return 1
		}
	}
	return from
}

// staffFrom is Staff's search of the levels first to a + 50√a + 100, the
// levels below from skipped as failing: B(n, a) is still carried from
// first by the recursion, so that every level's figures have the same bits
// whatever from is. With skipBounds, an Erlang A level whose service level
// is proven short of its target from the chances of waiting and abandoning
// alone (aWaits.slBound, below the target by more than boundSlack) fails
// without its service level computed, which takes a second log A; and one
// proven short by slCeiling, a bound above slBound from a partial sum of
// A's series, fails without log A at all (in a 365-day baseline's
// intervals.csv, 65,477 of the 65,557 levels slBound skipped). A level
// is accepted only on its computed figures, and the Result returned is
// computed again at that level, with the average speed of answer, when
// withASA is set (without, it is the figures the search computed, which
// erlangA without ASA computes the same way): skipping changes which level
// is found only if a skipped level would have met the targets, which the
// bounds exclude.
func staffFrom(p Params, t Targets, first, from int, skipBounds, withASA bool) (Result, error) {
	a := p.ArrivalRate * p.HandleTime
	impatient := abandons(p)
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
		if n < from {
			continue
		}
		var r Result
		if impatient {
			if skipBounds && t.ServiceLevel > 0 && slCeiling(p, n, e) < t.ServiceLevel-boundSlack {
				continue // the service level falls short (slCeiling), without log A
			}
			w, err := newAWaits(p, n, e)
			if err != nil {
				return Result{}, err
			}
			if skipBounds && t.ServiceLevel > 0 && w.slBound(p) < t.ServiceLevel-boundSlack {
				continue // the service level falls short (slBound)
			}
			if r, err = w.result(p, false); err != nil {
				return Result{}, err
			}
		} else {
			r = erlangC(p, n, e)
		}
		if !t.met(r) {
			continue
		}
		if impatient && withASA {
			// Add the average speed of answer, skipped while searching.
			return erlangA(p, n, e, true)
		}
		return r, nil
	}
	return Result{}, fmt.Errorf("erlang: no staffing up to %d agents meets the targets (%s) at an offered load of %.4g Erlangs", last, t.describe(), a)
}

// ceilingTerms is the most terms of A(x, y)'s series slCeiling adds up.
const ceilingTerms = 32

// slCeiling returns a bound above aWaits.slBound at n agents, given
// e = B(n, a), without log A(x, y): A is at least a partial sum of its
// series Σ y^k/((x+1)⋯(x+k)), every term positive (see logA), and
// P(W > 0) = 1/(1 + (1/E − 1)/A) grows with A, so the partial sum gives
// a chance of waiting below P(W > 0) and a bound above slBound's
// 1 − P(W>0)·e^(−nμT). The sum stops when a term adds less than 10⁻⁴ of
// it, or after ceilingTerms terms: a looser bound, never a wrong one.
// Its rounding (a few ulps) is far below boundSlack, by which staffFrom
// keeps under the target. A level where x or y is out of Erlang A's range
// gets 1, which skips nothing: the search reports its error as before.
func slCeiling(p Params, n int, e float64) float64 {
	x := float64(n) * p.Patience / p.HandleTime // as in newAWaits
	y := p.ArrivalRate * p.Patience
	if !(x > 0 && y > 0) || math.IsInf(x, 1) || math.IsInf(y, 1) {
		return 1
	}
	sum, term := 1.0, 1.0
	for k := 1; k <= ceilingTerms; k++ {
		term *= y / (x + float64(k))
		sum += term
		if term < 1e-4*sum {
			break
		}
	}
	pWait := 1 / (1 + (1/e-1)/sum)
	return 1 - pWait*math.Exp(-x*(p.AnswerWithin/p.Patience))
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
