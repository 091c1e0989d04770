package roster

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// gonumOptimum solves p with gonum's simplex, the referee: p in gonum's
// standard form (minimise c·z, A·z = b, z ≥ 0), each column shifted to
// its lower bound, each finite upper bound and row bound an equality with
// a slack of its own. It returns the optimum, or an error when gonum finds
// the program infeasible.
func gonumOptimum(p *program) (float64, error) {
	n := len(p.cols)
	type row struct {
		a     map[int]float64
		b     float64
		slack float64 // the slack's coefficient: −1 for ≥, +1 for ≤, 0 for none
	}
	var rows []row
	base := 0.0 // the cost of every column at its lower bound
	for j := range n {
		base += p.cost[j] * p.lo[j]
	}
	for r := range p.rows {
		a := map[int]float64{}
		at := 0.0 // A_r·lo
		for j, col := range p.cols {
			for _, e := range col {
				if e.row == r {
					a[j] += e.a
					at += e.a * p.lo[j]
				}
			}
		}
		lo, hi := p.rowLo[r], p.rowHi[r]
		switch {
		case lo == hi:
			rows = append(rows, row{a, lo - at, 0})
		default:
			if !math.IsInf(lo, -1) {
				rows = append(rows, row{a, lo - at, -1})
			}
			if !math.IsInf(hi, 1) {
				rows = append(rows, row{a, hi - at, 1})
			}
		}
	}
	for j := range n {
		if !math.IsInf(p.hi[j], 1) {
			rows = append(rows, row{map[int]float64{j: 1}, p.hi[j] - p.lo[j], 1})
		}
	}
	slacks := 0
	for _, r := range rows {
		if r.slack != 0 {
			slacks++
		}
	}
	// gonum refuses a column of zeros: such a column stays at its lower
	// bound (its cost is ≥ 0), and is left out.
	at := make([]int, n)
	used := 0
	for j := range n {
		at[j] = -1
		for _, r := range rows {
			if r.a[j] != 0 {
				at[j] = used
				used++
				break
			}
		}
	}
	A := mat.NewDense(len(rows), used+slacks, nil)
	b := make([]float64, len(rows))
	c := make([]float64, used+slacks)
	for j := range n {
		if at[j] >= 0 {
			c[at[j]] = p.cost[j]
		}
	}
	s := used
	for i, r := range rows {
		for j, v := range r.a {
			if v != 0 {
				A.Set(i, at[j], v)
			}
		}
		if r.slack != 0 {
			A.Set(i, s, r.slack)
			s++
		}
		b[i] = r.b
	}
	z, _, err := lp.Simplex(c, A, b, 1e-10, nil)
	return z + base, err
}

// randomProgram makes a covering program of the kind a roster makes:
// rows of intervals to cover (some exactly, as a soft objective's are,
// with over and under columns), columns covering runs of them, a row
// bounding some columns' sum, and a share row.
func randomProgram(rng *rand.Rand) *program {
	p := &program{}
	m := 3 + rng.IntN(8)
	soft := rng.IntN(3) == 0
	for range m {
		need := float64(rng.IntN(6))
		if soft {
			p.addRow(need, need)
		} else {
			p.addRow(need, math.Inf(1))
		}
	}
	n := 2 + rng.IntN(10)
	var group, share int = -1, -1
	if rng.IntN(2) == 0 {
		group = p.addRow(float64(rng.IntN(2)), float64(2+rng.IntN(8)))
	}
	if rng.IntN(3) == 0 {
		share = p.addRow(math.Inf(-1), 0)
	}
	s := 0.3 + 0.4*rng.Float64()
	for j := range n {
		from := rng.IntN(m)
		to := from + 1 + rng.IntN(m-from)
		var col []entry
		for r := from; r < to; r++ {
			if rng.IntN(5) > 0 { // a break, now and then
				col = append(col, entry{r, 1})
			}
		}
		if group >= 0 && j%2 == 0 {
			col = append(col, entry{group, 1})
		}
		if share >= 0 {
			if j%3 == 0 {
				col = append(col, entry{share, 1 - s})
			} else {
				col = append(col, entry{share, -s})
			}
		}
		hi := math.Inf(1)
		if rng.IntN(3) == 0 {
			hi = float64(1 + rng.IntN(4))
		}
		p.addCol(float64(1+rng.IntN(9)), float64(rng.IntN(2)), hi, col)
	}
	if soft {
		for r := range m {
			p.addCol(float64(rng.IntN(3)), 0, math.Inf(1), []entry{{r, -1}})
			p.addCol(float64(1+rng.IntN(5)), 0, math.Inf(1), []entry{{r, 1}})
		}
	}
	return p
}

// TestSimplexAgreesWithGonum solves 500 random programs of a roster's
// kind with the dual simplex and with gonum's, and demands the same
// optimum (within 10⁻⁶ of it, the simplices' rounding), and the same
// verdict when there is none; and that the values found meet every row
// and bound.
// Seen to catch: the ratio test's sides swapped, a reduced cost updated
// with the wrong sign, a bound change not moving the basic values.
func TestSimplexAgreesWithGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	solved, infeasible := 0, 0
	for k := range 500 {
		p := randomProgram(rng)
		want, gerr := gonumOptimum(p)
		tb := newTableau(p)
		err := tb.solve(math.Inf(1), 1e12)
		switch {
		case gerr != nil && errors.Is(err, errInfeasible):
			infeasible++
			continue
		case gerr != nil || err != nil:
			t.Fatalf("program %d: gonum says %v, the dual simplex %v", k, gerr, err)
		}
		solved++
		if got := tb.objective(); math.Abs(got-want) > 1e-6*max(1, math.Abs(want)) {
			t.Errorf("program %d: optimum %.9g, gonum's %.9g", k, got, want)
		}
		checkFeasible(t, p, tb.val[:len(p.cols)])
	}
	if solved < 200 || infeasible < 10 {
		t.Errorf("%d programs solved and %d infeasible: the random programs should give plenty of both", solved, infeasible)
	}
}

// checkFeasible fails the test when x leaves a bound or a row of p.
func checkFeasible(t *testing.T, p *program, x []float64) {
	t.Helper()
	act := make([]float64, p.rows)
	for j, col := range p.cols {
		if x[j] < p.lo[j]-1e-6 || x[j] > p.hi[j]+1e-6 {
			t.Errorf("column %d at %g, outside [%g, %g]", j, x[j], p.lo[j], p.hi[j])
		}
		for _, e := range col {
			act[e.row] += e.a * x[j]
		}
	}
	for r, a := range act {
		if a < p.rowLo[r]-1e-6 || a > p.rowHi[r]+1e-6 {
			t.Errorf("row %d at %g, outside [%g, %g]", r, a, p.rowLo[r], p.rowHi[r])
		}
	}
}

// TestSimplexWarmStart changes bounds on a solved tableau, as branch and
// bound does, and demands the optimum of the program with those bounds
// from scratch (gonum's).
// Seen to catch: setBounds leaving the basic values as they were.
func TestSimplexWarmStart(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	checked := 0
	for k := 0; checked < 150 && k < 2000; k++ {
		p := randomProgram(rng)
		tb := newTableau(p)
		if tb.solve(math.Inf(1), 1e12) != nil {
			continue
		}
		// Bound a column with a fractional or any value, as a branch does.
		j := rng.IntN(len(p.cols))
		v := tb.val[j]
		lo, hi := tb.lo[j], math.Floor(v)
		if rng.IntN(2) == 0 || hi < lo {
			lo, hi = math.Floor(v)+1, tb.hi[j]
		}
		if hi < lo {
			continue
		}
		tb.setBounds(j, lo, hi)
		err := tb.solve(math.Inf(1), 1e12)
		q := *p
		q.lo = append([]float64(nil), p.lo...)
		q.hi = append([]float64(nil), p.hi...)
		q.lo[j], q.hi[j] = lo, hi
		want, gerr := gonumOptimum(&q)
		switch {
		case gerr != nil && errors.Is(err, errInfeasible):
		case gerr != nil || err != nil:
			t.Fatalf("program %d: gonum says %v, the warm dual simplex %v", k, gerr, err)
		default:
			if got := tb.objective(); math.Abs(got-want) > 1e-6*max(1, math.Abs(want)) {
				t.Errorf("program %d, column %d in [%g, %g]: optimum %.9g, gonum's %.9g", k, j, lo, hi, got, want)
			}
			checkFeasible(t, &q, tb.val[:len(p.cols)])
		}
		checked++
	}
	if checked < 150 {
		t.Errorf("only %d warm starts checked", checked)
	}
}

// TestSimplexWidenedBounds fixes a column (lo = hi), solves, then gives it
// back its bounds, as branch and bound does when it starts a node from the
// last one solved, and demands the program's own optimum (gonum's): a
// fixed column's reduced cost may take either sign, and dualFeasible must
// move it to the bound its sign asks for before the dual simplex starts.
// Seen to catch: a node started from the last one without dualFeasible
// (TestSolveFindsTheOptimum then proved a roster optimal that was not).
func TestSimplexWidenedBounds(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	checked, wrong := 0, 0
	for k := 0; checked < 600 && k < 5000; k++ {
		p := randomProgram(rng)
		want, gerr := gonumOptimum(p)
		if gerr != nil {
			continue
		}
		tb := newTableau(p)
		if tb.solve(math.Inf(1), 1e12) != nil {
			t.Fatalf("program %d: gonum solves it, the dual simplex not", k)
		}
		// Fix a column with agents at a value off its optimum: at 0 it
		// is wanted (its reduced cost turns negative), above, not.
		j := rng.IntN(len(p.cols))
		v := p.lo[j]
		if rng.IntN(2) == 0 {
			v = math.Min(p.hi[j], math.Ceil(tb.val[j])+1)
		}
		tb.setBounds(j, v, v)
		if err := tb.solve(math.Inf(1), 1e12); err != nil && !errors.Is(err, errInfeasible) {
			t.Fatal(err)
		}
		tb.setBounds(j, p.lo[j], p.hi[j])
		if st := tb.status[j]; st == atLower && tb.d[j] < -dualTol || st == atUpper && tb.d[j] > dualTol {
			wrong++
		}
		if !tb.dualFeasible() {
			continue
		}
		if err := tb.solve(math.Inf(1), 1e12); err != nil {
			t.Fatalf("program %d: %v after widening column %d back", k, err, j)
		}
		if got := tb.objective(); math.Abs(got-want) > 1e-6*max(1, math.Abs(want)) {
			t.Errorf("program %d: optimum %.9g after widening column %d back, gonum's %.9g", k, got, j, want)
		}
		checkFeasible(t, p, tb.val[:len(p.cols)])
		checked++
	}
	if checked < 600 || wrong < 20 {
		t.Errorf("%d widenings checked, %d with the column's reduced cost on the wrong side: want 600 and 20", checked, wrong)
	}
}
