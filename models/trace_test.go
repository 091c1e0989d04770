package models

import (
	"math"
	"testing"
)

// TestTraceRecordsEveryContact traces a week of the rich world: every
// contact made appears once, with its links and times in order, and the
// trace agrees with the tallies.
func TestTraceRecordsEveryContact(t *testing.T) {
	cfg := richConfig()
	var recs []ContactRecord
	r, err := RunTraced(cfg, 2, func(c *ContactRecord) { recs = append(recs, *c) })
	if err != nil {
		t.Fatal(err)
	}
	seen := make(map[int64]bool, len(recs))
	outcomes := map[string]int64{}
	byChannel := map[string]Counts{}
	for _, c := range recs {
		if seen[c.ID] {
			t.Fatalf("contact %d traced twice", c.ID)
		}
		seen[c.ID] = true
		if c.Replication != 2 || c.Previous >= c.ID || c.Ended < c.Arrived ||
			!math.IsNaN(c.Answered) && (c.Answered < c.Arrived || c.Answered > c.Ended) {
			t.Fatalf("inconsistent record %+v", c)
		}
		outcomes[c.Outcome]++
		if c.Arrived >= cfg.Warmup && c.Arrived < cfg.Horizon {
			k := byChannel[c.Channel]
			k.Offered++
			switch c.Outcome {
			case OutcomeAbandoned:
				k.Abandoned++
			case OutcomeBlocked:
				k.Blocked++
			case OutcomeDuplicate:
				k.Duplicates++
			}
			byChannel[c.Channel] = k
		}
	}
	for id := int64(1); id <= int64(len(recs)); id++ {
		if !seen[id] {
			t.Fatalf("contact %d of %d never traced", id, len(recs))
		}
	}
	for _, ch := range r.Channels {
		got, want := byChannel[ch.Name], ch.Total
		if got.Offered != want.Offered || got.Abandoned != want.Abandoned || got.Blocked != want.Blocked || got.Duplicates != want.Duplicates {
			t.Errorf("%s: trace offered %d, abandoned %d, blocked %d, duplicates %d; tallies %d, %d, %d, %d",
				ch.Name, got.Offered, got.Abandoned, got.Blocked, got.Duplicates, want.Offered, want.Abandoned, want.Blocked, want.Duplicates)
		}
	}
	t.Logf("%d contacts traced: %v", len(recs), outcomes)

	// Tracing changes nothing.
	plain, _ := Run(cfg, 2)
	if plain.Events != r.Events || plain.Customers.Total != r.Customers.Total {
		t.Errorf("a traced run differs from a plain one")
	}
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
