package plan

import "math"

// DefaultPrecision is the half-width, as a share (2 percentage points),
// at which the verification decides a check whose confidence interval
// still reaches its target: every target is a share (service level,
// abandonment, occupancy), so the precision is in points for all of them.
const DefaultPrecision = 0.02

// DefaultMaxVerifyReplications caps the fresh replications the
// verification runs to decide every check.
const DefaultMaxVerifyReplications = 1000

// MaxVerifyRaises caps the rounds in which the verification adds agents
// for checks it finds missed.
const MaxVerifyRaises = 10

// Status is how a verified check fares: a Verdict, with one more way to
// earn met or missed (see decide).
type Status = Verdict

// The statuses of a verified check.
const (
	// Met: the confidence interval lies wholly on the target's good side,
	// or it is no wider than the precision asked for and the mean meets
	// the target.
	Met = VerdictMet
	// Missed: the confidence interval lies wholly on the wrong side, or it
	// is no wider than the precision and the mean misses the target.
	Missed = VerdictMissed
	// Undecided: the confidence interval reaches both sides of the target
	// and is wider than the precision; more replications would tell.
	Undecided = VerdictUndecided
	// NoData: no replication has data for the check (no contact offered,
	// no agent present): there is nothing to judge.
	NoData = VerdictNoData
)

// decide judges a check whose figure has the given mean and confidence
// half-width against target t: met or missed when the interval lies wholly
// on one side of the target (Target.Decide), or, when it straddles the
// target, as the mean says once the half-width is at most precision;
// undecided otherwise (a NaN half-width, from a single value, is never
// precise enough).
func decide(t Target, mean, half, precision float64) Status {
	v := t.Decide(mean, half)
	if v != Undecided || math.IsNaN(half) || half > precision+1e-12 {
		return v
	}
	if t.Meets(mean) {
		return Met
	}
	return Missed
}
