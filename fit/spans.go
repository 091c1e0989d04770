package fit

import (
	"cmp"
	"math"
	"slices"
)

// span is a stretch of an agent's work, in seconds from the log's day 0:
// from the start of its first service to the end of its last, with the
// number of services and their total time.
type span struct {
	from, to float64
	n        int
	busy     float64
	// waited tells that the caller of the span's first service had
	// waited: the agent took a caller already in the queue.
	waited bool
}

// spansOf returns an agent's working spans, in time order, given their
// services: runs of services with no gap longer than gap between them,
// each from the start of its first to the end of its last. The services
// are sorted in place (by start), so the spans do not depend on the order
// the log gave them in, in time n log n.
func spansOf(services []service, gap float64) []span {
	sortServices(services)
	var spans []span
	for _, s := range services {
		if n := len(spans); n > 0 && s.from <= spans[n-1].to+gap {
			last := &spans[n-1]
			last.to = max(last.to, s.to)
			last.n++
			last.busy += s.to - s.from
			continue
		}
		spans = append(spans, span{from: s.from, to: s.to, n: 1, busy: s.to - s.from, waited: s.waited})
	}
	return spans
}

// idleGap returns the mean idle time between an agent's services within
// their spans (span time not serving ÷ the gaps between services); NaN
// when no span has two services.
func idleGap(spans []span) float64 {
	idle, gaps := 0.0, 0
	for _, s := range spans {
		if s.n > 1 {
			idle += math.Max(0, s.to-s.from-s.busy)
			gaps += s.n - 1
		}
	}
	if gaps == 0 {
		return math.NaN()
	}
	return idle / float64(gaps)
}

// edge returns how far an end of an agent's span reaches beyond its first
// or last service. An agent at work before their first service waited for
// it, as between services, so an end gets the span's mean idle gap (the
// agent's, for a span of one service): without it the first and last
// hours of every shift would look short of agents. Not so where the log
// says the agent was not idle there: a first service to a caller who had
// been waiting (the agent came to a queue), a last one after which a
// caller they serve was waiting (the agent left one). It is at most half
// of gap, so that spans never meet.
func edge(s span, agentGap, gap float64) float64 {
	e := agentGap
	if s.n > 1 {
		e = math.Max(0, s.to-s.from-s.busy) / float64(s.n-1)
	}
	if math.IsNaN(e) {
		return 0
	}
	return math.Min(e, gap/2)
}

// presence adds each span's time in each slot, its edges included (edge),
// to at: the agent-seconds at work by day (from the log's day 0) and slot
// of the day, slots interval seconds long; waiting tells whether a caller
// the agent serves was waiting at a time.
func presence(spans []span, interval, gap float64, waiting func(t float64) bool, at func(day, slot int, seconds float64)) {
	slots := int(math.Round(86400 / interval))
	agentGap := idleGap(spans)
	for _, s := range spans {
		e := edge(s, agentGap, gap)
		from, to := s.from-e, s.to+e
		if s.waited {
			from = s.from
		}
		if waiting(s.to) {
			to = s.to
		}
		for k := int(math.Floor(from / interval)); float64(k)*interval < to; k++ {
			a, b := max(from, float64(k)*interval), min(to, float64(k+1)*interval)
			if b > a {
				day := int(math.Floor(float64(k) / float64(slots)))
				at(day, k-day*slots, b-a)
			}
		}
	}
}

// sortServices sorts services by start, then end, then whether their
// caller waited, then the wait, the channel and the type: a total order,
// so that ties do not depend on the log's.
func sortServices(services []service) {
	slices.SortFunc(services, func(x, y service) int {
		w := func(s service) int {
			if s.waited {
				return 1
			}
			return 0
		}
		return cmp.Or(cmp.Compare(x.from, y.from), cmp.Compare(x.to, y.to), w(x)-w(y), cmp.Compare(x.wait, y.wait),
			cmp.Compare(x.channel, y.channel), cmp.Compare(x.typ, y.typ))
	})
}
