package chart

import (
	"runtime"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// TestChartsPastManyChannels: with more channels and pools than a chart
// draws one by one, every chart draws the heaviest and says how many it
// leaves out; the images stay small and whole.
func TestChartsPastManyChannels(t *testing.T) {
	const nch, npool = 100, 40
	ds := fixture.ManyDataset(nch, npool, 6)
	want := map[string]string{
		"queue":         "With 100 channels, the chart draws the 24 with the most contacts offered and leaves out the other 76",
		"service-level": "With 100 channels, the chart draws the 24 with the most contacts offered and leaves out the other 76",
		"abandonment":   "With 100 channels, the chart draws the 24 with the most contacts offered and leaves out the other 76",
		"reputation":    "With 100 channels, the chart draws the 24 with the most contacts offered and leaves out the other 76",
		"occupancy":     "With 40 pools, the chart draws the 24 with the most agents scheduled and leaves out the other 16",
		"staffing":      "With 40 pools, the chart draws the 24 with the most agents scheduled and leaves out the other 16",
		"cost":          "With 40 pools, the 23 that cost the most have a bar each and the other 17 are stacked as one.",
		"flows":         `With 100 channels, only the 15 with the most moves in and out have a row and a column of their own; the other 85 are added up as "85 others"`,
	}
	for _, c := range checkCharts(t, ds, DefaultWidth, DefaultHeight) {
		if w, ok := want[c.Name]; ok && !strings.Contains(c.Note, w) {
			t.Errorf("%s: note %q\nwant it to say %q", c.Name, c.Note, w)
		}
		svg := string(render(t, c, "svg", DefaultWidth, DefaultHeight))
		if len(svg) > 1<<20 {
			t.Errorf("%s: %d bytes of SVG, want under 1 MB", c.Name, len(svg))
		}
		switch c.Name {
		case "service-level", "flows":
			// The heaviest channel is drawn, the lightest left out.
			if !strings.Contains(svg, ">c99") || strings.Contains(svg, ">c0<") || strings.Contains(svg, ">c0 (") {
				t.Errorf("%s: want c99 drawn and c0 left out", c.Name)
			}
		case "cost":
			if !strings.Contains(svg, ">17 other pools<") || !strings.Contains(svg, ">p39<") || strings.Contains(svg, ">p0<") {
				t.Errorf("cost: want p39 and 17 other pools in the legend, not p0")
			}
		}
	}
}

// TestFlowsChartMemoryIsBoundedInChannels: drawing the heat map of 500
// channels allocates no more than that of 16; before the heat map was
// capped it drew every one of the 250,000 cells with its number, and 2,000
// channels took 4.6 GB.
func TestFlowsChartMemoryIsBoundedInChannels(t *testing.T) {
	alloc := func(nch int) uint64 {
		ds := fixture.ManyDataset(nch, 0, 1)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for _, c := range Run(ds) {
			if c.Name == "flows" {
				render(t, c, "svg", DefaultWidth, DefaultHeight)
			}
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	few, many := alloc(output.MaxFlowChannels), alloc(500)
	t.Logf("charts of %d channels allocate %d kB, of 500 %d kB", output.MaxFlowChannels, few>>10, many>>10)
	// Reading 250,000 flow rows costs a little on its own (the moves kept
	// as numbers): allow 200 bytes a row, not a cell of text per pair
	// (before the cap, 9.3 GB in all).
	if limit := few + 250_000*200; many > limit {
		t.Errorf("charts of 500 channels allocate %d kB, want under %d kB", many>>10, limit>>10)
	}
}
