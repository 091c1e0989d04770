package output

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// mayNeedQuotesBefore is mayNeedQuotes as it was written first, by
// strings.ContainsAny: the reference it must agree with.
func mayNeedQuotesBefore(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` || strings.ContainsAny(field, ",\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}

// quotePieces are what the random fields of TestMayNeedQuotesAsBefore are
// made of: every byte mayNeedQuotes looks for, spaces of one byte and
// more, letters, and bytes that are not UTF-8.
var quotePieces = []string{",", `"`, "\r", "\n", " ", "\t", "\v", "\f", `\`, ".", "a", "Z", "0",
	"\u0085", "\u00a0", "\u2003", "é", "\xff", "\xc2", "\x85", "\x00"}

// TestMayNeedQuotesAsBefore compares mayNeedQuotes, which reads the
// field's bytes in one loop, with strings.ContainsAny's version on every
// field of up to two pieces and on random fields of up to eight.
func TestMayNeedQuotesAsBefore(t *testing.T) {
	check := func(f string) {
		t.Helper()
		if got, want := mayNeedQuotes(f), mayNeedQuotesBefore(f); got != want {
			t.Fatalf("mayNeedQuotes(%q) = %v, want %v", f, got, want)
		}
	}
	check("")
	check(`\.`)
	for _, a := range quotePieces {
		check(a)
		for _, b := range quotePieces {
			check(a + b)
		}
	}
	for b := range 256 {
		check(string([]byte{byte(b)}))
		check(string([]byte{byte(b), 'x'}))
	}
	for r := range rune(0x3100) {
		check(string(r))
		check(string(r) + "x")
	}
	rng := rand.New(rand.NewPCG(7, 20))
	for range 100000 {
		var sb strings.Builder
		for range rng.IntN(9) {
			sb.WriteString(quotePieces[rng.IntN(len(quotePieces))])
		}
		check(sb.String())
	}
}

// FuzzMayNeedQuotes compares mayNeedQuotes with strings.ContainsAny's
// version on any field.
func FuzzMayNeedQuotes(f *testing.F) {
	for _, p := range quotePieces {
		f.Add(p + "x")
	}
	f.Add(`\.`)
	f.Fuzz(func(t *testing.T, field string) {
		if got, want := mayNeedQuotes(field), mayNeedQuotesBefore(field); got != want {
			t.Fatalf("mayNeedQuotes(%q) = %v, want %v", field, got, want)
		}
	})
}

// TestTimeOfDayAsSprintf: timeOfDay, from its table, is fmt.Sprintf's
// "%02d:%02d" of the hours and minutes for every second of a day, and
// outside one.
func TestTimeOfDayAsSprintf(t *testing.T) {
	for _, s := range []int64{-86400, -1, 86400, 86400 + 61, 1 << 40} {
		if got, want := timeOfDay(s), fmt.Sprintf("%02d:%02d", s/3600, s%3600/60); got != want {
			t.Errorf("timeOfDay(%d) = %q, want %q", s, got, want)
		}
	}
	for s := range int64(86400) {
		if got, want := timeOfDay(s), fmt.Sprintf("%02d:%02d", s/3600, s%3600/60); got != want {
			t.Fatalf("timeOfDay(%d) = %q, want %q", s, got, want)
		}
	}
}

// TestKeptTextRuns: a kept text column codes a cell equal to the row
// before's without a lookup (keptColumn.add, addBytes) and still reads
// back every cell, in a table and in its parts, emptied and reused.
func TestKeptTextRuns(t *testing.T) {
	cells := []string{"a", "a", "b", "a", "a", "", "", "c", "b", "b", "a"}
	nums := []float64{1, 1, 2.5, 2.5, 2, math.NaN(), math.NaN(), 1e-9, 2.5, 2.5, 1}
	tab := NewSpooledTable([]string{"k", "n"}, nil, []string{"k", "n"}, 0)
	for i, c := range cells {
		tab.Add([]string{c, CellOf(nums[i])})
	}
	fillInParts(tab, 3, len(cells), func(p int, b *RowBuilder) {
		for i, c := range cells {
			if (i+p)%4 == 0 {
				b.Text(c)
			} else {
				b.Text(strings.Clone(c)) // the same text elsewhere in memory
			}
			b.Num(nums[i])
			b.End()
		}
	})
	for i := range tab.Len() {
		if got, want := tab.Text(i, "k"), cells[i%len(cells)]; got != want {
			t.Fatalf("row %d: %q, want %q", i, got, want)
		}
		if got, want := tab.Text(i, "n"), CellOf(nums[i%len(cells)]); got != want {
			t.Fatalf("row %d: n is %q, want %q", i, got, want)
		}
	}
	if k := tab.text.spool.keep[0]; len(k.values) != 4 {
		t.Errorf("%d distinct values kept, want 4: %q", len(k.values), k.values)
	}
}
