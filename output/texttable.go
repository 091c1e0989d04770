package output

import (
	"bytes"
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// NewTextTable returns an empty table under columns whose rows, added with
// Add, are held as the CSV text WriteCSV writes, byte for byte, rather than
// as cells: the form of a run's per-interval tables, whose cells would
// take twenty times their text.
func NewTextTable(columns []string) *CSVTable {
	return &CSVTable{Columns: columns, text: &textRows{starts: []int{0}, perRow: max(0, len(columns)-1) / markEvery}}
}

// Add appends a row. A table of cells (Rows) takes a copy of row; a text
// table (NewTextTable) its text.
func (t *CSVTable) Add(row []string) {
	if t.text == nil {
		t.Rows = append(t.Rows, append([]string(nil), row...))
		return
	}
	for _, f := range row {
		t.text.field(f)
	}
	t.text.end()
}

// RowBuilder appends rows to a table cell by cell: into a text table
// (NewTextTable), numbers go straight into its text, with no string made
// for each.
type RowBuilder struct {
	t   *CSVTable
	row []string
}

// Builder returns a RowBuilder that adds rows to t.
func (t *CSVTable) Builder() *RowBuilder { return &RowBuilder{t: t} }

// Text appends a cell of text to the row being built.
func (b *RowBuilder) Text(s string) {
	if b.t.text != nil {
		b.t.text.field(s)
		return
	}
	b.row = append(b.row, s)
}

// Num appends a number to the row being built, as CellOf writes it.
func (b *RowBuilder) Num(v float64) {
	if b.t.text != nil {
		b.t.text.num(v)
		return
	}
	b.row = append(b.row, CellOf(v))
}

// Int appends an integer to the row being built, as Text(strconv.Itoa(i))
// appends it: into a spooled table, straight into its text, with no string
// made of it.
func (b *RowBuilder) Int(i int) {
	r := b.t.text
	if r == nil || r.spool == nil || r.perRow != 0 {
		b.Text(strconv.Itoa(i))
		return
	}
	sp := r.spool
	if r.nf > 0 {
		sp.buf = append(sp.buf, ',')
	}
	r.nf++
	at := len(sp.buf)
	sp.buf = strconv.AppendInt(sp.buf, int64(i), 10)
	if k := r.keeping(); k != nil {
		k.addBytes(sp.buf[at:])
	}
	if len(sp.buf) >= spoolBuffer {
		sp.flush()
	}
}

// Nums appends numbers to the row being built, each as Num appends it:
// into a spooled table (NewSpooledTable), in one loop.
func (b *RowBuilder) Nums(vs []float64) {
	if r := b.t.text; r != nil && r.spool != nil && r.perRow == 0 {
		r.spoolNums(vs)
		return
	}
	for _, v := range vs {
		b.Num(v)
	}
}

// End ends the row being built and adds it to the table.
func (b *RowBuilder) End() {
	if b.t.text != nil {
		b.t.text.end()
		return
	}
	b.t.Rows = append(b.t.Rows, b.row)
	b.row = nil
}

// Table returns the table the rows were added to.
func (b *RowBuilder) Table() *CSVTable { return b.t }

// markEvery is how many cells apart a text table marks where cells start
// in each row, so that reading a cell skips at most markEvery−1 commas.
const markEvery = 8

// textRows holds a table's rows as CSV lines.
type textRows struct {
	// b holds the lines. Its String is a view, not a copy, that rows
	// added later leave as it is: reads need no lock while no row is added.
	b strings.Builder
	// starts holds where each row begins in the text, and its end.
	starts []int
	// quoted tells that some field was quoted, so that a line cannot be
	// cut at its commas.
	quoted bool
	// nf counts the fields of the row being added.
	nf int
	// marks holds, perRow to a row, where its cells markEvery, 2 ×
	// markEvery... start, from the row's start (noCell when the row is
	// shorter); unmarked tells that a row was too long to mark, and the
	// marks are not used.
	marks    []uint16
	perRow   int
	unmarked bool

	mu     sync.Mutex
	floats map[int][]float64 // the columns read as numbers

	// spool, when set, holds the lines in a file instead of b, and the
	// columns kept in memory (NewSpooledTable).
	spool *spool
}

// write appends text to the lines.
func (r *textRows) write(b []byte) {
	if r.spool != nil {
		r.spool.write(b)
		return
	}
	r.b.Write(b)
}

// size returns the length of the lines so far.
func (r *textRows) size() int {
	if r.spool != nil {
		return r.spool.len()
	}
	return r.b.Len()
}

// keeping returns what is kept in memory of the field just begun, nil
// when its column is not kept.
func (r *textRows) keeping() *keptColumn { return r.kept(r.nf - 1) }

// noCell marks a cell a row does not have.
const noCell = math.MaxUint16

// field appends a field to the row being added, as encoding/csv writes it.
func (r *textRows) field(f string) {
	r.sep()
	if !mayNeedQuotes(f) {
		if r.spool != nil {
			r.spool.writeString(f)
			if k := r.keeping(); k != nil {
				k.add(f)
			}
			return
		}
		r.b.WriteString(f)
		return
	}
	var q bytes.Buffer
	w := csv.NewWriter(&q)
	w.Write([]string{f})
	w.Flush()
	field := bytes.TrimSuffix(q.Bytes(), []byte("\n"))
	r.quoted = r.quoted || (len(field) > 0 && field[0] == '"')
	r.write(field)
	if k := r.keeping(); k != nil {
		k.add(f)
	}
}

// num appends a number as CellOf writes it: no number needs quotes.
func (r *textRows) num(v float64) {
	if r.spool != nil && r.perRow == 0 {
		r.spoolNum(v)
		return
	}
	r.sep()
	k := r.keeping()
	if math.IsNaN(v) || math.IsInf(v, 0) {
		if k != nil {
			k.add("")
		}
		return
	}
	var buf [32]byte
	b, exact := appendCell(buf[:0], v)
	r.write(b)
	switch {
	case k == nil:
	case exact && !k.text:
		k.numbers.add(v) // what its text reads back as
	default:
		k.addBytes(b)
	}
}

// spoolNum is num for a spooled table, which marks no cells: the comma
// and the number are appended straight to the spool's buffer, which is
// flushed after them, not between them (the same text, in the same file
// or pieces, cut elsewhere).
func (r *textRows) spoolNum(v float64) {
	sp := r.spool
	if r.nf > 0 {
		sp.buf = append(sp.buf, ',')
	}
	r.nf++
	k := r.keeping()
	if math.IsNaN(v) || math.IsInf(v, 0) {
		if k != nil {
			k.add("")
		}
	} else {
		at := len(sp.buf)
		var exact bool
		sp.buf, exact = appendCell(sp.buf, v)
		switch {
		case k == nil:
		case exact && !k.text:
			k.numbers.add(v) // what its text reads back as
		default:
			k.addBytes(sp.buf[at:])
		}
	}
	if len(sp.buf) >= spoolBuffer {
		sp.flush()
	}
}

// sep starts a field: the comma before it, and its mark.
func (r *textRows) sep() {
	if r.nf > 0 {
		r.write(comma)
	}
	if r.nf > 0 && r.nf%markEvery == 0 && r.nf/markEvery <= r.perRow {
		at := r.b.Len() - r.starts[len(r.starts)-1]
		if at >= noCell {
			r.unmarked = true
		}
		r.marks = append(r.marks, uint16(min(at, noCell)))
	}
	r.nf++
}

// end ends the row being added.
func (r *textRows) end() {
	for len(r.marks) < len(r.starts)*r.perRow { // a short row
		r.marks = append(r.marks, noCell)
	}
	if r.spool != nil {
		for _, k := range r.spool.keep {
			if k != nil && k.rows() < len(r.starts) { // a short row
				k.add("")
			}
		}
	}
	r.nf = 0
	r.floats = nil
	r.write(newline)
	r.starts = append(r.starts, r.size())
}

var comma, newline = []byte{','}, []byte{'\n'}

// mayNeedQuotes tells whether encoding/csv might quote field: it quotes
// only fields holding a comma, a quote or a line break, `\.`, and fields
// that start with a space. A field this says no to is written as it is.
//
// It reads the field's bytes once, as encoding/csv's fieldNeedsQuotes does
// with a comma of one byte (strings.ContainsAny of the four took a tenth
// of intervals.csv's text cells' time), and is the same answer for every
// string (TestMayNeedQuotesAsBefore, FuzzMayNeedQuotes).
func mayNeedQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` {
		return true
	}
	for i := 0; i < len(field); i++ {
		switch field[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	if c := field[0]; c < utf8.RuneSelf {
		return unicode.IsSpace(rune(c))
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}

func (r *textRows) len() int { return len(r.starts) - 1 }

// kept returns what is kept in memory of column j of a spooled table, nil
// when nothing is.
func (r *textRows) kept(j int) *keptColumn {
	if r.spool == nil || j < 0 || j >= len(r.spool.keep) {
		return nil
	}
	return r.spool.keep[j]
}

// writeTo writes the lines to w.
func (r *textRows) writeTo(w io.Writer) error {
	if r.spool != nil {
		return r.spool.writeTo(w)
	}
	_, err := io.WriteString(w, r.b.String())
	return err
}

// line returns row i's line without its line break.
func (r *textRows) line(i int) string {
	if r.spool != nil {
		return r.spool.text(r.starts[i], r.starts[i+1]-1)
	}
	return r.b.String()[r.starts[i] : r.starts[i+1]-1]
}

// row returns row i's cells.
func (r *textRows) row(i int) []string {
	line := r.line(i)
	if !r.quoted {
		return strings.Split(line, ",")
	}
	cells, err := csv.NewReader(strings.NewReader(line + "\n")).Read()
	if err != nil {
		panic("output: a text table's own line does not read back: " + err.Error())
	}
	return cells
}

// cell returns row i's cell in column j, "" when the row is shorter.
func (r *textRows) cell(i, j int) string {
	if r.spool != nil {
		if k := r.kept(j); k != nil && k.text {
			return k.values[k.codes[i]]
		}
		if cells := r.row(i); j < len(cells) {
			return cells[j]
		}
		return ""
	}
	if r.quoted {
		if cells := r.row(i); j < len(cells) {
			return cells[j]
		}
		return ""
	}
	line := r.line(i)
	if q := j / markEvery; q > 0 && !r.unmarked {
		at := r.marks[i*r.perRow+q-1]
		if at == noCell {
			return ""
		}
		line, j = line[at:], j%markEvery
	}
	return cellOfLine(line, j)
}

// float returns the number in row i, column j, as CSVTable.Float reads it:
// NaN for an empty cell or one that is not a number. Each column is read
// once, when first asked for.
func (r *textRows) float(i, j int) float64 {
	if k := r.kept(j); k != nil && !k.text {
		return k.numbers.at(i)
	}
	if r.spool != nil && !r.quoted {
		r.mu.Lock()
		col, ok := r.floats[j]
		if !ok {
			col = r.spool.readColumn(j, r.len())
			if r.floats == nil {
				r.floats = map[int][]float64{}
			}
			r.floats[j] = col
		}
		r.mu.Unlock()
		return col[i]
	}
	r.mu.Lock()
	col, ok := r.floats[j]
	if !ok {
		col = make([]float64, r.len())
		for k := range col {
			col[k] = math.NaN()
			if c := r.cell(k, j); c != "" {
				if v, err := strconv.ParseFloat(c, 64); err == nil {
					col[k] = v
				}
			}
		}
		if r.floats == nil {
			r.floats = map[int][]float64{}
		}
		r.floats[j] = col
	}
	r.mu.Unlock()
	return col[i]
}
