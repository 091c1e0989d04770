package roster

import (
	"errors"
	"math"
	"math/rand/v2"
)

// program is a linear program in the form the dual simplex works on:
//
//	minimise c·x subject to rowLo_r ≤ A_r·x ≤ rowHi_r for every row r,
//	                         lo_j ≤ x_j ≤ hi_j for every column j,
//
// with every cost c_j ≥ 0 and every lower bound lo_j finite, so that
// every column at its lower bound is a dual feasible start. Row bounds
// and upper bounds may be infinite.
type program struct {
	rows         int
	cols         [][]entry // each column's nonzero coefficients, by row
	cost         []float64
	lo, hi       []float64
	rowLo, rowHi []float64
}

// entry is one nonzero coefficient of a column.
type entry struct {
	row int
	a   float64
}

// addRow adds a row with the given bounds and returns its index.
func (p *program) addRow(lo, hi float64) int {
	p.rowLo = append(p.rowLo, lo)
	p.rowHi = append(p.rowHi, hi)
	p.rows++
	return p.rows - 1
}

// addCol adds a column and returns its index.
func (p *program) addCol(cost, lo, hi float64, col []entry) int {
	p.cols = append(p.cols, col)
	p.cost = append(p.cost, cost)
	p.lo = append(p.lo, lo)
	p.hi = append(p.hi, hi)
	return len(p.cols) - 1
}

// Tolerances of the simplex. The coefficients are small integers and
// shares, and the bounds whole agents, so absolute tolerances serve.
const (
	feasTol  = 1e-7 // a value this far past its bound is still within it
	pivotTol = 1e-9 // a smaller tableau entry is taken for zero
	dualTol  = 1e-9 // a reduced cost this far on the wrong side is still right
	// refreshEvery is how many pivots pass between two recomputations of
	// the values and reduced costs from the basis inverse, which stops
	// rounding errors from piling up in them.
	refreshEvery = 64
	// perturbation is the most by which a cost is lowered, as a share of
	// it.
	perturbation = 1e-9
)

// errInfeasible says that no x meets the program's rows and bounds.
var errInfeasible = errors.New("infeasible")

// errPivotCap says the simplex stopped at its cap on pivots.
var errPivotCap = errors.New("pivot cap reached")

// Status of a nonbasic column: at its lower or its upper bound.
const (
	basic int8 = iota
	atLower
	atUpper
)

// tableau is the dual simplex's state: a dense tableau B⁻¹[A | −I] over the
// program's columns followed by one logical column per row (s_r = A_r·x,
// bounded by the row's bounds), the basis, every column's value and
// reduced cost. It is the bounded dual simplex of Koberstein (2005), "The
// dual simplex method, techniques for a fast and stable implementation"
// (PhD thesis, Paderborn), chapter 3, on a dense tableau: a row is chosen
// by its infeasibility, a column by the bounded dual ratio test with the
// largest pivot among ties, and the values and reduced costs are
// recomputed from the basis inverse (the logical columns of the tableau)
// every refreshEvery pivots.
type tableau struct {
	p      *program
	m, n   int       // rows; columns, logical ones included
	t      []float64 // m × n, row major
	basis  []int     // the column basic in each row
	status []int8    // each column's status
	val    []float64 // each column's value
	d      []float64 // each column's reduced cost
	lo, hi []float64 // each column's bounds (the program's, then the rows')
	cost   []float64 // each column's cost (0 for the logical ones)
	pivots int       // pivots made since the start
	work   float64   // tableau entries updated since the start
	// failed is the row no column could repair, when solve found the
	// program infeasible.
	failed int
	nz     []int // scratch: the pivot row's nonzero columns
}

// newTableau returns the slack basis of p: every logical column basic,
// every other at its lower bound. It is dual feasible, since every cost
// is at least 0.
func newTableau(p *program) *tableau {
	m, nx := p.rows, len(p.cols)
	n := nx + m
	tb := &tableau{p: p, m: m, n: n, t: make([]float64, m*n), basis: make([]int, m), status: make([]int8, n),
		val: make([]float64, n), d: make([]float64, n), lo: make([]float64, n), hi: make([]float64, n), cost: make([]float64, n)}
	copy(tb.lo, p.lo)
	copy(tb.hi, p.hi)
	copy(tb.lo[nx:], p.rowLo)
	copy(tb.hi[nx:], p.rowHi)
	// Costs lowered by a hair each, a different one for each column, so
	// that shift types alike in cost (every placement of a lunch) do not
	// tie in the ratio test, where ties make the dual simplex stall and
	// cycle (dual degeneracy). Lowered, never raised: the optimum with
	// these costs is at most the program's, and so still a lower bound on
	// any roster's objective, short of it by at most perturbation × the
	// optimum.
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	for j, c := range p.cost {
		tb.cost[j] = c * (1 - perturbation*rng.Float64())
	}
	// The basis is the logical columns, −I, whose inverse is −I: the
	// tableau is [−A | I].
	for j, col := range p.cols {
		for _, e := range col {
			tb.t[e.row*n+j] -= e.a
		}
		tb.status[j] = atLower
		tb.val[j] = p.lo[j]
	}
	for r := range m {
		tb.t[r*n+nx+r] = 1
		tb.basis[r] = nx + r
	}
	tb.refresh()
	return tb
}

// clone returns a copy of the tableau that shares nothing with it but the
// program.
func (tb *tableau) clone() *tableau {
	c := *tb
	c.t = append([]float64(nil), tb.t...)
	c.basis = append([]int(nil), tb.basis...)
	c.status = append([]int8(nil), tb.status...)
	c.val = append([]float64(nil), tb.val...)
	c.d = append([]float64(nil), tb.d...)
	c.lo = append([]float64(nil), tb.lo...)
	c.hi = append([]float64(nil), tb.hi...)
	c.cost = append([]float64(nil), tb.cost...)
	return &c
}

// copyFrom makes tb a copy of src, of the same program, reusing tb's
// memory.
func (tb *tableau) copyFrom(src *tableau) {
	copy(tb.t, src.t)
	copy(tb.basis, src.basis)
	copy(tb.status, src.status)
	copy(tb.val, src.val)
	copy(tb.d, src.d)
	copy(tb.lo, src.lo)
	copy(tb.hi, src.hi)
}

// refresh recomputes the basic values and every reduced cost from the
// basis inverse, which is the logical columns of the tableau negated:
// B⁻¹(−I) = −B⁻¹.
func (tb *tableau) refresh() {
	m, n, nx := tb.m, tb.n, len(tb.p.cols)
	// The basic values solve B·x_B = −N·x_N: x_B = B⁻¹·(−N·x_N), where
	// N·x_N = Σ A_j·x_j over nonbasic program columns − Σ e_r·s_r over
	// nonbasic logical ones.
	rhs := make([]float64, m)
	for j := range n {
		if tb.status[j] == basic || tb.val[j] == 0 {
			continue
		}
		if j < nx {
			for _, e := range tb.p.cols[j] {
				rhs[e.row] -= e.a * tb.val[j]
			}
		} else {
			rhs[j-nx] += tb.val[j]
		}
	}
	for r := range m {
		row := tb.t[r*n+nx : r*n+n]
		v := 0.0
		for k, b := range row {
			v -= b * rhs[k] // B⁻¹ = −(the logical columns)
		}
		tb.val[tb.basis[r]] = v
	}
	// The duals are y = c_B·B⁻¹, and the reduced costs d_j = c_j − y·a_j,
	// where a_j is A_j for a program column and −e_r for a logical one.
	y := make([]float64, m)
	for r := range m {
		cb := tb.cost[tb.basis[r]]
		if cb == 0 {
			continue
		}
		row := tb.t[r*n+nx : r*n+n]
		for k, b := range row {
			y[k] -= cb * b
		}
	}
	for j := range n {
		if tb.status[j] == basic {
			tb.d[j] = 0
			continue
		}
		if j < nx {
			dj := tb.cost[j]
			for _, e := range tb.p.cols[j] {
				dj -= y[e.row] * e.a
			}
			tb.d[j] = dj
		} else {
			tb.d[j] = y[j-nx]
		}
	}
}

// objective returns c·x at the current values, with the tableau's
// lowered costs. While the basis is dual feasible, it is a lower bound on
// the program's optimum, and, once the values are within their bounds,
// the optimum with the lowered costs, within perturbation of the
// program's.
func (tb *tableau) objective() float64 {
	z := 0.0
	for j, c := range tb.cost[:len(tb.p.cols)] {
		z += c * tb.val[j]
	}
	return z
}

// setBounds changes column j's bounds, moving it to its new bound if it is
// nonbasic and updating the basic values: the basis stays dual feasible
// (a nonbasic column stays at the same side), and the dual simplex then
// repairs what the change made infeasible.
func (tb *tableau) setBounds(j int, lo, hi float64) {
	tb.lo[j], tb.hi[j] = lo, hi
	var to float64
	switch tb.status[j] {
	case basic:
		return
	case atLower:
		to = lo
	default:
		to = hi
	}
	if delta := to - tb.val[j]; delta != 0 {
		tb.val[j] = to
		for r := range tb.m {
			if a := tb.t[r*tb.n+j]; a != 0 {
				tb.val[tb.basis[r]] -= a * delta
			}
		}
	}
}

// dualFeasible makes every nonbasic column's reduced cost agree with the
// bound it is at, moving a column to its other bound where it does not:
// a column fixed by its bounds (lo = hi) may have a reduced cost of
// either sign, since it never enters, and its bounds may since have been
// widened. It returns false when a column would have to move to an
// infinite bound: the basis cannot start the dual simplex.
func (tb *tableau) dualFeasible() bool {
	for j, st := range tb.status {
		switch {
		case st == atLower && tb.d[j] < -dualTol && tb.lo[j] < tb.hi[j]:
			if math.IsInf(tb.hi[j], 1) {
				return false
			}
			tb.status[j] = atUpper
			tb.setBounds(j, tb.lo[j], tb.hi[j])
		case st == atUpper && tb.d[j] > dualTol && tb.lo[j] < tb.hi[j]:
			if math.IsInf(tb.lo[j], -1) {
				return false
			}
			tb.status[j] = atLower
			tb.setBounds(j, tb.lo[j], tb.hi[j])
		}
	}
	return true
}

// solve runs the dual simplex until every value is within its bounds
// (nil), no column can repair an infeasible row (errInfeasible), the
// objective reaches cutoff (errCutoff: no better than what is known), or
// the tableau has updated maxWork entries in all (errPivotCap).
func (tb *tableau) solve(cutoff float64, maxWork float64) error {
	since, stall := 0, 0
	z := tb.objective()
	for {
		if since >= refreshEvery {
			tb.refresh()
			since = 0
		}
		if tb.objective() >= cutoff {
			return errCutoff
		}
		// Pivots that leave the objective where it was (dual degenerate
		// ones) can cycle; after stallPivots of them in a row, Bland's
		// rule (the first row and column of the candidates) takes over
		// until the objective moves, which ends any cycle.
		bland := stall >= stallPivots
		r, target := tb.leaving(bland)
		if r < 0 {
			if since > 0 {
				// Make sure on fresh values before saying so.
				tb.refresh()
				since = 0
				if r, _ = tb.leaving(bland); r >= 0 {
					continue
				}
			}
			return nil
		}
		if tb.work >= maxWork {
			return errPivotCap
		}
		q := tb.entering(r, target, bland)
		if q < 0 {
			tb.failed = r
			return errInfeasible
		}
		tb.pivot(r, q, target)
		since++
		if nz := tb.objective(); nz > z+1e-9*max(1, math.Abs(z)) {
			z, stall = nz, 0
		} else {
			stall++
		}
	}
}

// stallPivots is how many pivots in a row may leave the objective where
// it was before Bland's rule takes over.
const stallPivots = 500

// errCutoff says the objective reached the cutoff: the program's optimum
// is no better.
var errCutoff = errors.New("cutoff")

// leaving returns the row whose basic value is furthest outside its
// bounds (with bland, the row of the lowest column outside them) and the
// bound it should go to, or −1 when every value is within its bounds.
// Ties go to the first row.
func (tb *tableau) leaving(bland bool) (int, float64) {
	best, at, target, first := feasTol, -1, 0.0, -1
	for r, j := range tb.basis {
		v := tb.val[j]
		e, to := 0.0, 0.0
		switch {
		case tb.lo[j]-v > feasTol:
			e, to = tb.lo[j]-v, tb.lo[j]
		case v-tb.hi[j] > feasTol:
			e, to = v-tb.hi[j], tb.hi[j]
		default:
			continue
		}
		if bland {
			// The infeasible basic column of the lowest index.
			if first < 0 || j < first {
				first, at, target = j, r, to
			}
			continue
		}
		if e > best {
			best, at, target = e, r, to
		}
	}
	return at, target
}

// entering returns the column to enter the basis in row r, whose basic
// value must move to target, by the bounded dual ratio test: of the
// nonbasic columns that move the value the right way, the one whose
// reduced cost reaches zero first, so that every reduced cost keeps its
// sign; among near ties the one with the largest pivot, for stability,
// then the first; with bland, the first of the near ties. −1 when none
// moves it: the row cannot be satisfied.
func (tb *tableau) entering(r int, target float64, bland bool) int {
	row := tb.t[r*tb.n : (r+1)*tb.n]
	up := target > tb.val[tb.basis[r]] // the basic value must rise
	bestRatio, bestPivot, q := math.Inf(1), 0.0, -1
	for j, a := range row {
		st := tb.status[j]
		if st == basic || math.Abs(a) < pivotTol || tb.lo[j] == tb.hi[j] {
			continue
		}
		// The basic value moves by −a per unit of x_j: a column at its
		// lower bound can only rise, one at its upper bound only fall.
		if up && !(st == atLower && a < 0 || st == atUpper && a > 0) ||
			!up && !(st == atLower && a > 0 || st == atUpper && a < 0) {
			continue
		}
		ratio := math.Abs(tb.d[j]) / math.Abs(a)
		switch {
		case ratio < bestRatio-1e-12:
			bestRatio, bestPivot, q = ratio, math.Abs(a), j
		case ratio <= bestRatio+1e-12 && !bland && math.Abs(a) > bestPivot:
			bestRatio, bestPivot, q = min(ratio, bestRatio), math.Abs(a), j
		}
	}
	return q
}

// pivot brings column q into the basis in row r, whose basic column leaves
// at target, and updates the values, the reduced costs and the tableau.
func (tb *tableau) pivot(r, q int, target float64) {
	n := tb.n
	row := tb.t[r*n : (r+1)*n]
	a := row[q]
	out := tb.basis[r]
	// Move x_q by t so that the leaving value reaches its target.
	t := (tb.val[out] - target) / a
	tb.val[q] += t
	for i := range tb.m {
		if aiq := tb.t[i*n+q]; aiq != 0 && i != r {
			tb.val[tb.basis[i]] -= aiq * t
		}
	}
	tb.val[out] = target
	// The reduced costs move by θ times the pivot row.
	theta := tb.d[q] / a
	if theta != 0 {
		for j, v := range row {
			if v != 0 {
				tb.d[j] -= theta * v
			}
		}
	}
	tb.d[q] = 0
	// The tableau: the pivot row divided by the pivot, then taken from
	// the others.
	inv := 1 / a
	for j := range row {
		row[j] *= inv
	}
	row[q] = 1
	// Only the pivot row's nonzero entries change the other rows.
	nz := tb.nz[:0]
	for j, v := range row {
		if v != 0 {
			nz = append(nz, j)
		}
	}
	tb.nz = nz
	for i := range tb.m {
		if i == r {
			continue
		}
		other := tb.t[i*n : (i+1)*n]
		f := other[q]
		if f == 0 {
			continue
		}
		for _, j := range nz {
			other[j] -= f * row[j]
		}
		other[q] = 0
		tb.work += float64(len(nz))
	}
	tb.work += float64(n)
	tb.basis[r] = q
	tb.status[q] = basic
	if target == tb.lo[out] {
		tb.status[out] = atLower
	} else {
		tb.status[out] = atUpper
	}
	tb.pivots++
}
