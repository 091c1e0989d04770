package report

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/omnisim/omnisim/output"
)

// WriteSweep writes the sweep as report.html, the page a run has,
// made the same way (self-contained, no request of any kind, each chart an
// SVG in an <img>): the scenario and how the points ran; the headline
// findings, for each chosen figure the points where it is lowest and
// highest; the table of the chosen figures by point; the charts; and a
// table per channel, for the customers and per pool of every figure by
// point. The same sweep and charts always give the same bytes.
func WriteSweep(w io.Writer, r *output.SweepReport, charts []Chart) error {
	return writePage(w, newSweepReportPage(r, charts), "sweep report")
}

func newSweepReportPage(r *output.SweepReport, charts []Chart) *reportPage {
	p := &reportPage{CSP: reportCSP, Title: r.Title, Subtitle: "sweep of " + r.Name}
	if p.Title == "" {
		p.Title = r.Name
	}
	if r.File != "" && r.File != "builtin:"+r.Name {
		p.Subtitle += " · " + r.File
	}
	p.Paragraphs = reportParagraphs(r.Description)
	if pr := r.Provenance; pr != nil {
		p.Sets, p.Command = pr.Sets, pr.Command
		if len(pr.ScenarioFiles) > 0 {
			p.ScenarioFile = pr.ScenarioFiles[0]
		}
	}
	p.Facts = []reportFact{{"Settings swept", strings.Join(r.Params, ", ")}, {"Points", fmt.Sprint(len(r.Points))}}
	if len(r.Points) > 0 {
		p.Paragraphs = append(p.Paragraphs, strings.Split(r.Describe(), "\n")...)
		if reps, same := r.Replications(); same {
			p.Facts = append(p.Facts, reportFact{"Replications", fmt.Sprint(reps)})
		}
		p.Facts = append(p.Facts, reportFact{"Horizon", reportDuration(r.Points[0].Config.Horizon)})
		if seed, same := r.Seed(); same {
			p.Facts = append(p.Facts, reportFact{"Seed", fmt.Sprint(seed)})
		}
	}
	point := func(i int) string {
		parts := make([]string, len(r.Params))
		for k, name := range r.Params {
			parts[k] = name + "=" + r.Points[i].Values[k]
		}
		return strings.Join(parts, ", ")
	}

	v := &reportView{}
	p.Lead = []string{fmt.Sprintf("%d point%s, each figure the mean over its replications ± its 95 %% interval.", len(r.Points), output.Plural(len(r.Points)))}
	var lines []string
	for _, f := range r.Chosen {
		fig := r.Figures[f]
		lo, hi := -1, -1
		for i := range r.Points {
			m := r.Estimate(i, f).Mean
			if math.IsNaN(m) {
				continue
			}
			if lo < 0 || m < r.Estimate(lo, f).Mean {
				lo = i
			}
			if hi < 0 || m > r.Estimate(hi, f).Mean {
				hi = i
			}
		}
		switch {
		case lo < 0:
			lines = append(lines, fig.Label+": no data at any point.")
		case r.Estimate(lo, f).Mean == r.Estimate(hi, f).Mean:
			lines = append(lines, fmt.Sprintf("%s: %s at every point.", fig.Label, output.Value(r.Estimate(lo, f).Mean, fig.Unit)))
		default:
			lines = append(lines, fmt.Sprintf("%s: lowest %s at %s; highest %s at %s.", fig.Label,
				output.Estimate(r.Estimate(lo, f).Mean, r.Estimate(lo, f).HalfWidth, fig.Unit), point(lo),
				output.Estimate(r.Estimate(hi, f).Mean, r.Estimate(hi, f).HalfWidth, fig.Unit), point(hi)))
		}
	}
	p.Channels = []reportChannel{{ID: "chosen", Name: "The figures chosen", Class: "none", Badge: "lowest and highest", Sentences: lines}}
	p.Glance = sweepTable(r, r.Chosen)
	p.Charts = v.figures(charts)

	// Every figure, a table per channel, the customers, each pool and the
	// totals, in the order output.SweepFigures gives them.
	var group []int
	heading := ""
	flush := func() {
		if len(group) > 0 {
			p.Tables = append(p.Tables, reportSection{ID: v.id("table-", heading), Title: heading, Table: sweepTable(r, group)})
		}
		group = nil
	}
	for f, fig := range r.Figures {
		h := "totals"
		if i := strings.Index(fig.Key, "."); i >= 0 {
			h = fig.Key[:i]
			if h == "pools" {
				rest := fig.Key[i+1:]
				h = "pool " + rest[:strings.LastIndex(rest, ".")]
			}
		}
		if h != heading {
			flush()
			heading = h
		}
		group = append(group, f)
	}
	flush()

	p.setContents(reportLink{ID: "chosen", Text: "The figures chosen"})
	p.Footer = "Made by omnisim sweep from the scenario " + r.Name + "."
	return p
}

// sweepTable is a table of the given figures by point: the swept values,
// then each figure's mean ± the half-width of its 95 % interval.
func sweepTable(r *output.SweepReport, figures []int) *reportTable {
	t := &reportTable{Head: append([]string(nil), r.Params...)}
	for _, f := range figures {
		t.Head = append(t.Head, r.Figures[f].Label)
	}
	for i, pt := range r.Points {
		var row []reportCell
		for k, val := range pt.Values {
			row = append(row, reportCell{Text: val, Left: k > 0})
		}
		for _, f := range figures {
			e := r.Estimate(i, f)
			row = append(row, reportCell{Text: output.Estimate(e.Mean, e.HalfWidth, r.Figures[f].Unit)})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
