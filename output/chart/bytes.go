package chart

import "bytes"

// Bytes returns the chart as Render writes it, in a slice of its own
// length: drawn into a buffer kept from chart to chart (renderBuffers),
// not one grown by doubling for each chart and held with its slack (a
// 365-day folder's SVGs, kept for its report, took 4 MB so).
func (c Chart) Bytes(format string, widthPx, heightPx int) ([]byte, error) {
	b, done := keptBuffer(&renderBuffers)
	defer done()
	if err := c.Render(b, format, widthPx, heightPx); err != nil {
		return nil, err
	}
	out := make([]byte, b.Len())
	copy(out, b.Bytes())
	return out, nil
}

// renderBuffers keep Bytes's buffers from chart to chart; a buffer of
// more than maxKeptSVG bytes is let go.
var renderBuffers freeList[bytes.Buffer]
