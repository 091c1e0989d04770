package fit

import (
	"math"
	"slices"

	"github.com/omnisim/omnisim/output"
)

// JSON returns the fit as a JSON object, for tools: what was read, each
// channel's fitted laws (and, when the log names agents, its after-call
// work), the pools with their availability, the spell away and the
// redials. Times are in seconds, shares from 0 to 1.
func (f *Fit) JSON(s *Summary) *output.Object {
	read := new(output.Object).Set("rows", s.Rows).Set("fitted", s.Used).Set("bad", s.Bad)
	skipped := new(output.Object)
	for _, r := range sortedKeys(s.Skipped) {
		skipped.Set(r, s.Skipped[r])
	}
	read.Set("skipped", skipped)
	law := func(h HandleFit) *output.Object {
		return new(output.Object).Set("dist", string(h.Dist.Kind)).Set("mean_seconds", h.Dist.MeanValue()).
			Set("cv", h.Dist.CoefVar()).Set("ks", h.KS)
	}
	var channels []*output.Object
	for _, c := range f.Channels {
		o := new(output.Object).Set("name", c.Name).Set("contacts", c.Contacts).Set("answered", c.Answered).
			Set("abandoned", c.Abandoned).
			Set("handle", new(output.Object).Set("sample_mean_seconds", c.SampleMean).Set("sample_cv", c.SampleCV).
				Set("used", law(c.Handle)).Set("lognormal", law(c.LogNormal)).Set("gamma", law(c.Gamma))).
			Set("patience", new(output.Object).Set("exponential_mean_seconds", c.PatienceMean).
				Set("kaplan_meier_median_seconds", c.PatienceMedian)).
			Set("daily_cv", c.DailyCV).Set("poisson_cv", c.PoissonCV).Set("noise", c.Noise)
		if f.Agents != nil {
			o.Set("wrap_up", c.wrapJSON(f.typed()))
		}
		channels = append(channels, o)
	}
	var pools []*output.Object
	for i, p := range f.Pools {
		o := new(output.Object).Set("name", p.Name).Set("skills", p.Skills).Set("agents_named", p.People).
			Set("present_hours", p.Present/3600).Set("busy_hours", p.Busy/3600).Set("occupancy", ratio(p.Busy, p.Present))
		if g := f.groupOf(i); g >= 0 {
			o.Set("availability", f.Availability.groupJSON(g, f.Channels))
		}
		pools = append(pools, o)
	}
	doc := new(output.Object).Set("read", read).Set("days", f.Days).Set("start", f.Start.String()).
		Set("interval_seconds", f.Options.Interval).Set("channels", channels).Set("pools", pools)
	away := new(output.Object).Set("estimated_seconds", f.AwaySpell).Set("spells", f.AwaySpells).
		Set("exposure_hours", f.AwayExposure/3600)
	if f.Availability != nil {
		away.Set("used_seconds", f.Availability.AwaySpell)
	}
	doc.Set("away_spell", away)
	doc.Set("redials", new(output.Object).Set("share", f.Redials).Set("give_ups", f.RedialBase).
		Set("mean_delay_seconds", f.RedialDelay).Set("same_channel_share", f.RedialSame))
	return doc
}

// wrapJSON returns the after-call work the log shows after the channel's
// contacts (wrap.go): the gaps, their mean and CV, the law of its
// wrap_time (null for none, with a note why), with the gaps it is fitted
// on; and, in a log with types, each type's.
func (c *ChannelFit) wrapJSON(typed bool) *output.Object {
	stats := func(o *output.Object, w WrapFit) *output.Object {
		return o.Set("gaps", w.Gaps).Set("mean_seconds", w.Mean).Set("cv", w.CV)
	}
	law := func(w WrapFit) any {
		if w.Law.Kind == "" {
			return nil
		}
		return new(output.Object).Set("dist", string(w.Law.Kind)).Set("mean_seconds", w.Law.Mean).Set("cv", w.Law.CV).Set("gaps", w.Gaps)
	}
	o := stats(new(output.Object), c.Wrap).Set("wrap_time", law(c.WrapTime)).Set("note", nullIfEmpty(c.WrapTime.note()))
	if typed {
		var types []*output.Object
		for _, t := range c.Types {
			types = append(types, stats(new(output.Object).Set("name", t.Name), t.Wrap).Set("own", law(t.Wrap)))
		}
		o.Set("types", types)
	}
	return o
}

// groupJSON returns availability group g: its value over the day and by
// part of the day, each with its 95 % half-width.
func (a *Availability) groupJSON(g int, channels []ChannelFit) *output.Object {
	gr := a.Groups[g]
	var names []string
	for _, c := range gr.Channels {
		names = append(names, channels[c].Name)
	}
	var parts []*output.Object
	for _, pt := range gr.Parts {
		parts = append(parts, new(output.Object).Set("from", clockOfDay(pt.From)).Set("to", clockOfDay(pt.To)).
			Set("start_seconds", pt.From).Set("end_seconds", pt.To).
			Set("value", pt.Value).Set("ci95", pt.HalfWidth).Set("estimated", pt.Estimated).Set("bound", nullIfEmpty(pt.Bound)).
			Set("log_contacts", pt.Contacts).Set("log_waited", pt.LogWaited).Set("log_waited_ci95", pt.LogHalfWidth).
			Set("sim_waited", pt.SimWaited).Set("sim_waited_ci95", pt.SimHalfWidth))
	}
	return new(output.Object).Set("value", gr.Value).Set("ci95", gr.HalfWidth).Set("given", a.Fixed).
		Set("calibrated_on", names).Set("part_seconds", a.Part).Set("trials", a.Trials).
		Set("replications_per_trial", a.Reps).Set("parts", parts)
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// sampleMoments returns the mean and coefficient of variation of every
// handle time counted.
func (c *handleStats) sampleMoments() (mean, cv float64) {
	if c.n == 0 {
		return math.NaN(), math.NaN()
	}
	n := float64(c.n)
	mean = c.sum / n
	if c.n < 2 {
		return mean, math.NaN()
	}
	v := (c.sum2 - n*mean*mean) / (n - 1)
	return mean, math.Sqrt(math.Max(0, v)) / mean
}

// sortedKeys returns a map's keys in order.
func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
