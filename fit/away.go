package fit

import (
	"cmp"
	"math"
	"slices"
)

// The mean spell away (models.Pool.AwaySpell) is read off the log: while
// a caller an agent serves is waiting, an agent at work who is not serving
// must be away (a ready agent would take the caller), and the spell ends
// when the agent takes one. The time agents spent so, and the number of
// such spells that ended with the agent taking a waiting caller, give an
// exponential mean by occurrences over exposure, the maximum-likelihood
// estimate for spells cut short (censored) when the queue empties. The
// first awayPickup of every such stretch is left out of both: in real
// logs most of them end within seconds, an agent picking up rather than
// coming back from elsewhere, and an exponential spell's remainder after
// any time is the same exponential.

// awayPickup is the first part of an agent's idle stretch beside a waiting
// caller that the away estimate leaves out.
const awayPickup = 60.0

// minAwaySpells is the fewest spells the away estimate needs; with fewer,
// Fit.AwaySpell is NaN and the scenario takes the default.
const minAwaySpells = 30

// service is an agent's service of a contact, in seconds from the log's
// day 0; waited tells that its caller had waited, and wait how long (to
// float32's precision: a thousandth of a second in a wait of hours).
// channel is the contact's channel's index (noChannel past the log's
// first 65,535) and typ its type's (channelStats.typeNames; noType for none),
// for the after-call work (wrap.go): 24 bytes in all.
type service struct {
	from, to float64
	wait     float32
	channel  uint16
	typ      uint8
	waited   bool
}

// awayEstimate returns the mean spell away, the number of spells it is
// estimated from, and the agent time idle beside a waiting caller (past
// awayPickup) it sums, given each agent's services and pool, and the times
// each pool had callers waiting (queues).
func (f *Fitter) awayEstimate(agents []string, pool func(agent string) int, queues [][]stretch) (mean float64, spells int, exposure float64) {
	for _, a := range agents {
		p := pool(a)
		if p < 0 {
			continue
		}
		q := queues[p]
		svc := f.services[a]
		sortServices(svc)
		for i := 1; i < len(svc); i++ {
			g0, g1 := svc[i-1].to, svc[i].from
			if !(g1 > g0) || g1-g0 > f.opts.SpanGap {
				continue
			}
			j, _ := slices.BinarySearchFunc(q, g0, func(s stretch, t float64) int { return cmp.Compare(s.to, t) })
			for ; j < len(q) && q[j].from < g1; j++ {
				from, to := math.Max(g0, q[j].from), math.Min(g1, q[j].to)
				if to-from <= awayPickup {
					continue
				}
				exposure += to - from - awayPickup
				if to == g1 && q[j].to >= g1 && svc[i].waited {
					spells++
				}
			}
		}
	}
	if spells < minAwaySpells {
		return math.NaN(), spells, exposure
	}
	return exposure / float64(spells), spells, exposure
}

// stretch is a stretch of time, in seconds from the log's day 0.
type stretch struct{ from, to float64 }

// queues returns, for each pool (by its channels' indices), the times any
// caller of its channels was waiting, in time order.
func (f *Fitter) queues(skills [][]int) [][]stretch {
	out := make([][]stretch, len(skills))
	for p, chs := range skills {
		var all []stretch
		for _, c := range chs {
			all = append(all, f.waiting[c]...)
		}
		out[p] = union(all)
	}
	return out
}

// waitingAt tells whether a caller was waiting at time t in a queue's
// stretches of waiting.
func waitingAt(q []stretch, t float64) bool {
	j, _ := slices.BinarySearchFunc(q, t, func(s stretch, t float64) int { return cmp.Compare(s.to, t) })
	return j < len(q) && q[j].from <= t && t <= q[j].to
}

// union returns the union of stretches, in time order and apart.
func union(all []stretch) []stretch {
	slices.SortFunc(all, func(x, y stretch) int { return cmp.Compare(x.from, y.from) })
	var out []stretch
	for _, s := range all {
		if n := len(out); n > 0 && s.from <= out[n-1].to {
			out[n-1].to = math.Max(out[n-1].to, s.to)
			continue
		}
		out = append(out, s)
	}
	return out
}
