package scenarios

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// maxRangeValues bounds the values one range may give: far more than any
// sweep runs, few enough that a typing mistake (0..1000000) is refused at
// once rather than after filling memory.
const maxRangeValues = 100_000

var (
	rangeForm  = regexp.MustCompile(`^([^./]*(?:\.[^./]+)?)\.\.([^/]+)(?:/(.+))?$`)
	numberUnit = regexp.MustCompile(`^([+-]?(?:\d+\.?\d*|\.\d+))\s*([^\d\s.+-].*)?$`)
)

// expandRange reads a range of numbers, "from..to" or "from..to/step" (the
// step 1 when left out), each part a number with an optional unit written
// the same on the ends ("2..10/2", "0.5..0.9/0.1", "1m..5m/1m",
// "70%..90%/5%"); a step without a unit takes the ends'. It returns the
// values from "from" up to "to" at most, each written with as many
// decimals as the most precise part and its unit. isRange is false, with
// no error, when s is not written as a range at all.
func expandRange(s string) (vals []string, isRange bool, err error) {
	m := rangeForm.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return nil, false, nil
	}
	from, fromUnit, err1 := splitNumber(m[1])
	to, toUnit, err2 := splitNumber(m[2])
	step, stepUnit, dec := 1.0, fromUnit, 0
	var err3 error
	if m[3] != "" {
		step, stepUnit, err3 = splitNumber(m[3])
		if stepUnit == "" {
			stepUnit = fromUnit
		}
	}
	if err := firstErr(err1, err2, err3); err != nil {
		return nil, true, fmt.Errorf("range %q: %v", s, err)
	}
	if fromUnit != toUnit || stepUnit != fromUnit {
		return nil, true, fmt.Errorf("range %q: write the same unit on each part (from..to/step), for example 1m..5m/1m", s)
	}
	for _, part := range []string{m[1], m[2], m[3]} {
		dec = max(dec, decimals(part))
	}
	if !(step > 0) {
		return nil, true, fmt.Errorf("range %q: the step must be above 0", s)
	}
	if to < from {
		return nil, true, fmt.Errorf("range %q: it ends below where it starts", s)
	}
	// Count in whole units of the finest decimal, so that 0.1 steps do not
	// drift (0.30000000000000004).
	scale := math.Pow(10, float64(dec))
	a, b, st := math.Round(from*scale), math.Round(to*scale), math.Round(step*scale)
	if st < 1 {
		return nil, true, fmt.Errorf("range %q: the step must be above 0", s)
	}
	n := math.Floor((b-a)/st) + 1
	if n > maxRangeValues || math.IsInf(n, 0) || math.IsNaN(n) {
		return nil, true, fmt.Errorf("range %q gives %.0f values, more than %d: is the step right?", s, n, maxRangeValues)
	}
	for k := 0.0; k < n; k++ {
		v := (a + k*st) / scale
		vals = append(vals, strconv.FormatFloat(v, 'f', dec, 64)+fromUnit)
	}
	return vals, true, nil
}

// splitNumber splits "1.5m" into 1.5 and "m".
func splitNumber(s string) (float64, string, error) {
	s = strings.TrimSpace(s)
	m := numberUnit.FindStringSubmatch(s)
	if m == nil {
		return 0, "", fmt.Errorf("%q is not a number (with perhaps a unit)", s)
	}
	v, err := strconv.ParseFloat(m[1], 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, "", fmt.Errorf("%q is not a number (with perhaps a unit)", s)
	}
	return v, strings.TrimSpace(m[2]), nil
}

// decimals returns the number of digits after the decimal point of the
// number s starts with.
func decimals(s string) int {
	s = strings.TrimSpace(s)
	m := numberUnit.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	_, frac, ok := strings.Cut(m[1], ".")
	if !ok {
		return 0
	}
	return len(frac)
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
