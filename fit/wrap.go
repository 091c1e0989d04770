package fit

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/omnisim/omnisim/models"
)

// The after-call work (wrap-up, models.Channel.WrapTime) is read off the
// log where it shows: an agent's next service starts right after the one
// before only if a caller for them was already waiting, and then the gap
// between the end of one service and the start of the next is the agent's
// after-call work (plus whatever delay in picking up, which the log cannot
// tell apart from it). So, for each agent, services in time order, a gap
// counts when the next caller had waited and had been queued by the time
// the service before ended, and it is 0 to awayPickup long (and within a
// working span). It is the wrap-up of the service before, and counts for
// its channel and type.
//
// One more condition keeps long wrap-ups from being seen less often than
// short ones: a caller of the agent's pool queued when the service ended
// must still have been waiting awayPickup later. Without it, a gap counts
// only if the callers queued at the end of the service outlast the
// wrap-up, which a long wrap-up less often allows (others answer them, or
// they give up): in logs omnisim wrote with a known wrap-up (gamma, mean
// 15 s, CV 0.5; one line, 10 agents, 28 days, 8 seeds) every gap gave
// 13.94 s ± 0.02, those with a caller still waiting a minute later
// 14.81 s ± 0.04, and 15.005 s ± 0.018 when nobody gives up. What is
// left, about 1 % low, comes from callers giving up: during a long
// wrap-up, more of those queued give up before the agent is back, others
// answer those behind them sooner, and fewer are still waiting a minute
// later. In the bank's October the condition keeps a third of the gaps
// and changes little (PS: 7.7 s either way).
//
// The gaps longer than awayPickup are the away estimate's (away.go): it
// leaves out the first awayPickup of every idle stretch beside a waiting
// caller, where a wrap-up ends and the agent picks up, and counts the rest
// as time away. The two estimates so share the gaps without overlap: a
// gap of awayPickup or less is after-call work, the time past awayPickup
// in a longer one time away. The limits follow: a wrap-up longer than
// awayPickup is not seen (the law is of the wrap-ups shorter than that);
// an agent who goes away for a short while right after a call lengthens a
// gap counted here (agents ready 85 % of the time, in spells of 5 minutes,
// add about 2 %: 15.11 s ± 0.04 in the runs above); and the log's handle
// times may already hold part of the wrap-up, for a log that ends a
// service when the agent is done with it rather than when the customer
// leaves.
//
// A log of whole seconds rounds every gap: that leaves the mean as it is
// and adds about 1/6 s² to the variance (two rounding errors, each of
// variance 1/12), nothing beside the bank's 78 s².

// minWrapGaps is the fewest gaps a channel or type needs for its own
// after-call work law, as minAwaySpells.
const minWrapGaps = 30

// minWrapMean is the least mean gap, in seconds, that makes an after-call
// work law: below it, the agents took the next caller at once (a log
// omnisim wrote without wrap-up has gaps of 0 give or take 10⁻¹¹ s, the
// arithmetic of its times), and it is less than the resolution of a log
// of whole seconds.
const minWrapMean = 0.5

// sameInstant is how far apart, in seconds, two times of a log may be
// and still be the same instant: a gap of −sameInstant or more counts, as
// 0 when below 0 (a log's times in seconds from its day 0, added up from
// a time of day, a wait and a service, carry errors of about 10⁻¹¹ s).
const sameInstant = 1e-6

// noType and noChannel mark a service whose type the log does not give,
// or whose channel is past the log's first 65,535 (whose wrap-up is not
// counted: a service holds its channel's index in 16 bits).
const (
	noType    = math.MaxUint8
	noChannel = math.MaxUint16
)

// WrapFit is the after-call work the log shows after a channel's (or a
// type's) contacts.
type WrapFit struct {
	// Gaps counts the gaps that show it; Mean and CV are their mean, in
	// seconds, and coefficient of variation (NaN without gaps, or for
	// the CV, with fewer than two).
	Gaps     int
	Mean, CV float64
	// Law is the after-call work law the scenario gets from them: a
	// lognormal of their mean and CV, from minWrapGaps gaps and a mean of
	// minWrapMean on; Kind "" for none.
	Law models.Dist
}

// note says why a WrapFit has no law ("" when it has one).
func (w WrapFit) note() string {
	switch {
	case w.Law.Kind != "":
		return ""
	case w.Gaps == 0:
		return "no gap in the log shows it"
	case w.Gaps < minWrapGaps:
		return fmt.Sprintf("%d gaps in the log, too few to tell (%d needed)", w.Gaps, minWrapGaps)
	}
	return fmt.Sprintf("none: the agents took the next waiting caller at once (%d gaps, %.1f s on average)", w.Gaps, w.Mean)
}

// wrapTally sums the gaps of a channel or type.
type wrapTally struct {
	n         int
	sum, sum2 float64
}

func (t *wrapTally) add(g float64) {
	t.n++
	t.sum += g
	t.sum2 += g * g
}

func (t *wrapTally) merge(o wrapTally) {
	t.n += o.n
	t.sum += o.sum
	t.sum2 += o.sum2
}

// fit returns the gaps' WrapFit. The law is a lognormal with their mean
// and CV: the load is theirs whatever the shape, and of the lognormal and
// the gamma (the laws fitted by moments to handle times) it is the closer
// to the gaps' shape.
// In the bank's October, gaps under 3 s are 2 % of them and the most
// common gap is 4 s, then a long tail (CV 1.13): a gamma of that CV has
// its mode at 0 and puts 33 % of its draws under 2.5 s, the lognormal 21 %
// (Kolmogorov–Smirnov distance to the gaps, as the log rounds them:
// lognormal 0.19, gamma 0.31). Neither has the gaps' floor of 3 s.
func (t wrapTally) fit() WrapFit {
	w := WrapFit{Gaps: t.n, Mean: math.NaN(), CV: math.NaN()}
	if t.n == 0 {
		return w
	}
	n := float64(t.n)
	w.Mean = t.sum / n
	if t.n > 1 {
		v := math.Max(0, (t.sum2-n*w.Mean*w.Mean)/(n-1))
		w.CV = math.Sqrt(v) / w.Mean
	}
	if t.n >= minWrapGaps && w.Mean >= minWrapMean {
		w.Law = models.Dist{Kind: models.LogNormal, Mean: w.Mean, CV: w.CV}
	}
	return w
}

// wrapStats holds a channel's gaps: those after its contacts of no type,
// and by type (the index of channelStats.typeNames).
type wrapStats struct {
	untyped wrapTally
	types   []wrapTally
}

// all returns every gap of the channel, the types' in order after the
// untyped ones (the order of the sums the rest's follow, so that a channel
// without types of their own gets exactly the same figures).
func (s *wrapStats) all() wrapTally {
	return s.rest(func(int) bool { return false })
}

// rest returns the gaps of the contacts whose type has no law of its own.
func (s *wrapStats) rest(own func(k int) bool) wrapTally {
	t := s.untyped
	for k, tt := range s.types {
		if !own(k) {
			t.merge(tt)
		}
	}
	return t
}

// wrapGaps returns the gaps that show each channel's after-call work, by
// the channel's index, given the agents (sorted: sums of floats depend on
// their order), the pool of each, and the waits of each pool's callers
// (leaves).
func (f *Fitter) wrapGaps(agents []string, pool func(agent string) int, leaves []lastLeave) []wrapStats {
	out := make([]wrapStats, len(f.names))
	for i, name := range f.names {
		out[i].types = make([]wrapTally, len(f.channels[name].typeNames))
	}
	most := math.Min(awayPickup, f.opts.SpanGap)
	for _, a := range agents {
		p := pool(a)
		if p < 0 {
			continue
		}
		svc := f.services[a]
		sortServices(svc)
		for i := 1; i < len(svc); i++ {
			s, t := svc[i-1], svc[i]
			g := t.from - s.to
			queued := t.from - float64(t.wait)
			if s.channel == noChannel || !t.waited || queued > s.to+sameInstant || g < -sameInstant || g > most ||
				!(leaves[p].latest(s.to) > s.to+most) {
				continue
			}
			w := &out[s.channel]
			g = math.Max(0, g)
			if s.typ == noType {
				w.untyped.add(g)
			} else {
				w.types[s.typ].add(g)
			}
		}
	}
	return out
}

// lastLeave holds the waits of a pool's callers: when each arrived, in
// order, and the latest end of the waits of those arrived so far.
type lastLeave struct{ at, end []float64 }

// lastLeaves returns the waits of each pool's callers (by its channels'
// indices).
func (f *Fitter) lastLeaves(skills [][]int) []lastLeave {
	out := make([]lastLeave, len(skills))
	for p, chs := range skills {
		var all []stretch
		for _, c := range chs {
			all = append(all, f.waiting[c]...)
		}
		slices.SortFunc(all, func(x, y stretch) int { return cmp.Or(cmp.Compare(x.from, y.from), cmp.Compare(x.to, y.to)) })
		l := lastLeave{at: make([]float64, len(all)), end: make([]float64, len(all))}
		latest := math.Inf(-1)
		for i, s := range all {
			latest = math.Max(latest, s.to)
			l.at[i], l.end[i] = s.from, latest
		}
		out[p] = l
	}
	return out
}

// latest returns the latest time a caller arrived by t left the queue
// (−Inf for none): when it is after t, a caller queued at t was still
// waiting then.
func (l lastLeave) latest(t float64) float64 {
	k, _ := slices.BinarySearch(l.at, math.Nextafter(t, math.Inf(1)))
	if k == 0 {
		return math.Inf(-1)
	}
	return l.end[k-1]
}

// wrapLaws fills in each channel's and type's after-call work: the gaps
// after all its contacts (Wrap), and the law its wrap_time gets
// (WrapTime), of the gaps after the contacts of types without a law of
// their own. A type has one only when the scenario has issues (Fit.typed).
func (fit *Fit) wrapLaws(stats []wrapStats) {
	typed := fit.typed()
	for ci := range fit.Channels {
		c := &fit.Channels[ci]
		st := &stats[ci]
		own := make([]bool, len(st.types))
		for j := range c.Types {
			ty := &c.Types[j]
			ty.Wrap = st.types[ty.index].fit()
			if !typed {
				ty.Wrap.Law = models.Dist{}
			}
			own[ty.index] = ty.Wrap.Law.Kind != ""
		}
		c.Wrap = st.all().fit()
		c.WrapTime = st.rest(func(k int) bool { return own[k] }).fit()
	}
}

// ownWrap tells whether some type of the channel has an after-call work
// law of its own.
func (c *ChannelFit) ownWrap() bool {
	return slices.ContainsFunc(c.Types, func(t TypeFit) bool { return t.Wrap.Law.Kind != "" })
}
