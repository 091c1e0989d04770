package chart

import (
	"bytes"
	"image"
	"image/color"
	"math/rand/v2"
	"testing"

	"git.sr.ht/~sbinet/gg"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// TestBandPaintAsFill: every band case (bandCases), and each again in a
// translucent colour, drawn with its bands painted into the image
// (paintBand) makes the same pixels, byte for byte, as with its bands
// filled by gg (fillBand): the shortcut is exact.
func TestBandPaintAsFill(t *testing.T) {
	for _, c := range bandCases() {
		for _, translucent := range []bool{false, true} {
			sty := c.sty
			if translucent {
				sty.Color = color.NRGBA{R: 0x20, G: 0x90, B: 0xE0, A: 0x99}
			}
			direct := drawBandTestOn(t, c.s, sty, false, true)
			filled := drawBandTestOn(t, c.s, sty, false, false)
			if !bytes.Equal(direct.img.Pix, filled.img.Pix) {
				t.Errorf("%s (translucent %v): %d pixels differ from gg's fill", c.name, translucent, differing(direct.img, filled.img))
			}
		}
	}
}

// differing counts the pixels that differ between a and b.
func differing(a, b *image.RGBA) int {
	n := 0
	for i := 0; i < len(a.Pix); i += 4 {
		if !bytes.Equal(a.Pix[i:i+4], b.Pix[i:i+4]) {
			n++
		}
	}
	return n
}

// TestPaintBandAsFill: random staircases (horizontal and vertical edges,
// top above bottom, on random coordinates, some of them on the edges of
// pixels and some reaching the image's edges), one over another in
// random colours, opaque and not, painted by paintBand make the same
// pixels, byte for byte, as filled by gg; and paintBand paints nothing,
// declining, when the context's transform is shifted by part of a pixel.
func TestPaintBandAsFill(t *testing.T) {
	const w, h, dpi = 97, 61, 96
	rng := rand.New(rand.NewPCG(11, 12))
	canvases := func(direct bool) (*image.RGBA, *gg.Context, vg.Canvas) {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		ctx := gg.NewContextForRGBA(img)
		ctx.SetLineCapButt()
		ctx.InvertY()
		cv := vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(dpi))
		if direct {
			return img, ctx, &pngCanvas{Canvas: cv, img: img, ctx: ctx}
		}
		return img, ctx, cv
	}
	px := vg.Inch / dpi // a pixel
	coord := func(most float64) vg.Length {
		switch rng.IntN(4) {
		case 0:
			return vg.Length(rng.IntN(int(most)+1)) * px // an edge of pixels
		case 1:
			return vg.Length(most) * px * vg.Length(rng.IntN(2)) // an edge of the image
		}
		return vg.Length(rng.Float64()*most) * px
	}
	var bufs paintBuffers
	for round := range 300 {
		img, _, cv := canvases(true)
		want, _, plain := canvases(false)
		for range 1 + rng.IntN(4) {
			// A staircase of n steps between xs, each with its top and
			// bottom.
			n := 1 + rng.IntN(12)
			xs := make([]vg.Length, n+1)
			for i := range xs {
				xs[i] = coord(w)
			}
			for i := 1; i < len(xs); i++ {
				if xs[i] < xs[i-1] {
					xs[i] = xs[i-1] + (xs[i-1]-xs[i])/8
				}
				xs[i] = min(xs[i], w*px)
			}
			var top, bot []vg.Point
			for i := range n {
				a, b := coord(h), coord(h)
				lo, hi := min(a, b), max(a, b)
				top = append(top, vg.Point{X: xs[i], Y: hi}, vg.Point{X: xs[i+1], Y: hi})
				bot = append(bot, vg.Point{X: xs[i], Y: lo}, vg.Point{X: xs[i+1], Y: lo})
			}
			var col color.Color = color.RGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 0xFF}
			if rng.IntN(3) == 0 {
				col = color.NRGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256))}
			}
			if !asPNGCanvas(draw.New(cv.(vg.CanvasSizer)).Canvas).paintBand(top, bot, col, &bufs) {
				t.Fatalf("round %d: paintBand declined %v / %v", round, top, bot)
			}
			plain.SetColor(col)
			fillBand(draw.New(plain.(vg.CanvasSizer)), top, bot, false, nil)
		}
		if !bytes.Equal(img.Pix, want.Pix) {
			t.Fatalf("round %d: %d pixels differ from gg's fill", round, differing(img, want))
		}
	}
	// A shift by half a pixel: declined, nothing painted.
	img, ctx, cv := canvases(true)
	ctx.Translate(0.5, 0)
	before := bytes.Clone(img.Pix)
	top := []vg.Point{{X: 0, Y: 20}, {X: 30, Y: 20}}
	bot := []vg.Point{{X: 0, Y: 10}, {X: 30, Y: 10}}
	if cv.(*pngCanvas).paintBand(top, bot, color.Black, &bufs) || !bytes.Equal(img.Pix, before) {
		t.Error("paintBand painted on a context shifted by half a pixel")
	}
}
