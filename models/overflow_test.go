package models

import (
	"math"
	"slices"
	"testing"

	"github.com/omnisim/omnisim/models/erlang"
	"github.com/omnisim/omnisim/stats"
)

// overflowConfig is two phone lines, sales and service, with exponential
// handle times of 3 minutes and customers who never abandon, each with
// its own pool of 5 agents, each pool the other's backup after the given
// wait: sales at 4 Erlangs, service at 2.
func overflowConfig(after float64, hours float64) *Config {
	warmup := 10 * 3600.0
	line := func(name string, load float64) Channel {
		return Channel{Name: name, Kind: Live, Arrivals: Arrivals{Rate: load / 180},
			HandleTime: Dist{Kind: Exponential, Mean: 180}, Patience: Dist{Kind: Never}, AnswerWithin: 20}
	}
	return &Config{
		Name:     "overflow",
		Seed:     77,
		Horizon:  warmup + hours*3600,
		Warmup:   warmup,
		Interval: 3600,
		Channels: []Channel{line("sales", 4), line("service", 2)},
		Pools: []Pool{
			{Name: "sellers", Skills: []string{"sales", "service"}, Agents: []int{5},
				OverflowAfter: []SkillSetting{{Skill: "service", Value: after}}},
			{Name: "servers", Skills: []string{"service", "sales"}, Agents: []int{5},
				OverflowAfter: []SkillSetting{{Skill: "sales", Value: after}}},
		},
	}
}

// TestOverflowExtremesAgreeWithErlangC checks time-based overflow at its
// two ends against Erlang C. Overflow after 0 s is one pool of 10 agents
// serving both lines: each line's P(wait) is that of M/M/10 at 6 Erlangs,
// C(10, 6) = 0.1013 (every arrival sees the same ten agents; PASTA). After
// a year, the backups never help: sales is M/M/5 at 4 Erlangs, C = 0.5541,
// and service M/M/5 at 2, C = 0.0597. Each P(wait) is checked through a
// Student-t interval at the Bonferroni level 1 − 0.05/4 over 20
// replications.
//
// Seen to catch: backups taking contacts before their wait (after a year
// looks like one pool), backups never taking them (after 0 s looks like
// two pools).
func TestOverflowExtremesAgreeWithErlangC(t *testing.T) {
	if testing.Short() {
		t.Skip("long-run validation of overflow against Erlang C")
	}
	pwait := func(agents int, load float64) float64 {
		r, err := erlang.Evaluate(erlang.Params{ArrivalRate: load / 180, HandleTime: 180, Agents: agents, Patience: math.Inf(1), AnswerWithin: 20})
		if err != nil {
			t.Fatal(err)
		}
		return r.PWait
	}
	level := 1 - 0.05/4
	for _, tc := range []struct {
		name  string
		after float64
		want  [2]float64
	}{
		{"after 0 s, one pool", 0, [2]float64{pwait(10, 6), pwait(10, 6)}},
		{"after a year, two pools", 365 * 86400, [2]float64{pwait(5, 4), pwait(5, 2)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			results, err := runReplications(overflowConfig(tc.after, 300), 20, 0)
			if err != nil {
				t.Fatal(err)
			}
			for i, name := range []string{"sales", "service"} {
				vals := make([]float64, len(results))
				for k, r := range results {
					c := r.Channels[i].Total
					vals[k] = float64(c.Waited) / float64(c.Offered)
				}
				mean, half := stats.MeanCI(vals, level)
				t.Logf("%s: P(wait) %.4f ± %.4f, Erlang C %.4f", name, mean, half, tc.want[i])
				if math.Abs(mean-tc.want[i]) > half {
					t.Errorf("%s: P(wait) %.4f ± %.4f does not cover Erlang C's %.4f", name, mean, half, tc.want[i])
				}
				if half > math.Max(0.05*tc.want[i], 0.005) {
					t.Errorf("%s: half-width %.4f is too wide to test %.4f", name, half, tc.want[i])
				}
			}
		})
	}
}

// TestFormulaOverflowWait checks a 30-second overflow contact by contact
// from the trace: no agent of the backup pool takes a contact that has
// waited less than 30 s, and backups free when a contact reaches its 30 s
// take it at that very instant (the overflow timer), which happens often
// on the busy sales line.
//
// Seen to catch: the overflow wait ignored on arrival (freeAgent) or when
// a backup comes free (mayTake), the timer never set, a backup asked
// before its wait (the reserve, longest idle, chosen and unable to take).
func TestFormulaOverflowWait(t *testing.T) {
	cfg := overflowConfig(30, 40)
	var recs []ContactRecord
	if _, err := RunTraced(cfg, 0, func(c *ContactRecord) { recs = append(recs, *c) }); err != nil {
		t.Fatal(err)
	}
	backup := map[string]string{"sales": "servers", "service": "sellers"}
	atThirty, byBackup := 0, 0
	for _, c := range recs {
		if c.Pool != backup[c.Channel] {
			continue
		}
		byBackup++
		wait := c.Answered - c.Arrived
		if wait < 30-1e-9 {
			t.Errorf("%s contact %d was taken by the backup %s after %.3f s, before its 30 s", c.Channel, c.ID, c.Pool, wait)
		}
		if math.Abs(wait-30) < 1e-9 {
			atThirty++
		}
	}
	if byBackup < 100 || atThirty < 20 {
		t.Fatalf("the case tests too little: %d contacts taken by backups, %d of them at exactly 30 s", byBackup, atThirty)
	}

	// A second backup for sales after two minutes: it never takes a
	// contact sooner, and takes some at that very instant (the second
	// overflow timer).
	cfg.Pools = append(cfg.Pools, Pool{Name: "late", Skills: []string{"sales"}, Agents: []int{2},
		OverflowAfter: []SkillSetting{{Skill: "sales", Value: 120}}})
	recs = recs[:0]
	if _, err := RunTraced(cfg, 0, func(c *ContactRecord) { recs = append(recs, *c) }); err != nil {
		t.Fatal(err)
	}
	late, atTwo := 0, 0
	for _, c := range recs {
		if c.Pool != "late" {
			continue
		}
		late++
		if wait := c.Answered - c.Arrived; wait < 120-1e-9 {
			t.Errorf("sales contact %d was taken by the late backup after %.3f s, before its 2 minutes", c.ID, wait)
		} else if math.Abs(wait-120) < 1e-9 {
			atTwo++
		}
	}
	if late < 20 || atTwo < 5 {
		t.Fatalf("the case tests too little: %d contacts taken by the late backup, %d at exactly 2 minutes", late, atTwo)
	}

	// A reserve that would take sales only after ten hours, idle since
	// the start and so always the longest idle: it is never asked before
	// its wait, and the 30-second backup still takes contacts at their
	// 30 seconds.
	cfg.Pools = append(cfg.Pools, Pool{Name: "reserve", Skills: []string{"sales"}, Agents: []int{1},
		OverflowAfter: []SkillSetting{{Skill: "sales", Value: 36000}}})
	recs = recs[:0]
	if _, err := RunTraced(cfg, 0, func(c *ContactRecord) { recs = append(recs, *c) }); err != nil {
		t.Fatal(err)
	}
	atThirty = 0
	for _, c := range recs {
		switch {
		case c.Pool == "reserve":
			t.Errorf("sales contact %d was taken by the reserve after %.3f s", c.ID, c.Answered-c.Arrived)
		case c.Channel == "sales" && c.Pool == "servers" && math.Abs(c.Answered-c.Arrived-30) < 1e-9:
			atThirty++
		}
	}
	if atThirty < 10 {
		t.Errorf("with an idle reserve, the 30-second backup took %d contacts at their 30 seconds, want some", atThirty)
	}
}

// TestCheckSkillSettings checks a pool's settings by skill at their
// edges: a wait from 0, a factor above 0, each naming one of the pool's
// skills once.
func TestCheckSkillSettings(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(p *Pool)
		want []string
	}{
		{"valid", func(*Pool) {}, nil},
		{"a wait of 0", func(p *Pool) { p.OverflowAfter[0].Value = 0 }, nil},
		{"a negative wait", func(p *Pool) { p.OverflowAfter[0].Value = -1 }, []string{"pools.sellers.overflow_after.service"}},
		{"a factor of 0", func(p *Pool) { p.HandleFactors = []SkillSetting{{Skill: "sales", Value: 0}} }, []string{"pools.sellers.handle_factor.sales"}},
		{"a tiny factor", func(p *Pool) { p.HandleFactors = []SkillSetting{{Skill: "sales", Value: 1e-9}} }, nil},
		{"not a skill", func(p *Pool) { p.OverflowAfter[0].Skill = "email" }, []string{"pools.sellers.overflow_after.email"}},
		{"twice", func(p *Pool) { p.OverflowAfter = append(p.OverflowAfter, p.OverflowAfter[0]) }, []string{"pools.sellers.overflow_after.service"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := overflowConfig(30, 1)
			tc.edit(&cfg.Pools[0])
			cfg.SetDefaults()
			if got := problemPaths(t, cfg); !slices.Equal(got, tc.want) {
				t.Errorf("problems at %v, want %v (%v)", got, tc.want, cfg.Validate())
			}
		})
	}
}

// TestFormulaProficiency checks a pool's handle factor contact by
// contact: with a fixed handle time of 100 s on sales, the sellers
// (factor 1) take 100 s and the servers (factor 1.5) 150 s; the
// reference of a single pool scales its handle time by the factor.
//
// Seen to catch: the factor left out, applied to the wrong pool or
// channel.
func TestFormulaProficiency(t *testing.T) {
	cfg := overflowConfig(0, 20)
	cfg.Channels[0].HandleTime = Dist{Kind: Deterministic, Mean: 100}
	cfg.Pools[1].HandleFactors = []SkillSetting{{Skill: "sales", Value: 1.5}}
	var recs []ContactRecord
	if _, err := RunTraced(cfg, 0, func(c *ContactRecord) { recs = append(recs, *c) }); err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"sellers": 100, "servers": 150}
	seen := map[string]int{}
	for _, c := range recs {
		if c.Channel != "sales" || math.IsNaN(c.Answered) {
			continue
		}
		seen[c.Pool]++
		if math.Abs(c.Handle-want[c.Pool]) > 1e-9 {
			t.Errorf("sales contact %d handled by %s in %v s, want %v", c.ID, c.Pool, c.Handle, want[c.Pool])
		}
	}
	if seen["sellers"] < 50 || seen["servers"] < 50 {
		t.Fatalf("the case tests too little: sales contacts by pool %v", seen)
	}
	one := overflowConfig(0, 20)
	one.Channels = one.Channels[:1]
	one.Pools = []Pool{{Name: "team", Skills: []string{"sales"}, Agents: []int{5}, HandleFactors: []SkillSetting{{Skill: "sales", Value: 0.8}}}}
	one.SetDefaults()
	ref, ok := ReferenceFor(one, 0)
	if !ok {
		t.Fatal("no reference")
	}
	if got, err := erlang.Evaluate(erlang.Params{ArrivalRate: 4.0 / 180, HandleTime: 0.8 * 180, Agents: 5, Patience: math.Inf(1), AnswerWithin: 20}); err != nil || got != ref.Result {
		t.Errorf("reference %+v, want that of a handle time of 0.8 × 180 s, %+v (%v)", ref.Result, got, err)
	}
}

// TestOverflowGoesToTheLongestIdle checks, contact by contact from the
// trace, that a contact reaching its overflow wait goes, like a new
// contact, to the backup agent idle longest: two backup pools take sales
// after 30 s, and whenever one of their agents takes a sales contact at
// that very instant, no other agent of either backup was idle since
// earlier. (An agent is idle from the end of its last contact and its
// wrap-up, or from the start; the headcount never changes here.)
//
// Seen to catch: the backups asked in the pools' order rather than by
// idle time.
func TestOverflowGoesToTheLongestIdle(t *testing.T) {
	cfg := overflowConfig(30, 60)
	cfg.Pools = []Pool{
		{Name: "sellers", Skills: []string{"sales"}, Agents: []int{5}},
		{Name: "b1", Skills: []string{"service", "sales"}, Agents: []int{3}, OverflowAfter: []SkillSetting{{Skill: "sales", Value: 30}}},
		{Name: "b2", Skills: []string{"service", "sales"}, Agents: []int{3}, OverflowAfter: []SkillSetting{{Skill: "sales", Value: 30}}},
	}
	var recs []ContactRecord
	if _, err := RunTraced(cfg, 0, func(c *ContactRecord) { recs = append(recs, *c) }); err != nil {
		t.Fatal(err)
	}
	type agentID struct {
		pool string
		n    int
	}
	work := map[agentID][]ContactRecord{}
	for _, c := range recs {
		if !math.IsNaN(c.Answered) {
			work[agentID{c.Pool, c.Agent}] = append(work[agentID{c.Pool, c.Agent}], c)
		}
	}
	// idleSince returns when agent a became idle before time at, and
	// whether it was idle then.
	idleSince := func(a agentID, at float64, except int64) (float64, bool) {
		since := 0.0
		for _, c := range work[a] {
			if c.ID == except {
				continue
			}
			free := c.Ended + c.Wrap
			if c.Answered <= at && at < free {
				return 0, false
			}
			if free <= at {
				since = math.Max(since, free)
			}
		}
		return since, true
	}
	checked := 0
	for _, c := range recs {
		if c.Channel != "sales" || (c.Pool != "b1" && c.Pool != "b2") || math.Abs(c.Answered-c.Arrived-30) > 1e-9 {
			continue
		}
		checked++
		mine, _ := idleSince(agentID{c.Pool, c.Agent}, c.Answered, c.ID)
		for _, pool := range []string{"b1", "b2"} {
			for n := 1; n <= 3; n++ {
				other := agentID{pool, n}
				if other == (agentID{c.Pool, c.Agent}) {
					continue
				}
				if since, idle := idleSince(other, c.Answered, c.ID); idle && since < mine {
					t.Fatalf("sales contact %d went at %.3f s to %s:%d, idle since %.3f s, while %s:%d was idle since %.3f s",
						c.ID, c.Answered, c.Pool, c.Agent, mine, pool, n, since)
				}
			}
		}
	}
	if checked < 20 {
		t.Fatalf("the case tests too little: %d contacts taken at their overflow instant", checked)
	}
}
