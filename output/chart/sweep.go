package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/omnisim/omnisim/output"
)

// maxSweepLines is the most lines a sweep chart draws, one per
// combination of the settings after the first: more cannot be told apart.
const maxSweepLines = 10

// maxValueTicks is the most swept values an axis labels one by one.
const maxValueTicks = 14

// Sweep returns a chart per chosen figure of the sweep: the figure against the first
// setting swept, one line per value of the others (per combination of
// values, when more than one other setting is swept, up to
// maxSweepLines), each point the mean over its replications with its 95 %
// confidence interval as an error bar. A figure of a channel or a pool is
// drawn in its colour, shades of it telling the lines apart, darker for
// later values, with a marker of its own for each line. Points with no
// data are left out and the note names them; a figure with no data at
// any point is drawn empty, with a note saying so.
func Sweep(r *output.SweepReport) []Chart {
	var out []Chart
	for _, f := range r.Chosen {
		out = append(out, sweepChart(r, f))
	}
	return out
}

// sweepAxis places the first setting's values on the x axis: at their
// numbers when every value is a plain number, else one after another in
// the order swept.
type sweepAxis struct {
	labels  []string  // the distinct values, in order of first appearance
	x       []float64 // where each label goes
	numeric bool
}

func newSweepAxis(r *output.SweepReport) sweepAxis {
	var a sweepAxis
	for _, p := range r.Points {
		if v := p.Values[0]; !slices.Contains(a.labels, v) {
			a.labels = append(a.labels, v)
		}
	}
	a.numeric = true
	for _, l := range a.labels {
		v, err := strconv.ParseFloat(l, 64)
		if err != nil || !output.Finite(v) {
			a.numeric = false
			break
		}
		a.x = append(a.x, v)
	}
	if !a.numeric {
		a.x = a.x[:0]
		for i := range a.labels {
			a.x = append(a.x, float64(i))
		}
	}
	return a
}

// at returns where value v goes.
func (a sweepAxis) at(v string) float64 { return a.x[slices.Index(a.labels, v)] }

// ticker labels the swept values themselves when there are few, else
// round numbers (or every k-th value of a non-numeric setting).
func (a sweepAxis) ticker() plot.Ticker {
	if a.numeric && len(a.labels) > maxValueTicks {
		return numberTicks{n: 8}
	}
	every := (len(a.labels) + maxValueTicks - 1) / maxValueTicks
	var ticks plot.ConstantTicks
	for i, l := range a.labels {
		t := plot.Tick{Value: a.x[i]}
		if i%every == 0 {
			t.Label = l
		}
		ticks = append(ticks, t)
	}
	return ticks
}

// span returns the x axis's range, with room for the markers at its ends.
func (a sweepAxis) span() (lo, hi float64) {
	lo, hi = slices.Min(a.x), slices.Max(a.x)
	pad := (hi - lo) * 0.05
	if !a.numeric {
		pad = 0.5
	}
	if pad == 0 {
		pad = math.Max(0.5, math.Abs(lo)*0.1)
	}
	return lo - pad, hi + pad
}

// sweepLine is one line of a sweep chart: the points that share the values
// of every setting but the first.
type sweepLine struct {
	name   string // the other settings' values, "" when only one is swept
	points []int  // indices of the report's points, in x order
}

// sweepLines groups the points by the values of every setting but the first,
// in order of first appearance.
func sweepLines(r *output.SweepReport, a sweepAxis) []sweepLine {
	var out []sweepLine
	index := map[string]int{}
	for p, pt := range r.Points {
		var parts []string
		for i := 1; i < len(r.Params); i++ {
			parts = append(parts, r.Params[i]+" = "+pt.Values[i])
		}
		key := strings.Join(parts, ", ")
		k, ok := index[key]
		if !ok {
			k = len(out)
			index[key] = k
			out = append(out, sweepLine{name: key})
		}
		out[k].points = append(out[k].points, p)
	}
	for _, l := range out {
		slices.SortStableFunc(l.points, func(p, q int) int {
			return cmpFloat(a.at(r.Points[p].Values[0]), a.at(r.Points[q].Values[0]))
		})
	}
	return out
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// sweepScale is how a figure's unit is drawn: a factor on its values and
// the unit's name for the axis.
func sweepScale(unit string, maxAbs float64) (scale float64, name string) {
	switch unit {
	case output.UnitShare:
		return 100, "%"
	case output.UnitSeconds:
		s, n := output.SecondsScale(maxAbs)
		return 1 / s, map[string]string{"s": "seconds", "min": "minutes", "h": "hours"}[n]
	case output.UnitHours:
		return 1, "hours per replication"
	case output.UnitMoney:
		return 1, "the scenario's currency, per replication"
	case output.UnitCount:
		return 1, "per replication"
	}
	return 1, ""
}

// figureStyle is the line of a figure: its channel's or pool's colour, or
// ink for totals.
func figureStyle(f output.SweepFigure) draw.LineStyle {
	switch {
	case f.Channel >= 0:
		return channelStyle(f.Channel)
	case f.Pool >= 0:
		return poolStyle(f.Pool)
	}
	return draw.LineStyle{Color: inkColor, Width: vg.Points(1.6)}
}

// shade returns line k of n in shades of c: from a light tint for the first
// to c itself for the last.
func shade(c color.Color, k, n int) color.Color {
	if n <= 1 {
		return c
	}
	rgba := color.RGBAModel.Convert(c).(color.RGBA)
	w := 0.45 + 0.55*float64(k)/float64(n-1) // the share of c; the rest white
	mix := func(v uint8) uint8 { return uint8(math.Round(float64(v)*w + 255*(1-w))) }
	return color.RGBA{R: mix(rgba.R), G: mix(rgba.G), B: mix(rgba.B), A: 0xFF}
}

// sweepGlyphs are the lines' markers, one shape each.
var sweepGlyphs = []draw.GlyphDrawer{
	draw.CircleGlyph{}, draw.BoxGlyph{}, draw.PyramidGlyph{}, draw.RingGlyph{}, draw.SquareGlyph{},
	draw.TriangleGlyph{}, draw.CrossGlyph{}, draw.PlusGlyph{},
}

// sweepXY is a line's points with their confidence intervals: it
// implements plotter.XYer and plotter.YErrorer. When lo < hi, the
// intervals are cut at lo and hi (a share's 0 and 100 %).
type sweepXY struct {
	x, y, half []float64
	lo, hi     float64
}

// Len is the number of points.
func (s sweepXY) Len() int { return len(s.x) }

// XY is point i.
func (s sweepXY) XY(i int) (float64, float64) { return s.x[i], s.y[i] }

// YError is point i's error bar, below and above.
func (s sweepXY) YError(i int) (float64, float64) {
	low, high := s.half[i], s.half[i]
	if s.lo < s.hi {
		low, high = math.Min(low, s.y[i]-s.lo), math.Min(high, s.hi-s.y[i])
	}
	return math.Max(0, low), math.Max(0, high)
}
func (s *sweepXY) add(x, y, half float64) {
	s.x, s.y, s.half = append(s.x, x), append(s.y, y), append(s.half, half)
}
func (s sweepXY) slice(i, j int) sweepXY { return sweepXY{s.x[i:j], s.y[i:j], s.half[i:j], s.lo, s.hi} }
func (s sweepXY) finiteAt(i int) bool    { return output.Finite(s.x[i]) && output.Finite(s.y[i]) }
func (s sweepXY) withBars() (out sweepXY) {
	return s.filter(func(i int) bool { return output.Finite(s.half[i]) })
}
func (s sweepXY) defined() (out sweepXY) { return s.filter(s.finiteAt) }
func (s sweepXY) filter(keep func(int) bool) sweepXY {
	out := sweepXY{lo: s.lo, hi: s.hi}
	for i := range s.x {
		if keep(i) {
			out.add(s.x[i], s.y[i], s.half[i])
		}
	}
	return out
}

// runs splits s at its undefined points into runs of defined ones.
func (s sweepXY) runs() []sweepXY {
	var out []sweepXY
	start := -1
	for i := 0; i <= s.Len(); i++ {
		if i < s.Len() && s.finiteAt(i) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s.slice(start, i))
			start = -1
		}
	}
	return out
}

// sweepChart draws chosen figure f against the first setting.
func sweepChart(r *output.SweepReport, f int) Chart {
	fig := r.Figures[f]
	axis := newSweepAxis(r)
	lines := sweepLines(r, axis)
	drawn := lines[:min(len(lines), maxSweepLines)]
	maxAbs := 0.0
	var missing []string
	for p, pt := range r.Points {
		if e := r.Estimate(p, f); output.Finite(e.Mean) {
			maxAbs = math.Max(maxAbs, math.Abs(e.Mean))
		} else {
			missing = append(missing, sweepPointName(r.Params, pt.Values))
		}
	}
	scale, unitName := sweepScale(fig.Unit, maxAbs)
	series := make([]sweepXY, len(drawn))
	clipped := false
	for k, l := range drawn {
		for _, p := range l.points {
			e := r.Estimate(p, f)
			series[k].add(axis.at(r.Points[p].Values[0]), e.Mean*scale, e.HalfWidth*scale)
			if fig.Unit == output.UnitShare && (e.Mean-e.HalfWidth < 0 || e.Mean+e.HalfWidth > 1) {
				clipped = true
			}
		}
	}
	if fig.Unit == output.UnitShare {
		for k := range series {
			series[k].lo, series[k].hi = 0, 100
		}
	}

	title := fig.Label + " against " + r.Params[0]
	if len(r.Params) > 1 {
		title += ", by " + strings.Join(r.Params[1:], " and ")
	}
	c := Chart{Name: fig.Key, Title: title, Note: sweepNote(r, fig, len(lines), missing)}
	if clipped {
		c.Note += " Confidence intervals are cut at 0 % and 100 %, where a share ends."
	}
	yLabel := fig.Label
	if unitName != "" {
		yLabel += " (" + unitName + ")"
	}
	base := figureStyle(fig)
	c.build = func(fr frame) (*figure, error) {
		p := newPlot()
		p.X.Label.Text = r.Params[0]
		p.Y.Label.Text = yLabel
		p.X.Tick.Marker = axis.ticker()
		p.X.Min, p.X.Max = axis.span()
		grid := plotter.NewGrid()
		grid.Vertical = draw.LineStyle{Color: gridColor, Width: vg.Points(0.6)}
		grid.Horizontal = grid.Vertical
		p.Add(grid)
		out := &figure{panels: []*plot.Plot{p}, notes: []string{""}}
		yr := yRange{lo: math.NaN(), hi: math.NaN()}
		withBars := false
		for k, s := range series {
			sty := base
			sty.Color = shade(base.Color, k, len(series))
			thumbs, bars, err := s.draw(p, sty, sweepGlyphs[k%len(sweepGlyphs)], &yr)
			if err != nil {
				return nil, err
			}
			withBars = withBars || bars
			name := s.legendName(drawn[k].name, fig.Label)
			out.legend = append(out.legend, legendItem{name: name, color: sty.Color,
				thumbs: append([]plot.Thumbnailer{legendLine(sty)}, thumbs...)})
		}
		if withBars {
			eb := barThumb{draw.LineStyle{Color: mutedColor, Width: vg.Points(1.1)}}
			out.legend = append(out.legend, legendItem{name: "95 % confidence interval", color: mutedColor, thumbs: []plot.Thumbnailer{eb}})
		}
		pn := panel{yMin: math.NaN(), yMax: math.NaN()}
		if fig.Unit == output.UnitShare {
			pn.yMin, pn.yMax = 0, 100
		}
		setYRange(p, pn, yr.lo, yr.hi, yr.has)
		if !yr.has {
			out.notes[0] = "No point has data for this figure."
		}
		return out, nil
	}
	return c
}

// yRange is the range of y a chart's series reach, has false while none
// has a point.
type yRange struct {
	lo, hi float64
	has    bool
}

// draw adds the series to p: its runs of points as lines, its 95 %
// intervals as error bars, its points as glyphs of the shape given; it
// widens yr to them and returns the legend's thumbnails of the points and
// whether there were error bars.
func (s sweepXY) draw(p *plot.Plot, sty draw.LineStyle, shape draw.GlyphDrawer, yr *yRange) ([]plot.Thumbnailer, bool, error) {
	for _, run := range s.runs() {
		if run.Len() > 1 {
			l, err := plotter.NewLine(run)
			if err != nil {
				return nil, false, err
			}
			l.LineStyle = sty
			p.Add(l)
		}
	}
	withBars := false
	if bars := s.defined().withBars(); bars.Len() > 0 {
		eb, err := plotter.NewYErrorBars(bars)
		if err != nil {
			return nil, false, err
		}
		eb.LineStyle = draw.LineStyle{Color: sty.Color, Width: vg.Points(1.1)}
		eb.CapWidth = vg.Points(7)
		p.Add(eb)
		for i := range bars.x {
			down, up := bars.YError(i)
			yr.lo, yr.hi = math.Min(nanTo(yr.lo, bars.y[i]-down), bars.y[i]-down), math.Max(nanTo(yr.hi, bars.y[i]+up), bars.y[i]+up)
		}
		withBars = true
	}
	var thumbs []plot.Thumbnailer
	if pts := s.defined(); pts.Len() > 0 {
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, false, err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: sty.Color, Radius: vg.Points(3.2), Shape: shape}
		p.Add(sc)
		thumbs = append(thumbs, sc)
		a, b := series2Range(pts)
		yr.lo, yr.hi, yr.has = math.Min(nanTo(yr.lo, a), a), math.Max(nanTo(yr.hi, b), b), true
	}
	return thumbs, withBars, nil
}

// legendName names a line in the legend: the other settings' values, or
// the figure when only one setting is swept; marked when it has no data.
func (s sweepXY) legendName(name, label string) string {
	if name == "" {
		name = label
	}
	if s.defined().Len() == 0 {
		name += " (no data)"
	}
	return name
}

// series2Range returns the least and greatest y of s.
func series2Range(s sweepXY) (lo, hi float64) {
	return slices.Min(s.y), slices.Max(s.y)
}

// sweepPointName names a point by its values: "pools.agents.agents=12".
func sweepPointName(params, values []string) string {
	parts := make([]string, len(params))
	for i, p := range params {
		parts[i] = p + "=" + values[i]
	}
	return strings.Join(parts, ", ")
}

// sweepNote says what a sweep chart shows: the figure's definition, what
// each point and bar is, that every point ran with the same seed, the
// lines left out and the points with no data.
func sweepNote(r *output.SweepReport, fig output.SweepFigure, lines int, missing []string) string {
	var b strings.Builder
	def := fig.Definition
	b.WriteString(strings.ToUpper(def[:1]) + def[1:] + ".")
	reps, same := r.Replications()
	switch {
	case same && reps == 1:
		b.WriteString(" Each point is a single replication, so it has no confidence interval.")
	case same:
		fmt.Fprintf(&b, " Each point is the mean over %d replications; the bars are 95 %% confidence intervals.", reps)
	default:
		b.WriteString(" Each point is the mean over its replications; the bars are 95 % confidence intervals.")
	}
	if seed, ok := r.Seed(); ok {
		fmt.Fprintf(&b, " Every point ran with seed %d (common random numbers), so the differences between points are not noise from different seeds.", seed)
	}
	if lines > maxSweepLines {
		fmt.Fprintf(&b, " Only the first %d of %d lines are drawn; %s holds every point.", maxSweepLines, lines, output.SweepCSVFile)
	}
	if len(missing) > 0 {
		shown := missing[:min(len(missing), 5)]
		fmt.Fprintf(&b, " No data (left out) at %s", strings.Join(shown, "; "))
		if len(missing) > len(shown) {
			fmt.Fprintf(&b, " and %d more points", len(missing)-len(shown))
		}
		b.WriteString(".")
	}
	return b.String()
}

// barThumb is an error bar for a legend: a vertical line with caps.
type barThumb struct{ style draw.LineStyle }

// Thumbnail draws the bar in the middle of the legend's thumbnail.
func (b barThumb) Thumbnail(c *draw.Canvas) {
	x := (c.Min.X + c.Max.X) / 2
	cap := vg.Points(3.5)
	c.StrokeLine2(b.style, x, c.Min.Y, x, c.Max.Y)
	c.StrokeLine2(b.style, x-cap, c.Min.Y, x+cap, c.Min.Y)
	c.StrokeLine2(b.style, x-cap, c.Max.Y, x+cap, c.Max.Y)
}
