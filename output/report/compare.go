package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/plan"
)

// WriteCompare writes the comparison as report.html, the page a run
// has, made the same way (self-contained, no request of any kind, each
// chart an SVG in an <img>): what A and B are and how they were run; the
// headline findings: how A and B stand against each target their
// scenarios set (met, missed or undecided, over the window and period by
// period, in a table and in words), the staffing and cost of each, how
// many figures differ and, for each channel, the customers, each pool, all
// pools and the expectation level, the figures whose 95 % interval of
// B − A excludes zero; the charts; and every figure's table, as the text
// output has it. The same comparison and charts always give the
// same bytes.
func WriteCompare(w io.Writer, r *output.CompareReport, charts []Chart) error {
	return writePage(w, newCompareReportPage(r, charts), "compare report")
}

// newCompareReportPage lays out the comparison's page.
func newCompareReportPage(r *output.CompareReport, charts []Chart) *reportPage {
	c := r.Comparison
	cfg := r.A.Report.Config
	p := &reportPage{CSP: reportCSP, Title: "A against B", Subtitle: "comparison"}
	p.Paragraphs = []string{
		"A is " + r.A.Describe() + " (" + r.A.Report.File + ").",
		"B is " + r.B.Describe() + " (" + r.B.Report.File + ").",
		"Both ran the same customers (common random numbers): the difference of each pair of replications is measured, " +
			"and its 95 % interval is narrower than independent runs would give. A figure differs when that interval excludes zero.",
	}
	if pr := r.Provenance; pr != nil {
		p.Command = pr.Command
		if len(pr.ScenarioFiles) == 2 {
			p.Paragraphs = append(p.Paragraphs, "The scenarios as run, every override applied, are "+pr.ScenarioFiles[0]+" (A) and "+pr.ScenarioFiles[1]+" (B) in this folder.")
		}
	}
	p.Facts = []reportFact{
		{"Paired replications", fmt.Sprint(c.Replications)},
		{"Horizon", reportDuration(cfg.Horizon)},
		{"Seed", fmt.Sprint(cfg.Seed)},
	}
	if cfg.Warmup > 0 {
		p.Facts = append(p.Facts, reportFact{"Warm-up left out", reportDuration(cfg.Warmup)})
	}
	if hb := r.B.Report.Config; hb.Horizon != cfg.Horizon || hb.Warmup != cfg.Warmup {
		p.Facts = append(p.Facts, reportFact{"B's horizon", reportDuration(hb.Horizon)})
	}

	v := &reportView{}
	total, differ := 0, 0
	for _, g := range compareGroups(r) {
		card, t, n := compareCard(r, v, g)
		total += len(g.rows)
		differ += n
		p.Channels = append(p.Channels, card)
		p.Tables = append(p.Tables, reportSection{ID: v.id("table-", g.heading), Title: g.heading, Table: t})
	}
	switch {
	case total == 0:
		p.Lead = []string{"No figure says anything in either variant."}
	case c.Replications < 2:
		p.Lead = []string{"One paired replication gives differences but no intervals: run more (--reps) to tell a change from chance."}
	default:
		p.Lead = []string{fmt.Sprintf("%d of the %d figures compared differ: their 95 %% interval of B − A excludes zero.", differ, total)}
	}
	p.Lead = append(append(r.VerdictChanges(), r.StaffingFindings()...), p.Lead...)
	if len(r.Targets) > 0 {
		p.Glance = compareTargets(r)
		p.Notes = append(p.Notes, strings.ReplaceAll(output.TargetsNote, "\n", " ")+" Periods: met / undecided / missed.")
	}
	if len(c.OnlyA) > 0 {
		p.Notes = append(p.Notes, "Only in A, not compared: "+strings.Join(c.OnlyA, ", ")+".")
	}
	if len(c.OnlyB) > 0 {
		p.Notes = append(p.Notes, "Only in B, not compared: "+strings.Join(c.OnlyB, ", ")+".")
	}
	p.Notes = append(p.Notes, "“Independent runs” is the interval as many independent replications of each would give "+
		"(Welch, from each variant's own spread); the last column says how much narrower pairing made it.")
	p.Charts = v.figures(charts)

	var findings []reportLink
	for _, card := range p.Channels {
		findings = append(findings, reportLink{ID: card.ID, Text: card.Name})
	}
	p.setContents(findings...)
	p.Footer = fmt.Sprintf("Made by omnisim compare, seed %d.", cfg.Seed)
	return p
}

// compareGroup is the rows of the comparison shown under one heading: a
// channel, a pool, all pools, the customers...
type compareGroup struct {
	heading string
	rows    []models.Difference
}

// compareGroups gathers the rows shown, in order, under their headings.
func compareGroups(r *output.CompareReport) []*compareGroup {
	var groups []*compareGroup
	for _, d := range r.Comparison.Rows {
		if !r.GroupShown(d.Group) || !r.RowShown(d) {
			continue
		}
		h := output.GroupHeading(d)
		if len(groups) == 0 || groups[len(groups)-1].heading != h {
			groups = append(groups, &compareGroup{heading: h})
		}
		g := groups[len(groups)-1]
		g.rows = append(g.rows, d)
	}
	return groups
}

// compareCard is a group's card (its findings in words: targets, and the
// figures that differ) and table, with the number of figures that differ.
func compareCard(r *output.CompareReport, v *reportView, g *compareGroup) (reportChannel, *reportTable, int) {
	reps := r.Comparison.Replications
	card := reportChannel{ID: v.id("", g.heading), Name: g.heading, Class: "none"}
	var said []string
	if g.rows[0].Group == models.GroupChannel {
		said = r.ChannelTargetFindings(g.rows[0].Name)
	}
	t := &reportTable{Head: output.CompareHead(reps)}
	n := 0
	for _, d := range g.rows {
		var row []reportCell
		for j, text := range output.CompareCells(d) {
			row = append(row, reportCell{Text: text, Left: j == 0})
		}
		t.Rows = append(t.Rows, row)
		if d.Significant() {
			n++
			card.Sentences = append(card.Sentences, fmt.Sprintf("%s: %s → %s (%s).", d.Label, output.Value(d.A.Mean, d.Unit), output.Value(d.B.Mean, d.Unit),
				output.Difference(d.Diff, d.Half, d.Unit, false)))
		}
	}
	switch {
	case reps < 2:
		card.Badge = "one replication"
		card.Sentences = []string{"One replication gives differences but no intervals."}
	case n == 0:
		card.Badge = "no clear difference"
		card.Sentences = []string{"No figure's 95 % interval of B − A excludes zero."}
	default:
		card.Badge = fmt.Sprintf("%d differ", n) // neutral: a difference may be for the better
	}
	card.Sentences = append(said, card.Sentences...)
	return card, t, n
}

// compareTargets is the table of how A and B stand against each target.
func compareTargets(r *output.CompareReport) *reportTable {
	t := &reportTable{Head: output.TargetsHead}
	for _, row := range r.TargetRows() {
		var cells []reportCell
		for j, text := range row {
			cell := reportCell{Text: text, Left: j < 2}
			if j == 3 || j == 6 {
				cell.Left, cell.Mark = true, verdictMark(text)
			}
			cells = append(cells, cell)
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// verdictMark is the colour of a verdict's cell: met and missed only.
func verdictMark(text string) string {
	switch plan.Verdict(text) {
	case plan.VerdictMet:
		return "met"
	case plan.VerdictMissed:
		return "missed"
	}
	return ""
}
