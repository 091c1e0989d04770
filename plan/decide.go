package plan

import (
	"math"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/stats"
)

// Verdict is how a figure stands against a target, earned by its
// confidence interval rather than by its mean alone.
type Verdict string

// The verdicts Decide gives.
const (
	// VerdictMet: the whole confidence interval is on the target's good
	// side.
	VerdictMet Verdict = "met"
	// VerdictMissed: the whole confidence interval is on the bad side.
	VerdictMissed Verdict = "missed"
	// VerdictUndecided: the interval reaches both sides, or there is no
	// interval (one replication): more replications would tell.
	VerdictUndecided Verdict = "undecided"
	// VerdictNoData: the figure is undefined (no contact offered, no agent
	// present), so there is nothing to judge.
	VerdictNoData Verdict = "no data"
)

// Decide judges a figure with mean and confidence half-width against t: met
// when the whole interval [mean − half, mean + half] meets the target,
// missed when none of it does, undecided otherwise. A NaN half-width (a
// single value) is undecided: without an interval no verdict is earned. A
// NaN mean has no data.
func (t Target) Decide(mean, half float64) Verdict {
	switch {
	case math.IsNaN(mean):
		return VerdictNoData
	case math.IsNaN(half):
		return VerdictUndecided
	case t.Meets(worstEnd(t, mean, half)):
		return VerdictMet
	case !t.Meets(bound(t, mean, half)):
		return VerdictMissed
	}
	return VerdictUndecided
}

// worstEnd returns the end of the confidence interval farthest from the
// target's good side: the lower bound for a floor, the upper for a cap.
func worstEnd(t Target, mean, half float64) float64 {
	if t.Kind == ServiceLevel {
		return mean - half
	}
	return mean + half
}

// Standing is one target the scenario sets, judged on a set of
// replications: over the whole measured window and period by period.
type Standing struct {
	Target
	// Estimate is the figure over the measured window, the mean of the
	// replications with its 95 % confidence half-width, as models.Summarize
	// gives it.
	Estimate models.Estimate
	// Verdict judges Estimate.
	Verdict Verdict
	// Periods counts the target's checks (intervals; days for a deferred
	// channel's response target) in the measured window, and Met, Missed,
	// Undecided and NoData those with each verdict, each judged by the 95 %
	// confidence interval of its own figure pooled over the replications
	// (the jackknife's), as intervals.csv judges it.
	Periods, Met, Missed, Undecided, NoData int
	// Worst is the period with the worst figure (the earliest on a tie),
	// and WorstMean, WorstHalf that figure and its half-width; Worst.From
	// is −1 when no period has data.
	Worst                Check
	WorstMean, WorstHalf float64
}

// StandingLevel is the confidence level of every interval a Standing
// judges by: each period is judged on its own, not as one of a family.
const StandingLevel = 0.95

// Standings judges every target the scenario cfg sets itself (not the
// service level assumed for a live channel with none), in channel order,
// on replications of it: their totals, one per replication, and their
// tallies by interval, one per replication or added up in batches
// (models.Pooled), over which the jackknife of each period runs.
func Standings(cfg *models.Config, totals, batches []*models.Result) []Standing {
	full := *cfg
	full.SetDefaults()
	var ts []Target
	for _, t := range Targets(&full) {
		if !t.Assumed {
			ts = append(ts, t)
		}
	}
	sum := models.Summarize(totals)
	out := make([]Standing, 0, len(ts))
	jk := stats.NewJackknife(len(batches), StandingLevel)
	for _, t := range ts {
		s := Standing{Target: t, Worst: Check{From: -1}, WorstMean: math.NaN(), WorstHalf: math.NaN()}
		s.Estimate = sum.Channels[t.Channel].Get(t.Kind.Key())
		s.Verdict = t.Decide(s.Estimate.Mean, s.Estimate.HalfWidth)
		for _, c := range checks(&full, []Target{t}) {
			mean, half := c.pooled(batches, jk)
			s.Periods++
			switch t.Decide(mean, half) {
			case VerdictMet:
				s.Met++
			case VerdictMissed:
				s.Missed++
			case VerdictUndecided:
				s.Undecided++
			default:
				s.NoData++
			}
			if !math.IsNaN(mean) && (s.Worst.From < 0 || worse(t, mean, s.WorstMean)) {
				s.Worst, s.WorstMean, s.WorstHalf = c, mean, half
			}
		}
		out = append(out, s)
	}
	return out
}
