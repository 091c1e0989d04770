package chart

import (
	"sync"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	plottext "gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// chartTextHandler is the text handler of the charts' text styles
// (chartText): gonum's default, with its text boxes remembered.
var chartTextHandler = rememberBoxes(plot.DefaultTextHandler)

// boxedText is gonum's plain text handler with the boxes of the text it
// measured remembered. A plot measures the same tick labels, titles and
// legend entries many times a draw (its padding, its axes, plot.Align),
// and gonum's font.Face.Width allocates a glyph buffer of about 1 kB at
// every call: 14 MB of a 365-day folder's charts. A box depends only on
// the text, the font and the handler's font cache, so a remembered one
// is the same numbers as the box measured anew.
type boxedText struct {
	plottext.Plain
	boxes *textBoxes
}

// textBoxes are the boxes a boxedText measured, for every goroutine.
type textBoxes struct {
	mu sync.Mutex
	m  map[textKey]textBox
}

// textKey is a text measured in a font.
type textKey struct {
	txt string
	fnt font.Font
}

// textBox is the box of a text: width, height and depth.
type textBox struct{ w, h, d vg.Length }

// maxTextBoxes bounds the boxes remembered: past it, they are forgotten
// all at once. The charts of a run measure a few hundred texts.
var maxTextBoxes = 4096

// rememberBoxes returns h with its boxes remembered when h is gonum's
// plain handler, otherwise h itself.
func rememberBoxes(h plottext.Handler) plottext.Handler {
	p, ok := h.(plottext.Plain)
	if !ok {
		return h
	}
	return boxedText{Plain: p, boxes: &textBoxes{m: make(map[textKey]textBox)}}
}

// Box returns the box of txt in fnt, as the plain handler measures it.
func (h boxedText) Box(txt string, fnt font.Font) (width, height, depth vg.Length) {
	k := textKey{txt, fnt}
	h.boxes.mu.Lock()
	b, ok := h.boxes.m[k]
	h.boxes.mu.Unlock()
	if ok {
		return b.w, b.h, b.d
	}
	b.w, b.h, b.d = h.Plain.Box(txt, fnt)
	h.boxes.mu.Lock()
	if len(h.boxes.m) >= maxTextBoxes {
		clear(h.boxes.m)
	}
	h.boxes.m[k] = b
	h.boxes.mu.Unlock()
	return b.w, b.h, b.d
}
