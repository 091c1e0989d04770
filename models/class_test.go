package models

import (
	"math"
	"slices"
	"testing"

	"github.com/omnisim/omnisim/models/erlang"
	"github.com/omnisim/omnisim/stats"
)

// classConfig is one phone queue of agents agents with exponential
// handle times of aht seconds at a load of load Erlangs, customers never
// abandoning, and the given classes.
func classConfig(agents int, aht, load float64, classes []Class, hours float64) *Config {
	warmup := 10 * 3600.0
	return &Config{
		Name:     "classes",
		Seed:     2026,
		Horizon:  warmup + hours*3600,
		Warmup:   warmup,
		Interval: 3600,
		Classes:  classes,
		Channels: []Channel{{
			Name:         "phone",
			Kind:         Live,
			Arrivals:     Arrivals{Rate: load / aht},
			HandleTime:   Dist{Kind: Exponential, Mean: aht},
			Patience:     Dist{Kind: Never},
			AnswerWithin: 20,
		}},
		Pools: []Pool{{Name: "agents", Skills: []string{"phone"}, Agents: []int{agents}}},
	}
}

// TestPriorityClassesAgreeWithCobham checks non-preemptive priority
// against its exact theory: in M/M/c with two classes of equal service
// rate, served first come first served within a class and the first class
// always first, the mean wait of class k is
//
//	W_k = C(c, a) · AHT / c / ((1 − σ_{k−1}) (1 − σ_k)),
//
// σ_k the load of classes 1..k over c (Cobham 1954, Operations Research
// 2(1); Kleinrock, Queueing Systems II, §3.6). 5 agents, 3-minute
// handle times, a load of 4 Erlangs (80 % occupancy), VIPs 30 % of the
// customers: C(5, 4) = 0.5541, W_1 = 26.2 s and W_2 = 131.2 s, against
// 99.7 s for everyone without priority. Each class's mean wait is checked
// through a Student-t interval at the Bonferroni level 1 − 0.05/2 over 40
// replications of 500 hours, and the interval must be narrower than 5 % of the value.
//
// Seen to catch: the classes sharing one queue (both waits near 99.7 s),
// the priorities reversed, the standard class served first when its head
// arrived earlier (promotion applied without promote_after).
func TestPriorityClassesAgreeWithCobham(t *testing.T) {
	if testing.Short() {
		t.Skip("long-run validation against Cobham's formula")
	}
	const agents, aht, load, vip = 5, 180.0, 4.0, 0.3
	cfg := classConfig(agents, aht, load, []Class{
		{Name: "vip", Share: vip, Priority: 1, PatienceFactor: 1},
		{Name: "standard", Share: 1 - vip, Priority: 2, PatienceFactor: 1},
	}, 500)
	res, err := erlang.Evaluate(erlang.Params{ArrivalRate: load / aht, HandleTime: aht, Agents: agents, Patience: math.Inf(1), AnswerWithin: 20})
	if err != nil {
		t.Fatal(err)
	}
	rho := load / agents
	sigma := []float64{0, vip * rho, rho}
	results, err := runReplications(cfg, 40, 0)
	if err != nil {
		t.Fatal(err)
	}
	level := 1 - 0.05/2
	for k, name := range []string{"vip", "standard"} {
		want := res.PWait * aht / agents / ((1 - sigma[k]) * (1 - sigma[k+1]))
		waits := make([]float64, len(results))
		for i, r := range results {
			c := r.Channels[0].Classes[k]
			waits[i] = c.WaitAnswered / float64(c.Answered)
		}
		mean, half := stats.MeanCI(waits, level)
		t.Logf("%s: mean wait %.2f ± %.2f s, Cobham %.2f s", name, mean, half, want)
		if math.Abs(mean-want) > half {
			t.Errorf("%s: mean wait %.2f ± %.2f s does not cover Cobham's %.2f s", name, mean, half, want)
		}
		if half > 0.05*want {
			t.Errorf("%s: half-width %.2f s is too wide to test %.2f s", name, half, want)
		}
	}
}

// TestFormulaPriorityOrder checks, contact by contact from the trace,
// the order in which a channel's agents take waiting contacts: whenever
// one is taken, no contact then waiting on the channel stands before it,
// a contact standing at its class's priority level, or at the highest
// once it has waited its class's promote_after, and among the same
// standing the earlier arrival first. Three classes, one promoted after a
// minute, on an overloaded line; the classes' patience factors stretch
// each customer's patience exactly (a fixed patience of 100 s: abandoned
// silver contacts waited 150 s, bronze ones 50 s).
//
// Seen to catch: promotion ignored or applied before its wait, the
// arrival order broken among the promoted, a class put in another's
// queue, a patience factor left out.
func TestFormulaPriorityOrder(t *testing.T) {
	classes := []Class{
		{Name: "gold", Share: 0.2, Priority: 1, PatienceFactor: 1},
		{Name: "silver", Share: 0.3, Priority: 2, PatienceFactor: 1.5, PromoteAfter: 60},
		{Name: "bronze", Share: 0.5, Priority: 3, PatienceFactor: 0.5},
	}
	cfg := classConfig(4, 120, 4.2, classes, 20)
	cfg.Channels[0].Patience = Dist{Kind: Deterministic, Mean: 100}
	level := map[string]int{"gold": 0, "silver": 1, "bronze": 2}
	promote := map[string]float64{"silver": 60}
	factor := map[string]float64{"gold": 1, "silver": 1.5, "bronze": 0.5}
	var recs []ContactRecord
	if _, err := RunTraced(cfg, 0, func(c *ContactRecord) { recs = append(recs, *c) }); err != nil {
		t.Fatal(err)
	}
	standing := func(c ContactRecord, at float64) int {
		if after := promote[c.Class]; after > 0 && at-c.Arrived >= after {
			return 0
		}
		return level[c.Class]
	}
	promoted, abandoned := 0, map[string]int{}
	for _, c := range recs {
		if c.Outcome == OutcomeAbandoned {
			abandoned[c.Class]++
			if want := 100 * factor[c.Class]; math.Abs(c.Ended-c.Arrived-want) > 1e-6 {
				t.Errorf("%s contact %d abandoned after %v s, want %v", c.Class, c.ID, c.Ended-c.Arrived, want)
			}
		}
		if math.IsNaN(c.Answered) || c.Answered == c.Arrived {
			continue
		}
		at := c.Answered
		mine := standing(c, at)
		if c.Class == "silver" && mine == 0 {
			promoted++
		}
		for _, d := range recs {
			waiting := d.ID != c.ID && d.Arrived < at && (d.Answered > at || (math.IsNaN(d.Answered) && d.Ended > at))
			if !waiting {
				continue
			}
			if s := standing(d, at); s < mine || (s == mine && d.Arrived < c.Arrived) {
				t.Fatalf("at %.3f s contact %d (%s, standing %d, arrived %.3f) was taken while %d (%s, standing %d, arrived %.3f) waited",
					at, c.ID, c.Class, mine, c.Arrived, d.ID, d.Class, s, d.Arrived)
			}
		}
	}
	if promoted < 20 || abandoned["silver"] == 0 || abandoned["bronze"] == 0 {
		t.Fatalf("the case tests too little: %d silver contacts taken promoted, abandonments by class %v", promoted, abandoned)
	}
}

// TestCheckClasses checks the rules of classes at their edges: shares
// adding up to 100 %, priorities from 1 to 100, a positive patience
// factor, and a promotion only below the highest priority, the same for
// classes that share a priority; each refusal names the setting at fault.
func TestCheckClasses(t *testing.T) {
	base := func() []Class {
		return []Class{
			{Name: "vip", Share: 0.25, Priority: 1, PatienceFactor: 1},
			{Name: "standard", Share: 0.75, Priority: 2, PatienceFactor: 1, PromoteAfter: 60},
		}
	}
	for _, tc := range []struct {
		name string
		edit func([]Class)
		want []string
	}{
		{"valid", func([]Class) {}, nil},
		{"one class of priority 100", func(cs []Class) { cs[1].Priority = 100 }, nil},
		{"shares short", func(cs []Class) { cs[1].Share = 0.7 }, []string{"classes"}},
		{"priority 0", func(cs []Class) { cs[0].Priority = 0 }, []string{"classes.vip.priority", "classes.standard.promote_after"}},
		{"priority 101", func(cs []Class) { cs[1].Priority = 101 }, []string{"classes.standard.priority"}},
		{"patience factor 0", func(cs []Class) { cs[0].PatienceFactor = 0 }, []string{"classes.vip.patience_factor"}},
		{"negative promotion", func(cs []Class) { cs[1].PromoteAfter = -1 }, []string{"classes.standard.promote_after"}},
		{"promoting the top", func(cs []Class) { cs[0].PromoteAfter = 30 }, []string{"classes.vip.promote_after"}},
		{"same priority, other promotion", func(cs []Class) { cs[0].Priority, cs[1].Priority, cs[0].PromoteAfter = 2, 2, 30 },
			[]string{"classes.vip.promote_after", "classes.standard.promote_after", "classes.standard.promote_after"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := classConfig(5, 180, 4, base(), 1)
			cfg.SetDefaults()
			tc.edit(cfg.Classes)
			if got := problemPaths(t, cfg); !slices.Equal(got, tc.want) {
				t.Errorf("problems at %v, want %v (%v)", got, tc.want, cfg.Validate())
			}
		})
	}
}

// TestSummarizeByClass checks the figures by class: each class's figure
// is computed per replication from its own tallies, then averaged, as
// every figure is; figures that do not apply to the channel's kind are
// undefined.
func TestSummarizeByClass(t *testing.T) {
	result := func(vipOffered, vipAbandoned, stdOffered, stdAbandoned int64) *Result {
		return &Result{Classes: []string{"vip", "standard"}, Channels: []ChannelResult{
			{Name: "phone", Kind: Live, Classes: []Counts{
				{Offered: vipOffered, Abandoned: vipAbandoned}, {Offered: stdOffered, Abandoned: stdAbandoned}}},
			{Name: "email", Kind: Deferred, Classes: []Counts{{Offered: 5}, {Offered: 7}}},
		}}
	}
	s := Summarize([]*Result{result(10, 1, 90, 18), result(20, 4, 80, 8)})
	abandon := slices.IndexFunc(ClassFigures, func(f Figure[Counts]) bool { return f.Key == "p_abandon" })
	phone := s.Channels[0].Classes
	if len(phone) != 2 || phone[0].Name != "vip" || phone[1].Name != "standard" {
		t.Fatalf("phone's classes %+v, want vip and standard", phone)
	}
	for i, want := range []float64{(0.1 + 0.2) / 2, (0.2 + 0.1) / 2} {
		if got := phone[i].Figures[abandon].Mean; math.Abs(got-want) > 1e-12 {
			t.Errorf("%s: abandonment %v, want the mean of the replications' %v", phone[i].Name, got, want)
		}
	}
	if got := s.Channels[1].Classes[0].Figures[abandon].Mean; !math.IsNaN(got) {
		t.Errorf("email's abandonment by class %v, want undefined", got)
	}
}

// TestReferenceWithMechanisms checks when the Erlang reference still
// describes a queue with the new mechanisms: classes that differ only in
// priority leave it (the number waiting is the same birth-and-death
// process whatever the order), a class with its own patience, a callback
// or a backup pool's wait do not.
func TestReferenceWithMechanisms(t *testing.T) {
	classes := []Class{{Name: "vip", Share: 0.2, Priority: 1, PatienceFactor: 1}, {Name: "rest", Share: 0.8, Priority: 2, PatienceFactor: 1}}
	for _, tc := range []struct {
		name string
		edit func(c *Config)
		ok   bool
	}{
		{"priority classes", func(c *Config) { c.Classes = classes }, true},
		{"a class's patience", func(c *Config) {
			c.Classes = slices.Clone(classes)
			c.Classes[0].PatienceFactor = 2
		}, false},
		{"callbacks", func(c *Config) { c.Channels[0].Callback = &Callback{Accept: 0.5} }, false},
		{"overflow wait", func(c *Config) { c.Pools[0].OverflowAfter = []SkillSetting{{Skill: "phone", Value: 10}} }, false},
		{"overflow at once", func(c *Config) { c.Pools[0].OverflowAfter = []SkillSetting{{Skill: "phone", Value: 0}} }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := classConfig(5, 180, 4, nil, 1)
			cfg.Channels[0].Patience = Dist{Kind: Exponential, Mean: 300}
			tc.edit(cfg)
			cfg.SetDefaults()
			if _, ok := ReferenceFor(cfg, 0); ok != tc.ok {
				t.Errorf("a reference: %v, want %v", ok, tc.ok)
			}
		})
	}
}

// TestOneClassIsNoClass: a single class sets nothing apart: the run keeps
// no tallies by class and the summary has no figures by class (before,
// the summary looked for tallies the run had not kept).
func TestOneClassIsNoClass(t *testing.T) {
	cfg := classConfig(5, 180, 4, []Class{{Name: "all", Share: 1, Priority: 1, PatienceFactor: 1}}, 2)
	results, err := runReplications(cfg, 2, 0)
	if err != nil {
		t.Fatal(err)
	}
	if s := Summarize(results); results[0].Classes != nil || s.Channels[0].Classes != nil {
		t.Errorf("one class kept tallies %v by class, summary %v", results[0].Classes, s.Channels[0].Classes)
	}
	cfg.Classes = []Class{{Name: "vip", Share: 0.5, Priority: 1, PatienceFactor: 1}, {Name: "rest", Share: 0.5, Priority: 1, PatienceFactor: 1}}
	results, err = runReplications(cfg, 2, 0)
	if err != nil {
		t.Fatal(err)
	}
	if s := Summarize(results); !slices.Equal(results[0].Classes, []string{"vip", "rest"}) || len(s.Channels[0].Classes) != 2 {
		t.Errorf("two classes: tallies by class %v, summary %v", results[0].Classes, s.Channels[0].Classes)
	}
}

// TestFormulaClassShares checks the classes' shares: each customer is
// drawn a class from the cumulative shares, so the classes of 20,000
// customers split 20 / 30 / 50 % within a 99.9 % binomial interval each
// (its half-width 3.29 standard errors).
//
// Seen to catch: the draw scaled wrongly (all in the first class), a class
// skipped.
func TestFormulaClassShares(t *testing.T) {
	shares := []float64{0.2, 0.3, 0.5}
	cfg := classConfig(30, 60, 10, []Class{
		{Name: "a", Share: shares[0], Priority: 1, PatienceFactor: 1},
		{Name: "b", Share: shares[1], Priority: 2, PatienceFactor: 1},
		{Name: "c", Share: shares[2], Priority: 3, PatienceFactor: 1},
	}, 120)
	r, err := Run(cfg, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := float64(r.Channels[0].Total.Offered)
	for k, p := range shares {
		got := float64(r.Channels[0].Classes[k].Offered)
		if half := 3.29 * math.Sqrt(n*p*(1-p)); math.Abs(got-n*p) > half || n < 20000 {
			t.Errorf("class %s: %v of %v customers, want %v ± %.0f", cfg.Classes[k].Name, got, n, n*p, half)
		}
	}
}

// TestFormulaClassChasePatience checks a class's patience factor on a
// deferred channel: a customer chases a late email after the expected
// wait × chase_after × the class's factor (no word of mouth: no other
// factor), exactly, as the chasing contact's arrival shows.
//
// Seen to catch: the factor left out of the chase, or dividing.
func TestFormulaClassChasePatience(t *testing.T) {
	email := Channel{Name: "email", Kind: Deferred, Arrivals: Arrivals{Rate: 20.0 / 3600},
		HandleTime: Dist{Kind: Exponential, Mean: 600}, ExpectedWait: 1800, AnswerWithin: 3600}
	phone := live("phone", 0, 180)
	phone.Choosable = true
	cfg := &Config{Seed: 8, Horizon: 86400, Interval: 3600,
		Classes:  []Class{{Name: "calm", Share: 0.5, Priority: 1, PatienceFactor: 2}, {Name: "rushed", Share: 0.5, Priority: 1, PatienceFactor: 0.5}},
		Journey:  Journey{Chase: 1, ChaseAfter: 1},
		Channels: []Channel{email, phone},
		Pools:    []Pool{onePool("email", 1, "email"), onePool("phone", 3, "phone")}}
	var recs []ContactRecord
	if _, err := RunTraced(cfg, 0, func(c *ContactRecord) { recs = append(recs, *c) }); err != nil {
		t.Fatal(err)
	}
	byID := map[int64]ContactRecord{}
	for _, c := range recs {
		byID[c.ID] = c
	}
	factor := map[string]float64{"calm": 2, "rushed": 0.5}
	chases := map[string]int{}
	for _, c := range recs {
		if c.How != HowChase {
			continue
		}
		prev := byID[c.Previous]
		chases[c.Class]++
		if want := 1800 * factor[c.Class]; math.Abs(c.Arrived-prev.Arrived-want) > 1e-6 {
			t.Errorf("%s customer chased email %d after %v s, want %v", c.Class, prev.ID, c.Arrived-prev.Arrived, want)
		}
	}
	if chases["calm"] < 5 || chases["rushed"] < 5 {
		t.Fatalf("the case tests too little: chases by class %v", chases)
	}
}
