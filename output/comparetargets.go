package output

import (
	"fmt"
	"slices"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/plan"
)

// TargetComparison is one target of one channel in a comparison: how A
// and B each stand against it, over the measured window and period by
// period. A or B is nil where that variant's scenario does not set the
// target: there is nothing to judge, and output shows "–" or null.
type TargetComparison struct {
	// Channel is the channel's name; Kind is what the target is on, −1 in
	// the one entry of a channel on which neither variant sets a target.
	Channel string
	Kind    plan.Kind
	// A and B are each variant's standing against its own target.
	A, B *plan.Standing
}

// compareTargets pairs the targets A and B set on every channel both have
// that agents serve, in A's channel order and the order of TargetKinds;
// a channel neither sets a target on gets one entry with A and B nil, so
// that it shows as having none.
func compareTargets(a, b Variant) []TargetComparison {
	sa := plan.Standings(a.Report.Config, a.Report.Results, a.Report.Batches)
	sb := plan.Standings(b.Report.Config, b.Report.Results, b.Report.Batches)
	find := func(ss []plan.Standing, cfg *models.Config, channel string, k plan.Kind) *plan.Standing {
		i := slices.IndexFunc(ss, func(s plan.Standing) bool { return cfg.Channels[s.Channel].Name == channel && s.Kind == k })
		if i < 0 {
			return nil
		}
		return &ss[i]
	}
	var out []TargetComparison
	for _, ch := range a.Report.Config.Channels {
		j := slices.IndexFunc(b.Report.Config.Channels, func(o models.Channel) bool { return o.Name == ch.Name })
		if j < 0 || ch.Kind == models.SelfService || b.Report.Config.Channels[j].Kind == models.SelfService {
			continue
		}
		n := len(out)
		for _, k := range TargetKinds {
			ta, tb := find(sa, a.Report.Config, ch.Name, k), find(sb, b.Report.Config, ch.Name, k)
			if ta != nil || tb != nil {
				out = append(out, TargetComparison{Channel: ch.Name, Kind: k, A: ta, B: tb})
			}
		}
		if len(out) == n {
			out = append(out, TargetComparison{Channel: ch.Name, Kind: -1})
		}
	}
	return out
}

// none tells whether neither variant sets a target on the channel.
func (t TargetComparison) none() bool { return t.A == nil && t.B == nil }

// describeTarget says a variant's target in words, "–" when it sets none.
func describeTarget(s *plan.Standing, cfg *models.Config) string {
	if s == nil {
		return "–"
	}
	return s.Target.Describe(cfg)
}

// targetCell says the target of a row of the targets table: the same for
// both, or each variant's.
func (r *CompareReport) targetCell(t TargetComparison) string {
	if t.none() {
		return "none set"
	}
	da, db := describeTarget(t.A, r.A.Report.Config), describeTarget(t.B, r.B.Report.Config)
	if da == db {
		return da
	}
	return "A: " + da + "; B: " + db
}

// standingCells are a variant's cells in the targets table: the figure
// with its 95 % half-width, the verdict, and the periods met, undecided
// and missed.
func standingCells(s *plan.Standing) []string {
	if s == nil {
		return []string{"–", "–", "–"}
	}
	periods := fmt.Sprintf("%d / %d / %d", s.Met, s.Undecided, s.Missed)
	if s.NoData > 0 {
		periods += fmt.Sprintf(" (%d no data)", s.NoData)
	}
	return []string{Estimate(s.Estimate.Mean, s.Estimate.HalfWidth, UnitShare), string(s.Verdict), periods}
}

// TargetsHead is the heading of the targets table.
var TargetsHead = []string{"channel", "target", "A", "A's verdict", "A's periods", "B", "B's verdict", "B's periods"}

// TargetRows are the rows of the targets table.
func (r *CompareReport) TargetRows() [][]string {
	var rows [][]string
	for _, t := range r.Targets {
		row := append([]string{t.Channel, r.targetCell(t)}, standingCells(t.A)...)
		rows = append(rows, append(row, standingCells(t.B)...))
	}
	return rows
}

// TargetsNote says how the verdicts are earned.
const TargetsNote = "A target's verdict is earned by a 95 % confidence interval over the replications: met when the whole\n" +
	"interval meets the target, missed when none of it does, undecided when it reaches both sides (more\n" +
	"replications, --reps, would tell): first over the measured window, then period by period, each period\n" +
	"(an interval of the scenario; a day for a deferred channel's response target) on its own interval.\n" +
	"A target a scenario does not set shows as –."

// TargetFindings says in words how B stands against each target beside A
// ("B misses phone's target service level ≥ 80% within 20s that A meets:
// 77.16 % ± 0.47 against 91.62 % ± 0.30."), each followed, where some
// periods are missed or undecided, by how many with each variant: first
// the targets whose verdict differs between A and B or that one alone
// sets, then those judged alike. Channels without targets are not
// mentioned.
func (r *CompareReport) TargetFindings() []string {
	var changed, alike []string
	for _, t := range r.Targets {
		if t.none() {
			continue
		}
		say := &alike
		if t.changed() {
			say = &changed
		}
		*say = append(*say, r.targetSentence(t))
		if s := periodSentence(t); s != "" {
			*say = append(*say, s)
		}
	}
	return append(changed, alike...)
}

// changed tells whether A and B do not share a verdict on the target:
// their verdicts differ, or one alone sets it.
func (t TargetComparison) changed() bool {
	return !t.none() && (t.A == nil || t.B == nil || t.A.Verdict != t.B.Verdict)
}

// ChannelTargetFindings are the sentences of TargetFindings on one
// channel, in the order of its targets.
func (r *CompareReport) ChannelTargetFindings(channel string) []string {
	var out []string
	for _, t := range r.Targets {
		if t.Channel != channel || t.none() {
			continue
		}
		out = append(out, r.targetSentence(t))
		if s := periodSentence(t); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// VerdictChanges are the sentences of TargetFindings on targets whose
// verdict is not the same for A and B, or that one variant alone sets:
// the headline of a comparison.
func (r *CompareReport) VerdictChanges() []string {
	var out []string
	for _, t := range r.Targets {
		if t.changed() {
			out = append(out, r.targetSentence(t))
		}
	}
	return out
}

// at writes a standing's figure: "77.16 % ± 0.47".
func at(s *plan.Standing) string {
	return Estimate(s.Estimate.Mean, s.Estimate.HalfWidth, UnitShare)
}

// targetSentence says how A and B stand against one target.
func (r *CompareReport) targetSentence(t TargetComparison) string {
	ca, cb := r.A.Report.Config, r.B.Report.Config
	switch {
	case t.B == nil:
		return fmt.Sprintf("Only A sets %s's target %s: A's verdict %s, at %s; B is not judged.", t.Channel, describeTarget(t.A, ca), t.A.Verdict, at(t.A))
	case t.A == nil:
		return fmt.Sprintf("Only B sets %s's target %s: B's verdict %s, at %s; A is not judged.", t.Channel, describeTarget(t.B, cb), t.B.Verdict, at(t.B))
	}
	da, db := describeTarget(t.A, ca), describeTarget(t.B, cb)
	if da != db {
		return fmt.Sprintf("%s's %s target differs: A's, %s, %s at %s; B's, %s, %s at %s.",
			t.Channel, t.Kind.Label(), da, t.A.Verdict, at(t.A), db, t.B.Verdict, at(t.B))
	}
	va, vb := t.A.Verdict, t.B.Verdict
	figures := fmt.Sprintf("%s against %s", at(t.B), at(t.A))
	if va == vb {
		verb := map[plan.Verdict]string{plan.VerdictMet: "Both meet", plan.VerdictMissed: "Both miss",
			plan.VerdictUndecided: "Both are undecided on", plan.VerdictNoData: "Neither has data for"}[va]
		return fmt.Sprintf("%s %s's target %s: B %s, A %s.", verb, t.Channel, da, at(t.B), at(t.A))
	}
	// What B does, then what A does, each in the words of its verdict.
	bWords := map[plan.Verdict]string{plan.VerdictMet: "meets", plan.VerdictMissed: "misses",
		plan.VerdictUndecided: "is undecided on", plan.VerdictNoData: "has no data for"}
	aWords := map[plan.Verdict]string{plan.VerdictMet: "meets", plan.VerdictMissed: "misses",
		plan.VerdictUndecided: "is undecided on", plan.VerdictNoData: "has no data for"}
	s := fmt.Sprintf("B %s %s's target %s that A %s: %s.", bWords[vb], t.Channel, da, aWords[va], figures)
	if va == plan.VerdictUndecided || vb == plan.VerdictUndecided {
		s += " An undecided verdict needs more replications (--reps) to tell."
	}
	return s
}

// periodSentence says, when some periods of a target are missed or
// undecided with either variant, how many with each; "" otherwise.
func periodSentence(t TargetComparison) string {
	if t.A == nil || t.B == nil {
		return ""
	}
	a, b := t.A, t.B
	if a.Missed+a.Undecided+b.Missed+b.Undecided == 0 {
		return ""
	}
	of := func(s *plan.Standing) string {
		return fmt.Sprintf("%d missed, %d undecided of %d", s.Missed, s.Undecided, s.Periods-s.NoData)
	}
	return fmt.Sprintf("By period, %s's %s target: B %s; A %s.", t.Channel, t.Kind.Label(), of(b), of(a))
}

// StaffingFindings says in words what each variant's staffing takes: its
// agent-hours in the measured window and, when agents cost something, its
// cost per day (or, when A's and B's windows differ in length, its cost),
// with the difference B − A; all pools together when either variant has
// more than one.
func (r *CompareReport) StaffingFindings() []string {
	var rows []models.Difference
	for _, d := range r.Comparison.Rows {
		if d.Group == models.GroupAllPools {
			rows = append(rows, d)
		}
	}
	if rows == nil {
		for _, d := range r.Comparison.Rows {
			if d.Group == models.GroupPool {
				rows = append(rows, d)
			}
		}
	}
	get := func(key string) (models.Difference, bool) {
		i := slices.IndexFunc(rows, func(d models.Difference) bool { return d.Key == key })
		if i < 0 {
			return models.Difference{}, false
		}
		return rows[i], true
	}
	hours, ok := get("scheduled_hours")
	if !ok {
		return nil
	}
	part := func(what string, d models.Difference) string {
		return fmt.Sprintf("%s, B %s against A's %s (B − A: %s)", what, Value(d.B.Mean, d.Unit), Value(d.A.Mean, d.Unit),
			Difference(d.Diff, d.Half, d.Unit, false))
	}
	s := "Staffing: " + part("agent-hours scheduled", hours)
	cost, ok := get("cost_per_day")
	if !ok {
		cost, ok = get("cost")
	}
	if ok && !(cost.A.Mean == 0 && cost.B.Mean == 0) {
		s += "; " + part(cost.Label, cost)
	} else {
		s += "; no pool has a cost per hour, so there is no cost to compare"
	}
	return []string{s + "."}
}
