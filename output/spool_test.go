package output_test

import (
	"io"
	"testing"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// TestTextDatasetKeepsWhatIsRead: writing a run's folder from its
// TextDataset (the tables, summary.json, every chart, report.html) reads
// every column it reads of the spooled per-interval tables from memory,
// none back from their files, which would be correct but slow: the
// columns kept (intervalsNumbers and its kin) are all the charts and the
// report read. The scenarios cover a single queue, several channels and
// pools, deferred and self-service channels, word of mouth
// (expectation.csv), a staffing plan by interval, and a long run whose
// ratios are drawn day by day.
// Seen to catch: leaving service_level out of the columns kept.
func TestTextDatasetKeepsWhatIsRead(t *testing.T) {
	for _, c := range []struct {
		name string
		reps int
		sets []string
	}{
		{"textbook", 2, []string{"horizon=2d"}},
		{"word-of-mouth", 2, []string{"horizon=2d"}},
		{"phone-day", 3, nil},
		{"baseline", 1, []string{"horizon=9d"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := fixture.ScenarioReport(t, c.name, c.reps, c.sets...)
			before := output.SpoolReads()
			ds := r.TextDataset("test")
			for _, f := range folder.RunFiles(ds, folder.RunSummary(r, "test"), folder.VisualFiles(ds)...) {
				if err := f.Write(io.Discard); err != nil {
					t.Fatalf("%s: %v", f.Name, err)
				}
			}
			if n := output.SpoolReads() - before; n != 0 {
				t.Errorf("%d columns read back from the tables' files, want none", n)
			}
		})
	}
}
