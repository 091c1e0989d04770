package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math/rand/v2"
	"strconv"
	"testing"
)

// randomRGBA returns a w×h image whose rows are drawn from the kinds that
// make each of PNG's filters win: noise, flat stretches, rows equal to the
// one above or equal but for a few pixels, gradients, lines; with alpha
// 0xff everywhere when opaque, else partly transparent too (alpha 0, 0xff
// and between, the colours premultiplied as an image.RGBA holds them).
func randomRGBA(r *rand.Rand, w, h int, opaque bool) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	px := func(x, y int) []byte { return m.Pix[m.PixOffset(x, y):][:4] }
	set := func(x, y int, c [4]byte) {
		if opaque {
			c[3] = 0xff
		}
		for k := range 3 {
			c[k] = byte(int(c[k]) * int(c[3]) / 255) // premultiplied
		}
		copy(px(x, y), c[:])
	}
	palette := [][4]byte{{0xff, 0xff, 0xff, 0xff}, {0, 0, 0, 0xff}, {0x1f, 0x77, 0xb4, 0xff}, {0xd6, 0x27, 0x28, 0x80}, {0, 0, 0, 0}, {0xfe, 0x01, 0x80, 0xff}}
	rnd := func() [4]byte {
		a := [...]byte{0, 0xff, 0xff, 0xff, byte(r.IntN(256))}[r.IntN(5)]
		return [4]byte{byte(r.IntN(256)), byte(r.IntN(256)), byte(r.IntN(256)), a}
	}
	for y := range h {
		switch kind := r.IntN(7); {
		case kind == 0 || y == 0: // noise
			for x := range w {
				set(x, y, rnd())
			}
		case kind == 1: // flat
			c := palette[r.IntN(len(palette))]
			for x := range w {
				set(x, y, c)
			}
		case kind == 2: // the row above
			copy(m.Pix[m.PixOffset(0, y):][:4*w], m.Pix[m.PixOffset(0, y-1):])
		case kind == 3: // the row above but for a few pixels
			copy(m.Pix[m.PixOffset(0, y):][:4*w], m.Pix[m.PixOffset(0, y-1):])
			for range 1 + r.IntN(3) {
				set(r.IntN(w), y, rnd())
			}
		case kind == 4: // a gradient
			c, d := rnd(), byte(r.IntN(5))
			for x := range w {
				set(x, y, c)
				c[0] += d
				c[1] -= d
			}
		case kind == 5: // a line across flat rows
			c := palette[r.IntN(len(palette))]
			line := palette[r.IntN(len(palette))]
			x0, x1 := r.IntN(w), r.IntN(w)
			for x := range w {
				if x >= min(x0, x1) && x <= max(x0, x1) {
					set(x, y, line)
				} else {
					set(x, y, c)
				}
			}
		default: // the row above, darkened
			copy(m.Pix[m.PixOffset(0, y):][:4*w], m.Pix[m.PixOffset(0, y-1):])
			for x := range w {
				p := px(x, y)
				for k := range 3 {
					p[k] = min(p[k], p[3]) / 2 * 2
				}
			}
		}
	}
	return m
}

// encodeBoth returns m encoded by encodeRGBA and by png.Encode.
func encodeBoth(t testing.TB, m *image.RGBA) (got, want []byte) {
	t.Helper()
	var g, w bytes.Buffer
	if err := encodeRGBA(&g, m); err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(&w, m); err != nil {
		t.Fatal(err)
	}
	return g.Bytes(), w.Bytes()
}

// TestEncodeRGBAAsPNG: encodeRGBA writes the bytes png.Encode writes, for
// random images (see randomRGBA) of every width from 1 to 40 pixels and
// odd larger sizes, opaque and partly transparent, and for sub-images
// (their rows apart in Pix, their origin not at 0, 0), with the encoder's
// buffers reused from larger and smaller images before.
//
// Seen to catch: a sum taken over the bytes past a row's end, the last odd
// pixel's alpha left out of the opacity check.
func TestEncodeRGBAAsPNG(t *testing.T) {
	r := rand.New(rand.NewPCG(20, 1))
	sizes := [][2]int{{1, 1}, {1, 7}, {7, 1}, {333, 17}, {1200, 30}, {641, 9}, {2, 300}}
	for w := 1; w <= 40; w++ {
		sizes = append(sizes, [2]int{w, 1 + r.IntN(12)})
	}
	for _, s := range sizes {
		for _, opaque := range []bool{true, false} {
			m := randomRGBA(r, s[0], s[1], opaque)
			if got, want := encodeBoth(t, m); !bytes.Equal(got, want) {
				t.Fatalf("%dx%d, opaque %v: %d bytes, png.Encode %d: not the same", s[0], s[1], opaque, len(got), len(want))
			}
			if s[0] < 3 || s[1] < 3 {
				continue
			}
			sub := m.SubImage(image.Rect(1, 1, s[0]-1, s[1]-1)).(*image.RGBA)
			if got, want := encodeBoth(t, sub); !bytes.Equal(got, want) {
				t.Fatalf("%v of %dx%d, opaque %v: %d bytes, png.Encode %d: not the same", sub.Rect, s[0], s[1], opaque, len(got), len(want))
			}
		}
	}
}

// TestEncodeRGBAErrors: an empty image, or one too wide or too tall for
// PNG, is refused as png.Encode refuses it, and a writer's error is
// returned. Seen to catch each of the size checks' bounds moved by one
// (mh <= 0 made mh < 0, mw >= 1<<32 made mw > 1<<32), which the
// mutation tool found living.
func TestEncodeRGBAErrors(t *testing.T) {
	var b bytes.Buffer
	bad := []*image.RGBA{image.NewRGBA(image.Rect(0, 0, 0, 3)), image.NewRGBA(image.Rect(0, 0, 3, 0))}
	if strconv.IntSize == 64 {
		// Too wide or too tall for PNG: refused before any pixel is read.
		big := 1 << (strconv.IntSize / 2) // 1<<32, where int has 64 bits
		bad = append(bad, &image.RGBA{Rect: image.Rect(0, 0, big, 1)}, &image.RGBA{Rect: image.Rect(0, 0, 1, big)})
	}
	for _, m := range bad {
		if got, want := fmt.Sprint(encodeRGBA(&b, m)), fmt.Sprint(png.Encode(&b, m)); got != want || got == "<nil>" {
			t.Errorf("an image of %v: got %s, want %s", m.Rect, got, want)
		}
	}
	m := randomRGBA(rand.New(rand.NewPCG(20, 2)), 300, 300, true)
	for _, after := range []int{0, 10, 40, 5000} {
		if err := encodeRGBA(&failingWriter{left: after}, m); err != errWriteFailed {
			t.Errorf("a writer failing after %d bytes: got %v, want %v", after, err, errWriteFailed)
		}
	}
}

// errWriteFailed is failingWriter's error.
var errWriteFailed = fmt.Errorf("write failed")

// failingWriter takes left bytes, then fails.
type failingWriter struct{ left int }

// Write takes b, or fails when it would pass the bytes left.
func (w *failingWriter) Write(b []byte) (int, error) {
	if len(b) > w.left {
		return 0, errWriteFailed
	}
	w.left -= len(b)
	return len(b), nil
}

// FuzzEncodeRGBA: for any pixels, width and opacity, encodeRGBA writes
// png.Encode's bytes.
func FuzzEncodeRGBA(f *testing.F) {
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 1, 2, 3, 0xff}, uint8(1), true)
	f.Add(bytes.Repeat([]byte{9, 0x80, 0x7f, 0xff}, 90), uint8(7), false)
	f.Fuzz(func(t *testing.T, pix []byte, width uint8, opaque bool) {
		w := 1 + int(width)%48
		h := len(pix) / (4 * w)
		if h == 0 {
			return
		}
		m := image.NewRGBA(image.Rect(0, 0, w, h))
		copy(m.Pix, pix)
		for i := 3; opaque && i < len(m.Pix); i += 4 {
			m.Pix[i] = 0xff
		}
		if got, want := encodeBoth(t, m); !bytes.Equal(got, want) {
			t.Fatalf("%dx%d: %d bytes, png.Encode %d: not the same", w, h, len(got), len(want))
		}
	})
}

// BenchmarkEncodeRGBA encodes a chart of 1200×600 pixels (the default
// folder's size) with encodeRGBA and with png.Encoder, its buffers kept.
func BenchmarkEncodeRGBA(b *testing.B) {
	c := Run(goldenDataset())[0]
	var buf bytes.Buffer
	if err := c.Render(&buf, "png", 1200, 600); err != nil {
		b.Fatal(err)
	}
	m, _ := decodeRGBA(b, buf.Bytes())
	b.Run("encodeRGBA", func(b *testing.B) {
		for b.Loop() {
			buf.Reset()
			if err := encodeRGBA(&buf, m); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("png", func(b *testing.B) {
		enc := png.Encoder{BufferPool: &bufferPool{}}
		for b.Loop() {
			buf.Reset()
			if err := enc.Encode(&buf, m); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// bufferPool keeps one png.EncoderBuffer.
type bufferPool struct{ b *png.EncoderBuffer }

// Get returns the buffer kept, if any.
func (p *bufferPool) Get() *png.EncoderBuffer { return p.b }

// Put keeps b.
func (p *bufferPool) Put(b *png.EncoderBuffer) { p.b = b }

// decodeRGBA decodes a PNG into a new *image.RGBA.
func decodeRGBA(b testing.TB, p []byte) (*image.RGBA, error) {
	b.Helper()
	m0, err := png.Decode(bytes.NewReader(p))
	if err != nil {
		b.Fatal(err)
	}
	m := image.NewRGBA(m0.Bounds())
	for y := range m.Rect.Dy() {
		for x := range m.Rect.Dx() {
			m.Set(x, y, m0.At(x, y))
		}
	}
	return m, nil
}
