package scenarios

import (
	"regexp"
	"strings"
	"testing"
)

// nameAlphabet spells out every rune a scenario's names may use, as the
// decoder's message says: letters, digits, '-' and '_'.
const nameAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"

// TestNameRune: NameRune accepts exactly the ASCII letters, the digits,
// '-' and '_' ("names may use letters, digits, '-' and '_' only"), checked
// against the alphabet written out for every rune up to U+024F (the ends of
// each range and the runes just past them among them) and a few beyond;
// ValidName wants a name not empty and made of those runes only. Seen to
// catch: names.go NameRune's `r >= 'a'`, `r >= 'A'`, `r >= '0'` → `>`, `<`,
// `r <= 'z'`, `r <= 'Z'`, `r <= '9'` → `<`, `>`, `r == '-'`, `r == '_'` →
// `!=`, and ValidName's `s != ""` → `==`.
func TestNameRune(t *testing.T) {
	runes := []rune{'é', 'ß', 'Ω', '０', '\u00a0', 0x1F600}
	for r := rune(0); r < 0x250; r++ {
		runes = append(runes, r)
	}
	for _, r := range runes {
		if got, want := NameRune(r), strings.ContainsRune(nameAlphabet, r); got != want {
			t.Errorf("NameRune(%q) = %v, want %v", r, got, want)
		}
	}
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"phone", true}, {"PS-team_2", true}, {"7up", true}, {"-", true}, {nameAlphabet, true},
		{"", false}, {"a b", false}, {"a.b", false}, {"café", false}, {"phone\n", false},
	} {
		if got := ValidName(tc.name); got != tc.want {
			t.Errorf("ValidName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestNamePatternIsNameRune: the schema's pattern for names (nameRegexp)
// takes exactly the names ValidName takes.
//
// Seen to catch: a rune added to NameRune and not to the pattern, or the
// other way round.
func TestNamePatternIsNameRune(t *testing.T) {
	re := regexp.MustCompile(nameRegexp)
	for r := rune(0); r < 0x250; r++ {
		for _, s := range []string{string(r), "a" + string(r) + "b"} {
			if got, want := re.MatchString(s), ValidName(s); got != want {
				t.Errorf("%q: the pattern says %v, ValidName %v", s, got, want)
			}
		}
	}
	if re.MatchString("") || ValidName("") {
		t.Error("an empty name is taken")
	}
}
