package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"git.sr.ht/~sbinet/gg"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/omnisim/omnisim/output"
)

// bandTestWidth and bandTestHeight are the size in pixels, at 96 dots per
// inch, of the images the band's tests draw on.
const bandTestWidth, bandTestHeight = 600, 300

// drawnLine is a line drawn alone on a plain white image.
type drawnLine struct {
	img *image.RGBA
	// pixel returns the column and row of the pixel a point is in.
	pixel func(x, y float64) (int, int)
	line  *paddedLine
}

// drawBandTest draws s in style sty alone on a white image of bandTestWidth ×
// bandTestHeight pixels, thinned to its width in pixels, its thinned runs
// as bands painted into the image (paintBand); or, with stroked, those
// runs stroked as lines (undashed: a band draws no dashes), as they were
// before bands.
func drawBandTest(t *testing.T, s series, sty draw.LineStyle, stroked bool) drawnLine {
	t.Helper()
	return drawBandTestOn(t, s, sty, stroked, true)
}

// drawBandTestOn is drawBandTest with the bands painted into the image
// (paintBand) when direct is set, filled by gg (fillBand) when not.
func drawBandTestOn(t *testing.T, s series, sty draw.LineStyle, stroked, direct bool) drawnLine {
	t.Helper()
	if stroked {
		sty.Dashes = nil
	}
	ps, err := s.plotters(sty, bandTestWidth)
	if err != nil {
		t.Fatal(err)
	}
	l := ps[0].(*paddedLine)
	if stroked {
		l.band = nil
	}
	p := plot.New()
	p.Add(l)
	const dpi = 96
	img := image.NewRGBA(image.Rect(0, 0, bandTestWidth, bandTestHeight))
	ctx := gg.NewContextForRGBA(img)
	ctx.InvertY()
	if stroked {
		// Round caps: a band reaches half the width beyond a run's
		// ends, as the stroke's width does elsewhere, so that the
		// pixels of the run's first and last points are painted too.
		ctx.SetLineCapRound()
	} else {
		ctx.SetLineCapButt()
	}
	var cv vg.CanvasSizer = vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(dpi))
	if direct {
		cv = &pngCanvas{Canvas: cv.(*vgimg.Canvas), img: img, ctx: ctx}
	}
	dc := draw.New(cv)
	p.Draw(dc)
	data := p.DataCanvas(dc)
	trX, trY := p.Transforms(&data)
	return drawnLine{
		img: img,
		pixel: func(x, y float64) (int, int) {
			return int(math.Floor(trX(x).Dots(dpi))), bandTestHeight - 1 - int(math.Floor(trY(y).Dots(dpi)))
		},
		line: l,
	}
}

// bandCases are series long enough to be thinned at bandTestWidth: noise,
// steps held over their intervals (as stepSeries makes them) with rare
// spikes, a line closed at night (runs between gaps), and one dense then
// sparse (segments across many columns), in the styles
// the charts draw: a channel's line, a dashed one and the staffing
// chart's wide grey line of the agents present.
func bandCases() []struct {
	name string
	s    series
	sty  draw.LineStyle
} {
	rng := rand.New(rand.NewPCG(5, 6))
	var noise, steps, nights series
	for i := range 20000 {
		noise.add(float64(i)*1800, rng.NormFloat64())
	}
	for i := range 8000 {
		y := float64(rng.IntN(30))
		if rng.IntN(700) == 0 {
			y = 200
		}
		steps.add(float64(i)*1800, y)
		steps.add(float64(i+1)*1800, y)
	}
	for day := range 200 {
		for k := range 48 {
			y := math.NaN()
			if k >= 16 && k < 40 {
				y = 10 + 5*math.Sin(float64(k)/4) + rng.ExpFloat64()
			}
			nights.add(float64(day*48+k)*1800, y)
			nights.add(float64(day*48+k+1)*1800, y)
		}
	}
	// Dense, then sparse: joining segments that span many columns.
	var sparse series
	for i := range 6000 {
		sparse.add(float64(i), rng.Float64())
	}
	for i := range 30 {
		sparse.add(6000+float64(i)*200, 5*rng.Float64())
	}
	solid, dashed := channelStyle(0), channelStyle(len(channelPalette))
	wide := draw.LineStyle{Color: color.RGBA{0xBB, 0xBB, 0xBB, 0xFF}, Width: vg.Points(3.5)}
	var out []struct {
		name string
		s    series
		sty  draw.LineStyle
	}
	for _, sc := range []struct {
		name string
		s    series
	}{{"noise", noise}, {"steps", steps}, {"nights", nights}, {"sparse", sparse}} {
		for _, st := range []struct {
			name string
			sty  draw.LineStyle
		}{{"solid", solid}, {"dashed", dashed}, {"wide", wide}} {
			out = append(out, struct {
				name string
				s    series
				sty  draw.LineStyle
			}{sc.name + "/" + st.name, sc.s, st.sty})
		}
	}
	return out
}

// sameColor tells whether the pixel at (x, y) of img is c.
func sameColor(img *image.RGBA, x, y int, c color.Color) bool {
	r, g, b, a := c.RGBA()
	q := img.RGBAAt(x, y)
	return uint32(q.R)*0x101 == r && uint32(q.G)*0x101 == g && uint32(q.B)*0x101 == b && uint32(q.A)*0x101 == a
}

// painted tells whether the pixel at (x, y) of img is painted visibly in
// colour c over the canvas's white: by at least a sixteenth of c (the
// rasterizer's antialiasing paints pixels a line barely touches by 1 in
// 255, which do not show).
func painted(img *image.RGBA, x, y int, c color.Color) bool {
	q := img.RGBAAt(x, y)
	r, g, b, _ := c.RGBA()
	most := 0xFF - min(r, g, b)>>8
	return 16*(0xFF-uint32(min(q.R, q.G, q.B))) >= most
}

// TestBandContainsEveryPoint: a line long enough to be thinned, drawn as
// bands, paints the pixel of every one of its points, thinned away or
// not, in the line's colour (the band's envelope holds every point's
// value); it paints in the line's colour every pixel its thinned points
// stroked (without dashes) paint in it; and it paints no pixel further
// than 1.5 pixels from one the stroke paints, so that it looks the same.
// Seen to catch: the band not widened sideways (points near a column's
// edge lost their pixel), and a long segment between columns taken in one
// step (its box painted far from the stroke).
func TestBandContainsEveryPoint(t *testing.T) {
	for _, c := range bandCases() {
		t.Run(c.name, func(t *testing.T) {
			band := drawBandTest(t, c.s, c.sty, false)
			if band.line.band == nil {
				t.Fatal("the line was not thinned")
			}
			for i, x := range c.s.X {
				y := c.s.Y[i]
				if !output.Finite(y) {
					continue
				}
				if px, py := band.pixel(x, y); !sameColor(band.img, px, py, c.sty.Color) {
					t.Fatalf("point %d (%v, %v): its pixel (%d, %d) is %v, want the line's %v",
						i, x, y, px, py, band.img.RGBAAt(px, py), c.sty.Color)
				}
			}
			stroke := drawBandTest(t, c.s, c.sty, true)
			// A band's corners are square, the stroke's round: they reach
			// (√2 − 1) × half the width further, a pixel more for the
			// wide line (3.5 points, 4.7 pixels): in the notch of a V,
			// where the stroke leaves a round hollow, the band paints
			// faint pixels up to 2.5 pixels from the stroke's.
			reach := 1.5
			if c.sty.Width > vg.Points(2) {
				reach = 2.5
			}
			far, missed := 0, 0
			for py := range bandTestHeight {
				for px := range bandTestWidth {
					if sameColor(stroke.img, px, py, c.sty.Color) && !painted(band.img, px, py, c.sty.Color) {
						missed++
					}
					if !painted(band.img, px, py, c.sty.Color) || painted(stroke.img, px, py, c.sty.Color) {
						continue
					}
					near := false
					for dy := -3; dy <= 3 && !near; dy++ {
						for dx := -3; dx <= 3 && !near; dx++ {
							if float64(dx*dx+dy*dy) <= reach*reach && painted(stroke.img, px+dx, py+dy, c.sty.Color) {
								near = true
							}
						}
					}
					if !near {
						far++
					}
				}
			}
			if missed > 0 {
				t.Errorf("%d pixels the stroke paints in the line's colour are not painted by the band", missed)
			}
			if far > 0 {
				t.Errorf("%d pixels painted further than %v pixels from the stroke's", far, reach)
			}
		})
	}
}

// TestBandInSVG: in an SVG a thinned line is one filled path a piece of
// its band (bandPiece steps), in the line's colour, and no stroke; a
// line too short to thin is stroked as before. Dashed and wide lines
// alike: a band has no dashes.
func TestBandInSVG(t *testing.T) {
	for _, c := range bandCases() {
		t.Run(c.name, func(t *testing.T) {
			for _, thin := range []bool{true, false} {
				s := c.s
				if !thin {
					s = series{X: c.s.X[:200], Y: c.s.Y[:200]}
				}
				ps, err := s.plotters(c.sty, bandTestWidth)
				if err != nil {
					t.Fatal(err)
				}
				p := plot.New()
				p.Add(ps...)
				cv := vgsvg.New(bandTestWidth, bandTestHeight)
				p.Draw(draw.New(cv))
				var b bytes.Buffer
				if _, err := cv.WriteTo(&b); err != nil {
					t.Fatal(err)
				}
				r, g, bl, _ := c.sty.Color.RGBA()
				hex := fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, bl>>8)
				fills := strings.Count(b.String(), "fill:"+hex)
				strokes := strings.Count(b.String(), "stroke:"+hex)
				if thin && (fills == 0 || strokes != 0) {
					t.Errorf("thinned: %d paths filled and %d stroked in %s, want filled only", fills, strokes, hex)
				}
				if !thin && (fills != 0 || strokes == 0) {
					t.Errorf("not thinned: %d paths filled and %d stroked in %s, want stroked only", fills, strokes, hex)
				}
				if thin && len(c.sty.Dashes) > 0 && strings.Contains(b.String(), "stroke-dasharray") {
					t.Error("a band drawn with dashes")
				}
			}
		})
	}
}

// TestBandOfOneColumnAndOnePoint: among runs thinned together, a run
// whose points all fall in one column is a band that paints each of its
// points' pixels (its rectangle, widened), and a run of one point is
// still a dot.
func TestBandOfOneColumnAndOnePoint(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	var s series
	for i := range 5000 {
		s.add(float64(i), rng.Float64())
	}
	s.add(5000, math.NaN())
	// One column of the grid is about 6,000 / 600 = 10 wide.
	oneColumn := series{}
	for i := range 5 {
		oneColumn.add(5200+float64(i), 3+rng.Float64())
	}
	for i := range oneColumn.X {
		s.add(oneColumn.X[i], oneColumn.Y[i])
	}
	s.add(5300, math.NaN())
	s.add(5500, 2) // one point
	s.add(5600, math.NaN())
	for i := range 400 {
		s.add(5700+float64(i), rng.Float64())
	}
	sty := channelStyle(1)
	band := drawBandTest(t, s, sty, false)
	if band.line.band == nil {
		t.Fatal("the line was not thinned")
	}
	parts := band.line.parts
	if len(parts) != 4 {
		t.Fatalf("%d parts, want 4: a band, a band of one column, a dot and a band", len(parts))
	}
	if _, ok := parts[2].(*plotter.Scatter); !ok {
		t.Errorf("the run of one point is a %T, want a dot", parts[2])
	}
	if one, ok := parts[1].(*plotter.Line); !ok {
		t.Errorf("the run of one column is a %T, want a line drawn as a band", parts[1])
	} else if cols := bandColumns(one.XYs, *band.line.band, func(x float64) vg.Length { return vg.Length(x) }, func(y float64) vg.Length { return vg.Length(y) }, nil); len(cols) != 1 {
		t.Errorf("the run of one column has %d columns", len(cols))
	}
	for i, x := range s.X {
		y := s.Y[i]
		if !output.Finite(y) {
			continue
		}
		if px, py := band.pixel(x, y); !sameColor(band.img, px, py, sty.Color) {
			t.Errorf("point %d (%v, %v): its pixel (%d, %d) is %v, want the line's %v",
				i, x, y, px, py, band.img.RGBAAt(px, py), sty.Color)
		}
	}
}

// TestBandPiecesAsOne: a band filled in pieces cut at the edges of pixels
// paints the same pixels as filled in one: no seam where pieces meet.
// Seen to catch: pieces cut off the edges of pixels.
func TestBandPiecesAsOne(t *testing.T) {
	defer func(n int) { bandPiece = n }(bandPiece)
	for _, c := range bandCases() {
		// Filled by gg (fillBand), which cuts a band into pieces; a
		// band painted into the image (paintBand) is never cut.
		bandPiece = 128
		pieces := drawBandTestOn(t, c.s, c.sty, false, false)
		bandPiece = math.MaxInt / 2
		one := drawBandTestOn(t, c.s, c.sty, false, false)
		if !bytes.Equal(pieces.img.Pix, one.img.Pix) {
			t.Errorf("%s: the pieces paint other pixels than the whole band", c.name)
		}
	}
}

// TestBandOutsideTheCanvas draws a thinned line whose data lie wholly
// left of the plot's x range: every vertex of its band is held to the
// canvas's edge, a band of no width, which must be drawn (as nothing
// visible) and not loop for ever looking for a piece to fill.
func TestBandOutsideTheCanvas(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var s series
	for i := range 20000 {
		s.add(float64(i), rng.Float64())
	}
	ps, err := s.plotters(channelStyle(0), bandTestWidth)
	if err != nil {
		t.Fatal(err)
	}
	l := ps[0].(*paddedLine)
	if l.band == nil {
		t.Fatal("the line was not thinned")
	}
	p := plot.New()
	p.Add(l)
	p.X.Min, p.X.Max = 30000, 50000
	img := image.NewRGBA(image.Rect(0, 0, bandTestWidth, bandTestHeight))
	ctx := gg.NewContextForRGBA(img)
	ctx.InvertY()
	cv := vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(96))
	done := make(chan struct{})
	go func() {
		p.Draw(draw.New(cv))
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("drawing a band outside the canvas did not end")
	}
}
