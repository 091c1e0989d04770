package scenarios

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// ForecastColumns are the columns a forecast table must have: the channel,
// the interval (from 0, from time zero) and the contacts expected in it,
// under volume (as omnisim fit --forecast writes it) or offered (as a run's
// intervals.csv holds it, so that a run's demand can be fed to another).
// Other columns are not read, except start_seconds, which must agree with
// the scenario's interval.
var ForecastColumns = []string{"channel", "interval", "volume|offered"}

// forecastFile reads the forecast table the scenario key forecast names
// (node n) and gives each channel it names those arrivals, one value per
// interval from time zero (repeating, like arrivals' volumes), in place of
// the channel's own arrivals. Paths are found as staffing's are.
func (d *decoder) forecastFile(n *yaml.Node, cfg *models.Config) {
	const path = "forecast"
	name, ok := d.scalar(n, path, "the name of a CSV file, such as forecast.csv")
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
		d.errorf(n, path, "%s", strings.ReplaceAll(err.Error(), "staffing", "forecast"))
		return
	}
	volumes, errs := parseForecast(file, data, cfg)
	if len(errs) > 0 {
		d.errs = append(d.errs, errs...)
		return
	}
	for i := range cfg.Channels {
		if v, ok := volumes[cfg.Channels[i].Name]; ok {
			cfg.Channels[i].Arrivals = models.Arrivals{Volumes: v}
		}
	}
}

// ParseForecast reads a forecast table (CSV with a header row holding
// ForecastColumns) for the channels of cfg, whose Interval must be set, and
// returns each channel's expected contacts by interval. Every problem is
// reported at once, each at its line and column.
func ParseForecast(file string, data []byte, cfg *models.Config) (map[string][]float64, error) {
	v, errs := parseForecast(file, data, cfg)
	if len(errs) > 0 {
		return nil, errs
	}
	return v, nil
}

func parseForecast(file string, data []byte, cfg *models.Config) (map[string][]float64, Errors) {
	var errs Errors
	fail := func(line, col int, column, format string, args ...any) {
		if len(errs) < 50 {
			errs = append(errs, &Error{File: file, Line: line, Column: col, Path: column, Msg: fmt.Sprintf(format, args...)})
		}
	}
	if !utf8.Valid(data) {
		return nil, Errors{{File: file, Msg: "not a text file in UTF-8: a forecast is a CSV text file"}}
	}
	r := csv.NewReader(bytes.NewReader(data))
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, Errors{{File: file, Line: 1, Column: 1, Msg: "the file is empty: a forecast needs a header row (channel,interval,volume) and a row per channel and interval"}}
	}
	if err != nil {
		return nil, Errors{csvError(file, err)}
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	volumeName := "volume"
	if _, ok := col["volume"]; !ok {
		volumeName = "offered"
	}
	for _, want := range []string{"channel", "interval", volumeName} {
		if _, ok := col[want]; !ok {
			fail(1, 1, "", "the header has no column %q (a forecast needs channel, interval and volume or offered)", want)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	startCol, hasStart := col["start_seconds"]
	byChannel := map[string]map[int]float64{}
	lineOf := map[string]map[int]int{}
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
			fail(line, 1, "", "more than %d rows: too many for a forecast", maxStaffingRows)
			return nil, errs
		}
		line, _ := r.FieldPos(0)
		ch := strings.TrimSpace(rec[col["channel"]])
		if !slices.ContainsFunc(cfg.Channels, func(c models.Channel) bool { return c.Name == ch }) {
			fail(line, columnOf(r, col["channel"]), "channel", "the scenario has no channel named %q", ch)
			continue
		}
		k, err := strconv.Atoi(strings.TrimSpace(rec[col["interval"]]))
		if err != nil || k < 0 || k > maxStaffingRows {
			fail(line, columnOf(r, col["interval"]), "interval", "want the interval's number, a whole number ≥ 0, not %q", rec[col["interval"]])
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(rec[col[volumeName]]), 64)
		if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
			fail(line, columnOf(r, col[volumeName]), volumeName, "want the contacts expected, a number ≥ 0, not %q", rec[col[volumeName]])
			continue
		}
		if hasStart && cfg.Interval > 0 {
			s, err := strconv.ParseFloat(strings.TrimSpace(rec[startCol]), 64)
			if want := float64(k) * cfg.Interval; err != nil || math.Abs(s-want) > 1e-6 {
				fail(line, columnOf(r, startCol), "start_seconds", "interval %d starts at %s in this scenario (intervals of %s), not at %q: the forecast was made for other intervals",
					k, strconv.FormatFloat(want, 'f', -1, 64), models.FormatDuration(cfg.Interval), rec[startCol])
				continue
			}
		}
		if byChannel[ch] == nil {
			byChannel[ch], lineOf[ch] = map[int]float64{}, map[int]int{}
			order = append(order, ch)
		}
		if prev, ok := lineOf[ch][k]; ok {
			fail(line, columnOf(r, col["interval"]), "interval", "interval %d of channel %s is given twice (first on line %d)", k, ch, prev)
			continue
		}
		byChannel[ch][k], lineOf[ch][k] = v, line
	}
	out := map[string][]float64{}
	for _, ch := range order {
		m := byChannel[ch]
		v := make([]float64, len(m))
		for k, x := range m {
			if k >= len(m) {
				fail(lineOf[ch][k], 1, "interval", "channel %s has %d rows, so its intervals must be 0 to %d; interval %d leaves a gap", ch, len(m), len(m)-1, k)
				continue
			}
			v[k] = x
		}
		out[ch] = v
	}
	if rows == 0 && len(errs) == 0 {
		fail(2, 1, "", "the table has a header but no rows: give a row per channel and interval")
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
