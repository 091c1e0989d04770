package output

import (
	"strconv"
	"strings"
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
			sameTable(t, "in parts", inParts, one, cols)
		})
	}
}

// TestPartsReusedAsNew: a table made in many parts, more than fillInParts
// holds at once, so that the parts' memory is reused (emptyPart), some
// parts longer than a spool's piece (spoolBuffer) and some short after long
// ones, each part with text values of its own in the kept text columns,
// gives the same bytes, cells and numbers as its rows added one by one.
// Fails if an emptied part kept a row start, a number, a code or a text
// value of the one before, or the pieces of its text were not counted.
func TestPartsReusedAsNew(t *testing.T) {
	cols := []string{"channel", "n", "note", "c2", "other"}
	rowsIn := func(part int) int {
		switch part % 4 {
		case 0:
			return 5000 + part // about 4 pieces of text
		case 1:
			return 3
		case 2:
			return 0
		}
		return 700
	}
	rowOf := func(part, k int) []string {
		row := []string{"ch" + strconv.Itoa(part%3), strconv.FormatFloat(float64(part*k)/7, 'g', -1, 64),
			"note " + strconv.Itoa(part) + strings.Repeat("x", k%50), strconv.Itoa(k % (part + 2)), strconv.Itoa(part*100000 + k)}
		if k%97 == 5 {
			row = row[:2] // a short row
		}
		return row
	}
	const parts = 23
	for _, kind := range textKinds {
		t.Run(kind.name, func(t *testing.T) {
			one, inParts := kind.new(cols), kind.new(cols)
			for p := range parts {
				for k := range rowsIn(p) {
					one.Add(rowOf(p, k))
				}
			}
			fillInParts(inParts, parts, 100, func(p int, b *RowBuilder) {
				for k := range rowsIn(p) {
					for _, c := range rowOf(p, k) {
						b.Text(c)
					}
					b.End()
				}
			})
			sameTable(t, "in parts", inParts, one, cols)
		})
	}
}
