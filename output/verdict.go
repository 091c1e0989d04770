package output

import (
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/plan"
)

// The verdicts of a figure against a target, as plan.Target.Decide gives
// them. A verdict is earned by the figure's 95 % confidence interval, never
// by its mean alone: with one replication there is no interval, and the
// verdict is undecided.
const (
	VerdictMet       = string(plan.VerdictMet)
	VerdictMissed    = string(plan.VerdictMissed)
	VerdictUndecided = string(plan.VerdictUndecided)
)

// Verdict judges a figure, mean ± half (the half-width of its 95 %
// confidence interval), against a target: a floor when floor is true (a
// service level), else a cap (abandonment, occupancy). It is met when the
// whole interval is on the target's good side (at or above a floor, at or
// below a cap), missed when the whole interval is on the other side, and
// undecided when the interval straddles the target or there is none (half
// is NaN, as with a single replication); plan.Target.Decide judges. It is
// "" when the figure has no data (mean is NaN: no contacts).
func Verdict(mean, half, target float64, floor bool) string {
	kind := plan.Abandonment
	if floor {
		kind = plan.ServiceLevel
	}
	v := plan.Target{Kind: kind, Value: target}.Decide(mean, half)
	if v == plan.VerdictNoData {
		return ""
	}
	return string(v)
}

// TargetKinds are the kinds of target a channel may set, in the order of
// the target columns of intervals.csv.
var TargetKinds = []plan.Kind{plan.ServiceLevel, plan.Abandonment, plan.Occupancy}

// Suffixes of the columns of intervals.csv that judge a figure against the
// channel's target: service_level_target holds the target,
// service_level_verdict the verdict.
const (
	TargetSuffix  = "_target"
	VerdictSuffix = "_verdict"
)

// ChannelTargets returns the targets the scenario sets on channel i, by
// kind in the order of TargetKinds; ok[k] is false for a kind it does not
// set. The service level omnisim assumes to staff a live channel without
// a target is not one: nothing is judged against it.
func ChannelTargets(cfg *models.Config, i int) (targets [3]plan.Target, ok [3]bool) {
	for _, t := range plan.Targets(cfg) {
		if t.Channel != i || t.Assumed {
			continue
		}
		for k, kind := range TargetKinds {
			if t.Kind == kind {
				targets[k], ok[k] = t, true
			}
		}
	}
	return targets, ok
}

// FigureIndex returns the index in models.Figures of the figure with the
// given key; it panics on a key that is not there, which is a bug.
func FigureIndex(key string) int {
	for i, f := range models.Figures {
		if f.Key == key {
			return i
		}
	}
	panic("output: no channel figure " + key)
}

// Judge is target t's verdict on figures vals with half-widths halves, in
// the order of models.Figures.
func Judge(t plan.Target, vals, halves []float64) string {
	fi := FigureIndex(t.Kind.Key())
	return Verdict(vals[fi], halves[fi], t.Value, t.Kind == plan.ServiceLevel)
}
