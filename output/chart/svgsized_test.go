package chart

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
)

// svgSizedByRegexps is writeSVGSized as it was: each regexp's replacement
// over the whole SVG.
func svgSizedByRegexps(svg []byte, widthPx, heightPx int) []byte {
	svg = svgSize.ReplaceAll(svg, fmt.Appendf(nil, `<svg width="%d" height="%d"`, widthPx, heightPx))
	return svgFamily.ReplaceAll(svg, []byte(svgFamilyFallback))
}

// TestSVGSizedAsRegexps: writeSVGSized writes what the two regexps'
// replacements over the whole SVG make, for random documents of the
// pieces that matter (size tags whole and broken, families whole and
// broken, quotes) and for a chart's SVG.
func TestSVGSizedAsRegexps(t *testing.T) {
	pieces := []string{`<svg width="12pt" height="6pt"`, `<svg width="`, `" height="`, `"`, `<svg`, ` `, `x`,
		`font-family:Liberation Sans;`, `font-family:Liberation Sans`, `font-family:`, `Liberation Sans;`, `;`, `>`, "\n"}
	rng := rand.New(rand.NewPCG(3, 5))
	docs := [][]byte{nil, []byte(`<svg width="1" height="2">font-family:Liberation Sans;</svg>`)}
	for range 20000 {
		var b []byte
		for range rng.IntN(12) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		docs = append(docs, b)
	}
	var svg bytes.Buffer
	if err := Run(nil)[0].Render(&svg, "svg", DefaultWidth, DefaultHeight); err != nil {
		t.Fatal(err)
	}
	docs = append(docs, svg.Bytes())
	for _, d := range docs {
		var got bytes.Buffer
		if err := writeSVGSized(&got, d, 640, 480); err != nil {
			t.Fatal(err)
		}
		if want := svgSizedByRegexps(d, 640, 480); !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("%q:\ngot  %q\nwant %q", d, got.Bytes(), want)
		}
	}
}
