package fit

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/omnisim/omnisim/models"
)

// Format says how to read one kind of log: its separator, and how a row
// becomes a Record.
type Format struct {
	// Name is the format's name on the command line.
	Name string
	// About says what logs the format reads.
	About string
	// Comma separates the fields.
	Comma rune
	// Required are the columns the header must have.
	Required []string
	// parse fills rec from row, the columns found by col; it returns a
	// reason to skip the row (a record that is not a contact to fit), or an
	// error for a row that cannot be read.
	parse func(col func(string) string, rec *Record) (skip string, err error)
}

// Formats are the logs omnisim reads.
var Formats = []Format{BankFormat, ContactsFormat}

// FormatNamed returns the format of the given name.
func FormatNamed(name string) (Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// Summary counts what reading a log did with its rows.
type Summary struct {
	// Rows is the number of data rows; Used those fitted.
	Rows, Used int
	// Skipped counts rows left out on purpose, by reason.
	Skipped map[string]int
	// Bad counts rows that could not be read; Problems holds the first
	// few, each with its line.
	Bad      int
	Problems []string
}

// maxProblems is the most bad rows a Summary lists one by one.
const maxProblems = 20

// Read reads a log in format f as a stream, calling use for every record
// to fit. Rows that cannot be read are counted and the first ones listed
// with their line numbers, never dropped silently; a log in which more
// than half the rows cannot be read is an error.
//
// A line longer than MaxLineSize, and a failure to read r, end the
// reading with an error: reading on would meet them again, for ever.
func Read(r io.Reader, f Format, use func(*Record)) (*Summary, error) {
	cr := csv.NewReader(&lineLimit{r: r, max: MaxLineSize, line: 1})
	cr.Comma = f.Comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("reading the header: %w", err)
	}
	index := map[string]int{}
	for i, h := range header {
		index[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	var missing []string
	for _, c := range f.Required {
		if _, ok := index[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("line 1: the header lacks %s, which the %s format needs (it has %s)",
			strings.Join(missing, ", "), f.Name, strings.Join(header, ", "))
	}
	s := &Summary{Skipped: map[string]int{}}
	bad := func(line int, msg string) {
		s.Bad++
		if len(s.Problems) < maxProblems {
			s.Problems = append(s.Problems, fmt.Sprintf("line %d: %s", line, msg))
		}
	}
	var rec Record
	for line := 2; ; line++ {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			var long *longLineError
			if !errors.As(err, &pe) || errors.As(err, &long) {
				// Not a row that cannot be read, but the log itself.
				return nil, err
			}
			s.Rows++
			line = pe.Line
			bad(line, err.Error())
			continue
		}
		s.Rows++
		col := func(name string) string {
			if i, ok := index[name]; ok && i < len(row) {
				return strings.TrimSpace(row[i])
			}
			return ""
		}
		rec = Record{Line: line}
		skip, err := f.parse(col, &rec)
		if err == nil && skip == "" {
			err = rec.check()
		}
		switch {
		case err != nil:
			bad(line, err.Error())
		case skip != "":
			s.Skipped[skip]++
		default:
			s.Used++
			use(&rec)
		}
	}
	if s.Rows == 0 {
		return s, errors.New("the log has a header and no rows")
	}
	if s.Bad*2 > s.Rows {
		return s, fmt.Errorf("%d of %d rows cannot be read (is it a %s log? %s)", s.Bad, s.Rows, f.Name, strings.Join(s.Problems[:min(3, len(s.Problems))], "; "))
	}
	return s, nil
}

// maxDay is the latest day a log may reach from its day 0 (any day count
// from 1970 to past 2100; omnisim's replications are 65,536 days apart).
const maxDay = 1 << 30

// check refuses what no contact centre logs: a wait or a handle time of
// more than a day, and dates beyond any calendar.
func (r *Record) check() error {
	switch {
	case r.Channel == "":
		return errors.New("channel: empty")
	case r.Wait > 86400:
		return fmt.Errorf("a wait of %s, more than a day", models.FormatDuration(r.Wait))
	case r.Handle > 86400:
		return fmt.Errorf("a handle time of %s, more than a day", models.FormatDuration(r.Handle))
	case r.Day < -maxDay || r.Day > maxDay:
		return fmt.Errorf("day %d of the log is out of range", r.Day)
	}
	return nil
}

// number reads a number of seconds ≥ 0 from a field.
func number(name, v string) (float64, error) {
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || x < 0 || x != x || x > 1e15 {
		return 0, fmt.Errorf("%s: %q is not a number of seconds ≥ 0", name, v)
	}
	return x, nil
}

// clock reads a time of day, H:MM:SS, in seconds.
func clock(name, v string) (float64, error) {
	t, err := time.Parse("15:04:05", v)
	if err != nil {
		return 0, fmt.Errorf("%s: %q is not a time of day H:MM:SS", name, v)
	}
	return float64(t.Hour()*3600 + t.Minute()*60 + t.Second()), nil
}
