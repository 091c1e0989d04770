package models

import (
	"math/rand/v2"
	"testing"
)

// TestEscPaths: each path's target is found by name once, a transfer has
// no delay and a later contact has its sampler, and a target no channel
// has panics.
func TestEscPaths(t *testing.T) {
	phone, tier2 := &channel{}, &channel{}
	byName := map[string]*channel{"phone": phone, "tier2": tier2}
	c := &Channel{Escalations: []Escalation{
		{To: "tier2", Share: 0.25, Transfer: true},
		{To: "phone", Share: 0.5, Delay: Dist{Kind: Deterministic, Mean: 60}},
	}}
	got := escPaths(c, byName, rand.NewPCG(1, 2))
	if len(got) != 2 {
		t.Fatalf("got %d paths, want 2", len(got))
	}
	if e := got[0]; e.to != tier2 || !e.transfer || e.share != 0.25 || e.delay != nil {
		t.Errorf("path 0: got %+v, want a transfer of 0.25 to tier2 without delay", e)
	}
	if e := got[1]; e.to != phone || e.transfer || e.share != 0.5 || e.delay == nil || e.delay.Rand() != 60 {
		t.Errorf("path 1: got %+v, want 0.5 to phone after 60 s", e)
	}
	defer func() {
		if recover() == nil {
			t.Error("an escalation to an unknown channel did not panic")
		}
	}()
	escPaths(&Channel{Escalations: []Escalation{{To: "email", Share: 1, Transfer: true}}}, byName, rand.NewPCG(1, 2))
}

// TestLiveFirst: a pool's channels in the order a free agent looks at
// them, live ones first, each kind in the order of the skills.
func TestLiveFirst(t *testing.T) {
	byName := map[string]*channel{}
	for _, n := range []string{"email", "phone", "letter", "chat"} {
		byName[n] = &channel{kind: Live}
	}
	byName["email"].kind, byName["letter"].kind = Deferred, Deferred
	got := liveFirst([]string{"email", "phone", "letter", "chat"}, byName)
	want := []*channel{byName["phone"], byName["chat"], byName["email"], byName["letter"]}
	if len(got) != len(want) {
		t.Fatalf("got %d channels, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("channel %d: got %p, want %p", i, got[i], want[i])
		}
	}
}
