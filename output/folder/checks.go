package folder

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/output"
)

// Error is a run's output folder that cannot be read back as one:
// missing, not omnisim's, or tampered with (a count below zero, a share
// above one, a column gone). It is bad input, not a failure of the machine.
type Error struct{ err error }

// Error says what is wrong with the folder.
func (e *Error) Error() string { return e.err.Error() }

// Unwrap returns the error inside.
func (e *Error) Unwrap() error { return e.err }

// BadInput tells that the folder given is at fault: the command exits
// with the status of bad input.
func (e *Error) BadInput() bool { return true }

// badFolder returns a Error with the message format gives.
func badFolder(format string, args ...any) error {
	return &Error{fmt.Errorf(format, args...)}
}

// maxTableProblems bounds the problems one table reports: a file
// tampered with throughout need not fill the screen.
const maxTableProblems = 10

// tableColumns are the columns each table of a run's folder must have, for
// the charts and reports drawn from it.
var tableColumns = map[string][]string{
	IntervalsFile:   {"channel", "interval", "offered", "answered", "abandoned", "service_level"},
	DailyFile:       {"channel", "day", "offered", "answered", "abandoned"},
	CustomersFile:   {"day", "customers"},
	StaffingFile:    {"pool", "interval", "scheduled", "available", "busy", "occupancy"},
	FlowsFile:       {"from", "to", "moves"},
	ExpectationFile: {"interval", "level"},
	TotalsFile:      {"scope", "name", "figure", "mean"},
	ClaimsFile:      {"claim", "sentence", "held", "figure", "unit", "a", "a_mean", "a_ci95", "b", "b_mean", "b_ci95", "change", "change_ci95"},
}

// textColumns are the columns of a run's tables that hold words, not
// numbers.
var textColumns = map[string]bool{
	"channel": true, "pool": true, "weekday": true, "time": true, "from": true, "to": true,
	"scope": true, "name": true, "figure": true, "unit": true,
	// claims.csv's
	"sentence": true, "in_words": true, "held": true, "why": true, "relative": true, "expect": true, "a": true, "b": true,
}

// shareColumns are the columns that hold a share, from 0 to 1.
var shareColumns = map[string]bool{
	"p_wait": true, "p_abandon": true, "p_blocked": true, "service_level": true,
	"service_level_answered": true, "resolution_rate": true, "resolved_share": true,
	"gave_up_share": true, "service_level_target": true, "p_abandon_target": true,
}

// signedColumns are the numeric columns that may be below zero.
var signedColumns = map[string]bool{"level": true, "mean": true, "a_mean": true, "b_mean": true, "change": true, "than": true}

// readCheckedTable reads the CSV table of a run's folder named name from r
// (the file p), and checks what it holds: the columns its charts need, and
// every number finite, not below zero where a count or a time is, and a
// share from 0 to 1. Each problem names the file, line and column.
func readCheckedTable(p, name string, r io.Reader) (*output.CSVTable, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, badFolder("output: %s: empty CSV file, not even a header", p)
	}
	if err != nil {
		return nil, badFolder("output: %s: %v", p, err)
	}
	t := &output.CSVTable{Columns: header}
	var problems []string
	add := func(line, col int, format string, args ...any) {
		if len(problems) <= maxTableProblems {
			problems = append(problems, fmt.Sprintf("output: %s:%d:%d: ", p, line, col)+fmt.Sprintf(format, args...))
		}
	}
	for _, c := range tableColumns[name] {
		if t.Col(c) < 0 {
			add(1, 1, "the header has no column %q: was the file changed by hand?", c)
		}
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, badFolder("output: %s: %v", p, err)
		}
		t.Rows = append(t.Rows, rec)
		for j, cell := range rec {
			col := header[j]
			if cell == "" || textColumns[col] || strings.HasSuffix(col, output.VerdictSuffix) {
				continue // an empty cell is a figure with no data
			}
			line, column := cr.FieldPos(j)
			v, err := strconv.ParseFloat(cell, 64)
			switch {
			case err != nil && !errors.Is(err, strconv.ErrRange), math.IsNaN(v):
				add(line, column, "%s: %q is not a number", col, cell)
			case math.IsInf(v, 0):
				add(line, column, "%s: %s is not a finite number", col, cell)
			case v < 0 && !signedColumns[col]:
				add(line, column, "%s: %s is below zero, which a count, a time or a share cannot be", col, cell)
			case v > 1 && shareColumns[col]:
				add(line, column, "%s: %s is a share above 1", col, cell)
			}
		}
	}
	if len(problems) > 0 {
		if len(problems) > maxTableProblems {
			problems[maxTableProblems] = fmt.Sprintf("output: %s: and more problems: was the file changed by hand?", p)
		}
		return nil, badFolder("%s", strings.Join(problems, "\n"))
	}
	return t, nil
}
