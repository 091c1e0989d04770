package models

import (
	"fmt"
	"math"
	"strings"
)

// Weekday is a day of the week, Monday first.
type Weekday int

// The days of the week.
const (
	Monday Weekday = iota
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
	Sunday
)

var weekdayNames = [7]string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

func (d Weekday) String() string {
	if d < 0 || d > 6 {
		return fmt.Sprintf("Weekday(%d)", int(d))
	}
	return weekdayNames[d]
}

var weekdayFull = [7]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// Long returns the day's full name, "monday": ParseWeekday reads it and
// any start of it three letters or longer.
func (d Weekday) Long() string {
	if d < 0 || d > 6 {
		return d.String()
	}
	return weekdayFull[d]
}

// ParseWeekday reads a weekday written as people write it: "mon", "Monday",
// "tues", "thursday".
func ParseWeekday(s string) (Weekday, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for i, full := range weekdayFull {
		if len(t) >= 3 && strings.HasPrefix(full, t) {
			return Weekday(i), nil
		}
	}
	return 0, fmt.Errorf("%q is not a day of the week (write mon, tue, wed, thu, fri, sat or sun)", s)
}

// Days is a set of weekdays.
type Days [7]bool

// EveryDay is all seven days.
var EveryDay = Days{true, true, true, true, true, true, true}

// Span is a stretch of time on some days of the week: From and To are
// seconds after midnight. A span whose To is not after its From runs past
// midnight into the next day.
type Span struct {
	Days Days
	From float64
	To   float64
}

// check reports what is wrong with the span, and tells whether its hours
// are sound.
func (s Span) check(p problems) bool {
	if s.Days == (Days{}) {
		p.At("days").Add("must name at least one day")
	}
	if !(s.From >= 0 && s.From < 86400) || !(s.To >= 0 && s.To <= 86400) || s.From == s.To {
		p.At("hours").Add("must be a span of the day such as 08:00-20:00")
		return false
	}
	return true
}

// covers tells whether the span covers the time of day tod (seconds after
// midnight) on a day whose weekday is day.
func (s *Span) covers(day Weekday, tod float64) bool {
	if s.From < s.To {
		return s.Days[day] && tod >= s.From && tod < s.To
	}
	// Past midnight: the evening part on its own days, the morning part on
	// the day after one of them.
	return s.Days[day] && tod >= s.From || s.Days[(day+6)%7] && tod < s.To
}

// timeOfDay returns math.Mod(t, 86400), the seconds since midnight at time
// t ≥ 0, by a subtraction where that is the same number: below 2⁵², t and
// the whole days before it, an integer, are multiples of t's last bit, so
// their difference, when it is a time of day, is a number of that many
// bits and is computed exactly; when t/86400 rounds up to the next whole
// day, the difference is negative and math.Mod decides. A channel's hours
// are looked up at every choice, and math.Mod's loop was 5 % of a world
// of several channels.
func timeOfDay(t float64) float64 {
	if t >= 0 && t < 1<<52 {
		if r := t - float64(int64(t/86400))*86400; r >= 0 && r < 86400 {
			return r
		}
	}
	return math.Mod(t, 86400)
}

// WeekdayAt returns the weekday at time t of a run whose day 0 is start.
func WeekdayAt(start Weekday, t float64) Weekday {
	day := int(t / 86400)
	return Weekday((int(start) + day) % 7)
}
