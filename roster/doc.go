// Package roster turns a staffing requirement (the agents each pool needs
// in each interval, as omnisim staff writes it) into shifts people can
// work: the shift types a pool's rules allow, and how many agents work
// each.
//
// The rules (Rules) give each kind of shift its lengths, start times,
// breaks and lunch with their windows, days and weekly patterns of days
// off, cost per hour, the fewest and most agents it may have, and whether
// it is part-time. Every combination is a shift type (ShiftTypes), and a
// shift type covers the intervals it is worked outside its breaks.
//
// The roster is an integer program over the shift types (the model's
// doc comment states it): the least cost that covers every interval, or
// the least weighted over- and under-staffing. It is solved by
//
//  1. the linear relaxation, by a bounded dual simplex on a dense tableau
//     (Koberstein 2005), whose optimum is the lower bound every roster is
//     measured against: the gap is (roster − bound) ÷ bound;
//  2. a first roster: the relaxation's agents rounded up (every interval
//     stays covered) or to the nearest, then improved by local search
//     (an agent less, one more, one moved to a cheaper shift type);
//  3. depth-first branch and bound on the agents of a shift type, the
//     most fractional's branch up first, each node's relaxation solved by
//     the dual simplex from its parent's basis, every whole roster a node
//     finds improved by the same local search, and nodes whose bound
//     cannot beat the best roster cut off.
//
// The search stops when the tree is closed (the roster is then optimal)
// or at a cap on nodes or on the simplex's work (Options): never on time,
// so that a roster is the same on every machine.
//
// gonum's simplex (gonum.org/v1/gonum/optimize/convex/lp) is the referee
// of the relaxation in the tests, not the solver: it solves the basis
// from scratch at every step, and took 4.7 s on a week of half hours with
// 357 daily shift types, and more than 12 minutes, unfinished, with 119
// weekly ones, where this simplex takes a fraction of a second.
package roster
