package output

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Units of figures, as models.Figure gives them.
const (
	UnitCount   = ""
	UnitShare   = "share"
	UnitSeconds = "s"
	UnitHours   = "h"
	UnitMoney   = "money"
	UnitRatio   = "x"
)

// Value formats a figure for a table, with thousands separators: shares as
// percentages with two decimals ("91.59 %"), durations with two, in seconds,
// minutes or hours by their size ("7.84 s", "3.00 min", "13.88 h"),
// hours with one ("1,234.5 h"), money as a whole number with no currency
// ("12,345"), ratios with two decimals ("1.23"), counts whole or with one
// decimal, and "–" for an undefined value.
func Value(v float64, unit string) string {
	if math.IsNaN(v) {
		return "–"
	}
	switch unit {
	case UnitShare:
		return strconv.FormatFloat(100*v, 'f', 2, 64) + " %"
	case UnitSeconds:
		scale, name := SecondsScale(v)
		return Count(v/scale, 2) + " " + name
	case UnitHours:
		return Count(v, 1) + " h"
	case UnitMoney:
		return Count(v, 0)
	case UnitRatio:
		return Count(v, 2)
	}
	if v == math.Trunc(v) {
		return Count(v, 0)
	}
	return Count(v, 1)
}

// Count writes a count, or a mean of counts, with thousands separators and
// the given number of decimals: "4,576.4".
func Count(v float64, decimals int) string {
	if math.IsNaN(v) {
		return "–"
	}
	if math.Abs(v) >= 1e15 {
		return strconv.FormatFloat(v, 'g', 6, 64)
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.ParseInt(whole, 10, 64)
	out := Thousands(n)
	if frac != "" {
		out += "." + frac
	}
	if v < 0 && strings.Trim(s, "0.") != "" {
		out = "-" + out
	}
	return out
}

// SecondsScale chooses the unit a number of seconds reads best in: seconds
// below two minutes, minutes below two hours, hours above.
func SecondsScale(v float64) (scale float64, name string) {
	switch a := math.Abs(v); {
	case a >= 7200:
		return 3600, "h"
	case a >= 120:
		return 60, "min"
	}
	return 1, "s"
}

// Estimate formats a mean with its confidence half-width, the unit after
// the mean and the half-width at the same precision: "91.59 % ± 0.15",
// "1,234.5 h ± 3.2", "12,345 ± 67". The half-width is left out when it is
// NaN (a single replication).
func Estimate(mean, half float64, unit string) string {
	s := Value(mean, unit)
	if math.IsNaN(half) || math.IsNaN(mean) {
		return s
	}
	switch unit {
	case UnitShare:
		return s + " ± " + strconv.FormatFloat(100*half, 'f', 2, 64)
	case UnitSeconds:
		scale, _ := SecondsScale(mean)
		return s + " ± " + Count(half/scale, 2)
	case UnitRatio:
		return s + " ± " + Count(half, 2)
	case UnitHours:
		return s + " ± " + Count(half, 1)
	case UnitMoney:
		return s + " ± " + Count(half, 0)
	}
	return Count(mean, 1) + " ± " + Count(half, 1)
}

// Rounded writes a mean of counts for a sentence, to three significant
// figures and at most one decimal (two below 1), without trailing zeros:
// "33,500" for 33,542.5, "106" for 105.9, "96" for 96.02, "4.5" for 4.53,
// "0.03" for 0.031. A mean over
// replications is an estimate, and its last digits are noise.
func Rounded(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
		return Value(x, UnitCount)
	}
	e := int(math.Floor(math.Log10(math.Abs(x))))
	if e >= 2 {
		scale := math.Pow(10, float64(e-2))
		return Count(math.Round(x/scale)*scale, 0)
	}
	decimals := 2
	if e >= 0 {
		decimals = 1
	}
	out := Count(x, decimals)
	if strings.Contains(out, ".") {
		out = strings.TrimSuffix(strings.TrimRight(out, "0"), ".")
	}
	return out
}

// Thousands writes n with commas between groups of three digits.
func Thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Clock writes a time of day for an offset in seconds from the start of the
// run: "08:30", or "d2 08:30" after the first day.
func Clock(sec float64) string {
	s := int64(math.Floor(sec + 1e-9))
	day, rem := s/86400, s%86400
	hm := fmt.Sprintf("%02d:%02d", rem/3600, rem%3600/60)
	if day > 0 {
		return fmt.Sprintf("d%d %s", day+1, hm)
	}
	return hm
}
