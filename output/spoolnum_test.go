package output

import (
	"bytes"
	"math"
	"testing"
)

// TestSpooledNumbersAcrossFlushes: numbers added to a spooled table,
// directly and in parts, over several of its buffer's flushes, write the
// same bytes and read as the same numbers as in a text table held in
// memory: integers, fractions, −0, NaN and infinities, in kept columns of
// numbers and of text and in columns not kept.
// Seen to catch: nothing yet; it guards spoolNum, which flushes after a
// cell, not between its comma and its number.
func TestSpooledNumbersAcrossFlushes(t *testing.T) {
	cols := []string{"n", "c1", "c2", "other"}
	value := func(i, j int) float64 {
		switch (i + j) % 11 {
		case 3:
			return math.NaN()
		case 5:
			return math.Inf(1 - 2*(i%2))
		case 7:
			return math.Copysign(0, -1)
		case 8:
			return float64(i) / 3
		}
		return float64(i*7 - j*1000)
	}
	const rows = 40000 // about 4 buffers of text
	fill := func(b *RowBuilder, from, to int) {
		for i := from; i < to; i++ {
			for j := range cols {
				b.Num(value(i, j))
			}
			b.End()
		}
	}
	mem := NewTextTable(cols)
	fill(mem.Builder(), 0, rows)
	newSpooled := func() *CSVTable { return NewSpooledTable(cols, []string{"n", "c1"}, []string{"c2"}, rows) }
	direct, inParts := newSpooled(), newSpooled()
	fill(direct.Builder(), 0, rows)
	const parts = 5
	fillInParts(inParts, parts, rows/parts, func(p int, b *RowBuilder) { fill(b, p*rows/parts, (p+1)*rows/parts) })
	var want bytes.Buffer
	if err := mem.WriteCSV(&want); err != nil {
		t.Fatal(err)
	}
	if want.Len() < 3*spoolBuffer {
		t.Fatalf("%d bytes of text: too few to flush the buffer three times", want.Len())
	}
	for name, tab := range map[string]*CSVTable{"direct": direct, "in parts": inParts} {
		sameTableEvery(t, name+" (spooled)", tab, mem, cols, 97)
	}
}
