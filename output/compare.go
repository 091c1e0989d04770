package output

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/models"
)

// Variant is one side of a comparison: a scenario, the overrides applied
// to it, and its replications.
type Variant struct {
	// Report holds the scenario's identity, its Config and its
	// replications.
	Report *RunReport
	// Sets are the --set overrides that made this variant, in order.
	Sets []string
}

// CompareReport is what omnisim compare reports: variants A and B of a
// scenario run with the same seed, replication by replication, and the
// paired differences of their figures, with each pool's cost per day
// beside its cost; and how each stands against the targets its scenario
// sets.
type CompareReport struct {
	A, B       Variant
	Comparison models.Comparison
	// Targets are the targets of the channels both variants have.
	Targets []TargetComparison
	// Provenance records how the comparison was made, for its output
	// folder; nil records nothing.
	Provenance *Provenance
}

// NewCompareReport pairs the replications of a and b, and judges each
// against its targets.
func NewCompareReport(a, b Variant) *CompareReport {
	c := models.Compare(a.Report.Results, b.Report.Results)
	c.Rows = withCostPerDay(c.Rows, measuredDays(a.Report.Config), measuredDays(b.Report.Config))
	return &CompareReport{A: a, B: b, Comparison: c, Targets: compareTargets(a, b)}
}

// measuredDays is the length of cfg's measured window, [warm-up, horizon),
// in days.
func measuredDays(cfg *models.Config) float64 {
	return (cfg.Horizon - cfg.Warmup) / 86400
}

// withCostPerDay returns rows with a "cost per day" row after every pool's
// and all pools' cost: the cost divided by the days of the measured window.
// The days are the same in every replication, so that every mean,
// half-width and difference divides by them exactly; when A's and B's
// windows differ in length, a difference per day would mix two divisors,
// and no row is added.
func withCostPerDay(rows []models.Difference, daysA, daysB float64) []models.Difference {
	if daysA != daysB || !(daysA > 0) {
		return rows
	}
	out := make([]models.Difference, 0, len(rows))
	for _, d := range rows {
		out = append(out, d)
		if d.Key != "cost" || (d.Group != models.GroupPool && d.Group != models.GroupAllPools) {
			continue
		}
		p := d
		p.Key, p.Label = "cost_per_day", "cost per day"
		p.A = models.Estimate{Mean: d.A.Mean / daysA, HalfWidth: d.A.HalfWidth / daysA}
		p.B = models.Estimate{Mean: d.B.Mean / daysA, HalfWidth: d.B.HalfWidth / daysA}
		p.Diff, p.Half, p.IndependentHalf = d.Diff/daysA, d.Half/daysA, d.IndependentHalf/daysA
		out = append(out, p)
	}
	return out
}

// Describe names a variant: its scenario and its overrides.
func (v Variant) Describe() string {
	s := v.Report.Name
	if len(v.Sets) > 0 {
		s += " with " + strings.Join(v.Sets, ", ")
	}
	return s
}

// Shown tells whether a row says something in a table for people: not when
// neither variant has any of it (no blocked contacts on either side), nor
// when it is the same constant in every replication of both, unless it is
// a pool's hours or cost: what each variant's staffing takes is worth a
// row even when it is the same in both.
func Shown(d models.Difference) bool {
	none := func(e models.Estimate) bool { return e.Mean == 0 || math.IsNaN(e.Mean) }
	if d.Pairs == 0 || none(d.A) && none(d.B) {
		return false
	}
	if staffingRow(d) {
		return true
	}
	return !(d.Diff == 0 && d.Half == 0 && d.A.HalfWidth == 0 && d.B.HalfWidth == 0)
}

// staffingRow tells whether d is a pool's, or all pools', agent-hours or
// cost.
func staffingRow(d models.Difference) bool {
	if d.Group != models.GroupPool && d.Group != models.GroupAllPools {
		return false
	}
	switch d.Key {
	case "scheduled_hours", "cost", "cost_per_day":
		return true
	}
	return false
}

// RowShown tells whether row d goes into the comparison's text, report
// and charts: Shown, and the figures of a channel's mechanism (talk time
// and after-call work, callbacks) only where the channel has it in either
// variant (without after-call work, talk time is the AHT again).
func (r *CompareReport) RowShown(d models.Difference) bool {
	if !Shown(d) || d.Group != models.GroupChannel {
		return Shown(d)
	}
	has := func(f func(ch *models.Channel) bool) bool {
		for _, v := range []Variant{r.A, r.B} {
			for i := range v.Report.Config.Channels {
				if ch := &v.Report.Config.Channels[i]; ch.Name == d.Name && f(ch) {
					return true
				}
			}
		}
		return false
	}
	switch {
	case d.Key == "talk_seconds" || d.Key == "acw_seconds":
		return has((*models.Channel).HasWrap)
	case strings.HasPrefix(d.Key, "callback"):
		return has(func(ch *models.Channel) bool { return ch.Callback != nil })
	}
	return true
}

// ShownComparison returns the comparison with only the rows RowShown
// keeps, for its charts.
func (r *CompareReport) ShownComparison() models.Comparison {
	c := r.Comparison
	c.Rows = nil
	for _, d := range r.Comparison.Rows {
		if r.RowShown(d) {
			c.Rows = append(c.Rows, d)
		}
	}
	return c
}

// GroupShown tells whether a group of rows goes into the text: customers
// only where either variant's run report would show them; the pools
// always, as what each variant's staffing takes and costs is half of a
// comparison.
func (r *CompareReport) GroupShown(group string) bool {
	if group == models.GroupCustomers {
		return r.A.Report.ShowsCustomers() || r.B.Report.ShowsCustomers()
	}
	return true
}

// GroupHeading is the heading of a row's table.
func GroupHeading(d models.Difference) string {
	switch d.Group {
	case models.GroupChannel:
		return "channel " + d.Name
	case models.GroupPool:
		return "pool " + d.Name
	case models.GroupAllPools:
		return "all pools"
	}
	return d.Group
}

// Difference formats a difference with its confidence half-width, signed,
// shares in percentage points ("+3.70 pts ± 0.10"), marked " *" when
// significant.
func Difference(diff, half float64, unit string, significant bool) string {
	if math.IsNaN(diff) {
		return "–"
	}
	var s string
	switch unit {
	case UnitShare:
		s = strconv.FormatFloat(100*diff, 'f', 2, 64) + " pts"
		if !math.IsNaN(half) {
			s += " ± " + strconv.FormatFloat(100*half, 'f', 2, 64)
		}
	case UnitCount:
		s = Count(diff, 1)
		if !math.IsNaN(half) {
			s += " ± " + Count(half, 1)
		}
	default:
		s = Estimate(diff, half, unit)
		if unit == UnitSeconds && diff == 0 {
			s = "0 s"
			if !math.IsNaN(half) {
				s += " ± " + Count(half, 2)
			}
		}
	}
	if diff > 0 {
		s = "+" + s
	}
	if significant {
		s += " *"
	}
	return s
}

// CompareHead is the heading of a comparison's table of figures: with
// one replication, the difference has no interval.
func CompareHead(replications int) []string {
	diff := "B − A, 95 % CI"
	if replications < 2 {
		diff = "B − A"
	}
	return []string{"figure", "A", "B", diff, "independent runs", "common random numbers"}
}

// CompareCells are a figure's cells in that table.
func CompareCells(d models.Difference) []string {
	return []string{d.Label, Estimate(d.A.Mean, d.A.HalfWidth, d.Unit), Estimate(d.B.Mean, d.B.HalfWidth, d.Unit),
		Difference(d.Diff, d.Half, d.Unit, d.Significant()), independentCell(d), narrowerCell(d)}
}

// independentCell is the half-width independent runs would give, in the
// difference's units.
func independentCell(d models.Difference) string {
	h := d.IndependentHalf
	if math.IsNaN(h) {
		return "–"
	}
	switch d.Unit {
	case UnitShare:
		return "± " + strconv.FormatFloat(100*h, 'f', 2, 64)
	case UnitSeconds:
		scale, _ := SecondsScale(d.Diff)
		if d.Diff == 0 {
			scale = 1
		}
		return "± " + Count(h/scale, 2)
	case UnitHours, UnitCount:
		return "± " + Count(h, 1)
	case UnitMoney:
		return "± " + Count(h, 0)
	}
	return "± " + Count(h, 2)
}

// narrowerCell says how much the common random numbers narrowed the
// interval.
func narrowerCell(d models.Difference) string {
	switch {
	case d.Pairs < 2:
		return ""
	case d.Half == 0 && d.IndependentHalf == 0:
		return "no spread"
	case d.Half == 0:
		return "same in every pair"
	}
	return fmt.Sprintf("%.1f× narrower", d.Narrower())
}
