package fit

import (
	"fmt"
	"io"
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
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d rows; %d fitted over %s from a %s", source, s.Rows, s.Used, days(f.Days), weekdayName(f.Start))
	if f.Days > 0 {
		fmt.Fprintf(&b, " (%s)", weekCounts(f.Weeks))
	}
	b.WriteString(".\n")
	reasons := make([]string, 0, len(s.Skipped))
	for r := range s.Skipped {
		reasons = append(reasons, r)
	}
	slices.Sort(reasons)
	for _, r := range reasons {
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
	t := output.NewTable("channel", "contacts", "abandoned", "lognormal mean, CV (KS)", "gamma mean, CV (KS)", "used",
		"patience: exp. mean", "KM median", "daily CV (Poisson)")
	hf := func(h HandleFit) string {
		if math.IsNaN(h.KS) {
			return "–"
		}
		return fmt.Sprintf("%s, %.2f (%.3f)", durationOrDash(h.Dist.Mean), h.Dist.CV, h.KS)
	}
	for _, c := range f.Channels {
		t.Row(c.Name, output.Thousands(int64(c.Contacts)), output.Value(ratio(float64(c.Abandoned), float64(c.Contacts)), output.UnitShare),
			hf(c.LogNormal), hf(c.Gamma), string(c.Handle.Dist.Kind),
			durationOrDash(c.PatienceMean), durationOrDash(c.PatienceMedian),
			fmt.Sprintf("%s (%s)", pct(c.DailyCV), pct(c.PoissonCV)))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if _, err := t.WriteTo(w); err != nil {
		return err
	}
	if f.typed() {
		t := output.NewTable("channel", "type", "contacts", "share", "lognormal mean, CV (KS)", "gamma mean, CV (KS)", "used")
		for _, c := range f.Channels {
			for _, ty := range c.Types {
				used := string(ty.Handle.Dist.Kind)
				if !ty.ownHandle() {
					used = "the channel's"
				}
				t.Row(c.Name, ty.Name, output.Thousands(int64(ty.Contacts)), output.Value(ty.Share, output.UnitShare),
					hf(ty.LogNormal), hf(ty.Gamma), used)
			}
		}
		if _, err := fmt.Fprintf(w, "\nHandle times by type (types with fewer than %d answered contacts take the channel's):\n\n", minTypeAnswered); err != nil {
			return err
		}
		if _, err := t.WriteTo(w); err != nil {
			return err
		}
	}
	var notes strings.Builder
	notes.WriteString("\nKS: the Kolmogorov–Smirnov distance between the fitted CDF and the log's (0 is a perfect fit); the closer fit is used.\n")
	notes.WriteString("Patience: answered waits are censored observations (the customer would have waited longer), so the exponential mean is\n" +
		"the time all contacts waited ÷ those who gave up, and the Kaplan–Meier median uses the same censoring; never the waits of\n" +
		"those who gave up alone. – : nobody gave up, or more than half would still wait at the longest wait in the log.\n")
	notes.WriteString("Daily CV: how much a day's volume varies about its weekday's mean, against what Poisson arrivals would give.\n")
	switch {
	case f.retries():
		fmt.Fprintf(&notes, "Redials: %.1f %% of %d give-ups by customers the log identifies were followed by the customer's next contact within %s,\n"+
			"after %s on average, %.0f %% of them on the channel given up on; the scenario retries that share, after that delay, and its\n"+
			"arrivals are the log's less the redials (those seen × %.2f, for the give-ups of customers it does not identify).\n",
			100*f.Redials, int(f.RedialBase), models.FormatDuration(f.Options.RedialWithin), readable(f.RedialDelay),
			100*f.RedialSame, f.RedialScale)
	case !math.IsNaN(f.Redials):
		fmt.Fprintf(&notes, "Redials: none of %d give-ups by customers the log identifies was followed by a contact within %s.\n",
			int(f.RedialBase), models.FormatDuration(f.Options.RedialWithin))
	default:
		notes.WriteString("Redials: the log identifies no customer who gave up; redials are in the arrivals, as first calls.\n")
	}
	if f.RedialOrderLost {
		notes.WriteString("The log left time order after its first contacts had been matched for redials and let go: a redial across that\n" +
			"point may be missed. Sorting the log by arrival time gives exact figures.\n")
	}
	if f.Agents != nil {
		peak := slices.Max(f.Agents)
		var pools []string
		for _, p := range f.Pools {
			noun := "agents"
			if p.People == 1 {
				noun = "agent"
			}
			pools = append(pools, fmt.Sprintf("%s (%d %s)", p.Name, p.People, noun))
		}
		fmt.Fprintf(&notes, "Staffing: agents at work per %s, each for the part of it from their first service to their last, at most %.1f on average,\n"+
			"in pools by the channel each served most: %s.\n", models.FormatDuration(f.Options.Interval), peak, strings.Join(pools, ", "))
	} else {
		notes.WriteString("Staffing: the log names no agents; the scenario schedules what Erlang A says the demand needs.\n")
	}
	_, err := io.WriteString(w, notes.String())
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
