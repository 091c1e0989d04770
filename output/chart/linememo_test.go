package chart

import (
	"bytes"
	"sync"
	"testing"
)

// TestLineMemoDrawsAsNew draws every chart of a 60-day run (lines thinned
// at the smaller size) at one size, another, and the first again, PNG and
// SVG, the two formats at once, and wants each the same bytes as a chart
// made anew and drawn once at that size.
func TestLineMemoDrawsAsNew(t *testing.T) {
	if testing.Short() {
		t.Skip("draws a 60-day run's charts many times")
	}
	ds := builtinDataset(t, "textbook", 1, "horizon=60d")
	charts := Run(ds)
	sizes := [][2]int{{600, 300}, {DefaultWidth, DefaultHeight}, {600, 300}}
	for _, sz := range sizes {
		fresh := Run(ds)
		for k, c := range charts {
			var got [2]bytes.Buffer
			var errs [2]error
			var wg sync.WaitGroup
			for fi, f := range Formats {
				wg.Go(func() { errs[fi] = c.Render(&got[fi], f, sz[0], sz[1]) })
			}
			wg.Wait()
			for fi, f := range Formats {
				if errs[fi] != nil {
					t.Fatal(errs[fi])
				}
				var want bytes.Buffer
				if err := fresh[k].Render(&want, f, sz[0], sz[1]); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got[fi].Bytes(), want.Bytes()) {
					t.Errorf("%s.%s at %v: drawn again differs from drawn anew", c.Name, f, sz)
				}
			}
		}
	}
}

// TestLineMemoKeeps wants the same parts for a line built twice at one
// width, and parts made anew at another.
func TestLineMemoKeeps(t *testing.T) {
	var s series
	for i := range 5000 {
		s.add(float64(i), float64(i%37))
	}
	l := line{s: s, style: channelStyle(0)}
	var m lineMemo
	parts := func(columns int) *paddedLine {
		ps, err := m.plotters(0, 1, l, columns)
		if err != nil {
			t.Fatal(err)
		}
		return ps[0].(*paddedLine)
	}
	a, b := parts(600), parts(600)
	if a == b || a.memo == b.memo {
		t.Error("two builds share a paddedLine or its glyph boxes")
	}
	if &a.parts[0] != &b.parts[0] {
		t.Error("the parts were made again at the same width")
	}
	if c := parts(1200); &c.parts[0] == &a.parts[0] {
		t.Error("the parts were kept at another width")
	}
}
