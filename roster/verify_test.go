package roster

import (
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/plan"
	"github.com/omnisim/omnisim/scenarios"
)

// busyDay is a day of 100 calls a half hour, 3-minute calls (14 agents
// answer 89 % within 20 s, Erlang C), served 06:00 to 14:00.
const busyDay = `name: busy
horizon: 1d
interval: 30m
channels:
  phone:
    arrivals: {volumes: [0,0,0,0,0,0,0,0,0,0,0,0,100,100,100,100,100,100,100,100,100,100,100,100,100,100,100,100,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}
    handle_time: 3m
    service_level: {within: 20s, target: 80%}
pools:
  agents:
    skills: [phone]
    agents: 14
`

// TestVerifyFindsWhatTheBreaksCost verifies a roster of 16 agents from
// 06:00 to 14:00, 8 of them at lunch from 10:00 to 10:30 (8 on the floor
// for 100 calls of 3 minutes, 10 Erlangs: the queue grows), and wants
// that half hour missed with the lunch and met without it (16 agents:
// Erlang C answers 99 % within 20 s), listed where the breaks cost a
// target and first of the periods they cost most; every other half hour
// met both ways.
func TestVerifyFindsWhatTheBreaksCost(t *testing.T) {
	sc, err := scenarios.Parse("busy.yaml", "busy", []byte(busyDay), nil)
	if err != nil {
		t.Fatal(err)
	}
	req := &Requirement{Pool: "agents", Interval: 1800, Start: models.Monday, Need: make([]int, 48)}
	r := Roster{Pool: "agents", Requirement: req, Shifts: []Shift{
		{ShiftType: ShiftType{Start: 6 * 3600, Length: 8 * 3600, Days: models.EveryDay}, Name: "on", Agents: 8},
		{ShiftType: ShiftType{Start: 6 * 3600, Length: 8 * 3600, Days: models.EveryDay,
			Breaks: []PlacedBreak{{From: 4 * 3600, To: 4*3600 + 1800, Lunch: true}}}, Name: "lunch", Agents: 8},
	}}
	v, err := Verify(&sc.Config, []Roster{r}, VerifyOptions{Replications: 40})
	if err != nil {
		t.Fatal(err)
	}
	var lunch *BreakCost
	for i := range v.BreaksCost {
		if c := v.BreaksCost[i].With; c.From == 20 && c.Kind == plan.ServiceLevel {
			lunch = &v.BreaksCost[i]
		}
	}
	if lunch == nil || lunch.With.Status != plan.Missed || lunch.Without.Status != plan.Met {
		t.Fatalf("10:00-10:30 is not listed missed with the lunch and met without: %+v", v.BreaksCost)
	}
	if len(v.Dearest) == 0 || v.Dearest[0].With.From != 20 || v.Dearest[0].Cost() <= 0 {
		t.Errorf("the dearest periods %+v do not start with 10:00-10:30", v.Dearest)
	}
	for i, c := range v.Roster.Checks {
		if c.From != 20 && c.Status == plan.Missed {
			t.Errorf("interval %d missed with 16 agents: %+v", c.From, c)
		}
		if v.NoBreaks.Checks[i].Status == plan.Missed {
			t.Errorf("interval %d missed without the breaks: %+v", c.From, v.NoBreaks.Checks[i])
		}
	}
	if got := v.Config.Pools[0].ScheduledAt(20, 1800, models.Monday); got != 8 {
		t.Errorf("the scenario with the roster schedules %d agents at 10:00, want 8", got)
	}
}

// TestVerifyRefusesOtherIntervals wants a roster of hours refused in a
// scenario of half hours.
func TestVerifyRefusesOtherIntervals(t *testing.T) {
	sc, err := scenarios.Parse("busy.yaml", "busy", []byte(busyDay), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := Roster{Pool: "agents", Requirement: &Requirement{Pool: "agents", Interval: 3600, Need: make([]int, 24)}}
	if _, err := Verify(&sc.Config, []Roster{r}, VerifyOptions{Replications: 2}); err == nil {
		t.Error("no error")
	}
}
