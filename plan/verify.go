package plan

import (
	"math"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/stats"
)

// FamilyLevel is the confidence of the verification's intervals taken
// together: each check's interval is at the Bonferroni level
// 1 − (1 − FamilyLevel)/checks (the checks with data), so that the
// statements "met" and "missed" about all of them hold together with a
// chance of at least 95 %.
const FamilyLevel = 0.95

// Verification is a plan simulated again on replications the search never
// saw (from Replications of the search on, as many as it takes to decide
// every check, up to a cap), with agents added where a check was found
// missed.
type Verification struct {
	// FirstReplication and Replications say which replications ran.
	FirstReplication, Replications int
	// Precision is the half-width asked for, as a share, and
	// MaxReplications the cap on replications.
	Precision       float64
	MaxReplications int
	// Widest is the check with data whose confidence interval is the
	// widest (the earliest on a tie), if any: the precision reached.
	Widest *VerifiedCheck
	// Checks are every check, in the search's order.
	Checks []VerifiedCheck
	// Channels are the figures over the measured window, per target.
	Channels []ChannelVerification
	// Met, Missed, Undecided and NoData count the checks by status.
	Met, Missed, Undecided, NoData int
	// Rounds tell what each round of the verification did.
	Rounds []VerifyRound
	// Added counts the agents the verification added to the plan, over
	// every pool and interval.
	Added int
	// Batches add up the replications' tallies by interval, for output
	// (models.Pooled).
	Batches []*models.Result
}

// VerifyRound is one simulation of the verification.
type VerifyRound struct {
	// Replications is the number of fresh replications judged.
	Replications int
	// Met, Missed, Undecided count the checks by status.
	Met, Missed, Undecided int
	// Added is the agents added after this round for the checks it found
	// missed.
	Added int
}

// VerifiedCheck is one check on fresh replications.
type VerifiedCheck struct {
	Check
	// Mean is the figure pooled over the replications (their summed
	// tallies), as intervals.csv has it, and Half the half-width of its
	// confidence interval at the Bonferroni level, from the jackknife over
	// the replications; Half is NaN with fewer than two.
	Mean, Half float64
	Status     Status
}

// ChannelVerification is one target judged over the whole measured window.
type ChannelVerification struct {
	Target
	// Estimate is the figure with its 95 % confidence half-width.
	Estimate models.Estimate
	// Status is the window's figure decided as a check's is, at the
	// verification's precision.
	Status Status
	// Worst is the check of the target with the worst mean (the earliest
	// on a tie).
	Worst *VerifiedCheck
	// Checks counts the target's checks with data, and Missed and
	// Undecided those so judged.
	Checks, Missed, Undecided int
}

// AllMet tells whether every check with data is met.
func (v *Verification) AllMet() bool { return v.Missed == 0 && v.Undecided == 0 }

// verify simulates the plan on fresh replications and judges every check
// with a confidence interval, sequentially: while a check is undecided, it
// doubles the replications (up to the cap); once none is, or the cap is
// reached, it adds an available agent where a check the search could meet
// is missed (as the correction phase raises) and judges again on the same
// replications, until none is missed, a round adds nothing, or
// MaxVerifyRaises rounds have added agents. A check is not raised for
// when its channel is closed throughout its span, or when the agent added
// for it last time did not move its figure. It returns the plan it
// verified.
func (s *searcher) verify(agents [][]int, unattainable map[int]bool) (*Verification, [][]int, error) {
	first := s.opt.Replications
	reps := min(s.opt.Replications, s.opt.MaxVerifyReplications)
	cfg := withAgents(s.cfg, agents)
	results := models.NewPooled(&cfg)
	if err := gather(&cfg, first, reps, s.opt.Workers, results); err != nil {
		return nil, nil, err
	}
	var rounds []VerifyRound
	added, grown := 0, 0      // agents added; rounds that added replications
	last := map[int]float64{} // each check's mean when last raised for
	for {
		v := judge(&cfg, s.checks, results, first, s.opt.Precision)
		if n := results.Replications(); v.Undecided > 0 && n < s.opt.MaxVerifyReplications {
			more := min(n, s.opt.MaxVerifyReplications-n)
			rounds = append(rounds, round(v, 0))
			s.report(rounds[len(rounds)-1])
			if err := gather(&cfg, first+n, more, s.opt.Workers, results); err != nil {
				return nil, nil, err
			}
			grown++
			continue
		}
		s.last, s.lastReps = results.Batches, results.Replications()
		n := 0
		if raises := len(rounds) - grown; raises < MaxVerifyRaises {
			n = s.raiseMissed(agents, v, unattainable, last)
		}
		rounds = append(rounds, round(v, n))
		s.report(rounds[len(rounds)-1])
		if n == 0 {
			v.Rounds, v.Added, v.MaxReplications = rounds, added, s.opt.MaxVerifyReplications
			return v, agents, nil
		}
		added += n
		cfg = withAgents(s.cfg, agents)
		n = results.Replications()
		results = models.NewPooled(&cfg)
		if err := gather(&cfg, first, n, s.opt.Workers, results); err != nil {
			return nil, nil, err
		}
	}
}

// round summarises a round of the verification.
func round(v *Verification, added int) VerifyRound {
	return VerifyRound{Replications: v.Replications, Met: v.Met, Missed: v.Missed, Undecided: v.Undecided, Added: added}
}

// report tells Options.VerifyProgress of a round.
func (s *searcher) report(r VerifyRound) {
	if s.opt.VerifyProgress != nil {
		s.opt.VerifyProgress(r)
	}
}

// raiseMissed adds one available agent in the pools and intervals the
// correction phase would raise for each missed check the search did not
// find unattainable, within the cap on agents; it returns the agents
// added.
func (s *searcher) raiseMissed(agents [][]int, v *Verification, unattainable map[int]bool, last map[int]float64) int {
	done := map[item]bool{}
	added := 0
	for ci, c := range v.Checks {
		if c.Status != Missed || unattainable[ci] {
			continue
		}
		if prev, ok := last[ci]; closed(s.cfg, c.Check) || ok && !improved(Outcome{Check: c.Check, Value: c.Mean}, prev) {
			// No agent helps a channel closed throughout the span; an agent
			// that did not move the figure will not the next time either.
			unattainable[ci] = true
			continue
		}
		last[ci] = c.Mean
		for _, it := range s.raiseItems(Outcome{Check: c.Check, Value: c.Mean}, agents, nil) {
			if done[it] {
				continue
			}
			done[it] = true
			if n := s.raised(it.pool, agents[it.pool][it.k], 1); n > agents[it.pool][it.k] {
				added += n - agents[it.pool][it.k]
				agents[it.pool][it.k] = n
			}
		}
	}
	return added
}

// closed tells whether the check's channel is closed at the start of
// every interval of its span.
func closed(cfg *models.Config, c Check) bool {
	ch := &cfg.Channels[c.Channel]
	for k := c.From; k < c.To; k++ {
		if ch.OpenAt(cfg.Start, float64(k)*cfg.Interval) {
			return false
		}
	}
	return true
}

// Judge judges every target of cfg, interval by interval (day by day for a
// deferred channel's response target) over its measured window, on the
// given replications (first numbers the first of them, for output), as the
// verification of Search does at the given precision (a share; 0 for
// DefaultPrecision): to check a plan loaded back into a scenario.
func Judge(cfg *models.Config, results []*models.Result, first int, precision float64) *Verification {
	full := *cfg
	full.SetDefaults()
	if precision <= 0 {
		precision = DefaultPrecision
	}
	return judge(&full, checks(&full, Targets(&full)), models.PoolResults(&full, results), first, precision)
}

// judge judges checks on the given replications at the given precision:
// each check by its figure pooled over them, with the jackknife over their
// batches.
func judge(cfg *models.Config, cs []Check, p *models.Pooled, first int, precision float64) *Verification {
	v := &Verification{FirstReplication: first, Replications: p.Replications(), Batches: p.Batches, Precision: precision}
	withData := 0
	var counts models.Counts // one for every check: given to value by address, it is on the heap
	for _, c := range cs {
		if counts = c.counts(p.Batches); !math.IsNaN(c.value(&counts)) {
			withData++
		}
	}
	jk := stats.NewJackknife(len(p.Batches), 1-(1-FamilyLevel)/float64(max(1, withData)))
	for _, c := range cs {
		vc := VerifiedCheck{Check: c}
		vc.Mean, vc.Half = c.pooled(p.Batches, jk)
		vc.Status = decide(c.Target, vc.Mean, vc.Half, precision)
		if vc.Status == Undecided && closed(cfg, c) {
			// A channel closed throughout the span turns away what reaches
			// it (late transfers) in every replication alike: there is no
			// chance to narrow down, and the mean decides.
			vc.Status = Missed
			if c.Meets(vc.Mean) {
				vc.Status = Met
			}
		}
		switch vc.Status {
		case Met:
			v.Met++
		case Missed:
			v.Missed++
		case Undecided:
			v.Undecided++
		default:
			v.NoData++
		}
		v.Checks = append(v.Checks, vc)
	}
	for i := range v.Checks {
		// A NaN half-width (a single value) is the widest of all.
		vc := &v.Checks[i]
		switch {
		case vc.Status == NoData:
		case v.Widest == nil, math.IsNaN(vc.Half) && !math.IsNaN(v.Widest.Half), vc.Half > v.Widest.Half:
			v.Widest = vc
		}
	}
	sum := models.Summarize(p.Totals)
	for _, t := range Targets(cfg) {
		cv := ChannelVerification{Target: t, Estimate: sum.Channels[t.Channel].Get(t.Kind.Key())}
		cv.Status = decide(t, cv.Estimate.Mean, cv.Estimate.HalfWidth, precision)
		for i := range v.Checks {
			vc := &v.Checks[i]
			if vc.Target != t || vc.Status == NoData {
				continue
			}
			cv.Checks++
			switch vc.Status {
			case Missed:
				cv.Missed++
			case Undecided:
				cv.Undecided++
			}
			if cv.Worst == nil || worse(t, vc.Mean, cv.Worst.Mean) {
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
