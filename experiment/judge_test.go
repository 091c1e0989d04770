package experiment

import (
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

// TestClaims runs every built-in scenario as omnisim demo does, with its
// own seed and replications, and checks that every claim its story makes
// holds: the 95 % confidence interval of the paired change lies beyond the
// size claimed, in the direction claimed, and where the claim names a
// counter (the mechanism turned off), the change is gone without the
// mechanism and the mechanism's part of it is established. The reference
// is the scenario itself: a change to the model that breaks a story fails
// here, naming the claim and its numbers.
func TestClaims(t *testing.T) {
	if testing.Short() {
		t.Skip("the stories: every built-in scenario and its variants")
	}
	for _, b := range scenarios.Builtins() {
		t.Run(b.Name, func(t *testing.T) {
			t.Parallel()
			s, err := scenarios.Builtin(b.Name, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Claims) == 0 {
				t.Skip("no claims")
			}
			run := func(v *scenarios.Scenario) ([]*models.Result, error) {
				return Run{Config: &v.Config, Reps: Span(0, s.Replications)}.Results()
			}
			base, err := run(s)
			if err != nil {
				t.Fatal(err)
			}
			verdicts, err := Judge(s, base, run)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range verdicts {
				if v.Held {
					t.Logf("✓ %s", v.Sentence())
				} else {
					t.Errorf("%s: the claim does not hold: %s\n%s", v.Claim.At, v.Why, v.Sentence())
				}
			}
		})
	}
}
