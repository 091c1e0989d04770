package scenarios

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/models"
)

// StaffingTable is a staffing table read on its own, without a scenario:
// what omnisim roster takes as a requirement.
type StaffingTable struct {
	// Pools are the pools the table names, in the order it first names
	// them, and Agents each one's headcount by interval from time zero.
	Pools  []string
	Agents map[string][]int
	// Interval is the intervals' length, in seconds.
	Interval float64
	// Start is the weekday of the table's first day, from its weekday
	// column (Monday when it has none).
	Start models.Weekday
}

// ReadStaffingTable reads a staffing table (CSV with the columns
// StaffingColumns, as ParseStaffing does) for any pools it names, with
// intervals of the length its start_seconds column gives (the start of
// its first interval after the first), every row's start then checked
// against it; a table without the column has intervals of interval
// seconds, which must then be given (not 0). A weekday column, if there,
// gives the first day's weekday, and must agree with itself row by row.
// file names the table in errors; every problem is reported at once, each
// at its line and column.
func ReadStaffingTable(file string, data []byte, interval float64) (*StaffingTable, error) {
	rows, err := readRecords(file, data)
	if err != nil {
		return nil, err
	}
	if _, ok := rows.col["start_seconds"]; ok || interval == 0 {
		if interval, err = tableInterval(file, rows); err != nil {
			return nil, err
		}
	}
	t := &StaffingTable{Interval: interval}
	cfg := &models.Config{Interval: interval}
	table := staffingColumns(func(name string) string {
		if ValidName(name) {
			return ""
		}
		return fmt.Sprintf("%q is not a pool's name: names may use letters, digits, '-' and '_' only", name)
	})
	values, errs := table.parse(file, data, cfg)
	if len(errs) > 0 {
		return nil, errs
	}
	if t.Start, errs = tableStart(file, rows, interval); len(errs) > 0 {
		return nil, errs
	}
	t.Agents = map[string][]int{}
	// The pools in the order the table first names them (values is a map).
	for _, rec := range rows.records {
		name := strings.TrimSpace(rec[rows.col["pool"]])
		if _, done := t.Agents[name]; done {
			continue
		}
		v := values[name]
		agents := make([]int, len(v))
		for k, x := range v {
			agents[k] = int(x)
		}
		t.Agents[name] = agents
		t.Pools = append(t.Pools, name)
	}
	return t, nil
}

// records are a CSV table's rows after its header, each with its line,
// and the header's columns by name.
type records struct {
	col     map[string]int
	records [][]string
	lines   []int
	cols    [][]int // each record's fields' columns, from 1
}

// readRecords reads a CSV table whole, for the columns intervalTable does
// not read; the problems intervalTable reports (the CSV's syntax, the
// columns it needs) it leaves to it, returning what it could read.
func readRecords(file string, data []byte) (*records, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	rs := &records{col: map[string]int{}}
	header, err := r.Read()
	if err != nil {
		return rs, nil // intervalTable says what is wrong
	}
	for i, h := range header {
		rs.col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return rs, nil
		}
		if len(rec) != len(header) {
			continue
		}
		line, _ := r.FieldPos(0)
		cols := make([]int, len(rec))
		for i := range rec {
			_, cols[i] = r.FieldPos(i)
		}
		rs.records = append(rs.records, rec)
		rs.lines = append(rs.lines, line)
		rs.cols = append(rs.cols, cols)
		if len(rs.records) > maxStaffingRows {
			break
		}
	}
	return rs, nil
}

// tableInterval finds the intervals' length from the start_seconds of the
// first row past interval 0.
func tableInterval(file string, rows *records) (float64, error) {
	sc, hasStart := rows.col["start_seconds"]
	ic, hasInterval := rows.col["interval"]
	if !hasStart || !hasInterval {
		return 0, Errors{{File: file, Line: 1, Column: 1,
			Msg: "the table has no start_seconds column to tell the intervals' length: give it (interval: 30m in the rules)"}}
	}
	for i, rec := range rows.records {
		k, err1 := strconv.Atoi(strings.TrimSpace(rec[ic]))
		s, err2 := strconv.ParseFloat(strings.TrimSpace(rec[sc]), 64)
		if err1 != nil || err2 != nil || k < 1 {
			continue
		}
		iv := s / float64(k)
		if !(iv >= 1) || math.IsInf(iv, 0) || iv != math.Round(iv) {
			return 0, Errors{{File: file, Line: rows.lines[i], Column: rows.cols[i][sc], Path: "start_seconds",
				Msg: fmt.Sprintf("interval %d starts at %q: not the start of intervals of whole seconds", k, rec[sc])}}
		}
		return iv, nil
	}
	return 0, Errors{{File: file, Line: 1, Column: 1,
		Msg: "the table has no interval past the first to tell the intervals' length: give it (interval: 30m in the rules)"}}
}

// tableStart returns the weekday of the table's first day, from its
// weekday column (Monday without one): every row's weekday must be the
// one its interval falls on.
func tableStart(file string, rows *records, interval float64) (models.Weekday, Errors) {
	wc, ok := rows.col["weekday"]
	if !ok {
		return models.Monday, nil
	}
	ic := rows.col["interval"]
	var errs Errors
	start, known := models.Monday, false
	for i, rec := range rows.records {
		k, err := strconv.Atoi(strings.TrimSpace(rec[ic]))
		if err != nil {
			continue
		}
		wd, err := models.ParseWeekday(rec[wc])
		if err != nil {
			errs = append(errs, &Error{File: file, Line: rows.lines[i], Column: rows.cols[i][wc], Path: "weekday", Msg: err.Error()})
			continue
		}
		day := int(float64(k) * interval / 86400)
		s := models.Weekday(((int(wd)-day)%7 + 7) % 7)
		switch {
		case !known:
			start, known = s, true
		case s != start:
			errs = append(errs, &Error{File: file, Line: rows.lines[i], Column: rows.cols[i][wc], Path: "weekday",
				Msg: fmt.Sprintf("interval %d falls on day %d, a %s by the rows before, not a %s", k, day+1,
					models.Weekday((int(start)+day)%7).Long(), wd.Long())})
		}
		if len(errs) >= 50 {
			break
		}
	}
	return start, errs
}
