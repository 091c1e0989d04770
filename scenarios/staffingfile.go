package scenarios

import (
	"encoding/csv"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/internal/input"
	"github.com/omnisim/omnisim/models"
)

// StaffingColumns are the columns a staffing table must have: the pool, the
// interval (from 0, from time zero) and the agents scheduled in it, as
// omnisim staff writes them; a run's staffing.csv, which names that column
// "scheduled", is read the same way. Other columns (day, weekday, time,
// start_seconds, available, cost...) may be there and are not read, except
// start_seconds, which must agree with the scenario's interval.
var StaffingColumns = []string{"pool", "interval", "agents"}

// maxStaffingRows bounds a staffing table: a year of 5-minute intervals for
// a hundred pools.
const maxStaffingRows = 100 * 366 * 288

// staffingFile reads the staffing table the scenario key staffing names
// (node n) and gives each pool it names that headcount, one value per
// interval from time zero (repeating, like a pool's agents list), in place
// of the pool's agents or shifts, and returns the pools it staffed. A path written in the file is relative to
// the scenario file's folder; one given with --set, or in a built-in
// scenario, to the working directory.
func (d *decoder) staffingFile(n *yaml.Node, cfg *models.Config) (staffed []string) {
	const path = "staffing"
	file, data, ok := d.namedFile(n, path, staffingForm, "staffing table (CSV)")
	if !ok {
		return nil
	}
	agents, errs := parseStaffing(file, data, cfg)
	if len(errs) > 0 {
		d.errs = append(d.errs, errs...)
		return nil
	}
	d.attach(path, file, data)
	for i := range cfg.Pools {
		if a, ok := agents[cfg.Pools[i].Name]; ok {
			cfg.Pools[i].Agents = a
			cfg.Pools[i].Shifts = nil
			staffed = append(staffed, cfg.Pools[i].Name)
		}
	}
	return staffed
}

// namedFile reads the file the scenario key at path names (node n, a
// form f text; what says what the file is, "staffing table"): a path
// written in the file is relative to the scenario file's folder; one
// given with --set, or in a built-in scenario, to the working directory.
// It must be a regular file no larger than a scenario may be. Its
// problems are recorded, and ok is false then.
func (d *decoder) namedFile(n *yaml.Node, path string, f form, what string) (file string, data []byte, ok bool) {
	name, ok := d.scalar(n, path, f)
	if !ok {
		return "", nil, false
	}
	if name == "" {
		d.errorf(n, path, "want %s, not an empty text", f.want)
		return "", nil, false
	}
	file = name
	if _, fromSet := d.origin[n]; !fromSet && !filepath.IsAbs(name) && !strings.HasPrefix(d.file, "builtin:") {
		file = filepath.Join(filepath.Dir(d.file), name)
	}
	data, err := input.ReadFile(file, what, maxFileSize)
	if err != nil {
		d.errorf(n, path, "%v", err)
		return "", nil, false
	}
	return file, data, true
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

// staffingColumns is the interval table of a staffing table: a headcount
// by pool (column pool, named as known allows) and interval, in the
// column agents or scheduled.
func staffingColumns(known func(name string) string) intervalTable {
	return intervalTable{what: "staffing table", noun: "table", key: "pool", values: []string{"agents", "scheduled"},
		known: known,
		value: func(text string) (float64, bool) {
			n, err := strconv.Atoi(text)
			return float64(n), err == nil && n >= 0 && n <= models.MaxAgents
		},
		want: fmt.Sprintf("a headcount, a whole number from 0 to %d (the limit of a pool in an interval)", models.MaxAgents)}
}

func parseStaffing(file string, data []byte, cfg *models.Config) (map[string][]int, Errors) {
	t := staffingColumns(func(name string) string {
		if slices.ContainsFunc(cfg.Pools, func(p models.Pool) bool { return p.Name == name }) {
			return ""
		}
		return fmt.Sprintf("the scenario has no pool named %q (its pools: %s)", name, poolNames(cfg))
	})
	values, errs := t.parse(file, data, cfg)
	if len(errs) > 0 {
		return nil, errs
	}
	out := map[string][]int{}
	for name, v := range values {
		agents := make([]int, len(v))
		for k, x := range v {
			agents[k] = int(x)
		}
		out[name] = agents
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
