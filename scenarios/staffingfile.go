package scenarios

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// StaffingColumns are the columns a staffing table must have: the pool, the
// interval (from 0, from time zero) and the agents scheduled in it. Other
// columns (day, weekday, time, start_seconds, available, cost...) may be
// there, as omnisim staff writes them, and are not read, except
// start_seconds, which must agree with the scenario's interval.
var StaffingColumns = []string{"pool", "interval", "agents"}

// maxStaffingRows bounds a staffing table: a year of 5-minute intervals for
// a hundred pools.
const maxStaffingRows = 100 * 366 * 288

// staffingFile reads the staffing table the scenario key staffing names
// (node n) and gives each pool it names that headcount, one value per
// interval from time zero (repeating, like a pool's agents list), in place
// of the pool's agents or shifts. A path written in the file is relative to
// the scenario file's folder; one given with --set, or in a built-in
// scenario, to the working directory.
func (d *decoder) staffingFile(n *yaml.Node, cfg *models.Config) {
	const path = "staffing"
	name, ok := d.scalar(n, path, "the name of a CSV file, such as staffing.csv")
	if !ok {
		return
	}
	if name == "" {
		d.errorf(n, path, "want the name of a CSV file, not an empty text")
		return
	}
	file := name
	if _, fromSet := d.origin[n]; !fromSet && !filepath.IsAbs(name) && !strings.HasPrefix(d.file, "builtin:") {
		file = filepath.Join(filepath.Dir(d.file), name)
	}
	data, err := readSmall(file)
	if err != nil {
		d.errorf(n, path, "%v", err)
		return
	}
	agents, errs := parseStaffing(file, data, cfg)
	if len(errs) > 0 {
		d.errs = append(d.errs, errs...)
		return
	}
	for i := range cfg.Pools {
		if a, ok := agents[cfg.Pools[i].Name]; ok {
			cfg.Pools[i].Agents = a
			cfg.Pools[i].Shifts = nil
		}
	}
}

// readSmall reads a file no larger than a scenario may be.
func readSmall(file string) ([]byte, error) {
	info, err := os.Stat(file)
	switch {
	case err != nil:
		return nil, fmt.Errorf("cannot read the staffing file: %w", err)
	case info.IsDir():
		return nil, fmt.Errorf("%s is a folder, not a staffing file (CSV)", file)
	case info.Size() > maxFileSize:
		return nil, fmt.Errorf("%s is %d bytes, too large for a staffing file", file, info.Size())
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("cannot read the staffing file: %w", err)
	}
	return data, nil
}

// ParseStaffing reads a staffing table (CSV with a header row holding at
// least StaffingColumns) for the pools of cfg, whose Interval must be set,
// and returns each pool's headcount by interval. file names the table in
// errors; every problem is reported at once, each at its line and column.
func ParseStaffing(file string, data []byte, cfg *models.Config) (map[string][]int, error) {
	agents, errs := parseStaffing(file, data, cfg)
	if len(errs) > 0 {
		return nil, errs
	}
	return agents, nil
}

func parseStaffing(file string, data []byte, cfg *models.Config) (map[string][]int, Errors) {
	var errs Errors
	fail := func(line, col int, column, format string, args ...any) {
		if len(errs) < 50 {
			errs = append(errs, &Error{File: file, Line: line, Column: col, Path: column, Msg: fmt.Sprintf(format, args...)})
		}
	}
	if !utf8.Valid(data) {
		return nil, Errors{{File: file, Msg: "not a text file in UTF-8: a staffing table is a CSV text file"}}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.ReuseRecord = false
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, Errors{{File: file, Line: 1, Column: 1, Msg: "the file is empty: a staffing table needs a header row (" + strings.Join(StaffingColumns, ",") + ",...) and a row per pool and interval"}}
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
	for _, want := range StaffingColumns {
		if _, ok := col[want]; !ok {
			fail(1, 1, "", "the header has no column %q (a staffing table needs %s)", want, strings.Join(StaffingColumns, ", "))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	startCol, hasStart := col["start_seconds"]
	type cell struct{ n, line, col int }
	byPool := map[string]map[int]cell{}
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
			fail(line, 1, "", "more than %d rows: too many for a staffing table", maxStaffingRows)
			return nil, errs
		}
		line, _ := r.FieldPos(0)
		pool := strings.TrimSpace(rec[col["pool"]])
		pi := slices.IndexFunc(cfg.Pools, func(p models.Pool) bool { return p.Name == pool })
		if pi < 0 {
			fail(line, columnOf(r, col["pool"]), "pool", "the scenario has no pool named %q (its pools: %s)", pool, poolNames(cfg))
		}
		k, err := strconv.Atoi(strings.TrimSpace(rec[col["interval"]]))
		if err != nil || k < 0 || k > maxStaffingRows {
			fail(line, columnOf(r, col["interval"]), "interval", "want the interval's number, a whole number ≥ 0, not %q", rec[col["interval"]])
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(rec[col["agents"]]))
		if err != nil || n < 0 {
			fail(line, columnOf(r, col["agents"]), "agents", "want a headcount, a whole number ≥ 0, not %q", rec[col["agents"]])
			continue
		}
		if hasStart && cfg.Interval > 0 {
			s, err := strconv.ParseFloat(strings.TrimSpace(rec[startCol]), 64)
			if want := float64(k) * cfg.Interval; err != nil || math.Abs(s-want) > 1e-6 {
				fail(line, columnOf(r, startCol), "start_seconds", "interval %d starts at %s in this scenario (intervals of %s), not at %q: the table was made for other intervals",
					k, strconv.FormatFloat(want, 'f', -1, 64), models.FormatDuration(cfg.Interval), rec[startCol])
				continue
			}
		}
		if pi < 0 {
			continue
		}
		m := byPool[pool]
		if m == nil {
			m = map[int]cell{}
			byPool[pool] = m
			order = append(order, pool)
		}
		if prev, ok := m[k]; ok {
			fail(line, columnOf(r, col["interval"]), "interval", "interval %d of pool %s is given twice (first on line %d)", k, pool, prev.line)
			continue
		}
		m[k] = cell{n, line, columnOf(r, col["interval"])}
	}
	out := map[string][]int{}
	for _, pool := range order {
		m := byPool[pool]
		agents := make([]int, len(m))
		for k, c := range m {
			if k >= len(m) {
				fail(c.line, c.col, "interval", "pool %s has %d rows, so its intervals must be 0 to %d; interval %d leaves a gap", pool, len(m), len(m)-1, k)
				continue
			}
			agents[k] = c.n
		}
		out[pool] = agents
	}
	if rows == 0 && len(errs) == 0 {
		fail(2, 1, "", "the table has a header but no rows: give a row per pool and interval")
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

// columnOf returns the column, in characters from 1, of field i of the
// record r read last.
func columnOf(r *csv.Reader, i int) int {
	_, c := r.FieldPos(i)
	return c
}

// csvError turns a CSV syntax error into an Error at its position.
func csvError(file string, err error) *Error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: file, Line: pe.Line, Column: pe.Column, Msg: "not valid CSV: " + pe.Err.Error()}
	}
	return &Error{File: file, Msg: "not valid CSV: " + err.Error()}
}

func poolNames(cfg *models.Config) string {
	names := make([]string, len(cfg.Pools))
	for i, p := range cfg.Pools {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}
