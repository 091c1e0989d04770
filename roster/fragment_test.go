package roster

import (
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

// nightRules roster a week of hours with shifts past midnight: 8-hour
// nights from 20:00 to 23:00 with an hour's lunch in their 4th to 6th
// hour, and 8-hour days from 06:00 to 12:00 with a break of an hour in
// their 2nd to 4th, both five days a week with their days off together,
// and at least one 24-hour shift on weekends from 08:00.
func nightRules() *Rules {
	weekend := models.Days{false, false, false, false, false, true, true}
	return &Rules{Interval: 3600, Pools: []PoolRules{{Pool: "agents", MaxPartTime: 1, Shifts: []ShiftRule{
		{Name: "night", Lengths: []float64{8 * 3600}, Starts: []Starts{{20 * 3600, 23 * 3600, 3600}},
			Lunch: &Break{3600, 3 * 3600, 6 * 3600}, Days: models.EveryDay, DaysPerWeek: 5, RestTogether: true, CostPerHour: 12, Max: NoMax},
		{Name: "day", Lengths: []float64{8 * 3600}, Starts: []Starts{{6 * 3600, 12 * 3600, 3600}},
			Breaks: []Break{{3600, 3600, 4 * 3600}}, Days: models.EveryDay, DaysPerWeek: 5, RestTogether: true, CostPerHour: 10, Max: NoMax},
		{Name: "long", Lengths: []float64{24 * 3600}, Starts: []Starts{{8 * 3600, 8 * 3600, 3600}}, Days: weekend, CostPerHour: 30, Min: 1, Max: NoMax},
	}}}}
}

// TestFragmentLoadsAsItIs rosters a week round the clock, writes the
// roster as the scenario fragment, pastes it into a scenario as it is,
// and demands that the scenario schedule, in every hour of the week, the
// agents the roster says are on the floor.
func TestFragmentLoadsAsItIs(t *testing.T) {
	req := &Requirement{Pool: "agents", Interval: 3600, Start: models.Monday}
	for d := range 7 {
		for h := range 24 {
			need := 2 + (h*7+d*3)%5
			if h >= 9 && h < 17 {
				need += 4
			}
			req.Need = append(req.Need, need)
		}
	}
	// The best roster is not the point: a few nodes will do.
	rs, err := Make(nightRules(), []Requirement{*req}, Options{MaxNodes: 20})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, s := range rs[0].Shifts {
		kinds[s.Name] = true
	}
	if !kinds["night"] || !kinds["day"] || !kinds["long"] {
		t.Fatalf("the roster has shifts %v: want nights, days and long ones, for the test to mean something", kinds)
	}
	text, err := scenarios.Encode(Fragment(rs, "the roster"))
	if err != nil {
		t.Fatal(err)
	}
	scenario := "name: week\nhorizon: 7d\ninterval: 1h\nchannels:\n  phone: {arrivals: {rate: 10/h}, handle_time: 3m}\n" +
		string(text) + "    skills: [phone]\n"
	sc, err := scenarios.Parse("week.yaml", "week", []byte(scenario), nil)
	if err != nil {
		t.Fatalf("%v\n%s", err, scenario)
	}
	pool := &sc.Config.Pools[0]
	for k, want := range rs[0].Coverage {
		if got := pool.ScheduledAt(k, 3600, models.Monday); got != want {
			t.Errorf("%s: the scenario schedules %d, the roster %d", req.When(k, k+1), got, want)
		}
	}
	if !strings.Contains(string(text), "# the roster") {
		t.Errorf("the fragment lacks its comment:\n%s", text)
	}
}
