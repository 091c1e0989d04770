package chart

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// renderPNGAsBefore draws a chart as PNG the plain way renderPNG stands
// for: a new image handed to vgimg (which copies it), the figure filled
// white first, png.Encode.
func renderPNGAsBefore(t *testing.T, c Chart, w, h int) []byte {
	t.Helper()
	f, dpi := sizedFrame(w, h)
	fig, err := c.build(f)
	if err != nil {
		t.Fatal(err)
	}
	cv := vgimg.NewWith(vgimg.UseImage(image.NewRGBA(image.Rect(0, 0, w, h))), vgimg.UseDPI(dpi))
	fig.draw(draw.New(cv), c.Title, true)
	var b bytes.Buffer
	if err := png.Encode(&b, cv.Image()); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPNGAsBefore: renderPNG writes, byte for byte, the PNG the plain way
// writes, for every chart of several runs (lines, bars, heat maps, notes
// across empty panels, claims' A/B charts, a fit's histogram), at a large
// size and then a small one, so that images reused from a larger chart are
// drawn on too.
//
// Seen to catch: the context made without vgimg's set-up (line caps, y
// upwards), an image reused at its old size, the white fill left out of an
// SVG.
func TestPNGAsBefore(t *testing.T) {
	sets := map[string]*output.Dataset{"golden": goldenDataset(), "degenerate": degenerate(24), "empty": {},
		"story": fixture.StoryDataset(t)}
	if !testing.Short() {
		sets["word-of-mouth"] = builtinDataset(t, "word-of-mouth", 2, "horizon=3d")
	}
	var charts []Chart
	for _, name := range []string{"golden", "degenerate", "empty", "story", "word-of-mouth"} {
		if ds := sets[name]; ds != nil {
			charts = append(charts, Run(ds)...)
		}
	}
	charts = append(charts, HandleTime("handle-phone", "phone", []float64{30, 60, 62, 90, 200, 400}, nil))
	for _, size := range [][2]int{{1600, 1000}, {640, 480}} {
		for _, c := range charts {
			got := render(t, c, "png", size[0], size[1])
			if want := renderPNGAsBefore(t, c, size[0], size[1]); !bytes.Equal(got, want) {
				t.Errorf("%s at %dx%d: %d bytes, the plain way %d: not the same PNG", c.Name, size[0], size[1], len(got), len(want))
			}
		}
	}
	// The SVG keeps its white background.
	if svg := render(t, charts[0], "svg", 640, 480); !bytes.Contains(svg, []byte(`L0,493.71Z" style="fill:#FFFFFF"`)) {
		t.Errorf("the SVG has no white fill: %.300s", svg)
	}
}
