package chart

import (
	"bytes"
	"sync"
	"testing"
)

// TestSVGDataReused: a canvas's paths' data, given back, is the next
// canvas's memory, and charts drawn as SVG on several goroutines at once,
// each canvas taking memory another gave back, are the same bytes as
// drawn one at a time.
// Seen to catch: the memory given back before the fills were written
// (while Render still read them), and not given back.
func TestSVGDataReused(t *testing.T) {
	c := newSVGCanvas(100, 100)
	c.data = append(c.data, make([]byte, 5000)...)
	c.free()
	if d := newSVGCanvas(100, 100); cap(d.data) < 5000 || len(d.data) != 0 {
		t.Fatalf("the memory given back not reused: %d bytes of room for %d", cap(d.data), len(d.data))
	}
	charts := Run(goldenDataset())
	want := make([][]byte, len(charts))
	for i, ch := range charts {
		var b bytes.Buffer
		if err := ch.Render(&b, "svg", DefaultWidth, DefaultHeight); err != nil {
			t.Fatal(err)
		}
		want[i] = b.Bytes()
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for round := range 3 {
				for k := range charts {
					i := (k + g + round) % len(charts)
					var b bytes.Buffer
					if err := charts[i].Render(&b, "svg", DefaultWidth, DefaultHeight); err != nil {
						t.Error(err)
						return
					}
					if !bytes.Equal(b.Bytes(), want[i]) {
						t.Errorf("%s.svg drawn beside other charts: not the same bytes", charts[i].Name)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
