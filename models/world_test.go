package models

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/sim"
	"github.com/omnisim/omnisim/stats"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestRunIsDeterministic(t *testing.T) {
	cfg := erlangAConfig(2 * 86400)
	a, err := Run(cfg, 3)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Run(cfg, 3)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("two runs of the same replication differ")
	}
	c, _ := Run(cfg, 4)
	if reflect.DeepEqual(a.Channels[0].Total, c.Channels[0].Total) {
		t.Errorf("replications 3 and 4 gave identical tallies")
	}
	cfg2 := *cfg
	cfg2.Seed = 2
	d, _ := Run(&cfg2, 3)
	if reflect.DeepEqual(a.Channels[0].Total, d.Channels[0].Total) {
		t.Errorf("seeds 1 and 2 gave identical tallies")
	}
}

func TestReplicationsDoNotDependOnWorkers(t *testing.T) {
	cfg := erlangAConfig(86400)
	one, err := runReplications(cfg, 6, 1)
	if err != nil {
		t.Fatal(err)
	}
	many, err := runReplications(cfg, 6, 4)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(one, many) {
		t.Errorf("results with 1 and 4 workers differ")
	}
}

// TestCommonRandomNumbers checks that two variants of a scenario that
// differ only in staffing see the same customers: the same arrivals, hence
// the same number offered.
func TestCommonRandomNumbers(t *testing.T) {
	a := erlangAConfig(86400)
	b := erlangAConfig(86400)
	b.Pools[0].Agents = []int{11}
	ra, _ := Run(a, 0)
	rb, _ := Run(b, 0)
	if ra.Channels[0].Total.Offered != rb.Channels[0].Total.Offered {
		t.Errorf("offered %d with 14 agents, %d with 11: arrivals depend on staffing",
			ra.Channels[0].Total.Offered, rb.Channels[0].Total.Offered)
	}
	if ra.Channels[0].Total.Abandoned >= rb.Channels[0].Total.Abandoned {
		t.Errorf("abandoned %d with 14 agents, %d with 11: fewer agents should lose more",
			ra.Channels[0].Total.Abandoned, rb.Channels[0].Total.Abandoned)
	}
}

// TestArrivalsFollowVolumes draws the piecewise-constant Poisson process
// many times and checks each interval's mean count against its volume with
// a Bonferroni-corrected 95 % interval. The lone busy interval between empty
// ones would be missed by a generator that drew the next gap from the
// current rate alone.
func TestArrivalsFollowVolumes(t *testing.T) {
	const interval, reps = 1800.0, 400
	volumes := []float64{0, 0, 30, 0, 5, 0, 0, 120}
	horizon := interval * float64(len(volumes))
	counts := make([][]float64, len(volumes))
	for rep := range reps {
		p := newArrivalProcess(Arrivals{Volumes: volumes}, interval, sim.NewStreams(1, rep).Rand("arrivals"))
		n := make([]float64, len(volumes))
		for t := p.next(0, horizon); t < horizon; t = p.next(t, horizon) {
			n[int(t/interval)]++
		}
		for k := range volumes {
			counts[k] = append(counts[k], n[k])
		}
	}
	level := 1 - 0.05/float64(len(volumes))
	for k, v := range volumes {
		m, h := stats.MeanCI(counts[k], level)
		if v == 0 {
			if m != 0 {
				t.Errorf("interval %d: %v arrivals on average in an empty interval", k, m)
			}
			continue
		}
		if math.Abs(m-v) > h {
			t.Errorf("interval %d: mean count %.2f ± %.2f, want %v", k, m, h, v)
		}
	}
}

func TestArrivalsStopWhenThePatternIsEmpty(t *testing.T) {
	p := newArrivalProcess(Arrivals{Volumes: []float64{0, 0}}, 1800, sim.NewStreams(1, 0).Rand("a"))
	if got := p.next(0, 1e9); !math.IsInf(got, 1) {
		t.Errorf("next arrival of an empty pattern at %v, want +Inf", got)
	}
	q := newArrivalProcess(Arrivals{Rate: 0}, 1800, sim.NewStreams(1, 0).Rand("a"))
	if got := q.next(0, 1e9); !math.IsInf(got, 1) {
		t.Errorf("next arrival at rate 0 at %v, want +Inf", got)
	}
}

func TestZeroAgentsAnswersNobody(t *testing.T) {
	cfg := erlangAConfig(8 * 3600)
	cfg.Pools[0].Agents = []int{0}
	cfg.Channels[0].Patience = Dist{Kind: Never}
	r, err := Run(cfg, 0)
	if err != nil {
		t.Fatal(err)
	}
	c := r.Channels[0].Total
	if c.Offered == 0 || c.Answered != 0 || c.Unfinished != c.Offered || c.AgentTime != 0 {
		t.Errorf("with no agents: %+v; want every contact unfinished and no agent time", c)
	}
}

// TestShiftEndLetsAgentsFinish staffs two agents for the first half hour
// and none after. Handle times are a fixed 20 minutes. Agents must finish
// the contacts they hold past the end of their shift, and take no new ones.
func TestShiftEndLetsAgentsFinish(t *testing.T) {
	cfg := &Config{
		Seed: 3, Horizon: 3 * 1800, Interval: 1800, Cutoff: true,
		Channels: []Channel{{Name: "q", Kind: Live, Arrivals: Arrivals{Rate: 20.0 / 1800},
			HandleTime: Dist{Kind: Deterministic, Mean: 1200}, Patience: Dist{Kind: Never}}},
		Pools: []Pool{{Name: "a", Skills: []string{"q"}, Agents: []int{2, 0, 0}}},
	}
	r, err := Run(cfg, 0)
	if err != nil {
		t.Fatal(err)
	}
	iv := r.Channels[0].Intervals
	total := r.Channels[0].Total
	// Two agents, 20-minute contacts: in the first half hour each starts a
	// contact at most twice (at 0–10 min and again 20 minutes later).
	if total.Answered < 2 || total.Answered > 4 {
		t.Errorf("answered %d, want 2 to 4", total.Answered)
	}
	if iv[1].Answered != 0 || iv[2].Answered != 0 {
		t.Errorf("contacts arriving after the shift were answered: %d, %d", iv[1].Answered, iv[2].Answered)
	}
	if !(iv[1].BusyTime > 0) || iv[1].BusyTime > 2*1200 {
		t.Errorf("busy time after the shift %v s, want some, at most two contacts' worth", iv[1].BusyTime)
	}
	if iv[1].BusyTime != iv[1].AgentTime {
		t.Errorf("after the shift agents were present %v s but busy %v s: they should leave as they finish", iv[1].AgentTime, iv[1].BusyTime)
	}
	if iv[2].AgentTime != 0 {
		t.Errorf("agent time in the last interval %v, want 0", iv[2].AgentTime)
	}
	if total.Unfinished != total.Offered-total.Answered {
		t.Errorf("unfinished %d, want %d", total.Unfinished, total.Offered-total.Answered)
	}
}

// TestStaffingIncreaseServesTheQueue checks that agents arriving at an
// interval boundary take the contacts already waiting.
func TestStaffingIncreaseServesTheQueue(t *testing.T) {
	cfg := &Config{
		Seed: 5, Horizon: 2 * 1800, Interval: 1800,
		Channels: []Channel{{Name: "q", Kind: Live, Arrivals: Arrivals{Volumes: []float64{50, 0}},
			HandleTime: Dist{Kind: Deterministic, Mean: 1}, Patience: Dist{Kind: Never}}},
		Pools: []Pool{{Name: "a", Skills: []string{"q"}, Agents: []int{0, 1}}},
	}
	r, err := Run(cfg, 0)
	if err != nil {
		t.Fatal(err)
	}
	c := r.Channels[0].Total
	if c.Offered == 0 || c.Answered != c.Offered {
		t.Errorf("answered %d of %d: the agent arriving at 30 minutes should clear the queue", c.Answered, c.Offered)
	}
	if c.AnsweredWithin != 0 {
		t.Errorf("%d answered within 20 s, but nobody could be answered before the agent came", c.AnsweredWithin)
	}
}

// TestCutoffLeavesTheQueueUnfinished checks that a run cut off at the
// horizon counts those still waiting as unfinished, in the total and in
// the intervals they arrived in, and that without the cut-off everyone is
// answered.
func TestCutoffLeavesTheQueueUnfinished(t *testing.T) {
	cfg := erlangAConfig(8 * 3600)
	cfg.Pools[0].Agents = []int{8} // overloaded: a queue builds
	cfg.Channels[0].Patience = Dist{Kind: Never}
	cfg.Cutoff = true
	r, err := Run(cfg, 0)
	if err != nil {
		t.Fatal(err)
	}
	c := r.Channels[0].Total
	if r.End > cfg.Horizon {
		t.Errorf("a cut-off run ended at %v, after the horizon %v", r.End, cfg.Horizon)
	}
	if c.Unfinished == 0 || c.Answered+c.Unfinished != c.Offered {
		t.Errorf("offered %d, answered %d, unfinished %d: want a queue left at the cut-off", c.Offered, c.Answered, c.Unfinished)
	}
	var byInterval Counts
	for _, iv := range r.Channels[0].Intervals {
		byInterval.Add(iv)
	}
	if byInterval.Unfinished != c.Unfinished {
		t.Errorf("the intervals hold %d unfinished, the total %d", byInterval.Unfinished, c.Unfinished)
	}
	cfg.Cutoff = false
	r, _ = Run(cfg, 0)
	if c := r.Channels[0].Total; c.Unfinished != 0 || c.Answered != c.Offered {
		t.Errorf("without cut-off: offered %d, answered %d, unfinished %d; want everyone answered", c.Offered, c.Answered, c.Unfinished)
	}
}

func TestWarmupIsNotCounted(t *testing.T) {
	cfg := erlangAConfig(4 * 3600)
	cfg.Warmup = 2 * 3600
	r, _ := Run(cfg, 0)
	total := r.Channels[0].Total
	var later Counts
	for _, c := range r.Channels[0].Intervals[4:] { // intervals from 2h on
		later.Add(c)
	}
	if total.Offered != later.Offered || total.Answered != later.Answered {
		t.Errorf("total offered %d answered %d, but the intervals after the warm-up hold %d and %d",
			total.Offered, total.Answered, later.Offered, later.Answered)
	}
	if math.Abs(total.AgentTime-14*2*3600) > 1e-6 {
		t.Errorf("agent time %v, want 14 agents × 2 h = %v", total.AgentTime, 14*2*3600)
	}
}

// TestMemoryDoesNotGrowWithContacts runs 2 and 200 days and checks that the
// extra memory is well under a byte per extra contact. Only the
// per-interval tallies grow with the horizon; day-long intervals keep them
// out of the measurement. What remains is the pools of contacts and events,
// which grow with the longest queue seen, not with the contacts; the
// smallest of three measurements leaves out the runtime's own noise.
func TestMemoryDoesNotGrowWithContacts(t *testing.T) {
	measure := func(days float64) (bytes uint64, contacts int64) {
		cfg := erlangAConfig(days * 86400)
		cfg.Interval = 86400
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		r, err := Run(cfg, 0)
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		return after.TotalAlloc - before.TotalAlloc, r.Channels[0].Total.Offered
	}
	least := func(days float64) (bytes uint64, contacts int64) {
		bytes = math.MaxUint64
		for range 3 {
			b, n := measure(days)
			bytes, contacts = min(bytes, b), n
		}
		return bytes, contacts
	}
	b1, n1 := least(2)
	b20, n20 := least(200)
	perContact := float64(b20-b1) / float64(n20-n1)
	t.Logf("2 days: %d B for %d contacts; 200 days: %d B for %d contacts; %.4f B per extra contact", b1, n1, b20, n20, perContact)
	if perContact > 0.1 {
		t.Errorf("memory grows by %.3f bytes per contact, want under 0.1", perContact)
	}
}

// TestSeededRunGolden stores the tallies of a seeded run, so that any change
// to event order or random streams shows up. Rewrite with -update when the
// change is intended, and say why in the commit.
func TestSeededRunGolden(t *testing.T) {
	cfg := erlangAConfig(86400)
	cfg.Warmup = 3600
	cfg.Channels[0].HandleTime = Dist{Kind: LogNormal, Mean: 180, CV: 0.8}
	cfg.Pools[0].Agents = []int{12, 14, 13}
	var b strings.Builder
	for rep := range 2 {
		r, err := Run(cfg, rep)
		if err != nil {
			t.Fatal(err)
		}
		c := r.Channels[0].Total
		fmt.Fprintf(&b, "rep %d: events %d end %.6f\n", rep, r.Events, r.End)
		fmt.Fprintf(&b, "  offered %d answered %d abandoned %d waited %d within %d unfinished %d\n",
			c.Offered, c.Answered, c.Abandoned, c.Waited, c.AnsweredWithin, c.Unfinished)
		fmt.Fprintf(&b, "  wait answered %.6f abandoned %.6f handle %.6f busy %.6f agent %.6f\n",
			c.WaitAnswered, c.WaitAbandoned, c.HandleTime, c.BusyTime, c.AgentTime)
	}
	path := filepath.Join("testdata", "seeded-run.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("seeded run changed:\ngot\n%s\nwant\n%s", b.String(), want)
	}
}

// TestSamplersHaveSources makes sure no sampler was built without a random
// source: gonum falls back to the global generator when Src is nil.
func TestSamplersHaveSources(t *testing.T) {
	src := sim.NewStreams(1, 0)
	for i, d := range []Dist{
		{Kind: Exponential, Mean: 1}, {Kind: Erlang, Mean: 1, Shape: 2}, {Kind: Gamma, Mean: 1, CV: 0.5},
		{Kind: LogNormal, Mean: 1, CV: 0.5}, {Kind: Uniform, Min: 0, Max: 1}, {Kind: Empirical, Values: []float64{1, 2}},
		{Kind: Deterministic, Mean: 1}, {Kind: Never},
	} {
		s := d.Sampler(src.Source(fmt.Sprint(i)))
		v := reflect.ValueOf(s)
		if v.Kind() != reflect.Struct {
			continue // a constant draws nothing
		}
		for _, name := range []string{"Src", "rng"} {
			if f := v.FieldByName(name); f.IsValid() && f.IsNil() {
				t.Errorf("%s sampler has a nil %s", d.Kind, name)
			}
		}
	}
	defer func() {
		if recover() == nil {
			t.Errorf("Sampler with a nil source did not panic")
		}
	}()
	Dist{Kind: Exponential, Mean: 1}.Sampler(nil)
}

func TestExpectedContacts(t *testing.T) {
	cfg := &Config{Horizon: 2.5 * 3600, Interval: 3600}
	ones := [7]float64{1, 1, 1, 1, 1, 1, 1}
	tests := []struct {
		name     string
		a        Arrivals
		weekdays [7]float64
		horizon  float64
		want     float64
	}{
		{"constant rate", Arrivals{Rate: 100.0 / 3600}, ones, 2.5 * 3600, 250},
		{"volumes, repeating, last interval cut short", Arrivals{Volumes: []float64{10, 30}}, ones, 2.5 * 3600, 10 + 30 + 0.5*10},
		{"weekday factors from Monday", Arrivals{Rate: 1.0 / 3600}, [7]float64{1, 2, 0, 0, 0, 0, 0}, 3 * 86400, 24 + 48},
	}
	for _, tc := range tests {
		cfg.Horizon = tc.horizon
		if got := cfg.expected(tc.a, tc.weekdays); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestRankAsFirstAbove checks rank against the search it replaced, the
// first part whose end lies above x, over random shares (zero shares among
// them, so that ends repeat) and draws at, just below and just above every
// end.
func TestRankAsFirstAbove(t *testing.T) {
	firstAbove := func(cum []float64, x float64) int {
		i := 0
		for i < len(cum)-1 && x >= cum[i] {
			i++
		}
		return i
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for range 2000 {
		shares := make([]float64, 1+rng.IntN(6))
		for i := range shares {
			if rng.IntN(4) > 0 {
				shares[i] = rng.Float64()
			}
		}
		shares[rng.IntN(len(shares))] += 0.1
		cum := cumulative(shares)
		xs := []float64{0, rng.Float64() * cum[len(cum)-1]}
		for _, end := range cum {
			xs = append(xs, end, math.Nextafter(end, 0), math.Nextafter(end, math.Inf(1)))
		}
		for _, x := range xs {
			if x >= cum[len(cum)-1] {
				continue // a draw is below the total
			}
			if got, want := rank(cum, x), firstAbove(cum, x); got != want {
				t.Fatalf("rank(%v, %v) = %d, want %d", cum, x, got, want)
			}
		}
	}
}
