package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/omnisim/omnisim/models"
)

// WriteText writes the sweep as text: a header naming the scenario, the
// replications and the seed, then a table with a row per point, the
// swept values first, then each chosen figure as its mean with the
// half-width of its 95 % confidence interval.
func (r *SweepReport) WriteText(w io.Writer) error {
	var b strings.Builder
	head := r.Name
	if r.Title != "" {
		head += ": " + r.Title
	}
	fmt.Fprintln(&b, head)
	fmt.Fprintln(&b, r.describe())
	fmt.Fprintln(&b)
	header := append([]string(nil), r.Params...)
	for _, f := range r.Chosen {
		header = append(header, r.Figures[f].Label)
	}
	t := NewTable(header...)
	for i := 1; i < len(r.Params); i++ {
		t.AlignLeft(i)
	}
	for p, pt := range r.Points {
		row := append([]string(nil), pt.Values...)
		for _, f := range r.Chosen {
			e := r.est[p][f]
			row = append(row, Estimate(e.Mean, e.HalfWidth, r.Figures[f].Unit))
		}
		t.Row(row...)
	}
	t.WriteTo(&b)
	_, err := io.WriteString(w, b.String())
	return err
}

// describe says in a sentence what the points ran: how many, how many
// replications of what, from which seed, and what the figures are.
func (r *SweepReport) describe() string {
	first := r.Points[0]
	cfg := first.Config
	var b strings.Builder
	fmt.Fprintf(&b, "%d point%s", len(r.Points), plural(len(r.Points)))
	if reps, same := r.replications(); same {
		fmt.Fprintf(&b, " × %d replication%s", reps, plural(reps))
	} else {
		b.WriteString(" (replications differ by point)")
	}
	fmt.Fprintf(&b, " of %s", models.FormatDuration(cfg.Horizon))
	if cfg.Warmup > 0 {
		fmt.Fprintf(&b, " (the first %s left out as warm-up)", models.FormatDuration(cfg.Warmup))
	}
	if seed, same := r.seed(); same {
		fmt.Fprintf(&b, ", seed %d at every point (common random numbers)", seed)
	} else {
		b.WriteString(", seeds differ by point")
	}
	b.WriteString(".\nEach figure is the mean over the replications ± the half-width of its 95 % confidence interval.")
	return b.String()
}

// replications returns the first point's number of replications, and
// whether every point has that many.
func (r *SweepReport) replications() (int, bool) {
	n := len(r.Points[0].Results)
	for _, p := range r.Points {
		if len(p.Results) != n {
			return n, false
		}
	}
	return n, true
}

// seed returns the first point's seed, and whether every point has it.
func (r *SweepReport) seed() (uint64, bool) {
	s := r.Points[0].Config.Seed
	for _, p := range r.Points {
		if p.Config.Seed != s {
			return s, false
		}
	}
	return s, true
}
