package chart

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/omnisim/omnisim/output"
)

// Chart is one of a run's charts, drawn from a Dataset alone: the run's
// output folder is enough to draw it again, in another format or size.
type Chart struct {
	// Name is the file stem: "service-level" goes to
	// charts/service-level.svg.
	Name string
	// Title is written at the top of the chart.
	Title string
	// Note is a sentence or two for under the chart: what it shows, or why
	// it is empty.
	Note string
	// build lays the chart out anew for each rendering, for a canvas of
	// the given size.
	build func(f frame) (*figure, error)
}

// The default size of a chart, in pixels.
const DefaultWidth, DefaultHeight = 1200, 600

// The sizes a chart may be rendered at, in pixels a side: smaller has no
// room for the text, larger takes memory for nothing.
const MinPixels, MaxPixels = 200, 6000

// Formats are the formats Render writes.
var Formats = []string{"png", "svg"}

// Run returns every chart of the run, in the order the report shows
// them, and after them, for a story omnisim demo told, the A/B chart of
// each claim (Claims). A chart with nothing to show (a run without word
// of mouth, zero agents, a single channel) is still there, drawn empty
// with its Note written across it.
func Run(ds *output.Dataset) []Chart {
	if ds == nil {
		ds = &output.Dataset{}
	}
	tl := timelineOf(ds)
	// Each chart reads its lines from ds on a core of its own: the tables
	// are only read.
	charts := make([]Chart, len(runKinds))
	var wg sync.WaitGroup
	cores := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, kind := range runKinds {
		wg.Go(func() {
			cores <- struct{}{}
			defer func() { <-cores }()
			charts[i] = kind(ds, tl)
		})
	}
	wg.Wait()
	return append(charts, Claims(ds)...)
}

// runKinds make Run's charts of a run, in its order; the claims' charts
// come after them.
var runKinds = []func(*output.Dataset, timeline) Chart{queueChart, serviceLevelChart, abandonmentChart, occupancyChart,
	expectationsChart, reputationChart, flowsChart, staffingChart, costChart}

// RunChart returns Run(ds)[i] made alone, none of the other charts made:
// for a chart let go once drawn and asked for again (i must be an index of
// Run(ds)).
func RunChart(ds *output.Dataset, i int) Chart {
	if ds == nil {
		ds = &output.Dataset{}
	}
	if i < len(runKinds) {
		return runKinds[i](ds, timelineOf(ds))
	}
	return Claims(ds)[i-len(runKinds)]
}

// Render draws the chart to w as a PNG or SVG image ("png" or "svg") of
// widthPx × heightPx pixels. Text and lines grow with the size, more
// slowly than the size, so a larger chart shows both larger text and more
// detail; an SVG has the same layout as the PNG of the same size.
func (c Chart) Render(w io.Writer, format string, widthPx, heightPx int) (err error) {
	if c.build == nil {
		return fmt.Errorf("output: chart %q has nothing to draw (charts come from chart.Run and its kin)", c.Name)
	}
	format = strings.ToLower(format)
	if format != "png" && format != "svg" {
		return fmt.Errorf("output: chart format %q: want png or svg", format)
	}
	for _, px := range []int{widthPx, heightPx} {
		if px < MinPixels || px > MaxPixels {
			return fmt.Errorf("output: chart size %d×%d pixels: each side must be from %d to %d",
				widthPx, heightPx, MinPixels, MaxPixels)
		}
	}
	defer func() {
		// gonum/plot panics on ranges it cannot draw; the builders avoid
		// them, but a chart that cannot be drawn must not take the rest
		// of the report down with it.
		if r := recover(); r != nil {
			err = fmt.Errorf("output: drawing chart %s: %v", c.Name, r)
		}
	}()
	f, dpi := sizedFrame(widthPx, heightPx)
	fig, err := c.build(f)
	if err != nil {
		return err
	}
	if format == "png" {
		return renderPNG(w, fig, c.Title, widthPx, heightPx, dpi)
	}
	b, done := keptBuffer(&svgBuffers)
	defer done()
	cv := newSVGCanvas(f.width, f.height)
	defer cv.free()
	fig.draw(draw.New(cv), c.Title, true)
	if _, err := cv.WriteTo(b); err != nil {
		return err
	}
	fills := cv.fills()
	if !filledAsDrawn(b.Bytes(), svgHeadEnd(b.Bytes()), fills) {
		// A path of vgsvg's own looks like a placeholder: drawn again
		// plainly.
		if fig, err = c.build(f); err != nil {
			return err
		}
		plain := vgsvg.NewWith(vgsvg.UseWH(f.width, f.height))
		fig.draw(draw.New(plain), c.Title, true)
		b.Reset()
		if _, err := plain.WriteTo(b); err != nil {
			return err
		}
		fills = nil
	}
	return writeSVGFilled(w, b.Bytes(), widthPx, heightPx, fills)
}

// svgBuffers keep the buffers SVGs are written into before they are
// sized (writeSVGSized), from chart to chart: each was grown by doubling
// to the SVG's size. A buffer of more than maxKeptSVG bytes is let go.
var svgBuffers freeList[bytes.Buffer]

// keptBuffer returns a buffer from l, or a new one, and the func that
// empties it and gives it back to l, unless it grew past maxKeptSVG.
func keptBuffer(l *freeList[bytes.Buffer]) (b *bytes.Buffer, done func()) {
	if b = l.get(); b == nil {
		b = new(bytes.Buffer)
	}
	return b, func() {
		if b.Cap() <= maxKeptSVG {
			b.Reset()
			l.put(b)
		}
	}
}

// maxKeptSVG is the largest buffer svgBuffers keeps: a 365-day run's
// largest SVG is about 0.6 MB.
const maxKeptSVG = 4 << 20

// sizedFrame returns the frame of a chart of widthPx × heightPx pixels and
// the resolution it is drawn at (chartDPI).
func sizedFrame(widthPx, heightPx int) (frame, int) {
	dpi := chartDPI(widthPx, heightPx)
	return frame{width: vg.Length(widthPx) * vg.Inch / vg.Length(dpi), height: vg.Length(heightPx) * vg.Inch / vg.Length(dpi), columns: widthPx}, dpi
}

// chartDPI chooses the resolution a chart is drawn at, which sets how
// large its text and lines are in pixels: 96 dots per inch at the default
// size, growing with the square root of the size's ratio to it.
func chartDPI(widthPx, heightPx int) int {
	ratio := math.Min(float64(widthPx)/DefaultWidth, float64(heightPx)/DefaultHeight)
	zoom := math.Max(0.5, math.Min(3, math.Sqrt(ratio)))
	return int(math.Round(96 * zoom))
}

var (
	svgSize   = regexp.MustCompile(`<svg width="[^"]*" height="[^"]*"`)
	svgFamily = regexp.MustCompile(`font-family:Liberation Sans;`)
)

// svgFamilyFallback is what svgFamily's matches become.
const svgFamilyFallback = `font-family:'Liberation Sans',Arial,Helvetica,sans-serif;`

// writeSVGSized writes to w an SVG from vgsvg given its size in pixels
// instead of points (its viewBox keeps the points, so it scales), and
// fonts to fall back on where Liberation Sans is missing: Arial and
// Helvetica have its metrics. It writes what svgSize's replacement, then
// svgFamily's, over the whole SVG would make, without making it: the
// sizes are replaced up to the end of their last match (the SVG's first
// tag), and the families there and after it, each part apart, for a match
// of svgFamily holds no quote and the part before ends with one; svgFamily
// is a literal, replaced after it as bytes.ReplaceAll would. A 365-day
// folder's SVGs made 13 MB of copies the other way.
func writeSVGSized(w io.Writer, svg []byte, widthPx, heightPx int) error {
	return writeSVGFilled(w, svg, widthPx, heightPx, nil)
}

// svgHeadEnd returns where the SVG's head, which writeSVGSized sizes,
// ends: the end of svgSize's last match, or 0.
func svgHeadEnd(svg []byte) int {
	if m := svgSize.FindAllIndex(svg, -1); len(m) > 0 {
		return m[len(m)-1][1]
	}
	return 0
}

// writeSVGFilled is writeSVGSized with, after the head, each fillHole
// replaced by the next of fills (an svgCanvas's straight paths, whose
// placeholders filledAsDrawn has counted).
func writeSVGFilled(w io.Writer, svg []byte, widthPx, heightPx int, fills [][]byte) error {
	end := svgHeadEnd(svg)
	head := svgSize.ReplaceAll(svg[:end], fmt.Appendf(nil, `<svg width="%d" height="%d"`, widthPx, heightPx))
	head = svgFamily.ReplaceAll(head, []byte(svgFamilyFallback))
	if _, err := w.Write(head); err != nil {
		return err
	}
	_, err := writeFilled(w, svg[end:], fills)
	return err
}

// writeFamilies writes rest to w with svgFamily's literal replaced by its
// fallback, as bytes.ReplaceAll would.
func writeFamilies(w io.Writer, rest []byte) error {
	family := []byte(svgFamily.String())
	for {
		i := bytes.Index(rest, family)
		if i < 0 {
			break
		}
		if _, err := w.Write(rest[:i]); err != nil {
			return err
		}
		if _, err := io.WriteString(w, svgFamilyFallback); err != nil {
			return err
		}
		rest = rest[i+len(family):]
	}
	_, err := w.Write(rest)
	return err
}

// frame is the size of the canvas a chart is laid out on, in points.
type frame struct {
	width, height vg.Length
	// columns is the canvas's width in pixels: a line needs no more
	// detail than that.
	columns int
}

// plotWidth estimates the width of a chart's data area, which sets how
// many labels an axis has room for.
func (f frame) plotWidth() vg.Length { return f.width * 0.72 }

// figure is a chart laid out: panels stacked top to bottom with their x
// axes aligned, a legend at the right, and perhaps a colour scale.
type figure struct {
	panels []*plot.Plot
	// notes are written across the data area of the panel of the same
	// index, when it has nothing to show.
	notes  []string
	legend []legendItem
	// colorBar, if any, is drawn at the right of the panels, as tall as
	// the first panel's data area.
	colorBar *plot.Plot
	// maxWidth, if not 0, bounds the width of the panels, which are then
	// centred: a heat map's cells stay near square.
	maxWidth vg.Length
}

// legendItem is one entry of a chart's legend.
type legendItem struct {
	name string
	// color is the colour of the entry's line or bar: the channel's or the
	// pool's.
	color  color.Color
	thumbs []plot.Thumbnailer
}

// draw draws the figure with its title on c, first filling c white when
// whiten is set (a canvas that starts white need not be: see renderPNG).
func (fig *figure) draw(c draw.Canvas, title string, whiten bool) {
	if whiten {
		c.SetColor(color.White)
		c.Fill(c.Rectangle.Path())
	}
	margin := vg.Points(10)
	c = draw.Crop(c, margin, -margin-vg.Points(4), margin, -margin)

	ts := chartText(15, true)
	ts.XAlign, ts.YAlign = draw.XCenter, draw.YTop
	c.FillText(ts, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: c.Max.Y}, title)
	c.Max.Y -= ts.Height(title) + vg.Points(10)

	var leg plot.Legend
	var legendX vg.Length
	if len(fig.legend) > 0 {
		leg = plot.NewLegend()
		leg.TextStyle = chartText(10.5, false)
		leg.Top, leg.Left = true, true
		leg.ThumbnailWidth = vg.Points(26)
		leg.Padding = vg.Points(5)
		for _, it := range fig.legend {
			leg.Add(it.name, it.thumbs...)
		}
		r := leg.Rectangle(c)
		// Some slack: an SVG may be read with a font wider than Liberation.
		w := min((r.Max.X-r.Min.X)*1.08+vg.Points(6), (c.Max.X-c.Min.X)*0.35)
		legendX = c.Max.X - w
		c.Max.X = legendX - vg.Points(16)
	}
	var cbWidth vg.Length
	if fig.colorBar != nil {
		cbWidth = vg.Points(90)
		c.Max.X -= cbWidth
	}
	if fig.maxWidth > 0 && c.Max.X-c.Min.X > fig.maxWidth {
		extra := c.Max.X - c.Min.X - fig.maxWidth
		c.Min.X += extra / 2
		c.Max.X -= extra / 2
	}

	rows := make([][]*plot.Plot, len(fig.panels))
	for i, p := range fig.panels {
		rows[i] = []*plot.Plot{p}
	}
	tiles := draw.Tiles{Rows: len(rows), Cols: 1, PadY: vg.Points(14)}
	canvases := plot.Align(rows, tiles, c)
	var top draw.Canvas
	for i, p := range fig.panels {
		pc := canvases[i][0]
		dc := p.DataCanvas(pc)
		if i == 0 {
			top = dc
		}
		note := ""
		if i < len(fig.notes) {
			note = fig.notes[i]
		}
		if note != "" {
			dc.SetColor(emptyColor)
			dc.Fill(dc.Rectangle.Path())
		}
		p.Draw(pc)
		if note != "" {
			drawNote(dc, note)
		}
	}

	if fig.colorBar != nil {
		cc := c
		cc.Min.X, cc.Max.X = c.Max.X+vg.Points(18), c.Max.X+cbWidth
		cc.Min.Y, cc.Max.Y = top.Min.Y, top.Max.Y
		dc := fig.colorBar.DataCanvas(cc)
		cc.Min.Y -= dc.Min.Y - top.Min.Y
		cc.Max.Y += top.Max.Y - dc.Max.Y
		fig.colorBar.Draw(cc)
	}
	if len(fig.legend) > 0 {
		lc := c
		lc.Min.X, lc.Max.X = legendX, legendX+vg.Points(1000)
		lc.Max.Y = top.Max.Y
		leg.Draw(lc)
	}
}

// drawNote writes a note across the middle of a data area, wrapped to its
// width.
func drawNote(dc draw.Canvas, note string) {
	sty := chartText(12.5, false)
	sty.Color = noteColor
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
	width := (dc.Max.X - dc.Min.X) * 0.8
	lines := output.Wrap(note, func(_ int, line string) bool { return sty.Width(line) <= width })
	dc.FillText(sty, dc.Center(), strings.Join(lines, "\n"))
}

// panel is one plot of a chart over time: its title and y axis.
type panel struct {
	title, yLabel string
	// yMin and yMax fix the y axis's range, NaN to take the data's. A
	// fixed top still gives way to data above it.
	yMin, yMax float64
	// logWait marks y values that are the logarithms (base 10) of waits
	// in minutes, on an axis labelled in durations. gonum's own log scale
	// is not used: it places the axis's label by the linear middle.
	logWait bool
}

// line is one series of a chart over time.
type line struct {
	// name is the line's legend entry, "" for none.
	name string
	// about is the channel or pool the line is about, for a note that it
	// has no data; "" for none.
	about string
	s     series
	style draw.LineStyle
	panel int
	// ref marks a line of reference, a target or a zero: it does not
	// count as data.
	ref bool
}

// timeFigure lays out lines over time (seconds from the start of the run)
// in panels that share the x axis, the warm-up shaded. A panel without
// data is marked so; when no panel has any it returns errNoData.
//
// Its lines are made by memo (nil: made anew).
func timeFigure(tl timeline, f frame, panels []panel, lines []line, extra []legendItem, memo *lineMemo) (*figure, error) {
	fig := &figure{}
	some := false
	for pi, pn := range panels {
		p := newTimePlot(tl, f, pn, pi == len(panels)-1)
		lo, hi := math.NaN(), math.NaN()
		has := false
		var refs []plot.Plotter
		for li, l := range lines {
			if l.panel != pi {
				continue
			}
			ps, err := memo.plotters(li, len(lines), l, f.columns)
			if errors.Is(err, errNoData) {
				continue
			}
			if err != nil {
				return nil, err
			}
			if l.ref {
				refs = append(refs, ps...)
			} else {
				has = true
				p.Add(ps...)
			}
			a, b := l.s.yRange()
			lo, hi = math.Min(a, nanTo(lo, a)), math.Max(b, nanTo(hi, b))
		}
		p.Add(refs...)
		note := ""
		if !has {
			note = "No data."
		}
		setYRange(p, pn, lo, hi, has)
		p.X.Min, p.X.Max = 0, tl.horizon
		fig.panels = append(fig.panels, p)
		fig.notes = append(fig.notes, note)
		some = some || has
	}
	if !some {
		return nil, errNoData
	}
	for _, l := range lines {
		if l.name != "" {
			fig.legend = append(fig.legend, legendItem{name: l.name, color: l.style.Color, thumbs: []plot.Thumbnailer{legendLine(l.style)}})
		}
	}
	fig.legend = append(fig.legend, extra...)
	return fig, nil
}

// emptyTimeFigure is a chart over time with nothing to show: its axes, and
// the reason written across them.
func emptyTimeFigure(tl timeline, f frame, pn panel, note string) *figure {
	p := newTimePlot(tl, f, pn, true)
	pn.logWait = false
	setYRange(p, pn, math.NaN(), math.NaN(), false)
	p.X.Min, p.X.Max = 0, tl.horizon
	return &figure{panels: []*plot.Plot{p}, notes: []string{note}}
}

func nanTo(v, alt float64) float64 {
	if math.IsNaN(v) {
		return alt
	}
	return v
}

// newTimePlot returns a panel's plot over the run's time, the warm-up
// shaded, the x axis labelled if it is the bottom panel.
func newTimePlot(tl timeline, f frame, pn panel, bottom bool) *plot.Plot {
	p := newPlot()
	p.Title.Text = pn.title
	p.Y.Label.Text = pn.yLabel
	if bottom {
		p.X.Label.Text = "time of day"
		if tl.horizon > 60*3600 {
			p.X.Label.Text = "day of the run"
		}
	}
	p.X.Tick.Marker = timeTicks{tl: tl, maxLabels: int(f.plotWidth() / vg.Points(58))}
	if tl.warmup > 0 {
		p.Add(warmupShade{until: tl.warmup})
	}
	grid := plotter.NewGrid()
	grid.Vertical = draw.LineStyle{Color: gridColor, Width: vg.Points(0.6)}
	grid.Horizontal = grid.Vertical
	p.Add(grid)
	return p
}

// setYRange fixes a panel's y axis to the panel's range or the data's
// (lo, hi), starting linear axes at zero.
func setYRange(p *plot.Plot, pn panel, lo, hi float64, has bool) {
	if pn.logWait && has {
		// A factor of 1.6 either way, and at least one labelled duration
		// on each side of the data.
		p.Y.Min, p.Y.Max = lo-0.2, hi+0.2
		below, above := math.Inf(-1), math.Inf(1)
		for _, m := range waitMarks {
			if v := math.Log10(m.min); v <= lo {
				below = v
			} else if v >= hi && math.IsInf(above, 1) {
				above = v
			}
		}
		p.Y.Min, p.Y.Max = math.Min(p.Y.Min, below), math.Max(p.Y.Max, above)
		if math.IsInf(p.Y.Min, 0) || math.IsInf(p.Y.Max, 0) {
			p.Y.Min, p.Y.Max = lo-0.2, hi+0.2 // beyond the marks: label the ends
		}
		p.Y.Tick.Marker = waitTicks{}
		return
	}
	ymin, ymax := pn.yMin, pn.yMax
	if !has {
		if math.IsNaN(ymin) || math.IsNaN(ymax) {
			// Nothing to set a scale by: an axis without numbers.
			p.Y.Min, p.Y.Max = 0, 1
			p.Y.Tick.Marker = plot.ConstantTicks{}
			return
		}
		p.Y.Min, p.Y.Max = ymin, ymax
		return
	}
	if math.IsNaN(ymin) {
		ymin = math.Min(0, lo)
		if ymin < 0 {
			ymin = -niceCeil(-ymin, 5)
		}
	}
	top := niceCeil(hi, 5)
	if hi <= 0 {
		top = 0
	}
	if math.IsNaN(ymax) {
		ymax = top
	} else if hi > ymax {
		ymax = niceCeil(hi, 10) // past a fixed top, by a finer step
	}
	if ymax <= ymin {
		ymax = ymin + 1
	}
	p.Y.Min, p.Y.Max = ymin, ymax
}

// warmupShade greys the warm-up, which is run but not measured.
type warmupShade struct{ until float64 }

// Plot shades the warm-up.
func (w warmupShade) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	x0, x1 := trX(p.X.Min), trX(w.until)
	c.FillPolygon(shadeColor, []vg.Point{{X: x0, Y: c.Min.Y}, {X: x1, Y: c.Min.Y}, {X: x1, Y: c.Max.Y}, {X: x0, Y: c.Max.Y}})
	sty := chartText(9.5, false)
	sty.Color = mutedColor
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YTop
	if x1-x0 > sty.Width("warm-up")+vg.Points(6) {
		c.FillText(sty, vg.Point{X: x0 + vg.Points(3), Y: c.Max.Y - vg.Points(3)}, "warm-up")
	}
}
