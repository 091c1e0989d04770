package chart

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	plottext "gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// TestBoxedTextAsPlain measures random texts in the charts' fonts at
// several sizes, each twice and after the boxes were forgotten, and wants
// the plain handler's box every time.
func TestBoxedTextAsPlain(t *testing.T) {
	plain := plot.DefaultTextHandler.(plottext.Plain)
	h := rememberBoxes(plain).(boxedText)
	defer func(n int) { maxTextBoxes = n }(maxTextBoxes)
	maxTextBoxes = 50
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("0123456789,.−-% abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ()éü—")
	var texts []string
	for range 200 {
		r := make([]rune, rng.IntN(20))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		texts = append(texts, string(r))
	}
	for round := range 3 {
		for i, txt := range texts {
			f := chartFont
			if i%2 == 1 {
				f = chartBold
			}
			fnt := font.From(f, vg.Points(float64(9+i%4)))
			w, ht, d := h.Box(txt, fnt)
			pw, ph, pd := plain.Box(txt, fnt)
			if w != pw || ht != ph || d != pd {
				t.Fatalf("round %d: box of %q in %v: %v %v %v, want %v %v %v", round, txt, fnt, w, ht, d, pw, ph, pd)
			}
		}
	}
	if n := len(h.boxes.m); n == 0 || n > maxTextBoxes {
		t.Errorf("%d boxes remembered, want 1 to %d", n, maxTextBoxes)
	}
}

// TestChartTextRemembers checks that the charts' text styles measure
// through the remembering handler.
func TestChartTextRemembers(t *testing.T) {
	sty := chartText(10, false)
	if _, ok := sty.Handler.(boxedText); !ok {
		t.Fatalf("chartText's handler is %T, want boxedText", sty.Handler)
	}
	w := sty.Width("12,345")
	b := chartTextHandler.(boxedText).boxes
	b.mu.Lock()
	got, ok := b.m[textKey{"12,345", sty.Font}]
	b.mu.Unlock()
	if !ok || got.w != w {
		t.Errorf("box of 12,345 remembered: %v, %v; want width %v", got, ok, w)
	}
}
