package models

import (
	"fmt"
	"math"
	"testing"

	"github.com/omnisim/omnisim/models/erlang"
	"github.com/omnisim/omnisim/stats"
)

// The simulation of one queue with exponential times must agree with the
// exact formulas of models/erlang (Erlang C for M/M/n, Erlang A for M/M/n+M:
// Garnett, Mandelbaum and Reiman 2002), which are themselves checked against
// published values and a brute-force Markov chain in that package.
//
// Each check runs independent replications, each starting empty and
// discarding a warm-up, and compares the mean of the replications' figures
// with the formula through a Student-t confidence interval. Every case and
// figure is one comparison; to keep the chance of a false alarm anywhere in
// the family at 5 %, each interval is taken at the Bonferroni level
// 1 − 0.05/comparisons. Each case also demands that its intervals be narrow
// (at most maxRelHalfWidth of the value, or maxAbsHalfWidth for figures near
// zero), so that agreement is not bought with vagueness.

// theoryFigures are the figures the formulas give, by their Figures key.
var theoryFigures = []string{"p_wait", "p_abandon", "service_level", "service_level_answered", "asa_seconds", "mean_wait_seconds", "occupancy"}

type theoryCase struct {
	name     string
	agents   int
	load     float64 // offered load a = λ·AHT, in Erlangs
	patience float64 // mean patience in seconds; +Inf for Erlang C
	hours    float64 // measured hours per replication
	reps     int
}

const (
	theoryAHT       = 180.0
	theoryThreshold = 20.0
	maxRelHalfWidth = 0.05
	maxAbsHalfWidth = 0.002
)

var theoryCases = []theoryCase{
	{"light M/M/n", 10, 5, math.Inf(1), 3000, 25},
	{"light M/M/n+M", 10, 5, 300, 2000, 25},
	{"heavy M/M/n, load 95 %", 50, 47.5, math.Inf(1), 1500, 30},
	{"heavy M/M/n+M, load 95 %", 50, 47.5, 300, 200, 20},
	{"overloaded M/M/n+M, load 102 %, 100 agents", 100, 102, 300, 100, 20},
}

func (tc theoryCase) config() *Config {
	patience := Dist{Kind: Never}
	if !math.IsInf(tc.patience, 1) {
		patience = Dist{Kind: Exponential, Mean: tc.patience}
	}
	warmup := 5 * 3600.0
	return &Config{
		Name:     tc.name,
		Seed:     20261123,
		Horizon:  warmup + tc.hours*3600,
		Warmup:   warmup,
		Interval: 3600,
		Channels: []Channel{{
			Name:         "queue",
			Kind:         Live,
			Arrivals:     Arrivals{Rate: tc.load / theoryAHT},
			HandleTime:   Dist{Kind: Exponential, Mean: theoryAHT},
			Patience:     patience,
			AnswerWithin: theoryThreshold,
		}},
		Pools: []Pool{{Name: "agents", Skills: []string{"queue"}, Agents: []int{tc.agents}}},
	}
}

func TestSimulationAgreesWithErlang(t *testing.T) {
	if testing.Short() {
		t.Skip("long-run validation against Erlang C and A")
	}
	comparisons := len(theoryCases) * len(theoryFigures)
	level := 1 - 0.05/float64(comparisons)
	for _, tc := range theoryCases {
		t.Run(tc.name, func(t *testing.T) {
			p := erlang.Params{
				ArrivalRate:  tc.load / theoryAHT,
				HandleTime:   theoryAHT,
				Agents:       tc.agents,
				Patience:     tc.patience,
				AnswerWithin: theoryThreshold,
			}
			want, err := erlang.Evaluate(p)
			if err != nil {
				t.Fatal(err)
			}
			results, err := runReplications(tc.config(), tc.reps, 0)
			if err != nil {
				t.Fatal(err)
			}
			ref := Reference{Result: want}
			for _, key := range theoryFigures {
				f, _ := FigureByKey(key)
				vals := make([]float64, len(results))
				for i, r := range results {
					vals[i] = f.Of(&r.Channels[0].Total)
				}
				mean, half := stats.MeanCI(vals, level)
				theory, _ := ref.Value(key)
				t.Logf("%-24s simulated %.6f ± %.6f (%.4f %% level), theory %.6f", key, mean, half, 100*level, theory)
				if math.Abs(mean-theory) > half {
					t.Errorf("%s: simulated %.6f ± %.6f does not cover the formula's %.6f", key, mean, half, theory)
				}
				if half > math.Max(maxRelHalfWidth*math.Abs(theory), maxAbsHalfWidth) {
					t.Errorf("%s: half-width %.6f is too wide to test %.6f: run longer", key, half, theory)
				}
			}
		})
	}
}

// TestSimulationAgreesWithPollaczekKhinchine checks the handle-time
// distributions that are not exponential. For an M/G/1 queue the
// Pollaczek–Khinchine formula gives the mean wait exactly,
// Wq = λ·E[S²] / (2(1 − ρ)) with E[S²] = mean²·(1 + CV²), and the share of
// arrivals who wait is ρ (arrivals see time averages). A distribution whose
// mean or CV were wrong would miss both.
func TestSimulationAgreesWithPollaczekKhinchine(t *testing.T) {
	if testing.Short() {
		t.Skip("long-run validation against Pollaczek-Khinchine")
	}
	const mean, rho = 60.0, 0.7
	dists := []Dist{
		{Kind: Deterministic, Mean: mean},
		{Kind: Erlang, Mean: mean, Shape: 3},
		{Kind: Gamma, Mean: mean, CV: 1.5},
		{Kind: LogNormal, Mean: mean, CV: 0.8},
		{Kind: Uniform, Min: 30, Max: 90},
		{Kind: Empirical, Values: []float64{20, 40, 60, 120}},
		// Half the draws (the largest value) go on by an exponential of
		// mean 45 s: mean 47.5 + 22.5 = 70 s, and E[X²] = 8050 s² (a CV
		// of 0.80), as Dist.MeanValue and Dist.CoefVar say.
		{Kind: Empirical, Values: []float64{10, 40, 70, 70}, Tail: 45},
	}
	// Four figures per distribution; Bonferroni over all of them.
	level := 1 - 0.05/float64(4*len(dists))
	for _, d := range dists {
		t.Run(string(d.Kind), func(t *testing.T) {
			m, cv := d.MeanValue(), d.CoefVar()
			lambda := rho / m
			wq := lambda * m * m * (1 + cv*cv) / (2 * (1 - rho))
			cfg := &Config{
				Seed: 7, Horizon: 2001 * 3600, Warmup: 3600, Interval: 3600,
				Channels: []Channel{{Name: "q", Kind: Live, Arrivals: Arrivals{Rate: lambda},
					HandleTime: d, Patience: Dist{Kind: Never}}},
				Pools: []Pool{{Name: "a", Skills: []string{"q"}, Agents: []int{1}}},
			}
			results, err := runReplications(cfg, 20, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				key  string
				want float64
			}{{"mean_wait_seconds", wq}, {"p_wait", rho}, {"aht_seconds", m}, {"occupancy", rho}} {
				f, _ := FigureByKey(c.key)
				vals := make([]float64, len(results))
				for i, r := range results {
					vals[i] = f.Of(&r.Channels[0].Total)
				}
				got, half := stats.MeanCI(vals, level)
				t.Logf("%s %-18s simulated %.4f ± %.4f, theory %.4f", d.Kind, c.key, got, half, c.want)
				if math.Abs(got-c.want) > half {
					t.Errorf("%s: simulated %.4f ± %.4f does not cover %.4f", c.key, got, half, c.want)
				}
				if half > maxRelHalfWidth*c.want {
					t.Errorf("%s: half-width %.4f is too wide to test %.4f", c.key, half, c.want)
				}
			}
		})
	}
}

func ExampleRun() {
	cfg := &Config{
		Name: "example", Seed: 1, Horizon: 7 * 86400, Warmup: 3600, Interval: 1800,
		Channels: []Channel{{
			Name: "phone", Kind: Live,
			Arrivals:     Arrivals{Rate: 100.0 / 1800},
			HandleTime:   Dist{Kind: Exponential, Mean: 180},
			Patience:     Dist{Kind: Exponential, Mean: 300},
			AnswerWithin: 20,
		}},
		Pools: []Pool{{Name: "agents", Skills: []string{"phone"}, Agents: []int{14}}},
	}
	r, err := Run(cfg, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	sl, _ := FigureByKey("service_level")
	fmt.Printf("service level within 2 points of Erlang A's 91.7 %%: %v\n",
		math.Abs(sl.Of(&r.Channels[0].Total)-0.917) < 0.02)
	// Output: service level within 2 points of Erlang A's 91.7 %: true
}
