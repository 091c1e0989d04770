package fit

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSpansAnyOrder: working spans are runs of services no more than the
// gap apart, the same whatever order the services come in.
func TestSpansAnyOrder(t *testing.T) {
	// Services (from, to) of one agent: three spans with a gap of 600 s.
	services := []service{
		{from: 0, to: 100, waited: true}, {from: 500, to: 700}, {from: 1200, to: 1300}, // gaps 400 and 500: one span
		{from: 2000, to: 2100},                                       // 700 after: a new span
		{from: 2600, to: 2650}, {from: 2650, to: 2700, waited: true}, // back to back
		{from: 4000, to: 4100, waited: true}, // alone
	}
	want := []span{{from: 0, to: 1300, n: 3, busy: 400, waited: true}, {from: 2000, to: 2700, n: 3, busy: 200},
		{from: 4000, to: 4100, n: 1, busy: 100, waited: true}}
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 20 {
		order := slices.Clone(services)
		if trial > 0 {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		}
		if spans := spansOf(slices.Clone(order), 600); !slices.Equal(spans, want) {
			t.Fatalf("order %v: spans %v, want %v", order, spans, want)
		}
	}
}

// TestPresenceEdges: a span reaches a mean idle gap out at each end, but
// not where its first caller had waited, nor where a caller waited after
// its last service; at most half the span gap; split over the slots it
// touches.
func TestPresenceEdges(t *testing.T) {
	// Three services of 100 s with gaps of 50 s: a mean idle gap of 50 s.
	s := span{from: 3500, to: 3900, n: 3, busy: 300}
	cases := []struct {
		name          string
		waited, queue bool
		gap           float64
		want          [2]float64 // seconds in the slots 0:00-1:00 and 1:00-2:00
	}{
		{"idle at both ends", false, false, 1800, [2]float64{150, 350}},
		{"came to a queue", true, false, 1800, [2]float64{100, 350}},
		{"left a queue", false, true, 1800, [2]float64{150, 300}},
		{"both", true, true, 1800, [2]float64{100, 300}},
		{"capped at half the gap", false, false, 60, [2]float64{130, 330}},
	}
	for _, tc := range cases {
		sp := s
		sp.waited = tc.waited
		var got [2]float64
		presence([]span{sp}, 3600, tc.gap, func(float64) bool { return tc.queue }, func(day, slot int, sec float64) {
			if day != 0 || slot > 1 {
				t.Fatalf("%s: day %d slot %d", tc.name, day, slot)
			}
			got[slot] += sec
		})
		if math.Abs(got[0]-tc.want[0]) > 1e-9 || math.Abs(got[1]-tc.want[1]) > 1e-9 {
			t.Errorf("%s: %v agent-seconds in the two hours, want %v", tc.name, got, tc.want)
		}
	}
}

// TestPresenceFold: x agents at work on average become ⌈x − 0.05⌉ whole
// agents, each at work x ÷ that of the time; under 0.05, none.
func TestPresenceFold(t *testing.T) {
	f := &Fit{Pools: []PoolFit{{Agents: []float64{0, 0.04, 0.5, 3, 3.02, 3.4, 9.96}}}}
	n, fold := f.presenceFold(0)
	wantN := []int{0, 0, 1, 3, 3, 4, 10}
	for k, x := range f.Pools[0].Agents {
		if n[k] != wantN[k] {
			t.Errorf("%.2f at work: %d agents, want %d", x, n[k], wantN[k])
		}
		if want := math.Min(1, x/math.Max(1, float64(wantN[k]))); wantN[k] > 0 && math.Abs(fold[k]-want) > 1e-12 {
			t.Errorf("%.2f at work: at work %.4f of the time, want %.4f", x, fold[k], want)
		}
	}
}

// TestSkillsShare: a pool serves the channels that are 2 % of its agents'
// work, and those it answered most of, however little.
func TestSkillsShare(t *testing.T) {
	fitter := NewFitter(DefaultOptions)
	add := func(agent, channel string, n int) {
		for i := range n {
			fitter.Add(&Record{Day: 0, Arrival: float64(i), Channel: channel, Outcome: Answered, Handle: 10, Agent: agent})
		}
	}
	add("a", "phone", 980) // phone-team: phone 98 %, chat 1.5 %, mail 0.5 %
	add("a", "chat", 15)
	add("a", "mail", 5)
	add("b", "chat", 400) // chat-team: chat only
	fit := fitter.Result()
	skills := map[string][]string{}
	for _, p := range fit.Pools {
		skills[p.Name] = p.Skills
	}
	if got := skills["phone-team"]; !slices.Equal(got, []string{"phone", "mail"}) {
		t.Errorf("phone-team serves %v, want phone (its work) and mail (it answered all of it), not chat (1.5 %%, and chat-team's)", got)
	}
	if got := skills["chat-team"]; !slices.Equal(got, []string{"chat"}) {
		t.Errorf("chat-team serves %v, want chat", got)
	}
}

// TestEmpiricalLaw: an empirical handle-time law is the means of 100
// equal shares of the sorted times, scaled to the log's mean exactly: for
// the times 1, 2, …, 1000 s, share i holds 10i+1 … 10i+10, whose mean is
// 10i + 5.5, and scaling to a mean of 1001 s (the log's, say, of which
// these are a sample) doubles every value.
func TestEmpiricalLaw(t *testing.T) {
	sorted := make([]float64, 1000)
	for i := range sorted {
		sorted[i] = float64(i + 1)
	}
	values := empiricalLaw(sorted, 1001)
	if len(values) != empiricalValues {
		t.Fatalf("%d values, want %d", len(values), empiricalValues)
	}
	for i, v := range values {
		if want := 2 * (10*float64(i) + 5.5); math.Abs(v-want) > 0.05 {
			t.Fatalf("value %d: %v, want %v", i, v, want)
		}
	}
}

// TestSpanGapAtItsEnd: services no more than the span gap apart are one
// span (README: "a run of services no more than --span-gap apart"), so a
// gap of exactly the span gap joins them; and two services at the same
// times, one of a caller who had waited, give the same span in either
// order (sortServices is a total order). Seen to catch: spans.go
// `s.from <= spans[n-1].to+gap` → `<`, `w(x)-w(y)` → `+` in sortServices.
func TestSpanGapAtItsEnd(t *testing.T) {
	if spans := spansOf([]service{{from: 0, to: 100}, {from: 1900, to: 2000}}, 1800); !slices.Equal(spans, []span{{from: 0, to: 2000, n: 2, busy: 200}}) {
		t.Errorf("services 1800 s apart: spans %v, want one", spans)
	}
	a, b := service{from: 100, to: 200, waited: true}, service{from: 100, to: 200}
	if x, y := spansOf([]service{a, b}, 1800), spansOf([]service{b, a}, 1800); !slices.Equal(x, y) {
		t.Errorf("two services at the same times: spans %v in one order, %v in the other", x, y)
	}
}

// TestPresenceAgentGap: a span of one service reaches, at each end, the
// agent's mean idle gap between services: the idle time within their
// spans ÷ the gaps between services there (idleGap); a span of several,
// its own. Spans of 3 services (idle 100 s, 2 gaps) and of 2 (idle 300 s,
// 1 gap) give a mean gap of 400/3 s, so the span of one 100 s service
// counts 100 + 2 × 400/3 s; the others 400 + 2 × 50 and 500 + 2 × 300.
// Seen to catch: spans.go idleGap's `s.n > 1` → `<=`, `s.to-s.from` and
// `-s.busy` → `+`, `s.n - 1` → `+`, `gaps == 0` → `!=`, `idle /
// float64(gaps)` → `*`; edge's `s.n > 1` → `>=`, `<=`.
func TestPresenceAgentGap(t *testing.T) {
	spans := []span{{from: 1000, to: 1400, n: 3, busy: 300}, {from: 10000, to: 10500, n: 2, busy: 200}, {from: 20000, to: 20100, n: 1, busy: 100}}
	var got [24]float64
	presence(spans, 3600, 1800, func(float64) bool { return false }, func(day, slot int, sec float64) {
		if day != 0 {
			t.Fatalf("day %d", day)
		}
		got[slot] += sec
	})
	want := map[int]float64{0: 400 + 2*50, 2: 500 + 2*300, 5: 100 + 2*400.0/3}
	for slot, sec := range got {
		if math.Abs(sec-want[slot]) > 1e-9 {
			t.Errorf("slot %d: %v agent-seconds, want %v", slot, sec, want[slot])
		}
	}
}
