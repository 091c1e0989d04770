package chart

import (
	"bytes"
	"image/color"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// randomPath returns a path of n components: mostly moves and lines at
// numbers of every size and sign (0, −0, tiny, huge, a few non-finite),
// some closes, and, when bent, arcs and curves.
func randomPath(rng *rand.Rand, n int, bent bool) vg.Path {
	num := func() vg.Length {
		switch rng.IntN(12) {
		case 0:
			return 0
		case 1:
			return vg.Length(math.Copysign(0, -1))
		case 2:
			return vg.Length(rng.NormFloat64() * 1e-7)
		case 3:
			return vg.Length(rng.NormFloat64() * 1e9)
		case 4:
			return vg.Length(math.Round(rng.Float64()*1000) / 4)
		case 5:
			if rng.IntN(20) == 0 {
				return vg.Length([]float64{math.NaN(), math.Inf(1), math.Inf(-1)}[rng.IntN(3)])
			}
		}
		return vg.Length(rng.Float64() * 900)
	}
	var p vg.Path
	for i := range n {
		switch k := rng.IntN(10); {
		case i == 0 || k < 2:
			p.Move(vg.Point{X: num(), Y: num()})
		case k < 8:
			p.Line(vg.Point{X: num(), Y: num()})
		case k == 8:
			p.Close()
		case bent && rng.IntN(2) == 0:
			p.Arc(vg.Point{X: num(), Y: num()}, vg.Length(rng.Float64()*20), rng.Float64()*6, rng.Float64()*6-3)
		case bent:
			p.CubeTo(vg.Point{X: num(), Y: num()}, vg.Point{X: num(), Y: num()}, vg.Point{X: num(), Y: num()})
		default:
			p.Line(vg.Point{X: num(), Y: num()})
		}
	}
	return p
}

// TestSVGCanvasAsVgsvg fills and strokes random paths, straight and bent,
// on a plain vgsvg canvas and on an svgCanvas, and wants the same SVG
// written (writeSVGSized of the one, writeSVGFilled of the other).
func TestSVGCanvasAsVgsvg(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for round := range 300 {
		plain := vgsvg.NewWith(vgsvg.UseWH(600, 300))
		fast := &svgCanvas{Canvas: vgsvg.NewWith(vgsvg.UseWH(600, 300))}
		for range 1 + rng.IntN(8) {
			p := randomPath(rng, 1+rng.IntN(60), rng.IntN(3) == 0)
			col := color.RGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), 40, 255}
			if rng.IntN(2) == 0 {
				col.A = 128
				col.R /= 2
			}
			width, stroke := vg.Length(rng.Float64()*3), rng.IntN(3) == 0
			for _, c := range []vg.Canvas{plain, fast} {
				c.SetColor(col)
				c.SetLineWidth(width)
				if stroke {
					c.Stroke(p)
				} else {
					c.Fill(p)
				}
			}
		}
		var pb, fb, want, got bytes.Buffer
		if _, err := plain.WriteTo(&pb); err != nil {
			t.Fatal(err)
		}
		if _, err := fast.WriteTo(&fb); err != nil {
			t.Fatal(err)
		}
		if !filledAsDrawn(fb.Bytes(), svgHeadEnd(fb.Bytes()), fast.fills()) {
			t.Fatalf("round %d: placeholders miscounted", round)
		}
		if err := writeSVGSized(&want, pb.Bytes(), 800, 400); err != nil {
			t.Fatal(err)
		}
		if err := writeSVGFilled(&got, fb.Bytes(), 800, 400, fast.fills()); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			g, w := got.Bytes(), want.Bytes()
			i := 0
			for i < min(len(g), len(w)) && g[i] == w[i] {
				i++
			}
			t.Fatalf("round %d: the SVGs differ at %d: %q, want %q", round, i, g[max(0, i-80):min(len(g), i+80)], w[max(0, i-80):min(len(w), i+80)])
		}
	}
}

// TestSVGCanvasPlaceholderLookalike strokes vgsvg's own path of one close,
// which it writes as a placeholder is: filledAsDrawn must tell.
func TestSVGCanvasPlaceholderLookalike(t *testing.T) {
	c := &svgCanvas{Canvas: vgsvg.NewWith(vgsvg.UseWH(100, 100))}
	c.SetLineWidth(1)
	var line vg.Path
	line.Move(vg.Point{X: 1, Y: 2})
	line.Line(vg.Point{X: 3, Y: 4})
	c.Fill(line)
	c.Stroke(placeholderPath)
	var b bytes.Buffer
	if _, err := c.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if filledAsDrawn(b.Bytes(), svgHeadEnd(b.Bytes()), c.fills()) {
		t.Errorf("a stroked close taken for a fill's placeholder:\n%s", b.Bytes())
	}
}
