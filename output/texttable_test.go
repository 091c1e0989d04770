package output

import (
	"bytes"
	"math"
	"reflect"
	"strconv"
	"testing"
)

// TestTextTableReadsAsCells: a table held as text (NewTextTable), or
// spooled to a file (NewSpooledTable, keeping some columns in memory as
// numbers or as text and reading the others back from its file), writes
// the same bytes as the table of the same cells, and reads back the same
// cells, numbers, rows and groups, whatever its fields need: quotes,
// commas, line breaks, a leading space, `\.`, empty cells, short rows.
// Seen to catch: a quoted field cut at its comma.
func TestTextTableReadsAsCells(t *testing.T) {
	for _, kind := range textKinds {
		t.Run(kind.name, func(t *testing.T) { textTableReadsAsCells(t, kind.new) })
	}
}

// textKinds are the ways a table is held as text: in memory, or spooled
// to a file with some of its columns kept in memory, as numbers (n, c1,
// c9) or as text (channel, note, c2, c10), the others read back from the
// file.
var textKinds = []struct {
	name string
	new  func(cols []string) *CSVTable
}{
	{"memory", NewTextTable},
	{"spooled", func(cols []string) *CSVTable {
		return NewSpooledTable(cols, []string{"n", "c1", "c9"}, []string{"channel", "note", "c2", "c10"}, 0)
	}},
}

func textTableReadsAsCells(t *testing.T, newText func([]string) *CSVTable) {
	cols := []string{"channel", "n", "note"}
	rows := [][]string{
		{"phone", "1.5", ""},
		{"chat", "", "a, b"},
		{"say \"hi\"", "2e-05", " lead"},
		{`\.`, "x", "line\nbreak"},
		{"phone", "-3", "\r"},
		{"short"},
		{"", "", ""},
	}
	for _, quoted := range []bool{false, true} {
		cells := &CSVTable{Columns: cols}
		text := newText(cols)
		for _, r := range rows {
			if !quoted && r[0] != "phone" && r[0] != "chat" {
				continue
			}
			if !quoted {
				r = []string{r[0], r[1], "plain"}
			}
			cells.Add(r)
			text.Add(r)
		}
		var a, b bytes.Buffer
		if err := cells.WriteCSV(&a); err != nil {
			t.Fatal(err)
		}
		if err := text.WriteCSV(&b); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("quoted %v: text table writes\n%q\nwant\n%q", quoted, b.String(), a.String())
		}
		if cells.Len() != text.Len() {
			t.Fatalf("quoted %v: %d rows, want %d", quoted, text.Len(), cells.Len())
		}
		for i := range cells.Len() {
			if got, want := text.Row(i), cells.Row(i); !reflect.DeepEqual(got, want) {
				t.Errorf("quoted %v: row %d is %q, want %q", quoted, i, got, want)
			}
			for _, c := range append(cols, "missing") {
				if got, want := text.Text(i, c), cells.Text(i, c); got != want {
					t.Errorf("quoted %v: Text(%d, %s) = %q, want %q", quoted, i, c, got, want)
				}
				got, want := text.Float(i, c), cells.Float(i, c)
				if got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
					t.Errorf("quoted %v: Float(%d, %s) = %v, want %v", quoted, i, c, got, want)
				}
			}
		}
		keys := []string{"phone", "chat", "none"}
		if got, want := text.RowsBy("channel", keys), cells.RowsBy("channel", keys); !reflect.DeepEqual(got, want) {
			t.Errorf("quoted %v: RowsBy %v, want %v", quoted, got, want)
		}
	}
}

// TestTextTableWide: in a table wide enough for its rows' marks (a cell
// read skips to the mark before it), every cell of rows of every length
// reads as in the table of cells, numbers added by a RowBuilder as CellOf
// writes them.
// Seen to catch: a short row's marks left out, shifting the next rows'.
func TestTextTableWide(t *testing.T) {
	for _, kind := range textKinds {
		t.Run(kind.name, func(t *testing.T) { textTableWide(t, kind.new) })
	}
}

func textTableWide(t *testing.T, newText func([]string) *CSVTable) {
	var cols []string
	for j := range 3*markEvery + 3 {
		cols = append(cols, "c"+strconv.Itoa(j))
	}
	cells, text := &CSVTable{Columns: cols}, newText(cols)
	cb, tb := cells.Builder(), text.Builder()
	for n := range len(cols) + 2 {
		for j := range n {
			v := float64(n*100+j) / 7
			if j%5 == 4 {
				v = math.NaN()
			}
			cb.Num(v)
			tb.Num(v)
		}
		cb.End()
		tb.End()
	}
	sameTable(t, "as text", text, cells, cols)
}

// sameTable checks that got, a table made another way (how says which),
// writes the bytes want writes, has as many rows, and reads the same text
// and numbers in every cell of cols.
func sameTable(t *testing.T, how string, got, want *CSVTable, cols []string) {
	t.Helper()
	sameTableEvery(t, how, got, want, cols, 1)
}

// sameTableEvery is sameTable reading the cells of every step-th row only
// (a spooled table reads each cell's text back from its file), each
// number the same bits (or NaN for NaN).
func sameTableEvery(t *testing.T, how string, got, want *CSVTable, cols []string, step int) {
	t.Helper()
	var a, b bytes.Buffer
	if err := want.WriteCSV(&a); err != nil {
		t.Fatal(err)
	}
	if err := got.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		if a.Len()+b.Len() > 2000 {
			t.Fatalf("%s, the table writes %d bytes, want %d (the same)", how, b.Len(), a.Len())
		}
		t.Fatalf("%s, the table writes\n%q\nwant\n%q", how, b.String(), a.String())
	}
	if want.Len() != got.Len() {
		t.Fatalf("%s, %d rows, want %d", how, got.Len(), want.Len())
	}
	for i := 0; i < want.Len(); i += step {
		for _, c := range cols {
			if g, w := got.Text(i, c), want.Text(i, c); g != w {
				t.Fatalf("%s, row %d, %s: %q, want %q", how, i, c, g, w)
			}
			g, w := got.Float(i, c), want.Float(i, c)
			if math.Float64bits(g) != math.Float64bits(w) && !(math.IsNaN(g) && math.IsNaN(w)) {
				t.Fatalf("%s, row %d, %s: %v, want %v", how, i, c, g, w)
			}
		}
	}
}
