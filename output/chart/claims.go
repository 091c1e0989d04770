package chart

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// Claims returns an A/B chart for each claim of a story told by omnisim
// demo (ds.Claims) that sets two sides against each other, named
// claim-<n> after the claim's number: above, each side's mean as a bar
// with its 95 % interval; below, the change B − A (B ÷ A − 1 when
// relative), paired replication by replication, with its 95 % interval,
// against zero and the size the claim names. A claim on a level, with one
// side, gets none. A run's Dataset has no claims: no chart.
func Claims(ds *output.Dataset) []Chart {
	if ds == nil {
		return nil
	}
	var out []Chart
	for i, c := range output.Claims(ds.Claims) {
		if c.HasSides() {
			out = append(out, claimChart(i+1, c, ds))
		}
	}
	return out
}

// claimScale returns what a claim's values are multiplied by on its
// chart, and their unit's name there.
func claimScale(unit string, c output.Claim) (scale float64, name string) {
	switch unit {
	case output.UnitShare:
		return 100, "%"
	case output.UnitSeconds:
		s, n := output.SecondsScale(math.Max(math.Abs(c.A.Mean), math.Abs(c.B.Mean)))
		return 1 / s, map[string]string{"s": "seconds", "min": "minutes", "h": "hours"}[n]
	case output.UnitHours:
		return 1, "hours"
	case "level":
		return 1, "level"
	}
	return 1, ""
}

// claimFigureLabel names a claim's figure for its chart: "social: service
// level", "customers: contacts per resolution".
func claimFigureLabel(figure string) string {
	if figure == "expectation" {
		return "the expectation level"
	}
	scope, key := "", figure
	if i := strings.LastIndexByte(figure, '.'); i >= 0 {
		scope, key = figure[:i], figure[i+1:]
	}
	label := key
	for _, f := range models.Figures {
		if f.Key == key {
			label = f.Label
		}
	}
	for _, f := range models.CustomerFigures {
		if f.Key == key {
			label = f.Label
		}
	}
	for _, f := range models.PoolFigures {
		if f.Key == key {
			label = f.Label
		}
	}
	scope = strings.Replace(scope, "pools.", "pool ", 1)
	if scope == "" {
		return label
	}
	return scope + ": " + label
}

// shortLabel shortens a side's name for an axis: a variant's overrides
// can be long; the chart's note has them whole.
func shortLabel(s string) string {
	const most = 38
	if r := []rune(s); len(r) > most {
		return strings.TrimRight(string(r[:most-1]), " ,") + "…"
	}
	return s
}

// claimChart is claim n's A/B chart.
func claimChart(n int, c output.Claim, ds *output.Dataset) Chart {
	scale, unit := claimScale(c.Unit, c)
	verdict := "held"
	if !c.Held {
		verdict = "not borne out"
	}
	ch := Chart{Name: fmt.Sprintf("claim-%d", n),
		Title: fmt.Sprintf("Claim %d (%s): %s, A against B", n, verdict, claimFigureLabel(c.Figure))}
	change, changeUnit := "B − A", unit
	changeScale := scale
	switch {
	case c.Relative:
		change, changeUnit, changeScale = "B ÷ A − 1", "%", 100
	case unit == "%":
		changeUnit = "percentage points"
	}
	reps := ""
	if n := ds.Meta.Replications; n > 1 {
		reps = fmt.Sprintf(" over %d replications", n)
	}
	ch.Note = fmt.Sprintf("A is %s; B is %s. Above, each side's mean%s as a bar, with its 95 %% confidence interval; "+
		"below, the change %s, paired replication by replication (the variants saw the same customers), with its "+
		"95 %% interval, against 0 and the size the claim names (dashed).", c.A.Label, c.B.Label, reps, change)
	color := claimColor(c.Figure, ds)
	ch.build = func(f frame) (*figure, error) {
		sides, err := claimSidesPlot(c, scale, unit, color)
		if err != nil {
			return nil, err
		}
		diff, err := claimChangePlot(c, change, changeScale, changeUnit, color)
		if err != nil {
			return nil, err
		}
		dashed := draw.LineStyle{Color: neededColor, Width: vg.Points(1.2), Dashes: []vg.Length{vg.Points(3), vg.Points(3)}}
		whisker := draw.LineStyle{Color: inkColor, Width: vg.Points(1.6)}
		return &figure{panels: []*plot.Plot{sides, diff}, notes: []string{"", ""}, legend: []legendItem{
			{name: "95 % interval", color: inkColor, thumbs: []plot.Thumbnailer{legendLine(whisker)}},
			{name: "size claimed", color: neededColor, thumbs: []plot.Thumbnailer{legendLine(dashed)}},
		}}, nil
	}
	return ch
}

// claimColor is the colour of the channel a claim's figure belongs to, or
// the ink of figures of no channel.
func claimColor(figure string, ds *output.Dataset) color.Color {
	for _, ch := range channelsOf(ds) {
		if strings.HasPrefix(figure, ch.Name+".") {
			return channelColor(ch.index)
		}
	}
	return inkColor
}

// claimSidesPlot draws each side's mean as a bar from 0, A above B, with
// its 95 % interval.
func claimSidesPlot(c output.Claim, scale float64, unit string, col color.Color) (*plot.Plot, error) {
	p := newPlot()
	p.Title.Text = "each side"
	p.X.Label.Text = strings.TrimSpace(claimFigureLabel(c.Figure) + axisUnit(unit))
	sides := []output.ClaimSide{c.A, c.B}
	var ivs intervals
	lo, hi := 0.0, 0.0
	for i, s := range sides {
		y := float64(len(sides) - 1 - i)
		m := s.Mean * scale
		if !output.Finite(m) {
			continue
		}
		h := s.HalfWidth * scale
		if !output.Finite(h) {
			h = 0
		}
		lo, hi = math.Min(lo, m-h), math.Max(hi, m+h)
		bar, err := plotter.NewBarChart(plotter.Values{m}, vg.Points(22))
		if err != nil {
			return nil, err
		}
		bar.Horizontal, bar.XMin = true, y
		bar.Color, bar.LineStyle.Width = col, 0
		if i == 0 {
			bar.Color = mutedColor
		}
		p.Add(bar)
		ivs.add(m, y, h)
	}
	if ivs.Len() > 0 {
		bars, err := plotter.NewXErrorBars(ivs)
		if err != nil {
			return nil, err
		}
		bars.LineStyle = draw.LineStyle{Color: inkColor, Width: vg.Points(1.6)}
		bars.CapWidth = vg.Points(10)
		p.Add(bars)
	}
	if hi-lo == 0 {
		hi = lo + 1
	}
	pad := (hi - lo) * 0.06
	p.X.Min, p.X.Max = math.Min(0, lo-pad), hi+pad
	if lo >= 0 {
		p.X.Min = 0
	}
	p.X.Tick.Marker = numberTicks{n: 6}
	p.Y.Min, p.Y.Max = -0.6, 1.6
	p.Y.Tick.Marker = plot.ConstantTicks{{Value: 1, Label: "A · " + shortLabel(c.A.Label)}, {Value: 0, Label: "B · " + shortLabel(c.B.Label)}}
	p.Y.Tick.Length = 0
	return p, nil
}

// claimChangePlot draws the paired change with its 95 % interval, the
// zero line and the size claimed.
func claimChangePlot(c output.Claim, change string, scale float64, unit string, col color.Color) (*plot.Plot, error) {
	p := newPlot()
	p.Title.Text = "the change " + change
	p.X.Label.Text = strings.TrimSpace("change" + axisUnit(unit))
	d, h := c.Change.Mean*scale, c.Change.HalfWidth*scale
	if !output.Finite(h) {
		h = 0
	}
	by := c.By * scale
	var marks []float64
	switch c.Expect {
	case "rise":
		marks = []float64{by}
	case "fall":
		marks = []float64{-by}
	case "steady":
		marks = []float64{-by, by}
	}
	lo, hi := 0.0, 0.0
	if output.Finite(d) {
		lo, hi = math.Min(lo, d-h), math.Max(hi, d+h)
	}
	for _, m := range marks {
		if output.Finite(m) {
			lo, hi = math.Min(lo, m), math.Max(hi, m)
		}
	}
	vline := func(x float64, sty draw.LineStyle) error {
		l, err := plotter.NewLine(plotter.XYs{{X: x, Y: -0.6}, {X: x, Y: 0.6}})
		if err != nil {
			return err
		}
		l.LineStyle = sty
		p.Add(l)
		return nil
	}
	dashed := []vg.Length{vg.Points(3), vg.Points(3)}
	if err := vline(0, draw.LineStyle{Color: axisColor, Width: vg.Points(0.75), Dashes: dashed}); err != nil {
		return nil, err
	}
	for _, m := range marks {
		if output.Finite(m) && m != 0 {
			if err := vline(m, draw.LineStyle{Color: neededColor, Width: vg.Points(1.2), Dashes: dashed}); err != nil {
				return nil, err
			}
		}
	}
	if output.Finite(d) {
		var iv intervals
		iv.add(d, 0, h)
		bars, err := plotter.NewXErrorBars(iv)
		if err != nil {
			return nil, err
		}
		bars.LineStyle = draw.LineStyle{Color: col, Width: vg.Points(3)}
		bars.CapWidth = vg.Points(9)
		p.Add(bars)
		dot, err := plotter.NewScatter(iv.points())
		if err != nil {
			return nil, err
		}
		dot.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
		p.Add(dot)
	}
	if hi-lo == 0 {
		lo, hi = -1, 1
	}
	pad := (hi - lo) * 0.08
	p.X.Min, p.X.Max = lo-pad, hi+pad
	p.X.Tick.Marker = numberTicks{n: 6}
	p.Y.Min, p.Y.Max = -0.6, 0.6
	p.Y.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: change}}
	p.Y.Tick.Length = 0
	return p, nil
}

// axisUnit is an axis label's unit, after a comma: ", %".
func axisUnit(unit string) string {
	if unit == "" || unit == "level" {
		return ""
	}
	return ", " + unit
}
