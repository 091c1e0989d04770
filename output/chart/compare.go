package chart

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// Compare returns a chart for each channel a comparison compares,
// named compare-<channel>: each shown figure's difference B − A as a dot
// with its paired 95 % interval as a bar in the channel's colour, and the
// wider interval independent runs would give as a grey bar behind it;
// shares in percentage points in one panel, times in another.
func Compare(c models.Comparison) []Chart {
	var charts []Chart
	var names []string
	byName := map[string][]models.Difference{}
	for _, d := range c.Rows {
		if d.Group != models.GroupChannel {
			continue
		}
		if _, ok := byName[d.Name]; !ok {
			names = append(names, d.Name)
		}
		byName[d.Name] = append(byName[d.Name], d)
	}
	for i, name := range names {
		charts = append(charts, compareChart(i, name, byName[name], c.Replications))
	}
	return charts
}

// compareRow is one figure of a comparison chart, in the panel's units.
type compareRow struct {
	label           string
	diff, half, ind float64
	significant     bool
}

// comparePanel is a panel of a comparison chart: its rows and axis label.
type comparePanel struct {
	title, xLabel string
	rows          []compareRow
}

func compareChart(idx int, name string, rows []models.Difference, reps int) Chart {
	shares := comparePanel{title: "shares", xLabel: "B − A, percentage points"}
	times := comparePanel{title: "times"}
	scale := 1.0
	for _, d := range rows {
		if d.Unit == output.UnitSeconds && output.Shown(d) && output.Finite(d.Diff) {
			if s, _ := output.SecondsScale(math.Max(math.Abs(d.Diff), d.IndependentHalf)); s > scale {
				scale = s
			}
		}
	}
	_, unitName := output.SecondsScale(scale)
	times.xLabel = "B − A, " + map[string]string{"s": "seconds", "min": "minutes", "h": "hours"}[unitName]
	for _, d := range rows {
		if !output.Shown(d) || !output.Finite(d.Diff) {
			continue
		}
		switch d.Unit {
		case output.UnitShare:
			shares.rows = append(shares.rows, compareRow{d.Label, 100 * d.Diff, 100 * d.Half, 100 * d.IndependentHalf, d.Significant()})
		case output.UnitSeconds:
			times.rows = append(times.rows, compareRow{d.Label, d.Diff / scale, d.Half / scale, d.IndependentHalf / scale, d.Significant()})
		}
	}
	var panels []comparePanel
	for _, p := range []comparePanel{shares, times} {
		if len(p.rows) > 0 {
			panels = append(panels, p)
		}
	}
	c := Chart{Name: "compare-" + chartFileName(name), Title: "B − A on " + name + ", with 95 % intervals"}
	if len(panels) == 0 {
		c.Note = "Nothing to compare on this channel: no share or time has data in either variant."
		note := c.Note
		c.build = func(f frame) (*figure, error) {
			p := newPlot()
			p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = -1, 1, 0, 1
			p.Y.Tick.Marker = plot.ConstantTicks{}
			return &figure{panels: []*plot.Plot{p}, notes: []string{note}}, nil
		}
		return c
	}
	c.Note = fmt.Sprintf("Each dot is the mean difference B − A over %d paired replications, which saw the same customers (common random numbers); its coloured bar is the 95 %% confidence interval, the grey bar behind it the interval independent runs of as many replications would give. A figure marked * differs significantly: its interval excludes zero.", reps)
	sty := channelStyle(idx)
	sty.Dashes = nil
	c.build = func(f frame) (*figure, error) {
		fig := &figure{}
		for _, pn := range panels {
			p, err := comparePlot(pn, sty)
			if err != nil {
				return nil, err
			}
			fig.panels = append(fig.panels, p)
			fig.notes = append(fig.notes, "")
		}
		paired := sty
		paired.Width = vg.Points(3)
		fig.legend = []legendItem{
			{name: "B − A, paired (95 %)", color: sty.Color, thumbs: []plot.Thumbnailer{legendLine(paired)}},
			{name: "independent runs (95 %)", color: mutedColor, thumbs: []plot.Thumbnailer{legendLine(independentStyle())}},
		}
		return fig, nil
	}
	return c
}

// independentStyle is the bar of the interval independent runs would give.
func independentStyle() draw.LineStyle {
	return draw.LineStyle{Color: gridColor, Width: vg.Points(7)}
}

// chartFileName makes a channel's name fit for a file name.
func chartFileName(name string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, name)
}

// intervals are horizontal intervals around points, as gonum's error bars
// read them: row i at y = its position from the top.
type intervals struct {
	x, y, half []float64
}

// Len is the number of intervals.
func (v intervals) Len() int { return len(v.x) }

// XY is interval i's middle.
func (v intervals) XY(i int) (float64, float64) { return v.x[i], v.y[i] }

// XError is interval i's half-width, on either side.
func (v intervals) XError(i int) (float64, float64) { return v.half[i], v.half[i] }

func (v *intervals) add(x, y, half float64) {
	v.x, v.y, v.half = append(v.x, x), append(v.y, y), append(v.half, half)
}
func (v intervals) points() plotter.XYs {
	xys := make(plotter.XYs, len(v.x))
	for i := range v.x {
		xys[i] = plotter.XY{X: v.x[i], Y: v.y[i]}
	}
	return xys
}

// comparePlot draws one panel: a row per figure, the first at the top.
func comparePlot(pn comparePanel, sty draw.LineStyle) (*plot.Plot, error) {
	p := newPlot()
	p.Title.Text = pn.title
	p.X.Label.Text = pn.xLabel
	n := len(pn.rows)
	var paired, indep intervals
	var ticks plot.ConstantTicks
	lo, hi := 0.0, 0.0
	for i, r := range pn.rows {
		y := float64(n - 1 - i)
		label := r.label
		if r.significant {
			label += " *"
		}
		ticks = append(ticks, plot.Tick{Value: y, Label: label})
		for _, h := range []float64{r.half, r.ind} {
			if output.Finite(h) {
				lo, hi = math.Min(lo, r.diff-h), math.Max(hi, r.diff+h)
			}
		}
		lo, hi = math.Min(lo, r.diff), math.Max(hi, r.diff)
		if output.Finite(r.ind) {
			indep.add(r.diff, y, r.ind)
		}
		half := r.half
		if !output.Finite(half) {
			half = 0
		}
		paired.add(r.diff, y, half)
	}
	if indep.Len() > 0 {
		bars, err := plotter.NewXErrorBars(indep)
		if err != nil {
			return nil, err
		}
		bars.LineStyle, bars.CapWidth = independentStyle(), 0
		p.Add(bars)
	}
	zero, err := plotter.NewLine(plotter.XYs{{X: 0, Y: -0.6}, {X: 0, Y: float64(n) - 0.4}})
	if err != nil {
		return nil, err
	}
	zero.LineStyle = draw.LineStyle{Color: axisColor, Width: vg.Points(0.75), Dashes: []vg.Length{vg.Points(3), vg.Points(3)}}
	p.Add(zero)
	bars, err := plotter.NewXErrorBars(paired)
	if err != nil {
		return nil, err
	}
	bars.LineStyle = sty
	bars.LineStyle.Width = vg.Points(3)
	bars.CapWidth = vg.Points(9)
	p.Add(bars)
	dots, err := plotter.NewScatter(paired.points())
	if err != nil {
		return nil, err
	}
	dots.GlyphStyle = draw.GlyphStyle{Color: sty.Color, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
	p.Add(dots)
	if hi-lo == 0 {
		lo, hi = -1, 1 // every difference zero: A against itself
	}
	pad := (hi - lo) * 0.08
	p.X.Min, p.X.Max = lo-pad, hi+pad
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	p.Y.Tick.Marker = ticks
	p.Y.Tick.Length = 0
	return p, nil
}
