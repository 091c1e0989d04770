package output_test

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// TestClaimsTableRoundTrip: claims.csv's table reads back as the claims it
// was written from, numbers at the table's nine significant digits, an
// undefined number as NaN, a level claim with no side B.
//
// Seen to catch: a column read under another's name (b_mean for a_mean),
// held written as anything but true and false, NaN written as "NaN".
func TestClaimsTableRoundTrip(t *testing.T) {
	want := fixture.StoryClaims()
	back := output.Claims(output.ClaimsTable(want))
	if len(back) != len(want) {
		t.Fatalf("%d claims read back, want %d", len(back), len(want))
	}
	// NaN is not equal to itself: compare the claims written as text,
	// numbers to the eight significant digits the table keeps (nine).
	number := regexp.MustCompile(`-?[0-9]+\.[0-9]+(e-?[0-9]+)?`)
	text := func(c output.Claim) string {
		return number.ReplaceAllStringFunc(fmt.Sprintf("%+v", c), func(m string) string {
			v, _ := strconv.ParseFloat(m, 64)
			return strconv.FormatFloat(v, 'g', 8, 64)
		})
	}
	for i := range want {
		if got, w := text(back[i]), text(want[i]); got != w {
			t.Errorf("claim %d:\n got %s\nwant %s", i+1, got, w)
		}
	}
	if back[3].HasSides() || !back[0].HasSides() {
		t.Error("the level claim (one side) and the change (two) are not told apart")
	}
	if !reflect.DeepEqual(output.Claims(nil), []output.Claim(nil)) {
		t.Error("no table should read as no claims")
	}
}

// TestClaimNotes: the notes say the statistics once, with the number of
// replications, and, for a story with a claim on the expectation level,
// the level's formula with that claim's own numbers: with coupling 0.5 and
// side B's level 0.40, exp(−0.5 × 0.40) = 0.82×, computed here.
//
// Seen to catch: the coupling or the level of side A where the words speak
// of side B, a factor of exp(+coupling × level), the level's note on a
// story with no level claim.
func TestClaimNotes(t *testing.T) {
	claims := fixture.StoryClaims()
	notes := output.ClaimNotes(7, claims)
	if len(notes) != 2 {
		t.Fatalf("%d notes, want the statistics' and the level's:\n%s", len(notes), strings.Join(notes, "\n"))
	}
	for _, want := range []string{"means over the 7 replications", "B − A", "95 % confidence interval", "paired"} {
		if !strings.Contains(notes[0], want) {
			t.Errorf("the statistics' note lacks %q: %s", want, notes[0])
		}
	}
	b := claims[2].B
	want := fmt.Sprintf("exp(−%g × %.2f) = %.2f×", b.Coupling, b.Mean, math.Exp(-b.Coupling*b.Mean))
	if !strings.Contains(notes[1], want) || !strings.Contains(notes[1], "a level of 0.40") {
		t.Errorf("the level's note lacks %q:\n%s", want, notes[1])
	}
	if n := output.ClaimNotes(7, claims[:2]); len(n) != 1 {
		t.Errorf("a story with no level claim: %d notes, want the statistics' alone", len(n))
	}
	if n := output.ClaimNotes(7, nil); n != nil {
		t.Errorf("no claims: notes %q", n)
	}
}
