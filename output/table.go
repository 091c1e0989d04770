package output

import (
	"io"
	"strings"
	"unicode/utf8"
)

// Table is a text table whose columns are aligned: the first column to the
// left, the others to the right, as numbers read best.
type Table struct {
	header []string
	rows   [][]string
	left   map[int]bool // columns aligned to the left besides the first
}

// NewTable returns a table with the given column headings.
func NewTable(header ...string) *Table {
	return &Table{header: header}
}

// Row adds a row; missing cells are blank, extra cells are dropped.
func (t *Table) Row(cells ...string) {
	row := make([]string, len(t.header))
	copy(row, cells)
	t.rows = append(t.rows, row)
}

// AlignLeft aligns the given columns (from 0) to the left, for text.
func (t *Table) AlignLeft(cols ...int) *Table {
	if t.left == nil {
		t.left = map[int]bool{}
	}
	for _, c := range cols {
		t.left[c] = true
	}
	return t
}

// Rows returns the number of rows added.
func (t *Table) Rows() int { return len(t.rows) }

// WriteTo writes the table with two spaces between columns and a rule under
// the heading.
func (t *Table) WriteTo(w io.Writer) (int64, error) {
	width := make([]int, len(t.header))
	for _, row := range append([][]string{t.header}, t.rows...) {
		for i, c := range row {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	line := func(row []string) {
		var l strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			switch {
			case i == 0:
				l.WriteString(c + pad)
			case t.left[i]:
				l.WriteString("  " + c + pad)
			default:
				l.WriteString("  " + pad + c)
			}
		}
		b.WriteString(strings.TrimRight(l.String(), " "))
		b.WriteByte('\n')
	}
	line(t.header)
	rule := make([]string, len(t.header))
	for i := range rule {
		rule[i] = strings.Repeat("-", width[i])
	}
	line(rule)
	for _, row := range t.rows {
		line(row)
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}
