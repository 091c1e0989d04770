package chart

import (
	"bytes"
	"testing"

	"github.com/omnisim/omnisim/output/internal/fixture"
)

// TestRunChartAsRun: RunChart(ds, i), the chart made alone, draws the same
// SVG bytes as Run(ds)[i] for every chart of a story's run, the run's own
// charts and its claims' after them.
func TestRunChartAsRun(t *testing.T) {
	ds := fixture.StoryDataset(t)
	all := Run(ds)
	if len(all) <= len(runKinds) {
		t.Fatalf("%d charts: the story's run has no claim charts to check", len(all))
	}
	for i, want := range all {
		got := RunChart(ds, i)
		if got.Name != want.Name {
			t.Fatalf("chart %d: %s, want %s", i, got.Name, want.Name)
		}
		var a, b bytes.Buffer
		if err := want.Render(&a, "svg", DefaultWidth, DefaultHeight); err != nil {
			t.Fatal(err)
		}
		if err := got.Render(&b, "svg", DefaultWidth, DefaultHeight); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("chart %d (%s): made alone, its SVG differs from Run's", i, want.Name)
		}
	}
}
