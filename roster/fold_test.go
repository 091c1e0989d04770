package roster

import (
	"math"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// TestFoldedWeeks rosters three weeks of hourly needs that differ week
// by week by the day rules: the roster found on the week folded (each
// hour needing the most its weeks need) must cover every hour of the
// three weeks, cost three times the folded week's, and match the optimum
// of the unfolded program (504 rows) solved directly, with its bound.
func TestFoldedWeeks(t *testing.T) {
	rules := dayRules()
	need := make([]int, 3*7*24)
	for w := range 3 {
		for d := range 7 {
			day := (w*7 + d) * 24
			copy(need[day+6:], []int{2 + w, 3, 5 - w, 4, 4 + (d+w)%3, 3, 2, 1})
		}
	}
	req := Requirement{Pool: "agents", Interval: 3600, Start: models.Wednesday, Need: need}
	folded, weeks := req.fold()
	if weeks != 3 || len(folded.Need) != 7*24 {
		t.Fatalf("folded into %d intervals of %d weeks, want 168 of 3", len(folded.Need), weeks)
	}
	for i, n := range folded.Need {
		if want := max(need[i], need[i+168], need[i+336]); n != want {
			t.Errorf("folded hour %d needs %d, want the weeks' most, %d", i, n, want)
		}
	}
	rs, err := Make(rules, []Requirement{req}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := rs[0]
	if len(r.Coverage) != len(need) {
		t.Fatalf("coverage of %d hours, want %d", len(r.Coverage), len(need))
	}
	for i, c := range r.Coverage {
		if c < need[i] {
			t.Errorf("hour %d: %d agents for %d needed", i, c, need[i])
		}
	}
	one, err := Make(rules, []Requirement{*folded}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(r.Cost-3*one[0].Cost) > 1e-9 || math.Abs(r.Bound-3*one[0].Bound) > 1e-6 {
		t.Errorf("three weeks cost %g, bound %g; the folded week %g and %g, times 3", r.Cost, r.Bound, one[0].Cost, one[0].Bound)
	}
	types, err := ShiftTypes(&rules.Pools[0], 3600)
	if err != nil {
		t.Fatal(err)
	}
	sol, err := newModel(&rules.Pools[0], types, &req, rules.Objective).solve(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !sol.proven || !r.Proven || math.Abs(sol.eval.cost-r.Cost) > 1e-9 || math.Abs(sol.bound-r.Bound) > 1e-6*r.Bound {
		t.Errorf("unfolded: cost %g, bound %g (proven %v); folded: %g, %g (proven %v)", sol.eval.cost, sol.bound, sol.proven, r.Cost, r.Bound, r.Proven)
	}
	// Not whole weeks, or one: not folded.
	for _, n := range []int{7 * 24, 10 * 24} {
		short := Requirement{Pool: "agents", Interval: 3600, Need: need[:n]}
		if f, w := short.fold(); f != &short || w != 1 {
			t.Errorf("%d hours folded into %d weeks", n, w)
		}
	}
}
