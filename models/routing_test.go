package models

import (
	"fmt"
	"math"
	"testing"
)

// Routing's formulas, checked on traced runs: which agent a new contact
// goes to, which waiting contact a free agent takes, and how long a chat
// takes beside others.

// agentName names an agent of a traced run.
func agentName(c ContactRecord) string { return fmt.Sprintf("%s/%d", c.Pool, c.Agent) }

// inHand returns, for each answered contact, the number of other contacts
// its agent held when it was answered: those answered before it (at the
// same instant: made before it, since an agent fills its sessions in the
// order contacts wait) and ending after (a release at that instant comes
// first).
func inHand(tr *tracedRun) map[int64]int {
	byAgent := map[string][]ContactRecord{}
	for _, c := range tr.recs {
		if answered(c) && c.Pool != "" {
			byAgent[agentName(c)] = append(byAgent[agentName(c)], c)
		}
	}
	out := map[int64]int{}
	for _, cs := range byAgent {
		for _, c := range cs {
			n := 0
			for _, d := range cs {
				if d.ID != c.ID && (d.Answered < c.Answered || d.Answered == c.Answered && d.ID < c.ID) && d.Ended > c.Answered {
					n++
				}
			}
			out[c.ID] = n
		}
	}
	return out
}

// heldAt returns the number of contacts agent a held at time t, just
// before the contacts answered at t.
func heldAt(tr *tracedRun, a string, t float64) int {
	n := 0
	for _, d := range tr.recs {
		if answered(d) && d.Pool != "" && agentName(d) == a && d.Answered < t && d.Ended > t {
			n++
		}
	}
	return n
}

// TestFormulaChatSlowdown: a chat session's handle time is its drawn time
// × (1 + slowdown × the other sessions its agent holds when it starts),
// and a new chat goes to the agent holding the fewest.
//
// Seen to catch: 1 + 0.5 × slowdown × sessions (issue 15's second
// surviving change); the slowdown counting this session too (sessions + 1);
// a new chat given to the agent with the most chats.
func TestFormulaChatSlowdown(t *testing.T) {
	chat := live("chat", 40.0/3600, 300)
	chat.Concurrency, chat.Slowdown = 3, 0.4
	chat.Patience = Dist{Kind: Exponential, Mean: 300}
	cfg := &Config{Seed: 41, Horizon: 8 * 3600, Interval: 3600,
		Channels: []Channel{chat}, Pools: []Pool{onePool("c", 3, "chat")}}
	tr := traceRun(t, cfg, 0, nil)
	held := inHand(tr)
	var byOthers [3]int
	for _, c := range tr.recs {
		if !answered(c) {
			continue
		}
		k := held[c.ID]
		if k >= 3 {
			t.Fatalf("contact %d answered beside %d others, more than the concurrency allows", c.ID, k)
		}
		byOthers[k]++
		want := tr.made[c.ID].handleF * (1 + 0.4*float64(k))
		if !closeTo(c.Handle, want, 1e-12) {
			t.Fatalf("contact %d beside %d others: handled %.9g s, drawn %.9g s × (1 + 0.4 × %d) = %.9g s", c.ID, k, c.Handle, tr.made[c.ID].handleF, k, want)
		}
		if c.Answered != c.Arrived {
			continue // taken from the queue by an agent who had room
		}
		for id := 1; id <= 3; id++ {
			if other := fmt.Sprintf("c/%d", id); heldAt(tr, other, c.Answered) < k {
				t.Fatalf("contact %d went to %s holding %d chats while %s held fewer", c.ID, agentName(c), k, other)
			}
		}
	}
	t.Logf("answered beside 0, 1, 2 other chats: %v", byOthers)
	if byOthers[1] == 0 || byOthers[2] == 0 {
		t.Errorf("no chat started beside others: the test shows nothing")
	}
}

// TestFormulaLongestIdle: a new contact goes to the agent of the pools
// that serve its channel who has been idle longest; of agents idle since
// the same instant (a shift's start), to the pool listed first.
//
// Seen to catch: the most recently idle agent of a pool chosen (the idle
// list's tail); across pools, the later-idle head preferred; a tie between
// pools given to the pool listed last.
func TestFormulaLongestIdle(t *testing.T) {
	phone := live("phone", 60.0/3600, 180)
	cfg := &Config{Seed: 42, Horizon: 8 * 3600, Interval: 3600,
		Channels: []Channel{phone}, Pools: []Pool{onePool("a", 3, "phone"), onePool("b", 2, "phone")}}
	tr := traceRun(t, cfg, 0, nil)
	agents := []string{"a/1", "a/2", "a/3", "b/1", "b/2"}
	checked, choices := 0, 0
	for _, c := range tr.recs {
		if !answered(c) || c.Answered != c.Arrived {
			continue
		}
		at := c.Answered
		// Each idle agent's last release before at (0: idle since the start).
		since := map[string]float64{}
		for _, a := range agents {
			since[a] = 0
		}
		for _, d := range tr.recs {
			if !answered(d) || d.Answered >= at {
				continue
			}
			if d.Ended > at {
				delete(since, agentName(d)) // busy
			} else if _, idle := since[agentName(d)]; idle {
				since[agentName(d)] = math.Max(since[agentName(d)], d.Ended)
			}
		}
		chosen, ok := since[agentName(c)]
		if !ok {
			t.Fatalf("contact %d went to %s, who was busy", c.ID, agentName(c))
		}
		for a, s := range since {
			if s < chosen {
				t.Fatalf("contact %d at %v went to %s, idle since %v, while %s was idle since %v", c.ID, at, agentName(c), chosen, a, s)
			}
			if s == chosen && a[0] < c.Pool[0] {
				t.Fatalf("contact %d at %v went to %s, idle since %v, as long as %s of a pool listed before", c.ID, at, agentName(c), chosen, a)
			}
		}
		checked++
		if len(since) > 1 {
			choices++
		}
	}
	t.Logf("%d contacts answered on arrival, %d with a choice of idle agents", checked, choices)
	if choices < 100 {
		t.Errorf("too few choices between idle agents to show anything")
	}
}

// TestFormulaSkillOrder: a free agent takes the first contact waiting on
// its live channels in the order of its skills, and only then on its
// deferred ones (a pool listing email before phone still answers the phone
// first), each channel's contacts in the order they arrived.
//
// Seen to catch: a pool's live and deferred channels taken in the order
// of its skills list (deferred not last); the skills' order ignored (the
// last live channel first); a queue taken newest first.
func TestFormulaSkillOrder(t *testing.T) {
	phone, chat := live("phone", 40.0/3600, 240), live("chat", 20.0/3600, 300)
	phone.Patience = Dist{Kind: Exponential, Mean: 600}
	chat.Patience = Dist{Kind: Exponential, Mean: 600}
	email := Channel{Name: "email", Kind: Deferred, Choosable: true, Arrivals: Arrivals{Rate: 15.0 / 3600},
		HandleTime: Dist{Kind: Exponential, Mean: 400}, Patience: Dist{Kind: Never}, AnswerWithin: 86400}
	cfg := &Config{Seed: 43, Horizon: 8 * 3600, Interval: 3600, Channels: []Channel{phone, chat, email},
		Pools: []Pool{onePool("front", 3, "phone", "chat", "email"), onePool("chat", 1, "chat"), onePool("back", 2, "email", "phone")}}
	order := map[string][]string{ // live skills in order, then deferred
		"front": {"phone", "chat", "email"},
		"chat":  {"chat"},
		"back":  {"phone", "email"},
	}
	tr := traceRun(t, cfg, 0, nil)
	taken := map[string]int{}
	for _, c := range tr.recs {
		if !answered(c) || c.Answered == c.Arrived {
			continue
		}
		at := c.Answered
		rank := map[string]int{}
		for i, ch := range order[c.Pool] {
			rank[ch] = i
		}
		for _, d := range tr.recs {
			waiting := d.ID != c.ID && d.Arrived < at && (answered(d) && d.Answered > at || !answered(d) && d.Ended > at)
			r, serves := rank[d.Channel]
			if !waiting || !serves {
				continue
			}
			if r < rank[c.Channel] || d.Channel == c.Channel && d.Arrived < c.Arrived {
				t.Fatalf("at %v an agent of %s took %s contact %d (arrived %v) while %s contact %d (arrived %v) waited",
					at, c.Pool, c.Channel, c.ID, c.Arrived, d.Channel, d.ID, d.Arrived)
			}
		}
		taken[c.Pool+" "+c.Channel]++
	}
	t.Logf("contacts taken from the queues: %v", taken)
	for _, k := range []string{"front phone", "front chat", "front email", "back phone", "back email"} {
		if taken[k] == 0 {
			t.Errorf("no %s contact taken from a queue: the world misses a case", k)
		}
	}
}
