package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"io"
	"math"

	"github.com/omnisim/omnisim/output"
)

// AnimationOptions size an animation.
type AnimationOptions struct {
	// Width and Height are the frame's size in pixels.
	Width, Height int
	// Frames is the most frames: a run with more open intervals shows
	// that many, spread evenly.
	Frames int
	// Delay is each frame's time on screen, in hundredths of a second.
	Delay int
	// Channel names the channel whose service level the lower panel
	// follows: the channel a story's first claim is about
	// (scenarios.Scenario.StoryChannel). Empty, or a channel the run does
	// not have, leaves the channel offered the most contacts.
	Channel string
}

// DefaultAnimation is the size of an animation for a slide: 960 × 540
// pixels, at most 240 frames of 0.08 s, about 20 s in all.
var DefaultAnimation = AnimationOptions{Width: 960, Height: 540, Frames: 240, Delay: 8}

// The sizes an animation may have, in pixels a side.
const MinAnimationPixels, MaxAnimationPixels = 320, 1920

// Animate writes the run in ds as an animated GIF. Its frames step evenly
// through the measured run's open intervals, those in which some channel
// was offered a contact (at most opts.Frames of them: animator.steps).
// Each shows the clock at the interval's end and every channel's contacts
// waiting then (the queue of a live channel, the backlog of a deferred
// one) as a bar, every bar on one scale drawn across them, with the count
// as a whole number, the interval's service level and the wait customers
// expect of the channel in minutes. Below, two panels over the whole run,
// up to the frame drawn darker: the service level of the story's channel
// (opts.Channel, else the channel offered the most contacts), over the
// past day on a run of more than three days, against its target; and with
// word of mouth the wait customers expect of each channel, in minutes on a
// log scale, or else the contacts waiting on every channel. Values are
// means over the replications, contacts rounded to whole ones. The title
// is measured and wrapped or shortened to fit the frame. The last frame
// stays three seconds. The same Dataset and options always give the same
// bytes.
func Animate(w io.Writer, ds *output.Dataset, opts AnimationOptions) error {
	if opts.Width < MinAnimationPixels || opts.Width > MaxAnimationPixels ||
		opts.Height < MinAnimationPixels || opts.Height > MaxAnimationPixels {
		return fmt.Errorf("output: animation size %d×%d: each side must be from %d to %d pixels",
			opts.Width, opts.Height, MinAnimationPixels, MaxAnimationPixels)
	}
	if opts.Frames < 1 || opts.Delay < 1 {
		return fmt.Errorf("output: animation of %d frames of %d/100 s: want at least 1 of each", opts.Frames, opts.Delay)
	}
	a, err := newAnimator(ds, opts)
	if err != nil {
		return err
	}
	anim := &gif.GIF{Config: image.Config{ColorModel: a.pal, Width: opts.Width, Height: opts.Height}}
	steps := a.steps()
	var prev *image.Paletted
	for i, k := range steps {
		f := a.frame(k)
		// After the first frame, only the rectangle that changed is
		// stored, drawn over the frame before: most of a frame (titles,
		// labels, the strip's past) stays as it was.
		shown := f
		if prev != nil {
			shown = overlay(prev, f, uint8(len(a.pal)-1))
		}
		anim.Image = append(anim.Image, shown)
		anim.Disposal = append(anim.Disposal, gif.DisposalNone)
		delay := opts.Delay
		if i == len(steps)-1 {
			delay = 300
		}
		anim.Delay = append(anim.Delay, delay)
		prev = f
	}
	return gif.EncodeAll(w, anim)
}

// overlay returns what frame b adds to frame a when drawn over it: the
// rectangle that changed, its unchanged pixels transparent (palette index
// clear), which compress to almost nothing.
func overlay(a, b *image.Paletted, clear uint8) *image.Paletted {
	r := changed(a, b)
	o := image.NewPaletted(r, b.Palette)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if i := b.ColorIndexAt(x, y); i != a.ColorIndexAt(x, y) {
				o.SetColorIndex(x, y, i)
			} else {
				o.SetColorIndex(x, y, clear)
			}
		}
	}
	return o
}

// changed returns the smallest rectangle holding every pixel that differs
// between two frames of the same size, at least one pixel.
func changed(a, b *image.Paletted) image.Rectangle {
	r := image.Rectangle{}
	bounds := b.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		ra, rb := a.Pix[a.PixOffset(bounds.Min.X, y):a.PixOffset(bounds.Max.X, y)], b.Pix[b.PixOffset(bounds.Min.X, y):b.PixOffset(bounds.Max.X, y)]
		if bytes.Equal(ra, rb) {
			continue
		}
		lo, hi := 0, len(rb)-1
		for ra[lo] == rb[lo] {
			lo++
		}
		for ra[hi] == rb[hi] {
			hi--
		}
		r = r.Union(image.Rect(bounds.Min.X+lo, y, bounds.Min.X+hi+1, y+1))
	}
	if r.Empty() {
		return image.Rect(bounds.Min.X, bounds.Min.Y, bounds.Min.X+1, bounds.Min.Y+1)
	}
	return r
}

// animationPalette holds white, a ramp of greys (for text drawn smooth),
// each channel's colour with three lighter tints, and transparency.
func animationPalette(channels int) color.Palette {
	pal := color.Palette{color.White}
	for i := range 16 {
		v := uint8(i * 255 / 16)
		pal = append(pal, color.RGBA{v, v, v, 0xFF})
	}
	for _, c := range []color.RGBA{neededColor, shadeColor, gridColor} {
		pal = append(pal, c)
	}
	for i := range min(channels, 40) {
		c := channelPalette[i%len(channelPalette)]
		for _, t := range []float64{0, 0.35, 0.6, 0.85} {
			pal = append(pal, tint(c, t))
		}
	}
	// Last, the transparent colour of the pixels a frame leaves as the
	// frame before drew them; no drawing maps to it.
	return append(pal, color.RGBA{})
}

// tint mixes c with white: t = 0 is c, 1 white.
func tint(c color.RGBA, t float64) color.RGBA {
	mix := func(v uint8) uint8 { return uint8(math.Round(float64(v) + (255-float64(v))*t)) }
	return color.RGBA{mix(c.R), mix(c.G), mix(c.B), 0xFF}
}

// quantize maps img to the palette pal, each pixel to the nearest colour
// of drawn (pal without its transparency; no dithering: flat colours stay
// flat, and the file small).
func quantize(img *image.RGBA, pal, drawn color.Palette) *image.Paletted {
	p := image.NewPaletted(img.Bounds(), pal)
	cache := map[color.RGBA]uint8{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := img.RGBAAt(x, y)
			i, ok := cache[c]
			if !ok {
				i = uint8(drawn.Index(c))
				cache[c] = i
			}
			p.SetColorIndex(x, y, i)
		}
	}
	return p
}
