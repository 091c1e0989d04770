package output

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// TestWrap: as many words to a line as fit, a line of the width exactly
// kept whole, one character over broken; a word longer than a line alone
// on its own; spaces folded; the first line measured on its own (here,
// without the indent of the others); one empty line for no words. Seen
// to catch (as fit's wrap, whose cases these are): `line == ""` → `!=`,
// `fits` negated, the line count passed as n off by one.
func TestWrap(t *testing.T) {
	bytes7 := func(_ int, line string) bool { return len(line) <= 7 }
	indented := func(n int, line string) bool {
		if n > 0 {
			line = "  " + line
		}
		return utf8.RuneCountInString(line) <= 7
	}
	for _, tc := range []struct {
		name string
		text string
		fits func(int, string) bool
		want []string
	}{
		{"the width exactly", "aaa bbb cccc d", bytes7, []string{"aaa bbb", "cccc d"}},
		{"one character over", "aaa bbbb", bytes7, []string{"aaa", "bbbb"}},
		{"one line", "a b c", bytes7, []string{"a b c"}},
		{"a long word", "a abcdefghij b", bytes7, []string{"a", "abcdefghij", "b"}},
		{"spaces folded", "  a\n\tb  ", bytes7, []string{"a b"}},
		{"no words", " ", bytes7, []string{""}},
		{"the first line apart", "ééé ééé ééé ééé", indented, []string{"ééé ééé", "ééé", "ééé"}},
	} {
		if got := Wrap(tc.text, tc.fits); !slices.Equal(got, tc.want) {
			t.Errorf("%s: Wrap(%q) = %q, want %q", tc.name, tc.text, got, tc.want)
		}
	}
}
