package table

import (
	"fmt"
	"math"
	"strconv"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// StaffColumns describes every column of staffing.csv.
var StaffColumns = []output.Column{
	{Name: "pool", Description: "the pool of agents"},
	{Name: "interval", Description: "the interval's number, from 0 at time zero (warm-up included)"},
	{Name: "day", Description: "the day, from 1"},
	{Name: "weekday", Description: "the day of the week (mon…sun)"},
	{Name: "time", Description: "the interval's start, HH:MM"},
	{Name: "start_seconds", Description: "the interval's start, in seconds from time zero"},
	{Name: "agents", Description: "the plan: agents to schedule (before shrinkage); the column a scenario's staffing: FILE reads"},
	{Name: "available", Description: "the agents taking contacts after shrinkage, round(agents × (1 − shrinkage))"},
	{Name: "erlang_agents", Description: "the starting point: agents to schedule by Erlang A, interval by interval, at the demand the scenario's own staffing met"},
	{Name: "scenario_agents", Description: "the agents the scenario itself schedules"},
	{Name: "cost", Description: "the plan's cost in the interval: agents × hours × the pool's cost_per_hour"},
}

// StaffCSV returns staffing.csv: one row per pool and interval.
func StaffCSV(r *output.StaffReport) *output.CSVTable {
	cfg := &r.Plan.Config
	t := &output.CSVTable{}
	for _, c := range StaffColumns {
		t.Columns = append(t.Columns, c.Name)
	}
	for p, pool := range cfg.Pools {
		for k, n := range r.Plan.Agents[p] {
			start := float64(k) * cfg.Interval
			length := math.Min(cfg.Interval, cfg.Horizon-start)
			day, wd, tod := clockAt(cfg, start)
			t.Rows = append(t.Rows, []string{pool.Name, strconv.Itoa(k), day, wd, tod, output.CellOf(start),
				strconv.Itoa(n), strconv.Itoa(models.Shrunk(n, pool.Shrinkage)),
				strconv.Itoa(r.Plan.Erlang[p][k]), strconv.Itoa(r.Plan.Original[p][k]),
				output.CellOf(float64(n) * length / 3600 * pool.CostPerHour)})
		}
	}
	return t
}

// clockAt returns the day (from 1), weekday and time of day of moment t.
func clockAt(cfg *models.Config, t float64) (day, weekday, tod string) {
	d := int(t / 86400)
	s := int64(math.Round(t)) % 86400
	return strconv.Itoa(d + 1), models.WeekdayAt(cfg.Start, t).String(), fmt.Sprintf("%02d:%02d", s/3600, s%3600/60)
}
