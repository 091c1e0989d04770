// Package plan finds staffing plans by simulation: the fewest agents per
// pool and interval with which every channel meets its targets (service
// level, abandonment, occupancy, a deferred channel's response time) in the
// simulated world, switching, shared agents and word of mouth included.
//
// Search starts from Erlang A, interval by interval, then runs the
// iterative staffing algorithm (ISA) of Feldman, Mandelbaum, Massey and
// Whitt (2008), "Staffing of time-varying queues to achieve time-stable
// performance", Management Science 54(2): simulate with the current
// staffing, measure the distribution of the number of contacts in the
// system, and staff each interval at the quantile that holds the chance of
// waiting to its target; repeat until the staffing stops changing. A
// correction phase then simulates the plan, raises the pools and intervals
// whose targets are missed (with the interval before, for the lag after a
// peak) and lowers where there is slack, until every target is met with the
// fewest agents. A final verification simulates the plan again on fresh
// replications and judges each target, period by period, with a confidence
// interval at the Bonferroni level: met or missed once the interval clears
// the target or is within the precision asked for, undecided otherwise. It
// doubles the replications while a period is undecided (up to a cap), and
// adds an agent where a period is missed, so that every period's expected
// figure, not only the search's sample of it, meets the target.
package plan
