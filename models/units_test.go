package models

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// TestParseDurationNumbers checks numbers with an exponent and numbers out
// of range: 1e400s is a number too large, not a unit "e".
func TestParseDurationNumbers(t *testing.T) {
	for _, tc := range []struct {
		text string
		want float64
	}{
		{"1e3s", 1000},
		{"2.5e1m", 1500},
		{"1e+2s", 100},
		{"5e-1h", 1800},
		{"1e3s 1m", 1060},
	} {
		got, err := ParseDuration(tc.text)
		if err != nil || got != tc.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", tc.text, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ text, want string }{
		{"1e400s", `duration "1e400s": the number 1e400 is out of range`},
		{strings.Repeat("9", 400) + "s", "is out of range"},
		{"1e400", `duration "1e400": the number 1e400 is out of range`},
		{"1es", `duration "1es": unknown unit "es"`},
		{"1e308w", `duration "1e308w" is too large`},
	} {
		_, err := ParseDuration(tc.text)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseDuration(%q): got %v, want %q", tc.text, err, tc.want)
		}
	}
}

// TestParseDurationForms checks the forms people write: every digit, units
// of several letters (a unit with an "a" in it), a number at the very end
// of the text, which needs a unit, and an exponent cut short.
func TestParseDurationForms(t *testing.T) {
	for _, tc := range []struct {
		text string
		want float64
	}{
		{"0.5h", 1800},
		{"10s", 10},
		{"90 sec", 90},
		{"2 days", 172800},
		{"1h30m", 5400},
		{"1e9ms", 1e6},
		{"0", 0},
	} {
		got, err := ParseDuration(tc.text)
		if err != nil || got != tc.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", tc.text, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ text, want string }{
		{"90", `duration "90" needs a unit after 90`},
		{"1h30", `duration "1h30" needs a unit after 30`},
		{"1e", `duration "1e": unknown unit "e"`},
		{"5 zulu", `duration "5 zulu": unknown unit "zulu"`},
	} {
		_, err := ParseDuration(tc.text)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseDuration(%q): got %v, want %q", tc.text, err, tc.want)
		}
	}
}

// TestFormatDurationUnits checks durations at the edge of each unit, zero,
// negative ones, and a whole number of seconds off by rounding noise (less
// than a billionth), which is written as the whole number.
func TestFormatDurationUnits(t *testing.T) {
	for _, tc := range []struct {
		sec  float64
		want string
	}{
		{0, "0s"},
		{1, "1s"},
		{59, "59s"},
		{60, "1m"},
		{3600, "1h"},
		{86400, "1d"},
		{86400 + 3600 + 60 + 1, "1d1h1m1s"},
		{-60, "-1m"},
		{2.5, "2.5s"},
		{90.5, "1.50833m"},
		{86400 + 1e-6, "1d"},
		{3 * 0.1 * 3600, "18m"},
	} {
		if got := FormatDuration(tc.sec); got != tc.want {
			t.Errorf("FormatDuration(%v) = %q, want %q", tc.sec, got, tc.want)
		}
	}
}

// TestFormatDurationOneUnit: a duration in one unit, to a tenth of a
// second, as FormatDurationOneUnit's doc says, each case worked by hand: a
// whole number of days, hours or minutes in the largest unit it is exactly
// a whole number of (25 h is no whole number of days, 90 min none of hours;
// 1080.0000000000002 s, three tenths of an hour in floating point, none of
// minutes, unlike FormatDuration's 18m), anything else in seconds rounded
// to a tenth (59.96 s is 60s, not 1m: it is no whole number of minutes);
// below 0.05 s, 0.1s; zero, NaN, +Inf and negative durations as
// FormatDuration writes them, the sign before the size in one unit.
// Seen to catch: units.go inOneUnit's `sec < 0.05` → `>=`, `math.Mod(sec,
// u.size) == 0` → `!=`, `sec/u.size` → `*`, `sec*10` → `/` and `/10` →
// `*`; formatDuration's `-sec` → `sec`, `sec < 0` → `<=`, `>=` (both
// recurse without end) and `sec == 0` → `!=`.
func TestFormatDurationOneUnit(t *testing.T) {
	tenth := 0.1 // a variable, so that 3 tenths are computed in floating point
	for _, tc := range []struct {
		sec  float64
		want string
	}{
		{86400, "1d"},
		{3 * 86400, "3d"},
		{25 * 3600, "25h"},
		{3600, "1h"},
		{5400, "90m"},
		{60, "1m"},
		{3 * tenth * 3600, "1080s"},
		{90, "90s"},
		{1, "1s"},
		{59.96, "60s"},
		{12.34, "12.3s"},
		{172.76, "172.8s"},
		{0.3, "0.3s"},
		{0.01, "0.1s"},
		{0.049, "0.1s"},
		{0.06, "0.1s"},
		{0, "0s"},
		{-5400, "-90m"},
		{-12.34, "-12.3s"},
		{math.NaN(), "NaN"},
		{math.Inf(1), "never"},
	} {
		if got := FormatDurationOneUnit(tc.sec); got != tc.want {
			t.Errorf("FormatDurationOneUnit(%v) = %q, want %q", tc.sec, got, tc.want)
		}
	}
}

// TestFormatFraction checks shares written as percentages, as messages
// about shares that do not add up show them.
func TestFormatFraction(t *testing.T) {
	for v, want := range map[float64]string{0.8: "80%", 0.125: "12.5%", 1: "100%", 0: "0%", 1.5: "150%"} {
		if got := FormatFraction(v); got != want {
			t.Errorf("FormatFraction(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestDurationUnits checks the list of units ParseDuration reads, which the
// scenario schema's pattern is made from: sorted, every one read (1 of it
// is a positive duration), and the units the README shows (ms, s, m, h, d,
// w, sec, minutes) among them.
//
// Seen to catch: the list left unsorted (the schema would change from run
// to run); a unit missing.
func TestDurationUnits(t *testing.T) {
	units := DurationUnits()
	if !slices.IsSorted(units) {
		t.Errorf("not sorted: %v", units)
	}
	for _, u := range units {
		if d, err := ParseDuration("1" + u); err != nil || !(d > 0) {
			t.Errorf("1%s: %v, %v; want a positive duration", u, d, err)
		}
	}
	for _, u := range []string{"ms", "s", "m", "h", "d", "w", "sec", "minutes"} {
		if !slices.Contains(units, u) {
			t.Errorf("%s is missing from %v", u, units)
		}
	}
}

// TestWeekdayLong checks each day's full name: Monday first, read back by
// ParseWeekday as the same day, and a number that is no day written as
// String writes it.
//
// Seen to catch: the range check made d <= 0 (Monday has no name) or
// d >= 6 (nor Sunday), or its bounds turned round (a panic at -1 or 7).
func TestWeekdayLong(t *testing.T) {
	want := []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	for d := Monday; d <= Sunday; d++ {
		if got := d.Long(); got != want[d] {
			t.Errorf("Weekday(%d).Long() = %q, want %q", d, got, want[d])
		}
		if back, err := ParseWeekday(d.Long()); err != nil || back != d {
			t.Errorf("ParseWeekday(%q) = %v, %v; want %v", d.Long(), back, err, d)
		}
	}
	for _, d := range []Weekday{-1, 7} {
		if got := d.Long(); got != d.String() {
			t.Errorf("Weekday(%d).Long() = %q, want %q", d, got, d.String())
		}
	}
}
