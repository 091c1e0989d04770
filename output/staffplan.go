package output

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/plan"
)

// StaffReport is a staffing search's result, ready to print and to write.
type StaffReport struct {
	Name, Title, File string
	Plan              *plan.Plan
	// Iterations is the cap on iterations the search was given.
	MaxIterations int
	// Provenance records how the plan was made, for its output folder;
	// nil records nothing.
	Provenance *Provenance
}

// NewStaffReport describes the plan a search found for the scenario.
func NewStaffReport(name, title, file string, p *plan.Plan, maxIterations int) *StaffReport {
	return &StaffReport{Name: name, Title: title, File: file, Plan: p, MaxIterations: maxIterations}
}

// When says when a check's span is: "Mon 09:00–09:30" for an interval,
// "Mon (day 1)" for a day.
func When(cfg *models.Config, c plan.Check) string {
	from, to := float64(c.From)*cfg.Interval, math.Min(float64(c.To)*cfg.Interval, cfg.Horizon)
	day := dayName(cfg, from)
	if c.To-c.From > 1 {
		return fmt.Sprintf("%s, %s–%s", day, Clock(math.Mod(from, 86400)), clockEnd(to))
	}
	return fmt.Sprintf("%s %s–%s", day, Clock(math.Mod(from, 86400)), clockEnd(to))
}

// dayName names the day of moment t: "Mon" when the horizon is a day or
// less, "Mon 3" (the day's number from 1) otherwise.
func dayName(cfg *models.Config, t float64) string {
	wd := models.WeekdayAt(cfg.Start, t).String()
	name := string(wd[0]-'a'+'A') + wd[1:]
	if cfg.Horizon > 86400 {
		name += " " + strconv.Itoa(int(t/86400)+1)
	}
	return name
}

// clockEnd writes the end of a span as a clock time, midnight as 24:00.
func clockEnd(t float64) string {
	if s := math.Mod(math.Round(t), 86400); s == 0 && t > 0 {
		return "24:00"
	}
	return Clock(math.Mod(t, 86400))
}

// PoolTotals returns each pool's agent hours and cost under agents.
func (r *StaffReport) PoolTotals(agents [][]int) (hours, cost []float64) {
	return plan.Costs(&r.Plan.Config, agents)
}

// Days is the length of the measured window in days.
func (r *StaffReport) Days() float64 {
	cfg := &r.Plan.Config
	return (cfg.Horizon - math.Ceil(cfg.Warmup/cfg.Interval-1e-9)*cfg.Interval) / 86400
}

// Problems says in words every target the plan does not meet, or is not
// shown to meet: those no staffing up to the cap met in the search, those
// left missed when it stopped, and those the verification found missed or
// left undecided. Periods that follow one another, for the same target and
// reason, are told as one span.
func (r *StaffReport) Problems() []string {
	out := r.unmetProblems()
	if v := r.Plan.Verification; v != nil {
		out = append(out, r.verifiedProblems(v)...)
	}
	return out
}

// unmetProblems says, a sentence per run of intervals alike, which checks
// the search found unattainable or left missed, and why.
func (r *StaffReport) unmetProblems() []string {
	cfg := &r.Plan.Config
	var out []string
	unmet := slices.Clone(r.Plan.Unmet)
	slices.SortStableFunc(unmet, func(a, b plan.Unmet) int {
		return cmp.Or(cmp.Compare(a.Channel, b.Channel), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.From, b.From))
	})
	for i := 0; i < len(unmet); {
		u := unmet[i]
		j, lo, hi := i+1, u.Value, u.Value
		fewest, most := u.Agents, u.Agents
		for ; j < len(unmet); j++ {
			v, prev := unmet[j], unmet[j-1]
			if v.Target != u.Target || v.Why != u.Why || v.Pool != u.Pool || v.From != prev.To {
				break
			}
			lo, hi = math.Min(lo, v.Value), math.Max(hi, v.Value)
			fewest, most = min(fewest, v.Agents), max(most, v.Agents)
		}
		span := u.Check
		span.To = unmet[j-1].To
		ch := cfg.Channels[u.Channel].Name
		when := r.spanWhen(span, j-i)
		fig := r.figure(u.Kind, lo)
		if hi != lo {
			fig += " to " + strings.TrimPrefix(r.figure(u.Kind, hi), u.Kind.Label()+" ")
		}
		agents := agentsNoun(most)
		if fewest != most {
			agents = fmt.Sprintf("%d to %d agents", fewest, most)
		}
		target := u.Target.Describe(cfg)
		switch u.Why {
		case "cap":
			out = append(out, fmt.Sprintf("%s %s: %s at the cap of %s in %s; target %s. No staffing up to the cap meets it.",
				ch, when, fig, agents, cfg.Pools[u.Pool].Name, target))
		case "flat":
			out = append(out, fmt.Sprintf("%s %s: %s, and more agents in %s did not raise it; target %s. %s",
				ch, when, fig, cfg.Pools[u.Pool].Name, target, r.whyFlat(span)))
		default:
			out = append(out, fmt.Sprintf("%s %s: %s with %s in %s when the search stopped after %d iterations; target %s.",
				ch, when, fig, agents, cfg.Pools[u.Pool].Name, r.MaxIterations, target))
		}
		i = j
	}
	return out
}

// verifiedProblems says, a sentence per run of intervals alike, which
// checks the verification found missed or undecided that the search had
// not already said it could not meet.
func (r *StaffReport) verifiedProblems(v *plan.Verification) []string {
	cfg := &r.Plan.Config
	var out []string
	var left []plan.VerifiedCheck
	for _, c := range v.Checks {
		if (c.Status == plan.Missed || c.Status == plan.Undecided) && !r.unmet(c.Check) {
			left = append(left, c)
		}
	}
	for i := 0; i < len(left); {
		c := left[i]
		j, lo, hi, wide := i+1, c.Mean, c.Mean, c.Half
		for ; j < len(left); j++ {
			d, prev := left[j], left[j-1]
			if d.Target != c.Target || d.Status != c.Status || d.From != prev.To {
				break
			}
			lo, hi, wide = math.Min(lo, d.Mean), math.Max(hi, d.Mean), math.Max(wide, d.Half)
		}
		span := c.Check
		span.To = left[j-1].To
		closed := r.closedThroughout(span)
		fig := Estimate(c.Mean, c.Half, UnitShare)
		if closed {
			// Every contact is turned away: there is no spread to tell.
			fig = Value(lo, UnitShare)
			if hi != lo {
				fig += " to " + Value(hi, UnitShare)
			}
		} else if j-i > 1 {
			fig = Value(lo, UnitShare)
			if hi != lo {
				fig += " to " + Value(hi, UnitShare)
			}
			fig += ", each ± " + Points(wide) + " or less"
		}
		name, when, target := cfg.Channels[c.Channel].Name, r.spanWhen(span, j-i), c.Target.Describe(cfg)
		if c.Status == plan.Missed {
			why := ""
			if closed {
				why = " " + r.whyFlat(span)
			}
			out = append(out, fmt.Sprintf("%s %s: %s on %d fresh replications: missed, below the target (%s).%s",
				name, when, fig, v.Replications, target, why))
		} else {
			out = append(out, fmt.Sprintf("%s %s: %s on %d fresh replications (the cap): undecided, the confidence interval reaches the target (%s) and is wider than ± %s.",
				name, when, fig, v.Replications, target, Points(v.Precision)))
		}
		i = j
	}
	return out
}

// Points writes a share's half-width in percentage points: "2.00 points".
func Points(half float64) string {
	if math.IsNaN(half) {
		return "? points (one replication)"
	}
	return strconv.FormatFloat(100*half, 'f', 2, 64) + " points"
}

// spanWhen says when a span of n checks is: "Mon 09:00–09:30", or
// "Mon, 18:00–20:30 (5 half hours)".
func (r *StaffReport) spanWhen(span plan.Check, n int) string {
	cfg := &r.Plan.Config
	when := When(cfg, span)
	if n > 1 {
		when = fmt.Sprintf("%s (%d %s)", when, n, periodNoun(cfg, span, n))
	}
	return when
}

// whyFlat says what omnisim knows of a span where more agents did not
// raise a channel's figure: whether the channel is closed then (and where
// its contacts come from), or what became of them, from the verification's
// replications.
func (r *StaffReport) whyFlat(span plan.Check) string {
	cfg := &r.Plan.Config
	ch := &cfg.Channels[span.Channel]
	closed := 0
	for k := span.From; k < span.To; k++ {
		if !ch.OpenAt(cfg.Start, float64(k)*cfg.Interval) {
			closed++
		}
	}
	var sum models.Counts
	reps := 0
	if v := r.Plan.Verification; v != nil && len(v.Batches) > 0 {
		reps = v.Replications
		for _, res := range v.Batches {
			for k := span.From; k < span.To; k++ {
				sum.Add(res.Channels[span.Channel].Intervals[k])
			}
		}
	}
	per := func(n int64) string { return Count(float64(n)/float64(max(reps, 1)), 1) }
	offered := func() string {
		if float64(sum.Offered) < 0.1*float64(reps) {
			// Too few to show per replication: say how many in all.
			return fmt.Sprintf("%s %s in all %s replications", Thousands(sum.Offered), "contact"+Plural(int(sum.Offered)), Thousands(int64(reps)))
		}
		return per(sum.Offered) + " contacts per replication"
	}
	var b strings.Builder
	n := span.To - span.From
	switch {
	case closed == n:
		fmt.Fprintf(&b, "%s is closed then (%s)", ch.Name, openHours(ch))
	case closed > 0:
		fmt.Fprintf(&b, "%s is closed in %d of these %d periods (%s)", ch.Name, closed, n, openHours(ch))
	default:
		fmt.Fprintf(&b, "%s is open then", ch.Name)
	}
	if reps > 0 {
		fmt.Fprintf(&b, "; it is offered %s", offered())
		if sum.EscalatedIn == sum.Offered && sum.Offered > 0 {
			fmt.Fprintf(&b, " (all sent on by %s)", strings.Join(escalatingTo(cfg, ch.Name), " and "))
		} else if sum.EscalatedIn > 0 {
			fmt.Fprintf(&b, " (%s per replication sent on by %s)", per(sum.EscalatedIn), strings.Join(escalatingTo(cfg, ch.Name), " and "))
		}
		if sum.Offered > 0 {
			fmt.Fprintf(&b, ", of which %s turned away and %s abandoned",
				Value(float64(sum.Blocked)/float64(sum.Offered), UnitShare), Value(float64(sum.Abandoned)/float64(sum.Offered), UnitShare))
		}
	}
	switch {
	case closed == n:
		b.WriteString(": no staffing can meet the target while the channel is closed.")
	case closed > 0:
		b.WriteString(": no staffing can meet the target in the periods the channel is closed.")
	default:
		b.WriteString(": staffing alone does not meet it.")
	}
	return b.String()
}

// closedThroughout tells whether the span's channel is closed at the start
// of every interval of the span.
func (r *StaffReport) closedThroughout(span plan.Check) bool {
	cfg := &r.Plan.Config
	for k := span.From; k < span.To; k++ {
		if cfg.Channels[span.Channel].OpenAt(cfg.Start, float64(k)*cfg.Interval) {
			return false
		}
	}
	return true
}

// openHours says when a channel takes contacts: "open mon-fri 08:00-18:00".
func openHours(ch *models.Channel) string {
	spans := make([]string, len(ch.Open))
	for k, s := range ch.Open {
		spans[k] = DescribeSpan(s)
	}
	return "open " + strings.Join(spans, " and ")
}

// escalatingTo names the channels with an escalation path to channel to.
func escalatingTo(cfg *models.Config, to string) []string {
	var out []string
	for _, ch := range cfg.Channels {
		for _, e := range ch.Escalations {
			if e.To == to && !slices.Contains(out, ch.Name) {
				out = append(out, ch.Name)
			}
		}
	}
	return out
}

// agentsNoun writes a number of agents: "1 agent", "12 agents".
func agentsNoun(n int) string {
	if n == 1 {
		return "1 agent"
	}
	return strconv.Itoa(n) + " agents"
}

// periodNoun names n checks like c: "half hours", "hours", "days"...
func periodNoun(cfg *models.Config, c plan.Check, n int) string {
	length := float64(c.To-c.From) * cfg.Interval / float64(n)
	switch length {
	case 86400:
		return "days"
	case 3600:
		return "hours"
	case 1800:
		return "half hours"
	case 900:
		return "quarter hours"
	}
	return "intervals"
}

func (r *StaffReport) unmet(c plan.Check) bool {
	for _, u := range r.Plan.Unmet {
		if u.Check == c {
			return true
		}
	}
	return false
}

func (r *StaffReport) figure(k plan.Kind, v float64) string {
	return k.Label() + " " + Value(v, UnitShare)
}

// Notes are what a planner should know about the plan besides problems.
func (r *StaffReport) Notes() []string {
	cfg := &r.Plan.Config
	var out []string
	for _, t := range r.Plan.Targets {
		if t.Assumed {
			out = append(out, fmt.Sprintf("%s has no target in the scenario: staffed for %s, as omnisim run's agents needed assume.",
				cfg.Channels[t.Channel].Name, t.Describe(cfg)))
		}
	}
	for i, ch := range cfg.Channels {
		if ch.Kind == models.Deferred && ch.TargetServiceLevel == 0 {
			out = append(out, fmt.Sprintf("%s is deferred with no response target: staffed at its workload, checked for nothing.", cfg.Channels[i].Name))
		}
	}
	for _, name := range r.Plan.Shifts {
		out = append(out, fmt.Sprintf("Pool %s works shifts in the scenario: the plan is a headcount per interval, not shifts (rostering is left out).", name))
	}
	if !r.Plan.Converged {
		out = append(out, fmt.Sprintf("The search stopped at its cap of %d iterations: the plan is the cheapest it found that met every attainable target (the last one if none did); more iterations (--max-iterations) may find a cheaper one.", r.MaxIterations))
	}
	return out
}
