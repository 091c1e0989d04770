package roster

import (
	"slices"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// TestShiftTypesCount checks the shift types a rule makes against their
// count by hand: lengths × starts × placements of the breaks × patterns
// of days.
func TestShiftTypesCount(t *testing.T) {
	weekdays := models.Days{true, true, true, true, true, false, false}
	cases := []struct {
		name string
		rule ShiftRule
		want int
	}{
		// 07:00 to 12:00 every 30 minutes: 11 starts.
		{"starts", ShiftRule{Lengths: []float64{8 * 3600}, Starts: []Starts{{7 * 3600, 12 * 3600, 1800}}, Days: models.EveryDay}, 11},
		// Two lengths, starts every hour from 22:00 past midnight to
		// 02:00: 2 × 5.
		{"past midnight", ShiftRule{Lengths: []float64{6 * 3600, 8 * 3600}, Starts: []Starts{{22 * 3600, 2 * 3600, 3600}}, Days: models.EveryDay}, 10},
		// A 30-minute lunch within 3h-5h: starts at 3h, 3h30, 4h, 4h30: 4
		// placements, × 3 starts.
		{"lunch", ShiftRule{Lengths: []float64{8 * 3600}, Starts: []Starts{{8 * 3600, 9 * 3600, 1800}},
			Lunch: &Break{1800, 3 * 3600, 5 * 3600}, Days: models.EveryDay}, 12},
		// A lunch of an hour within 3h-5h (3 placements) and a 30-minute
		// break within 2h-4h (4 placements), minus those overlapping: the
		// lunch at 3h (3h-4h) leaves the break at 2h and 2h30 (2); at
		// 3h30 (3h30-4h30), 2h to 3h (3); at 4h (4h-5h), 2h to 3h30 (4).
		{"lunch and break", ShiftRule{Lengths: []float64{8 * 3600}, Starts: []Starts{{8 * 3600, 8 * 3600, 1800}},
			Lunch: &Break{3600, 3 * 3600, 5 * 3600}, Breaks: []Break{{1800, 2 * 3600, 4 * 3600}}, Days: models.EveryDay}, 9},
		// Five days of seven: C(7,5) = 21 patterns; days off together,
		// 7 (the pair of days off starts on each day of the week).
		{"5 of 7", ShiftRule{Lengths: []float64{8 * 3600}, Starts: []Starts{{8 * 3600, 8 * 3600, 1800}}, Days: models.EveryDay, DaysPerWeek: 5}, 21},
		{"5 of 7 together", ShiftRule{Lengths: []float64{8 * 3600}, Starts: []Starts{{8 * 3600, 8 * 3600, 1800}}, Days: models.EveryDay,
			DaysPerWeek: 5, RestTogether: true}, 7},
		// Four weekdays of five, days off together (of the whole week:
		// Saturday, Sunday and Monday, or Friday to Sunday): 2.
		{"4 of mon-fri together", ShiftRule{Lengths: []float64{8 * 3600}, Starts: []Starts{{8 * 3600, 8 * 3600, 1800}}, Days: weekdays,
			DaysPerWeek: 4, RestTogether: true}, 2},
		{"mon-fri", ShiftRule{Lengths: []float64{8 * 3600}, Starts: []Starts{{8 * 3600, 8 * 3600, 1800}}, Days: weekdays}, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.rule.Max = NoMax
			pr := &PoolRules{Pool: "agents", MaxPartTime: 1, Shifts: []ShiftRule{tc.rule}}
			if ps := (&Rules{Interval: 1800, Pools: []PoolRules{*pr}}).Check(0); len(ps) > 0 {
				t.Fatal(ps)
			}
			types, err := ShiftTypes(pr, 1800)
			if err != nil {
				t.Fatal(err)
			}
			if len(types) != tc.want {
				t.Errorf("%d shift types, want %d", len(types), tc.want)
			}
			for _, s := range types {
				for i, b := range s.Breaks {
					if i > 0 && b.From < s.Breaks[i-1].To {
						t.Errorf("breaks overlap or are out of order: %+v", s.Breaks)
					}
				}
			}
		})
	}
}

// TestShiftTypesCap makes more than MaxShiftTypes types and wants the
// problem, at the pool's shifts.
func TestShiftTypesCap(t *testing.T) {
	pr := &PoolRules{Pool: "agents", MaxPartTime: 1, Shifts: []ShiftRule{{
		Lengths: []float64{8 * 3600, 9 * 3600, 10 * 3600}, Starts: []Starts{{0, 23 * 3600, 900}},
		Lunch: &Break{900, 2 * 3600, 6 * 3600}, Breaks: []Break{{900, 1 * 3600, 3 * 3600}},
		Days: models.EveryDay, DaysPerWeek: 5, Max: NoMax}}}
	_, err := ShiftTypes(pr, 900)
	ps, ok := err.(Problems)
	if !ok || len(ps) != 1 || ps[0].Path != "pools.agents.shifts" {
		t.Fatalf("got %v, want one problem at pools.agents.shifts", err)
	}
}

// TestCoverage checks a shift type's intervals against the rule: from its
// start, its length, its breaks off, on its days; the first morning has
// the night shift of the day before, if worked that day; past the end of
// the requirement, cut off.
func TestCoverage(t *testing.T) {
	hours := func(from, to int) []int32 { // hourly intervals from to to, exclusive
		var out []int32
		for i := from; i < to; i++ {
			out = append(out, int32(i))
		}
		return out
	}
	weekend := models.Days{false, false, false, false, false, true, true}
	cases := []struct {
		name  string
		s     ShiftType
		n     int
		start models.Weekday
		want  []int32
		days  int
	}{
		{"day", ShiftType{Start: 8 * 3600, Length: 4 * 3600, Days: models.EveryDay}, 24, models.Monday, hours(8, 12), 1},
		{"lunch off", ShiftType{Start: 8 * 3600, Length: 4 * 3600, Breaks: []PlacedBreak{{3600, 2 * 3600, true}}, Days: models.EveryDay},
			24, models.Monday, append(hours(8, 9), hours(10, 12)...), 1},
		// A night shift on a one-day requirement, worked every day: the
		// morning has Sunday's.
		{"night repeats", ShiftType{Start: 22 * 3600, Length: 4 * 3600, Days: models.EveryDay}, 24, models.Monday,
			append(hours(0, 2), hours(22, 24)...), 1},
		// Worked on weekends only, over a weekday requirement of a day:
		// never.
		{"not its day", ShiftType{Start: 8 * 3600, Length: 4 * 3600, Days: weekend}, 24, models.Monday, nil, 0},
		// From Saturday, two days: Saturday and Sunday 08:00-12:00.
		{"its days", ShiftType{Start: 8 * 3600, Length: 4 * 3600, Days: weekend}, 48, models.Saturday,
			append(hours(8, 12), hours(32, 36)...), 2},
		// On weekends only, over two days from Saturday: Friday has none
		// to spill into Saturday's morning; Sunday night runs past the
		// end, cut off.
		{"cut off", ShiftType{Start: 22 * 3600, Length: 4 * 3600, Days: weekend}, 48, models.Saturday,
			append(hours(22, 26), hours(46, 48)...), 2},
		// On weekends only, over a Monday: Sunday's night covers its
		// morning, though the shift is not worked on it.
		{"sunday night", ShiftType{Start: 22 * 3600, Length: 4 * 3600, Days: weekend}, 24, models.Monday, hours(0, 2), 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, days := coverage(&tc.s, tc.n, 3600, tc.start)
			if !slices.Equal(got, tc.want) || days != tc.days {
				t.Errorf("covers %v on %d days, want %v on %d", got, days, tc.want, tc.days)
			}
		})
	}
}

// TestCostIsPaidHours checks a shift type's cost: its rule's cost per
// hour × its length less its lunch (breaks are paid) × the days of the
// requirement it is worked on.
func TestCostIsPaidHours(t *testing.T) {
	pr := &PoolRules{Pool: "agents", MaxPartTime: 1, Shifts: []ShiftRule{{Name: "a", Lengths: []float64{8 * 3600},
		Starts: []Starts{{8 * 3600, 8 * 3600, 1800}}, Lunch: &Break{1800, 3 * 3600, 3*3600 + 1800},
		Breaks: []Break{{1800, 3600, 5400}}, Days: models.EveryDay, DaysPerWeek: 5, RestTogether: true, CostPerHour: 20, Max: NoMax}}}
	types, err := ShiftTypes(pr, 1800)
	if err != nil {
		t.Fatal(err)
	}
	req := &Requirement{Pool: "agents", Interval: 1800, Start: models.Monday, Need: make([]int, 14*48)}
	m := newModel(pr, types, req, Objective{})
	for j := range types {
		// 7.5 paid hours at 20, 5 days a week for two weeks.
		if want := 20 * 7.5 * 10; m.cost[j] != want {
			t.Errorf("shift type %d costs %g, want %g", j, m.cost[j], want)
		}
		// On the floor 7 hours a day: 14 half hours, 10 days.
		if len(m.cover[j]) != 14*10 {
			t.Errorf("shift type %d covers %d intervals, want %d", j, len(m.cover[j]), 14*10)
		}
	}
}
