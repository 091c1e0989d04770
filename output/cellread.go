package output

import (
	"math"
	"strconv"
)

// exactTens are the powers of ten a float64 holds exactly.
var exactTens = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// maxCellDigits is the most digits readCell takes: their integer is below
// 10^15, under 2^53, so a float64 holds it exactly.
const maxCellDigits = 15

// readCell returns the number in a cell's text b as strconv.ParseFloat
// reads it, for the texts appendCell writes of most numbers: an optional
// minus, at most 15 digits with an optional point among them, an optional
// exponent (e, its sign, its digits), the digits' integer times a power of
// ten within 10^±22. The integer and the power are then exact as float64s,
// so one multiplication or division by the power rounds to the nearest
// float64 of the text's value, as ParseFloat does (the exact fast path of
// Clinger 1990 that strconv takes too). For any other text ok is false and
// the caller asks ParseFloat (TestReadCellAsParseFloat, FuzzReadCell).
func readCell[T ~string | ~[]byte](b T) (v float64, ok bool) {
	i, neg := 0, len(b) > 0 && b[0] == '-'
	if neg {
		i = 1
	}
	var mant uint64
	digits, exp, point := 0, 0, false
	for ; i < len(b); i++ {
		c := b[i]
		if c == '.' && !point {
			point = true
			continue
		}
		if c < '0' || c > '9' {
			break
		}
		if digits++; digits > maxCellDigits {
			return 0, false
		}
		mant = mant*10 + uint64(c-'0')
		if point {
			exp--
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(b) {
		e, ok := readExponent(b[i:])
		if !ok {
			return 0, false
		}
		exp += e
	}
	v = float64(mant)
	switch {
	case exp > len(exactTens)-1 || exp < 1-len(exactTens):
		return 0, false
	case exp > 0:
		v *= exactTens[exp]
	case exp < 0:
		v /= exactTens[-exp]
	}
	if neg {
		v = -v
	}
	return v, true
}

// readExponent reads an exponent as the 'g' format writes it, e, a sign,
// and one to three digits: all of b.
func readExponent[T ~string | ~[]byte](b T) (int, bool) {
	if len(b) < 3 || len(b) > 5 || b[0] != 'e' || b[1] != '+' && b[1] != '-' {
		return 0, false
	}
	e := 0
	for i := 2; i < len(b); i++ {
		if b[i] < '0' || b[i] > '9' {
			return 0, false
		}
		e = e*10 + int(b[i]-'0')
	}
	if b[1] == '-' {
		e = -e
	}
	return e, true
}

// cellFloat returns the number in a cell's text b as strconv.ParseFloat
// reads it, by readCell when it can; NaN for an empty cell or one that is
// not a number.
func cellFloat[T ~string | ~[]byte](b T) float64 {
	if v, ok := readCell(b); ok {
		return v
	}
	if len(b) > 0 {
		if v, err := strconv.ParseFloat(string(b), 64); err == nil {
			return v
		}
	}
	return math.NaN()
}
