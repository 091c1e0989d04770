package chart

import (
	"bytes"
	"image/color"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// lineDrawing draws lines on c inside a plot of fixed axes, each by
// gonum's Line.Plot (gonums) or by plotLine with one lineBuffers.
func lineDrawing(c vg.Canvas, lines []*plotter.Line, gonums bool) {
	p := plot.New()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 10, 0, 10
	dc := draw.NewCanvas(c, 300, 200)
	var bufs lineBuffers
	for _, l := range lines {
		if gonums {
			l.Plot(dc, p)
		} else {
			plotLine(dc, p, l, &bufs)
		}
	}
}

// TestPlotLineAsGonums: plotLine draws what gonum's Line.Plot draws, the
// same SVG bytes and PNG pixels, and the same actions on a canvas that
// keeps its paths (where it reuses no memory), for random lines of 1 to
// 200 points inside the axes, crossing them, and just on them.
func TestPlotLineAsGonums(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 20))
	for trial := range 24 {
		var lines []*plotter.Line
		for range 1 + rng.IntN(8) {
			n := 1 + rng.IntN(200)
			xy := make(plotter.XYs, n)
			lo, hi := 0.0, 10.0
			switch trial % 3 {
			case 1:
				lo, hi = -3, 13 // crossing the axes
			case 2:
				lo, hi = 0, 0 // on the axes' ends, below
			}
			for i := range xy {
				xy[i].X = lo + (hi-lo)*rng.Float64()
				xy[i].Y = lo + (hi-lo)*rng.Float64()
				if trial%3 == 2 {
					xy[i] = plotter.XY{X: 10 * float64(rng.IntN(2)), Y: 10 * rng.Float64()}
				}
			}
			l, err := plotter.NewLine(xy)
			if err != nil {
				t.Fatal(err)
			}
			l.LineStyle = draw.LineStyle{Color: color.RGBA{R: uint8(rng.IntN(256)), A: 255}, Width: vg.Points(0.5 + 3*rng.Float64())}
			if rng.IntN(10) == 0 {
				l.LineStyle.Width = 0
			}
			lines = append(lines, l)
		}
		var svgs [2][]byte
		var pngs [2][]byte
		var recs [2]*recorder.Canvas
		for k, gonums := range []bool{true, false} {
			sc := vgsvg.New(300, 200)
			lineDrawing(sc, lines, gonums)
			var b bytes.Buffer
			if _, err := sc.WriteTo(&b); err != nil {
				t.Fatal(err)
			}
			svgs[k] = b.Bytes()
			ic := vgimg.New(300, 200)
			lineDrawing(ic, lines, gonums)
			var pb bytes.Buffer
			if _, err := (vgimg.PngCanvas{Canvas: ic}).WriteTo(&pb); err != nil {
				t.Fatal(err)
			}
			pngs[k] = pb.Bytes()
			recs[k] = &recorder.Canvas{}
			lineDrawing(recs[k], lines, gonums)
		}
		if !bytes.Equal(svgs[0], svgs[1]) {
			t.Fatalf("trial %d: the SVGs differ", trial)
		}
		if !bytes.Equal(pngs[0], pngs[1]) {
			t.Fatalf("trial %d: the PNGs differ", trial)
		}
		if len(recs[0].Actions) != len(recs[1].Actions) {
			t.Fatalf("trial %d: %d actions, want %d", trial, len(recs[1].Actions), len(recs[0].Actions))
		}
		for i := range recs[0].Actions {
			if a, b := recs[0].Actions[i].Call(), recs[1].Actions[i].Call(); a != b {
				t.Fatalf("trial %d: action %d is %s, want %s", trial, i, b, a)
			}
		}
	}
}

// TestStrokesAtOnce: the canvases a chart is drawn on, cropped as its
// figure crops them, are seen as done with a path once it is stroked; a
// recorder is not.
func TestStrokesAtOnce(t *testing.T) {
	for _, c := range []vg.Canvas{vgimg.New(100, 100), vgsvg.New(100, 100)} {
		dc := draw.New(c.(vg.CanvasSizer))
		cropped := draw.Crop(draw.Crop(dc, 1, -1, 1, -1), 2, -2, 2, -2)
		if !strokesAtOnce(cropped.Canvas) || !strokesAtOnce(dc.Canvas) {
			t.Errorf("%T: not seen as stroking at once", c)
		}
	}
	if strokesAtOnce(draw.Crop(draw.NewCanvas(&recorder.Canvas{}, 100, 100), 1, -1, 1, -1).Canvas) {
		t.Error("a recorder seen as stroking at once")
	}
}
