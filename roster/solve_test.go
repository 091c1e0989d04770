package roster

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// vectorModel builds a hard model the way pyworkforce's scheduling
// examples state one: a requirement per period, each shift as a vector of
// the periods it covers (1 or 0), each shift's cost, and the most agents
// a shift may have (NoMax for none), every shift a group of its own.
func vectorModel(need []int, shifts [][]int, cost []float64, most int) *model {
	m := &model{need: need, hours: 1, share: 1}
	for j, v := range shifts {
		var cov []int32
		for i, on := range v {
			if on == 1 {
				cov = append(cov, int32(i))
			}
		}
		m.cover = append(m.cover, cov)
		m.cost = append(m.cost, cost[j])
		m.partTime = append(m.partTime, false)
		if most != NoMax {
			m.groups = append(m.groups, group{rule: j, types: []int{j}, max: most})
		}
	}
	return m
}

// bruteForce returns the least objective of m over every roster with at
// most top agents on each shift type, and one roster reaching it (nil
// when none is feasible): the referee of the search, which shares nothing
// with it but evaluate.
func bruteForce(m *model, top int) (float64, []int) {
	n := len(m.cover)
	x := make([]int, n)
	best, bestX := math.Inf(1), []int(nil)
	for {
		if e := m.evaluate(x); e.feasible && e.objective < best-1e-9 {
			best, bestX = e.objective, append([]int(nil), x...)
		}
		j := 0
		for ; j < n; j++ {
			if x[j] < top {
				x[j]++
				break
			}
			x[j] = 0
		}
		if j == n {
			return best, bestX
		}
	}
}

// TestAnchorPyworkforceReadme is pyworkforce's first scheduling example
// (its README, MinRequiredResources): 2, 3 and 1 people needed in three
// periods, an Early shift covering the first two and a Late one the last
// two; its published answer is 2 on Early and 1 on Late.
func TestAnchorPyworkforceReadme(t *testing.T) {
	m := vectorModel([]int{2, 3, 1}, [][]int{{1, 1, 0}, {0, 1, 1}}, []float64{1, 1}, 3)
	sol, err := m.solve(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sol.x[0] != 2 || sol.x[1] != 1 {
		t.Errorf("Early %d, Late %d; pyworkforce's answer is Early 2, Late 1", sol.x[0], sol.x[1])
	}
	if !sol.proven {
		t.Error("the search did not close on three periods")
	}
}

// pyworkforceTwoDays is pyworkforce's examples/scheduling/
// min_required_resources.py: the people needed in each hour of two days,
// four shifts (Morning 05–13, Afternoon 13–21, Night 21–05 of the same
// day, Mixed 09–17), each with its cost (1, 1.2, 2 and 1.5) and at most
// 25 people on a shift.
var pyworkforceTwoDays = struct {
	need  [2][24]int
	shift [4][24]int
	cost  [4]float64
	most  int
}{
	need: [2][24]int{
		{9, 11, 17, 9, 7, 12, 5, 11, 8, 9, 18, 17, 8, 12, 16, 8, 7, 12, 11, 10, 13, 19, 16, 7},
		{13, 13, 12, 15, 18, 20, 13, 16, 17, 8, 13, 11, 6, 19, 11, 20, 19, 17, 10, 13, 14, 23, 16, 8},
	},
	shift: [4][24]int{
		{0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0},
		{1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1},
		{0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0},
	},
	cost: [4]float64{1, 1.2, 2, 1.5},
	most: 25,
}

// TestAnchorPyworkforceTwoDays rosters pyworkforce's two-day example as
// one program of 48 periods and eight shift types (each shift on each
// day), and demands the optimum found by brute force, day by day (the
// days share no shift, so each day's least cost is found over its four
// shifts' 26⁴ rosters): the same total cost and the same agents on every
// shift; the relaxation's bound at most the cost; every period covered.
func TestAnchorPyworkforceTwoDays(t *testing.T) {
	if testing.Short() {
		t.Skip("brute force over 2 × 26⁴ rosters")
	}
	c := pyworkforceTwoDays
	var need []int
	var shifts [][]int
	var cost []float64
	for d := range 2 {
		need = append(need, c.need[d][:]...)
	}
	for d := range 2 {
		for s := range 4 {
			v := make([]int, 48)
			copy(v[24*d:], c.shift[s][:])
			shifts = append(shifts, v)
			cost = append(cost, c.cost[s])
		}
	}
	m := vectorModel(need, shifts, cost, c.most)
	sol, err := m.solve(Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := 0.0
	for d := range 2 {
		var dayShifts [][]int
		for s := range 4 {
			dayShifts = append(dayShifts, c.shift[s][:])
		}
		day := vectorModel(c.need[d][:], dayShifts, c.cost[:], c.most)
		best, x := bruteForce(day, c.most)
		if x == nil {
			t.Fatalf("day %d: brute force finds no roster", d+1)
		}
		want += best
		for s := range 4 {
			if got := sol.x[4*d+s]; got != x[s] {
				t.Errorf("day %d, shift %d: %d agents, brute force's optimum %d", d+1, s, got, x[s])
			}
		}
	}
	if math.Abs(sol.eval.objective-want) > 1e-9 {
		t.Errorf("cost %.6g, brute force's optimum %.6g", sol.eval.objective, want)
	}
	if sol.bound > sol.eval.objective+1e-9 {
		t.Errorf("bound %.6g above the cost %.6g", sol.bound, sol.eval.objective)
	}
	for i, c := range sol.eval.cover {
		if c < need[i] {
			t.Errorf("period %d: %d agents for %d needed", i, c, need[i])
		}
	}
	t.Logf("cost %.2f, bound %.2f, %d nodes", sol.eval.objective, sol.bound, sol.nodes)
}

// randomModel makes a small model with every feature of a roster's: runs
// of intervals with breaks, costs, groups with min and max, a part-time
// share, and a hard or a soft objective.
func randomModel(rng *rand.Rand) *model {
	n := 6 + rng.IntN(6)
	m := &model{hours: 0.5, share: 1}
	for range n {
		m.need = append(m.need, rng.IntN(4))
	}
	types := 2 + rng.IntN(3)
	for j := range types {
		from := rng.IntN(n)
		to := min(n, from+2+rng.IntN(5))
		var cov []int32
		for i := from; i < to; i++ {
			if rng.IntN(6) > 0 {
				cov = append(cov, int32(i))
			}
		}
		m.cover = append(m.cover, cov)
		m.cost = append(m.cost, float64(1+rng.IntN(8))*0.5)
		m.partTime = append(m.partTime, j%2 == 1)
		if rng.IntN(3) == 0 {
			most := NoMax
			if rng.IntN(2) == 0 {
				most = 1 + rng.IntN(4)
			}
			m.groups = append(m.groups, group{rule: j, types: []int{j}, min: rng.IntN(2), max: most})
		}
	}
	// Most intervals no shift type covers need no one, so that most
	// models have a roster, and some do not.
	covered := make([]bool, n)
	for _, cov := range m.cover {
		for _, i := range cov {
			covered[i] = true
		}
	}
	for i := range m.need {
		if !covered[i] && rng.IntN(5) > 0 {
			m.need[i] = 0
		}
	}
	if rng.IntN(3) == 0 {
		m.share = 0.25 + 0.5*rng.Float64()
	}
	if rng.IntN(3) == 0 {
		m.obj = Objective{Soft: true, Cost: float64(rng.IntN(2)), Over: float64(rng.IntN(3)), Under: float64(1 + rng.IntN(4))}
	}
	return m
}

// TestSolveFindsTheOptimum solves 300 small random models, and demands
// the brute-force optimum whenever the search says it closed (which it
// must, on programs this small), the bound at most the roster's value,
// and no roster where brute force finds none.
// Seen to catch: a node cut off a step too soon (the granularity), the
// local search breaking a group's max or the part-time share.
func TestSolveFindsTheOptimum(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	solved := 0
	for k := range 300 {
		m := randomModel(rng)
		want, x := bruteForce(m, 5)
		sol, err := m.solve(Options{})
		if x == nil {
			if err == nil {
				// Brute force stops at 5 agents a type: the search may
				// find a roster with more.
				if e := m.evaluate(sol.x); !e.feasible {
					t.Errorf("model %d: an infeasible roster %v", k, sol.x)
				}
			}
			continue
		}
		if err != nil {
			t.Errorf("model %d: %v, where brute force finds %v (objective %g)", k, err, x, want)
			continue
		}
		solved++
		if !sol.proven {
			t.Errorf("model %d: the search did not close", k)
		}
		if sol.eval.objective > want+1e-9 {
			t.Errorf("model %d: objective %g with %v, brute force's optimum %g with %v", k, sol.eval.objective, sol.x, want, x)
		}
		if most := slices.Max(sol.x); most <= 5 && sol.eval.objective < want-1e-9 {
			t.Errorf("model %d: objective %g with %v, below brute force's optimum %g", k, sol.eval.objective, sol.x, want)
		}
		if sol.bound > sol.eval.objective+1e-6 {
			t.Errorf("model %d: bound %g above the objective %g", k, sol.bound, sol.eval.objective)
		}
		if e := m.evaluate(sol.x); !e.feasible || e.objective != sol.eval.objective {
			t.Errorf("model %d: roster %v evaluates to %+v, the search said %g", k, sol.x, e, sol.eval.objective)
		}
	}
	t.Logf("%d of 300 models with a roster", solved)
	if solved < 150 {
		t.Errorf("only %d of 300 models have a roster within 5 agents a type", solved)
	}
}
