package scenarios

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
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
	var errs Errors
	fail := func(line, col int, column, format string, args ...any) {
		if len(errs) < 50 {
			errs = append(errs, &Error{File: file, Line: line, Column: col, Path: column, Msg: fmt.Sprintf(format, args...)})
		}
	}
	needs := strings.Join([]string{t.key, "interval", t.values[0]}, ",")
	if !utf8.Valid(data) {
		return nil, Errors{{File: file, Msg: "not a text file in UTF-8: a " + t.what + " is a CSV text file"}}
	}
	r := csv.NewReader(bytes.NewReader(data))
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, Errors{{File: file, Line: 1, Column: 1, Msg: "the file is empty: a " + t.what + " needs a header row (" + needs +
			",...) and a row per " + t.key + " and interval"}}
	}
	if err != nil {
		return nil, Errors{csvError(file, err)}
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := col[h]; dup {
			fail(1, columnOf(r, i), h, "column given twice")
		}
		col[h] = i
	}
	valueCol := t.values[0]
	for _, v := range t.values {
		if _, ok := col[v]; ok {
			valueCol = v
			break
		}
	}
	for _, want := range []string{t.key, "interval", valueCol} {
		if _, ok := col[want]; !ok {
			fail(1, 1, "", "the header has no column %q (a %s needs %s)", want, t.what, strings.Join(append([]string{t.key, "interval"}, strings.Join(t.values, " or ")), ", "))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	startCol, hasStart := col["start_seconds"]
	type cell struct {
		v         float64
		line, col int
	}
	byName := map[string]map[int]cell{}
	var order []string
	rows := 0
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				line, _ := r.FieldPos(0)
				fail(line, 1, "", "has %d fields, but the header has %d", len(rec), len(header))
				continue
			}
			errs = append(errs, csvError(file, err))
			return nil, errs
		}
		if rows++; rows > maxStaffingRows {
			line, _ := r.FieldPos(0)
			fail(line, 1, "", "more than %d rows: too many for a %s", maxStaffingRows, t.what)
			return nil, errs
		}
		line, _ := r.FieldPos(0)
		name := strings.TrimSpace(rec[col[t.key]])
		unknown := t.known(name)
		if unknown != "" {
			fail(line, columnOf(r, col[t.key]), t.key, "%s", unknown)
		}
		k, err := strconv.Atoi(strings.TrimSpace(rec[col["interval"]]))
		if err != nil || k < 0 || k > maxStaffingRows {
			fail(line, columnOf(r, col["interval"]), "interval", "want the interval's number, a whole number ≥ 0, not %q", rec[col["interval"]])
			continue
		}
		v, ok := t.value(strings.TrimSpace(rec[col[valueCol]]))
		if !ok {
			fail(line, columnOf(r, col[valueCol]), valueCol, "want %s, not %q", t.want, rec[col[valueCol]])
			continue
		}
		if hasStart && cfg.Interval > 0 {
			s, err := strconv.ParseFloat(strings.TrimSpace(rec[startCol]), 64)
			if want := float64(k) * cfg.Interval; err != nil || math.Abs(s-want) > 1e-6 {
				fail(line, columnOf(r, startCol), "start_seconds", "interval %d starts at %s in this scenario (intervals of %s), not at %q: the %s was made for other intervals",
					k, strconv.FormatFloat(want, 'f', -1, 64), models.FormatDuration(cfg.Interval), rec[startCol], t.noun)
				continue
			}
		}
		if unknown != "" {
			continue
		}
		m := byName[name]
		if m == nil {
			m = map[int]cell{}
			byName[name] = m
			order = append(order, name)
		}
		if prev, ok := m[k]; ok {
			fail(line, columnOf(r, col["interval"]), "interval", "interval %d of %s %s is given twice (first on line %d)", k, t.key, name, prev.line)
			continue
		}
		m[k] = cell{v, line, columnOf(r, col["interval"])}
	}
	out := map[string][]float64{}
	for _, name := range order {
		m := byName[name]
		values := make([]float64, len(m))
		for k, c := range m {
			if k >= len(m) {
				fail(c.line, c.col, "interval", "%s %s has %d rows, so its intervals must be 0 to %d; interval %d leaves a gap", t.key, name, len(m), len(m)-1, k)
				continue
			}
			values[k] = c.v
		}
		out[name] = values
	}
	if rows == 0 && len(errs) == 0 {
		fail(2, 1, "", "the table has a header but no rows: give a row per %s and interval", t.key)
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b *Error) int {
			if a.Line != b.Line {
				return a.Line - b.Line
			}
			return a.Column - b.Column
		})
		return nil, errs
	}
	return out, nil
}
