package chart

import (
	"math"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// TestClaimCharts: a story's claims that set two sides against each other
// get an A/B chart each, named after the claim's number (the claim on a
// level, with one side, gets none, and a run's Dataset no chart at all);
// each draws, says its verdict, names both sides, and its axes hold each
// side's 95 % interval and, below, the change's interval and the size
// claimed, in the claim's units: a share's sides in %, its change in
// percentage points, a relative change in %.
//
// Seen to catch: a chart for the one-sided claim, charts numbered by
// position among the charts rather than by claim, a share drawn as a
// fraction, the claimed size left off the change's axis.
func TestClaimCharts(t *testing.T) {
	ds := fixture.StoryDataset(t)
	claims := output.Claims(ds.Claims)
	charts := Claims(ds)
	var names []string
	for _, c := range charts {
		names = append(names, c.Name)
	}
	if strings.Join(names, " ") != "claim-1 claim-2 claim-3" {
		t.Fatalf("charts %v, want claim-1 to claim-3 (claim 4 is on a level: one side)", names)
	}
	if run := Run(ds); len(run) != len(chartNames)+3 || run[len(chartNames)].Name != "claim-1" {
		t.Errorf("Run has %d charts, want the run's %d and then the 3 claims'", len(run), len(chartNames))
	}
	if n := len(Claims(goldenDataset())); n != 0 {
		t.Errorf("a run without claims has %d claim charts", n)
	}
	for i, c := range charts {
		cl := claims[i]
		verdict := "(held)"
		if !cl.Held {
			verdict = "(not borne out)"
		}
		if !strings.Contains(c.Title, verdict) || !strings.Contains(c.Note, cl.A.Label) || !strings.Contains(c.Note, cl.B.Label) {
			t.Errorf("%s: title %q, note %q: want the verdict %s and both sides named", c.Name, c.Title, c.Note, verdict)
		}
		fixture.CheckPNG(t, c.Name+".png", render(t, c, "png", 1200, 600), 1200, 600)
		fixture.CheckSVG(t, c.Name+".svg", render(t, c, "svg", 1200, 600), 1200, 600)
	}

	fig := func(i int) *figure {
		f, err := charts[i].build(frame{width: 800, height: 400, columns: 1200})
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	covers := func(name string, lo, hi float64, vs ...float64) {
		for _, v := range vs {
			if !(lo <= v && v <= hi) {
				t.Errorf("%s: the axis from %v to %v leaves out %v", name, lo, hi, v)
			}
		}
	}
	// Claim 1: a share, 91 % ± 2 against 70.5 % ± 4; a fall of 20.5 ±
	// 4.1 points, claimed beyond 10.
	f := fig(0)
	sides, change := f.panels[0], f.panels[1]
	covers("claim 1's sides", sides.X.Min, sides.X.Max, 0, 89, 93, 66.5, 74.5)
	if sides.X.Max > 100 || !strings.HasSuffix(sides.X.Label.Text, "%") {
		t.Errorf("claim 1's sides: axis to %v labelled %q: want percentages", sides.X.Max, sides.X.Label.Text)
	}
	covers("claim 1's change", change.X.Min, change.X.Max, -24.6, -16.4, -10, 0)
	if !strings.HasSuffix(change.X.Label.Text, "percentage points") {
		t.Errorf("claim 1's change labelled %q, want percentage points", change.X.Label.Text)
	}
	// Claim 2: a count, 120 ± 8 against 150 ± 9; relative, +25 ± 30 %,
	// claimed beyond +10 %.
	f = fig(1)
	covers("claim 2's sides", f.panels[0].X.Min, f.panels[0].X.Max, 0, 112, 128, 141, 159)
	covers("claim 2's change", f.panels[1].X.Min, f.panels[1].X.Max, -5, 55, 10)
	if !strings.HasSuffix(f.panels[1].X.Label.Text, "%") || math.Abs(f.panels[1].X.Max) > 100 {
		t.Errorf("claim 2's relative change: axis %q to %v, want per cent", f.panels[1].X.Label.Text, f.panels[1].X.Max)
	}
}
