package roster

import (
	"errors"
	"math"
	"slices"
)

// Options bound the search for a roster. The search is deterministic:
// its caps count work, never time, so that a roster is the same on every
// machine.
type Options struct {
	// MaxNodes caps the branch-and-bound nodes per pool; 0 takes
	// DefaultMaxNodes.
	MaxNodes int
	// MaxWork caps the simplex's work per pool, in tableau entries
	// updated (about a nanosecond each); 0 takes DefaultMaxWork.
	MaxWork float64
}

// DefaultMaxNodes is the default cap on branch-and-bound nodes per pool.
const DefaultMaxNodes = 5000

// DefaultMaxWork is the default cap on the simplex's work per pool: some
// seconds on one core.
const DefaultMaxWork = 4e9

// solution is the roster found for a model.
type solution struct {
	x    []int
	eval evaluation
	// bound is the optimum of the linear relaxation, a lower bound on any
	// roster's objective; boundExact is false when the simplex stopped at
	// its cap first, bound then being a lower bound on it.
	bound      float64
	boundExact bool
	// nodes is the number of branch-and-bound nodes solved; proven tells
	// whether the search closed, so that x is optimal.
	nodes  int
	proven bool
}

// errNoRoster says the search found no roster within its caps, though
// the relaxation did not prove there is none.
var errNoRoster = errors.New("no roster found within the search's caps")

// infeasibleRow is the error of a model whose relaxation has no solution:
// row is the program's row the dual simplex could not satisfy.
type infeasibleRow struct {
	row int
	lay layout
}

func (e *infeasibleRow) Error() string { return "the rules cannot cover the requirement" }

// solve finds a roster for the model: the linear relaxation by the dual
// simplex (its optimum is the lower bound), a first roster by rounding
// the relaxation's solution and improving it by local search, then
// depth-first branch and bound on the shift types' agents, each node's
// relaxation solved by the dual simplex from its parent's basis or the
// root's, within the caps of opt.
func (m *model) solve(opt Options) (*solution, error) {
	if opt.MaxNodes <= 0 {
		opt.MaxNodes = DefaultMaxNodes
	}
	if opt.MaxWork <= 0 {
		opt.MaxWork = DefaultMaxWork
	}
	prog, lay := m.program()
	root := newTableau(prog)
	sol := &solution{boundExact: true}
	err := root.solve(math.Inf(1), opt.MaxWork)
	switch {
	case errors.Is(err, errInfeasible):
		return nil, &infeasibleRow{row: root.failed, lay: lay}
	case errors.Is(err, errPivotCap):
		sol.boundExact = false
	}
	sol.bound = root.objective()
	ls := newLocalSearch(m)
	consider := func(x []int) {
		if x == nil {
			return
		}
		x = ls.improve(x)
		e := m.evaluate(x)
		if e.feasible && (sol.x == nil || e.objective < sol.eval.objective-1e-9) {
			sol.x, sol.eval = x, e
		}
	}
	if sol.boundExact {
		consider(m.round(root.val[:lay.types]))
	}
	if sol.x == nil {
		consider(ls.greedy(nil))
	}
	if sol.boundExact {
		m.branch(root, lay, opt, sol, consider)
	}
	if sol.x == nil {
		return nil, errNoRoster
	}
	return sol, nil
}

// round rounds the relaxation's agents to whole ones: up, for a hard
// objective, which keeps every interval covered; to the nearest, for a
// soft one.
func (m *model) round(v []float64) []int {
	x := make([]int, len(v))
	for j, a := range v {
		if m.obj.Soft {
			x[j] = int(math.Round(a))
		} else {
			x[j] = int(math.Ceil(a - 1e-6))
		}
		x[j] = max(x[j], 0)
	}
	return x
}

// granularity returns the step by which the objective of whole agents
// moves, when every cost is a multiple of it (1, ½, ¼, 0.1, 0.01 or
// 0.001), or 0: a node whose bound is less than a step below the best
// roster cannot beat it.
func (m *model) granularity(prog *program) float64 {
	for _, g := range []float64{1, 0.5, 0.25, 0.1, 0.01, 0.001} {
		ok := true
		for _, c := range prog.cost {
			if q := c / g; math.Abs(q-math.Round(q)) > 1e-9*max(1, math.Abs(q)) {
				ok = false
				break
			}
		}
		if ok {
			return g
		}
	}
	return 0
}

// restartEvery is how many nodes pass between two restarts of branch and
// bound's tableau from the root's.
const restartEvery = 256

// roundEvery is how many nodes pass between two roundings of a node's
// relaxation into a roster, which, improved, may beat the best one.
const roundEvery = 4

// bchange is a bound set on a shift type's agents by branching.
type bchange struct {
	j      int
	lo, hi float64
}

// node is a node of the branch-and-bound tree: its bounds, from the
// root's, and its parent's.
type node struct {
	id, parent int
	changes    []bchange
	bound      float64 // the parent's relaxation's optimum
}

// branch runs depth-first branch and bound from the solved root, calling
// consider with each whole roster a node's relaxation gives, until the
// tree is closed (sol.proven) or a cap is reached. A node branches on the
// shift type whose agents have the largest fractional part, the branch up
// first: diving up finds covering rosters soonest.
func (m *model) branch(root *tableau, lay layout, opt Options, sol *solution, consider func([]int)) {
	g := m.granularity(root.p)
	cutoff := func() float64 {
		if sol.x == nil {
			return math.Inf(1)
		}
		best := sol.eval.objective
		if g > 0 {
			return best - g + 1e-6
		}
		return best - 1e-9*max(1, math.Abs(best))
	}
	cur := root.clone()
	stack := []node{{id: 0, parent: -1, bound: sol.bound}}
	last, ids := -1, 0
	capped := false
	lo := make([]float64, lay.types)
	hi := make([]float64, lay.types)
	for len(stack) > 0 {
		nd := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if nd.bound >= cutoff() {
			continue
		}
		if sol.nodes >= opt.MaxNodes {
			capped = true
			break
		}
		switch {
		case nd.parent == last && last >= 0:
			// A child of the node just solved: its one bound more.
			c := nd.changes[len(nd.changes)-1]
			cur.setBounds(c.j, c.lo, c.hi)
		case sol.nodes%restartEvery == 0:
			// Now and then from the root's tableau, which has none of
			// the rounding the pivots since have piled up.
			cur.copyFrom(root)
			for _, c := range nd.changes {
				cur.setBounds(c.j, c.lo, c.hi)
			}
		default:
			// From the node solved last, whose basis is near: any basis
			// is dual feasible whatever the bounds, and the dual simplex
			// repairs the values the node's bounds change.
			copy(lo, root.lo[:lay.types])
			copy(hi, root.hi[:lay.types])
			for _, c := range nd.changes {
				lo[c.j], hi[c.j] = c.lo, c.hi
			}
			for j := range lay.types {
				if cur.lo[j] != lo[j] || cur.hi[j] != hi[j] {
					cur.setBounds(j, lo[j], hi[j])
				}
			}
			if !cur.dualFeasible() {
				cur.copyFrom(root)
				for _, c := range nd.changes {
					cur.setBounds(c.j, c.lo, c.hi)
				}
			}
		}
		sol.nodes++
		last = nd.id
		err := cur.solve(cutoff(), opt.MaxWork-root.work)
		if errors.Is(err, errPivotCap) {
			capped = true
			break
		}
		if err != nil {
			continue // infeasible, or no better than the best roster
		}
		z := cur.objective()
		at, frac := -1, 0.0
		for j := range lay.types {
			f := cur.val[j] - math.Floor(cur.val[j])
			if f > 1e-6 && f < 1-1e-6 && f > frac {
				at, frac = j, f
			}
		}
		if at < 0 {
			x := make([]int, lay.types)
			for j := range x {
				x[j] = int(math.Round(cur.val[j]))
			}
			consider(x)
			continue
		}
		if sol.nodes%roundEvery == 0 {
			consider(m.round(cur.val[:lay.types]))
		}
		v := cur.val[at]
		down := append(slices.Clone(nd.changes), bchange{at, cur.lo[at], math.Floor(v)})
		up := append(slices.Clone(nd.changes), bchange{at, math.Ceil(v), cur.hi[at]})
		ids++
		stack = append(stack, node{id: ids, parent: nd.id, changes: down, bound: z})
		ids++
		stack = append(stack, node{id: ids, parent: nd.id, changes: up, bound: z})
	}
	sol.proven = !capped
}
