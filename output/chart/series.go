package chart

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// errNoData is what a chart builder returns when there is nothing to draw:
// no rows, or no finite number among them.
var errNoData = errors.New("output: no data to draw")

// series is a line of a chart: x in seconds from the start of the run, y
// in the chart's unit, a NaN y being a gap (an interval with no data). It
// implements plotter.XYer.
type series struct {
	X, Y []float64
}

// Len returns the number of points.
func (s series) Len() int { return len(s.X) }

// XY returns point i.
func (s series) XY(i int) (x, y float64) { return s.X[i], s.Y[i] }

func (s *series) add(x, y float64) {
	s.X = append(s.X, x)
	s.Y = append(s.Y, y)
}

// hasData tells whether any point of s is finite.
func (s series) hasData() bool { return slices.ContainsFunc(s.Y, output.Finite) }

// runs splits s at its gaps into runs of finite points: parts of s, not
// copies, to be read and not changed.
func (s series) runs() []series {
	var out []series
	from := -1 // the start of the run being read, -1 in a gap
	for i := range s.X {
		if output.Finite(s.X[i]) && output.Finite(s.Y[i]) {
			if from < 0 {
				from = i
			}
			continue
		}
		if from >= 0 {
			out = append(out, series{X: s.X[from:i:i], Y: s.Y[from:i:i]})
			from = -1
		}
	}
	if from >= 0 {
		out = append(out, series{X: s.X[from:len(s.X):len(s.X)], Y: s.Y[from:len(s.Y):len(s.Y)]})
	}
	return out
}

// yRange returns the least and greatest finite y, or NaNs.
func (s series) yRange() (lo, hi float64) {
	lo, hi = math.NaN(), math.NaN()
	for _, y := range s.Y {
		if !output.Finite(y) {
			continue
		}
		if !(y >= lo) {
			lo = y
		}
		if !(y <= hi) {
			hi = y
		}
	}
	return lo, hi
}

// map returns s with f applied to every y.
func (s series) mapY(f func(float64) float64) series {
	out := series{X: s.X, Y: make([]float64, len(s.Y))}
	for i, y := range s.Y {
		out.Y[i] = f(y)
	}
	return out
}

// plotters draws s in style sty: one line for each run of finite points,
// and a dot for a run of one point, which a line would not show. A run of
// many more points than the chart is wide in pixels (columns) is thinned
// first, keeping what shows (see thin); columns ≤ 0 keeps every point.
// The runs of a line so thinned are drawn as filled bands (plotBand), not
// stroked. The lines and dots are one plotter (paddedLine), drawn in
// their order. It returns errNoData when s has no finite point.
func (s series) plotters(sty draw.LineStyle, columns int) ([]plot.Plotter, error) {
	runs, grid := thinRunsOn(s.runs(), columns)
	if len(runs) == 0 {
		return nil, errNoData
	}
	l := &paddedLine{width: sty.Width, memo: &boxMemo{}, band: grid}
	for _, r := range runs {
		if r.Len() == 1 {
			dot, err := plotter.NewScatter(r)
			if err != nil {
				return nil, err
			}
			dot.GlyphStyle = draw.GlyphStyle{Color: sty.Color, Radius: sty.Width * 1.5, Shape: draw.CircleGlyph{}}
			l.parts = append(l.parts, dot)
			continue
		}
		if grid != nil {
			// Drawn as a band (plotBand), whole.
			line, err := plotter.NewLine(r)
			if err != nil {
				return nil, err
			}
			line.LineStyle = sty
			l.parts = append(l.parts, line)
			continue
		}
		// Stroked in pieces: the rasterizer's time grows with the square
		// of the cells a single path crosses on a row of pixels.
		for _, piece := range r.pieces(pieceLen) {
			line, err := plotter.NewLine(piece)
			if err != nil {
				return nil, err
			}
			line.LineStyle = sty
			l.parts = append(l.parts, line)
		}
	}
	return []plot.Plotter{l}, nil
}

// paddedLine draws gonum Lines of one width, and dots (Scatters), one after
// the other as the plot would draw them added one by one, with the same
// data range; but its glyph boxes are, besides the dots' own, only those of
// its lines that can decide the plot's padding. gonum's Line gives a box for
// every point, half the line's width around it, which the plot gathers
// three times over for every draw (a 365-day run's charts allocated 4 GB of
// them); yet the plot only pads its data area by the box furthest left,
// right, down and up (padX and padY of gonum's plot.go: the first box to
// reach the least, or the greatest, canvas coordinate, among those inside
// the axes, reading only that box's x or y and its rectangle). The boxes
// kept are those of the points whose normalized x or y is within boxTie of
// the lines' least or greatest, in order, a value kept once per extreme
// (the lines' boxes have one rectangle): the box plot chooses is among
// them, or one that is the same in all it reads and comes after one kept,
// so the chart is drawn to the same pixel. A line of a series drawn in
// pieces, or of many runs, is one paddedLine: a 365-day chart's lines gave
// the plot a few boxes a piece, thousands a draw, where it now gives a few a
// line.
//
// A plot gathers the boxes three times a draw (padX, padY, and the data
// canvas of plot.Align), on axes that do not change meanwhile: memo keeps
// the boxes of the last axes asked for, which are the same numbers
// whenever the axes are.
type paddedLine struct {
	// parts are *plotter.Line of the width width, and *plotter.Scatter.
	parts []plot.Plotter
	width vg.Length
	memo  *boxMemo
	// band, when not nil, is the grid the lines were thinned on: each
	// line is then a thinned run, drawn as a band (plotBand).
	band *thinGrid
}

// Plot draws the parts in order, the lines by plotLine, which draws
// them as gonum does, or by plotBand, with memory reused from one to the
// next and from one draw to the next (lineScratches).
func (l *paddedLine) Plot(c draw.Canvas, p *plot.Plot) {
	s := lineScratches.get()
	if s == nil {
		s = new(lineScratch)
	}
	defer lineScratches.put(s)
	for _, q := range l.parts {
		if line, ok := q.(*plotter.Line); ok && line.FillColor == nil && line.StepStyle == plotter.NoStep {
			if l.band != nil {
				plotBand(c, p, line, *l.band, &s.band)
				continue
			}
			plotLine(c, p, line, &s.line)
			continue
		}
		q.Plot(c, p)
	}
}

// DataRange implements plot.DataRanger: the least and greatest x and y of
// the parts, as the plot would find them added one by one.
func (l *paddedLine) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax, ymin, ymax = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, q := range l.parts {
		a, b, c, d := q.(plot.DataRanger).DataRange()
		xmin, xmax = math.Min(xmin, a), math.Max(xmax, b)
		ymin, ymax = math.Min(ymin, c), math.Max(ymax, d)
	}
	return xmin, xmax, ymin, ymax
}

// boxMemo holds a line's glyph boxes for a plot, and the axes they were
// computed on.
type boxMemo struct {
	p        *plot.Plot
	axes     [4]float64 // X.Min, X.Max, Y.Min, Y.Max
	xs, ys   plot.Normalizer
	boxes    []plot.GlyphBox
	computed bool
}

// boxTie is how near, in the axes' normalized units (0 to 1), a point's x
// or y must be to the line's extreme to keep its box: far more than the
// rounding of a canvas coordinate (a few units of 1e-16 of the chart's
// width), so that no point the plot could choose is left out.
const boxTie = 1e-9

// GlyphBoxes implements plot.GlyphBoxer with the boxes that can pad the plot.
func (l *paddedLine) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	if l.memo == nil {
		return l.glyphBoxes(p)
	}
	m := l.memo
	axes := [4]float64{p.X.Min, p.X.Max, p.Y.Min, p.Y.Max}
	if m.computed && m.p == p && m.axes == axes && sameScale(m.xs, p.X.Scale) && sameScale(m.ys, p.Y.Scale) {
		return m.boxes
	}
	*m = boxMemo{p: p, axes: axes, xs: p.X.Scale, ys: p.Y.Scale, boxes: l.glyphBoxes(p), computed: true}
	return m.boxes
}

// sameScale tells whether two of an axis's scales are the same value:
// gonum's own scales are comparable; any other is taken as different.
func sameScale(a, b plot.Normalizer) bool {
	switch a.(type) {
	case plot.LinearScale, plot.LogScale:
		return a == b
	}
	return false
}

// glyphBoxes computes the boxes GlyphBoxes returns.
func (l *paddedLine) glyphBoxes(p *plot.Plot) []plot.GlyphBox {
	r := 0.5 * l.width
	norm := func(line *plotter.Line, i int) (u, v float64, in bool) {
		x, y := line.XY(i)
		u, v = p.X.Norm(x), p.Y.Norm(y)
		// plot.GlyphBoxes drops a box outside the axes, and a NaN is
		// never the furthest.
		return u, v, u >= 0 && u <= 1 && v >= 0 && v <= 1
	}
	lo, hi := [2]float64{math.Inf(1), math.Inf(1)}, [2]float64{math.Inf(-1), math.Inf(-1)}
	for _, q := range l.parts {
		line, ok := q.(*plotter.Line)
		if !ok || !(r > 0) {
			continue
		}
		for i := range line.XYs.Len() {
			u, v, in := norm(line, i)
			if !in {
				continue
			}
			lo[0], hi[0] = min(lo[0], u), max(hi[0], u)
			lo[1], hi[1] = min(lo[1], v), max(hi[1], v)
		}
	}
	rect := vg.Rectangle{Min: vg.Point{X: -r, Y: -r}, Max: vg.Point{X: r, Y: r}}
	var boxes []plot.GlyphBox
	// seen holds, for each extreme (least x, greatest x, least y,
	// greatest y), the values already kept near it.
	var seen [4][]float64
	for _, q := range l.parts {
		line, ok := q.(*plotter.Line)
		if !ok {
			if gb, ok := q.(plot.GlyphBoxer); ok {
				boxes = append(boxes, gb.GlyphBoxes(p)...)
			}
			continue
		}
		if !(r > 0) {
			continue // a box of no size pads nothing
		}
		for i := range line.XYs.Len() {
			u, v, in := norm(line, i)
			if !in {
				continue
			}
			keep := false
			for e, near := range [4]bool{u <= lo[0]+boxTie, u >= hi[0]-boxTie, v <= lo[1]+boxTie, v >= hi[1]-boxTie} {
				val := u
				if e >= 2 {
					val = v
				}
				if near && !slices.Contains(seen[e], val) {
					seen[e] = append(seen[e], val)
					keep = true
				}
			}
			if keep {
				boxes = append(boxes, plot.GlyphBox{X: u, Y: v, Rectangle: rect})
			}
		}
	}
	return boxes
}

// pieceLen is the most points a line is stroked with at once.
const pieceLen = 128

// pieces cuts r into runs of at most n points that follow on one another,
// each starting where the one before ended.
func (r series) pieces(n int) []series {
	if r.Len() <= n {
		return []series{r}
	}
	var out []series
	for i := 0; i < r.Len()-1; i += n - 1 {
		j := min(i+n, r.Len())
		out = append(out, series{X: r.X[i:j], Y: r.Y[i:j]})
	}
	return out
}

// thin returns a run of finite points with at most about four points per
// column, columns being the chart's width in pixels, when it has more than
// that: the x range is cut into columns equal slices, and of the points in
// each it keeps the first, the lowest, the highest and the last, in their
// order (the M4 method: Jugel et al., "M4: a visualization-oriented time
// series data aggregation", VLDB 2014). A line drawn through them covers
// the same pixels as one through every point, and takes a small part of the
// time: the rasterizer slows down more than linearly with a path's length,
// and a thousand-day run has 48,000 half hours. r is returned as it is when
// it is short enough, or when columns ≤ 0.
func (r series) thin(columns int) series {
	n := r.Len()
	if columns <= 0 || n <= 4*columns {
		return r
	}
	g := thinGrid{x0: r.X[0], span: r.X[n-1] - r.X[0], columns: columns}
	if !(g.span > 0) {
		return r
	}
	return r.thinOn(g)
}

// thinRuns thins the runs of a line (its stretches of finite points,
// split at its gaps, in order) together: when they have more than four
// points per column in all, each keeps the first, lowest, highest and last
// of its points in every column of one grid, that of the whole line (from
// the first run's first x to the last run's last). A line that stops and
// starts every night (a channel closed at night, a year of it) has runs
// far too short to be thinned one by one, yet together draw twenty points
// into a pixel column. The gaps stay where they are, and each run keeps
// every column's lowest and highest point: the line reaches, in every
// pixel column, the least and greatest value its points reach there
// (TestThinRunsKeepsTheEnvelope). Runs with four points per column or
// fewer in all are returned as they are, and so is a single run that
// thin would keep whole: a line of one run is thinned as thin does it.
func thinRuns(runs []series, columns int) []series {
	out, _ := thinRunsOn(runs, columns)
	return out
}

// thinRunsOn is thinRuns, and returns besides the grid the runs were
// thinned on, nil when they are returned as they are.
func thinRunsOn(runs []series, columns int) ([]series, *thinGrid) {
	n := 0
	for _, r := range runs {
		n += r.Len()
	}
	if columns <= 0 || n <= 4*columns {
		return runs, nil
	}
	last := runs[len(runs)-1]
	g := &thinGrid{x0: runs[0].X[0], span: last.X[last.Len()-1] - runs[0].X[0], columns: columns}
	if !(g.span > 0) {
		return runs, nil
	}
	out := make([]series, len(runs))
	for i, r := range runs {
		out[i] = r.thinOn(*g)
	}
	return out, g
}

// thinOn is thin on grid g.
func (r series) thinOn(g thinGrid) series {
	n := r.Len()
	var out series
	if n > 0 {
		// At most four points a column, made room for at once (grown
		// point by point, a 365-day folder's lines took 10 MB).
		room := n
		if cols := g.col(r.X[n-1]) - g.col(r.X[0]) + 1; cols > 0 {
			room = min(n, 4*cols)
		}
		out = series{X: make([]float64, 0, room), Y: make([]float64, 0, room)}
	}
	for i := 0; i < n; {
		col := g.col(r.X[i])
		j, lo, hi := i, i, i
		for ; j < n && g.col(r.X[j]) == col; j++ {
			if r.Y[j] < r.Y[lo] {
				lo = j
			}
			if r.Y[j] > r.Y[hi] {
				hi = j
			}
		}
		// The first, lowest, highest and last of the column's points
		// [i, j), in order and each once.
		keep := []int{i, lo, hi, j - 1}
		slices.Sort(keep)
		for k, p := range keep {
			if k == 0 || p != keep[k-1] {
				out.add(r.X[p], r.Y[p])
			}
		}
		i = j
	}
	return out
}

// timeline is the run's clock as charts need it.
type timeline struct {
	// start is the weekday of day 1; named tells whether it is known.
	start models.Weekday
	named bool
	// horizon, interval and warmup are in seconds.
	horizon, interval, warmup float64
	// xs shares the x's of the lines of one run's charts (nil: each line
	// has its own).
	xs *sharedXs
}

// timelineOf reads the run's clock from its description, or from its
// tables where the description lacks it.
func timelineOf(ds *output.Dataset) timeline {
	m := ds.Meta
	tl := timeline{horizon: m.HorizonSeconds, interval: m.IntervalSeconds, warmup: m.WarmupSeconds, xs: &sharedXs{}}
	if wd, err := models.ParseWeekday(m.Start); err == nil {
		tl.start, tl.named = wd, true
	}
	intervalSet := tl.interval > 0 && !math.IsInf(tl.interval, 0)
	horizonSet := tl.horizon > 0 && !math.IsInf(tl.horizon, 0)
	if intervalSet && horizonSet {
		// The tables' starts are read only for what the description
		// lacks: a run's description has both.
		return tl.withWarmup()
	}
	var starts []float64
	for _, t := range []*output.CSVTable{ds.Intervals, ds.Staffing, ds.Expectation} {
		if t == nil {
			continue
		}
		j := t.Col("start_seconds")
		for i := range t.Len() {
			if v := t.FloatAt(i, j); output.Finite(v) {
				starts = append(starts, v)
			}
		}
	}
	slices.Sort(starts)
	starts = slices.Compact(starts)
	if !intervalSet {
		tl.interval = 3600
		if len(starts) > 1 {
			tl.interval = starts[1] - starts[0]
		}
	}
	if !horizonSet {
		tl.horizon = tl.interval
		if len(starts) > 0 {
			tl.horizon = starts[len(starts)-1] + tl.interval
		}
	}
	return tl.withWarmup()
}

// withWarmup returns tl with its warm-up left out (0) when it is not a
// positive time before the horizon.
func (tl timeline) withWarmup() timeline {
	if !(tl.warmup > 0) || tl.warmup >= tl.horizon {
		tl.warmup = 0
	}
	return tl
}

// dayLabel names day d of the run (from 0) as "Mon 1", or "Day 1" when the
// weekday is unknown.
func (tl timeline) dayLabel(d int) string {
	if !tl.named {
		return "Day " + strconv.Itoa(d+1)
	}
	name := models.WeekdayAt(tl.start, float64(d)*86400).String()
	return strings.ToUpper(name[:1]) + name[1:] + " " + strconv.Itoa(d+1)
}

// end returns the end of the interval that starts at start.
func (tl timeline) end(start float64) float64 { return math.Min(start+tl.interval, tl.horizon) }

// days returns the number of days the horizon touches.
func (tl timeline) days() int { return max(1, int(math.Ceil(tl.horizon/86400-1e-9))) }

// rowsWhere returns the rows of t whose column col holds v, ordered by
// their start (rowStart with an interval of 0), those of the same start
// in table order.
func rowsWhere(t *output.CSVTable, col, v string) []int {
	if t == nil {
		return nil
	}
	rows := t.RowsWhere(col, v)
	starts := newRowStarts(t)
	sorted := true
	prev := math.Inf(-1)
	for _, i := range rows {
		s := starts.of(i, 0)
		if !(s >= prev) { // a start before the one before, or NaN
			sorted = false
			break
		}
		prev = s
	}
	if sorted {
		// A stable sort leaves rows in order by a start that never
		// decreases as they are: the same rows, without the sort's
		// comparisons (a run's tables are in time order).
		return rows
	}
	slices.SortStableFunc(rows, func(a, b int) int {
		sa, sb := starts.of(a, 0), starts.of(b, 0)
		switch {
		case sa < sb:
			return -1
		case sa > sb:
			return 1
		}
		return 0
	})
	return rows
}

// distinct returns the different values of column col, in the order they
// first appear.
func distinct(t *output.CSVTable, col string) []string {
	if t == nil {
		return nil
	}
	var out []string
	for i := range t.Len() {
		if v := t.Text(i, col); v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// rowStart returns when row i's interval starts: its start_seconds, or its
// interval number times the interval's length.
func rowStart(t *output.CSVTable, i int, interval float64) float64 {
	return newRowStarts(t).of(i, interval)
}

// rowStarts reads rowStart of a table's rows, its two columns looked up
// once.
type rowStarts struct {
	t               *output.CSVTable
	start, interval int
}

func newRowStarts(t *output.CSVTable) rowStarts {
	return rowStarts{t: t, start: t.Col("start_seconds"), interval: t.Col("interval")}
}

// of is rowStart(t, i, interval).
func (r rowStarts) of(i int, interval float64) float64 {
	if v := r.t.FloatAt(i, r.start); output.Finite(v) {
		return v
	}
	return r.t.FloatAt(i, r.interval) * interval
}

// stepSeries reads column col of rows of t, times scale, as values that
// cover their interval (contacts by the interval they arrived in, agent
// time by the interval it was spent in): each is held flat from the
// interval's start to its end.
func stepSeries(t *output.CSVTable, rows []int, col string, scale float64, tl timeline) series {
	starts, j := newRowStarts(t), t.Col(col)
	x := tl.xs.get(2*len(rows), func(k int) float64 {
		start := starts.of(rows[k/2], tl.interval)
		if k%2 == 1 {
			return tl.end(start)
		}
		return start
	})
	y := make([]float64, 2*len(rows))
	for k, i := range rows {
		v := t.FloatAt(i, j) * scale
		y[2*k], y[2*k+1] = v, v
	}
	return series{X: x, Y: y}
}

// readingSeries reads column col of rows of t, times scale, as readings at
// the end of each interval (a queue's length, a reputation).
func readingSeries(t *output.CSVTable, rows []int, col string, scale float64, tl timeline) series {
	starts, j := newRowStarts(t), t.Col(col)
	x := tl.xs.get(len(rows), func(k int) float64 { return tl.end(starts.of(rows[k], tl.interval)) })
	y := make([]float64, len(rows))
	for k, i := range rows {
		y[k] = t.FloatAt(i, j) * scale
	}
	return series{X: x, Y: y}
}

// fromZero returns a series of readings that starts at time 0 with y, as
// the run starts: queues empty, expectations as they were. It leaves s as
// it is unless its first reading is at the end of the first interval, and
// when it has no data at all.
func (s series) fromZero(y float64, tl timeline) series {
	if !s.hasData() || s.X[0] != tl.end(0) {
		return s
	}
	x := tl.xs.get(len(s.X)+1, func(k int) float64 {
		if k == 0 {
			return 0
		}
		return s.X[k-1]
	})
	return series{X: x, Y: append([]float64{y}, s.Y...)}
}

// chartChannel is a channel as charts show it.
type chartChannel struct {
	output.ChannelMeta
	// index is the channel's position in the scenario, which sets its
	// colour.
	index int
}

// channelsOf returns the run's channels in the scenario's order; when the
// description has none, the channels the intervals table names.
func channelsOf(ds *output.Dataset) []chartChannel {
	var out []chartChannel
	for i, ch := range ds.Meta.Channels {
		out = append(out, chartChannel{ChannelMeta: ch, index: i})
	}
	if len(out) == 0 {
		for i, name := range distinct(ds.Intervals, "channel") {
			out = append(out, chartChannel{ChannelMeta: output.ChannelMeta{Name: name}, index: i})
		}
	}
	return out
}

// live tells whether the channel keeps customers waiting on the line;
// channels of unknown kind count as live.
func (c chartChannel) live() bool {
	return c.Kind != string(models.Deferred) && c.Kind != string(models.SelfService)
}

// poolsOf returns the run's pool names in the scenario's order; when the
// description has none, the pools the staffing table names.
func poolsOf(ds *output.Dataset) []string {
	var out []string
	for _, p := range ds.Meta.Pools {
		out = append(out, p.Name)
	}
	if len(out) == 0 {
		out = distinct(ds.Staffing, "pool")
	}
	return out
}

// legendLine is a thumbnail of a line for a legend, however much data the
// line has.
func legendLine(sty draw.LineStyle) plot.Thumbnailer {
	return &plotter.Line{LineStyle: sty}
}
