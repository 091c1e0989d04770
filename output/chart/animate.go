package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"io"
	"math"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// AnimationOptions size an animation.
type AnimationOptions struct {
	// Width and Height are the frame's size in pixels.
	Width, Height int
	// Frames is the most frames: a run with more intervals shows every
	// n-th interval.
	Frames int
	// Delay is each frame's time on screen, in hundredths of a second.
	Delay int
}

// DefaultAnimation is the size of an animation for a slide: 960 × 540
// pixels, at most 240 frames of 0.08 s, about 20 s in all.
var DefaultAnimation = AnimationOptions{Width: 960, Height: 540, Frames: 240, Delay: 8}

// The sizes an animation may have, in pixels a side.
const MinAnimationPixels, MaxAnimationPixels = 320, 1920

// Animate writes the run in ds as an animated GIF: a frame per interval
// (or per n-th interval, for at most opts.Frames frames), each showing the
// clock, every channel's contacts waiting at the interval's end (the queue
// of a live channel, the backlog of a deferred one) as a bar against the
// most it reached, with its service level in the interval and the wait
// customers expect of it; and below, the expectation level over the run
// so far, with word of mouth, or else the contacts waiting on all channels.
// Values are means over the replications. The last frame stays three
// seconds. The same Dataset and options always give the same bytes.
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

// animator draws the frames of one run.
type animator struct {
	ds                 *output.Dataset
	opts               AnimationOptions
	tl                 timeline
	intervals          int
	channels           []output.ChannelMeta
	waiting, sl, wait  [][]float64 // per channel, per interval
	maxWaiting         []float64
	level              []float64 // per interval; nil without word of mouth
	total              []float64 // contacts waiting on every channel, per interval
	pal                color.Palette
	title, big, normal font.Face
	small              font.Face
}

func newAnimator(ds *output.Dataset, opts AnimationOptions) (*animator, error) {
	if ds == nil {
		ds = &output.Dataset{}
	}
	a := &animator{ds: ds, opts: opts, tl: timelineOf(ds), channels: ds.Meta.Channels}
	a.intervals = max(1, int(math.Ceil(a.tl.horizon/a.tl.interval-1e-9)))
	for _, ch := range a.channels {
		waiting, sl, wait := make([]float64, a.intervals), make([]float64, a.intervals), make([]float64, a.intervals)
		for i := range a.intervals {
			waiting[i], sl[i], wait[i] = math.NaN(), math.NaN(), math.NaN()
		}
		if ds.Intervals != nil {
			for _, r := range rowsWhere(ds.Intervals, "channel", ch.Name) {
				k := int(math.Round(rowStart(ds.Intervals, r, a.tl.interval) / a.tl.interval))
				if k >= 0 && k < a.intervals {
					waiting[k] = ds.Intervals.Float(r, "backlog")
					sl[k] = ds.Intervals.Float(r, "service_level")
					wait[k] = ds.Intervals.Float(r, "expected_wait_seconds")
				}
			}
		}
		most := 0.0
		for _, v := range waiting {
			if output.Finite(v) {
				most = math.Max(most, v)
			}
		}
		a.waiting, a.sl, a.wait = append(a.waiting, waiting), append(a.sl, sl), append(a.wait, wait)
		a.maxWaiting = append(a.maxWaiting, most)
	}
	a.total = make([]float64, a.intervals)
	for k := range a.intervals {
		for c := range a.channels {
			if v := a.waiting[c][k]; output.Finite(v) {
				a.total[k] += v
			}
		}
	}
	if ds.Meta.WordOfMouth && ds.Expectation != nil {
		a.level = make([]float64, a.intervals)
		for k := range a.level {
			a.level[k] = math.NaN()
		}
		for r := range ds.Expectation.Rows {
			k := int(math.Round(rowStart(ds.Expectation, r, a.tl.interval) / a.tl.interval))
			if k >= 0 && k < a.intervals {
				a.level[k] = ds.Expectation.Float(r, "level")
			}
		}
	}
	a.pal = animationPalette(len(a.channels))
	scale := float64(opts.Height) / 540
	var err error
	if a.title, err = face(gobold.TTF, 22*scale); err != nil {
		return nil, err
	}
	if a.big, err = face(gobold.TTF, 16*scale); err != nil {
		return nil, err
	}
	if a.normal, err = face(goregular.TTF, 15*scale); err != nil {
		return nil, err
	}
	if a.small, err = face(goregular.TTF, 12*scale); err != nil {
		return nil, err
	}
	return a, nil
}

// face loads a font at size pixels.
func face(ttf []byte, size float64) (font.Face, error) {
	f, err := opentype.Parse(ttf)
	if err != nil {
		return nil, err
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
}

// steps returns the intervals that get a frame: every n-th, for at most
// opts.Frames, and always the last.
func (a *animator) steps() []int {
	step := max(1, int(math.Ceil(float64(a.intervals)/float64(a.opts.Frames))))
	var ks []int
	for k := step - 1; k < a.intervals; k += step {
		ks = append(ks, k)
	}
	if len(ks) == 0 || ks[len(ks)-1] != a.intervals-1 {
		ks = append(ks, a.intervals-1)
	}
	if len(ks) > a.opts.Frames {
		ks = ks[len(ks)-a.opts.Frames:]
	}
	return ks
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

// frame draws interval k.
func (a *animator) frame(k int) *image.Paletted {
	W, H := a.opts.Width, a.opts.Height
	s := float64(H) / 540
	px := func(v float64) int { return int(math.Round(v * s)) }
	img := image.NewRGBA(image.Rect(0, 0, W, H))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	margin := px(24)

	// The title and the clock.
	title := a.ds.Meta.Title
	if title == "" {
		title = a.ds.Meta.Name
	}
	end := math.Min(float64(k+1)*a.tl.interval, a.tl.horizon)
	clock := a.clock(end)
	cw := font.MeasureString(a.title, clock).Ceil()
	a.text(img, a.title, inkColor, margin, px(36), fit(a.title, title, W-3*margin-cw))
	a.text(img, a.title, inkColor, W-margin-cw, px(36), clock)
	if end <= a.tl.warmup {
		a.text(img, a.small, mutedColor, W-margin-font.MeasureString(a.small, "warm-up").Ceil(), px(54), "warm-up")
	}

	// A row per channel: its bar of contacts waiting.
	top, bottom := px(70), H-px(150)
	n := max(1, len(a.channels))
	rowH := min(px(80), (bottom-top)/n)
	labelW := px(170)
	barX, barW := margin+labelW, W-2*margin-labelW-px(250)
	for c, ch := range a.channels {
		y := top + c*rowH
		col := channelPalette[c%len(channelPalette)]
		a.text(img, a.big, col, margin, y+rowH/2, fit(a.big, ch.Name, labelW-px(8)))
		what := "in the queue"
		if ch.Kind == string(models.Deferred) {
			what = "in the backlog"
		}
		a.text(img, a.small, mutedColor, margin, y+rowH/2+px(16), ch.Kind)
		barH := rowH * 5 / 10
		by := y + (rowH-barH)/2
		fillRect(img, image.Rect(barX, by, barX+barW, by+barH), tint(col, 0.85))
		v, most := a.waiting[c][k], a.maxWaiting[c]
		if output.Finite(v) && most > 0 {
			fillRect(img, image.Rect(barX, by, barX+int(math.Round(float64(barW)*math.Min(1, v/most))), by+barH), col)
		}
		a.text(img, a.small, mutedColor, barX, by+barH+px(13), "0")
		mostText := "most " + output.Value(most, output.UnitCount)
		a.text(img, a.small, mutedColor, barX+barW-font.MeasureString(a.small, mostText).Ceil(), by+barH+px(13), mostText)
		tx := barX + barW + px(14)
		count := "–"
		if output.Finite(v) {
			count = output.Value(math.Round(v*10)/10, output.UnitCount)
		}
		a.text(img, a.big, inkColor, tx, by+px(14), fit(a.big, count+" "+what, W-margin-tx))
		room := W - margin - tx
		if ch.Kind != string(models.SelfService) {
			a.text(img, a.small, noteColor, tx, by+px(31), fit(a.small, "service level "+output.Value(a.sl[c][k], output.UnitShare), room))
		}
		if wv := a.wait[c][k]; output.Finite(wv) && wv > 0 {
			a.text(img, a.small, noteColor, tx, by+px(46), fit(a.small, "customers expect "+shortDuration(wv), room))
		}
	}
	if len(a.channels) == 0 {
		a.text(img, a.big, noteColor, margin, top+px(30), "This run has no channels.")
	}

	// The strip: the expectation level, or the contacts waiting, so far.
	a.strip(img, k, image.Rect(margin, H-px(120), W-margin, H-px(24)))
	return quantize(img, a.pal, a.pal[:len(a.pal)-1])
}

// strip draws the history of the expectation level (with word of mouth)
// or of the contacts waiting on every channel up to interval k, against
// the whole run in a lighter tone.
func (a *animator) strip(img *image.RGBA, k int, r image.Rectangle) {
	s := float64(a.opts.Height) / 540
	series, label := a.total, "contacts waiting on every channel"
	if a.level != nil {
		series, label = a.level, "expectation level (0 = as at the start; higher: customers expect faster answers and are less patient)"
	}
	lo, hi := 0.0, 0.0
	for _, v := range series {
		if output.Finite(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if hi-lo < 1e-9 {
		hi = lo + 1
	}
	now := series[k]
	head := label
	if output.Finite(now) {
		head = fmt.Sprintf("%s: %s", label, strings.TrimSpace(output.Value(math.Round(now*100)/100, output.UnitCount)))
	}
	a.text(img, a.normal, inkColor, r.Min.X, r.Min.Y-int(6*s), fit(a.normal, head, r.Dx()))
	fillRect(img, r, color.RGBA{0xF7, 0xF7, 0xF7, 0xFF})
	// The warm-up, shaded.
	if a.tl.warmup > 0 {
		wx := r.Min.X + int(float64(r.Dx())*math.Min(1, a.tl.warmup/a.tl.horizon))
		fillRect(img, image.Rect(r.Min.X, r.Min.Y, wx, r.Max.Y), shadeColor)
	}
	x := func(i int) int { return r.Min.X + int(math.Round(float64(r.Dx())*(float64(i)+1)/float64(len(series)))) }
	y := func(v float64) int { return r.Max.Y - int(math.Round(float64(r.Dy())*(v-lo)/(hi-lo))) }
	thick := max(1, int(math.Round(2*s)))
	for i := 1; i < len(series); i++ {
		if !output.Finite(series[i-1]) || !output.Finite(series[i]) {
			continue
		}
		c := color.RGBA{0xC8, 0xC8, 0xC8, 0xFF}
		if i <= k {
			c = inkColor
		}
		drawLine(img, x(i-1), y(series[i-1]), x(i), y(series[i]), thick, c)
	}
	cx := x(k)
	fillRect(img, image.Rect(cx-thick/2, r.Min.Y, cx-thick/2+thick, r.Max.Y), neededColor)
	a.text(img, a.small, mutedColor, r.Min.X, r.Max.Y+int(14*s), a.clock(0))
	endText := a.clock(a.tl.horizon)
	a.text(img, a.small, mutedColor, r.Max.X-font.MeasureString(a.small, endText).Ceil(), r.Max.Y+int(14*s), endText)
}

// clock writes a moment of the run as "day 9 · Mon 14:00".
func (a *animator) clock(t float64) string {
	day := int(t/86400) + 1
	sec := int64(math.Round(t)) % 86400
	wd := ""
	if a.tl.named {
		wd = models.WeekdayAt(a.tl.start, t).String()
		wd = strings.ToUpper(wd[:1]) + wd[1:] + " "
	}
	return fmt.Sprintf("day %d · %s%02d:%02d", day, wd, sec/3600, sec%3600/60)
}

// text draws s with its baseline at y.
func (a *animator) text(img *image.RGBA, f font.Face, c color.Color, x, y int, s string) {
	d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// fit shortens s with "…" until it is at most width pixels wide in f.
func fit(f font.Face, s string, width int) string {
	if font.MeasureString(f, s).Ceil() <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && font.MeasureString(f, string(r)+"…").Ceil() > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

func fillRect(img *image.RGBA, r image.Rectangle, c color.Color) {
	draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Src)
}

// drawLine draws a straight line of the given thickness.
func drawLine(img *image.RGBA, x0, y0, x1, y1, thick int, c color.Color) {
	steps := max(abs(x1-x0), abs(y1-y0), 1)
	for i := 0; i <= steps; i++ {
		x := x0 + (x1-x0)*i/steps
		y := y0 + (y1-y0)*i/steps
		fillRect(img, image.Rect(x-thick/2, y-thick/2, x-thick/2+thick, y-thick/2+thick), c)
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
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
