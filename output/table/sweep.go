package table

import (
	"fmt"
	"io"
	"strings"

	"github.com/omnisim/omnisim/output"
)

// sweep is a SweepReport as its text, JSON and sweep.csv show it.
type sweep struct{ *output.SweepReport }

// WriteSweep writes the sweep as text: a header naming the scenario, the
// replications and the seed, then a table with a row per point, the
// swept values first, then each chosen figure as its mean with the
// half-width of its 95 % confidence interval.
func WriteSweep(w io.Writer, report *output.SweepReport) error {
	r := sweep{report}
	var b strings.Builder
	head := r.Name
	if r.Title != "" {
		head += ": " + r.Title
	}
	fmt.Fprintln(&b, head)
	fmt.Fprintln(&b, r.Describe())
	fmt.Fprintln(&b)
	header := append([]string(nil), r.Params...)
	for _, f := range r.Chosen {
		header = append(header, r.Figures[f].Label)
	}
	t := output.NewTable(header...)
	for i := 1; i < len(r.Params); i++ {
		t.AlignLeft(i)
	}
	for p, pt := range r.Points {
		row := append([]string(nil), pt.Values...)
		for _, f := range r.Chosen {
			e := r.Estimate(p, f)
			row = append(row, output.Estimate(e.Mean, e.HalfWidth, r.Figures[f].Unit))
		}
		t.Row(row...)
	}
	t.WriteTo(&b)
	_, err := io.WriteString(w, b.String())
	return err
}
