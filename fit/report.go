package fit

import (
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// WriteReport writes the fit report: what was read, and per channel its
// contacts, handle-time fits with their goodness of fit, patience and the
// day-to-day variation of its volume.
func (f *Fit) WriteReport(w io.Writer, s *Summary, source string) error {
	if _, err := io.WriteString(w, f.readText(s, source)); err != nil {
		return err
	}
	if _, err := f.channelTable().WriteTo(w); err != nil {
		return err
	}
	if f.typed() {
		if _, err := fmt.Fprintf(w, "\nHandle times by type (types with fewer than %d answered contacts take the channel's):\n\n", minTypeAnswered); err != nil {
			return err
		}
		if _, err := f.typeTable().WriteTo(w); err != nil {
			return err
		}
	}
	if f.Agents != nil {
		if err := f.writeWrapTable(w); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, f.notes())
	return err
}

// readText says what was read of the log: rows, days and weeks, the rows
// skipped and why, and those that could not be read.
func (f *Fit) readText(s *Summary, source string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d rows; %d fitted over %s from a %s", source, s.Rows, s.Used, days(f.Days), weekdayName(f.Start))
	if f.Days > 0 {
		fmt.Fprintf(&b, " (%s)", weekCounts(f.Weeks))
	}
	b.WriteString(".\n")
	for _, r := range slices.Sorted(maps.Keys(s.Skipped)) {
		fmt.Fprintf(&b, "  skipped %d: %s\n", s.Skipped[r], r)
	}
	if s.Bad > 0 {
		fmt.Fprintf(&b, "  %d row(s) could not be read:\n", s.Bad)
		for _, p := range s.Problems {
			fmt.Fprintf(&b, "    %s\n", p)
		}
		if s.Bad > len(s.Problems) {
			fmt.Fprintf(&b, "    (and %d more)\n", s.Bad-len(s.Problems))
		}
	}
	b.WriteString("\n")
	return b.String()
}

// ksCell is a handle-time fit's Kolmogorov–Smirnov distance, for a table.
func ksCell(h HandleFit) string {
	switch {
	case math.IsNaN(h.KS) || h.Dist.Kind == "":
		return "–"
	case h.Dist.Kind == models.Empirical:
		// Its mean is the log's; its CV a little below it.
		return fmt.Sprintf("%.3f (CV %.2f)", h.KS, h.Dist.CoefVar())
	}
	return fmt.Sprintf("%.3f", h.KS)
}

// usedCell is the handle-time law the scenario uses, with its mean and CV.
func usedCell(h HandleLaws) string {
	if math.IsNaN(h.Handle.KS) {
		return "exponential (too few)"
	}
	return fmt.Sprintf("%s (%s, %.2f)", h.Handle.Dist.Kind, durationOrDash(h.Handle.Dist.MeanValue()), h.Handle.Dist.CoefVar())
}

// momentsCell is the log's handle times' mean and CV.
func momentsCell(h HandleLaws) string {
	if math.IsNaN(h.SampleCV) {
		return durationOrDash(h.SampleMean)
	}
	return fmt.Sprintf("%s, %.2f", durationOrDash(h.SampleMean), h.SampleCV)
}

// channelTable is the report's table of channels.
func (f *Fit) channelTable() *output.Table {
	t := output.NewTable("channel", "contacts", "abandoned", "handle: log mean, CV", "KS lognormal", "gamma", "empirical", "used (mean, CV)",
		"patience: exp. mean", "KM median", "daily CV (Poisson)")
	for _, c := range f.Channels {
		t.Row(c.Name, output.Thousands(int64(c.Contacts)), output.Value(ratio(float64(c.Abandoned), float64(c.Contacts)), output.UnitShare),
			momentsCell(c.HandleLaws), ksCell(c.LogNormal), ksCell(c.Gamma), ksCell(c.Empirical), usedCell(c.HandleLaws),
			durationOrDash(c.PatienceMean), durationOrDash(c.PatienceMedian),
			fmt.Sprintf("%s (%s)", pct(c.DailyCV), pct(c.PoissonCV)))
	}
	return t
}

// typeTable is the report's table of contact types' handle times.
func (f *Fit) typeTable() *output.Table {
	t := output.NewTable("channel", "type", "contacts", "share", "handle: log mean, CV", "KS lognormal", "gamma", "empirical", "used (mean, CV)")
	for _, c := range f.Channels {
		for _, ty := range c.Types {
			u := usedCell(ty.HandleLaws)
			if !ty.ownHandle() {
				u = "the channel's"
			}
			t.Row(c.Name, ty.Name, output.Thousands(int64(ty.Contacts)), output.Value(ty.Share, output.UnitShare),
				momentsCell(ty.HandleLaws), ksCell(ty.LogNormal), ksCell(ty.Gamma), ksCell(ty.Empirical), u)
		}
	}
	return t
}

// notes are the report's closing notes: how handle times, patience and
// daily variation were fitted, the redials, and the staffing read.
func (f *Fit) notes() string {
	var notes strings.Builder
	notes.WriteString("\nHandle times: a lognormal and a gamma law with the log's mean and CV, and from 1,000 contacts on an empirical law of the log's\n" +
		"own times (the means of 100 equal shares of them, drawn alike: the log's mean, a CV a little below); KS, the Kolmogorov–Smirnov\n" +
		"distance between a law's CDF and the log's (0 is a perfect fit); the closest law is used.\n")
	notes.WriteString("Patience: answered waits are censored observations (the customer would have waited longer), so the exponential mean is\n" +
		"the time all contacts waited ÷ those who gave up, and the Kaplan–Meier median uses the same censoring; never the waits of\n" +
		"those who gave up alone. – : nobody gave up, or more than half would still wait at the longest wait in the log.\n")
	notes.WriteString("Daily CV: how much a day's volume varies about its weekday's mean, against what Poisson arrivals would give.\n")
	f.redialNotes(&notes)
	if f.Agents != nil {
		peak := slices.Max(f.Agents)
		var pools []string
		for _, p := range f.Pools {
			noun := "agents"
			if p.People == 1 {
				noun = "agent"
			}
			pools = append(pools, fmt.Sprintf("%s (%d %s, occupancy %s)", p.Name, p.People, noun, pct(ratio(p.Busy, p.Present))))
		}
		fmt.Fprintf(&notes, "Staffing: an agent is at work from the start of each working span (services no more than %s apart) to its end, and for\n"+
			"a mean idle gap before and after it; at most %.1f agents at work on average in any %s of the week, in pools by the channel each\n"+
			"served most: %s. Occupancy: time serving ÷ time at work.\n",
			models.FormatDuration(f.Options.SpanGap), peak, models.FormatDuration(f.Options.Interval), strings.Join(pools, ", "))
		f.writeAvailability(&notes)
	} else {
		notes.WriteString("Staffing: the log names no agents; the scenario schedules what Erlang A says the demand needs.\n")
	}
	return notes.String()
}

// redialNotes writes the note on redials.
func (f *Fit) redialNotes(notes *strings.Builder) {
	switch {
	case f.retries():
		fmt.Fprintf(notes, "Redials: %.1f %% of %d give-ups by customers the log identifies were followed by the customer's next contact within %s,\n"+
			"after %s on average, %.0f %% of them on the channel given up on; the scenario retries that share, after that delay, and its\n"+
			"arrivals are the log's less the redials (those seen × %.2f, for the give-ups of customers it does not identify).\n",
			100*f.Redials, int(f.RedialBase), models.FormatDuration(f.Options.RedialWithin), readable(f.RedialDelay),
			100*f.RedialSame, f.RedialScale)
	case !math.IsNaN(f.Redials):
		fmt.Fprintf(notes, "Redials: none of %d give-ups by customers the log identifies was followed by a contact within %s.\n",
			int(f.RedialBase), models.FormatDuration(f.Options.RedialWithin))
	default:
		notes.WriteString("Redials: the log identifies no customer who gave up; redials are in the arrivals, as first calls.\n")
	}
	if f.RedialOrderLost {
		notes.WriteString("The log left time order after its first contacts had been matched for redials and let go: a redial across that\n" +
			"point may be missed. Sorting the log by arrival time gives exact figures.\n")
	}
}

// writeWrapTable writes the after-call work each channel (and, in a log
// with types, each type) shows, and the law the scenario gets from it.
func (f *Fit) writeWrapTable(w io.Writer) error {
	typed := f.typed()
	t := output.NewTable("channel", "gaps", "mean", "CV", "wrap_time")
	stat := func(x float64, format string) string {
		if math.IsNaN(x) {
			return "–"
		}
		return fmt.Sprintf(format, x)
	}
	law := func(d models.Dist) string {
		return fmt.Sprintf("%s (%s, %.2f)", d.Kind, stat(d.Mean, "%.1f s"), d.CV)
	}
	for _, c := range f.Channels {
		used := law(c.WrapTime.Law)
		switch {
		case c.WrapTime.Law.Kind == "" && c.ownWrap():
			used = "by type; the others none"
		case c.WrapTime.Law.Kind == "":
			used = c.Wrap.note()
		case c.ownWrap():
			used += " for the types without their own"
		}
		t.Row(c.Name, output.Thousands(int64(c.Wrap.Gaps)), stat(c.Wrap.Mean, "%.1f s"), stat(c.Wrap.CV, "%.2f"), used)
		if !typed {
			continue
		}
		for _, ty := range c.Types {
			used := "the channel's"
			switch {
			case ty.Wrap.Law.Kind != "":
				used = law(ty.Wrap.Law)
			case c.WrapTime.Law.Kind == "":
				used = ty.Wrap.note()
			}
			t.Row("  "+ty.Name, output.Thousands(int64(ty.Wrap.Gaps)), stat(ty.Wrap.Mean, "%.1f s"), stat(ty.Wrap.CV, "%.2f"), used)
		}
	}
	by := ""
	if typed {
		by = ",\nand of each type with as many (indented, under its channel)"
	}
	pickup := models.FormatDuration(awayPickup)
	if _, err := fmt.Fprintf(w, "\nAfter-call work: the gaps between the end of an agent's call and their next, to a caller queued by then, of %s\n"+
		"at most (longer ones are time away), where a caller was still waiting %s after the call (else long wrap-ups would be seen\n"+
		"less often than short ones); it cannot be told from a delay in picking up, and the log's handle times may already hold part\n"+
		"of it. wrap_time: a lognormal with the mean and CV of the channel's gaps, from %d gaps on%s:\n\n",
		pickup, pickup, minWrapGaps, by); err != nil {
		return err
	}
	_, err := t.WriteTo(w)
	return err
}

func weekCounts(weeks [7]int) string {
	var parts []string
	for d, n := range weeks {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, models.Weekday(d).String()))
		}
	}
	return strings.Join(parts, ", ")
}

func durationOrDash(sec float64) string {
	if math.IsNaN(sec) {
		return "–"
	}
	return models.FormatDuration(math.Round(sec))
}

func pct(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return fmt.Sprintf("%.1f %%", 100*x)
}

// readable writes a time in seconds for people: seconds under two
// minutes, minutes to a tenth otherwise.
func readable(sec float64) string {
	if sec < 120 {
		return fmt.Sprintf("%.0f s", sec)
	}
	return fmt.Sprintf("%.1f min", sec/60)
}

// days writes a number of days.
func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

// writeAvailability says how ready the agents were, for planners.
func (f *Fit) writeAvailability(b *strings.Builder) {
	if !math.IsNaN(f.AwaySpell) {
		fmt.Fprintf(b, "Spells away: %s on average (%d spells in the log, the idle stretches of agents at work beside a waiting caller they\n"+
			"serve, past their first minute).\n", readable(f.AwaySpell), f.AwaySpells)
	} else if f.AwaySpells >= 0 && f.Pools != nil {
		fmt.Fprintf(b, "Spells away: too few in the log to tell (%d); the scenario takes %s.\n", f.AwaySpells, readable(models.DefaultAwaySpell))
	}
	av := f.Availability
	if av == nil {
		return
	}
	if av.Fixed {
		fmt.Fprintf(b, "Availability: %s of their time at work, as given, spells away of %s on average.\n",
			pct(av.Groups[0].Value), readable(av.AwaySpell))
		return
	}
	for _, gr := range av.Groups {
		var pools, channels []string
		for _, p := range gr.Pools {
			pools = append(pools, f.Pools[p].Name)
		}
		for _, c := range gr.Channels {
			channels = append(channels, f.Channels[c].Name)
		}
		fmt.Fprintf(b, "Availability of %s: your agents were ready for contacts %s of the time they were at work (95 %% CI ± %s);\n"+
			"the rest they were away, in spells of %s on average. Estimated by simulation (%d trials of %d replications), matching the\n"+
			"share of %s contacts that waited per %s of the day (longer where the log has fewer than %d contacts):",
			strings.Join(pools, ", "), pct(gr.Value), pctPoints(gr.HalfWidth), readable(av.AwaySpell), av.Trials, av.Reps,
			strings.Join(channels, ", "), models.FormatDuration(av.Part), minPartContacts)
		n := 0
		for _, pt := range gr.Parts {
			if !pt.Estimated {
				continue
			}
			if n%4 == 0 {
				b.WriteString("\n ")
			}
			n++
			note := ""
			switch pt.Bound {
			case "upper":
				note = " (the most it can be: the log waited less even so)"
			case "lower":
				note = " (the least tried: the log waited more even so)"
			}
			fmt.Fprintf(b, " %s–%s %s ± %s%s", clockOfDay(pt.From), clockOfDay(pt.To), pct(pt.Value), pctPoints(pt.HalfWidth), note)
		}
		b.WriteString(".\n")
	}
}

// pctPoints writes a share's half-width in percentage points.
func pctPoints(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return fmt.Sprintf("%.1f", 100*x)
}
