package chart

import (
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// lineBuffers are the memory plotLine reuses from one line to the next of
// a paddedLine: the points on the canvas and the path stroked.
type lineBuffers struct {
	ps   []vg.Point
	path vg.Path
}

// plotLine draws l as gonum's Line.Plot does, for a line with no fill and
// no steps (as series.plotters makes them), the same path stroked with
// the same style, so the same pixels and SVG: the points on the canvas,
// clipped to it, then each clipped line stroked as a path. Its memory is
// taken from bufs and left there for the next line when c strokes a path
// at once (vgimg's and vgsvg's canvases, whose Stroke keeps nothing of
// the path); otherwise it is made anew. Where every point is inside the
// canvas (as gonum's clipping decides, within its slop), the clipping's
// one line is the points themselves, which are stroked without being
// copied into it four times. A 365-day folder's lines allocated 40 MB of
// paths grown point by point, and 10 MB of clipped copies.
func plotLine(c draw.Canvas, plt *plot.Plot, l *plotter.Line, bufs *lineBuffers) {
	reuse := strokesAtOnce(c.Canvas)
	trX, trY := plt.Transforms(&c)
	var ps []vg.Point
	if reuse {
		ps = slices.Grow(bufs.ps[:0], len(l.XYs))[:len(l.XYs)]
		bufs.ps = ps
	} else {
		ps = make([]vg.Point, len(l.XYs))
	}
	inside := true
	for i, p := range l.XYs {
		ps[i].X = trX(p.X)
		ps[i].Y = trY(p.Y)
		inside = inside && insideClip(c, ps[i])
	}
	if l.LineStyle.Width == 0 {
		return
	}
	var lines [][]vg.Point
	if inside && len(ps) > 1 {
		lines = [][]vg.Point{ps}
	} else {
		lines = c.ClipLinesXY(ps)
	}
	if len(lines) == 0 {
		return
	}
	c.SetLineStyle(l.LineStyle)
	for _, pts := range lines {
		if len(pts) == 0 {
			continue
		}
		var p vg.Path
		if reuse {
			p = bufs.path[:0]
		} else {
			p = make(vg.Path, 0, len(pts))
		}
		p.Move(pts[0])
		for _, pt := range pts[1:] {
			p.Line(pt)
		}
		c.Stroke(p)
		if reuse {
			bufs.path = p
		}
	}
}

// insideClip tells whether gonum's clipping (draw.Canvas.ClipLinesXY)
// keeps p on c with no cut: each of its four tests, as it writes them.
func insideClip(c draw.Canvas, p vg.Point) bool {
	const slop = 3e-8 // gonum's vg/draw slop
	return p.X <= c.Max.X+slop && p.X >= c.Min.X-slop &&
		p.Y <= c.Max.Y+slop && p.Y >= c.Min.Y-slop
}

// strokesAtOnce tells whether c is a vgimg or vgsvg canvas (or ours), perhaps
// inside draw.Canvases (draw.Crop, plot.Align), whose Stroke is done with
// its path when it returns.
func strokesAtOnce(c vg.Canvas) bool {
	switch baseCanvas(c).(type) {
	case *vgimg.Canvas, *vgsvg.Canvas, *svgCanvas, *pngCanvas:
		return true
	}
	return false
}

// baseCanvas returns the canvas c draws on, inside any draw.Canvas.
func baseCanvas(c vg.Canvas) vg.Canvas {
	for {
		switch cv := c.(type) {
		case draw.Canvas:
			c = cv.Canvas
		case *draw.Canvas:
			c = cv.Canvas
		default:
			return c
		}
	}
}

// lineScratch is the memory a paddedLine's draw reuses from line to line.
type lineScratch struct {
	line lineBuffers
	band bandBuffers
}

// lineScratches keep lineScratches from one draw to the next: each draw's
// buffers, made anew and grown by doubling to a 365-day line's thousands
// of points, were 25 MB of a 365-day folder's allocations. Nothing of
// them is held by a canvas once a draw is done (plotLine and plotBand
// hand a canvas their buffers only when it strokes or fills at once).
var lineScratches freeList[lineScratch]
