package chart

import (
	"math"

	"gonum.org/v1/plot/vg"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// RosterName is the file stem of a roster's coverage chart.
const RosterName = "roster-coverage"

// Roster draws a roster's coverage against its requirement from t, the
// roster's coverage.csv (pool, interval, start_seconds, need, roster), over
// intervals of interval seconds from a day whose weekday is start: per
// pool, the agents the roster puts on the floor (solid) against those the
// requirement needs (dashed); below, the roster less the need, above zero
// where over-staffed, below where short.
func Roster(t *output.CSVTable, start models.Weekday, interval float64) Chart {
	horizon := interval
	if t != nil {
		for i := range t.Len() {
			if v := rowStart(t, i, interval); output.Finite(v) {
				horizon = math.Max(horizon, v+interval)
			}
		}
	}
	tl := timeline{start: start, named: true, horizon: horizon, interval: interval}
	panels := []panel{
		{title: "agents on the floor: the roster (solid) against the requirement (dashed)", yLabel: "agents", yMin: 0, yMax: math.NaN()},
		{title: "the roster less the requirement: over above zero, short below", yLabel: "agents", yMin: math.NaN(), yMax: math.NaN()},
	}
	var lines []line
	for i, pool := range distinct(t, "pool") {
		rows := rowsWhere(t, "pool", pool)
		sty := poolStyle(i)
		lines = append(lines, line{name: pool, about: pool, s: stepSeries(t, rows, "roster", 1, tl), style: sty})
		need := sty
		need.Width = vg.Points(1)
		need.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
		lines = append(lines, line{s: stepSeries(t, rows, "need", 1, tl), style: need, ref: true})
		var diff series
		for _, r := range rows {
			s := rowStart(t, r, interval)
			v := t.Float(r, "roster") - t.Float(r, "need")
			diff.add(s, v)
			diff.add(tl.end(s), v)
		}
		lines = append(lines, line{s: diff, style: sty, panel: 1})
	}
	note := "The agents each pool's roster puts on the floor in each interval (breaks and lunches off it), against the agents the requirement needs; below, the difference."
	return timeChart(RosterName, "Roster: coverage against the requirement", note, tl, panels, lines, nil, "The roster has no interval to draw.")
}
