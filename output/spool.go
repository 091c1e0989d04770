package output

import (
	"bufio"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// NewSpooledTable is NewTextTable whose text goes to a file as rows are
// added, not into memory: a run's per-interval tables, which grow with the
// horizon (a 365-day baseline's intervals.csv is 17 MB), cost their
// process a few bytes a row. The file is made in the system's temporary
// folder and removed at once (the table reads and writes it through the
// handle it keeps), so that nothing is left behind whatever becomes of the
// process. What the charts and the report read of the table is kept in
// memory as well: the columns named in numbers as the numbers Float
// returns (the cell's text read back, as Float reads it), those named in
// texts as Text returns them. Any other cell is read back from the file:
// the same answers, more slowly. Where no such file can be made, or
// removed while open, the table holds its text in memory (NewTextTable).
// rows is how many rows are to come, when known (0 when not): what is kept
// of them is sized for them at once, not grown by doubling, which would
// leave up to half of it unused.
func NewSpooledTable(columns, numbers, texts []string, rows int) *CSVTable {
	t := NewTextTable(columns)
	f, err := os.CreateTemp("", "omnisim-table-*.csv")
	if err != nil {
		return t
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		os.Remove(f.Name())
		return t
	}
	sp := &spool{f: f, keep: make([]*keptColumn, len(columns))}
	for j, c := range columns {
		switch {
		case containsString(numbers, c):
			sp.keep[j] = &keptColumn{numbers: newKeptNumbers(rows)}
		case containsString(texts, c):
			sp.keep[j] = &keptColumn{text: true, codes: make([]uint32, 0, rows), index: map[string]uint32{}}
		}
	}
	t.text.starts = slices.Grow(t.text.starts, rows)
	t.text.spool = sp
	t.text.perRow = 0 // cells are found in kept columns, or by reading the line
	return t
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// spool holds a text table's lines in a file.
type spool struct {
	f *os.File
	// buf holds the text not yet written to f, which holds size bytes
	// (or, in a part's spool, the pieces do).
	buf []byte
	// pieces hold, in a part's spool (NewPart), which has no file, the
	// text before buf's, each piece about spoolBuffer long.
	pieces [][]byte
	// spare holds, in a part's spool emptied for another part
	// (emptyPart), the pieces of the one before, to hold text again.
	spare [][]byte
	size  int64
	err   error // the first error writing or reading f
	// mu guards the flush before the first read: reads may come from
	// several goroutines at once.
	mu sync.Mutex
	// keep holds, by column, what is kept of it in memory; nil for a
	// column that is not.
	keep []*keptColumn
}

// spoolBuffer is how much text a spool gathers before writing it.
const spoolBuffer = 256 << 10

// spoolSlack is room past spoolBuffer in a part's pieces, for the cell
// that takes it over.
const spoolSlack = 4 << 10

// keptColumn is a column of a spooled table kept in memory: as numbers,
// or as text, each cell a code into the column's distinct values.
type keptColumn struct {
	text    bool
	numbers keptNumbers
	codes   []uint32
	values  []string
	index   map[string]uint32
}

// add keeps cell, the text of the cell the row being added has in the
// column.
func (k *keptColumn) add(cell string) {
	if !k.text {
		k.numbers.add(cellFloat(cell))
		return
	}
	if n := len(k.codes); n > 0 && k.values[k.codes[n-1]] == cell {
		// The row before's value again (a channel's name, a day's
		// number and weekday, on row after row): no lookup.
		k.codes = append(k.codes, k.codes[n-1])
		return
	}
	code, ok := k.index[cell]
	if !ok {
		code = uint32(len(k.values))
		k.values = append(k.values, cell)
		k.index[cell] = code
	}
	k.codes = append(k.codes, code)
}

// addBytes is add for a cell's text in b, which it does not keep: no
// string is made of it, unless it is a new value of a text column.
func (k *keptColumn) addBytes(b []byte) {
	if !k.text {
		k.numbers.add(cellFloat(b))
		return
	}
	if n := len(k.codes); n > 0 && k.values[k.codes[n-1]] == string(b) {
		k.codes = append(k.codes, k.codes[n-1])
		return
	}
	if code, ok := k.index[string(b)]; ok {
		k.codes = append(k.codes, code)
		return
	}
	k.add(string(b))
}

// rows returns how many rows the column holds.
func (k *keptColumn) rows() int {
	if k.text {
		return len(k.codes)
	}
	return k.numbers.len()
}

// write appends text to the table's lines.
func (s *spool) write(b []byte) {
	s.buf = append(s.buf, b...)
	if len(s.buf) >= spoolBuffer {
		s.flush()
	}
}

// writeString appends text to the table's lines.
func (s *spool) writeString(t string) {
	s.buf = append(s.buf, t...)
	if len(s.buf) >= spoolBuffer {
		s.flush()
	}
}

// writeLarge is write for text that may be long (a part's piece, added
// to its table): where it would fill the buffer, the buffer is flushed and
// the text written to the file straight from b, not copied into the
// buffer first. The file holds the same bytes either way.
func (s *spool) writeLarge(b []byte) {
	if s.f == nil || len(s.buf)+len(b) < spoolBuffer {
		s.write(b)
		return
	}
	s.flush()
	if s.err == nil {
		n, err := s.f.WriteAt(b, s.size)
		s.size += int64(n)
		s.err = err
	}
}

// flush writes what the spool holds to its file.
func (s *spool) flush() {
	if len(s.buf) == 0 {
		return
	}
	if s.f == nil { // a part's spool (NewPart) keeps its text, in pieces
		s.size += int64(len(s.buf)) // counted by len, as in a file
		s.pieces = append(s.pieces, s.buf)
		if n := len(s.spare); n > 0 {
			s.buf, s.spare[n-1] = s.spare[n-1], nil
			s.spare = s.spare[:n-1]
		} else {
			s.buf = make([]byte, 0, spoolBuffer+spoolSlack)
		}
		return
	}
	if s.err == nil {
		n, err := s.f.WriteAt(s.buf, s.size)
		s.size += int64(n)
		s.err = err
	}
	s.buf = s.buf[:0]
}

// len returns the length of the text so far.
func (s *spool) len() int { return int(s.size) + len(s.buf) }

// text returns the bytes [from, to) of the table's text.
func (s *spool) text(from, to int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.flush()
	b := make([]byte, to-from)
	if _, err := s.f.ReadAt(b, int64(from)); err != nil && s.err == nil {
		s.err = err
	}
	return string(b)
}

// writeTo writes the table's whole text to w.
func (s *spool) writeTo(w io.Writer) error {
	s.mu.Lock()
	s.flush()
	s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	_, err := io.Copy(w, io.NewSectionReader(s.f, 0, s.size))
	return err
}

// readColumn reads column j of every row from the file, as Float reads a
// cell: for a column that is not kept.
func (s *spool) readColumn(j int, rows int) []float64 {
	s.mu.Lock()
	s.flush()
	s.mu.Unlock()
	col := make([]float64, 0, rows)
	sc := bufio.NewScanner(io.NewSectionReader(s.f, 0, s.size))
	sc.Buffer(make([]byte, 64<<10), math.MaxInt32)
	for sc.Scan() && len(col) < rows {
		col = append(col, cellFloat(cellOfLine(sc.Text(), j)))
	}
	for len(col) < rows {
		col = append(col, math.NaN())
	}
	spoolReads.Add(1)
	return col
}

// spoolReads counts the columns read back from a spool's file, for the
// test that the folder's writing reads none.
var spoolReads atomic.Int64

// cellOfLine returns the cell in column j of a line no field of which is
// quoted, "" when the line is shorter.
func cellOfLine(line string, j int) string {
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
