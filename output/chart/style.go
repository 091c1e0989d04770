package chart

import (
	"image/color"
	"math"
	"strconv"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	plottext "gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/omnisim/omnisim/output"
)

// channelPalette colours channels by their position in the scenario, the
// same in every chart: the Okabe–Ito palette (Okabe and Ito 2008, "Color
// Universal Design"), told apart with the common colour-vision
// deficiencies. Yellow comes last: it is faint on white.
var channelPalette = []color.RGBA{
	{0x00, 0x72, 0xB2, 0xFF}, // blue
	{0xD5, 0x5E, 0x00, 0xFF}, // vermillion
	{0x00, 0x9E, 0x73, 0xFF}, // bluish green
	{0xCC, 0x79, 0xA7, 0xFF}, // reddish purple
	{0xE6, 0x9F, 0x00, 0xFF}, // orange
	{0x56, 0xB4, 0xE9, 0xFF}, // sky blue
	{0x00, 0x00, 0x00, 0xFF}, // black
	{0xF0, 0xE4, 0x42, 0xFF}, // yellow
}

// poolPalette colours agent pools by their position in the scenario: Paul
// Tol's "muted" scheme, also safe for colour-blind readers, and distinct
// from the channels' colours so that a pool is not read as a channel.
var poolPalette = []color.RGBA{
	{0x33, 0x22, 0x88, 0xFF}, // indigo
	{0x44, 0xAA, 0x99, 0xFF}, // teal
	{0xCC, 0x66, 0x77, 0xFF}, // rose
	{0x99, 0x99, 0x33, 0xFF}, // olive
	{0x88, 0x22, 0x55, 0xFF}, // wine
	{0x88, 0xCC, 0xEE, 0xFF}, // cyan
	{0x11, 0x77, 0x33, 0xFF}, // green
	{0xAA, 0x44, 0x99, 0xFF}, // purple
	{0xDD, 0xCC, 0x77, 0xFF}, // sand
}

// Colours of the figures that belong to no channel or pool.
var (
	inkColor    = color.RGBA{0x22, 0x22, 0x22, 0xFF} // text, totals
	axisColor   = color.RGBA{0x55, 0x55, 0x55, 0xFF}
	noteColor   = color.RGBA{0x44, 0x44, 0x44, 0xFF}
	gridColor   = color.RGBA{0xE3, 0xE3, 0xE3, 0xFF}
	shadeColor  = color.RGBA{0xEE, 0xEE, 0xEE, 0xFF} // the warm-up
	emptyColor  = color.RGBA{0xF3, 0xF3, 0xF3, 0xFF} // a panel with nothing to show
	neededColor = color.RGBA{0xB2, 0x18, 0x2B, 0xFF} // agents needed
	mutedColor  = color.RGBA{0x8C, 0x8C, 0x8C, 0xFF} // secondary lines
)

// channelStyle is the line of the channel at position i of the scenario.
// Beyond the palette's length colours repeat with a dash pattern, so that
// the ninth channel is not taken for the first.
func channelStyle(i int) draw.LineStyle {
	return paletteStyle(channelPalette, i)
}

// poolStyle is the line of the pool at position i of the scenario.
func poolStyle(i int) draw.LineStyle {
	return paletteStyle(poolPalette, i)
}

// channelColor is the colour of the channel at position i.
func channelColor(i int) color.Color { return channelStyle(i).Color }

// poolColor is the colour of the pool at position i.
func poolColor(i int) color.Color { return poolStyle(i).Color }

func paletteStyle(pal []color.RGBA, i int) draw.LineStyle {
	if i < 0 {
		return draw.LineStyle{Color: mutedColor, Width: vg.Points(1.6)}
	}
	sty := draw.LineStyle{Color: pal[i%len(pal)], Width: vg.Points(1.6)}
	switch (i / len(pal)) % 3 {
	case 1:
		sty.Dashes = []vg.Length{vg.Points(7), vg.Points(3)}
	case 2:
		sty.Dashes = []vg.Length{vg.Points(2), vg.Points(2)}
	}
	return sty
}

// The charts' fonts: Liberation Sans, which has the metrics of Arial, so
// that an SVG read where Liberation is missing keeps its layout.
var (
	chartFont = font.Font{Typeface: "Liberation", Variant: "Sans"}
	chartBold = font.Font{Typeface: "Liberation", Variant: "Sans", Weight: xfont.WeightBold}
)

// chartText is a text style of the given size in points.
func chartText(size float64, bold bool) plottext.Style {
	f := chartFont
	if bold {
		f = chartBold
	}
	return plottext.Style{Color: inkColor, Font: font.From(f, vg.Points(size)), Handler: chartTextHandler}
}

// newPlot returns a plot in the charts' style: sans-serif text, grey axes,
// no background of its own (the chart's canvas is white).
func newPlot() *plot.Plot {
	p := plot.New()
	p.BackgroundColor = nil
	p.Title.TextStyle = withAlign(chartText(11.5, true), p.Title.TextStyle)
	p.Title.Padding = vg.Points(6)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle = withAlign(chartText(11, false), a.Label.TextStyle)
		a.Label.Padding = vg.Points(5)
		a.Tick.Label = withAlign(chartText(10, false), a.Tick.Label)
		a.Tick.Label.Color = axisColor
		a.LineStyle = draw.LineStyle{Color: axisColor, Width: vg.Points(0.75)}
		a.Tick.LineStyle = draw.LineStyle{Color: axisColor, Width: vg.Points(0.75)}
		a.Tick.Length = vg.Points(4)
		a.Padding = vg.Points(3)
		a.Tick.Marker = numberTicks{n: 6}
	}
	return p
}

// withAlign returns sty with the alignment and rotation of old, which
// gonum sets for each place text goes.
func withAlign(sty, old plottext.Style) plottext.Style {
	sty.XAlign, sty.YAlign, sty.Rotation = old.XAlign, old.YAlign, old.Rotation
	return sty
}

// numberTicks marks a linear axis at about n round numbers: steps of 1, 2
// or 5 times a power of ten, labelled with thousands separators.
type numberTicks struct{ n int }

// Ticks marks round numbers between lo and hi.
func (t numberTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || math.IsInf(hi-lo, 0) {
		return []plot.Tick{{Value: lo, Label: output.Count(lo, 0)}}
	}
	step := niceStep((hi - lo) / float64(max(1, t.n)))
	decimals := max(0, int(-math.Floor(math.Log10(step)+1e-9)))
	var ticks []plot.Tick
	for k := math.Ceil(lo/step - 1e-9); k*step <= hi+step*1e-9; k++ {
		v := k * step
		if v == 0 {
			v = 0 // no "-0"
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: output.Count(v, decimals)})
	}
	return ticks
}

// niceStep returns the smallest of 1, 2 and 5 times a power of ten that is
// at least x.
func niceStep(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= x*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// niceCeil rounds x up to the next multiple of the step about n ticks
// would take from 0: the top of an axis that ends on a labelled tick.
func niceCeil(x float64, n int) float64 {
	if !(x > 0) || math.IsInf(x, 0) {
		return 1
	}
	step := niceStep(x / float64(n))
	return math.Ceil(x/step-1e-9) * step
}

// timeTicks marks a time axis, in seconds from the start of the run, with
// days and hours: a labelled tick at each day boundary ("Mon 1") and, when
// the span is short enough, at round hours or quarter hours ("06:00"). maxLabels bounds the
// labels so that they never overlap.
type timeTicks struct {
	tl        timeline
	maxLabels int
}

// Ticks marks times of day, or days, between lo and hi.
func (t timeTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || math.IsInf(hi-lo, 0) {
		return nil
	}
	const hour, day = 3600.0, 86400.0
	maxLabels := max(2, t.maxLabels)
	var major, minor float64
	if hours := (hi - lo) / hour; hours <= 60 {
		for _, h := range []float64{0.25, 0.5, 1, 2, 3, 4, 6, 12, 24} {
			major = h * hour
			if hours/h <= float64(maxLabels) {
				break
			}
		}
		switch {
		case major < hour:
			minor = major / 3
		case major <= 4*hour:
			minor = hour
		case major <= 12*hour:
			minor = 3 * hour
		default:
			minor = 6 * hour
		}
	}
	if major == 0 || (hi-lo)/major > float64(maxLabels) {
		days := (hi - lo) / day
		for _, d := range []float64{1, 2, 7, 14, 28, 56, 91, 182, 364} {
			major = d * day
			if days/d <= float64(maxLabels) {
				break
			}
		}
		switch {
		case major == day && days <= 10:
			minor = 6 * hour
		case major > day && days <= 120:
			minor = day
		case major > 7*day:
			minor = 7 * day
		default:
			minor = 0
		}
	}
	var ticks []plot.Tick
	for k := math.Ceil(lo/major - 1e-9); k*major <= hi+1e-6; k++ {
		v := k * major
		ticks = append(ticks, plot.Tick{Value: v, Label: t.label(v)})
	}
	if minor > 0 && minor < major {
		for k := math.Ceil(lo/minor - 1e-9); k*minor <= hi+1e-6; k++ {
			if v := k * minor; math.Mod(v, major) != 0 {
				ticks = append(ticks, plot.Tick{Value: v})
			}
		}
	}
	return ticks
}

// label names a moment: its day at midnight, else its time of day.
func (t timeTicks) label(v float64) string {
	s := int64(math.Round(v))
	if s%86400 == 0 {
		return t.tl.dayLabel(int(s / 86400))
	}
	s %= 86400
	h, m := s/3600, s%3600/60
	return pad2(h) + ":" + pad2(m)
}

func pad2(v int64) string {
	if v < 10 {
		return "0" + strconv.FormatInt(v, 10)
	}
	return strconv.FormatInt(v, 10)
}

// waitTicks marks an axis of the logarithms (base 10) of waits in minutes
// at durations people use: 1, 5, 10 and 30 seconds, 1, 2, 5, 10 and 30
// minutes, 1, 2, 4, 8 and 12 hours, 1 and 2 days, 1 and 4 weeks, thinned to
// at most 9 labels.
type waitTicks struct{}

var waitMarks = []struct {
	min   float64
	label string
}{
	{1.0 / 60, "1 s"}, {5.0 / 60, "5 s"}, {10.0 / 60, "10 s"}, {0.5, "30 s"},
	{1, "1 min"}, {2, "2 min"}, {5, "5 min"}, {10, "10 min"}, {30, "30 min"},
	{60, "1 h"}, {120, "2 h"}, {240, "4 h"}, {480, "8 h"}, {720, "12 h"},
	{1440, "1 day"}, {2880, "2 days"}, {10080, "1 week"}, {40320, "4 weeks"},
}

// Ticks marks the waits of waitMarks between lo and hi.
func (waitTicks) Ticks(lo, hi float64) []plot.Tick {
	var in []plot.Tick
	for _, m := range waitMarks {
		if v := math.Log10(m.min); v >= lo-1e-9 && v <= hi+1e-9 {
			in = append(in, plot.Tick{Value: v, Label: m.label})
		}
	}
	if len(in) < 2 {
		// A range narrower than two marks: label its ends.
		return []plot.Tick{{Value: lo, Label: durationLabel(math.Pow(10, lo))}, {Value: hi, Label: durationLabel(math.Pow(10, hi))}}
	}
	every := (len(in) + 8) / 9
	for i := range in {
		if i%every != 0 {
			in[i].Label = "" // a minor tick
		}
	}
	return in
}

// durationLabel writes a wait in minutes as people read it.
func durationLabel(minutes float64) string {
	return shortDuration(minutes * 60)
}

// shortDuration writes a duration in seconds in the unit it reads best
// in, with up to three significant digits: "20 s", "1.5 min", "24 h", "3
// days".
func shortDuration(sec float64) string {
	v, unit := sec, "s"
	switch a := math.Abs(sec); {
	case a >= 3*86400:
		v, unit = sec/86400, "days"
	case a >= 7200:
		v, unit = sec/3600, "h"
	case a >= 120:
		v, unit = sec/60, "min"
	}
	return strconv.FormatFloat(v, 'g', 3, 64) + " " + unit
}
