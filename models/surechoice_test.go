package models

import (
	"bytes"
	"testing"

	"github.com/omnisim/omnisim/sim"
)

// TestSureChoiceCountsItsDraw makes, at noon of a rich world, each choice
// of one channel (a list of one name, or every channel but one avoided)
// with the memo and without it, for two customers of the same key: the
// same channel, the choice's draw counted alike, and with the memo the
// choice's generator not reseeded (the draw not made); the next choice
// among every channel, which draws, then picks the same channel for both.
func TestSureChoiceCountsItsDraw(t *testing.T) {
	cfg := richConfig()
	cfg.WordOfMouth.Enabled = false
	cfg.SetDefaults()
	memo, _ := noonWorld(cfg)
	exact, _ := noonWorld(cfg)
	exact.memo = nil
	if memo.memo == nil {
		t.Fatal("no memo")
	}
	sure := 0
	for k, ch := range memo.channels {
		if !ch.cfg.Choosable || !ch.isOpen(memo.eng.Now()) {
			continue
		}
		for _, only := range [][]string{{ch.cfg.Name}, nil} {
			key := sim.Key(1000 + 2*k + len(only))
			a, b := &customer{key: key}, &customer{key: key}
			var avoidA, avoidB *channel
			if only == nil { // every other channel closed to the choice
				for i := range memo.channels {
					if i != k {
						memo.channels[i].cfg.Choosable = false
						exact.channels[i].cfg.Choosable = false
					}
				}
				memo.open.to = 0 // forget the channels open
			}
			before, _ := memo.draws.src[drawChoice].MarshalBinary()
			got, want := memo.choose(a, only, nil, avoidA), exact.choose(b, only, nil, avoidB)
			after, _ := memo.draws.src[drawChoice].MarshalBinary()
			if nameOf(got) != ch.cfg.Name || nameOf(want) != ch.cfg.Name {
				t.Errorf("%s (only %v): the memo chose %s, the exact choice %s", ch.cfg.Name, only, nameOf(got), nameOf(want))
			}
			if !bytes.Equal(before, after) {
				t.Errorf("%s (only %v): a sure choice reseeded the choice's generator", ch.cfg.Name, only)
			}
			if a.draws[drawChoice] != 1 || b.draws[drawChoice] != 1 {
				t.Errorf("%s (only %v): choice draws %d and %d, want 1", ch.cfg.Name, only, a.draws[drawChoice], b.draws[drawChoice])
			}
			for i := range memo.channels {
				memo.channels[i].cfg.Choosable = true
				exact.channels[i].cfg.Choosable = true
			}
			memo.open.to = 0
			if got, want := memo.choose(a, nil, nil, nil), exact.choose(b, nil, nil, nil); nameOf(got) != nameOf(want) {
				t.Errorf("%s (only %v): the next choice %s, the exact one's %s", ch.cfg.Name, only, nameOf(got), nameOf(want))
			}
			sure++
		}
	}
	if sure < 4 {
		t.Fatalf("%d sure choices made, want at least 4", sure)
	}
}
