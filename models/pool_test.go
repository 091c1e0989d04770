package models

import (
	"math"
	"testing"
)

// TestFormulaShrinkageRounding: of n scheduled agents, round(n × (1 −
// shrinkage)) take contacts, halves rounded up; and in a run they are the
// agents whose time counts.
//
// Seen to catch: rounding down (⌊·⌋), rounding up (⌈·⌉), halves to even,
// shrinkage left out.
//
// The product is taken in floating point, so a true half can fall just
// below it: 45 × (1 − 0.3) is 31.499999999999996, which gave 31 where
// round half up gives 32 (25 at 34 %, 30 at 55 %, 5 at 90 % likewise);
// TestShrinkageHalvesInFloatingPoint checks every such case.
func TestFormulaShrinkageRounding(t *testing.T) {
	for _, tc := range []struct {
		n         int
		shrinkage float64
		want      int
	}{
		{10, 0, 10},
		{10, 0.3, 7},
		{9, 0.25, 7},   // 6.75
		{5, 0.5, 3},    // 2.5, half up
		{3, 0.5, 2},    // 1.5
		{1, 0.75, 0},   // 0.25
		{7, 0.3, 5},    // 4.9
		{20, 0.32, 14}, // 13.6
	} {
		p := &Pool{Agents: []int{tc.n}, Shrinkage: tc.shrinkage}
		if got := p.AvailableAt(0, 3600, Monday); got != tc.want {
			t.Errorf("%d scheduled, shrinkage %v: %d take contacts, want %d", tc.n, tc.shrinkage, got, tc.want)
		}
	}
	ch := live("phone", 1.0/3600, 60)
	cfg := &Config{Seed: 63, Horizon: 10 * 3600, Interval: 3600, Channels: []Channel{ch},
		Pools: []Pool{{Name: "p", Skills: []string{"phone"}, Agents: []int{5}, Shrinkage: 0.5}}}
	r, err := Run(cfg, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Pools[0].Total.AgentTime, 3*10*3600.0; got != want {
		t.Errorf("agent time %v s, want 3 agents (5 less 50 %%, rounded half up) × 10 h = %v s", got, want)
	}
}

// TestShrinkageHalvesInFloatingPoint: every true half of n·(1−s), for 1
// to 200 agents and shrinkages of whole percents and of two decimals of a
// percent, is rounded up, though its floating-point product may fall just
// below the half; and every product that is not a half rounds to the
// nearest agent. The reference is exact: n·(10000 − s·10000) in integers.
func TestShrinkageHalvesInFloatingPoint(t *testing.T) {
	fell := 0
	for n := 1; n <= 200; n++ {
		for bp := 0; bp < 10000; bp++ { // shrinkage in hundredths of a percent
			s := float64(bp) / 10000
			exact := n * (10000 - bp) // n·(1−s), in ten-thousandths
			want := (2*exact + 10000) / 20000
			if got := Shrunk(n, s); got != want {
				t.Fatalf("%d agents at shrinkage %v: %d take contacts, want %d (n·(1−s) = %d/10000)", n, s, got, want, exact)
			}
			if x := float64(n) * (1 - s); exact%10000 == 5000 && math.Floor(x+0.5) != float64(want) {
				fell++
			}
		}
	}
	if fell == 0 {
		t.Error("no product fell below its half: the test checks nothing")
	}
	t.Logf("%d halves fell below themselves in floating point, all rounded up", fell)
}
