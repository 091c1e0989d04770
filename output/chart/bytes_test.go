package chart

import (
	"bytes"
	"testing"
)

// TestBytesAsRender: Bytes returns what Render writes, byte for byte, in
// a slice of its own length, for every chart of a run in both formats,
// each chart's bytes unchanged by the charts drawn after it (the buffer
// they were drawn into being reused), and Render's error for a format or
// size it refuses.
// Seen to catch: the buffer's own bytes returned, overwritten by the next
// chart.
func TestBytesAsRender(t *testing.T) {
	charts := Run(goldenDataset())
	var got, want [][]byte
	for _, c := range charts {
		for _, format := range Formats {
			b, err := c.Bytes(format, DefaultWidth, DefaultHeight)
			if err != nil {
				t.Fatalf("%s.%s: %v", c.Name, format, err)
			}
			if cap(b) != len(b) {
				t.Errorf("%s.%s: %d bytes, room for %d", c.Name, format, len(b), cap(b))
			}
			var w bytes.Buffer
			if err := c.Render(&w, format, DefaultWidth, DefaultHeight); err != nil {
				t.Fatal(err)
			}
			got, want = append(got, b), append(want, w.Bytes())
		}
	}
	for i := range got {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("image %d (%s.%s): not as Render writes it", i, charts[i/2].Name, Formats[i%2])
		}
	}
	if _, err := charts[0].Bytes("gif", DefaultWidth, DefaultHeight); err == nil {
		t.Error("a GIF drawn")
	}
	if _, err := charts[0].Bytes("svg", 10, 10); err == nil {
		t.Error("a chart of 10×10 pixels drawn")
	}
}
