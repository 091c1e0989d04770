package output

import (
	"bytes"
	"math"
	"strconv"
	"testing"
)

// TestPartsAddAsRows: rows added in parts (NewPart, filled on goroutines
// of their own, then AppendPart in order, as fillInParts does) give the
// table the same bytes and the same cells, numbers and kept columns as the
// same rows added one by one, for a table of cells, one of text and one
// spooled to a file; some parts quoted, some short rows, some empty parts.
// Seen to catch: a part's row starts not moved by the text before it; a
// kept text column's codes appended as they were, not as the table's own.
func TestPartsAddAsRows(t *testing.T) {
	cols := []string{"channel", "n", "note", "c2", "other"} // other: not kept by a spooled table
	rowsOf := func(part int) [][]string {
		var rows [][]string
		for k := range part * 3 % 7 {
			row := []string{"ch" + strconv.Itoa(part), strconv.FormatFloat(float64(k)/3, 'g', 9, 64), "plain", strconv.Itoa(k % 2), strconv.Itoa(part*10 + k)}
			switch {
			case part == 2 && k == 1:
				row[2] = "a, \"quoted\""
			case k == 3:
				row = row[:2] // a short row
			case k == 4:
				row[1] = ""
			}
			rows = append(rows, row)
		}
		return rows
	}
	const parts = 6
	kinds := append([]struct {
		name string
		new  func(cols []string) *CSVTable
	}{{"cells", func(cols []string) *CSVTable { return &CSVTable{Columns: cols} }}}, textKinds...)
	for _, kind := range kinds {
		t.Run(kind.name, func(t *testing.T) {
			one, inParts := kind.new(cols), kind.new(cols)
			for p := range parts {
				for _, r := range rowsOf(p) {
					one.Add(r)
				}
			}
			fillInParts(inParts, parts, 2, func(p int, b *RowBuilder) { // 2: fewer rows than some parts have
				for _, r := range rowsOf(p) {
					for _, c := range r {
						b.Text(c)
					}
					b.End()
				}
			})
			var a, b bytes.Buffer
			if err := one.WriteCSV(&a); err != nil {
				t.Fatal(err)
			}
			if err := inParts.WriteCSV(&b); err != nil {
				t.Fatal(err)
			}
			if a.String() != b.String() {
				t.Fatalf("in parts, the table writes\n%q\nwant\n%q", b.String(), a.String())
			}
			if one.Len() != inParts.Len() {
				t.Fatalf("%d rows in parts, want %d", inParts.Len(), one.Len())
			}
			for i := range one.Len() {
				for _, c := range cols {
					if got, want := inParts.Text(i, c), one.Text(i, c); got != want {
						t.Errorf("row %d, %s: %q in parts, want %q", i, c, got, want)
					}
					got, want := inParts.Float(i, c), one.Float(i, c)
					if got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
						t.Errorf("row %d, %s: %v in parts, want %v", i, c, got, want)
					}
				}
			}
		})
	}
}
