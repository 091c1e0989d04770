package experiment

import (
	"math"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/scenarios"
)

// InWords says in words, with a unit, what a claim on the expectation
// level measured: what each side's level does to customers' patience on
// every channel, as a multiple of their patience at the start (when the
// level is 0): "Customers' patience at the end of week 4 was 0.87× what it
// was at the start, against 0.92× at the end of week 1." The multiple is
// exp(−coupling × level) of the side's mean level (PatienceA, PatienceB),
// which is what the world multiplies each customer's patience by. It is ""
// for a claim on another figure.
//
// The level itself is the mean, in logarithms, of how much faster than
// each channel's starting expected wait the stories customers heard said
// answers came; its only effect is on patience, which is why patience is
// what is said. A customer's expected wait on a channel, its reputation,
// is another figure (expected_wait_seconds).
func (v Verdict) InWords() string {
	c := v.Claim
	if c.Figure != scenarios.ExpectationFigure {
		return ""
	}
	if c.IsLevel() || math.IsNaN(v.PatienceB) {
		return "Customers' patience " + SideMoment(c.A) + " was " + Times(v.PatienceA) + " what it was at the start."
	}
	return "Customers' patience " + SideMoment(c.B) + " was " + Times(v.PatienceB) + " what it was at the start, against " +
		Times(v.PatienceA) + " " + SideMoment(c.A) + "."
}

// SideMoment names the moment a side measures the expectation level at:
// the end of its days, or of the run, in its variant ("at the end of week
// 4", "at the end of the run with word_of_mouth.coupling=0").
func SideMoment(s scenarios.Side) string {
	text := "at the end of the run"
	if s.Days != "" {
		text = "at the end of " + s.Days
	}
	if len(s.Set) > 0 {
		text += " with " + strings.Join(s.Set, ", ")
	}
	return text
}

// SideLabel names a side for a chart or a table: its days, its variant's
// overrides, or both ("week 1", "journey.history=integrated"); "the
// scenario" for the measured window of the scenario itself.
func SideLabel(s scenarios.Side) string {
	var parts []string
	if s.Days != "" {
		parts = append(parts, s.Days)
	}
	if len(s.Set) > 0 {
		parts = append(parts, strings.Join(s.Set, ", "))
	}
	if len(parts) == 0 {
		return "the scenario"
	}
	return strings.Join(parts, ", with ")
}

// Times writes a multiple with two decimals: "0.87×"; "–" when undefined.
func Times(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	return strconv.FormatFloat(x, 'f', 2, 64) + "×"
}
