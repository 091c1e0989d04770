package plan

import (
	"math"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/sim"
)

// FamilyLevel is the confidence of the verification's intervals taken
// together: each check's interval is at the Bonferroni level
// 1 − (1 − FamilyLevel)/checks, so that a plan that truly meets every
// target is declared to miss one with a chance of at most 5 %.
const FamilyLevel = 0.95

// Status is how a verified check fares.
type Status string

// The statuses of a verified check.
const (
	// Met: the mean over the fresh replications meets the target.
	Met Status = "met"
	// Unclear: the mean misses the target, but the confidence interval
	// reaches it: the miss may be chance.
	Unclear Status = "unclear"
	// Missed: the whole confidence interval misses the target.
	Missed Status = "missed"
)

// Verification is a plan simulated again on replications the search never
// saw (Replications to 2·Replications−1 of the same seed).
type Verification struct {
	// FirstReplication and Replications say which replications ran.
	FirstReplication, Replications int
	// Checks are every check, in the search's order.
	Checks []VerifiedCheck
	// Channels are the figures over the measured window, per target.
	Channels []ChannelVerification
	// Met, Unclear and Missed count the checks by status.
	Met, Unclear, Missed int
	// Results are the replications, for output.
	Results []*models.Result
}

// VerifiedCheck is one check on fresh replications.
type VerifiedCheck struct {
	Check
	// Mean and Half are the mean of the replications' figures (those with
	// data) and the half-width of its confidence interval at the
	// Bonferroni level; Half is NaN with fewer than two.
	Mean, Half float64
	Status     Status
}

// ChannelVerification is one target judged over the whole measured window.
type ChannelVerification struct {
	Target
	// Estimate is the figure with its 95 % confidence half-width.
	Estimate models.Estimate
	// Met tells whether the mean meets the target.
	Met bool
	// Worst is the check of the target with the worst mean.
	Worst *VerifiedCheck
	// Intervals counts the target's checks, and Missed those missed.
	Checks, Missed, Unclear int
}

// verify simulates cfg on fresh replications and judges every check with a
// confidence interval.
func verify(cfg *models.Config, cs []Check, opt Options) (*Verification, error) {
	r, err := simulate(cfg, opt.Replications, opt.Replications, opt.Workers, false)
	if err != nil {
		return nil, err
	}
	return judge(cfg, cs, r.results, opt.Replications), nil
}

// Judge judges every target of cfg, interval by interval (day by day for a
// deferred channel's response target) over its measured window, on the
// given replications (first numbers the first of them, for output), as the
// verification of Search does: to check a plan loaded back into a
// scenario.
func Judge(cfg *models.Config, results []*models.Result, first int) *Verification {
	full := *cfg
	full.SetDefaults()
	return judge(&full, checks(&full, Targets(&full)), results, first)
}

// judge judges checks on the given replications.
func judge(cfg *models.Config, cs []Check, results []*models.Result, first int) *Verification {
	v := &Verification{FirstReplication: first, Replications: len(results), Results: results}
	level := 1 - (1-FamilyLevel)/float64(max(1, len(cs)))
	vals := make([]float64, 0, len(results))
	for _, c := range cs {
		vals = vals[:0]
		for _, r := range results {
			if x := c.value(c.counts([]*models.Result{r})); !math.IsNaN(x) {
				vals = append(vals, x)
			}
		}
		vc := VerifiedCheck{Check: c, Mean: math.NaN(), Half: math.NaN(), Status: Met}
		if len(vals) > 0 {
			vc.Mean, vc.Half = sim.MeanCI(vals, level)
			switch {
			case c.Meets(vc.Mean):
			case !math.IsNaN(vc.Half) && c.Meets(bound(c.Target, vc.Mean, vc.Half)):
				vc.Status = Unclear
			default:
				vc.Status = Missed
			}
		}
		switch vc.Status {
		case Met:
			v.Met++
		case Unclear:
			v.Unclear++
		default:
			v.Missed++
		}
		v.Checks = append(v.Checks, vc)
	}
	sum := models.Summarize(results)
	for _, t := range Targets(cfg) {
		cv := ChannelVerification{Target: t, Estimate: sum.Channels[t.Channel].Get(t.Kind.Key())}
		cv.Met = t.Meets(cv.Estimate.Mean)
		for i := range v.Checks {
			vc := &v.Checks[i]
			if vc.Target != t {
				continue
			}
			cv.Checks++
			switch vc.Status {
			case Missed:
				cv.Missed++
			case Unclear:
				cv.Unclear++
			}
			if !math.IsNaN(vc.Mean) && (cv.Worst == nil || worse(t, vc.Mean, cv.Worst.Mean)) {
				cv.Worst = vc
			}
		}
		v.Channels = append(v.Channels, cv)
	}
	return v
}

// bound returns the end of the confidence interval nearest the target's
// good side: the upper bound for a floor, the lower for a cap.
func bound(t Target, mean, half float64) float64 {
	if t.Kind == ServiceLevel {
		return mean + half
	}
	return mean - half
}

// worse tells whether figure a is worse than b for target t.
func worse(t Target, a, b float64) bool {
	if t.Kind == ServiceLevel {
		return a < b
	}
	return a > b
}
