package scenarios

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
)

// A span is a stretch of the week: the opening hours of a channel, a shift
// of agents. A scenario writes one as
//
//	{days: mon-fri, hours: "08:00-20:00"}
//
// where days is a day (sat), a range (mon-fri, or sat-mon across the end of
// the week), weekdays, weekend, every day (or daily), several of these
// separated by commas, or a list of them ([mon, wed, fri]); every day when
// left out. Hours run from HH:MM to HH:MM, 24:00 allowed as an end; an end
// earlier than the start runs past midnight into the next day. The whole
// day, 00:00-24:00, when left out.

// secondsPerDay is the length of a day.
const secondsPerDay = 86400

// daysHelp ends every message about days.
const daysHelp = "write a day (mon, tue, wed, thu, fri, sat or sun), a range such as mon-fri, weekdays, weekend or every day"

// dayWords are the words for several days a span's days may use.
var dayWords = map[string]models.Days{
	"every day": models.EveryDay,
	"everyday":  models.EveryDay,
	"daily":     models.EveryDay,
	"weekdays":  {true, true, true, true, true, false, false},
	"weekend":   {false, false, false, false, false, true, true},
	"weekends":  {false, false, false, false, false, true, true},
}

// ParseDays reads days of the week as a span writes them ("mon-fri",
// "weekend", "mon, wed"), for the formats beside the scenario's (a
// roster's rules).
func ParseDays(text string) (models.Days, error) { return parseDays(text) }

// ParseClock reads a time of day, "08:00", as seconds after midnight, as
// a span's hours are read.
func ParseClock(text string) (float64, error) { return parseClock(text) }

// parseDays reads the days of the week a span covers.
func parseDays(text string) (models.Days, error) {
	var days models.Days
	s := strings.ToLower(strings.TrimSpace(text))
	if s == "" {
		return days, fmt.Errorf("no days given: %s", daysHelp)
	}
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		// Every word after a word for several days must still be a day:
		// "every day, funday" is a mistake, not every day.
		if w, ok := dayWords[part]; ok {
			for d, on := range w {
				days[d] = days[d] || on
			}
			continue
		}
		from, to, isRange := strings.Cut(part, "-")
		first, err := parseDay(from)
		if err != nil {
			return days, err
		}
		last := first
		if isRange {
			if last, err = parseDay(to); err != nil {
				return days, err
			}
		}
		// A range runs forward from its first day, past Sunday if need be:
		// sat-mon is Saturday, Sunday and Monday.
		for d := first; ; d = (d + 1) % 7 {
			days[d] = true
			if d == last {
				break
			}
		}
	}
	return days, nil
}

func parseDay(text string) (models.Weekday, error) {
	d, err := models.ParseWeekday(text)
	if err != nil {
		return 0, fmt.Errorf("%q is not a day of the week: %s", strings.TrimSpace(text), daysHelp)
	}
	return d, nil
}

// parseHours reads a span of the day, "08:00-20:00", as seconds after
// midnight. An end of 00:00 is read as 24:00, so that "20:00-00:00" is the
// evening; any other end earlier than the start runs past midnight.
func parseHours(text string) (from, to float64, err error) {
	a, b, ok := strings.Cut(text, "-")
	if !ok {
		return 0, 0, fmt.Errorf("want hours such as 08:00-20:00, not %q", text)
	}
	if from, err = parseClock(a); err != nil {
		return 0, 0, err
	}
	if to, err = parseClock(b); err != nil {
		return 0, 0, err
	}
	switch {
	case from == secondsPerDay:
		return 0, 0, fmt.Errorf("hours %q start at 24:00, the end of the day: write 00:00", text)
	case from == to:
		return 0, 0, fmt.Errorf("hours %q start and end at the same time: write 00:00-24:00 for the whole day", text)
	case to == 0:
		to = secondsPerDay
	}
	return from, to, nil
}

// parseClock reads a time of day, "08:00", "8:30" or "24:00", as seconds
// after midnight.
func parseClock(text string) (float64, error) {
	s := strings.TrimSpace(text)
	h, m, ok := strings.Cut(s, ":")
	hours, err1 := strconv.Atoi(h)
	minutes, err2 := strconv.Atoi(m)
	digits := func(t string) bool { return strings.Trim(t, "0123456789") == "" }
	if !ok || err1 != nil || err2 != nil || !digits(h) || !digits(m) || len(h) < 1 || len(h) > 2 || len(m) != 2 ||
		hours < 0 || minutes < 0 || minutes > 59 || hours > 24 || hours == 24 && minutes > 0 {
		return 0, fmt.Errorf("%q is not a time of day: write hours as HH:MM-HH:MM, from 00:00 to 24:00, such as 08:00-20:00", s)
	}
	return float64(hours*3600 + minutes*60), nil
}

// decodeDays decodes the days of a span: a text that parseDays reads, or a
// list of such texts.
func (d *decoder) decodeDays(n *yaml.Node, path string) models.Days {
	var days models.Days
	before := len(d.errs)
	one := func(n *yaml.Node, path string) {
		s, ok := d.scalar(n, path, daysForm)
		if !ok {
			return
		}
		ds, err := parseDays(s)
		if err != nil {
			d.errorf(n, path, "%v", err)
			return
		}
		for i, on := range ds {
			days[i] = days[i] || on
		}
	}
	if n.Kind == yaml.SequenceNode {
		d.list(n, path, one)
	} else {
		one(n, path)
	}
	if days == (models.Days{}) && len(d.errs) > before {
		days = models.EveryDay // reported already: keep models from saying more
	}
	return days
}

// spanFields returns the keys of a span, which decode into sp.
func (d *decoder) spanFields(sp *models.Span) []field {
	*sp = models.Span{Days: models.EveryDay, From: 0, To: secondsPerDay}
	return []field{
		{"days", func(n *yaml.Node, p string) { sp.Days = d.decodeDays(n, p) }},
		{"hours", func(n *yaml.Node, p string) {
			s, ok := d.scalar(n, p, hoursForm)
			if !ok {
				return
			}
			from, to, err := parseHours(s)
			if err != nil {
				d.errorf(n, p, "%v", err)
				return
			}
			sp.From, sp.To = from, to
		}},
	}
}

// decodeSpans decodes a span, or a list of spans.
func (d *decoder) decodeSpans(n *yaml.Node, path string) []models.Span {
	var spans []models.Span
	one := func(n *yaml.Node, path string) {
		var sp models.Span
		d.mapping(n, path, d.spanFields(&sp))
		spans = append(spans, sp)
	}
	switch n.Kind {
	case yaml.MappingNode:
		d.alias[path+"[0]"] = path
		one(n, path)
	case yaml.SequenceNode:
		d.nonEmptyList(n, path, "must list at least one span such as {days: mon-fri, hours: 08:00-20:00}", one)
	default:
		d.errorf(n, path, "want a span such as {days: mon-fri, hours: 08:00-20:00}, or a list of them, not %s", KindName(n))
	}
	return spans
}
