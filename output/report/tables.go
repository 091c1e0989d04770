package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// tables returns the report's tables: each channel by day, the channels'
// figures by class of customer (with classes), the customers by day, the
// pools over the run and the customers' moves between channels.
func (v *reportView) tables() []reportSection {
	var out []reportSection
	for i := range v.meta.Channels {
		out = append(out, v.channelDays(i))
	}
	if s, ok := v.classes(); ok {
		out = append(out, s)
	}
	out = append(out, v.customerDays(), v.poolTotals())
	if s, ok := v.moves(); ok {
		out = append(out, s)
	}
	return out
}

// warmupNote says which days hold the warm-up, which the findings leave out
// and the tables show dimmed.
func (v *reportView) warmupNote() []string {
	if !(v.meta.WarmupSeconds > 0) {
		return nil
	}
	return []string{fmt.Sprintf("Dimmed days are wholly or partly the warm-up (the first %s), which the findings leave out.",
		models.FormatDuration(v.meta.WarmupSeconds))}
}

// inWarmup tells whether day d (from 1) holds part of the warm-up.
func (v *reportView) inWarmup(d int) bool {
	return d >= 1 && float64(d-1)*86400 < v.meta.WarmupSeconds
}

// reportColumn is a column of a table by day: a figure of a CSV table.
type reportColumn struct {
	key, label, unit string
}

// channelDays is channel i day by day: offered, answered, abandoned and
// abandonment (live channels, or any that had contacts abandoned), service
// level and ASA (all but self-service), the after-call work and the
// callbacks offered, taken and kept (where any day had them), the backlog
// at the day's end (deferred channels) and the expected wait (under word
// of mouth).
func (v *reportView) channelDays(i int) reportSection {
	ch := v.meta.Channels[i]
	t, rows := v.daily, v.dayRows[i]
	abandoned := ch.Kind == string(models.Live)
	for _, r := range rows {
		abandoned = abandoned || reportNonZero(t.Float(r, "abandoned"))
	}
	keys := []string{"offered", "answered"}
	if abandoned {
		keys = append(keys, "abandoned", "p_abandon")
	}
	if ch.Kind != string(models.SelfService) {
		keys = append(keys, "service_level", "asa_seconds")
	}
	has := func(key string) bool {
		return slices.ContainsFunc(rows, func(r int) bool { return reportNonZero(t.Float(r, key)) })
	}
	if has("acw_seconds") {
		keys = append(keys, "acw_seconds")
	}
	if has("callbacks_offered") {
		keys = append(keys, "callbacks_offered", "callbacks_accepted", "callbacks_kept")
	}
	if ch.Kind == string(models.Deferred) {
		keys = append(keys, "backlog")
	}
	if v.meta.WordOfMouth {
		keys = append(keys, "expected_wait_seconds")
	}
	var cols []reportColumn
	for _, key := range keys {
		f, _ := models.FigureByKey(key)
		c := reportColumn{key, f.Label, f.Unit}
		if key == "backlog" {
			c.label = "backlog at day end"
		}
		cols = append(cols, c)
	}
	s := reportSection{ID: v.id("days-", ch.Name), Title: ch.Name + " by day", Table: v.dayTable(t, rows, cols)}
	if ch.Kind != "" {
		s.Title += " (" + ch.Kind + ")"
	}
	if len(rows) == 0 {
		s.Notes = append(s.Notes, "The run has no days of "+ch.Name+" to show.")
	}
	s.Notes = append(s.Notes, v.warmupNote()...)
	return s
}

// dayTable is rows of t, one a day, in the given columns after the day and
// its weekday.
func (v *reportView) dayTable(t *output.CSVTable, rows []int, cols []reportColumn) *reportTable {
	tb := &reportTable{Head: []string{"day", "weekday"}}
	for _, c := range cols {
		tb.Head = append(tb.Head, c.label)
	}
	for _, r := range rows {
		dim := v.inWarmup(reportDayOf(t, r))
		row := []reportCell{{Text: t.Text(r, "day"), Left: true, Dim: dim}, {Text: reportWeekdayShort(t.Text(r, "weekday")), Left: true, Dim: dim}}
		for _, c := range cols {
			row = append(row, reportCell{Text: v.format(t.Float(r, c.key), c.unit), Dim: dim})
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// format formats a figure of a table: counts as means per replication,
// the rest by their unit.
func (v *reportView) format(x float64, unit string) string {
	if unit == output.UnitCount {
		return v.count(x)
	}
	return output.Value(x, unit)
}

// reportCustomerKeys are the customers' figures the table by day shows.
var reportCustomerKeys = []string{"customers", "resolved_share", "gave_up_share", "contacts_per_customer",
	"contacts_per_resolution", "switches_per_customer", "satisfaction"}

// customerDays is the customers by the day their journey began, with the
// run over the measured window at the foot.
func (v *reportView) customerDays() reportSection {
	t := v.customers
	var cols []reportColumn
	for _, key := range reportCustomerKeys {
		for _, f := range models.CustomerFigures {
			if f.Key == key {
				cols = append(cols, reportColumn{key, f.Label, f.Unit})
			}
		}
	}
	rows := make([]int, t.Len())
	for r := range rows {
		rows[r] = r
	}
	s := reportSection{ID: "customers", Title: "Customers by day", Table: v.dayTable(t, rows, cols)}
	c := v.customerTotals()
	if c.customers > 0 {
		run := map[string]float64{
			"customers": c.customers, "resolved_share": c.resolvedShare(), "gave_up_share": c.gaveUpShare(),
			"contacts_per_customer": c.perCustomer(), "contacts_per_resolution": c.perResolution(),
			"switches_per_customer": c.switchesPer(), "satisfaction": c.satisfactionMean(),
		}
		foot := []reportCell{{Text: "run", Left: true}, {Text: "", Left: true}}
		for _, col := range cols {
			foot = append(foot, reportCell{Text: v.format(run[col.key], col.unit)})
		}
		s.Table.Foot = append(s.Table.Foot, foot)
		s.Notes = append(s.Notes, "Customers count by the day their journey began. The run row covers the measured window, each day weighted by its customers.")
	}
	if t.Len() == 0 {
		s.Notes = append(s.Notes, "The run has no customers to show.")
	}
	s.Notes = append(s.Notes, v.warmupNote()...)
	return s
}

// reportPoolTotal is a pool's staffing over the measured window.
type reportPoolTotal struct {
	scheduled, available, busy, cost float64 // hours, hours, hours, money
}

func (p reportPoolTotal) occupancy() float64 { return reportRatio(p.busy, p.available) }

// poolTotal adds up pool p's intervals in the measured window: scheduled
// hours (headcount before shrinkage), available hours, busy hours and cost,
// as means per replication. The findings and the table of pools both ask:
// each pool is added up once (sumPool) and remembered.
func (v *reportView) poolTotal(p int) reportPoolTotal {
	if v.poolSums == nil {
		v.poolSums = make([]reportPoolTotal, len(v.poolRows))
		for i := range v.poolRows {
			v.poolSums[i] = v.sumPool(i)
		}
	}
	return v.poolSums[p]
}

// sumPool is poolTotal, added up.
func (v *reportView) sumPool(p int) reportPoolTotal {
	t := v.staffing
	var tot reportPoolTotal
	for _, r := range v.poolRows[p] {
		start := t.Float(r, "start_seconds")
		length := v.ivLength(start)
		in := v.measured(start, length)
		if !(in > 0) || !(length > 0) {
			continue
		}
		hours := length * in / 3600
		reportAdd(&tot.scheduled, t.Float(r, "scheduled")*hours)
		reportAdd(&tot.available, t.Float(r, "available")*hours)
		reportAdd(&tot.busy, t.Float(r, "busy")*hours)
		reportAdd(&tot.cost, t.Float(r, "cost")*in)
	}
	return tot
}

// poolTotals is a row per pool over the measured window, and their total.
func (v *reportView) poolTotals() reportSection {
	costs := false
	for _, p := range v.meta.Pools {
		costs = costs || p.CostPerHour > 0
	}
	tb := &reportTable{Head: []string{"pool", "serves", "scheduled hours", "available hours", "occupancy"}}
	if costs {
		tb.Head = append(tb.Head, "cost")
	}
	row := func(name, serves string, p reportPoolTotal) []reportCell {
		cells := []reportCell{{Text: name, Left: true}, {Text: serves, Left: true},
			{Text: output.Value(p.scheduled, output.UnitHours)}, {Text: output.Value(p.available, output.UnitHours)},
			{Text: output.Value(p.occupancy(), output.UnitShare)}}
		if costs {
			cells = append(cells, reportCell{Text: output.Value(p.cost, output.UnitMoney)})
		}
		return cells
	}
	var all reportPoolTotal
	for p, pool := range v.meta.Pools {
		tot := v.poolTotal(p)
		all.scheduled += tot.scheduled
		all.available += tot.available
		all.busy += tot.busy
		all.cost += tot.cost
		tb.Rows = append(tb.Rows, row(pool.Name, strings.Join(pool.Skills, ", "), tot))
	}
	if len(v.meta.Pools) > 1 {
		tb.Foot = append(tb.Foot, row("total", "", all))
	}
	s := reportSection{ID: "pools", Title: "Pools over the run", Table: tb}
	if len(v.meta.Pools) == 0 {
		s.Notes = append(s.Notes, "The run has no pools of agents.")
	} else {
		s.Notes = append(s.Notes, "Over the measured window. Scheduled hours are before shrinkage; available hours are agents present; occupancy is time handling ÷ time available.")
		if v.meta.Replications > 1 {
			s.Notes = append(s.Notes, "Hours and costs are means per replication.")
		}
		if !(all.scheduled > 0) {
			s.Notes = append(s.Notes, "No agent was scheduled in the measured window.")
		}
	}
	return s
}

// moves is the customers' moves between channels, a row per channel they
// left and a column per channel they went to; ok is false when nobody
// moved.
func (v *reportView) moves() (reportSection, bool) {
	names := make([]string, len(v.meta.Channels))
	for i, ch := range v.meta.Channels {
		names[i] = ch.Name
	}
	fm := output.NewFlowMatrix(names, v.flows)
	moved := false
	for _, row := range fm.Moves {
		for _, x := range row {
			moved = moved || reportNonZero(x)
		}
	}
	if !moved {
		return reportSection{}, false
	}
	tb := &reportTable{Head: append([]string{"from \\ to"}, fm.Names...)}
	for i, from := range fm.Names {
		row := []reportCell{{Text: from, Left: true}}
		for j, x := range fm.Moves[i] {
			cell := "–"
			if output.Finite(x) {
				cell = v.count(x)
			}
			if fm.Diagonal(i, j) {
				cell = ""
			}
			row = append(row, reportCell{Text: cell})
		}
		tb.Rows = append(tb.Rows, row)
	}
	s := reportSection{ID: "moves", Title: "Moves between channels", Table: tb,
		Notes: []string{"Times a customer left the channel of a row for the channel of a column, in the measured window." + fm.Note}}
	if v.meta.Replications > 1 {
		s.Notes = append(s.Notes, "Means per replication.")
	}
	return s, true
}
