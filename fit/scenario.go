package fit

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

// Scenario writes the fit as a scenario file: a week from Monday, each
// channel's arrivals per interval of the week (less the redials, when the
// log identifies customers: the journey retries them) with their day
// factor, its handle time (the closest of the laws fitted, and
// by type when the log has types, which become issues), exponential
// patience and service-level threshold, and pools of the agents the log
// shows at work (or, when it names no agents, one pool with the agents
// Erlang A says the demand needs for 80 % within the threshold). source
// names the log for the description.
func (f *Fit) Scenario(name, source string) []byte {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	interval := f.Options.Interval
	w(ScenarioMark+"%s: %d contacts over %s.\n", source, f.contacts(), days(f.Days))
	w("name: %s\n", name)
	w("title: %s\n", strconv.Quote("Fitted from "+source))
	w("description: |\n")
	for _, line := range wrap(f.description(source), 76) {
		w("  %s\n", line)
	}
	w("seed: 1\nreplications: 10\nhorizon: 7d\ninterval: %s\nstart: monday\n\n", models.FormatDurationOneUnit(interval))
	if f.typed() {
		names, counts := f.typeTotals()
		w("# the contacts' types, as issues, with their shares of all contacts; each channel has its own mix (arrivals.issues)\n")
		w("issues: {%s}\n\n", shares(names, counts))
	}
	w("channels:\n")
	for _, c := range f.Channels {
		w("  %s:\n", yamlKey(c.Name))
		w("    # %d contacts in the log; volumes: the mean per %s of the week, from Monday 00:00\n", c.Contacts, models.FormatDurationOneUnit(interval))
		volumes := c.Volumes
		if f.retries() {
			volumes = c.Fresh
			switch {
			case c.Redials > 0 && f.RedialScale > 1:
				w("    # less the redials: %d seen in the log, %d counting the customers it does not identify; the journey's retries send them\n",
					c.Redials, int(math.Round(float64(c.Redials)*f.RedialScale)))
			case c.Redials > 0:
				w("    # less the %d redials in the log: the journey's retries send them\n", c.Redials)
			default:
				w("    # no redials in the log on this channel\n")
			}
		}
		mix := ""
		if f.typed() && len(c.Types) > 0 {
			names, counts := make([]string, len(c.Types)), make([]int, len(c.Types))
			for i, t := range c.Types {
				names[i], counts[i] = t.Name, t.Contacts
			}
			mix = ", issues: {" + shares(names, counts) + "}"
		}
		if c.Noise > 0.01 {
			w("    # noise: daily volumes vary %.0f %% about their weekday's mean in the log, Poisson alone %.0f %%\n", 100*c.DailyCV, 100*c.PoissonCV)
			w("    arrivals: {noise: %s, volumes: [%s]%s}\n", strconv.FormatFloat(round(c.Noise, 3), 'f', -1, 64), numbers(volumes, 3), mix)
		} else {
			w("    arrivals: {volumes: [%s]%s}\n", numbers(volumes, 3), mix)
		}
		switch h := c.Handle; {
		case !(h.Dist.MeanValue() > 0):
			w("    # handle time: no answered contact in the log; a placeholder of 1 minute\n")
			w("    handle_time: {dist: exponential, mean: 1m}\n")
		case math.IsNaN(h.KS):
			w("    # handle time: too few answered contacts in the log to fit a law; exponential of their mean\n")
			w("    handle_time: %s\n", distYAML(h.Dist))
		default:
			w("    # handle time: %s; the log's mean %s, CV %.2f (%s)\n", lawNote(h), durationText(c.SampleMean), c.SampleCV, ksNote(c.HandleLaws))
			w("    handle_time: %s\n", distYAML(h.Dist))
		}
		if f.typed() {
			var own []string
			for _, t := range c.Types {
				if t.ownHandle() {
					own = append(own, fmt.Sprintf("%s: %s", yamlKey(t.Name), distYAML(t.Handle.Dist)))
				}
			}
			if len(own) > 0 {
				w("    # by type: the closest law for each type with %d answered contacts or more (the others take handle_time)\n", minTypeAnswered)
				w("    handle_times: {%s}\n", strings.Join(own, ", "))
			}
		}
		switch {
		case math.IsNaN(c.PatienceMean):
			w("    patience: never  # nobody gave up in the log\n")
		case c.PatienceMean < 1:
			w("    # patience: those who gave up did so at once (%.2f s of waiting for each); held at 1 s\n", c.PatienceMean)
			w("    patience: {dist: exponential, mean: 1s}\n")
		case f.Options.PatienceKM && c.PatienceKM.Kind != "":
			w("    # patience: the Kaplan–Meier curve (answered waits censored), its quantiles drawn alike; past the log's longest wait\n")
			w("    # (%s), an exponential tail of the exponential fit's mean; mean %s\n", durationText(slices.Max(c.PatienceKM.Values)),
				durationText(c.PatienceKM.MeanValue()))
			w("    patience: %s\n", distYAML(c.PatienceKM))
		default:
			w("    # patience: exponential, mean = time waited by all ÷ those who gave up (answered waits are censored)\n")
			w("    patience: {dist: exponential, mean: %s}\n", models.FormatDurationOneUnit(c.PatienceMean))
		}
		w("    service_level: {within: %s}\n", models.FormatDurationOneUnit(f.Options.AnswerWithin))
	}
	if f.retries() {
		w("\njourney:\n")
		w("  # redials: %.1f %% of the %d give-ups by customers the log identifies were followed by a call within %s, after %s on average\n",
			100*f.Redials, int(f.RedialBase), models.FormatDuration(f.Options.RedialWithin), readable(f.RedialDelay))
		w("  retry: %s%%\n", strconv.FormatFloat(round(100*f.Redials, 2), 'f', -1, 64))
		w("  retry_delay: {dist: exponential, mean: %s}\n", models.FormatDurationOneUnit(f.RedialDelay))
		if len(f.Channels) > 1 {
			w("\nchoice:\n")
			w("  # %.1f %% of redials came back to the channel given up on; with every channel alike otherwise, this stay bonus makes it so\n", 100*f.RedialSame)
			w("  stay: %s\n", strconv.FormatFloat(round(f.stay(), 3), 'f', -1, 64))
		}
	}
	w("\npools:\n")
	if len(f.Pools) > 0 {
		var value func(g, b int) float64
		if av := f.Availability; av != nil {
			value = func(g, b int) float64 { return av.Groups[g].Parts[b].Value }
		}
		for i, p := range f.Pools {
			w("  %s:\n", yamlKey(p.Name))
			w("    # %d agents in the log who served %s most; agents: those at work per %s of the week, from the start of each working\n",
				p.People, p.Skills[0], models.FormatDurationOneUnit(interval))
			w("    # span (services apart by %s at most, and an idle gap before the first and after the last) to its end, rounded up\n",
				models.FormatDuration(f.Options.SpanGap))
			keys := make([]string, len(p.Skills))
			for i, s := range p.Skills {
				keys[i] = yamlKey(s)
			}
			w("    skills: [%s]\n", strings.Join(keys, ", "))
			agents, _ := f.presenceFold(i)
			w("    agents: [%s]\n", ints(agents))
			avail := f.poolAvailability(i, value)
			if slices.ContainsFunc(avail, func(a float64) bool { return a < 1 }) {
				if g := f.groupOf(i); g >= 0 && f.Availability.Fixed {
					w("    # availability: %s of their time at work ready for contacts, as given to omnisim fit; times the share of each\n",
						pctText(f.Availability.Groups[g].Value))
					w("    # interval the agents above were at work in the log\n")
				} else if g >= 0 {
					w("    # availability: %s of their time at work the agents were ready for contacts (95 %% CI ± %s), estimated by\n",
						pctText(f.Availability.Groups[g].Value), pctText(f.Availability.Groups[g].HalfWidth))
					w("    # simulation per %s of the day (longer where the log has fewer than %d contacts); times the share of each interval\n",
						models.FormatDuration(f.Availability.Part), minPartContacts)
					w("    # the agents above were at work in the log\n")
				} else {
					w("    # availability: the share of each interval the agents above were at work in the log\n")
				}
				for k, a := range avail {
					avail[k] = math.Max(a, 0.001) // held positive at the precision written
				}
				w("    availability: [%s]\n", numbers(avail, 3))
				if f.Availability != nil {
					w("    away_spell: %s\n", models.FormatDurationOneUnit(f.Availability.AwaySpell))
				}
			}
		}
	} else {
		agents, how := f.staffing()
		w("  agents:\n    skills: [%s]\n", strings.Join(f.channelKeys(), ", "))
		w("    # %s\n", how)
		w("    agents: [%s]\n", ints(agents))
	}
	return []byte(b.String())
}

// lawNote says what a fitted law is.
func lawNote(h HandleFit) string {
	if h.Dist.Kind == models.Empirical {
		return fmt.Sprintf("the log's own times, %d values drawn alike (the means of as many equal shares of them), mean %s, CV %.2f",
			len(h.Dist.Values), durationText(h.Dist.MeanValue()), h.Dist.CoefVar())
	}
	return fmt.Sprintf("%s with the log's mean and CV", h.Dist.Kind)
}

// ksNote gives the Kolmogorov–Smirnov distance of each law to the log.
func ksNote(h HandleLaws) string {
	s := fmt.Sprintf("Kolmogorov–Smirnov distance: lognormal %.3f, gamma %.3f", h.LogNormal.KS, h.Gamma.KS)
	if !math.IsNaN(h.Empirical.KS) && h.Empirical.Dist.Kind != "" {
		s += fmt.Sprintf(", empirical %.3f", h.Empirical.KS)
	}
	return s
}

// durationText writes seconds for a comment: seconds under two minutes,
// minutes to a hundredth otherwise.
func durationText(sec float64) string {
	switch {
	case math.IsNaN(sec):
		return "–"
	case sec < 120:
		return fmt.Sprintf("%.1f s", sec)
	}
	return fmt.Sprintf("%.2f min", sec/60)
}

// distYAML writes a fitted handle-time law as the scenario format reads it.
func distYAML(d models.Dist) string {
	switch d.Kind {
	case models.Exponential:
		return fmt.Sprintf("{dist: exponential, mean: %s}", models.FormatDurationOneUnit(d.Mean))
	case models.Empirical:
		values := make([]string, len(d.Values))
		for i, v := range d.Values {
			values[i] = models.FormatDurationOneUnit(v)
		}
		if d.Tail > 0 {
			return fmt.Sprintf("{dist: empirical, values: [%s], tail: %s}", strings.Join(values, ", "), models.FormatDurationOneUnit(d.Tail))
		}
		return fmt.Sprintf("{dist: empirical, values: [%s]}", strings.Join(values, ", "))
	}
	return fmt.Sprintf("{dist: %s, mean: %s, cv: %s}", d.Kind, models.FormatDurationOneUnit(d.Mean), strconv.FormatFloat(round(d.CV, 3), 'f', -1, 64))
}

// typeTotals returns the types of every channel, most contacts first (then
// by name), with their contacts.
func (f *Fit) typeTotals() ([]string, []int) {
	total := map[string]int{}
	var names []string
	for _, c := range f.Channels {
		for _, t := range c.Types {
			if _, ok := total[t.Name]; !ok {
				names = append(names, t.Name)
			}
			total[t.Name] += t.Contacts
		}
	}
	slices.SortStableFunc(names, func(a, b string) int {
		if total[a] != total[b] {
			return total[b] - total[a]
		}
		return strings.Compare(a, b)
	})
	counts := make([]int, len(names))
	for i, n := range names {
		counts[i] = total[n]
	}
	return names, counts
}

// shares writes counts as a mapping of names to percentages that add up to
// exactly 100 % (in millionths: the largest count takes what rounding the
// others left, which keeps it positive).
func shares(names []string, counts []int) string {
	total, largest := 0, 0
	for i, n := range counts {
		total += n
		if n > counts[largest] {
			largest = i
		}
	}
	millionths := make([]int, len(counts))
	left := 1000000
	for i, n := range counts {
		if i != largest {
			millionths[i] = int(math.Round(1e6 * float64(n) / float64(max(total, 1))))
			left -= millionths[i]
		}
	}
	millionths[largest] = left
	parts := make([]string, len(names))
	for i, m := range millionths {
		parts[i] = fmt.Sprintf("%s: %s%%", yamlKey(names[i]), strconv.FormatFloat(float64(m)/1e4, 'f', -1, 64))
	}
	return strings.Join(parts, ", ")
}

// retries tells whether the scenario sends redials as retries: when the
// log identifies customers and some of them redialled.
func (f *Fit) retries() bool {
	return !math.IsNaN(f.Redials) && f.Redials > 0 && !math.IsNaN(f.RedialDelay) && f.RedialDelay > 0
}

// stay returns the choice's bonus for the channel a customer gave up on
// that makes the share of retries there the log's, RedialSame, by the
// logit among n channels alike otherwise: e^s ÷ (e^s + n − 1) = RedialSame.
// Shares within a thousandth of 0 or 1 are held there.
func (f *Fit) stay() float64 {
	n := float64(len(f.Channels))
	p := math.Min(math.Max(f.RedialSame, 0.001), 0.999)
	return math.Log(p * (n - 1) / (1 - p))
}

// staffing returns the agents per interval of the week the scenario
// schedules, and where they come from.
func (f *Fit) staffing() ([]int, string) {
	week := len(f.Channels[0].Volumes)
	out := make([]int, week)
	for k := range week {
		sum := 0.0
		for _, c := range f.Channels {
			ch := models.Channel{Name: c.Name, Kind: models.Live, Concurrency: 1, AnswerWithin: f.Options.AnswerWithin,
				HandleTime: c.Handle.Dist, Patience: models.Dist{Kind: models.Exponential, Mean: c.PatienceMean}}
			if math.IsNaN(c.PatienceMean) {
				ch.Patience = models.Dist{Kind: models.Never}
			}
			if n, err := ch.NeedIn(c.Volumes[k], c.Handle.Dist.MeanValue(), f.Options.Interval); err == nil && !math.IsNaN(n.Agents) {
				sum += n.Agents
			}
		}
		out[k] = int(math.Ceil(sum - 1e-9))
	}
	return out, "the log names no agents: the agents Erlang A says each channel needs for 80 % within the threshold, added up"
}

// description says where the scenario comes from and what it leaves out.
func (f *Fit) description(source string) string {
	patience := "patience exponential"
	if f.Options.PatienceKM {
		patience = "patience the Kaplan–Meier curve"
	}
	s := fmt.Sprintf("Fitted by omnisim fit from %s, %s from a %s. Arrivals are each channel's mean per interval and weekday; "+
		"handle times the closest of a lognormal, a gamma and an empirical law, each with the log's mean; %s, estimated with answered waits as "+
		"censored observations.", source, days(f.Days), weekdayName(f.Start), patience)
	if len(f.Pools) > 0 {
		s += " Agents are at work as their working spans in the log show"
		if f.Availability != nil && !f.Availability.Fixed {
			s += ", and ready for contacts the share of that time estimated by simulation to give the log's share of contacts that waited, hour by hour"
		}
		s += "."
	}
	for _, c := range f.Channels {
		if c.Noise > 0.01 {
			s += " Daily volumes vary more than Poisson arrivals would; each channel's arrivals carry a day factor (noise) for the rest."
			break
		}
	}
	if f.typed() {
		s += " The contacts' types are issues: each channel has its own mix of them, and each type its own handle-time law where the log has enough of it."
	}
	switch {
	case f.retries():
		s += fmt.Sprintf(" %.1f %% of the give-ups by customers the log identifies were followed by another call within %s: the journey retries that share, "+
			"and the arrivals are the log's less its redials.", 100*f.Redials, models.FormatDuration(f.Options.RedialWithin))
	case !math.IsNaN(f.Redials):
		s += fmt.Sprintf(" None of the customers the log identifies who gave up called again within %s; the scenario has no retries.",
			models.FormatDuration(f.Options.RedialWithin))
	default:
		s += " The log identifies no customers who gave up, so redials cannot be told from first calls: they are in the arrivals, and the scenario has no retries."
	}
	return s
}

func (f *Fit) contacts() int {
	n := 0
	for _, c := range f.Channels {
		n += c.Contacts
	}
	return n
}

func (f *Fit) channelKeys() []string {
	var keys []string
	for _, c := range f.Channels {
		keys = append(keys, yamlKey(c.Name))
	}
	return keys
}

// yamlKey quotes a name that YAML would not read back as the same string.
func yamlKey(s string) string {
	for _, r := range s {
		if !scenarios.NameRune(r) {
			return strconv.Quote(s)
		}
	}
	if s == "" || strings.ContainsAny(s[:1], "0123456789-") {
		return strconv.Quote(s)
	}
	return s
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

func numbers(xs []float64, digits int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.FormatFloat(round(x, digits), 'f', -1, 64)
	}
	return strings.Join(parts, ", ")
}

func ints(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ", ")
}

func weekdayName(d models.Weekday) string {
	s := d.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// wrap breaks text into lines of at most width characters.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && len(line)+1+len(word) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}

// ForecastColumns are the columns of the forecast table WriteForecast
// writes, its header.
var ForecastColumns = []string{"channel", "interval", "day", "weekday", "time", "start_seconds", "volume", "log_contacts"}

// ScenarioMark begins every scenario Scenario writes: its first line.
const ScenarioMark = "# Fitted by omnisim fit from "

// WriteForecast writes the fitted arrivals as a forecast table, the form a
// scenario's forecast key reads: a row per channel and interval of the
// week from Monday 00:00 (interval 0, as the fitted scenario starts), with
// the day, weekday, time and start in seconds for people and spreadsheets,
// the expected contacts the scenario's arrivals send (volume: first
// contacts, when the scenario retries redials), and the log's mean of all
// contacts, redials included (log_contacts, not read back).
func (f *Fit) WriteForecast(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ForecastColumns); err != nil {
		return err
	}
	for _, c := range f.Channels {
		volumes := c.Volumes
		if f.retries() {
			volumes = c.Fresh
		}
		for k, v := range volumes {
			start := float64(k) * f.Options.Interval
			sec := int(math.Mod(start, 86400))
			row := []string{c.Name, strconv.Itoa(k), strconv.Itoa(int(start/86400) + 1),
				models.WeekdayAt(models.Monday, start).String(), fmt.Sprintf("%02d:%02d", sec/3600, sec%3600/60),
				strconv.FormatFloat(start, 'f', -1, 64), strconv.FormatFloat(v, 'g', 9, 64), strconv.FormatFloat(c.Volumes[k], 'g', 9, 64)}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// pctText writes a share as a percentage to a tenth, "–" for none.
func pctText(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return strconv.FormatFloat(round(100*x, 1), 'f', -1, 64) + " %"
}
