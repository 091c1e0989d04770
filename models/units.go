package models

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// FormatDuration writes a number of seconds the way people write durations:
// "20s", "3m", "1h30m", "2d", "2.5s". Infinite durations read "never". A
// whole number of seconds (give or take a billionth, rounding noise) is
// written in every unit it fills, largest first; anything else in seconds
// below a minute and in minutes from a minute on, to 6 significant digits.
func FormatDuration(sec float64) string {
	return formatDuration(sec, inUnits)
}

// FormatDurationOneUnit writes a number of seconds as a duration in one
// unit, to a tenth of a second, as omnisim fit writes the scenario it
// fits: a whole number of days, hours or minutes in the largest of those
// units it is exactly a whole number of ("1d", "36h", "90m"), anything else
// in seconds rounded to a tenth ("90s", "12.3s", and "60s" for 59.96 s,
// which is no whole number of minutes). A positive duration that would
// round to 0 (below 0.05 s) is written "0.1s", so that it stays positive.
// Zero, NaN, infinite and negative durations are written as FormatDuration
// writes them.
func FormatDurationOneUnit(sec float64) string {
	return formatDuration(sec, inOneUnit)
}

// formatDuration writes what both formatters write alike: NaN, "never" for
// +Inf, a negative duration as "-" and its size, and "0s"; write writes a
// positive, finite duration.
func formatDuration(sec float64, write func(sec float64) string) string {
	switch {
	case math.IsNaN(sec):
		return "NaN"
	case math.IsInf(sec, 1):
		return "never"
	case sec < 0:
		return "-" + formatDuration(-sec, write)
	case sec == 0:
		return "0s"
	}
	return write(sec)
}

// writeUnits are the units durations are written in, largest first.
var writeUnits = []struct {
	name string
	size float64
}{{"d", 86400}, {"h", 3600}, {"m", 60}, {"s", 1}}

// inUnits writes a positive duration as FormatDuration does.
func inUnits(sec float64) string {
	whole := math.Round(sec)
	if math.Abs(sec-whole) > 1e-9*math.Max(1, sec) || whole < 1 {
		if sec < 60 {
			return strconv.FormatFloat(sec, 'g', 6, 64) + "s"
		}
		return strconv.FormatFloat(sec/60, 'g', 6, 64) + "m"
	}
	s := int64(whole)
	var b strings.Builder
	for _, u := range writeUnits {
		if size := int64(u.size); s >= size {
			b.WriteString(strconv.FormatInt(s/size, 10))
			b.WriteString(u.name)
			s %= size
		}
	}
	return b.String()
}

// inOneUnit writes a positive duration as FormatDurationOneUnit does.
func inOneUnit(sec float64) string {
	if sec < 0.05 {
		sec = 0.1
	}
	for _, u := range writeUnits {
		if math.Mod(sec, u.size) == 0 {
			return strconv.FormatFloat(sec/u.size, 'f', -1, 64) + u.name
		}
	}
	return strconv.FormatFloat(math.Round(sec*10)/10, 'f', -1, 64) + "s"
}

// durationUnits maps the units people write to their length in seconds.
var durationUnits = map[string]float64{
	"ms": 0.001, "msec": 0.001, "millisecond": 0.001, "milliseconds": 0.001,
	"s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
	"m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
	"h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
	"d": 86400, "day": 86400, "days": 86400,
	"w": 604800, "wk": 604800, "week": 604800, "weeks": 604800,
}

// DurationUnits returns the units ParseDuration reads ("s", "min",
// "hours"...), sorted, so that a description of the format (the scenario
// schema's pattern for durations) is made from the same list.
func DurationUnits() []string {
	units := make([]string, 0, len(durationUnits))
	for u := range durationUnits {
		units = append(units, u)
	}
	slices.Sort(units)
	return units
}

// ParseDuration reads a duration as people write it and returns seconds:
// "20s", "5m", "8h", "1h30m", "1.5h", "2 days", "90 sec", "1w". Every number
// needs a unit. "never", "inf" and "infinite" give +Inf. Negative durations
// are refused. Its errors carry no prefix: they are meant to follow the
// position of the text that was parsed.
func ParseDuration(text string) (float64, error) {
	s := strings.TrimSpace(strings.ToLower(text))
	switch s {
	case "":
		return 0, fmt.Errorf("empty duration (write, for example, 20s, 5m or 8h)")
	case "never", "inf", "infinite", "infinity":
		return math.Inf(1), nil
	case "0":
		return 0, nil
	}
	if strings.HasPrefix(s, "-") {
		return 0, fmt.Errorf("duration %q is negative", text)
	}
	total := 0.0
	rest := s
	for rest != "" {
		rest = strings.TrimLeft(rest, " ")
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.') {
			i++
		}
		if i == 0 {
			return 0, fmt.Errorf("duration %q: expected a number at %q (write, for example, 20s, 5m or 1h30m)", text, rest)
		}
		// An exponent (1e3s) belongs to the number, not to a unit: no unit
		// starts with e.
		if e := exponentEnd(rest, i); e > i {
			i = e
		}
		num, err := strconv.ParseFloat(rest[:i], 64)
		if errors.Is(err, strconv.ErrRange) {
			return 0, fmt.Errorf("duration %q: the number %s is out of range (write, for example, 20s, 5m or 8h)", text, rest[:i])
		}
		if err != nil {
			return 0, fmt.Errorf("duration %q: %q is not a number", text, rest[:i])
		}
		rest = strings.TrimLeft(rest[i:], " ")
		j := 0
		for j < len(rest) && rest[j] >= 'a' && rest[j] <= 'z' {
			j++
		}
		if j == 0 {
			return 0, fmt.Errorf("duration %q needs a unit after %s (s, m, h, d or w; for example %ss)", text, rest0(num), rest0(num))
		}
		size, ok := durationUnits[rest[:j]]
		if !ok {
			return 0, fmt.Errorf("duration %q: unknown unit %q (use ms, s, m, h, d or w)", text, rest[:j])
		}
		total += num * size
		rest = rest[j:]
	}
	if math.IsInf(total, 0) {
		return 0, fmt.Errorf("duration %q is too large", text)
	}
	return total, nil
}

// exponentEnd returns where the exponent ("e5", "e+5", "E-5") that starts
// at s[i] ends, or i when there is none.
func exponentEnd(s string, i int) int {
	if i >= len(s) || s[i] != 'e' {
		return i
	}
	j := i + 1
	if j < len(s) && (s[j] == '+' || s[j] == '-') {
		j++
	}
	k := j
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k == j {
		return i
	}
	return k
}

func rest0(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// ParseRate reads an arrival rate as people write it and returns contacts
// per second: "200/h", "100/30m", "3.5 per minute", "1000/day". A bare number
// is refused, since its unit would be a guess.
func ParseRate(text string) (float64, error) {
	s := strings.TrimSpace(strings.ToLower(text))
	num, per, ok := strings.Cut(s, "/")
	if !ok {
		num, per, ok = strings.Cut(s, " per ")
	}
	if !ok {
		return 0, fmt.Errorf("rate %q needs a period, for example 200/h or 100/30m", text)
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || math.IsInf(n, 0) || math.IsNaN(n) {
		return 0, fmt.Errorf("rate %q: %q is not a number", text, strings.TrimSpace(num))
	}
	if n < 0 {
		return 0, fmt.Errorf("rate %q is negative", text)
	}
	per = strings.TrimSpace(per)
	if per != "" && (per[0] < '0' || per[0] > '9') && per[0] != '.' {
		per = "1" + per
	}
	d, err := ParseDuration(per)
	if err != nil {
		return 0, fmt.Errorf("rate %q: %v", text, err)
	}
	if !(d > 0) || math.IsInf(d, 0) {
		return 0, fmt.Errorf("rate %q: the period must be a positive duration", text)
	}
	return n / d, nil
}

// ParseFraction reads a share as people write it: "80%", "0.8", "12.5 %".
// It does not check the range.
func ParseFraction(text string) (float64, error) {
	s := strings.TrimSpace(text)
	scale := 1.0
	if t, ok := strings.CutSuffix(s, "%"); ok {
		s, scale = strings.TrimSpace(t), 100
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a number or a percentage (write, for example, 0.8 or 80%%)", text)
	}
	return v / scale, nil
}

// FormatFraction writes a share as a percentage: "80%", "12.5%".
func FormatFraction(v float64) string {
	return strconv.FormatFloat(100*v, 'g', 10, 64) + "%"
}
