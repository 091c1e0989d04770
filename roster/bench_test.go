package roster

import (
	"math"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// weekRequirement is a contact centre's week of half hours: open 07:00 to
// 22:00, a morning peak and an afternoon one, weekends at 60 %, scaled by
// peak (the agents needed at the busiest half hour).
func weekRequirement(days, peak int) *Requirement {
	r := &Requirement{Pool: "agents", Interval: 1800, Start: models.Monday}
	for d := range days {
		for k := range 48 {
			h := float64(k) / 2
			need := 0.0
			if h >= 7 && h < 22 {
				need = float64(peak) * (0.35 + 0.45*math.Exp(-(h-10.5)*(h-10.5)/4) + 0.35*math.Exp(-(h-15)*(h-15)/5))
				if d%7 >= 5 {
					need *= 0.6
				}
			}
			r.Need = append(r.Need, int(math.Ceil(need)))
		}
	}
	return r
}

// weekRules are the rules of weekRequirement's roster: full-time shifts
// of 8 hours with a half-hour lunch in their 4th or 5th hour, starting
// every half hour from 06:00 to 14:00 (or every hour, with fewer types),
// and 4-hour part-time ones at most a third of the agents, both five days
// a week with their two days off together.
func weekRules(every float64) *Rules {
	return &Rules{Interval: 1800, Pools: []PoolRules{{Pool: "agents", MaxPartTime: 1.0 / 3, Shifts: []ShiftRule{
		{Name: "full", Lengths: []float64{8 * 3600}, Starts: []Starts{{6 * 3600, 14 * 3600, every}},
			Lunch: &Break{Length: 1800, From: 3 * 3600, To: 5 * 3600}, Days: models.EveryDay, DaysPerWeek: 5, RestTogether: true,
			CostPerHour: 20, Max: NoMax},
		{Name: "part", Lengths: []float64{4 * 3600}, Starts: []Starts{{7 * 3600, 18 * 3600, 3600}},
			Days: models.EveryDay, DaysPerWeek: 5, RestTogether: true, CostPerHour: 22, Max: NoMax, PartTime: true},
	}}}}
}

// benchRoster rosters a requirement of the given days and peak by rules,
// and reports the shift types, the roster's gap to the bound and the
// nodes.
func benchRoster(b *testing.B, days, peak int, rules *Rules) {
	req := weekRequirement(days, peak)
	var r []Roster
	var err error
	for b.Loop() {
		r, err = Make(rules, []Requirement{*req}, Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(r[0].ShiftTypes), "types")
	b.ReportMetric(100*r[0].Gap(), "gap%")
	b.ReportMetric(float64(r[0].Nodes), "nodes")
	proven := 0.0
	if r[0].Proven {
		proven = 1
	}
	b.ReportMetric(proven, "proven")
}

// BenchmarkRoster rosters a day and a week of half hours: the day with
// 80 shift types, the week with 336 (full-time starts every hour) and 560
// (every half hour), the sizes the issue asks to be solved in seconds.
func BenchmarkRoster(b *testing.B) {
	b.Run("day/types=80", func(b *testing.B) {
		rules := weekRules(1800)
		for i := range rules.Pools[0].Shifts {
			rules.Pools[0].Shifts[i].DaysPerWeek, rules.Pools[0].Shifts[i].RestTogether = 0, false
		}
		benchRoster(b, 1, 40, rules)
	})
	b.Run("week/types=336", func(b *testing.B) { benchRoster(b, 7, 40, weekRules(3600)) })
	b.Run("week/types=560", func(b *testing.B) { benchRoster(b, 7, 40, weekRules(1800)) })
	b.Run("week/peak=200/types=560", func(b *testing.B) { benchRoster(b, 7, 200, weekRules(1800)) })
}
