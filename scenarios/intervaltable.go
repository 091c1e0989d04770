package scenarios

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/omnisim/omnisim/models"
)

// intervalTable describes a CSV table of values by name and interval, as
// the staffing and forecast files are: a row per pool (or channel) and
// interval from time zero.
type intervalTable struct {
	// what names the table in messages: "staffing table", "forecast";
	// noun, in "the table was made for other intervals".
	what, noun string
	// key is the column of names ("pool", "channel"), and known says why
	// a name is not one of the scenario's ("" when it is).
	key   string
	known func(name string) string
	// values are the columns the value may be in, the first found read.
	values []string
	// value reads a value, ok false when it is not one.
	value func(text string) (float64, bool)
	// want says what a value must be, for messages.
	want string
}

// parse reads the table for cfg, whose Interval must be set, and returns
// the values of each name by interval. Every problem is reported at once,
// each at its line and column, in order.
func (t intervalTable) parse(file string, data []byte, cfg *models.Config) (map[string][]float64, Errors) {
	if !utf8.Valid(data) {
		return nil, Errors{{File: file, Msg: "not a text file in UTF-8: a " + t.what + " is a CSV text file"}}
	}
	p := &tableParse{t: t, file: file, cfg: cfg, r: csv.NewReader(bytes.NewReader(data)), byName: map[string]map[int]tableCell{}}
	if errs := p.header(); errs != nil {
		return nil, errs
	}
	for {
		rec, err := p.r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				line, _ := p.r.FieldPos(0)
				p.fail(line, 1, "", "has %d fields, but the header has %d", len(rec), p.fields)
				continue
			}
			p.errs = append(p.errs, csvError(file, err))
			return nil, p.errs
		}
		if p.rows++; p.rows > maxStaffingRows {
			line, _ := p.r.FieldPos(0)
			p.fail(line, 1, "", "more than %d rows: too many for a %s", maxStaffingRows, t.what)
			return nil, p.errs
		}
		p.row(rec)
	}
	out := p.values()
	if p.rows == 0 && len(p.errs) == 0 {
		p.fail(2, 1, "", "the table has a header but no rows: give a row per %s and interval", t.key)
	}
	if len(p.errs) > 0 {
		slices.SortStableFunc(p.errs, func(a, b *Error) int {
			if a.Line != b.Line {
				return a.Line - b.Line
			}
			return a.Column - b.Column
		})
		return nil, p.errs
	}
	return out, nil
}

// tableParse is an interval table being read.
type tableParse struct {
	t    intervalTable
	file string
	cfg  *models.Config
	r    *csv.Reader
	errs Errors
	// col is each column's index by name; valueCol names the column the
	// values are read from; fields is the header's number of fields.
	col      map[string]int
	valueCol string
	fields   int
	// byName holds the cells read, by name and interval, and order the
	// names in the order first seen; rows counts the rows read.
	byName map[string]map[int]tableCell
	order  []string
	rows   int
}

// tableCell is a value read with where it was read.
type tableCell struct {
	v         float64
	line, col int
}

// fail records a problem at a line and column, up to 50 of them.
func (p *tableParse) fail(line, col int, column, format string, args ...any) {
	if len(p.errs) < 50 {
		p.errs = append(p.errs, &Error{File: p.file, Line: line, Column: col, Path: column, Msg: fmt.Sprintf(format, args...)})
	}
}

// header reads the header row and finds the columns, returning the
// problems that leave nothing else to read (nil when there are none).
func (p *tableParse) header() Errors {
	t := p.t
	header, err := p.r.Read()
	if errors.Is(err, io.EOF) {
		needs := strings.Join([]string{t.key, "interval", t.values[0]}, ",")
		return Errors{{File: p.file, Line: 1, Column: 1, Msg: "the file is empty: a " + t.what + " needs a header row (" + needs +
			",...) and a row per " + t.key + " and interval"}}
	}
	if err != nil {
		return Errors{csvError(p.file, err)}
	}
	p.fields = len(header)
	p.col = map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := p.col[h]; dup {
			p.fail(1, columnOf(p.r, i), h, "column given twice")
		}
		p.col[h] = i
	}
	p.valueCol = t.values[0]
	for _, v := range t.values {
		if _, ok := p.col[v]; ok {
			p.valueCol = v
			break
		}
	}
	for _, want := range []string{t.key, "interval", p.valueCol} {
		if _, ok := p.col[want]; !ok {
			p.fail(1, 1, "", "the header has no column %q (a %s needs %s)", want, t.what, strings.Join(append([]string{t.key, "interval"}, strings.Join(t.values, " or ")), ", "))
		}
	}
	if len(p.errs) > 0 {
		return p.errs
	}
	return nil
}

// row reads one row of values.
func (p *tableParse) row(rec []string) {
	t, col, r := p.t, p.col, p.r
	line, _ := r.FieldPos(0)
	name := strings.TrimSpace(rec[col[t.key]])
	unknown := t.known(name)
	if unknown != "" {
		p.fail(line, columnOf(r, col[t.key]), t.key, "%s", unknown)
	}
	k, err := strconv.Atoi(strings.TrimSpace(rec[col["interval"]]))
	if err != nil || k < 0 || k > maxStaffingRows {
		p.fail(line, columnOf(r, col["interval"]), "interval", "want the interval's number, a whole number ≥ 0, not %q", rec[col["interval"]])
		return
	}
	v, ok := t.value(strings.TrimSpace(rec[col[p.valueCol]]))
	if !ok {
		p.fail(line, columnOf(r, col[p.valueCol]), p.valueCol, "want %s, not %q", t.want, rec[col[p.valueCol]])
		return
	}
	if startCol, hasStart := col["start_seconds"]; hasStart && p.cfg.Interval > 0 {
		s, err := strconv.ParseFloat(strings.TrimSpace(rec[startCol]), 64)
		if want := float64(k) * p.cfg.Interval; err != nil || math.Abs(s-want) > 1e-6 {
			p.fail(line, columnOf(r, startCol), "start_seconds", "interval %d starts at %s in this scenario (intervals of %s), not at %q: the %s was made for other intervals",
				k, strconv.FormatFloat(want, 'f', -1, 64), models.FormatDuration(p.cfg.Interval), rec[startCol], t.noun)
			return
		}
	}
	if unknown != "" {
		return
	}
	m := p.byName[name]
	if m == nil {
		m = map[int]tableCell{}
		p.byName[name] = m
		p.order = append(p.order, name)
	}
	if prev, ok := m[k]; ok {
		p.fail(line, columnOf(r, col["interval"]), "interval", "interval %d of %s %s is given twice (first on line %d)", k, t.key, name, prev.line)
		return
	}
	m[k] = tableCell{v, line, columnOf(r, col["interval"])}
}

// values returns each name's values by interval, failing on a name whose
// intervals leave a gap.
func (p *tableParse) values() map[string][]float64 {
	out := map[string][]float64{}
	for _, name := range p.order {
		m := p.byName[name]
		values := make([]float64, len(m))
		for _, k := range slices.Sorted(maps.Keys(m)) { // in order: at most 50 problems are kept
			c := m[k]
			if k >= len(m) {
				p.fail(c.line, c.col, "interval", "%s %s has %d rows, so its intervals must be 0 to %d; interval %d leaves a gap", p.t.key, name, len(m), len(m)-1, k)
				continue
			}
			values[k] = c.v
		}
		out[name] = values
	}
	return out
}
