package models

import (
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
