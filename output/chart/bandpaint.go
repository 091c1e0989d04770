package chart

import (
	"encoding/binary"
	"image"
	"image/color"
	"math"

	"git.sr.ht/~sbinet/gg"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

// pngCanvas is a vgimg canvas that draws on img through ctx, a gg context
// made on img itself (vgimg.UseImageWithContext), as renderPNG makes it:
// on it plotBand paints a band's pixels into img directly (paintBand)
// rather than through gg's rasterizer.
type pngCanvas struct {
	*vgimg.Canvas
	img *image.RGBA
	ctx *gg.Context
}

// asPNGCanvas returns c as a pngCanvas, perhaps inside draw.Canvases, or
// nil.
func asPNGCanvas(c vg.Canvas) *pngCanvas {
	pc, _ := baseCanvas(c).(*pngCanvas)
	return pc
}

// fixedPoint is a point of the image in gg's fixed-point coordinates
// (26.6: pixels times 64, rounded), y downwards.
type fixedPoint struct{ x, y int32 }

// paintBuffers are the memory paintBand reuses from one band to the next.
type paintBuffers struct {
	top, bot []fixedPoint
	// part and full are a column's areas by row (partRows, fullRows).
	part, full []int32
}

// paintBand paints the band of outline top and bot (bandChains, or a
// piece of one: horizontal and vertical edges, x never decreasing, both
// from the same x to the same x) in colour col into pc's image, and
// tells whether it did; it paints nothing and returns false when
// anything is not as renderPNG sets it up (pc's context not on pc's
// image, a transform other than a flip of y and a shift by whole pixels,
// a vertex outside the image), and the band is then to be filled as
// before (fillBand).
//
// It paints the same pixels, bit for bit, as filling the band's polygon
// with gg (TestBandPaintAsFill): gg rounds each vertex to 1/64 of a
// pixel, and freetype's rasterizer then finds for each pixel twice the
// area of it inside the polygon, in 1/4096ths of a pixel, exactly for a
// polygon of horizontal and vertical edges; it makes that a 12-bit alpha,
// min(area, 0xFFF), widens it to 16 bits, and gg's painter blends the
// colour over the pixel with it (raster.RGBAPainter, Porter-Duff over).
// paintBand finds the same areas column by column of pixels, over which
// the band is a few rectangles, without the rasterizer's cell for every
// pixel along every vertical edge. A band cut into pieces at the edges
// of pixels (plotBand) is painted the same whole or in pieces, as gg
// paints it (TestBandPiecesAsOne). gg clips only to its image here: the
// contexts renderPNG makes have no mask, and vgimg sets none.
func (pc *pngCanvas) paintBand(top, bot []vg.Point, col color.Color, buf *paintBuffers) bool {
	w, h := pc.img.Rect.Dx(), pc.img.Rect.Dy()
	if pc.img.Rect.Min != (image.Point{}) || pc.ctx.Width() != w || pc.ctx.Height() != h ||
		pc.ctx.Image() != image.Image(pc.img) || len(top) == 0 || len(bot) == 0 {
		return false
	}
	// The transform: x kept, y flipped or kept, both shifted by whole
	// pixels, so that the band's edges stay horizontal and vertical and
	// its pieces' cuts on the edges of pixels.
	x0, y0 := pc.ctx.TransformPoint(0, 0)
	x1, y1 := pc.ctx.TransformPoint(1, 0)
	x2, y2 := pc.ctx.TransformPoint(0, 1)
	if x1-x0 != 1 || y1 != y0 || x2 != x0 || (y2-y0 != 1 && y2-y0 != -1) ||
		x0 != math.Trunc(x0) || y0 != math.Trunc(y0) {
		return false
	}
	dpi := pc.DPI()
	var ok bool
	if buf.top, ok = pc.fixedChain(top, dpi, buf.top[:0]); !ok {
		return false
	}
	if buf.bot, ok = pc.fixedChain(bot, dpi, buf.bot[:0]); !ok {
		return false
	}
	tp, bp := buf.top, buf.bot
	if tp[0].x != bp[0].x || tp[len(tp)-1].x != bp[len(bp)-1].x {
		return false
	}
	if len(buf.part) < h {
		buf.part, buf.full = make([]int32, h), make([]int32, h)
	}
	r, g, b, a := col.RGBA()
	p := columnPainter{img: pc.img, part: buf.part[:h], full: buf.full[:h], cr: r, cg: g, cb: b, ca: a, col: -1}
	i, j := 0, 0
	for x, end := tp[0].x, tp[len(tp)-1].x; x < end; {
		// The last vertices at or left of x: the edges after them are
		// horizontal, at the band's top and bottom from x.
		for i+1 < len(tp) && tp[i+1].x <= x {
			i++
		}
		for j+1 < len(bp) && bp[j+1].x <= x {
			j++
		}
		nx := min(tp[i+1].x, bp[j+1].x)
		p.rect(x, nx, min(tp[i].y, bp[j].y), max(tp[i].y, bp[j].y))
		x = nx
	}
	p.flush()
	return true
}

// fixedChain appends to out the vertices of chain in gg's fixed-point
// coordinates of pc's image, as gg finds them (vgimg's Dots, the
// context's transform, rounded to 1/64), and tells whether they all lie
// within the image and make horizontal and vertical edges with x never
// decreasing.
func (pc *pngCanvas) fixedChain(chain []vg.Point, dpi float64, out []fixedPoint) ([]fixedPoint, bool) {
	wf, hf := float64(64*pc.img.Rect.Dx()), float64(64*pc.img.Rect.Dy())
	for k, v := range chain {
		x, y := pc.ctx.TransformPoint(v.X.Dots(dpi), v.Y.Dots(dpi))
		x, y = math.Round(x*64), math.Round(y*64)
		if !(x >= 0 && x <= wf && y >= 0 && y <= hf) {
			return out, false
		}
		fp := fixedPoint{int32(x), int32(y)}
		if k > 0 {
			prev := out[len(out)-1]
			if fp.x < prev.x || (fp.x != prev.x && fp.y != prev.y) {
				return out, false
			}
		}
		out = append(out, fp)
	}
	return out, true
}

// columnPainter adds up the areas of a band's rectangles in each column
// of pixels, from left to right, and paints a column when the next is
// begun.
type columnPainter struct {
	img *image.RGBA
	// part holds, by row, the areas of the rectangles that cover part
	// of the row's height; full the differences, from one row to the
	// next, of the areas of those that cover all of it. Both are zero
	// outside [lo, hi] and once a column is painted.
	part, full     []int32
	lo, hi         int
	col            int // the column, -1 before the first
	cr, cg, cb, ca uint32
}

// rect adds the rectangle [xa, xb) × [ya, yb) (fixed point, ya ≤ yb) to
// the areas, painting each column it leaves.
func (p *columnPainter) rect(xa, xb, ya, yb int32) {
	for k := int(xa >> 6); int32(k)<<6 < xb; k++ {
		if k != p.col {
			p.flush()
			p.col, p.lo, p.hi = k, len(p.part), -1
		}
		if ya == yb {
			continue
		}
		w := min(xb, int32(k+1)<<6) - max(xa, int32(k)<<6)
		r0, r1 := int(ya>>6), int((yb-1)>>6)
		p.lo, p.hi = min(p.lo, r0), max(p.hi, r1)
		if r0 == r1 {
			p.part[r0] += w * (yb - ya)
			continue
		}
		p.part[r0] += w * (int32(r0+1)<<6 - ya)
		p.part[r1] += w * (yb - int32(r1)<<6)
		if r1 > r0+1 {
			p.full[r0+1] += w << 6
			p.full[r1] -= w << 6
		}
	}
}

// flush paints the current column's pixels, each with its area as
// freetype's rasterizer makes it an alpha and gg's painter blends it
// (raster.RGBAPainter, draw.Over), and clears its areas.
func (p *columnPainter) flush() {
	if p.col < 0 {
		return
	}
	const m = 1<<16 - 1
	// The fields in locals, which the compiler would otherwise load
	// again at each pixel, and the blend of a pixel covered whole (its
	// alpha 0xFFFF) worked out once: the same arithmetic, the same bytes.
	part, full := p.part[:p.hi+1], p.full[:p.hi+1]
	pix, stride := p.img.Pix, p.img.Stride
	cr, cg, cb, ca := p.cr, p.cg, p.cb, p.ca
	opaque := ca == m
	// The colour's four bytes, R first, stored at once.
	colour := cr>>8 | cg>>8<<8 | cb>>8<<16 | ca>>8<<24
	fWhole := (m - (ca * m / m)) * 0x101
	rWhole, gWhole, bWhole, aWhole := cr*m, cg*m, cb*m, ca*m
	var run int32
	i := p.lo*stride + 4*p.col
	for r := p.lo; r <= p.hi; r, i = r+1, i+stride {
		run += full[r]
		area := run + part[r]
		full[r], part[r] = 0, 0
		a := uint32(min(area, 0xFFF))
		if a == 0 {
			continue
		}
		px := pix[i : i+4 : i+4]
		if a == 0xFFF {
			if opaque {
				// Covered whole by an opaque colour: the blend below
				// makes the colour itself, whatever was there (its f
				// is 0).
				binary.LittleEndian.PutUint32(px, colour)
				continue
			}
			px[0] = uint8((uint32(px[0])*fWhole + rWhole) / m >> 8)
			px[1] = uint8((uint32(px[1])*fWhole + gWhole) / m >> 8)
			px[2] = uint8((uint32(px[2])*fWhole + bWhole) / m >> 8)
			px[3] = uint8((uint32(px[3])*fWhole + aWhole) / m >> 8)
			continue
		}
		ma := a<<4 | a>>8
		f := (m - (ca * ma / m)) * 0x101
		px[0] = uint8((uint32(px[0])*f + cr*ma) / m >> 8)
		px[1] = uint8((uint32(px[1])*f + cg*ma) / m >> 8)
		px[2] = uint8((uint32(px[2])*f + cb*ma) / m >> 8)
		px[3] = uint8((uint32(px[3])*f + ca*ma) / m >> 8)
	}
	p.col = -1
}

// lineColor returns the colour vgimg draws in for c: black for none.
func lineColor(c color.Color) color.Color {
	if c == nil {
		return color.Black
	}
	return c
}
