package chart

import (
	"bytes"
	"testing"
)

// TestLineScratchReusedAsNew draws every chart of a run long enough to
// thin its lines (so drawn as bands) with the line buffers left by other
// charts, then again with the free list emptied before each chart, and
// wants the same bytes, PNG and SVG: nothing of a draw's buffers reaches
// the next. It also wants the buffers kept for the next draw.
func TestLineScratchReusedAsNew(t *testing.T) {
	if testing.Short() {
		t.Skip("draws a 60-day run's charts twice")
	}
	ds := builtinDataset(t, "textbook", 1, "horizon=60d")
	charts := Run(ds)
	draw := func(empty bool) [][]byte {
		var out [][]byte
		for _, c := range charts {
			for _, f := range Formats {
				if empty {
					for lineScratches.get() != nil {
					}
				}
				var b bytes.Buffer
				if err := c.Render(&b, f, 600, 300); err != nil {
					t.Fatal(err)
				}
				out = append(out, b.Bytes())
			}
		}
		return out
	}
	reused := draw(false)
	if s := lineScratches.get(); s == nil {
		t.Error("no line buffers kept after drawing")
	} else {
		lineScratches.put(s)
	}
	fresh := draw(true)
	for i := range fresh {
		if !bytes.Equal(reused[i], fresh[i]) {
			t.Errorf("chart %d (%s, %s): drawn with reused buffers differs", i/2, charts[i/2].Name, Formats[i%2])
		}
	}
}
