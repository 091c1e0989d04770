package models

import (
	"errors"
	"strings"
	"testing"
)

// memoryConfig is a config of n intervals of 30 minutes, with chans
// channels and pools pools of agents each.
func memoryConfig(n, chans, pools, agents int) *Config {
	c := &Config{Horizon: float64(n) * 1800, Interval: 1800}
	c.Channels = make([]Channel, chans)
	c.Pools = make([]Pool, pools)
	for i := range c.Pools {
		c.Pools[i].Agents = []int{agents}
	}
	return c
}

// TestCheckMemory checks the estimate's verdicts without running
// anything: each refusal names the setting that weighs most, and a
// textbook run passes.
func TestCheckMemory(t *testing.T) {
	for _, c := range []struct {
		name           string
		cfg            *Config
		kept, parallel int
		want           string // "" for no refusal
	}{
		{"a textbook day", memoryConfig(48, 1, 1, 14), 1000, 8, ""},
		{"ten years, ten replications", memoryConfig(175_200, 5, 3, 50), 10, 2, ""},
		{"1,000 replications of 3,000 days", memoryConfig(144_000, 1, 1, 10), 1000, 2,
			"replications: 1000 replications' tallies of 46.1 MB each held at once (144000 intervals of 1 channel(s) and 1 pool(s)) would need about 45.3 GB of memory, more than the budget of 8 GB: run fewer replications (--reps), a shorter horizon or a longer interval"},
		{"a million intervals of 300 channels", memoryConfig(1_000_000, 300, 1, 10), 1, 1,
			"horizon: 1000000 intervals of 300 channel(s) and 1 pool(s) take 56 GB a replication and would need about 168.1 GB of memory, more than the budget of 8 GB: a shorter horizon or a longer interval"},
		// Kept results no more than those running and the one waiting
		// (parallel + 1) blame the horizon, not the replications.
		{"a million intervals of 300 channels, two kept", memoryConfig(1_000_000, 300, 1, 10), 2, 1,
			"horizon: 1000000 intervals of 300 channel(s) and 1 pool(s) take 56 GB a replication and would need about 224.1 GB of memory"},
		{"100 pools of 100,000 agents, 8 at a time", memoryConfig(48, 1, 100, 100_000), 8, 8,
			"agents: 10000000 agents at once (176 bytes each, in 8 replications at a time) would need about 13.2 GB of memory, more than the budget of 8 GB: schedule fewer agents, or run fewer replications at once (-j)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.cfg.CheckMemory(c.kept, c.parallel, MemoryBudget)
			if c.want == "" {
				if err != nil {
					t.Errorf("got %v, want no refusal", err)
				}
				return
			}
			var me *MemoryError
			if !errors.As(err, &me) || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("got  %v\nwant %s", err, c.want)
			}
		})
	}
}

// TestCheckStreamedMemory checks the estimate of a run streamed into
// batches (Pooled): 1,000 replications of 3,000 days, refused when kept
// whole, fit when only Batches of them are held at once; 100,000
// replications cost their totals only; two sides hold twice the batches.
func TestCheckStreamedMemory(t *testing.T) {
	long := memoryConfig(144_000, 1, 1, 10)
	if long.Batches() != MinBatches {
		t.Fatalf("3,000 days keep %d batches, want %d", long.Batches(), MinBatches)
	}
	if err := long.CheckMemory(1000, 2, MemoryBudget); err == nil {
		t.Error("1,000 whole replications of 3,000 days fit: the case tests nothing")
	}
	if err := long.CheckStreamedMemory(1000, 1, 0, 2, MemoryBudget); err != nil {
		t.Errorf("1,000 replications of 3,000 days streamed: %v, want them to fit", err)
	}
	if err := long.CheckStreamedMemory(100_000, 1, 0, 2, MemoryBudget); err != nil {
		t.Errorf("100,000 replications of 3,000 days streamed: %v, want them to fit", err)
	}
	// Two sides of 3,000 days fit, of 8,000 days (108 MB a result) not.
	if err := long.CheckStreamedMemory(1000, 2, 0, 2, MemoryBudget); err != nil {
		t.Errorf("two sides of 3,000 days: %v, want them to fit", err)
	}
	longer := memoryConfig(384_000, 1, 1, 10)
	err := longer.CheckStreamedMemory(1000, 2, 0, 2, MemoryBudget)
	var me *MemoryError
	if !errors.As(err, &me) || me.Setting != "replications" {
		t.Errorf("two sides of 8,000 days: got %v, want the replications refused", err)
	}
	// The estimate counts the batches, not the replications.
	a, b := long.memoryNeeded(MinBatches+2, 1000, 2), long.memoryNeeded(MinBatches+2, 100_000, 2)
	if b.Total-a.Total != 99_000*a.PerTotals {
		t.Errorf("99,000 replications more cost %d bytes, want their totals, %d", b.Total-a.Total, 99_000*a.PerTotals)
	}
}

// TestCheckSweepMemory checks a sweep's estimate: its replications are
// kept as their totals, so a long horizon weighs only on those running,
// and only a great many replications are refused.
func TestCheckSweepMemory(t *testing.T) {
	for _, c := range []struct {
		name           string
		cfg            *Config
		jobs, parallel int
		want           string // "" for no refusal
	}{
		{"10,000 points of 20 replications of a week", memoryConfig(336, 1, 1, 14), 200_000, 8, ""},
		{"20 replications of 3,000 days", memoryConfig(144_000, 1, 1, 10), 20, 2, ""},
		{"a million points of 100 replications", memoryConfig(48, 3, 2, 14), 100_000_000, 8,
			"replications: 100000000 replications of 5.1 KB each, kept as their totals (3 channel(s) and 2 pool(s)), would need about 485.1 GB of memory, more than the budget of 8 GB: run fewer replications (--reps) or fewer points"},
		{"a million intervals of 300 channels", memoryConfig(1_000_000, 300, 1, 10), 10, 1,
			"horizon: 1000000 intervals of 300 channel(s) and 1 pool(s) take 56 GB a replication"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.cfg.CheckSweepMemory(c.jobs, c.parallel, MemoryBudget)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("got %v, want no refusal", err)
			case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.want)):
				t.Errorf("got  %v\nwant %s", err, c.want)
			}
		})
	}
	// A sweep's replication kept weighs far less than a run's.
	cfg := memoryConfig(144_000, 1, 1, 10)
	if sweep, run := cfg.SweepMemoryNeeded(1000, 2), cfg.MemoryNeeded(1000, 2); sweep.Total*10 > run.Total {
		t.Errorf("a sweep of 1,000 replications of 3,000 days needs %s, a run %s: want the sweep far smaller", Bytes(sweep.Total), Bytes(run.Total))
	}
}

// TestMemoryNeededSaturates checks that absurd sizes saturate instead of
// wrapping round to a small estimate that would pass.
func TestMemoryNeededSaturates(t *testing.T) {
	c := memoryConfig(1_000_000, 1000, 1000, 1<<62)
	if m := c.MemoryNeeded(1<<40, 1<<20); m.Total != 1<<63-1 {
		t.Errorf("got %d, want the largest int64", m.Total)
	}
	if err := c.CheckMemory(1<<40, 1<<20, MemoryBudget); err == nil || !strings.Contains(err.Error(), "more than the budget of 8 GB") {
		t.Errorf("got %v, want a refusal", err)
	}
}

func TestBytes(t *testing.T) {
	for n, want := range map[int64]string{8 << 30: "8 GB", 160: "160 bytes", 1536: "1.5 KB", 111 << 20: "111 MB", 5 << 40: "5 TB",
		1<<10 - 1: "1023 bytes", 1 << 10: "1 KB", 1 << 20: "1 MB", 1 << 30: "1 GB", 1 << 40: "1 TB"} {
		if got := Bytes(n); got != want {
			t.Errorf("Bytes(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestSaturating checks the saturating sums and products of sizes at
// their edges: a product that just fits is exact, one that does not is the
// largest int64, and a zero factor gives zero.
func TestSaturating(t *testing.T) {
	const top = 1<<63 - 1
	for _, tc := range []struct{ a, b, want int64 }{
		{5, 0, 0},
		{0, 5, 0},
		{3, 4, 12},
		{1<<62 - 1, 2, 1<<63 - 2},
		{1 << 62, 2, top},
	} {
		if got := satMul(tc.a, tc.b); got != tc.want {
			t.Errorf("satMul(%d, %d) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
	for _, tc := range []struct{ a, b, want int64 }{
		{3, 4, 7},
		{top - 4, 4, top},
		{top - 3, 4, top},
	} {
		if got := satAdd(tc.a, tc.b); got != tc.want {
			t.Errorf("satAdd(%d, %d) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestCheckMemoryAtTheBudget checks that an estimate equal to the budget
// passes and one byte over it does not, for a run and for a run streamed
// on two sides, whose estimate holds each side's batches and the results
// that wait, whole, and every replication's totals.
func TestCheckMemoryAtTheBudget(t *testing.T) {
	c := memoryConfig(144_000, 1, 1, 10)
	need := c.MemoryNeeded(10, 2).Total
	if err := c.CheckMemory(10, 2, need); err != nil {
		t.Errorf("a run at its budget: %v, want it to fit", err)
	}
	if err := c.CheckMemory(10, 2, need-1); err == nil {
		t.Error("a run one byte over its budget fits")
	}
	reps, sides, parallel := 1000, 2, 2
	streamed := c.memoryNeeded(sides*c.Batches()+parallel, sides*reps, parallel).Total
	if err := c.CheckStreamedMemory(reps, sides, 0, parallel, streamed); err != nil {
		t.Errorf("two sides streamed at their budget: %v, want them to fit", err)
	}
	if err := c.CheckStreamedMemory(reps, sides, 0, parallel, streamed-1); err == nil {
		t.Error("two sides streamed one byte over their budget fit")
	}
}
