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
// "20s", "3m", "1h30m", "2d", "2.5s". Infinite durations read "never".
func FormatDuration(sec float64) string {
	switch {
	case math.IsNaN(sec):
		return "NaN"
	case math.IsInf(sec, 1):
		return "never"
	case sec < 0:
		return "-" + FormatDuration(-sec)
	case sec == 0:
		return "0s"
	}
	whole := math.Round(sec)
	if math.Abs(sec-whole) > 1e-9*math.Max(1, sec) || whole < 1 {
		if sec < 60 {
			return strconv.FormatFloat(sec, 'g', 6, 64) + "s"
		}
		return strconv.FormatFloat(sec/60, 'g', 6, 64) + "m"
	}
	s := int64(whole)
	var b strings.Builder
	for _, u := range []struct {
		name string
		size int64
	}{{"d", 86400}, {"h", 3600}, {"m", 60}, {"s", 1}} {
		if s >= u.size {
			b.WriteString(strconv.FormatInt(s/u.size, 10))
			b.WriteString(u.name)
			s %= u.size
		}
	}
	return b.String()
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
