package output

import (
	"bytes"
	"math"
	"strconv"
	"testing"
)

// TestDayTextAsItoa: dayText is strconv.Itoa for days in its table, past
// it and below it. Seen to fail with the table's text off by one day.
func TestDayTextAsItoa(t *testing.T) {
	for d := -3; d < 3000; d++ {
		if got, want := dayText(d), strconv.Itoa(d); got != want {
			t.Fatalf("dayText(%d) = %q, want %q", d, got, want)
		}
	}
}

// TestIntAsText: integers added by RowBuilder.Int, between numbers and
// text, write the same bytes and read back as the same numbers and text as
// added by Text(strconv.Itoa(i)), in a spooled table (directly and in
// parts, over its buffer's flushes, in kept columns of numbers and of
// text and in columns not kept) and in a text table. Seen to fail with
// Int's comma left out after a row's first cell, and with its digits not
// kept.
func TestIntAsText(t *testing.T) {
	cols := []string{"a", "b", "c", "d"}
	const rows = 30000
	ints := []int{0, 7, -12, 1 << 40, math.MinInt64, 365, 99999}
	fill := func(asInt bool) func(b *RowBuilder, from, to int) {
		return func(b *RowBuilder, from, to int) {
			for i := from; i < to; i++ {
				for j := range cols {
					v := ints[(i+j)%len(ints)]
					switch {
					case (i+j)%5 == 4:
						b.Num(float64(v) / 3)
					case asInt:
						b.Int(v)
					default:
						b.Text(strconv.Itoa(v))
					}
				}
				b.End()
			}
		}
	}
	newSpooled := func() *CSVTable { return NewSpooledTable(cols, []string{"a", "c"}, []string{"b"}, rows) }
	want := newSpooled()
	fill(false)(want.Builder(), 0, rows)
	mem, direct, inParts := NewTextTable(cols), newSpooled(), newSpooled()
	fill(true)(mem.Builder(), 0, rows)
	fill(true)(direct.Builder(), 0, rows)
	const parts = 6
	fillInParts(inParts, parts, rows/parts, func(p int, b *RowBuilder) { fill(true)(b, p*rows/parts, (p+1)*rows/parts) })
	var w bytes.Buffer
	if err := want.WriteCSV(&w); err != nil {
		t.Fatal(err)
	}
	if w.Len() < 2*spoolBuffer {
		t.Fatalf("%d bytes of text: too few to flush the buffer twice", w.Len())
	}
	for name, tab := range map[string]*CSVTable{"text": mem, "direct": direct, "in parts": inParts} {
		sameTableEvery(t, name+" (Int)", tab, want, cols, 13)
	}
}
