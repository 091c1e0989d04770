package chart

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// thinGrid is the grid of columns a line was thinned on (thinRuns):
// columns equal slices of [x0, x0+span], span > 0.
type thinGrid struct {
	x0, span float64
	columns  int
}

// col returns the column of the grid x falls in, as thinning finds it.
func (g thinGrid) col(x float64) int {
	return min(g.columns-1, int(float64(g.columns)*(x-g.x0)/g.span))
}

// bandColumn is a run's kept points in one column of its grid, on the
// canvas: the x of the first and last, the least and greatest y, the y of
// the first and last.
type bandColumn struct {
	xa, xb, lo, hi, ya, yb vg.Length
}

// bandStep is a stretch [x0, x1] of the canvas over which a band's line,
// not yet widened, lies between lo and hi.
type bandStep struct {
	x0, x1, lo, hi vg.Length
}

// bandBuffers are the memory plotBand reuses from one run to the next.
type bandBuffers struct {
	cols     []bandColumn
	steps    []bandStep
	top, bot []vg.Point
	// pieceTop and pieceBot are a piece's chains.
	pieceTop, pieceBot []vg.Point
	path               vg.Path
	paint              paintBuffers
}

// plotBand draws a thinned run l (the points thinRuns kept of it, on grid
// g) as a band: one filled polygon that covers what stroking the points
// with l's width would, and little more. Thinned, a run keeps up to four
// points in each column (its first, lowest, highest and last), and
// stroked they make a zigzag of steep segments, slow to rasterize, whose
// dashes cannot be seen. The band covers, in each column, the rectangle
// from its first to its last point in x and its lowest to highest in y,
// and the segment joining its last point to the next column's first, all
// widened by half the line's width on every side; it is drawn in the
// line's colour, without dashes. Its outline is a staircase over x: each
// column and the segment after it (when the segment spans at most half a
// column; a longer one is cut into stretches of half a column) is a step
// holding their least and greatest y, and the band's top at x is the
// greatest step's top within half the width of x, plus half the width
// (its bottom likewise). So every point of the run lies at least half the
// width inside the band (TestBandContainsEveryPoint), and the band
// reaches beyond the stroke by at most about a column and a half (a step
// holds a column and the segment after it) and, at its square corners,
// (√2 − 1) times half the width. A run's ends are widened too, as by a
// round cap, where the line's butt caps stop. On an image a long band is
// filled in pieces cut at the edges of pixels (the rasterizer slows down
// with a path's length), or on a PNG's image painted into it directly
// with the same pixels (paintBand); in an SVG it is one path.
func plotBand(c draw.Canvas, plt *plot.Plot, l *plotter.Line, g thinGrid, bufs *bandBuffers) {
	if l.LineStyle.Width == 0 || len(l.XYs) == 0 {
		return
	}
	trX, trY := plt.Transforms(&c)
	colW := trX(g.x0+g.span/float64(g.columns)) - trX(g.x0)
	cols := bandColumns(l.XYs, g, trX, trY, bufs.cols[:0])
	steps := bandSteps(cols, colW/2, bufs.steps[:0])
	h := l.LineStyle.Width / 2
	clip := vg.Rectangle{
		Min: vg.Point{X: c.Min.X - h, Y: c.Min.Y - h},
		Max: vg.Point{X: c.Max.X + h, Y: c.Max.Y + h},
	}
	top, bot := bandChains(steps, h, clip, bufs.top[:0], bufs.bot[:0])
	reuse := strokesAtOnce(c.Canvas)
	c.SetColor(l.LineStyle.Color)
	dpi, raster := rasterDPI(c.Canvas)
	if pc := asPNGCanvas(c.Canvas); pc != nil && pc.paintBand(top, bot, lineColor(l.LineStyle.Color), &bufs.paint) {
		// Painted into the image directly: the same pixels.
	} else if !raster || len(top) <= 2*bandPiece {
		bufs.path = fillBand(c, top, bot, reuse, bufs.path)
	} else {
		// Pieces of about bandPiece vertices of the top, cut at the
		// edges of pixels: no pixel is painted by two pieces, so none is
		// painted twice where their antialiased edges meet.
		pixel := func(x vg.Length) vg.Length {
			return vg.Length(math.Round(x.Dots(dpi))) * vg.Inch / vg.Length(dpi)
		}
		ti, bi := 0, 0 // the first vertices of top and bot past the last cut
		from := top[0].X
		for k := bandPiece; ; k += bandPiece {
			to := top[len(top)-1].X
			if k < len(top)-bandPiece {
				to = min(pixel(top[k].X), to)
			}
			if !(to > from) {
				if to >= top[len(top)-1].X {
					break // a band of no width (all of it clipped to one edge)
				}
				continue
			}
			var pt, pb []vg.Point
			pt, ti = chainPiece(top, ti, from, to, bufs.pieceTop[:0])
			pb, bi = chainPiece(bot, bi, from, to, bufs.pieceBot[:0])
			bufs.path = fillBand(c, pt, pb, reuse, bufs.path)
			bufs.pieceTop, bufs.pieceBot = pt, pb
			if to >= top[len(top)-1].X {
				break
			}
			from = to
		}
	}
	bufs.cols, bufs.steps, bufs.top, bufs.bot = cols, steps, top, bot
}

// bandPiece is about the most vertices of its top a band is filled with
// at once on an image: the rasterizer's time grows with the square of the
// cells a single path crosses on a row of pixels.
var bandPiece = 128

// fillBand fills the polygon of top, from left to right, then bot, from
// right to left, on c, with its path made in buf when reuse is set, and
// returns the path.
func fillBand(c draw.Canvas, top, bot []vg.Point, reuse bool, buf vg.Path) vg.Path {
	var p vg.Path
	if reuse {
		p = buf[:0]
	} else {
		p = make(vg.Path, 0, len(top)+len(bot)+2)
	}
	p.Move(top[0])
	for _, pt := range top[1:] {
		p.Line(pt)
	}
	for i := len(bot) - 1; i >= 0; i-- {
		p.Line(bot[i])
	}
	p.Close()
	c.Fill(p)
	if reuse {
		return p
	}
	return buf
}

// chainPiece returns the part of a band's chain (bandChains: horizontal
// and vertical edges, x never decreasing) over [from, to], appended to
// out: its height just right of from, its vertices strictly between, its
// height just left of to; i is the first vertex not left of from, and the
// first not left of to is returned with it.
func chainPiece(chain []vg.Point, i int, from, to vg.Length, out []vg.Point) ([]vg.Point, int) {
	// The edge after the last vertex at or left of from is horizontal
	// (a vertical one ends at the same x), and holds the height there.
	for i+1 < len(chain) && chain[i+1].X <= from {
		i++
	}
	out = append(out, vg.Point{X: from, Y: chain[i].Y})
	for i+1 < len(chain) && chain[i+1].X < to {
		i++
		if chain[i].X > from {
			out = append(out, chain[i])
		}
	}
	out = append(out, vg.Point{X: to, Y: chain[i].Y})
	return out, i
}

// rasterDPI returns the resolution of c when it is a vgimg canvas,
// perhaps inside draw.Canvases.
func rasterDPI(c vg.Canvas) (float64, bool) {
	switch cv := baseCanvas(c).(type) {
	case *vgimg.Canvas:
		return cv.DPI(), true
	case *pngCanvas:
		return cv.DPI(), true
	}
	return 0, false
}

// bandColumns groups a thinned run's points by the column of g they fall
// in, on the canvas, appending them to cols.
func bandColumns(xys plotter.XYs, g thinGrid, trX, trY func(float64) vg.Length, cols []bandColumn) []bandColumn {
	for i := 0; i < len(xys); {
		col := g.col(xys[i].X)
		y := trY(xys[i].Y)
		bc := bandColumn{xa: trX(xys[i].X), lo: y, hi: y, ya: y}
		j := i
		for ; j < len(xys) && g.col(xys[j].X) == col; j++ {
			y := trY(xys[j].Y)
			bc.lo, bc.hi = min(bc.lo, y), max(bc.hi, y)
			bc.yb = y
		}
		bc.xb = trX(xys[j-1].X)
		cols = append(cols, bc)
		i = j
	}
	return cols
}

// bandSteps returns the steps of a band's columns, appended to steps: a
// column and the segment to the next column's first point are one step
// when the segment spans at most most in x; otherwise the column is a step
// and the segment is cut into steps of at most most, each holding the
// segment's least and greatest y over it. The steps follow on one another:
// each starts where the one before ends.
func bandSteps(cols []bandColumn, most vg.Length, steps []bandStep) []bandStep {
	for k, c := range cols {
		if k == len(cols)-1 {
			steps = append(steps, bandStep{x0: c.xa, x1: c.xb, lo: c.lo, hi: c.hi})
			break
		}
		next := cols[k+1]
		gap := next.xa - c.xb
		if !(gap > most) {
			steps = append(steps, bandStep{x0: c.xa, x1: next.xa, lo: min(c.lo, next.ya), hi: max(c.hi, next.ya)})
			continue
		}
		steps = append(steps, bandStep{x0: c.xa, x1: c.xb, lo: c.lo, hi: c.hi})
		n := int(math.Ceil(float64(gap / most)))
		x, y := c.xb, c.yb
		for i := 1; i <= n; i++ {
			x1, y1 := next.xa, next.ya
			if i < n {
				f := vg.Length(i) / vg.Length(n)
				x1, y1 = c.xb+gap*f, c.yb+(next.ya-c.yb)*f
			}
			steps = append(steps, bandStep{x0: x, x1: x1, lo: min(y, y1), hi: max(y, y1)})
			x, y = x1, y1
		}
	}
	return steps
}

// bandChains returns the outline of steps widened by h on every side and
// kept within clip: its top, from left to right, and its bottom, also
// from left to right, appended to top and bot. At each x the band reaches
// from the least lo to the greatest hi of the steps within h of x, h
// further; the outline changes only where a step starts or ends, h before
// or after it, and there it is a vertical edge.
func bandChains(steps []bandStep, h vg.Length, clip vg.Rectangle, top, bot []vg.Point) (_, _ []vg.Point) {
	n := len(steps)
	i, j := 0, 0 // steps [j, i) are within h of the stretch from cur
	cur := steps[0].x0 - h
	var u, d vg.Length // the top and bottom of the stretch before cur
	at := func(x, y vg.Length) vg.Point {
		return vg.Point{X: min(max(x, clip.Min.X), clip.Max.X), Y: min(max(y, clip.Min.Y), clip.Max.Y)}
	}
	for {
		for i < n && steps[i].x0-h <= cur {
			i++
		}
		for j < i && steps[j].x1+h <= cur {
			j++
		}
		if j == n {
			break
		}
		if j == i {
			// No step within h: steps follow on one another, so this
			// cannot be; the band is bridged across to the next.
			cur = steps[i].x0 - h
			continue
		}
		nu, nd := steps[j].hi, steps[j].lo
		for _, s := range steps[j+1 : i] {
			nu, nd = max(nu, s.hi), min(nd, s.lo)
		}
		nu, nd = nu+h, nd-h
		if len(top) == 0 {
			top, bot = append(top, at(cur, nu)), append(bot, at(cur, nd))
		} else {
			if nu != u {
				top = append(top, at(cur, u), at(cur, nu))
			}
			if nd != d {
				bot = append(bot, at(cur, d), at(cur, nd))
			}
		}
		u, d = nu, nd
		next := steps[j].x1 + h
		if i < n {
			next = min(next, steps[i].x0-h)
		}
		cur = next
	}
	return append(top, at(cur, u)), append(bot, at(cur, d))
}
