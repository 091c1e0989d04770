package output

import (
	"bytes"
	"encoding/csv"
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
	return &CSVTable{Columns: columns, text: &textRows{starts: []int{0}}}
}

// Add appends a row. A table of cells (Rows) takes a copy of row; a text
// table (NewTextTable) its text.
func (t *CSVTable) Add(row []string) {
	if t.text == nil {
		t.Rows = append(t.Rows, append([]string(nil), row...))
		return
	}
	t.text.add(row)
}

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

	mu     sync.Mutex
	floats map[int][]float64 // the columns read as numbers
}

// add appends row as encoding/csv writes it.
func (r *textRows) add(row []string) {
	r.floats = nil
	for j, f := range row {
		if j > 0 {
			r.b.WriteByte(',')
		}
		if !mayNeedQuotes(f) {
			r.b.WriteString(f)
			continue
		}
		var q bytes.Buffer
		w := csv.NewWriter(&q)
		w.Write([]string{f})
		w.Flush()
		field := bytes.TrimSuffix(q.Bytes(), []byte("\n"))
		r.quoted = r.quoted || (len(field) > 0 && field[0] == '"')
		r.b.Write(field)
	}
	r.b.WriteByte('\n')
	r.starts = append(r.starts, r.b.Len())
}

// mayNeedQuotes tells whether encoding/csv might quote field: it quotes
// only fields holding a comma, a quote or a line break, `\.`, and fields
// that start with a space. A field this says no to is written as it is.
func mayNeedQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` || strings.ContainsAny(field, ",\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}

func (r *textRows) len() int { return len(r.starts) - 1 }

// line returns row i's line without its line break.
func (r *textRows) line(i int) string {
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
	if r.quoted {
		if cells := r.row(i); j < len(cells) {
			return cells[j]
		}
		return ""
	}
	line := r.line(i)
	for range j {
		k := strings.IndexByte(line, ',')
		if k < 0 {
			return ""
		}
		line = line[k+1:]
	}
	if k := strings.IndexByte(line, ','); k >= 0 {
		return line[:k]
	}
	return line
}

// float returns the number in row i, column j, as CSVTable.Float reads it:
// NaN for an empty cell or one that is not a number. Each column is read
// once, when first asked for.
func (r *textRows) float(i, j int) float64 {
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
