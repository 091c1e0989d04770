package models

import (
	"math"
	"testing"

	"github.com/omnisim/omnisim/sim"
)

// drawnContact is what a contact drew as it was made, for the tests of
// common random numbers.
type drawnContact struct {
	customer sim.Key
	seq      int    // the customer's contact number, from 1
	path     string // the channels of the customer's contacts so far, this one included
	channel  string
	arrived  float64
	issue    int
	handle   float64 // as drawn, before any factor
	patience float64 // as drawn, NaN for none
}

// drawnContacts runs replication rep of cfg and returns every contact in
// the order they were made.
func drawnContacts(t *testing.T, cfg *Config, rep int) []drawnContact {
	t.Helper()
	full := *cfg
	full.SetDefaults()
	if err := full.Validate(); err != nil {
		t.Fatal(err)
	}
	w := newWorld(&full, sim.NewStreams(full.Seed, rep))
	paths := map[*customer]string{}
	var out []drawnContact
	w.drawn = func(c *contact, handle, patience float64) {
		cu := c.cust
		if cu.contacts == 1 {
			paths[cu] = ""
		}
		paths[cu] += "/" + c.ch.cfg.Name
		out = append(out, drawnContact{cu.key, cu.contacts, paths[cu], c.ch.cfg.Name, c.arrived, cu.issue, handle, patience})
	}
	w.run()
	return out
}

// same tells whether two draws are the same, NaN (none) matching NaN.
func same(a, b float64) bool {
	return a == b || (math.IsNaN(a) && math.IsNaN(b))
}

// TestCRNSingleQueueAligns: the textbook queue with 14 agents and with 11,
// with two issues, gives its first 3,000 customers the same arrival time,
// issue, handle time and patience, exactly, although the two runs answer
// them in different orders and abandon different ones.
func TestCRNSingleQueueAligns(t *testing.T) {
	a := erlangAConfig(86400)
	a.Issues = []Issue{{Name: "simple", Share: 0.7, HandleFactor: 0.8}, {Name: "complex", Share: 0.3, HandleFactor: 1.5}}
	b := *a
	b.Pools = []Pool{{Name: "agents", Skills: []string{"phone"}, Agents: []int{11}}}
	const n = 3000
	da, db := drawnContacts(t, a, 2), drawnContacts(t, &b, 2)
	if len(da) < n || len(db) < n {
		t.Fatalf("%d and %d contacts, want at least %d", len(da), len(db), n)
	}
	for i := range n {
		x, y := da[i], db[i]
		if x.customer != y.customer || x.arrived != y.arrived || x.issue != y.issue ||
			x.handle != y.handle || !same(x.patience, y.patience) {
			t.Fatalf("customer %d: 14 agents drew %+v, 11 drew %+v", i+1, x, y)
		}
	}
	ra, _ := Run(a, 2)
	rb, _ := Run(&b, 2)
	if ra.Channels[0].Total.Abandoned == rb.Channels[0].Total.Abandoned {
		t.Errorf("both variants abandoned %d: the test shows nothing", ra.Channels[0].Total.Abandoned)
	}
}

// TestCRNRichWorldAligns: in the world with every mechanism on (choice,
// retries, chasing, escalation, self-service, word of mouth), two variants
// differing only in staffing give every customer the same arrival and
// issue; every contact that both make (the same customer's j-th contact,
// on the same channel) the same handle time; and, when the customer's
// channels so far were the same too, the same patience.
//
// What cannot align, by design: a contact made in one variant only (a
// retry after an abandonment the other variant did not have), and what
// depends on the state (the channel chosen when word of mouth has moved
// reputations differently, the time of a retry, patience scaled by the
// expectation level). Since each customer draws from their own streams,
// such a divergence never shifts another customer's draws.
//
// The same holds with the mechanisms of real centres on as well:
// after-call work, classes with priority, callbacks, overflow and
// proficiency (richWithMechanisms).
func TestCRNRichWorldAligns(t *testing.T) {
	for _, tc := range []struct {
		name  string
		world func() *Config
	}{{"rich", richConfig}, {"rich with mechanisms", richWithMechanisms}} {
		t.Run(tc.name, func(t *testing.T) { checkCRNAligns(t, tc.world) })
	}
}

// richWithMechanisms is richConfig with after-call work on the phone,
// two classes (VIPs first, the rest promoted after two minutes),
// callbacks on the phone, the social team a backup for email after an
// hour, and the front line slower on chat.
func richWithMechanisms() *Config {
	c := richConfig()
	c.Classes = []Class{
		{Name: "vip", Share: 0.2, Priority: 1, PatienceFactor: 1.5},
		{Name: "standard", Share: 0.8, Priority: 2, PatienceFactor: 1, PromoteAfter: 120},
	}
	c.Channels[0].WrapTime = Dist{Kind: LogNormal, Mean: 30, CV: 0.5}
	c.Channels[0].Callback = &Callback{OfferAbove: 90, Accept: 0.5, NoAnswer: 0.2, Retries: 1, RetryDelay: 600, AttemptTime: 20}
	c.Pools[1].OverflowAfter = []SkillSetting{{Skill: "email", Value: 3600}}
	c.Pools[0].HandleFactors = []SkillSetting{{Skill: "chat", Value: 1.2}}
	return c
}

// checkCRNAligns is TestCRNRichWorldAligns for one world.
func checkCRNAligns(t *testing.T, world func() *Config) {
	a := world()
	b := world()
	b.Pools[0].Shifts[0].Agents = 12
	b.Pools[2].Agents = []int{3}
	da, db := drawnContacts(t, a, 0), drawnContacts(t, b, 0)

	type id struct {
		customer sim.Key
		seq      int
	}
	inB := map[id]drawnContact{}
	for _, y := range db {
		inB[id{y.customer, y.seq}] = y
	}
	var firsts, both, sameChannel, samePath, diverged int
	for _, x := range da {
		y, ok := inB[id{x.customer, x.seq}]
		if !ok {
			diverged++
			continue
		}
		both++
		if x.seq == 1 {
			firsts++
			if x.arrived != y.arrived || x.issue != y.issue {
				t.Fatalf("first contacts differ: %+v and %+v", x, y)
			}
		}
		if x.channel != y.channel {
			continue
		}
		sameChannel++
		if x.handle != y.handle {
			t.Fatalf("the same contact on %s drew handle times %v and %v", x.channel, x.handle, y.handle)
		}
		if x.path == y.path {
			samePath++
			if !same(x.patience, y.patience) {
				t.Fatalf("the same contact after the same channels %s drew patience %v and %v", x.path, x.patience, y.patience)
			}
		}
	}
	customers := 0
	for _, y := range db {
		if y.seq == 1 {
			customers++
		}
	}
	t.Logf("%d contacts in A, %d in B; %d in both (%d on the same channel, %d after the same channels); %d of A's not in B; %d customers, %d first contacts matched",
		len(da), len(db), both, sameChannel, samePath, diverged, customers, firsts)
	if firsts != customers {
		t.Errorf("%d customers in B, %d matched in A", customers, firsts)
	}
	if diverged == 0 || sameChannel == both {
		t.Errorf("no journey diverged: the variants are too alike for the test to show anything")
	}
	if samePath < both*3/4 { // 92 % at this seed: most journeys agree
		t.Errorf("only %d of %d shared contacts followed the same channels", samePath, both)
	}
}

// TestCustomerKeys checks how customers are numbered and keyed, as the
// Randomness of docs/model.md says: customers are counted from 1 in order of
// arrival over the whole world (their id), and customer k of a source (the
// demand, or a channel customers come straight to: the 312th of the
// demand, the 40th straight to email) draws from streams keyed by k,
// counted from 1 in order of arrival at that source.
func TestCustomerKeys(t *testing.T) {
	cfg := richConfig()
	cfg.Horizon, cfg.Warmup = 86400, 0
	cfg.Channels[2].Arrivals.Rate = 20.0 / 3600 // customers straight to email
	keys := map[int64]sim.Key{}
	traceRun(t, cfg, 0, func(w *world, c *contact) { keys[c.cust.id] = c.cust.key })
	streams := sim.NewStreams(cfg.Seed, 0)
	sources := []sim.Key{streams.Key("demand/customers"), streams.Key("customers/email")}
	counted := make([]uint64, len(sources))
	for id := int64(1); id <= int64(len(keys)); id++ {
		key, ok := keys[id]
		if !ok {
			t.Fatalf("%d customers made contacts, but none has id %d: want ids 1 to %d", len(keys), id, len(keys))
		}
		s := 0
		for s < len(sources) && sources[s].With(counted[s]+1) != key {
			s++
		}
		if s == len(sources) {
			t.Fatalf("customer %d's key is neither source's next (demand %d, email %d)", id, counted[0]+1, counted[1]+1)
		}
		counted[s]++
	}
	if counted[0] < 100 || counted[1] < 100 {
		t.Errorf("%d customers of the demand and %d straight to email: want over 100 of each", counted[0], counted[1])
	}
}

// TestChanceCountsSureOutcomes checks keyedDraws.chance as crn.go says: a
// sure or impossible outcome draws nothing but counts as a draw, so that
// the customer's next uncertain outcome of the purpose reads the stream
// numbered after every one before it, as it would in a variant where the
// earlier outcomes were uncertain.
func TestChanceCountsSureOutcomes(t *testing.T) {
	streams := sim.NewStreams(5, 2)
	d := newKeyedDraws(streams)
	cu := &customer{key: streams.Key("demand/customers").With(7)}
	if !d.chance(cu, drawRetry, 1) || d.chance(cu, drawRetry, 0) {
		t.Fatal("a sure outcome did not happen, or an impossible one did")
	}
	if cu.draws[drawRetry] != 2 {
		t.Fatalf("after two sure outcomes the customer counts %d draws, want 2", cu.draws[drawRetry])
	}
	u := keyedFloats(5, 2, "journey/retry", cu.key, 3, 1)[0]
	for _, p := range []float64{u - 1e-9, u + 1e-9} {
		c := *cu
		if got, want := d.chance(&c, drawRetry, p), u < p; got != want {
			t.Errorf("the third draw at chance %v: got %v, want %v (its uniform number is %v)", p, got, want, u)
		}
	}
}
