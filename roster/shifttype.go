package roster

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/omnisim/omnisim/models"
)

// ShiftType is one way of working a shift rule: a length, a start, a
// placement of each break and a pattern of days. The roster decides how
// many agents work each.
type ShiftType struct {
	// Rule is the index of the rule in its pool's Shifts.
	Rule int
	// Start is the time of day the shift starts, in seconds after
	// midnight, and Length its length, breaks included.
	Start, Length float64
	// Breaks are the breaks placed, in the order of the day.
	Breaks []PlacedBreak
	// Days are the days of the week it is worked.
	Days models.Days
}

// PlacedBreak is a break placed in a shift: from From to To seconds after
// the shift's start.
type PlacedBreak struct {
	From, To float64
	// Lunch tells the lunch from the other breaks.
	Lunch bool
}

// paidHours returns the hours of a shift of this type an agent is paid
// for: its length less its lunch.
func (s *ShiftType) paidHours() float64 {
	paid := s.Length
	for _, b := range s.Breaks {
		if b.Lunch {
			paid -= b.To - b.From
		}
	}
	return paid / 3600
}

// ShiftTypes returns every shift type the pool's rules allow, rule by
// rule, then by length, start, placement of the breaks (the lunch first,
// then the breaks in the order written, each at every interval of its
// window, overlapping none placed before it) and pattern of days, in
// that order. The rules must have passed Check with the same interval.
// More than MaxShiftTypes is a problem, at the pool's shifts.
func ShiftTypes(pr *PoolRules, interval float64) ([]ShiftType, error) {
	var out []ShiftType
	for ri := range pr.Shifts {
		s := &pr.Shifts[ri]
		starts := s.startTimes(interval)
		patterns := s.patterns()
		breaks := s.Breaks
		if s.Lunch != nil {
			breaks = append([]Break{*s.Lunch}, breaks...)
		}
		for _, length := range s.Lengths {
			for _, start := range starts {
				full := false
				placements(breaks, s.Lunch != nil, interval, nil, func(placed []PlacedBreak) bool {
					for _, days := range patterns {
						if len(out) == MaxShiftTypes {
							full = true
							return false
						}
						sorted := slices.Clone(placed)
						slices.SortFunc(sorted, func(a, b PlacedBreak) int { return cmp.Compare(a.From, b.From) })
						out = append(out, ShiftType{Rule: ri, Start: start, Length: length, Breaks: sorted, Days: days})
					}
					return true
				})
				if full {
					return nil, Problems{{Path: "pools." + pr.Pool + ".shifts",
						Msg: fmt.Sprintf("the rules make more than %d shift types (every length, start, placement of the breaks and pattern of days): "+
							"narrow the starts, the breaks' windows or the days", MaxShiftTypes)}}
				}
			}
		}
	}
	return out, nil
}

// placements calls yield with every placement of breaks (the first the
// lunch if lunch) on the intervals of their windows, none overlapping
// another, until yield returns false; it returns false then.
func placements(breaks []Break, lunch bool, interval float64, placed []PlacedBreak, yield func([]PlacedBreak) bool) bool {
	if len(breaks) == 0 {
		return yield(placed)
	}
	b := breaks[0]
	for from := b.From; from+b.Length <= b.To; from += interval {
		pb := PlacedBreak{From: from, To: from + b.Length, Lunch: lunch}
		if slices.ContainsFunc(placed, func(o PlacedBreak) bool { return pb.From < o.To && o.From < pb.To }) {
			continue
		}
		if !placements(breaks[1:], false, interval, append(placed, pb), yield) {
			return false
		}
	}
	return true
}

// startTimes returns the rule's start times, each once, in the order of
// the day; a window that gives no step starts every interval.
func (s *ShiftRule) startTimes(interval float64) []float64 {
	var out []float64
	for _, w := range s.Starts {
		to := w.To
		if to < w.From {
			to += 86400 // past midnight
		}
		every := w.Every
		if every == 0 {
			every = interval
		}
		for t := w.From; t <= to; t += every {
			out = append(out, math.Mod(t, 86400))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// patterns returns the rule's patterns of days: its days, or, with
// DaysPerWeek, every choice of that many of them (with RestTogether, only
// those whose days off follow one another), in the order of their bits,
// Monday the lowest.
func (s *ShiftRule) patterns() []models.Days {
	n := 0
	for _, on := range s.Days {
		if on {
			n++
		}
	}
	if s.DaysPerWeek == 0 || s.DaysPerWeek == n && !s.RestTogether {
		return []models.Days{s.Days}
	}
	var out []models.Days
	for mask := 1; mask < 1<<7; mask++ {
		var d models.Days
		k, ok := 0, true
		for i := range 7 {
			if mask&(1<<i) != 0 {
				d[i] = true
				k++
				ok = ok && s.Days[i]
			}
		}
		if !ok || k != s.DaysPerWeek || s.RestTogether && !restTogether(d) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// restTogether tells whether the days off of a pattern (those of the
// week it does not work) follow one another, Sunday to Monday included:
// a week with none, or one run of them.
func restTogether(d models.Days) bool {
	ends := 0
	for i := range 7 {
		if !d[i] && d[(i+1)%7] {
			ends++
		}
	}
	return ends <= 1
}
