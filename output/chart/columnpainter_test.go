package chart

import (
	"bytes"
	"image"
	"math/rand/v2"
	"testing"
)

// TestColumnPainterAsAreas: rectangles from left to right, as paintBand
// gives them (many in a column, some across several columns, some of no
// height, many covering pixels whole), painted by columnPainter in opaque
// and translucent colours make the same pixels, byte for byte, as each
// pixel blended once with its whole area (the sum of its overlaps with
// the rectangles, in 1/4096ths of a pixel) by gg's formula, worked out
// pixel by pixel.
func TestColumnPainterAsAreas(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	type rect struct{ xa, xb, ya, yb int32 }
	for round := range 400 {
		w, h := 1+rng.IntN(3*16+5), 1+rng.IntN(40)
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		for i := range img.Pix {
			img.Pix[i] = uint8(rng.IntN(256))
		}
		want := image.NewRGBA(img.Rect)
		copy(want.Pix, img.Pix)
		cr, cg, cb, ca := uint32(rng.IntN(1<<16)), uint32(rng.IntN(1<<16)), uint32(rng.IntN(1<<16)), uint32(rng.IntN(1<<16))
		if rng.IntN(3) == 0 {
			ca = 1<<16 - 1
		}
		cr, cg, cb = min(cr, ca), min(cg, ca), min(cb, ca) // premultiplied
		var rects []rect
		x := int32(rng.IntN(64 * w))
		for x < int32(64*w) && len(rects) < 200 {
			nx := min(int32(64*w), x+int32(rng.IntN(64*16/2)))
			if rng.IntN(4) == 0 {
				nx = min(int32(64*w), x+int32(rng.IntN(3*64*16)))
			}
			a, b := int32(rng.IntN(64*h+1)), int32(rng.IntN(64*h+1))
			if rng.IntN(8) == 0 {
				b = a
			}
			rects = append(rects, rect{x, nx, min(a, b), max(a, b)})
			x = nx
		}
		buf := make([]int32, h)
		p := columnPainter{img: img, part: buf, full: make([]int32, h), cr: cr, cg: cg, cb: cb, ca: ca, col: -1}
		for _, r := range rects {
			p.rect(r.xa, r.xb, r.ya, r.yb)
		}
		p.flush()

		const m = 1<<16 - 1
		for row := range h {
			for col := range w {
				var area int32
				for _, r := range rects {
					ox := min(r.xb, int32(col+1)<<6) - max(r.xa, int32(col)<<6)
					oy := min(r.yb, int32(row+1)<<6) - max(r.ya, int32(row)<<6)
					if ox > 0 && oy > 0 {
						area += ox * oy
					}
				}
				a := uint32(min(area, 0xFFF))
				if a == 0 {
					continue
				}
				px := want.Pix[row*want.Stride+4*col:]
				ma := a<<4 | a>>8
				f := (m - (ca * ma / m)) * 0x101
				px[0] = uint8((uint32(px[0])*f + cr*ma) / m >> 8)
				px[1] = uint8((uint32(px[1])*f + cg*ma) / m >> 8)
				px[2] = uint8((uint32(px[2])*f + cb*ma) / m >> 8)
				px[3] = uint8((uint32(px[3])*f + ca*ma) / m >> 8)
			}
		}
		if !bytes.Equal(img.Pix, want.Pix) {
			t.Fatalf("round %d (%d×%d, %d rectangles): the pixels painted column by column differ from those painted one by one", round, w, h, len(rects))
		}
		for i := range buf {
			if buf[i] != 0 || p.full[i] != 0 {
				t.Fatalf("round %d: the areas are not cleared once painted", round)
			}
		}
	}
}
