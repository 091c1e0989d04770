package chart

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"github.com/omnisim/omnisim/output"
)

// TestRowsWhereAsSorted: rowsWhere, which skips the sort when the rows'
// starts never decrease, returns what the stable sort of the rows by
// rowStart returns, for tables in time order, out of order, with equal
// starts, with starts missing (read from the interval number, or NaN),
// and with none of the value.
func TestRowsWhereAsSorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 7))
	for trial := range 400 {
		cols := []string{"channel", "interval", "start_seconds"}
		tb := output.NewTextTable(cols)
		n := rng.IntN(30)
		start := 0.0
		for range n {
			ch := []string{"phone", "chat", "mail"}[rng.IntN(3)]
			switch trial % 4 {
			case 0: // in time order
				start += float64(rng.IntN(2)) * 900
			case 1: // out of order
				start = float64(rng.IntN(10)) * 900
			case 2: // some starts missing
				start += 900
			}
			s := strconv.FormatFloat(start, 'g', -1, 64)
			iv := strconv.Itoa(int(start / 900))
			if trial%4 >= 2 && rng.IntN(4) == 0 {
				s = ""
				if rng.IntN(2) == 0 {
					iv = ""
				}
			}
			tb.Add([]string{ch, iv, s})
		}
		for _, v := range []string{"phone", "chat", "none"} {
			var want []int
			for i := range tb.Len() {
				if tb.Text(i, "channel") == v {
					want = append(want, i)
				}
			}
			slices.SortStableFunc(want, func(a, b int) int {
				sa, sb := tb.Float(a, "start_seconds"), tb.Float(b, "start_seconds")
				if !output.Finite(sa) {
					sa = tb.Float(a, "interval") * 0
				}
				if !output.Finite(sb) {
					sb = tb.Float(b, "interval") * 0
				}
				switch {
				case sa < sb:
					return -1
				case sa > sb:
					return 1
				}
				return 0
			})
			if got := rowsWhere(tb, "channel", v); !reflect.DeepEqual(got, want) {
				t.Fatalf("trial %d, %s: rows %v, want %v", trial, v, got, want)
			}
		}
	}
}
