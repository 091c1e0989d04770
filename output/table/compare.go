package table

import (
	"fmt"
	"io"
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// compare is a CompareReport as its text, JSON and compare.csv show it.
type compare struct{ *output.CompareReport }

// WriteCompare writes the comparison for people: what was compared; the
// targets each variant's scenario sets, each judged met, missed or
// undecided for A and for B, and the staffing each takes, in words; then a
// table per channel, for the customers where they say something, per pool
// and for all pools, and for the expectation level under word of mouth,
// each figure with A's and B's means, the difference B − A with its 95 %
// interval from the paired replications, the interval independent runs
// would give, and how much narrower the paired one is. A difference whose
// interval excludes zero is marked *.
func WriteCompare(w io.Writer, report *output.CompareReport) error {
	r := compare{report}
	var b strings.Builder
	c := r.Comparison
	cfg := r.A.Report.Config
	fmt.Fprintf(&b, "A: %s (%s)\nB: %s (%s)\n", r.A.Describe(), r.A.Report.File, r.B.Describe(), r.B.Report.File)
	fmt.Fprintf(&b, "%d paired replication%s of %s", c.Replications, output.Plural(c.Replications), models.FormatDuration(cfg.Horizon))
	if cfg.Warmup > 0 {
		fmt.Fprintf(&b, " (the first %s left out)", models.FormatDuration(cfg.Warmup))
	}
	fmt.Fprintf(&b, ", seed %d, common random numbers\n", cfg.Seed)
	if hb := r.B.Report.Config; hb.Horizon != cfg.Horizon || hb.Warmup != cfg.Warmup {
		fmt.Fprintf(&b, "(B runs %s, the first %s left out)\n", models.FormatDuration(hb.Horizon), models.FormatDuration(hb.Warmup))
	}
	r.writeTargets(&b)
	var t *output.Table
	flush := func() {
		if t != nil && t.Rows() > 0 {
			t.WriteTo(&b)
		}
		t = nil
	}
	heading := ""
	for _, d := range c.Rows {
		if !r.GroupShown(d.Group) || !r.RowShown(d) {
			continue
		}
		if h := output.GroupHeading(d); h != heading {
			flush()
			heading = h
			fmt.Fprintf(&b, "\n%s\n\n", h)
			t = output.NewTable(output.CompareHead(c.Replications)...)
		}
		t.Row(output.CompareCells(d)...)
	}
	flush()
	if heading == "" {
		b.WriteString("\nNo figure says anything in either variant.\n")
	}
	if len(c.OnlyA) > 0 {
		fmt.Fprintf(&b, "\nOnly in A, not compared: %s.\n", strings.Join(c.OnlyA, ", "))
	}
	if len(c.OnlyB) > 0 {
		fmt.Fprintf(&b, "\nOnly in B, not compared: %s.\n", strings.Join(c.OnlyB, ", "))
	}
	if c.Replications < 2 {
		b.WriteString("\nOne replication gives a difference but no interval: run more (--reps) to tell a change from chance.\n")
	}
	if len(r.Targets) > 0 {
		b.WriteString("\n" + output.TargetsNote + "\n")
	}
	b.WriteString("\n* the 95 % interval of B − A excludes zero: the variants differ. Intervals come from the\n" +
		"  differences of paired replications, which saw the same customers (common random numbers);\n" +
		"  \"independent runs\" is the interval as many independent replications of each would give\n" +
		"  (Welch, from each variant's own spread).\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeTargets writes the targets section of the text: a table of the
// targets with each variant's verdicts, what they say in words, and the
// staffing each variant takes.
func (r compare) writeTargets(b *strings.Builder) {
	if len(r.Targets) > 0 {
		b.WriteString("\nTargets, each variant against its own; periods met / undecided / missed\n\n")
		t := output.NewTable(output.TargetsHead...).AlignLeft(1, 3, 6)
		for _, row := range r.TargetRows() {
			t.Row(row...)
		}
		t.WriteTo(b)
		b.WriteByte('\n')
	}
	lines := r.TargetFindings()
	if len(r.Targets) > 0 && len(lines) == 0 {
		lines = append(lines, noTargets)
	}
	lines = append(lines, r.StaffingFindings()...)
	for _, s := range lines {
		b.WriteString(s + "\n")
	}
}

// noTargets says that no channel has a target in either variant.
const noTargets = "Neither variant sets a target on any channel, so none is judged: a channel's service_level.target, " +
	"max_abandon and max_occupancy set them."
