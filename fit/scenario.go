package fit

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
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
//
// The settings are a yaml.Node tree written by scenarios.Encode; only the
// head (the first comment, name, title and description) is written here
// as text (see head).
func (f *Fit) Scenario(name, source string) []byte {
	body, err := scenarios.Encode(f.settings())
	if err != nil {
		// Encode refuses only a comment with a NUL or a line comment of
		// several lines: the comments written here have neither (the
		// names in them are scenario names, see scenarioNames).
		panic(fmt.Sprintf("fit: writing the scenario: %v", err))
	}
	return append(f.head(name, source), body...)
}

// head writes the scenario's first lines: a comment that marks it as
// fitted (ScenarioMark), its name, title and description. It is written
// as text, not by scenarios.Encode, to keep the text it has always had for
// any log's name: yaml.v3 escapes some characters in a quoted title
// otherwise than strconv.Quote (it writes a character outside the Basic
// Multilingual Plane, such as 😀, as "\U0001F600", where strconv.Quote
// keeps it, and keeps U+00A0 where strconv.Quote writes "\u00a0"), and
// writes a description with such a character quoted on one line instead
// of as a literal block. name is written as it is: a file name as omnisim
// fit makes one (letters, digits, '-', '_' and '.') is plain YAML.
func (f *Fit) head(name, source string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, ScenarioMark+"%s: %d contacts over %s.\n", source, f.contacts(), days(f.Days))
	fmt.Fprintf(&b, "name: %s\n", name)
	fmt.Fprintf(&b, "title: %s\n", strconv.Quote("Fitted from "+source))
	b.WriteString("description: |\n")
	for _, line := range output.Wrap(f.description(source), func(_ int, line string) bool { return len(line) <= 76 }) {
		fmt.Fprintf(&b, "  %s\n", line)
	}
	return []byte(b.String())
}

// settings returns the scenario's settings after its head, from seed on,
// as the mapping scenarios.Encode writes.
func (f *Fit) settings() *yaml.Node {
	interval := f.Options.Interval
	top := mapping()
	add(top, "seed", plain("1"))
	add(top, "replications", plain("10"))
	add(top, "horizon", plain("7d"))
	add(top, "interval", plain(models.FormatDurationOneUnit(interval)))
	add(top, "start", plain("monday"))
	if f.typed() {
		names, counts := f.typeTotals()
		add(top, "issues", shares(names, counts)).HeadComment =
			"\n" + comment("the contacts' types, as issues, with their shares of all contacts; each channel has its own mix (arrivals.issues)")
	}
	channels := mapping()
	add(top, "channels", channels).HeadComment = "\n"
	for i := range f.Channels {
		addNamed(channels, f.Channels[i].Name, f.channelSettings(&f.Channels[i]))
	}
	f.journeySettings(top)
	f.poolSettings(top)
	return top
}

// channelSettings returns a channel's settings: its arrivals (volumes,
// noise, its mix of types), its handle time (the closest law, by type
// too), its after-call work, its patience and its service level, each
// with a comment saying what the log showed.
func (f *Fit) channelSettings(c *ChannelFit) *yaml.Node {
	interval := f.Options.Interval
	ch := mapping()
	notes := []string{fmt.Sprintf("%d contacts in the log; volumes: the mean per %s of the week, from Monday 00:00",
		c.Contacts, models.FormatDurationOneUnit(interval))}
	volumes := c.Volumes
	if f.retries() {
		volumes = c.Fresh
		switch {
		case c.Redials > 0 && f.RedialScale > 1:
			notes = append(notes, fmt.Sprintf("less the redials: %d seen in the log, %d counting the customers it does not identify; the journey's retries send them",
				c.Redials, int(math.Round(float64(c.Redials)*f.RedialScale))))
		case c.Redials > 0:
			notes = append(notes, fmt.Sprintf("less the %d redials in the log: the journey's retries send them", c.Redials))
		default:
			notes = append(notes, "no redials in the log on this channel")
		}
	}
	arrivals := flowMapping()
	if c.Noise > 0.01 {
		notes = append(notes, fmt.Sprintf("noise: daily volumes vary %.0f %% about their weekday's mean in the log, Poisson alone %.0f %%", 100*c.DailyCV, 100*c.PoissonCV))
		add(arrivals, "noise", plain(strconv.FormatFloat(round(c.Noise, 3), 'f', -1, 64)))
	}
	add(arrivals, "volumes", list(numbers(volumes, 3)))
	if f.typed() && len(c.Types) > 0 {
		names, counts := make([]string, len(c.Types)), make([]int, len(c.Types))
		for i, t := range c.Types {
			names[i], counts[i] = t.Name, t.Contacts
		}
		add(arrivals, "issues", shares(names, counts))
	}
	add(ch, "arrivals", arrivals).HeadComment = comment(notes...)
	switch h := c.Handle; {
	case !(h.Dist.MeanValue() > 0):
		add(ch, "handle_time", distNode(models.Dist{Kind: models.Exponential, Mean: 60})).HeadComment =
			comment("handle time: no answered contact in the log; a placeholder of 1 minute")
	case math.IsNaN(h.KS):
		add(ch, "handle_time", distNode(h.Dist)).HeadComment =
			comment("handle time: too few answered contacts in the log to fit a law; exponential of their mean")
	case h.Dist.Kind == models.Deterministic:
		add(ch, "handle_time", distNode(h.Dist)).HeadComment =
			comment(fmt.Sprintf("handle time: every answered contact in the log took %s: a fixed time", durationText(h.Dist.Mean)))
	default:
		add(ch, "handle_time", distNode(h.Dist)).HeadComment = comment(fmt.Sprintf("handle time: %s; the log's mean %s, CV %.2f (%s)",
			lawNote(h), durationText(c.SampleMean), c.SampleCV, ksNote(c.HandleLaws)))
	}
	if f.typed() {
		own := flowMapping()
		for _, t := range c.Types {
			if t.ownHandle() {
				addNamed(own, t.Name, distNode(t.Handle.Dist))
			}
		}
		if len(own.Content) > 0 {
			add(ch, "handle_times", own).HeadComment = comment(fmt.Sprintf(
				"by type: the closest law for each type with %d answered contacts or more (the others take handle_time)", minTypeAnswered))
		}
	}
	f.writeWrap(ch, c)
	switch {
	case math.IsNaN(c.PatienceMean):
		never := plain("never")
		never.LineComment = comment("nobody gave up in the log")
		add(ch, "patience", never)
	case c.PatienceMean < 1:
		add(ch, "patience", distNode(models.Dist{Kind: models.Exponential, Mean: 1})).HeadComment = comment(fmt.Sprintf(
			"patience: those who gave up did so at once (%.2f s of waiting for each); held at 1 s", c.PatienceMean))
	case f.Options.PatienceKM && c.PatienceKM.Kind != "":
		add(ch, "patience", distNode(c.PatienceKM)).HeadComment = comment(
			"patience: the Kaplan–Meier curve (answered waits censored), its quantiles drawn alike; past the log's longest wait",
			fmt.Sprintf("(%s), an exponential tail of the exponential fit's mean; mean %s", durationText(slices.Max(c.PatienceKM.Values)),
				durationText(c.PatienceKM.MeanValue())))
	default:
		add(ch, "patience", distNode(models.Dist{Kind: models.Exponential, Mean: c.PatienceMean})).HeadComment =
			comment("patience: exponential, mean = time waited by all ÷ those who gave up (answered waits are censored)")
	}
	sl := flowMapping()
	add(sl, "within", plain(models.FormatDurationOneUnit(f.Options.AnswerWithin)))
	add(ch, "service_level", sl)
	return ch
}

// journeySettings adds the journey's redials (and, with several
// channels, the stay bonus that sends them back to the channel given up
// on), when the log has redials.
func (f *Fit) journeySettings(top *yaml.Node) {
	if f.retries() {
		journey := mapping()
		add(top, "journey", journey).HeadComment = "\n"
		add(journey, "retry", plain(strconv.FormatFloat(round(100*f.Redials, 2), 'f', -1, 64)+"%")).HeadComment = comment(fmt.Sprintf(
			"redials: %.1f %% of the %d give-ups by customers the log identifies were followed by a call within %s, after %s on average",
			100*f.Redials, int(f.RedialBase), models.FormatDuration(f.Options.RedialWithin), readable(f.RedialDelay)))
		add(journey, "retry_delay", distNode(models.Dist{Kind: models.Exponential, Mean: f.RedialDelay}))
		if len(f.Channels) > 1 {
			choice := mapping()
			add(top, "choice", choice).HeadComment = "\n"
			add(choice, "stay", plain(strconv.FormatFloat(round(f.stay(), 3), 'f', -1, 64))).HeadComment = comment(fmt.Sprintf(
				"%.1f %% of redials came back to the channel given up on; with every channel alike otherwise, this stay bonus makes it so", 100*f.RedialSame))
		}
	}
}

// poolSettings adds the pools: one of the agents the log's contacts
// needed when it names no agents, or one per group of agents it names,
// with their presence and availability.
func (f *Fit) poolSettings(top *yaml.Node) {
	interval := f.Options.Interval
	pools := mapping()
	add(top, "pools", pools).HeadComment = "\n"
	if len(f.Pools) == 0 {
		agents, how := f.staffing()
		pool := mapping()
		add(pools, "agents", pool)
		keys := flowList()
		for _, c := range f.Channels {
			addName(keys, c.Name)
		}
		add(pool, "skills", keys)
		add(pool, "agents", list(ints(agents))).HeadComment = comment(how)
		return
	}
	var value func(g, b int) float64
	if av := f.Availability; av != nil {
		value = func(g, b int) float64 { return av.Groups[g].Parts[b].Value }
	}
	for i, p := range f.Pools {
		pool := mapping()
		addNamed(pools, p.Name, pool)
		skills := flowList()
		for _, s := range p.Skills {
			addName(skills, s)
		}
		add(pool, "skills", skills).HeadComment = comment(
			fmt.Sprintf("%d agents in the log who served %s most; agents: those at work per %s of the week, from the start of each working",
				p.People, p.Skills[0], models.FormatDurationOneUnit(interval)),
			fmt.Sprintf("span (services apart by %s at most, and an idle gap before the first and after the last) to its end, rounded up",
				models.FormatDuration(f.Options.SpanGap)))
		agents, _ := f.presenceFold(i)
		add(pool, "agents", list(ints(agents)))
		avail := f.poolAvailability(i, value)
		if !slices.ContainsFunc(avail, func(a float64) bool { return a < 1 }) {
			continue
		}
		var notes []string
		if g := f.groupOf(i); g >= 0 && f.Availability.Fixed {
			notes = []string{fmt.Sprintf("availability: %s of their time at work ready for contacts, as given to omnisim fit; times the share of each",
				pctText(f.Availability.Groups[g].Value)), "interval the agents above were at work in the log"}
		} else if g >= 0 {
			notes = []string{fmt.Sprintf("availability: %s of their time at work the agents were ready for contacts (95 %% CI ± %s), estimated by",
				pctText(f.Availability.Groups[g].Value), pctText(f.Availability.Groups[g].HalfWidth)),
				fmt.Sprintf("simulation per %s of the day (longer where the log has fewer than %d contacts); times the share of each interval",
					models.FormatDuration(f.Availability.Part), minPartContacts),
				"the agents above were at work in the log"}
		} else {
			notes = []string{"availability: the share of each interval the agents above were at work in the log"}
		}
		for k, a := range avail {
			avail[k] = math.Max(a, 0.001) // held positive at the precision written
		}
		add(pool, "availability", list(numbers(avail, 3))).HeadComment = comment(notes...)
		if f.Availability != nil {
			add(pool, "away_spell", plain(models.FormatDurationOneUnit(f.Availability.AwaySpell)))
		}
	}
}

// writeWrap adds the channel's after-call work to its mapping: wrap_time,
// and wrap_times for the types with a law of their own, each with where it
// comes from (wrap.go). A channel without gaps enough has none.
func (f *Fit) writeWrap(ch *yaml.Node, c *ChannelFit) {
	own := c.ownWrap()
	if w := c.WrapTime; w.Law.Kind != "" {
		of := "the"
		if own {
			of = "the types without a law of their own:"
		}
		pickup := models.FormatDuration(awayPickup)
		add(ch, "wrap_time", distNode(w.Law)).HeadComment = comment(
			fmt.Sprintf("after-call work: lognormal with the mean and CV of %s %d gaps in the log between the end of an agent's call and their next,",
				of, w.Gaps),
			fmt.Sprintf("to a caller queued by then (gaps of %s at most, where a caller was still waiting %s after the call; longer ones are time away):",
				pickup, pickup),
			fmt.Sprintf("mean %.1f s, CV %.2f; it cannot be told from a delay in picking up, and the log's handle times may already hold part of it",
				w.Mean, w.CV))
	}
	if !own {
		return
	}
	laws := flowMapping()
	for _, t := range c.Types {
		if t.Wrap.Law.Kind != "" {
			addNamed(laws, t.Name, distNode(t.Wrap.Law))
		}
	}
	others := "the others take wrap_time"
	if c.WrapTime.Law.Kind == "" {
		others = "the others have none: " + strings.TrimPrefix(c.WrapTime.note(), "none: ")
	}
	add(ch, "wrap_times", laws).HeadComment = comment(fmt.Sprintf(
		"after-call work by type: the same, for each type with %d gaps or more (%s)", minWrapGaps, others))
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

// distNode writes a fitted law as the scenario format reads it, a flow
// mapping: {dist: lognormal, mean: 4m, cv: 0.8}; an exponential by its
// mean, an empirical law by its values (and its tail, when it has one).
func distNode(d models.Dist) *yaml.Node {
	n := flowMapping()
	add(n, "dist", plain(string(d.Kind)))
	switch d.Kind {
	case models.Exponential, models.Deterministic:
		add(n, "mean", plain(models.FormatDurationOneUnit(d.Mean)))
	case models.Empirical:
		values := make([]string, len(d.Values))
		for i, v := range d.Values {
			values[i] = models.FormatDurationOneUnit(v)
		}
		add(n, "values", list(values))
		if d.Tail > 0 {
			add(n, "tail", plain(models.FormatDurationOneUnit(d.Tail)))
		}
	default:
		add(n, "mean", plain(models.FormatDurationOneUnit(d.Mean)))
		add(n, "cv", plain(strconv.FormatFloat(round(d.CV, 3), 'f', -1, 64)))
	}
	return n
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
func shares(names []string, counts []int) *yaml.Node {
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
	n := flowMapping()
	for i, m := range millionths {
		addNamed(n, names[i], plain(strconv.FormatFloat(float64(m)/1e4, 'f', -1, 64)+"%"))
	}
	return n
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
		if slices.ContainsFunc(f.Channels, func(c ChannelFit) bool { return c.WrapTime.Law.Kind != "" || c.ownWrap() }) {
			s += fmt.Sprintf(" After-call work (wrap_time) has the mean and CV of the gaps between the end of an agent's call and their next, "+
				"to a caller queued by then, on each channel where the log has %d of them or more; it cannot be told from a delay in picking up, "+
				"and the log's handle times may already hold part of it.", minWrapGaps)
		} else {
			s += " The log shows no after-call work (an agent's next call to a caller queued by then began at once, or too few did to tell): none is simulated."
		}
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

// mapping returns an empty block mapping, a key on each line.
func mapping() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode} }

// flowMapping returns an empty flow mapping, written on its key's line:
// {a: 1, b: 2}.
func flowMapping() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle} }

// flowList returns an empty flow list, written on its key's line: [1, 2].
func flowList() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle} }

// list returns a flow list of values written as they are.
func list(values []string) *yaml.Node {
	l := flowList()
	for _, v := range values {
		l.Content = append(l.Content, plain(v))
	}
	return l
}

// plain returns a scalar written as it is, without quotes: the scenario's
// keys, numbers, durations and words, which need none.
func plain(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: v} }

// nameNode returns a channel's, pool's or type's name as a scalar: plain
// when YAML reads it back as the same string (a name scenarios.ValidName
// accepts that begins with neither a digit nor -), else double-quoted.
func nameNode(s string) *yaml.Node {
	n := plain(s)
	if !scenarios.ValidName(s) || strings.ContainsAny(s[:1], "0123456789-") {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// add appends key: value to the mapping m and returns the key's node, for
// the comment above it.
func add(m *yaml.Node, key string, value *yaml.Node) *yaml.Node {
	k := plain(key)
	m.Content = append(m.Content, k, value)
	return k
}

// addNamed appends name: value to the mapping m, the name as nameNode
// writes it.
func addNamed(m *yaml.Node, name string, value *yaml.Node) {
	m.Content = append(m.Content, nameNode(name), value)
}

// addName appends a name to the list l, as nameNode writes it.
func addName(l *yaml.Node, name string) { l.Content = append(l.Content, nameNode(name)) }

// comment returns lines as a comment, each line begun with "# ".
func comment(lines ...string) string { return "# " + strings.Join(lines, "\n# ") }

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// numbers writes numbers rounded to digits decimals.
func numbers(xs []float64, digits int) []string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.FormatFloat(round(x, digits), 'f', -1, 64)
	}
	return parts
}

// ints writes whole numbers.
func ints(xs []int) []string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return parts
}

func weekdayName(d models.Weekday) string {
	s := d.String()
	return strings.ToUpper(s[:1]) + s[1:]
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
