package chart

import (
	"cmp"
	"errors"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	plottext "gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// timeChart makes a chart of lines over time. When no line has data it is
// drawn empty, with the reason empty as its note.
func timeChart(name, title, note string, tl timeline, panels []panel, lines []line, extra []legendItem, empty string) Chart {
	first := panel{yMin: math.NaN(), yMax: math.NaN()}
	if len(panels) > 0 {
		first = panels[0]
	}
	c := Chart{Name: name, Title: title, Note: note}
	if len(panels) == 0 || !slices.ContainsFunc(lines, func(l line) bool { return !l.ref && l.s.hasData() }) {
		c.Note = empty
		c.build = func(f frame) (*figure, error) { return emptyTimeFigure(tl, f, first, empty), nil }
		return c
	}
	memo := &lineMemo{}
	c.build = func(f frame) (*figure, error) {
		fig, err := timeFigure(tl, f, panels, lines, extra, memo)
		if errors.Is(err, errNoData) {
			return emptyTimeFigure(tl, f, first, empty), nil
		}
		return fig, err
	}
	return c
}

// named returns a series' legend entry: its name, marked when it has no
// data.
func named(name string, s series) string {
	if s.hasData() {
		return name
	}
	return name + " (no data)"
}

// withoutData lists, in words, the channels or pools whose lines have no
// data.
func withoutData(lines []line) string {
	var none []string
	for _, l := range lines {
		if l.about != "" && !l.s.hasData() {
			none = append(none, l.about)
		}
	}
	return output.JoinAnd(none)
}

// replications says what the figures are over.
func replications(ds *output.Dataset) string {
	if n := ds.Meta.Replications; n > 1 {
		return fmt.Sprintf(" Means over %d replications.", n)
	}
	return ""
}

func percent(share float64) string {
	return strconv.FormatFloat(100*share, 'f', -1, 64) + " %"
}

// dense tells whether a run has too many intervals to read a ratio's
// lines interval by interval: more than a week of hours.
func dense(tl timeline) bool { return tl.horizon/tl.interval > 168 }

// channelSeries reads a channel's figure col, times scale, interval by
// interval. On a dense run it returns instead the figure day by day (from
// the daily table) and, as a faint line beneath, interval by interval: the
// days show the trend, the intervals how much it varies within a day.
func channelSeries(ds *output.Dataset, tl timeline, ch chartChannel, col string, scale float64) (series, []line) {
	s := stepSeries(ds.Intervals, rowsWhere(ds.Intervals, "channel", ch.Name), col, scale, tl)
	if !dense(tl) || ds.Daily == nil || ds.Daily.Col(col) < 0 {
		return s, nil
	}
	sty := channelStyle(ch.index)
	c := color.RGBAModel.Convert(sty.Color).(color.RGBA)
	sty.Color = color.NRGBA{R: c.R, G: c.G, B: c.B, A: 0x50}
	sty.Width = vg.Points(0.8)
	faint := []line{{s: s, style: sty}}
	var days series
	for _, i := range rowsWhere(ds.Daily, "channel", ch.Name) {
		start := (ds.Daily.Float(i, "day") - 1) * 86400
		v := ds.Daily.Float(i, col) * scale
		days.add(start, v)
		days.add(math.Min(start+86400, tl.horizon), v)
	}
	return days, faint
}

// thick widens a line that stands for whole days over faint intervals.
func thick(sty draw.LineStyle, yes bool) draw.LineStyle {
	if yes {
		sty.Width = vg.Points(2.2)
	}
	return sty
}

// dailyNote explains the lines channelSeries draws on a dense run.
func dailyNote(tl timeline) string {
	if dense(tl) {
		return " Thick lines are whole days, faint lines single intervals."
	}
	return ""
}

// queueChart shows the contacts waiting at the end of each interval: the
// queue of a live channel, the backlog of a deferred one, in two panels
// when there are both, as their scales differ.
func queueChart(ds *output.Dataset, tl timeline) Chart {
	var waiting []chartChannel
	for _, ch := range channelsOf(ds) {
		if ch.Kind != string(models.SelfService) {
			waiting = append(waiting, ch)
		}
	}
	waiting, left := chartedChannels(ds, waiting)
	var live, deferred []chartChannel
	for _, ch := range waiting {
		if ch.live() {
			live = append(live, ch)
		} else {
			deferred = append(deferred, ch)
		}
	}
	var panels []panel
	var lines []line
	both := len(live) > 0 && len(deferred) > 0
	add := func(group []chartChannel, title string) {
		if len(group) == 0 {
			return
		}
		if !both {
			title = ""
		}
		pi := len(panels)
		panels = append(panels, panel{title: title, yLabel: "contacts waiting", yMin: 0, yMax: math.NaN()})
		for _, ch := range group {
			// The run starts with no one waiting.
			s := readingSeries(ds.Intervals, rowsWhere(ds.Intervals, "channel", ch.Name), "backlog", 1, tl).fromZero(0, tl)
			lines = append(lines, line{name: named(ch.Name, s), about: ch.Name, s: s, style: channelStyle(ch.index), panel: pi})
		}
	}
	add(live, "live channels: contacts in the queue")
	add(deferred, "deferred channels: contacts in the backlog")
	note := "Contacts waiting at the end of each interval, by channel: in the queue on live channels, in the backlog on deferred ones." + left + replications(ds)
	if none := withoutData(lines); none != "" {
		note += " No data for " + none + "."
	}
	empty := "No channel keeps a queue or a backlog in this run, so there are no waiting contacts to show."
	if len(panels) > 0 {
		empty = "The run has no queue or backlog figures to show."
	}
	return timeChart("queue", "Contacts waiting at the end of each interval", note, tl, panels, lines, nil, empty)
}

// serviceLevelChart shows each channel's service level interval by
// interval against its target.
func serviceLevelChart(ds *output.Dataset, tl timeline) Chart {
	var lines []line
	targets := false
	var served []chartChannel
	for _, ch := range channelsOf(ds) {
		if ch.Kind != string(models.SelfService) {
			served = append(served, ch)
		}
	}
	served, left := chartedChannels(ds, served)
	for _, ch := range served {
		s, faint := channelSeries(ds, tl, ch, "service_level", 100)
		label := ch.Name
		if ch.Target > 0 {
			label += " (target " + percent(ch.Target)
			if ch.WithinSecond > 0 {
				label += " within " + shortDuration(ch.WithinSecond)
			}
			label += ")"
		}
		lines = append(lines, faint...)
		lines = append(lines, line{name: named(label, s), about: ch.Name, s: s, style: thick(channelStyle(ch.index), len(faint) > 0)})
		if ch.Target > 0 {
			sty := channelStyle(ch.index)
			sty.Width = vg.Points(1.2)
			sty.Dashes = []vg.Length{vg.Points(7), vg.Points(4)}
			lines = append(lines, line{s: series{X: []float64{0, tl.horizon}, Y: []float64{100 * ch.Target, 100 * ch.Target}}, style: sty, ref: true})
			targets = true
		}
	}
	var extra []legendItem
	if targets {
		sty := draw.LineStyle{Color: mutedColor, Width: vg.Points(1.2), Dashes: []vg.Length{vg.Points(7), vg.Points(4)}}
		extra = append(extra, legendItem{name: "target (dashed)", color: mutedColor, thumbs: []plot.Thumbnailer{legendLine(sty)}})
	}
	panels := []panel{{yLabel: "service level (% of contacts offered)", yMin: 0, yMax: 100}}
	note := "The share of the contacts offered in each interval (by the interval they arrived in) that were answered within the channel's threshold; dashed lines are the targets. Gaps are intervals with no contacts." + dailyNote(tl) + left + replications(ds)
	if none := withoutData(lines); none != "" {
		note += " No contacts on " + none + "."
	}
	empty := "No channel has a service level in this run (self-service only, or no contacts at all)."
	return timeChart("service-level", "Service level per interval against the target", note, tl, panels, lines, extra, empty)
}

// abandonmentChart shows, for each live channel, the share of contacts
// whose customer gave up waiting.
func abandonmentChart(ds *output.Dataset, tl timeline) Chart {
	var lines []line
	var live []chartChannel
	for _, ch := range channelsOf(ds) {
		if ch.live() {
			live = append(live, ch)
		}
	}
	live, left := chartedChannels(ds, live)
	for _, ch := range live {
		s, faint := channelSeries(ds, tl, ch, "p_abandon", 100)
		lines = append(lines, faint...)
		lines = append(lines, line{name: named(ch.Name, s), about: ch.Name, s: s, style: thick(channelStyle(ch.index), len(faint) > 0)})
	}
	panels := []panel{{yLabel: "abandonment (% of contacts offered)", yMin: 0, yMax: math.NaN()}}
	note := "The share of the contacts offered on each live channel in each interval whose customer gave up waiting. Gaps are intervals with no contacts." + dailyNote(tl) + left + replications(ds)
	if none := withoutData(lines); none != "" {
		note += " No contacts on " + none + "."
	}
	empty := "No live channel had contacts in this run: customers abandon only while waiting on a live channel."
	if len(lines) == 0 {
		empty = "This run has no live channel: customers abandon only while waiting on a live channel."
	}
	return timeChart("abandonment", "Abandonment per interval", note, tl, panels, lines, nil, empty)
}

// occupancyChart shows each pool's occupancy interval by interval.
func occupancyChart(ds *output.Dataset, tl timeline) Chart {
	var lines []line
	pools := poolsOf(ds)
	shown, left := chartedPools(ds, pools)
	for _, i := range shown {
		pool := pools[i]
		s := stepSeries(ds.Staffing, rowsWhere(ds.Staffing, "pool", pool), "occupancy", 100, tl)
		lines = append(lines, line{name: named(pool, s), about: pool, s: s, style: poolStyle(i)})
	}
	panels := []panel{{yLabel: "occupancy (% of time present)", yMin: 0, yMax: 100}}
	note := "The share of their time present that each pool's agents spent handling contacts, interval by interval. Gaps are intervals with no agent present." + left + replications(ds)
	if none := withoutData(lines); none != "" {
		note += " No agent of " + none + " was ever present."
	}
	empty := "No agent was present in any interval (zero agents), so occupancy is undefined."
	if len(lines) == 0 {
		empty = "This run has no agent pools, so there is no occupancy to show."
	}
	return timeChart("occupancy", "Agent occupancy per interval, by pool", note, tl, panels, lines, nil, empty)
}

// expectationsChart shows the global expectation level and what it does
// to patience.
func expectationsChart(ds *output.Dataset, tl timeline) Chart {
	const name, title = "expectations", "Customers' expectation level"
	panels := []panel{
		{title: "expectation level", yLabel: "level (0 = as at the start)", yMin: math.NaN(), yMax: math.NaN()},
		{title: "patience, as a share of its starting value", yLabel: "patience (%)", yMin: 0, yMax: 100},
	}
	if ds.Expectation == nil {
		empty := "Word of mouth is off in this run: the expectation level stays at 0 and patience is unchanged."
		return timeChart(name, title, empty, tl, panels[:1], nil, nil, empty)
	}
	rows := make([]int, ds.Expectation.Len())
	for i := range rows {
		rows[i] = i
	}
	// The level starts at 0, and patience at its full value.
	level := readingSeries(ds.Expectation, rows, "level", 1, tl).fromZero(0, tl)
	patience := readingSeries(ds.Expectation, rows, "patience_factor", 100, tl).fromZero(100, tl)
	dark := draw.LineStyle{Color: inkColor, Width: vg.Points(1.6)}
	ref := draw.LineStyle{Color: mutedColor, Width: vg.Points(0.8), Dashes: []vg.Length{vg.Points(3), vg.Points(3)}}
	lines := []line{
		{s: series{X: []float64{0, tl.horizon}, Y: []float64{0, 0}}, style: ref, ref: true},
		{s: level, style: dark},
		{s: series{X: []float64{0, tl.horizon}, Y: []float64{100, 100}}, style: ref, panel: 1, ref: true},
		{s: patience, style: dark, panel: 1},
	}
	note := "The global expectation level at the end of each interval: above 0, stories of fast service have taught customers to expect more than at the start; below 0, less. Patience on every channel is multiplied by exp(−coupling × level)."
	if last := lastFinite(patience.Y); output.Finite(last) {
		note += fmt.Sprintf(" At the end of the run patience was %s of its starting value.", output.Value(last/100, output.UnitShare))
	}
	note += replications(ds)
	empty := "Word of mouth is on, but the run recorded no expectation level."
	return timeChart(name, title, note, tl, panels, lines, nil, empty)
}

func lastFinite(vs []float64) float64 {
	for i := len(vs) - 1; i >= 0; i-- {
		if output.Finite(vs[i]) {
			return vs[i]
		}
	}
	return math.NaN()
}

// reputationChart shows each channel's reputation, the wait customers
// expect there, on a logarithmic scale: waits range from seconds on chat
// to days on email.
func reputationChart(ds *output.Dataset, tl timeline) Chart {
	var lines []line
	logPositive := func(v float64) float64 {
		if v > 0 {
			return math.Log10(v)
		}
		return math.NaN()
	}
	shown, left := chartedChannels(ds, channelsOf(ds))
	for _, ch := range shown {
		s := readingSeries(ds.Intervals, rowsWhere(ds.Intervals, "channel", ch.Name), "expected_wait_seconds", 1.0/60, tl).mapY(logPositive)
		lines = append(lines, line{name: named(ch.Name, s), about: ch.Name, s: s, style: channelStyle(ch.index)})
	}
	panels := []panel{{yLabel: "expected wait (log scale)", yMin: math.NaN(), yMax: math.NaN(), logWait: true}}
	note := "Each channel's reputation: the wait customers expect there, at the end of each interval, on a logarithmic scale. It drives which channel new customers choose."
	if !ds.Meta.WordOfMouth {
		note += " Word of mouth is off in this run, so reputations stay where they started."
	}
	if none := withoutData(lines); none != "" {
		note += " No reputation for " + none + "."
	}
	note += left + replications(ds)
	empty := "The run recorded no channel's reputation (the wait customers expect)."
	return timeChart("reputation", "Channel reputations: the wait customers expect", note, tl, panels, lines, nil, empty)
}

// staffingChart shows the agents scheduled and present against the
// agents needed, over all pools and, when there are several, pool by
// pool.
func staffingChart(ds *output.Dataset, tl timeline) Chart {
	const name, title = "staffing", "Agents scheduled against agents needed"
	pools := poolsOf(ds)
	panels := []panel{{yLabel: "agents", yMin: 0, yMax: math.NaN()}}
	if len(pools) == 0 || ds.Staffing == nil || ds.Staffing.Len() == 0 {
		empty := "This run has no agent pools, so there is no staffing to show."
		return timeChart(name, title, empty, tl, panels, nil, nil, empty)
	}
	// Present agents are a wide pale band under the scheduled line, so
	// that both show where they are equal (no shrinkage).
	avail := draw.LineStyle{Color: color.RGBA{0xBB, 0xBB, 0xBB, 0xFF}, Width: vg.Points(3.5)}
	sched := draw.LineStyle{Color: inkColor, Width: vg.Points(1.3)}
	need := draw.LineStyle{Color: neededColor, Width: vg.Points(1.8), Dashes: []vg.Length{vg.Points(6), vg.Points(3)}}
	lines := []line{
		{name: "present (after shrinkage)", s: totalSeries(ds.Staffing, "available", tl), style: avail},
		{name: "scheduled", s: totalSeries(ds.Staffing, "scheduled", tl), style: sched},
		{name: "needed", s: totalSeries(ds.Staffing, "needed_agents", tl), style: need},
	}
	leftOut := ""
	if len(pools) > 1 {
		panels[0].title = "all pools"
		panels = append(panels, panel{title: "by pool: scheduled (solid) and needed (dashed)", yLabel: "agents", yMin: 0, yMax: math.NaN()})
		shown, left := chartedPools(ds, pools)
		leftOut = left
		for _, i := range shown {
			pool := pools[i]
			rows := rowsWhere(ds.Staffing, "pool", pool)
			sty := poolStyle(i)
			s := stepSeries(ds.Staffing, rows, "scheduled", 1, tl)
			lines = append(lines, line{name: pool, s: s, style: sty, panel: 1})
			sty.Width = vg.Points(1)
			sty.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
			lines = append(lines, line{s: stepSeries(ds.Staffing, rows, "needed_agents", 1, tl), style: sty, panel: 1, ref: true})
		}
	}
	note := "Agents scheduled (before shrinkage) and present, against the agents needed: for a live channel the fewest agents with which Erlang A meets its service-level target (80 % if it has none) at the interval's demand and the agent time a contact takes (handle time and after-call work), for a deferred channel the workload, shared among the pools that serve the channel."
	if lo, hi := lines[1].s.yRange(); lo == 0 && hi == 0 {
		note += " No agents were scheduled in this run."
	}
	note += leftOut + replications(ds)
	empty := "The run recorded no staffing figures."
	return timeChart(name, title, note, tl, panels, lines, nil, empty)
}

// totalSeries adds column col up over the pools, interval by interval;
// NaN where no pool has a figure. Each interval's figures are added in the
// order of the rows. Where every start is a whole number of intervals
// (start = k × interval exactly, as in a run's tables), interval k's sum is
// kept at index k of a slice (totalSeriesOnGrid); otherwise in a slot
// found by one look-up a row in a map made for the rows at once
// (TestTotalSeriesAsMaps: the same bits as three maps grown as they fill,
// either way).
func totalSeries(t *output.CSVTable, col string, tl timeline) series {
	if s, ok := totalSeriesOnGrid(t, col, tl); ok {
		return s
	}
	return totalSeriesByMap(t, col, tl)
}

// totalSeriesOnGrid is totalSeries for a table whose finite starts are all
// k × tl.interval for whole k from 0 to about 4 a row, each k a start of
// its own; it returns false, having made nothing, for any other.
func totalSeriesOnGrid(t *output.CSVTable, col string, tl timeline) (series, bool) {
	iv := tl.interval
	if !(iv > 0) || math.IsInf(iv, 0) {
		return series{}, false
	}
	limit := 4*t.Len() + 1024 // slots at most
	// By k: the start as first read, the sum, and the figures added (-1
	// where no row starts); sized for the horizon's intervals, which a
	// run's tables have.
	size := 0
	if h := tl.horizon / iv; h >= 0 && h < float64(limit) {
		size = int(math.Ceil(h))
	}
	firsts, sums, counts := make([]float64, 0, size), make([]float64, 0, size), make([]int, 0, size)
	rs, c := newRowStarts(t), t.Col(col)
	for i := range t.Len() {
		start := rs.of(i, iv)
		if !output.Finite(start) {
			continue
		}
		q := start / iv
		if !(q >= 0 && q < float64(limit)) {
			return series{}, false
		}
		k := int(q)
		if float64(k)*iv != start {
			return series{}, false
		}
		for len(counts) <= k {
			firsts, sums, counts = append(firsts, 0), append(sums, 0), append(counts, -1)
		}
		if counts[k] < 0 {
			firsts[k], counts[k] = start, 0
		}
		if v := t.FloatAt(i, c); output.Finite(v) {
			sums[k] += v
			counts[k]++
		}
	}
	n := 0
	prev := math.Inf(-1)
	for k, cnt := range counts {
		if cnt < 0 {
			continue
		}
		if !(firsts[k] > prev) { // two k of one start: the map's one slot
			return series{}, false
		}
		prev = firsts[k]
		n++
	}
	// The starts and sums of the k that have rows, moved to the front.
	n = 0
	for k, cnt := range counts {
		if cnt < 0 {
			continue
		}
		v := math.NaN()
		if cnt > 0 {
			v = sums[k]
		}
		firsts[n], sums[n] = firsts[k], v
		n++
	}
	x := tl.xs.get(2*n, func(k int) float64 {
		if k%2 == 1 {
			return tl.end(firsts[k/2])
		}
		return firsts[k/2]
	})
	y := make([]float64, 2*n)
	for k, v := range sums[:n] {
		y[2*k], y[2*k+1] = v, v
	}
	return series{X: x, Y: y}, true
}

// totalSeriesByMap is totalSeries for any table.
func totalSeriesByMap(t *output.CSVTable, col string, tl timeline) series {
	slot := make(map[float64]int, t.Len()) // of each interval's start
	var starts, sums []float64
	var counts []int
	rs, c := newRowStarts(t), t.Col(col)
	for i := range t.Len() {
		start := rs.of(i, tl.interval)
		if !output.Finite(start) {
			continue
		}
		j, ok := slot[start]
		if !ok {
			j = len(starts)
			slot[start] = j
			starts, sums, counts = append(starts, start), append(sums, 0), append(counts, 0)
		}
		if v := t.FloatAt(i, c); output.Finite(v) {
			sums[j] += v
			counts[j]++
		}
	}
	// The starts are distinct (as map keys), so their order is one.
	order := make([]int, len(starts))
	for j := range order {
		order[j] = j
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(starts[a], starts[b]) })
	s := series{X: make([]float64, 0, 2*len(order)), Y: make([]float64, 0, 2*len(order))}
	for _, j := range order {
		v := math.NaN()
		if counts[j] > 0 {
			v = sums[j]
		}
		s.add(starts[j], v)
		s.add(tl.end(starts[j]), v)
	}
	return s
}

// costChart shows the cost of the agents scheduled per day of the measured
// window, pools stacked.
func costChart(ds *output.Dataset, tl timeline) Chart {
	const name, title = "cost", "Staff cost per day, by pool"
	pools := poolsOf(ds)
	first := int(tl.warmup / 86400) // the first day with measured time
	days := tl.days() - first
	costs := make([][]float64, len(pools))
	byName := make(map[string]int, len(pools))
	for p, pool := range pools {
		costs[p] = make([]float64, days)
		if _, ok := byName[pool]; !ok {
			byName[pool] = p
		}
	}
	total := 0.0
	if t := ds.Staffing; t != nil {
		poolCol, dayCol, costCol, rs := t.Col("pool"), t.Col("day"), t.Col("cost"), newRowStarts(t)
		for i := range t.Len() {
			p, ok := byName[t.TextAt(i, poolCol)]
			if !ok {
				continue
			}
			day := t.FloatAt(i, dayCol) - 1
			if !output.Finite(day) {
				day = math.Floor(rs.of(i, tl.interval) / 86400)
			}
			if v := t.FloatAt(i, costCol); output.Finite(v) && output.Finite(day) && int(day) >= first && int(day)-first < days {
				d := int(day)
				costs[p][d-first] += v
				total += v
			}
		}
	}
	c := Chart{Name: name, Title: title}
	if !(total > 0) {
		switch {
		case len(pools) == 0:
			c.Note = "This run has no agent pools, so there is no cost to show."
		case slices.ContainsFunc(ds.Meta.Pools, func(p output.PoolMeta) bool { return p.CostPerHour > 0 }):
			c.Note = "No agent was scheduled in the measured window, so the staff cost nothing."
		default:
			c.Note = "Agents cost nothing in this run (no pool has a cost per hour), so there is no cost to show."
		}
		note := c.Note
		c.build = func(f frame) (*figure, error) {
			return emptyDayFigure(tl, f, first, days, "cost per day", note), nil
		}
		return c
	}
	c.Note = fmt.Sprintf("The cost of the agents scheduled, per day of the measured window and pool, in the scenario's currency: scheduled hours × the pool's cost per hour. In all, %s.", output.Value(total, output.UnitMoney))
	colors := make([]color.Color, len(pools))
	for i := range pools {
		colors[i] = poolColor(i)
	}
	if n := len(pools); n > MaxLines {
		pools, costs, colors = otherPools(pools, costs, colors)
		c.Note += fmt.Sprintf(" With %d pools, the %d that cost the most have a bar each and the other %d are stacked as one.",
			n, len(pools)-1, n-len(pools)+1)
	}
	c.Note += replications(ds)
	c.build = func(f frame) (*figure, error) {
		return costFigure(tl, f, pools, costs, colors, first)
	}
	return c
}

// otherPools keeps the MaxLines-1 pools that cost the most, in their
// order, and adds the others up as a last one, "N other pools", drawn in
// the muted colour.
func otherPools(pools []string, costs [][]float64, colors []color.Color) ([]string, [][]float64, []color.Color) {
	idx := make([]int, len(pools))
	for i := range idx {
		idx[i] = i
	}
	kept, dropped := output.TopN(idx, MaxLines-1, func(i int) float64 {
		sum := 0.0
		for _, v := range costs[i] {
			sum += v
		}
		return sum
	})
	var names []string
	var sums [][]float64
	var cols []color.Color
	rest := make([]float64, len(costs[0]))
	for _, i := range kept {
		names, sums, cols = append(names, pools[i]), append(sums, costs[i]), append(cols, colors[i])
	}
	for i := range pools {
		if !slices.Contains(kept, i) {
			for d, v := range costs[i] {
				rest[d] += v
			}
		}
	}
	names = append(names, fmt.Sprintf("%d other pools", dropped))
	return names, append(sums, rest), append(cols, mutedColor)
}

// costFigure stacks each day's cost by pool, each pool in its colour.
func costFigure(tl timeline, f frame, pools []string, costs [][]float64, colors []color.Color, first int) (*figure, error) {
	days := len(costs[0])
	p := newPlot()
	p.Y.Label.Text = "cost per day (the scenario's currency)"
	p.X.Label.Text = "day of the run"
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal = draw.LineStyle{Color: gridColor, Width: vg.Points(0.6)}
	p.Add(grid)
	width := min(vg.Points(60), f.plotWidth()/vg.Length(days)*0.7)
	fig := &figure{notes: []string{""}}
	var below *plotter.BarChart
	hi := 0.0
	sums := make([]float64, days)
	for i, pool := range pools {
		bars, err := plotter.NewBarChart(plotter.Values(costs[i]), width)
		if err != nil {
			return nil, err
		}
		bars.Color = colors[i]
		bars.LineStyle = draw.LineStyle{Color: color.White, Width: vg.Points(0.5)}
		if below != nil {
			bars.StackOn(below)
		}
		below = bars
		p.Add(bars)
		label := pool
		if !slices.ContainsFunc(costs[i], func(v float64) bool { return v > 0 }) {
			label += " (no cost)"
		}
		fig.legend = append(fig.legend, legendItem{name: label, color: colors[i], thumbs: []plot.Thumbnailer{bars}})
		for d, v := range costs[i] {
			sums[d] += v
			hi = math.Max(hi, sums[d])
		}
	}
	p.X.Tick.Marker = dayTicks(tl, f, first, days)
	p.X.Min, p.X.Max = -0.6, float64(days)-0.4
	p.Y.Min, p.Y.Max = 0, niceCeil(hi, 5)
	p.Y.Tick.Marker = numberTicks{n: 5}
	fig.panels = []*plot.Plot{p}
	// Legends list top to bottom; stacks pile bottom to top.
	slices.Reverse(fig.legend)
	return fig, nil
}

// emptyDayFigure is a chart by day with nothing to show.
func emptyDayFigure(tl timeline, f frame, first, days int, yLabel, note string) *figure {
	p := newPlot()
	p.Y.Label.Text = yLabel
	p.X.Label.Text = "day of the run"
	p.X.Tick.Marker = dayTicks(tl, f, first, days)
	p.X.Min, p.X.Max = -0.6, float64(days)-0.4
	p.Y.Min, p.Y.Max = 0, 1
	p.Y.Tick.Marker = plot.ConstantTicks{}
	return &figure{panels: []*plot.Plot{p}, notes: []string{note}}
}

// dayTicks labels the days of a bar chart, days[k] at x = k, leaving
// some out when they would not fit.
func dayTicks(tl timeline, f frame, first, days int) plot.Ticker {
	every := max(1, int(math.Ceil(float64(days)/math.Max(1, float64(f.plotWidth()/vg.Points(52))))))
	for _, e := range []int{1, 2, 7, 14, 28} {
		if e >= every {
			every = e
			break
		}
	}
	var ticks plot.ConstantTicks
	for k := range days {
		t := plot.Tick{Value: float64(k)}
		if k%every == 0 {
			t.Label = tl.dayLabel(first + k)
		}
		ticks = append(ticks, t)
	}
	return ticks
}

// flowsChart shows customers' moves between channels as a heat map: from
// the channel of the row to the channel of the column.
func flowsChart(ds *output.Dataset, tl timeline) Chart {
	const name, title = "flows", "Customers moving between channels"
	var names []string
	for _, ch := range channelsOf(ds) {
		names = append(names, ch.Name)
	}
	fm := output.NewFlowMatrix(names, ds.Flows)
	names, m, total, seen, others := fm.Names, fm.Moves, fm.Total, fm.Seen, fm.Note
	n := len(names)
	c := Chart{Name: name, Title: title}
	switch {
	case n < 2:
		c.Note = "This run has a single channel, so customers cannot move between channels."
	case !seen:
		c.Note = "The run recorded no moves between channels."
	}
	if c.Note != "" {
		note := c.Note
		c.build = func(f frame) (*figure, error) {
			p := newPlot()
			p.X.Label.Text, p.Y.Label.Text = "to channel", "from channel"
			p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
			p.X.Tick.Marker, p.Y.Tick.Marker = plot.ConstantTicks{}, plot.ConstantTicks{}
			return &figure{panels: []*plot.Plot{p}, notes: []string{note}, maxWidth: f.height * 1.2}, nil
		}
		return c
	}
	c.Note = fmt.Sprintf("How many times customers moved from the channel of a row to the channel of a column in the measured window, after a failure, a chase, an escalation, or self-service sending them on: %s moves in all.", output.SpokenCount(total, ds.Meta.Replications))
	if total == 0 {
		c.Note = "No customer moved between channels in the measured window."
	}
	c.Note += others + replications(ds)
	scale := "moves"
	if ds.Meta.Replications > 1 {
		scale = "moves per replication"
	}
	c.build = func(f frame) (*figure, error) { return flowsFigure(names, m, scale, f) }
	return c
}

// flowGrid is the matrix of moves as gonum's heat map reads it: column c
// is the channel moved to, row r counts from the bottom, so that the first
// channel's row is at the top as in a table.
type flowGrid struct{ m [][]float64 }

// Dims is the grid's size: a column and a row per channel.
func (g flowGrid) Dims() (c, r int) { return len(g.m), len(g.m) }

// Z is the moves of cell (c, r).
func (g flowGrid) Z(c, r int) float64 { return g.m[len(g.m)-1-r][c] }

// X is column c's place.
func (g flowGrid) X(c int) float64 { return float64(c) }

// Y is row r's place.
func (g flowGrid) Y(r int) float64 { return float64(r) }

// flowsFigure draws the matrix of moves with the numbers in its cells and a
// colour scale beside it.
func flowsFigure(names []string, m [][]float64, scale string, f frame) (*figure, error) {
	n := len(names)
	hi := 0.0
	for _, row := range m {
		for _, v := range row {
			if output.Finite(v) {
				hi = math.Max(hi, v)
			}
		}
	}
	if hi == 0 {
		hi = 1 // all zeros: a scale from 0 to 1
	}
	// From pale to dark blue (ColorBrewer's "Blues"): more moves, darker.
	dark, err := moreland.NewLuminance([]color.Color{
		color.RGBA{0x08, 0x30, 0x6B, 0xFF}, color.RGBA{0x6B, 0xAE, 0xD6, 0xFF}, color.RGBA{0xF7, 0xFB, 0xFF, 0xFF},
	})
	if err != nil {
		return nil, err
	}
	cmap := palette.Reverse(dark)
	cmap.SetMin(0)
	cmap.SetMax(hi)
	grid := flowGrid{m: m}
	heat := plotter.NewHeatMap(grid, cmap.Palette(256))
	heat.Min, heat.Max = 0, hi
	heat.NaN = emptyColor

	p := newPlot()
	p.Add(heat)
	var cells plotter.XYLabels
	var styles []plottext.Style
	for r := range n {
		for col := range n {
			v := grid.Z(col, r)
			label := "–"
			sty := chartText(cellFontSize(n), false)
			sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
			if output.Finite(v) {
				label = output.Value(v, output.UnitCount)
				if v/hi > 0.55 {
					sty.Color = color.White
				}
			} else {
				sty.Color = mutedColor
			}
			cells.XYs = append(cells.XYs, plotter.XY{X: float64(col), Y: float64(r)})
			cells.Labels = append(cells.Labels, label)
			styles = append(styles, sty)
		}
	}
	labels, err := plotter.NewLabels(cells)
	if err != nil {
		return nil, err
	}
	labels.TextStyle = styles
	p.Add(labels)
	var xt, yt plot.ConstantTicks
	for k, name := range names {
		xt = append(xt, plot.Tick{Value: float64(k), Label: name})
		yt = append(yt, plot.Tick{Value: float64(n - 1 - k), Label: name})
	}
	p.X.Tick.Marker, p.Y.Tick.Marker = xt, yt
	p.X.Label.Text, p.Y.Label.Text = "to channel", "from channel"
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5, -0.5, float64(n)-0.5
	p.X.Padding, p.Y.Padding = 0, 0
	p.X.Tick.Length, p.Y.Tick.Length = 0, 0

	bar := newPlot()
	bar.Add(&plotter.ColorBar{ColorMap: cmap, Vertical: true})
	bar.HideX()
	bar.Y.Label.Text = scale
	bar.Y.Padding = 0
	bar.Y.Tick.Marker = numberTicks{n: 5}
	return &figure{panels: []*plot.Plot{p}, notes: []string{""}, colorBar: bar, maxWidth: f.height * 1.2}, nil
}

// cellFontSize shrinks the numbers in the cells as the matrix grows.
func cellFontSize(n int) float64 {
	return math.Max(8, math.Min(13, 40/math.Sqrt(float64(n))))
}
