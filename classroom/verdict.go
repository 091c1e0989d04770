package classroom

import (
	"fmt"
	"math"
	"strings"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/scenarios"
)

// The states of a verdict. A claim holds when the 95 % interval of what it
// measures lies beyond the size claimed, in the direction claimed
// (experiment.Judge); it fails when the interval lies wholly on the other
// side; between the two it is undecided at the precision the replications
// give, and the page says so rather than call it either.
const (
	Holds     = "holds"
	Fails     = "fails"
	Undecided = "undecided"
)

// Verdict is a claim judged on a side's run, in words a manager reads.
type Verdict struct {
	// State is Holds, Fails or Undecided; Mark says it in one sign: ✓,
	// ✗ or ?.
	State string `json:"state"`
	Mark  string `json:"mark"`
	// Plain says a share as so many in 10 ("4 in 10 posts on social
	// answered within 1 h in week 4, against 9 in 10 in week 1"); "" for
	// other figures, whose Sentence says them.
	Plain string `json:"plain"`
	// Sentence is the claim with the numbers measured; Words says the
	// expectation level as what it did to patience.
	Sentence string `json:"sentence"`
	Words    string `json:"words"`
	// Why says why a claim does not hold, or why it is undecided.
	Why string `json:"why"`
}

// Verdicts says each judged claim in words, for a run of reps
// replications of cfg.
func Verdicts(vs []experiment.Verdict, cfg *models.Config) []Verdict {
	out := make([]Verdict, 0, len(vs))
	for _, v := range vs {
		state := stateOf(v)
		w := Verdict{State: state, Sentence: v.Sentence(), Words: v.InWords(), Plain: plain(v, cfg)}
		switch state {
		case Holds:
			w.Mark = "✓"
		case Fails:
			w.Mark, w.Why = "✗", "Not borne out by this run: "+v.Why+"."
		default:
			w.Mark, w.Why = "?", "Undecided at this precision: "+v.Why+", but the interval also reaches the size claimed; more replications would tell."
		}
		out = append(out, w)
	}
	return out
}

// stateOf tells whether a claim held, failed or is undecided: Judge's
// tests, with "failed" kept for an interval wholly on the wrong side of the
// size claimed.
func stateOf(v experiment.Verdict) string {
	if v.Held {
		return Holds
	}
	c := v.Claim
	if c.IsLevel() {
		m, h := v.A.Mean, v.A.HalfWidth
		if v.Pairs < 2 || math.IsNaN(m) || math.IsNaN(h) {
			return Undecided
		}
		if (c.Expect == scenarios.ExpectAbove && m+h < c.Than) || (c.Expect == scenarios.ExpectBelow && m-h > c.Than) {
			return Fails
		}
		return Undecided
	}
	d, h := v.Change.Mean, v.Change.HalfWidth
	if v.Pairs < 2 || math.IsNaN(d) || math.IsNaN(h) {
		return Undecided
	}
	mainHeld := false
	switch c.Expect {
	case scenarios.ExpectRise:
		if d+h < c.By {
			return Fails
		}
		mainHeld = d-h > c.By
	case scenarios.ExpectFall:
		if d-h > -c.By {
			return Fails
		}
		mainHeld = d+h < -c.By
	case scenarios.ExpectSteady:
		if math.Abs(d)-h > c.By {
			return Fails
		}
		mainHeld = math.Abs(d)+h <= c.By
	}
	if !mainHeld || c.Counter == nil {
		return Undecided
	}
	// The change is there; the counter variant says whether the
	// mechanism made it.
	dc, hc, p, hp := v.Counter.Mean, v.Counter.HalfWidth, v.Part.Mean, v.Part.HalfWidth
	if math.IsNaN(dc) || math.IsNaN(hc) || math.IsNaN(p) || math.IsNaN(hp) {
		return Undecided
	}
	rise := c.Expect == scenarios.ExpectRise
	if (rise && dc-hc > c.CounterWithin) || (!rise && dc+hc < -c.CounterWithin) ||
		(rise && p+hp < 0) || (!rise && p-hp > 0) {
		return Fails
	}
	return Undecided
}

// plain says a claim on a share in so many in 10, "" for other figures.
func plain(v experiment.Verdict, cfg *models.Config) string {
	c := v.Claim
	if v.Unit != output.UnitShare || !proportion(c.Figure) {
		return ""
	}
	what := shareWords(c.Figure, cfg)
	if c.IsLevel() {
		return fmt.Sprintf("%s %s %s.", capital(inTen(v.A.Mean)), what, sideWords(c.A))
	}
	return fmt.Sprintf("%s %s %s, against %s %s.", capital(inTen(v.B.Mean)), what, sideWords(c.B), inTen(v.A.Mean), sideWords(c.A))
}

// proportion tells whether a figure is a share of customers or contacts,
// which "so many in 10" says; a mean score (satisfaction) or a share of
// time (occupancy) is not.
func proportion(figure string) bool {
	_, key, _ := strings.Cut(figure, ".")
	switch key {
	case "service_level", "service_level_answered", "p_abandon", "p_wait", "p_blocked", "resolution_rate", "resolved_share", "gave_up_share":
		return true
	}
	return false
}

// inTen writes a share as so many in 10, to the nearest: "4 in 10";
// "fewer than 1 in 20" and "more than 19 in 20" at the ends, so that a
// rare event is not rounded to none.
func inTen(x float64) string {
	switch {
	case math.IsNaN(x):
		return "– in 10"
	case x > 0 && x < 0.05:
		return "fewer than 1 in 20"
	case x > 0.95 && x < 1:
		return "more than 19 in 20"
	}
	return fmt.Sprintf("%d in 10", int(math.Round(10*x)))
}

// shareWords says what a share counts, for the figures a story's claims
// use; others by their label.
func shareWords(figure string, cfg *models.Config) string {
	chName, key, ok := strings.Cut(figure, ".")
	if !ok {
		return figure
	}
	noun := "contacts on " + chName
	for _, ch := range cfg.Channels {
		if ch.Name != chName {
			continue
		}
		if ch.Public {
			noun = "posts on " + chName
		}
		switch key {
		case "service_level":
			return noun + " answered within " + durationWords(ch.AnswerWithin)
		case "service_level_answered":
			return "answered " + noun + " answered within " + durationWords(ch.AnswerWithin)
		}
	}
	switch key {
	case "p_abandon":
		return noun + " abandoned"
	case "p_wait":
		return noun + " had to wait"
	case "resolution_rate":
		return "answered " + noun + " resolved"
	case "resolved_share":
		return "customers resolved"
	case "gave_up_share":
		return "customers gave up"
	case "occupancy":
		return "of " + chName + "'s agent time busy"
	}
	for _, f := range models.Figures {
		if f.Key == key {
			return noun + ": " + f.Label
		}
	}
	return figure
}

// sideWords names a side's days and variant for a sentence: "in week 4",
// "over the run with channels.chat.choice=false".
func sideWords(s scenarios.Side) string {
	text := "over the run"
	if s.Days != "" {
		text = "in " + s.Days
	}
	if len(s.Set) > 0 {
		text += " in the claim's variant"
	}
	return text
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// ClaimsOf returns the verdicts as an output folder keeps them
// (output.Claim): claims.csv, the A/B charts and the report's story.
// omnisim demo and the classroom's export both write them so.
func ClaimsOf(verdicts []experiment.Verdict) []output.Claim {
	out := make([]output.Claim, 0, len(verdicts))
	for _, v := range verdicts {
		c := v.Claim
		oc := output.Claim{Sentence: v.Sentence(), Words: v.InWords(), Held: v.Held, Why: v.Why, Figure: c.Figure,
			Unit: v.Unit, Relative: c.Relative, Expect: c.Expect, By: c.By, Than: c.Than, Change: v.Change, Pairs: v.Pairs,
			A: output.ClaimSide{Label: experiment.SideLabel(c.A), Mean: v.A.Mean, HalfWidth: v.A.HalfWidth,
				Patience: v.PatienceA, Coupling: math.NaN()}}
		if !math.IsNaN(v.PatienceA) {
			oc.A.Coupling = v.CouplingA
		}
		if c.IsLevel() {
			oc.By = math.NaN()
		} else {
			oc.Than = math.NaN()
			oc.B = output.ClaimSide{Label: experiment.SideLabel(c.B), Mean: v.B.Mean, HalfWidth: v.B.HalfWidth,
				Patience: v.PatienceB, Coupling: math.NaN()}
			if !math.IsNaN(v.PatienceB) {
				oc.B.Coupling = v.CouplingB
			}
		}
		out = append(out, oc)
	}
	return out
}

// durationWords says a threshold as a manager would: "an hour", "a day",
// "20 s", "5 min", "4 h".
func durationWords(sec float64) string {
	switch {
	case sec == 3600:
		return "an hour"
	case sec == 86400:
		return "a day"
	case sec < 120:
		return fmt.Sprintf("%g s", math.Round(sec))
	case sec < 7200:
		return fmt.Sprintf("%g min", math.Round(sec/60))
	case sec < 2*86400:
		return fmt.Sprintf("%g h", math.Round(sec/360)/10)
	}
	return fmt.Sprintf("%g days", math.Round(sec/8640)/10)
}
