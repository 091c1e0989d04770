package output

import (
	"fmt"
	"math"
	"strings"

	"github.com/omnisim/omnisim/models"
)

// DescribeSpan writes a span of the week as a scenario would: "mon-fri
// 08:00-20:00", "every day 07:00-23:00", "sat,sun 22:00-02:00".
func DescribeSpan(s models.Span) string {
	return DescribeDays(s.Days) + " " + hourMinute(s.From) + "-" + hourMinute(s.To)
}

// DescribeDays writes a set of weekdays, runs of three or more days as
// ranges: "every day", "mon-fri", "mon,wed,sat,sun".
func DescribeDays(d models.Days) string {
	if d == models.EveryDay {
		return "every day"
	}
	var parts []string
	for i := 0; i < 7; i++ {
		if !d[i] {
			continue
		}
		j := i
		for j+1 < 7 && d[j+1] {
			j++
		}
		switch {
		case j-i >= 2:
			parts = append(parts, models.Weekday(i).String()+"-"+models.Weekday(j).String())
		case j > i:
			parts = append(parts, models.Weekday(i).String(), models.Weekday(j).String())
		default:
			parts = append(parts, models.Weekday(i).String())
		}
		i = j
	}
	return strings.Join(parts, ",")
}

// hourMinute writes seconds after midnight as a time of day, midnight at
// the end of a day as 24:00.
func hourMinute(sec float64) string {
	m := int(math.Round(sec / 60))
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

// Plural is the ending of a noun counted n: "s", but for one.
func Plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// JoinAnd joins names as a sentence lists them: "phone, chat and email".
func JoinAnd(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// SpokenCount writes a count over reps replications for a sentence, as
// reportView.spoken does.
func SpokenCount(x float64, reps int) string {
	if reps > 1 && x != 0 && !math.IsNaN(x) {
		return "about " + Rounded(x)
	}
	return SpokenNumber(x)
}

// SpokenNumber writes a number for a sentence: whole or with one decimal,
// with thousands separators; a sum of means that rounds to a whole number
// is written whole ("10,275", not "10,275.0").
func SpokenNumber(x float64) string { return Value(math.Round(x*10)/10, UnitCount) }
