package folder

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// TestTextDatasetWritesTheSameFolder: a run's folder drawn from its
// TextDataset (the per-interval tables held as CSV text, as omnisim run
// writes it) holds the same bytes, file by file, as the one drawn from its
// Dataset (every table as cells): the tables, summary.json, every chart
// in both formats and report.html; and so does the folder Write writes
// from RunDataset's tables and summary, made at once, drawing its charts
// ahead on every core. The scenarios cover a single queue,
// several channels and pools with word of mouth (expectation.csv), and
// a staffing plan by interval.
func TestTextDatasetWritesTheSameFolder(t *testing.T) {
	for _, c := range []struct {
		name string
		reps int
		sets []string
	}{
		{"textbook", 2, []string{"horizon=2d"}},
		{"word-of-mouth", 2, []string{"horizon=2d"}},
		{"phone-day", 3, nil},
		{"baseline", 1, []string{"horizon=3d"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := fixture.ScenarioReport(t, c.name, c.reps, c.sets...)
			write := func(ds *output.Dataset) map[string][]byte {
				out := map[string][]byte{}
				for _, f := range RunFiles(ds, RunSummary(r, "test"), VisualFiles(ds)...) {
					var b bytes.Buffer
					if err := f.Write(&b); err != nil {
						t.Fatalf("%s: %v", f.Name, err)
					}
					out[f.Name] = b.Bytes()
				}
				return out
			}
			cells, text := write(r.Dataset("test")), write(r.TextDataset("test"))
			// And as omnisim run writes it: the tables and the summary
			// made at once (RunDataset), through Write, which draws the
			// charts ahead on every core.
			ds, summary := RunDataset(r, "test")
			dir := filepath.Join(t.TempDir(), "out")
			if err := Write(dir, RunFiles(ds, summary, VisualFiles(ds)...), false); err != nil {
				t.Fatal(err)
			}
			for name, want := range cells {
				got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs when written by Write", name)
				}
			}
			if len(cells) != len(text) {
				t.Fatalf("%d files from the text tables, %d from the cells", len(text), len(cells))
			}
			for name, want := range cells {
				if !bytes.Equal(text[name], want) {
					t.Errorf("%s differs when drawn from the text tables", name)
				}
			}
		})
	}
}
