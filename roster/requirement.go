package roster

import (
	"fmt"
	"math"
	"strings"

	"github.com/omnisim/omnisim/internal/input"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

// Requirement is the agents a pool needs in each interval, from the
// midnight that starts its first day.
type Requirement struct {
	// Pool names the pool.
	Pool string
	// Interval is the length of an interval, in seconds.
	Interval float64
	// Start is the weekday of the first day.
	Start models.Weekday
	// Need is the agents needed in each interval.
	Need []int
	// Open, when not nil, marks the intervals in which the pool may have
	// agents on the floor (SetOpen, from the scenario's opening hours): no
	// shift type puts an agent on the floor in another. nil: any.
	Open []bool
}

// MaxCells bounds the program of a pool: its rows (the requirement's
// intervals) times its columns (the shift types, and the intervals again)
// make the simplex's dense tableau, 8 bytes a cell.
const MaxCells = 40e6

// MaxTableSize bounds a staffing table read as a requirement, as a
// scenario's staffing table is bounded.
const MaxTableSize = 16 << 20

// ReadRequirementFile reads the staffing table at path (a regular file of
// at most MaxTableSize) with ReadRequirements.
func ReadRequirementFile(path string, interval float64) ([]Requirement, error) {
	data, err := input.ReadFile(path, "staffing table", MaxTableSize)
	if err != nil {
		return nil, err
	}
	return ReadRequirements(path, data, interval)
}

// ReadRequirements reads the requirement of every pool of a staffing table
// (a staffing.csv as omnisim staff or run writes it: columns pool,
// interval and agents or scheduled; start_seconds and weekday, if there,
// must agree with the intervals and with each other) through the
// scenarios' staffing table reader. The intervals' length is the table's
// own (its start_seconds), or interval seconds for a table without
// start_seconds (an error if 0). file names the table in errors, each at
// its line and column.
func ReadRequirements(file string, data []byte, interval float64) ([]Requirement, error) {
	t, err := scenarios.ReadStaffingTable(file, data, interval)
	if err != nil {
		return nil, err
	}
	reqs := make([]Requirement, len(t.Pools))
	for i, name := range t.Pools {
		reqs[i] = Requirement{Pool: name, Interval: t.Interval, Start: t.Start, Need: t.Agents[name]}
	}
	return reqs, nil
}

// fold returns the requirement of one week whose every interval needs the
// most that interval of the week needs in any week of r, and the number
// of weeks folded, when r is two whole weeks or more; r and 1 otherwise.
// An interval is open in the week when it is open in any of r's.
func (r *Requirement) fold() (*Requirement, int) {
	week := 7 * r.perDay()
	if len(r.Need) < 2*week || len(r.Need)%week != 0 {
		return r, 1
	}
	f := &Requirement{Pool: r.Pool, Interval: r.Interval, Start: r.Start, Need: make([]int, week)}
	if r.Open != nil {
		f.Open = make([]bool, week)
	}
	for i, n := range r.Need {
		f.Need[i%week] = max(f.Need[i%week], n)
		if r.Open != nil {
			f.Open[i%week] = f.Open[i%week] || r.Open[i]
		}
	}
	return f, len(r.Need) / week
}

// perDay returns the requirement's intervals in a day.
func (r *Requirement) perDay() int { return int(math.Round(86400 / r.Interval)) }

// When names intervals from to to (exclusive) of the requirement as a
// planner reads them: "mon 07:00–09:30", with the day's number first when
// the requirement is longer than a week ("day 9, tue 07:00–09:30"), and
// both days when the span runs past midnight.
func (r *Requirement) When(from, to int) string {
	per := r.perDay()
	day := func(k int) string {
		wd := models.Weekday((int(r.Start) + k/per) % 7).String()
		if len(r.Need) > 7*per {
			return fmt.Sprintf("day %d, %s", k/per+1, wd)
		}
		return wd
	}
	clock := func(k int) string {
		m := int(math.Round(float64(k%per) * r.Interval / 60))
		return fmt.Sprintf("%02d:%02d", m/60, m%60)
	}
	end := clock(to)
	if to%per == 0 {
		end = "24:00"
	}
	if (to-1)/per != from/per {
		return day(from) + " " + clock(from) + " – " + day(to-1) + " " + end
	}
	return day(from) + " " + clock(from) + "–" + end
}

// describeStarts says when a rule's shifts start, for messages: "07:00 to
// 12:00 every 30m" (a window that gives no step, every interval).
func describeStarts(s *ShiftRule, interval float64) string {
	var parts []string
	for _, w := range s.Starts {
		if w.From == w.To {
			parts = append(parts, clock(w.From))
			continue
		}
		every := w.Every
		if every == 0 {
			every = interval
		}
		parts = append(parts, fmt.Sprintf("%s to %s every %s", clock(w.From), clock(w.To), models.FormatDuration(every)))
	}
	return strings.Join(parts, ", ")
}

// clock writes seconds after midnight as a time of day, "07:30"; the end
// of a day is "24:00".
func clock(t float64) string {
	m := int(math.Round(t / 60))
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}
