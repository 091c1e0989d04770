package roster

import (
	"cmp"
	"slices"

	"github.com/omnisim/omnisim/models"
)

// localSearch improves whole rosters of a model by small moves: one agent
// less on a shift type, one more (soft objective), or one moved from a
// shift type to another, kept only when the roster stays feasible and its
// objective falls. It is how a rounded relaxation is brought nearer the
// bound before branch and bound, and how a roster a node finds is
// polished.
type localSearch struct {
	m *model
	// coverers are the shift types covering each interval.
	coverers [][]int
	// groupOf is each shift type's group, −1 for none.
	groupOf []int
	// byCost orders the shift types by cost, the dearest first.
	byCost []int
	// The state of the roster being improved.
	x        []int
	cover    []int
	groupSum []int
	pt, all  int
	// work counts the intervals the moves and greedy have looked at, in
	// every call: they stop at maxSearchWork.
	work int
}

// maxPasses caps the passes of one call of improve over the shift types,
// and maxSearchWork the intervals the local search looks at in all its
// calls (a deterministic cap on its time, about a second), for rules of
// many shift types.
const (
	maxPasses     = 50
	maxSearchWork = 1_000_000_000
)

func newLocalSearch(m *model) *localSearch {
	ls := &localSearch{m: m, coverers: make([][]int, len(m.need)), groupOf: make([]int, len(m.cover)),
		cover: make([]int, len(m.need)), groupSum: make([]int, len(m.groups))}
	for j, cov := range m.cover {
		for _, i := range cov {
			ls.coverers[i] = append(ls.coverers[i], j)
		}
		ls.groupOf[j] = -1
		ls.byCost = append(ls.byCost, j)
	}
	for g, gr := range m.groups {
		for _, j := range gr.types {
			ls.groupOf[j] = g
		}
	}
	slices.SortStableFunc(ls.byCost, func(a, b int) int { return cmp.Compare(m.cost[b], m.cost[a]) })
	return ls
}

// load makes x the roster being improved.
func (ls *localSearch) load(x []int) {
	ls.x = make([]int, len(x))
	clear(ls.cover)
	clear(ls.groupSum)
	ls.pt, ls.all = 0, 0
	for j, n := range x {
		ls.add(j, n)
	}
}

// add puts n more agents (fewer, if negative) on shift type j.
func (ls *localSearch) add(j, n int) {
	ls.x[j] += n
	for _, i := range ls.m.cover[j] {
		ls.cover[i] += n
	}
	if g := ls.groupOf[j]; g >= 0 {
		ls.groupSum[g] += n
	}
	ls.all += n
	if ls.m.partTime[j] {
		ls.pt += n
	}
}

// sidesOK tells whether moving one agent from shift type from to shift
// type to (either −1 for none) keeps the groups within their bounds and
// the part-time share, or, for a roster past the share, brings it nearer.
func (ls *localSearch) sidesOK(from, to int) bool {
	m := ls.m
	gf, gt := -1, -1
	if from >= 0 {
		gf = ls.groupOf[from]
	}
	if to >= 0 {
		gt = ls.groupOf[to]
	}
	if gf != gt {
		if gf >= 0 && ls.groupSum[gf]-1 < m.groups[gf].min {
			return false
		}
		if gt >= 0 && m.groups[gt].max != NoMax && ls.groupSum[gt]+1 > m.groups[gt].max {
			return false
		}
	}
	if m.hasPartTimeRow() {
		pt, all := ls.pt, ls.all
		if from >= 0 {
			all--
			if m.partTime[from] {
				pt--
			}
		}
		if to >= 0 {
			all++
			if m.partTime[to] {
				pt++
			}
		}
		// A roster past the share (a rounded one) may move back toward it.
		after, before := float64(pt)-m.share*float64(all), float64(ls.pt)-m.share*float64(ls.all)
		if after > 1e-9 && after > before-1e-12 {
			return false
		}
	}
	return true
}

// delta returns how much the objective changes when n agents (±1) are
// added to shift type j, coverage included; for a hard objective, +Inf
// when an interval would fall short.
func (ls *localSearch) delta(j, n int) float64 {
	m := ls.m
	ls.work += len(m.cover[j])
	if !m.obj.Soft {
		if n < 0 {
			for _, i := range m.cover[j] {
				if ls.cover[i]+n < m.need[i] {
					return inf
				}
			}
		}
		return float64(n) * m.cost[j]
	}
	d := m.obj.Cost * float64(n) * m.cost[j]
	for _, i := range m.cover[j] {
		d += m.obj.Over*m.hours*float64(max(0, ls.cover[i]+n-m.need[i])-max(0, ls.cover[i]-m.need[i])) +
			m.obj.Under*m.hours*float64(max(0, m.need[i]-ls.cover[i]-n)-max(0, m.need[i]-ls.cover[i]))
	}
	return d
}

// inf stands for a move that breaks the roster.
const inf = 1e300

// improve returns x improved until no move improves it, or maxPasses
// passes, or maxSearchWork.
func (ls *localSearch) improve(x []int) []int {
	ls.load(x)
	m := ls.m
	const eps = 1e-9
	for range maxPasses {
		better := false
		for _, j := range ls.byCost {
			if ls.work > maxSearchWork {
				return slices.Clone(ls.x)
			}
			// One agent less.
			for ls.x[j] > 0 && ls.sidesOK(j, -1) && ls.delta(j, -1) < -eps {
				ls.add(j, -1)
				better = true
			}
			// One agent more (soft objective only: a hard one never gains).
			if m.obj.Soft {
				for ls.x[j] < models.MaxAgents && ls.sidesOK(-1, j) && ls.delta(j, 1) < -eps {
					ls.add(j, 1)
					better = true
				}
			}
			// One agent moved from j to another shift type.
			if ls.x[j] > 0 && ls.move(j) {
				better = true
			}
		}
		if !better {
			break
		}
	}
	return slices.Clone(ls.x)
}

// move moves one agent from shift type j to the shift type that lowers
// the objective most, if one does, and tells whether it did. For a hard
// objective only the types covering every interval j's agent leaves
// short are tried; for a soft one, those covering j's first, middle or
// last interval.
func (ls *localSearch) move(j int) bool {
	m := ls.m
	cov := m.cover[j]
	if len(cov) == 0 {
		return false
	}
	var short []int32
	var candidates []int
	if !m.obj.Soft {
		for _, i := range cov {
			if ls.cover[i]-1 < m.need[i] {
				short = append(short, i)
			}
		}
		if len(short) == 0 {
			return false // a drop, tried before, was refused by the sides
		}
		candidates = ls.coverers[short[0]]
	} else {
		for _, i := range []int32{cov[0], cov[len(cov)/2], cov[len(cov)-1]} {
			candidates = append(candidates, ls.coverers[i]...)
		}
	}
	best, bestD := -1, -1e-9
	ls.add(j, -1)
	for _, k := range candidates {
		if k == j || ls.x[k] >= models.MaxAgents {
			continue
		}
		if !m.obj.Soft {
			if m.cost[k] >= m.cost[j] {
				continue
			}
			ls.work += len(m.cover[k])
			if !covers(m.cover[k], short) {
				continue
			}
		}
		ls.add(j, 1)
		ok := ls.sidesOK(j, k)
		ls.add(j, -1)
		if !ok {
			continue
		}
		d := ls.delta(k, 1)
		if m.obj.Soft {
			ls.add(j, 1)
			d += ls.delta(j, -1)
			ls.add(j, -1)
		} else {
			d -= m.cost[j]
		}
		if d < bestD {
			best, bestD = k, d
		}
	}
	if best < 0 {
		ls.add(j, 1)
		return false
	}
	ls.add(best, 1)
	return true
}

// covers tells whether the ascending intervals cov include every one of
// the ascending intervals want.
func covers(cov, want []int32) bool {
	k := 0
	for _, i := range cov {
		if k < len(want) && i == want[k] {
			k++
		}
	}
	return k == len(want)
}

// greedy builds a roster from none, for when the relaxation could not be
// solved within the caps: for a hard objective, it adds the agent whose
// shift type covers the most intervals still short per unit of cost,
// until none is short; for a soft one it starts from no agents and lets
// improve add them. It returns nil when it cannot cover the requirement,
// or not within maxSearchWork.
func (ls *localSearch) greedy(from []int) []int {
	m := ls.m
	if from == nil {
		from = make([]int, len(m.cover))
	}
	ls.load(from)
	if m.obj.Soft {
		return slices.Clone(ls.x)
	}
	for {
		short := 0
		for i, c := range ls.cover {
			if c < m.need[i] {
				short++
			}
		}
		if short == 0 {
			return slices.Clone(ls.x)
		}
		if ls.work > maxSearchWork {
			return nil
		}
		best, bestScore := -1, 0.0
		for j, cov := range m.cover {
			if !ls.sidesOK(-1, j) {
				continue
			}
			ls.work += len(cov)
			gain := 0
			for _, i := range cov {
				if ls.cover[i] < m.need[i] {
					gain++
				}
			}
			if gain == 0 {
				continue
			}
			score := float64(gain) / max(m.cost[j], 1e-9)
			if score > bestScore {
				best, bestScore = j, score
			}
		}
		if best < 0 {
			return nil
		}
		ls.add(best, 1)
	}
}
