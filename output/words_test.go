package output

import (
	"testing"

	"github.com/omnisim/omnisim/models"
)

func TestDescribeSpan(t *testing.T) {
	weekdays := models.Days{true, true, true, true, true}
	tests := []struct {
		name string
		span models.Span
		want string
	}{
		{"every day", models.Span{Days: models.EveryDay, From: 7 * 3600, To: 23 * 3600}, "every day 07:00-23:00"},
		{"weekdays", models.Span{Days: weekdays, From: 8 * 3600, To: 20*3600 + 1800}, "mon-fri 08:00-20:30"},
		{"two days", models.Span{Days: models.Days{5: true, 6: true}, From: 22 * 3600, To: 2 * 3600}, "sat,sun 22:00-02:00"},
		{"scattered", models.Span{Days: models.Days{true, false, true, true, true, false, true}, From: 0, To: 86400}, "mon,wed-fri,sun 00:00-24:00"},
	}
	for _, tc := range tests {
		if got := DescribeSpan(tc.span); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
