package output

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/models"
)

// Claim is a claim of a scenario's story as omnisim demo judged it, for
// its output folder (claims.csv), the A/B charts and the report: what it
// says with the numbers measured, and the numbers.
type Claim struct {
	// Sentence is the claim with the numbers measured in place of its
	// placeholders; Words says a figure with no unit of its own in words
	// (the expectation level, as what it does to patience), "" for others.
	Sentence, Words string
	// Held tells whether the claim held; Why, when it did not, why.
	Held bool
	Why  string
	// Figure is the figure measured, as a claim names it
	// ("social.service_level", "expectation"); Unit its unit (Unit*
	// constants, "level" for the expectation level).
	Figure, Unit string
	// Relative tells whether the change is B ÷ A − 1 rather than B − A.
	Relative bool
	// Expect is the direction claimed (rise, fall, steady, above, below);
	// By the size of the change claimed, Than the level a claim on one
	// side sets it against.
	Expect   string
	By, Than float64
	// A and B are the two sides; B's Label is "" for a claim on a level,
	// which has one side.
	A, B ClaimSide
	// Change is the mean of the paired changes and its 95 % half-width;
	// Pairs the replications in which both sides are defined.
	Change models.Estimate
	Pairs  int
}

// ClaimSide is one side of a claim: its name, the figure's mean over the
// replications with its 95 % half-width, and, for the expectation level,
// the patience factor exp(−coupling × mean) with the side's coupling.
type ClaimSide struct {
	Label              string
	Mean, HalfWidth    float64
	Patience, Coupling float64
}

// HasSides tells whether the claim sets two sides against each other, as
// an A/B chart shows them: a claim on a change, not on a level.
func (c Claim) HasSides() bool { return c.B.Label != "" }

// claimColumns are the columns of claims.csv.
var claimColumns = []string{"claim", "sentence", "in_words", "held", "why", "figure", "unit", "relative", "expect", "by", "than",
	"a", "a_mean", "a_ci95", "a_patience_factor", "a_coupling", "b", "b_mean", "b_ci95", "b_patience_factor", "b_coupling",
	"change", "change_ci95", "pairs"}

// ClaimsTable returns the claims as claims.csv holds them: one row per
// claim, in the scenario's order.
func ClaimsTable(claims []Claim) *CSVTable {
	t := &CSVTable{Columns: claimColumns}
	for i, c := range claims {
		t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), c.Sentence, c.Words, strconv.FormatBool(c.Held), c.Why,
			c.Figure, c.Unit, strconv.FormatBool(c.Relative), c.Expect, CellOf(c.By), CellOf(c.Than),
			c.A.Label, CellOf(c.A.Mean), CellOf(c.A.HalfWidth), CellOf(c.A.Patience), CellOf(c.A.Coupling),
			c.B.Label, CellOf(c.B.Mean), CellOf(c.B.HalfWidth), CellOf(c.B.Patience), CellOf(c.B.Coupling),
			CellOf(c.Change.Mean), CellOf(c.Change.HalfWidth), strconv.Itoa(c.Pairs)})
	}
	return t
}

// Claims reads the claims back from claims.csv's table; nil for nil.
func Claims(t *CSVTable) []Claim {
	if t == nil {
		return nil
	}
	var out []Claim
	for r := range t.Rows {
		side := func(p string) ClaimSide {
			return ClaimSide{Label: t.Text(r, p), Mean: t.Float(r, p+"_mean"), HalfWidth: t.Float(r, p+"_ci95"),
				Patience: t.Float(r, p+"_patience_factor"), Coupling: t.Float(r, p+"_coupling")}
		}
		pairs, _ := strconv.Atoi(t.Text(r, "pairs"))
		out = append(out, Claim{Sentence: t.Text(r, "sentence"), Words: t.Text(r, "in_words"), Held: t.Text(r, "held") == "true",
			Why: t.Text(r, "why"), Figure: t.Text(r, "figure"), Unit: t.Text(r, "unit"), Relative: t.Text(r, "relative") == "true",
			Expect: t.Text(r, "expect"), By: t.Float(r, "by"), Than: t.Float(r, "than"), A: side("a"), B: side("b"),
			Change: models.Estimate{Mean: t.Float(r, "change"), HalfWidth: t.Float(r, "change_ci95")}, Pairs: pairs})
	}
	return out
}

// ClaimNotes returns the footnotes of a story told with the numbers of reps
// replications: how the figures and the changes are made, and, when a
// claim is on the expectation level, what the level is and how it makes
// the patience factor the claim's words give. The claims come first in
// plain words; these say the statistics once, under them.
func ClaimNotes(reps int, claims []Claim) []string {
	if len(claims) == 0 {
		return nil
	}
	notes := []string{fmt.Sprintf("Figures are means over the %d replications. Each change in brackets is B − A "+
		"(B ÷ A − 1 where it is in %%), with the half-width of its 95 %% confidence interval (Student t), paired "+
		"replication by replication: the variants ran with the same seed, so they saw the same customers (common "+
		"random numbers). A claim holds when that interval lies beyond the size claimed, in the direction claimed; "+
		"with a counter, the change must also be gone with the mechanism off.", reps)}
	for _, c := range claims {
		if c.Words == "" {
			continue
		}
		level, coupling, factor := c.A.Mean, c.A.Coupling, c.A.Patience
		if c.HasSides() {
			level, coupling, factor = c.B.Mean, c.B.Coupling, c.B.Patience
		}
		note := "The expectation level is what customers have heard of waits on every channel against what each " +
			"channel first promised: the mean, in logarithms, of how much faster than each channel's starting " +
			"expected wait the stories they heard said answers came, weighed against the belief that nothing has " +
			"changed (level_inertia people's worth); 0 is as at the start. It multiplies every customer's patience, " +
			"on every channel, by exp(−coupling × level)"
		if !math.IsNaN(level) && !math.IsNaN(factor) && !math.IsNaN(coupling) {
			note += fmt.Sprintf(": here, with coupling %s, a level of %s makes patience exp(−%s × %s) = %s what it was",
				trimFloat(coupling), strconv.FormatFloat(level, 'f', 2, 64), trimFloat(coupling),
				strconv.FormatFloat(level, 'f', 2, 64), strconv.FormatFloat(factor, 'f', 2, 64)+"×")
		}
		notes = append(notes, note+" (adaptive patience: Zohar, Mandelbaum and Shimkin 2002).")
		break
	}
	return notes
}

// trimFloat writes x with no more decimals than it needs: "0.3", "1".
func trimFloat(x float64) string {
	return strings.TrimSuffix(strconv.FormatFloat(x, 'f', -1, 64), ".0")
}
