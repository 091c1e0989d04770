package fit

import (
	"math"
	"testing"
)

// TestLogMeasureWeekdaysAlike: the log's figures weigh every weekday alike,
// as the simulated week does: each day by 1 ÷ the days of its weekday in
// the log. Two Mondays (10 contacts, 1 given up; 30 contacts, 9 given up)
// and a Tuesday (20 contacts, none given up) make a mean Monday of 20
// contacts and 5 given up, a Tuesday of 20 and 0: 20 contacts a day and
// 12.5 % given up, where pooling the days alike would say 10 ÷ 60.
func TestLogMeasureWeekdaysAlike(t *testing.T) {
	days := [][]tally{
		{{offered: 10, abandoned: 1, waited: 2, within: 8, waitSum: 100}},
		{{offered: 30, abandoned: 9, waited: 12, within: 15, waitSum: 900}},
		{{offered: 20, waited: 4, within: 18, waitSum: 60}},
	}
	weekday := []int{0, 0, 1}
	m := logMeasure(days, weekday, func(int) bool { return true })
	want := [nFigures]float64{20, 5.0 / 40, (50 + 450 + 60) / 40.0, (4 + 7.5 + 18) / 40, (1 + 6 + 4) / 40.0}
	for i, f := range CheckFigures {
		if math.Abs(m[i].Value-want[i]) > 1e-12 {
			t.Errorf("%s: %v, want %v", f.Key, m[i].Value, want[i])
		}
	}
}
