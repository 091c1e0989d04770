package chart

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// animation draws ds and decodes the GIF.
func animation(t *testing.T, ds *output.Dataset, opts AnimationOptions) (*gif.GIF, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := Animate(&b, ds, opts); err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return g, b.Bytes()
}

// frames composes the GIF's frames as a viewer shows them: each drawn over
// the one before (disposal none), its transparent pixels letting it show.
func frames(g *gif.GIF) []*image.RGBA {
	var out []*image.RGBA
	canvas := image.NewRGBA(image.Rect(0, 0, g.Config.Width, g.Config.Height))
	for _, f := range g.Image {
		draw.Draw(canvas, f.Bounds(), f, f.Bounds().Min, draw.Over)
		out = append(out, image.NewRGBA(canvas.Bounds()))
		copy(out[len(out)-1].Pix, canvas.Pix)
	}
	return out
}

// colours counts the distinct colours of a frame.
func colours(fs []*image.RGBA, i int) int {
	seen := map[color.Color]bool{}
	img := fs[i]
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y += 2 {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x += 2 {
			seen[img.At(x, y)] = true
		}
	}
	return len(seen)
}

// TestAnimate: a frame per interval up to the cap, of the size asked, not
// blank, the last one held; the same bytes every time; each channel's
// colour is drawn (its bar).
func TestAnimate(t *testing.T) {
	ds := fixture.ReportDataset(t, fixture.ReportWorld()) // 2 days of half hours: 96 intervals
	opts := AnimationOptions{Width: 480, Height: 320, Frames: 40, Delay: 5}
	g, b := animation(t, ds, opts)
	if n := len(g.Image); n < 30 || n > 40 {
		t.Errorf("%d frames, want from 30 to 40 (96 intervals, at most 40 frames)", n)
	}
	if r := g.Image[0].Bounds(); r.Dx() != 480 || r.Dy() != 320 || g.Config.Width != 480 || g.Config.Height != 320 {
		t.Errorf("frame size %v, %d×%d", r, g.Config.Width, g.Config.Height)
	}
	fs := frames(g)
	if g.Delay[0] != 5 || g.Delay[len(g.Delay)-1] != 300 {
		t.Errorf("delays %d … %d, want 5 … 300", g.Delay[0], g.Delay[len(g.Delay)-1])
	}
	for _, i := range []int{0, len(g.Image) - 1} {
		if c := colours(fs, i); c < 8 {
			t.Errorf("frame %d has %d colours: blank?", i, c)
		}
	}
	last := fs[len(fs)-1]
	for ci := range ds.Meta.Channels {
		want := channelPalette[ci]
		found := false
		for y := 0; y < last.Bounds().Dy() && !found; y++ {
			for x := 0; x < last.Bounds().Dx() && !found; x++ {
				r, gg, bb, _ := last.At(x, y).RGBA()
				found = uint8(r>>8) == want.R && uint8(gg>>8) == want.G && uint8(bb>>8) == want.B
			}
		}
		if !found {
			t.Errorf("channel %s's colour is nowhere in the last frame", ds.Meta.Channels[ci].Name)
		}
	}
	// The frames stored as overlays compose to exactly the frames drawn.
	a, err := newAnimator(ds, opts)
	if err != nil {
		t.Fatal(err)
	}
	steps := a.steps()
	for _, i := range []int{1, len(steps) / 2, len(steps) - 1} {
		want := image.NewRGBA(fs[i].Bounds())
		full := a.frame(steps[i])
		draw.Draw(want, want.Bounds(), full, full.Bounds().Min, draw.Src)
		if !bytes.Equal(want.Pix, fs[i].Pix) {
			t.Errorf("frame %d as shown differs from frame %d as drawn", i, i)
		}
	}
	_, again := animation(t, ds, opts)
	if !bytes.Equal(b, again) {
		t.Error("the same run drew different bytes")
	}
	// Frames change: the clock moves.
	if bytes.Equal(fs[0].Pix, fs[len(fs)-1].Pix) {
		t.Error("the first and last frames are the same")
	}
}

// TestAnimateDegenerate: a run with nothing in it still animates, and bad
// sizes are refused.
func TestAnimateDegenerate(t *testing.T) {
	for name, ds := range map[string]*output.Dataset{"nil": nil, "empty": {}, "nan": fixture.NanDataset(), "zero agents": degenerate(2)} {
		g, _ := animation(t, ds, AnimationOptions{Width: 400, Height: 400, Frames: 10, Delay: 10})
		if len(g.Image) == 0 {
			t.Errorf("%s: no frames", name)
		}
	}
	var b bytes.Buffer
	if err := Animate(&b, nil, AnimationOptions{Width: 100, Height: 400, Frames: 10, Delay: 10}); err == nil || !strings.Contains(err.Error(), "from 320 to 1920") {
		t.Errorf("too narrow: %v", err)
	}
	if err := Animate(&b, nil, AnimationOptions{Width: 400, Height: 400, Frames: 0, Delay: 10}); err == nil {
		t.Error("no frames: no error")
	}
}
