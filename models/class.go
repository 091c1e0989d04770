package models

import (
	"fmt"
	"math"
	"slices"
)

// Class is a kind of customer with its own place in the queues (scenario
// key classes, by name): a VIP served first, say, and the standard
// customers behind. A customer's class holds on every channel and every
// contact of their journey.
type Class struct {
	// Name identifies the class.
	Name string
	// Share is the share of customers in the class.
	Share float64
	// Priority orders the queues: each channel serves its waiting contacts
	// of priority 1 first, then 2, and so on, each priority first come,
	// first served. Priority is not preemptive: a contact in hand is never
	// put back. Classes of the same priority share their place in line.
	Priority int
	// PatienceFactor multiplies the patience the class's customers draw:
	// how long they wait before abandoning a live queue, or before chasing
	// a deferred contact (scenario key patience_factor); 1 leaves it.
	PatienceFactor float64
	// PromoteAfter ages the class's contacts (scenario key promote_after):
	// one that has waited this long is served as if of the highest
	// priority, in order of arrival among them. 0 for never.
	PromoteAfter float64
}

// checkClasses checks the classes: names, shares adding up to 100 %,
// priorities from 1, and a promotion only where there is a higher
// priority to be promoted to, the same for the classes of a priority.
func (c *Config) checkClasses(p problems) {
	if len(c.Classes) == 0 {
		return
	}
	total := 0.0
	top := c.topPriority()
	promote := map[int]float64{}
	for _, cl := range c.Classes {
		cp := p.At(cl.Name)
		share(cp.At("share"), cl.Share)
		total += cl.Share
		if cl.Priority < 1 || cl.Priority > maxPriority {
			cp.At("priority").Add("must be a whole number from 1 (served first) to %d, not %d", maxPriority, cl.Priority)
		}
		if !(cl.PatienceFactor > 0) || !finite(cl.PatienceFactor) {
			cp.At("patience_factor").Add("must be a positive number, not %v", cl.PatienceFactor)
		}
		if !(cl.PromoteAfter >= 0) || !finite(cl.PromoteAfter) {
			cp.At("promote_after").Add("must be a finite duration ≥ 0 (0 for never), not %s", FormatDuration(cl.PromoteAfter))
			continue
		}
		if cl.PromoteAfter > 0 && cl.Priority == top {
			cp.At("promote_after").Add("the class has the highest priority already (%d): there is nothing to promote it to", top)
		}
		if prev, seen := promote[cl.Priority]; seen && prev != cl.PromoteAfter {
			cp.At("promote_after").Add("classes of priority %d must be promoted after the same wait: they share a place in line", cl.Priority)
		}
		promote[cl.Priority] = cl.PromoteAfter
	}
	if math.Abs(total-1) > 1e-6 {
		p.Add("the shares add up to %s, not 100%%", FormatFraction(total))
	}
}

// maxPriority is the lowest priority a class may have.
const maxPriority = 100

// topPriority returns the highest priority of any class (the smallest
// number), 1 without classes.
func (c *Config) topPriority() int {
	top := 0
	for _, cl := range c.Classes {
		if top == 0 || cl.Priority < top {
			top = cl.Priority
		}
	}
	return max(top, 1)
}

// priorities returns, for each class, the index of its priority among the
// distinct priorities of the classes in order (0 the highest), and the
// number of distinct priorities.
func (c *Config) priorities() (level []int, levels int) {
	var ps []int
	for _, cl := range c.Classes {
		ps = append(ps, cl.Priority)
	}
	slices.Sort(ps)
	ps = slices.Compact(ps)
	level = make([]int, len(c.Classes))
	for i, cl := range c.Classes {
		level[i], _ = slices.BinarySearch(ps, cl.Priority)
	}
	return level, len(ps)
}

// ClassNames returns the names of the classes, in the scenario's order;
// nil with fewer than two, which set nothing apart (figures by class are
// kept only with two or more).
func (c *Config) ClassNames() []string {
	if len(c.Classes) < 2 {
		return nil
	}
	var out []string
	for _, cl := range c.Classes {
		out = append(out, cl.Name)
	}
	return out
}

// String describes a class in a line: "10 %, priority 1, patience × 2".
func (cl Class) String() string {
	s := fmt.Sprintf("%s, priority %d", FormatFraction(cl.Share), cl.Priority)
	if cl.PatienceFactor != 1 {
		s += fmt.Sprintf(", patience × %v", cl.PatienceFactor)
	}
	if cl.PromoteAfter > 0 {
		s += ", served first after waiting " + FormatDuration(cl.PromoteAfter)
	}
	return s
}

// The classes at run time.

// classRules are what the world needs of the classes at run time.
type classRules struct {
	cum     []float64 // cumulative shares, to draw a customer's class
	level   []int     // each class's priority level, 0 the highest
	levels  int       // distinct priorities; queues by priority when > 1
	patient []float64 // each class's patience factor
	promote []float64 // each class's promotion wait, 0 for never
}

func newClassRules(cfg *Config) classRules {
	var r classRules
	if len(cfg.Classes) == 0 {
		r.patient = []float64{1}
		r.promote = []float64{0}
		r.level = []int{0}
		return r
	}
	shares := make([]float64, len(cfg.Classes))
	for i, cl := range cfg.Classes {
		shares[i] = cl.Share
		r.patient = append(r.patient, cl.PatienceFactor)
		r.promote = append(r.promote, cl.PromoteAfter)
	}
	r.cum = cumulative(shares)
	r.level, r.levels = cfg.priorities()
	return r
}

// headByPriority returns the contact the channel's agents take next among
// its queues by priority: the head of the highest priority, where a head
// that has waited its class's promotion wait counts as of the highest,
// and among those of the same standing the one that arrived first. The
// head of each queue is its oldest contact, so it is the first of its
// queue to be promoted.
func (ch *channel) headByPriority() *contact {
	now := ch.w.eng.Now()
	promote := ch.w.classes.promote
	var best *contact
	bestLevel := 0
	for i := range ch.levels {
		c := ch.levels[i].front()
		if c == nil {
			continue
		}
		level := i
		if after := promote[c.class]; after > 0 && now-c.arrived >= after {
			level = 0
		}
		if best == nil || level < bestLevel || (level == bestLevel && c.arrived < best.arrived) {
			best, bestLevel = c, level
		}
	}
	return best
}
