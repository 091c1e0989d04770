package chart

import (
	"math"

	"gonum.org/v1/plot/vg"

	"github.com/omnisim/omnisim/output"
)

// StaffName is the file stem of a search's chart.
const StaffName = "staffing-plan"

// Staff draws the plan r over time: per pool, the agents the plan
// schedules (solid) against the agents Erlang A needs interval by interval
// (dashed) and the scenario's own staffing (dotted); below, the plan's cost
// per interval.
func Staff(r *output.StaffReport, t *output.CSVTable) Chart {
	cfg := &r.Plan.Config
	tl := timeline{start: cfg.Start, named: true, horizon: cfg.Horizon, interval: cfg.Interval, warmup: cfg.Warmup}
	panels := []panel{
		{title: "agents scheduled: the plan (solid), Erlang A interval by interval (dashed), the scenario's own (dotted)", yLabel: "agents", yMin: 0, yMax: math.NaN()},
		{title: "the plan's cost per interval", yLabel: "cost", yMin: 0, yMax: math.NaN()},
	}
	var lines []line
	for i, pool := range cfg.Pools {
		rows := rowsWhere(t, "pool", pool.Name)
		sty := poolStyle(i)
		lines = append(lines, line{name: pool.Name, s: stepSeries(t, rows, "agents", 1, tl), style: sty})
		erl := sty
		erl.Width = vg.Points(1)
		erl.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
		lines = append(lines, line{s: stepSeries(t, rows, "erlang_agents", 1, tl), style: erl, ref: true})
		own := sty
		own.Width = vg.Points(0.8)
		own.Dashes = []vg.Length{vg.Points(1.5), vg.Points(2)}
		lines = append(lines, line{s: stepSeries(t, rows, "scenario_agents", 1, tl), style: own, ref: true})
		lines = append(lines, line{s: stepSeries(t, rows, "cost", 1, tl), style: sty, panel: 1})
	}
	note := "The agents the search schedules in each pool and interval (before shrinkage), against Erlang A's staffing for the demand the scenario met, interval by interval, and the scenario's own; below, what the plan costs in each interval (agents × hours × cost per hour)."
	empty := "The scenario has no agents to plan."
	return timeChart(StaffName, "Staffing plan: scheduled against needed", note, tl, panels, lines, nil, empty)
}
