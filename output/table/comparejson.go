package table

import (
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/plan"
)

// CompareJSON returns the comparison as a JSON object: "a" and "b" (each the
// scenario, title, file and sets), "seed", "replications", "horizon_seconds",
// "warmup_seconds", "level"; "targets" (by channel, then by the key of
// the figure a target is on: service_level, p_abandon, occupancy), each
// with "a" and "b": the variant's target, its figure, "verdict" (met,
// missed, undecided or no data) and its periods by verdict, or null when
// the variant's scenario sets no such target; "findings", the targets and
// staffing in words; then "channels" (by name), "customers", "pools" (by
// name, each with "cost_per_day" after "cost"), "all_pools" (when either
// variant has several) and "expectation", each figure under its key with
// "a", "a_ci95", "b", "b_ci95", "difference" (the mean of B − A over the
// paired replications), "ci95" (its half-width), "independent_ci95",
// "narrower" (their ratio), "significant" and "pairs"; and "only_a",
// "only_b": what one variant has and the other lacks. Undefined values are
// null.
func CompareJSON(report *output.CompareReport) *output.Object {
	r := compare{report}
	c := r.Comparison
	cfg := r.A.Report.Config
	side := func(v output.Variant) *output.Object {
		o := &output.Object{}
		sets := v.Sets
		if sets == nil {
			sets = []string{}
		}
		return o.Set("scenario", v.Report.Name).Set("title", v.Report.Title).Set("file", v.Report.File).Set("sets", sets)
	}
	o := &output.Object{}
	o.Set("a", side(r.A)).Set("b", side(r.B)).Set("seed", cfg.Seed).Set("replications", c.Replications).
		Set("horizon_seconds", cfg.Horizon).Set("warmup_seconds", cfg.Warmup).Set("level", c.Level)
	findings := append(r.TargetFindings(), r.StaffingFindings()...)
	if findings == nil {
		findings = []string{}
	}
	o.Set("targets", r.targetsJSON()).Set("findings", findings)
	channels, pools, allPools := &output.Object{}, &output.Object{}, &output.Object{}
	customers, expectation := &output.Object{}, &output.Object{}
	var last *output.Object
	lastName := ""
	for _, d := range c.Rows {
		var parent *output.Object
		switch d.Group {
		case models.GroupChannel:
			parent = channels
		case models.GroupPool:
			parent = pools
		case models.GroupCustomers:
			customers.Set(d.Key, differenceJSON(d))
			continue
		case models.GroupAllPools:
			allPools.Set(d.Key, differenceJSON(d))
			continue
		default:
			expectation.Set(d.Key, differenceJSON(d))
			continue
		}
		if last == nil || lastName != d.Group+"/"+d.Name {
			last, lastName = &output.Object{}, d.Group+"/"+d.Name
			parent.Set(d.Name, last)
		}
		last.Set(d.Key, differenceJSON(d))
	}
	o.Set("channels", channels).Set("customers", customers).Set("pools", pools)
	if allPools.Len() > 0 {
		o.Set("all_pools", allPools)
	}
	if expectation.Len() > 0 {
		o.Set("expectation", expectation)
	}
	only := func(s []string) []string {
		if s == nil {
			return []string{}
		}
		return s
	}
	return o.Set("only_a", only(c.OnlyA)).Set("only_b", only(c.OnlyB))
}

func differenceJSON(d models.Difference) *output.Object {
	o := &output.Object{}
	return o.Set("a", d.A.Mean).Set("a_ci95", d.A.HalfWidth).Set("b", d.B.Mean).Set("b_ci95", d.B.HalfWidth).
		Set("difference", d.Diff).Set("ci95", d.Half).Set("independent_ci95", d.IndependentHalf).
		Set("narrower", d.Narrower()).Set("significant", d.Significant()).Set("pairs", d.Pairs)
}

// targetsJSON returns the targets as JSON: by channel, then by the key of
// the figure each target is on (service_level, p_abandon, occupancy), "a"
// and "b", each null where that variant sets no such target.
func (r compare) targetsJSON() *output.Object {
	o := &output.Object{}
	for i := 0; i < len(r.Targets); {
		name := r.Targets[i].Channel
		ch := &output.Object{}
		for _, k := range output.TargetKinds {
			var a, b any
			for _, t := range r.Targets[i:] {
				if t.Channel == name && t.Kind == k {
					a, b = standingJSON(t.A, r.A.Report.Config), standingJSON(t.B, r.B.Report.Config)
				}
			}
			ch.Set(k.Key(), (&output.Object{}).Set("a", a).Set("b", b))
		}
		o.Set(name, ch)
		for i < len(r.Targets) && r.Targets[i].Channel == name {
			i++
		}
	}
	return o
}

// standingJSON returns a variant's standing against a target; nil when it
// sets none.
func standingJSON(s *plan.Standing, cfg *models.Config) any {
	if s == nil {
		return nil
	}
	o := &output.Object{}
	o.Set("target", s.Value)
	if s.Kind == plan.ServiceLevel {
		o.Set("within_seconds", cfg.Channels[s.Channel].AnswerWithin)
	}
	o.Set("describe", s.Target.Describe(cfg)).Set("value", s.Estimate.Mean).Set("ci95", s.Estimate.HalfWidth).
		Set("verdict", string(s.Verdict)).Set("periods", s.Periods).Set("periods_met", s.Met).
		Set("periods_undecided", s.Undecided).Set("periods_missed", s.Missed).Set("periods_no_data", s.NoData)
	if s.Worst.From >= 0 {
		o.Set("worst_period", output.When(cfg, s.Worst)).Set("worst_value", s.WorstMean).Set("worst_ci95", s.WorstHalf)
	} else {
		o.Set("worst_period", nil).Set("worst_value", nil).Set("worst_ci95", nil)
	}
	return o
}
