package models

import (
	"math"
	"testing"
)

// TestAbandonmentOfDeferredIsUndefined: a deferred channel's contacts wait
// in a backlog and are never given up on, so its abandonment is undefined
// (NaN), not 0 %; a live channel's, run beside it, is a number. The
// replications carry each channel's kind to Summarize, and Totals keeps it.
func TestAbandonmentOfDeferredIsUndefined(t *testing.T) {
	cfg := erlangAConfig(4 * 3600)
	cfg.Channels = append(cfg.Channels, Channel{Name: "email", Kind: Deferred, Arrivals: Arrivals{Rate: 20.0 / 3600},
		HandleTime: Dist{Kind: Exponential, Mean: 300}, AnswerWithin: 86400})
	cfg.Pools = append(cfg.Pools, Pool{Name: "office", Skills: []string{"email"}, Agents: []int{1}})
	results, err := runReplications(cfg, 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	for name, rs := range map[string][]*Result{"results": results, "totals": {results[0].Totals(), results[1].Totals(), results[2].Totals()}} {
		s := Summarize(rs)
		for _, key := range []string{"abandoned", "p_abandon"} {
			if e := s.Channels[0].Get(key); math.IsNaN(e.Mean) || math.IsNaN(e.HalfWidth) {
				t.Errorf("%s: phone %s = %v, want a number", name, key, e)
			}
			if e := s.Channels[1].Get(key); !math.IsNaN(e.Mean) || !math.IsNaN(e.HalfWidth) {
				t.Errorf("%s: email %s = %v, want NaN (undefined)", name, key, e)
			}
		}
		if e := s.Channels[1].Get("offered"); !(e.Mean > 0) {
			t.Errorf("%s: email offered %v, want contacts", name, e)
		}
	}
}

// TestFigureApplies: abandonment and callbacks do not apply to deferred
// and self-service channels, nor after-call work to self-service; every
// figure applies to live ones.
func TestFigureApplies(t *testing.T) {
	liveOnly := map[string]bool{"abandoned": true, "p_abandon": true, "callbacks_offered": true,
		"callbacks_accepted": true, "callbacks_kept": true, "callback_delay_seconds": true}
	for _, f := range Figures {
		if !FigureApplies(Live, f.Key) {
			t.Errorf("%s does not apply to live channels", f.Key)
		}
		for _, kind := range []ChannelKind{Deferred, SelfService} {
			want := !liveOnly[f.Key] && !(kind == SelfService && f.Key == "acw_seconds")
			if got := FigureApplies(kind, f.Key); got != want {
				t.Errorf("FigureApplies(%s, %s) = %v, want %v", kind, f.Key, got, want)
			}
		}
	}
}

// TestPoolFigures checks each pool figure by its definition on one tally:
// times in hours, occupancy busy ÷ present, cost as tallied.
func TestPoolFigures(t *testing.T) {
	c := PoolCounts{ScheduledTime: 10 * 3600, AgentTime: 8 * 3600, BusyTime: 6 * 3600, AwayTime: 3600, Cost: 250}
	want := map[string]float64{"scheduled_hours": 10, "available_hours": 8, "occupancy": 0.75, "cost": 250, "away_hours": 1}
	for _, f := range PoolFigures {
		if got := f.Of(&c); got != want[f.Key] {
			t.Errorf("%s: got %v, want %v", f.Key, got, want[f.Key])
		}
	}
	if len(want) != len(PoolFigures) {
		t.Errorf("%d pool figures, the test knows %d", len(PoolFigures), len(want))
	}
}
