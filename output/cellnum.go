package output

import "strconv"

// appendCell appends v as CellOf writes it (strconv's 'g' format with 9
// significant digits), v being finite, and tells whether v is an integer
// of at most nine digits, whose text reads back as v itself. Such a number
// is written by strconv.AppendInt: the 'g' format prints an integer of at
// most nine digits as its digits, with neither exponent nor fraction, and
// takes the general float path to do so (most cells of a run's
// intervals.csv are counts). Negative zero, which 'g' writes "-0", takes
// the general path (TestAppendCellIsFormatFloat, FuzzAppendCell).
func appendCell(b []byte, v float64) ([]byte, bool) {
	if v > -1e9 && v < 1e9 {
		if i := int64(v); float64(i) == v && (i != 0 || 1/v > 0) {
			return strconv.AppendInt(b, i, 10), true
		}
	}
	return strconv.AppendFloat(b, v, 'g', 9, 64), false
}
