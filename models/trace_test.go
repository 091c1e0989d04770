package models

import (
	"math"
	"slices"
	"testing"
)

// TestTraceRecordsEveryContact traces a week of the rich world: every
// contact made appears once, with its links and times in order, and the
// trace agrees with the tallies.
func TestTraceRecordsEveryContact(t *testing.T) {
	cfg := richConfig()
	cfg.Channels[0].Lines = 12 // so that some contacts are turned away
	r, outcomes := checkTrace(t, cfg, 2)
	if outcomes[OutcomeBlocked] == 0 {
		t.Error("no contact turned away: the test needs some")
	}
	// Tracing changes nothing.
	plain, _ := Run(cfg, 2)
	if plain.Events != r.Events || plain.Customers.Total != r.Customers.Total {
		t.Errorf("a traced run differs from a plain one")
	}
}

// TestTraceWithMechanisms traces a week of the rich world with after-call
// work, classes, callbacks, overflow and proficiency on: the trace stays
// whole and agrees with the tallies, and some callbacks are missed.
func TestTraceWithMechanisms(t *testing.T) {
	_, outcomes := checkTrace(t, richWithMechanisms(), 1)
	if outcomes[OutcomeCallbackMissed] == 0 {
		t.Errorf("no callback missed among %v: the test needs some", outcomes)
	}
}

// TestTraceChasedDuplicates traces customers who chase a late email by
// phone: the email answered after the phone resolved the issue is a
// duplicate, in the trace and in the tallies alike.
func TestTraceChasedDuplicates(t *testing.T) {
	email := Channel{Name: "email", Kind: Deferred, Arrivals: Arrivals{Rate: 30.0 / 3600},
		HandleTime: Dist{Kind: Exponential, Mean: 150}, ExpectedWait: 1800, AnswerWithin: 3600}
	phone := live("phone", 0, 180)
	phone.Choosable = true
	cfg := &Config{Seed: 4, Horizon: 2 * 86400, Warmup: 3600, Interval: 3600,
		Journey:  Journey{Chase: 0.8, ChaseAfter: 1},
		Channels: []Channel{email, phone},
		Pools:    []Pool{onePool("email", 1, "email"), onePool("phone", 3, "phone")}}
	_, outcomes := checkTrace(t, cfg, 0)
	if outcomes[OutcomeDuplicate] == 0 {
		t.Errorf("no duplicate among %v: the test needs some", outcomes)
	}
}

// checkTrace runs replication rep of cfg traced and checks the trace: every
// contact once, with its links and times in order, and its counts those
// of the tallies, over the measured window and interval by interval. It
// returns the result and the count of each outcome.
func checkTrace(t *testing.T, cfg *Config, rep int) (*Result, map[string]int64) {
	t.Helper()
	var recs []ContactRecord
	r, err := RunTraced(cfg, rep, func(c *ContactRecord) { recs = append(recs, *c) })
	if err != nil {
		t.Fatal(err)
	}
	seen := make(map[int64]bool, len(recs))
	outcomes := map[string]int64{}
	byChannel, all := map[string]Counts{}, map[string]Counts{} // arrived in the window; before the horizon
	for _, c := range recs {
		if seen[c.ID] {
			t.Fatalf("contact %d traced twice", c.ID)
		}
		seen[c.ID] = true
		if c.Replication != rep || c.Previous >= c.ID || c.Ended < c.Arrived ||
			!math.IsNaN(c.Answered) && (c.Answered < c.Arrived || c.Answered > c.Ended) {
			t.Fatalf("inconsistent record %+v", c)
		}
		outcomes[c.Outcome]++
		if c.Arrived >= cfg.Horizon {
			continue
		}
		k := traceCounts(c, cfg)
		all[c.Channel] = all[c.Channel].plus(k)
		if c.Arrived >= cfg.Warmup {
			byChannel[c.Channel] = byChannel[c.Channel].plus(k)
		}
	}
	for id := int64(1); id <= int64(len(recs)); id++ {
		if !seen[id] {
			t.Fatalf("contact %d of %d never traced", id, len(recs))
		}
	}
	for i, ch := range r.Channels {
		var ivs Counts
		for _, iv := range ch.Intervals {
			ivs.Add(iv)
		}
		for _, c := range []struct {
			what      string
			got, want Counts
		}{{"the window", byChannel[ch.Name], ch.Total}, {"the intervals", all[ch.Name], ivs}} {
			if g, w := c.got.traced(), c.want.traced(); g != w {
				t.Errorf("%s, %s: the trace counts %+v, the tallies %+v", ch.Name, c.what, g, w)
			}
		}
		if cfg.Channels[i].Kind == SelfService && (ch.Total.Resolved == 0 || ch.Total.AnsweredWithin != ch.Total.Answered) {
			t.Errorf("%s: %d sessions, %d resolved, %d within target: want some resolved and all within", ch.Name, ch.Total.Answered, ch.Total.Resolved, ch.Total.AnsweredWithin)
		}
	}
	if got, want := traceCustomers(recs, cfg), r.Customers.Total; !sameCustomers(got, want) {
		t.Errorf("customers: the trace counts %+v, the tallies %+v", got, want)
	}
	t.Logf("%d contacts traced: %v", len(recs), outcomes)
	return r, outcomes
}

// traceCustomers is what the trace shows of the customers who arrived in
// the measured window, every one of whom has finished: whether they were
// resolved and how long it took from their first contact, their contacts,
// the channels they used, how often they switched (a contact on another
// channel than the one before, not by an escalation path) and their
// escalations.
func traceCustomers(recs []ContactRecord, cfg *Config) CustomerCounts {
	byCustomer := map[int64][]ContactRecord{}
	for _, c := range recs {
		byCustomer[c.Customer] = append(byCustomer[c.Customer], c)
	}
	var k CustomerCounts
	for _, cs := range byCustomer {
		slices.SortFunc(cs, func(a, b ContactRecord) int { return int(a.ID - b.ID) })
		start := cs[0].Arrived
		if start < cfg.Warmup || start >= cfg.Horizon {
			continue
		}
		k.Customers++
		k.Finished++
		k.Contacts += int64(len(cs))
		used := map[string]bool{}
		resolvedAt := math.Inf(1)
		for i, c := range cs {
			used[c.Channel] = true
			if i > 0 && c.Channel != cs[i-1].Channel && c.How != HowEscalation {
				k.Switches++
			}
			switch c.Outcome {
			case OutcomeEscalated:
				k.Escalations++
			case OutcomeResolved:
				resolvedAt = min(resolvedAt, c.Ended)
			}
		}
		k.ChannelsUsed += int64(len(used))
		if math.IsInf(resolvedAt, 1) {
			k.GaveUp++
		} else {
			k.Resolved++
			k.TimeToResolution += resolvedAt - start
		}
	}
	return k
}

// sameCustomers compares what traceCustomers counts, the time to
// resolution to rounding.
func sameCustomers(a, b CustomerCounts) bool {
	ta, tb := a.TimeToResolution, b.TimeToResolution
	a.TimeToResolution, b.TimeToResolution, a.Satisfaction, b.Satisfaction = 0, 0, 0, 0
	return a == b && math.Abs(ta-tb) <= 1e-9*math.Max(1, tb)
}

// TestFlowsCountMoves: every switch and escalation into a channel shows in
// the flows matrix.
func TestFlowsCountMoves(t *testing.T) {
	cfg := richConfig()
	r, err := Run(cfg, 0)
	if err != nil {
		t.Fatal(err)
	}
	for j, ch := range r.Channels {
		var in int64
		for i := range r.Flows {
			in += r.Flows[i][j]
		}
		if want := ch.Total.SwitchedIn + ch.Total.EscalatedIn; in != want {
			t.Errorf("%s: flows in %d, switched and escalated in %d", ch.Name, in, want)
		}
		if r.Flows[j][j] != 0 {
			t.Errorf("%s: a move from a channel to itself", ch.Name)
		}
	}
}

// traceCounts is what one traced contact adds to its channel's counts, as
// the figures' definitions say.
func traceCounts(c ContactRecord, cfg *Config) Counts {
	k := Counts{Offered: 1}
	answered := !math.IsNaN(c.Answered)
	if answered {
		k.Answered = 1
		i := slices.IndexFunc(cfg.Channels, func(ch Channel) bool { return ch.Name == c.Channel })
		if c.Answered-c.Arrived <= cfg.Channels[i].AnswerWithin {
			k.AnsweredWithin = 1
		}
	}
	switch c.Outcome {
	case OutcomeAbandoned:
		k.Abandoned = 1
	case OutcomeBlocked:
		k.Blocked = 1
	case OutcomeDuplicate:
		k.Duplicates = 1
	case OutcomeResolved:
		k.Resolved = 1
	case OutcomeEscalated:
		k.EscalatedOut = 1
	}
	return k
}

// traced keeps the counts a trace shows.
func (k Counts) traced() Counts {
	return Counts{Offered: k.Offered, Answered: k.Answered, AnsweredWithin: k.AnsweredWithin, Abandoned: k.Abandoned,
		Blocked: k.Blocked, Duplicates: k.Duplicates, Resolved: k.Resolved, EscalatedOut: k.EscalatedOut}
}

func (k Counts) plus(o Counts) Counts {
	k.Add(o)
	return k
}

// TestCutOffTracesContactsInHand: a run cut off at the horizon traces the
// contacts still in an agent's hands (and self-service sessions going
// on) as in-service, answered, ending at the horizon with the time
// handled until then; so every contact the tallies count as answered is
// in the trace, as every waiting one is (unfinished).
func TestCutOffTracesContactsInHand(t *testing.T) {
	phone := live("phone", 40.0/3600, 600)
	web := Channel{Name: "web", Kind: SelfService, Arrivals: Arrivals{Rate: 20.0 / 3600}, HandleTime: Dist{Kind: Exponential, Mean: 900},
		Patience: Dist{Kind: Never}, Resolution: []float64{1}}
	cfg := &Config{Horizon: 3 * 3600, Interval: 1800, Cutoff: true, Channels: []Channel{phone, web},
		Pools: []Pool{{Name: "agents", Skills: []string{"phone"}, Agents: []int{5}}}}
	var recs []ContactRecord
	r, err := RunTraced(cfg, 0, func(c *ContactRecord) { recs = append(recs, *c) })
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int64]bool{}
	answered := [2]int64{}
	inHand := [2]int{}
	for _, c := range recs {
		if seen[c.ID] {
			t.Errorf("contact %d traced twice", c.ID)
		}
		seen[c.ID] = true
		k := 0
		if c.Channel == "web" {
			k = 1
		}
		if !math.IsNaN(c.Answered) {
			answered[k]++
		}
		if c.Outcome == OutcomeInService {
			inHand[k]++
			if c.Ended != cfg.Horizon || math.IsNaN(c.Answered) || math.Abs(c.Handle-(c.Ended-c.Answered)) > 1e-9 {
				t.Errorf("in service: %+v, want it answered, ended at the horizon and handled until then", c)
			}
		}
	}
	for k, ch := range r.Channels {
		if answered[k] != ch.Total.Answered {
			t.Errorf("%s: %d answered in the trace, %d in the tallies", cfg.Channels[k].Name, answered[k], ch.Total.Answered)
		}
		if inHand[k] == 0 {
			t.Errorf("%s: no contact in hand at the horizon, for the test to mean something", cfg.Channels[k].Name)
		}
	}
}
