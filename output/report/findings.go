package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// The headline findings read the tables of the Dataset alone, over the
// intervals of the measured window (an interval the warm-up ends in counts
// whole). Counts are means per replication; service levels, abandonment and
// ASA are pooled over every replication (contacts answered within the
// threshold over all replications ÷ contacts offered over all), so that
// they can differ from the text report's means of each replication's figure
// in the last decimals.

// reportChannelTotals is one channel's figures over the measured window,
// added up from its intervals.
type reportChannelTotals struct {
	offered, answered, abandoned float64
	within                       float64 // answered within the threshold
	waited                       float64 // total wait of the answered
	// intervals counts the intervals with contacts; missed those whose
	// verdict on the target (intervals.csv's service_level_verdict) was
	// missed, undecided those whose verdict was undecided, below those whose
	// service level was below the target whatever the verdict;
	// closedMissed and closedBelow those among them in which every contact
	// was turned away.
	intervals, missed, undecided, below, closedMissed, closedBelow int
	// judged tells that intervals.csv holds the verdicts (a folder of an
	// older omnisim does not).
	judged bool
	// worst is the row of the interval with the lowest service level among
	// those in which some contact was not turned away; busiest the row of
	// the interval with the most contacts offered; -1 if none.
	worst, busiest int
	// backlog is the backlog at the end of the last interval.
	backlog float64
}

// channelTotals adds up channel i's intervals in the measured window.
func (v *reportView) channelTotals(i int) reportChannelTotals {
	t, target := v.intervals, v.meta.Channels[i].Target
	verdict := t.Col("service_level" + output.VerdictSuffix)
	run := reportChannelTotals{worst: -1, busiest: -1, backlog: math.NaN(), judged: verdict >= 0}
	// The columns are looked up once, not at each row.
	startCol, backlogCol, offeredCol := t.Col("start_seconds"), t.Col("backlog"), t.Col("offered")
	answeredCol, abandonedCol, slCol := t.Col("answered"), t.Col("abandoned"), t.Col("service_level")
	asaCol, blockedCol := t.Col("asa_seconds"), t.Col("blocked")
	worstSL, busiest := math.Inf(1), 0.0
	for _, r := range v.ivRows[i] {
		if !v.ivMeasured(t.FloatAt(r, startCol)) {
			continue
		}
		run.backlog = t.FloatAt(r, backlogCol)
		offered := t.FloatAt(r, offeredCol)
		if !(offered > 0) {
			continue
		}
		run.intervals++
		run.offered += offered
		answered := t.FloatAt(r, answeredCol)
		reportAdd(&run.answered, answered)
		reportAdd(&run.abandoned, t.FloatAt(r, abandonedCol))
		sl := t.FloatAt(r, slCol)
		reportAdd(&run.within, sl*offered)
		if answered > 0 {
			reportAdd(&run.waited, t.FloatAt(r, asaCol)*answered)
		}
		closed := t.FloatAt(r, blockedCol) >= offered
		if target > 0 {
			switch t.TextAt(r, verdict) {
			case output.VerdictMissed:
				run.missed++
				if closed {
					run.closedMissed++
				}
			case output.VerdictUndecided:
				run.undecided++
			}
			if sl < target {
				run.below++
				if closed {
					run.closedBelow++
				}
			}
		}
		if !closed && sl < worstSL {
			worstSL, run.worst = sl, r
		}
		if offered > busiest {
			busiest, run.busiest = offered, r
		}
	}
	return run
}

func (c reportChannelTotals) serviceLevel() float64 { return reportRatio(c.within, c.offered) }
func (c reportChannelTotals) abandonment() float64  { return reportRatio(c.abandoned, c.offered) }
func (c reportChannelTotals) asa() float64          { return reportRatio(c.waited, c.answered) }

// findings fills the page's headline findings: a lead sentence on the
// targets, a table of every channel at a glance, what each channel went
// through, the customers' journey and word of mouth.
func (v *reportView) findings(p *reportPage) {
	m := v.meta
	if len(m.Channels) == 0 {
		p.Lead = []string{"This run has no channels: there is nothing to report."}
		return
	}
	runs := make([]reportChannelTotals, len(m.Channels))
	var met, missed, undecided []string
	for i, ch := range m.Channels {
		runs[i] = v.channelTotals(i)
		if ch.Target > 0 && runs[i].offered > 0 && ch.Kind != string(models.SelfService) {
			switch v.runVerdict(i, runs[i]) {
			case output.VerdictMet:
				met = append(met, ch.Name)
			case output.VerdictMissed:
				missed = append(missed, ch.Name)
			default:
				undecided = append(undecided, ch.Name)
			}
		}
	}
	switch {
	case len(met)+len(missed)+len(undecided) == 0:
		p.Lead = append(p.Lead, "No channel had a service-level target to judge in this run.")
	case len(met)+len(missed) == 0:
	case len(missed) == 0:
		p.Lead = append(p.Lead, fmt.Sprintf("%s met %s service-level target%s over the run.",
			reportCapital(output.JoinAnd(met)), reportIts(len(met)), output.Plural(len(met))))
	case len(met) == 0:
		p.Lead = append(p.Lead, fmt.Sprintf("%s missed %s service-level target%s over the run.",
			reportCapital(output.JoinAnd(missed)), reportIts(len(missed)), output.Plural(len(missed))))
	default:
		p.Lead = append(p.Lead, fmt.Sprintf("%s missed %s service-level target%s over the run; %s met %s.",
			reportCapital(output.JoinAnd(missed)), reportIts(len(missed)), output.Plural(len(missed)), output.JoinAnd(met), reportItsTheirs(len(met))))
	}
	if len(undecided) > 0 {
		why := "the 95 % confidence interval of the service level holds the target"
		if m.Replications < 2 {
			why = "a single replication gives no confidence interval to judge by"
		}
		p.Lead = append(p.Lead, fmt.Sprintf("Whether %s met %s service-level target%s over the run is undecided: %s.",
			output.JoinAnd(undecided), reportIts(len(undecided)), output.Plural(len(undecided)), why))
	}
	if len(m.Pools) > 0 {
		scheduled := 0.0
		for i := range m.Pools {
			scheduled += v.poolTotal(i).scheduled
		}
		if !(scheduled > 0) {
			p.Lead = append(p.Lead, "No agent was scheduled in this run: no contact needing an agent could be answered.")
		}
	}
	if m.WarmupSeconds > 0 {
		p.Notes = append(p.Notes, fmt.Sprintf("The findings leave out the warm-up (the first %s).", models.FormatDuration(m.WarmupSeconds)))
	}
	p.Notes = append(p.Notes, "Service levels, abandonment and ASA pool the contacts of every replication.")
	if m.Replications > 1 {
		p.Notes = append(p.Notes, "Counts are means per replication.")
	}

	p.Glance = v.glance(runs)
	for i := range m.Channels {
		p.Channels = append(p.Channels, v.channelFinding(i, runs[i]))
	}
	p.Journey, p.JourneyNote = v.journey()
	if m.WordOfMouth {
		p.Mouth, p.Waits = v.wordOfMouth()
	} else {
		p.Notes = append(p.Notes, "Word of mouth was off in this scenario: what customers expect did not move.")
	}
}

// glance is a table of every channel over the run.
func (v *reportView) glance(runs []reportChannelTotals) *reportTable {
	t := &reportTable{Head: []string{"channel", "kind", "offered", "answered", "abandonment", "ASA", "service level", "target", "verdict"}}
	for i, ch := range v.meta.Channels {
		run := runs[i]
		sl, target, verdict := output.Value(run.serviceLevel(), output.UnitShare), "–", reportCell{Text: "–", Left: true}
		// With replications, the figures as the printed results give
		// them: the mean of the replications with its 95 % half-width.
		if e, ok := v.total(ch.Name, "service_level"); ok {
			sl = reportPlusMinus(e, output.UnitShare)
		}
		if ch.Target > 0 {
			target = fmt.Sprintf("%s within %s", reportPct(ch.Target), reportDuration(ch.WithinSecond))
			switch verdict.Text = v.runVerdict(i, run); verdict.Text {
			case "":
				verdict.Text = "no contacts"
			case output.VerdictMet, output.VerdictMissed:
				verdict.Mark = verdict.Text
			}
		}
		abandon, asa := output.Value(run.abandonment(), output.UnitShare), output.Value(run.asa(), output.UnitSeconds)
		if e, ok := v.total(ch.Name, "p_abandon"); ok {
			abandon = reportPlusMinus(e, output.UnitShare)
		}
		if e, ok := v.total(ch.Name, "asa_seconds"); ok {
			asa = reportPlusMinus(e, output.UnitSeconds)
		}
		if !models.FigureApplies(models.ChannelKind(ch.Kind), "p_abandon") {
			abandon = "–"
		}
		if ch.Kind == string(models.SelfService) {
			sl, target, abandon, asa, verdict.Text, verdict.Mark = "–", "–", "–", "–", "–", ""
		}
		t.Rows = append(t.Rows, []reportCell{{Text: ch.Name, Left: true}, {Text: ch.Kind, Left: true},
			{Text: v.count(run.offered)}, {Text: v.count(run.answered)}, {Text: abandon}, {Text: asa}, {Text: sl},
			{Text: target}, verdict})
	}
	return t
}

// total returns a channel figure's mean and half-width from totals.csv,
// when the run had two replications or more to give a half-width.
func (v *reportView) total(channel, key string) (models.Estimate, bool) {
	t := v.totals
	if t == nil || v.meta.Replications < 2 {
		return models.Estimate{}, false
	}
	for r := range t.Len() {
		if t.Text(r, "scope") == "channel" && t.Text(r, "name") == channel && t.Text(r, "figure") == key {
			e := models.Estimate{Mean: t.Float(r, "mean"), HalfWidth: t.Float(r, "ci95")}
			return e, !math.IsNaN(e.Mean) && !math.IsNaN(e.HalfWidth)
		}
	}
	return models.Estimate{}, false
}

// runVerdict is channel i's verdict on its service-level target over the
// run (output.Verdict): by the mean of the replications' service levels and its
// 95 % half-width, as the printed results give them; undecided with a
// single replication, or a folder without totals.csv, which give no
// interval; "" without contacts.
func (v *reportView) runVerdict(i int, run reportChannelTotals) string {
	ch := v.meta.Channels[i]
	if !(run.offered > 0) {
		return ""
	}
	if e, ok := v.total(ch.Name, "service_level"); ok {
		return output.Verdict(e.Mean, e.HalfWidth, ch.Target, true)
	}
	return output.Verdict(run.serviceLevel(), math.NaN(), ch.Target, true)
}

// reportPlusMinus writes an estimate as "83.04 % ± 0.45": the half-width
// in the mean's unit, written once ("12.36 h ± 0.55", never "12.36 h ±
// 32.90 min"), as output.Estimate writes it.
func reportPlusMinus(e models.Estimate, unit string) string {
	return output.Estimate(e.Mean, e.HalfWidth, unit)
}

// channelFinding says what channel i went through over the run.
func (v *reportView) channelFinding(i int, run reportChannelTotals) reportChannel {
	ch := v.meta.Channels[i]
	f := reportChannel{ID: v.id("finding-", ch.Name), Name: ch.Name, Kind: ch.Kind, Class: "none", Badge: "no target"}
	name := reportCapital(ch.Name)
	one, many := v.intervalNouns()
	selfService := ch.Kind == string(models.SelfService)
	if ch.Target > 0 && !selfService {
		f.Badge = "target " + reportPct(ch.Target)
	}
	if !(run.offered > 0) {
		f.Badge = "no contacts"
		s := name + " had no contacts in the measured window"
		if ch.Target > 0 && !selfService {
			s += fmt.Sprintf(", so its %s target could not be judged", reportPct(ch.Target))
		}
		f.Sentences = append(f.Sentences, s+".")
		return f
	}
	if selfService {
		f.Badge = "self-service"
		f.Sentences = append(f.Sentences, fmt.Sprintf("%s had %s sessions started and %s finished.",
			name, v.spoken(run.offered), v.spoken(run.answered)))
		return v.busiestSentence(f, run, one)
	}
	sl := run.serviceLevel()
	switch {
	case ch.Target > 0 && v.runVerdict(i, run) == output.VerdictUndecided:
		f.Badge = reportPct(ch.Target) + " target undecided"
		why := "the 95 % confidence interval holds the target"
		if v.meta.Replications < 2 {
			why = "a single replication gives no confidence interval to judge by"
		}
		f.Sentences = append(f.Sentences, fmt.Sprintf("Whether %s met its %s target over the run is undecided: %s of its contacts were answered within %s, and %s.",
			ch.Name, reportPct(ch.Target), reportPct(sl), reportDuration(ch.WithinSecond), why))
		f.Sentences = append(f.Sentences, v.missedSentence(run, ch.Target, one, many))
	case ch.Target > 0:
		verdict := v.runVerdict(i, run)
		f.Class = verdict
		f.Badge = verdict + " " + reportPct(ch.Target) + " target"
		f.Sentences = append(f.Sentences, fmt.Sprintf("%s %s its %s target over the run: %s of its contacts were answered within %s.",
			name, verdict, reportPct(ch.Target), reportPct(sl), reportDuration(ch.WithinSecond)))
		f.Sentences = append(f.Sentences, v.missedSentence(run, ch.Target, one, many))
	case ch.WithinSecond > 0:
		f.Sentences = append(f.Sentences, fmt.Sprintf("%s has no service-level target; %s of its contacts were answered within %s.",
			name, reportPct(sl), reportDuration(ch.WithinSecond)))
	default:
		f.Sentences = append(f.Sentences, name+" has no service-level target.")
	}
	s := fmt.Sprintf("It was offered %s contacts and answered %s", v.spoken(run.offered), v.spoken(run.answered))
	if ch.Kind == string(models.Live) || reportNonZero(run.abandoned) {
		s += fmt.Sprintf("; %s were abandoned", reportPct(run.abandonment()))
	}
	if a := run.asa(); !math.IsNaN(a) {
		s += fmt.Sprintf("; the answered waited %s on average", reportNB(output.Value(a, output.UnitSeconds)))
	}
	f.Sentences = append(f.Sentences, s+".")
	f = v.busiestSentence(f, run, one)
	if ch.Kind == string(models.Deferred) && !math.IsNaN(run.backlog) {
		if run.backlog > 0 {
			f.Sentences = append(f.Sentences, fmt.Sprintf("%s contacts were still in its backlog at the end of the run.", reportCapital(v.spoken(run.backlog))))
		} else {
			f.Sentences = append(f.Sentences, "Its backlog was empty at the end of the run.")
		}
	}
	return f
}

// missedSentence says in how many intervals a channel missed its target,
// and which was the worst.
func (v *reportView) missedSentence(run reportChannelTotals, target float64, one, many string) string {
	t := v.intervals
	if run.undecided > 0 || !run.judged {
		return v.undecidedSentence(run, target, one, many)
	}
	if run.missed == 0 {
		if run.intervals == 1 {
			return fmt.Sprintf("It met the target in its only %s with contacts.", one)
		}
		return fmt.Sprintf("It met the target in every one of the %s %s with contacts.", output.Thousands(int64(run.intervals)), many)
	}
	s := fmt.Sprintf("It missed the target in %s of %s %s with contacts", output.Thousands(int64(run.missed)),
		output.Thousands(int64(run.intervals)), many)
	switch {
	case run.intervals == 1:
		s = fmt.Sprintf("It missed the target in its only %s with contacts", one)
	case run.missed == run.intervals:
		s = fmt.Sprintf("It missed the target in every one of the %s %s with contacts", output.Thousands(int64(run.intervals)), many)
	}
	switch {
	case run.closedMissed == run.missed:
		s += "; in each, every contact was turned away (the channel closed, or every line busy)"
	case run.worst >= 0 && t.Float(run.worst, "service_level") < target:
		if run.missed > 1 {
			s += fmt.Sprintf("; the worst was %s, at %s", v.moment(t, run.worst), reportPct(t.Float(run.worst, "service_level")))
		} else {
			s += fmt.Sprintf(": %s, at %s", v.moment(t, run.worst), reportPct(t.Float(run.worst, "service_level")))
		}
		if run.closedMissed > 0 {
			s += fmt.Sprintf(". In %s of them every contact was turned away (the channel closed, or every line busy)",
				output.Thousands(int64(run.closedMissed)))
		}
	}
	return s + "."
}

// undecidedSentence says how a channel fared against its target interval
// by interval when some verdicts are undecided: how many intervals met and
// missed it; or, with a single replication or in a folder without verdicts,
// in how many the service level was below the target, without a verdict.
// Then which interval's service level was lowest.
func (v *reportView) undecidedSentence(run reportChannelTotals, target float64, one, many string) string {
	t := v.intervals
	var s string
	switch {
	case run.judged && run.intervals == 1:
		s = fmt.Sprintf("The verdict is undecided in its only %s with contacts", one)
	case run.judged && v.meta.Replications >= 2:
		s = fmt.Sprintf("Of %s %s with contacts, it met the target in %s, missed it in %s, and in %s the 95 %% confidence interval held the target (undecided)",
			output.Thousands(int64(run.intervals)), many, output.Thousands(int64(run.intervals-run.missed-run.undecided)),
			output.Thousands(int64(run.missed)), output.Thousands(int64(run.undecided)))
	default:
		s = fmt.Sprintf("Its service level was below the target in %s of %s %s with contacts",
			output.Thousands(int64(run.below)), output.Thousands(int64(run.intervals)), many)
		if v.meta.Replications < 2 {
			s = fmt.Sprintf("A single replication decides no verdict by %s. %s", one, s)
		}
		if run.closedBelow > 0 {
			s += fmt.Sprintf(" (in %s of them every contact was turned away: the channel closed, or every line busy)",
				output.Thousands(int64(run.closedBelow)))
		}
	}
	if run.worst >= 0 && t.Float(run.worst, "service_level") < target {
		s += fmt.Sprintf("; the worst was %s, at %s", v.moment(t, run.worst), reportPct(t.Float(run.worst, "service_level")))
	}
	return s + "."
}

// busiestSentence adds the channel's busiest interval to f.
func (v *reportView) busiestSentence(f reportChannel, run reportChannelTotals, one string) reportChannel {
	if run.busiest < 0 || run.intervals < 2 {
		return f
	}
	t := v.intervals
	s := fmt.Sprintf("The busiest %s was %s, with %s contacts offered", one, v.moment(t, run.busiest),
		v.spoken(t.Float(run.busiest, "offered")))
	if f.Kind != string(models.SelfService) {
		if sl := t.Float(run.busiest, "service_level"); !math.IsNaN(sl) {
			s += fmt.Sprintf(" and a service level of %s", reportPct(sl))
		}
	}
	f.Sentences = append(f.Sentences, s+".")
	return f
}

// reportCustomerTotals is the customers' figures over the days of the
// measured window, each day weighted by its customers: customers.csv has
// each day's figures, not their tallies, so a share or a mean per customer
// times the day's customers stands for the tally (exact when every customer
// who began that day finished, as without a cutoff).
type reportCustomerTotals struct {
	customers                                      float64
	resolved, gaveUp, contacts, switches, escalate float64 // weighted sums
	satisfaction, timeToRes, resolvedForTime       float64
	partial                                        bool // a day counted holds part of the warm-up
}

// customerTotals adds up the days of the measured window in customers.csv.
func (v *reportView) customerTotals() reportCustomerTotals {
	t := v.customers
	var c reportCustomerTotals
	for r := range t.Len() {
		d := reportDayOf(t, r)
		if !v.dayMeasured(d) {
			continue
		}
		if d >= 1 && v.measured(float64(d-1)*86400, 86400) < 1 && float64(d-1)*86400 < v.meta.WarmupSeconds {
			c.partial = true
		}
		n := t.Float(r, "customers")
		if !(n > 0) {
			continue
		}
		c.customers += n
		rs := t.Float(r, "resolved_share")
		reportAdd(&c.resolved, n*rs)
		reportAdd(&c.gaveUp, n*t.Float(r, "gave_up_share"))
		reportAdd(&c.contacts, n*t.Float(r, "contacts_per_customer"))
		reportAdd(&c.switches, n*t.Float(r, "switches_per_customer"))
		reportAdd(&c.escalate, n*t.Float(r, "escalations_per_customer"))
		reportAdd(&c.satisfaction, n*t.Float(r, "satisfaction"))
		if ttr := t.Float(r, "time_to_resolution_seconds"); !math.IsNaN(ttr) && rs > 0 {
			c.timeToRes += n * rs * ttr
			c.resolvedForTime += n * rs
		}
	}
	return c
}

// The customers' figures over the run.
func (c reportCustomerTotals) resolvedShare() float64 { return reportRatio(c.resolved, c.customers) }
func (c reportCustomerTotals) gaveUpShare() float64   { return reportRatio(c.gaveUp, c.customers) }
func (c reportCustomerTotals) perCustomer() float64   { return reportRatio(c.contacts, c.customers) }
func (c reportCustomerTotals) perResolution() float64 { return reportRatio(c.contacts, c.resolved) }
func (c reportCustomerTotals) timeToResolution() float64 {
	return reportRatio(c.timeToRes, c.resolvedForTime)
}
func (c reportCustomerTotals) switchesPer() float64    { return reportRatio(c.switches, c.customers) }
func (c reportCustomerTotals) escalationsPer() float64 { return reportRatio(c.escalate, c.customers) }
func (c reportCustomerTotals) satisfactionMean() float64 {
	return reportRatio(c.satisfaction, c.customers)
}

// journey says what customers went through, and how the figures over the
// run are made.
func (v *reportView) journey() ([]string, string) {
	c := v.customerTotals()
	if !(c.customers > 0) {
		return []string{"No customer began a journey in the measured window."}, ""
	}
	var out []string
	out = append(out, fmt.Sprintf("%s customers began a journey; %s had their issue resolved and %s gave up.",
		reportCapital(v.spoken(c.customers)), reportPct(c.resolvedShare()), reportPct(c.gaveUpShare())))
	s := fmt.Sprintf("They made %s contacts each on average, %s per resolved issue", output.Count(c.perCustomer(), 2), output.Count(c.perResolution(), 2))
	if math.IsNaN(c.perResolution()) {
		s = fmt.Sprintf("They made %s contacts each on average; not one had an issue resolved", output.Count(c.perCustomer(), 2))
	}
	if ttr := c.timeToResolution(); !math.IsNaN(ttr) {
		s += fmt.Sprintf("; a resolution took %s from the first contact", reportNB(output.Value(ttr, output.UnitSeconds)))
	}
	out = append(out, s+".")
	sw, esc := c.switchesPer(), c.escalationsPer()
	switch {
	case reportNonZero(sw) && reportNonZero(esc):
		out = append(out, fmt.Sprintf("For every 100 customers there were %s moves to another channel and %s escalations.",
			output.SpokenNumber(100*sw), output.SpokenNumber(100*esc)))
	case reportNonZero(sw):
		out = append(out, fmt.Sprintf("For every 100 customers there were %s moves to another channel; none was escalated.", output.SpokenNumber(100*sw)))
	case reportNonZero(esc):
		out = append(out, fmt.Sprintf("For every 100 customers there were %s escalations; none moved to another channel.", output.SpokenNumber(100*esc)))
	default:
		out = append(out, "No customer moved to another channel or was escalated.")
	}
	if sat := c.satisfactionMean(); !math.IsNaN(sat) {
		out = append(out, fmt.Sprintf("Their satisfaction averaged %s (100 %% is an issue resolved at the first contact, answered as soon as expected).", reportPct(sat)))
	}
	note := "Customers count by the day their journey began; these figures cover the days of the measured window, each weighted by its customers"
	if c.partial {
		note += " (the first of them holds part of the warm-up)"
	}
	return out, note + "."
}

// wordOfMouth says how expectations moved from the end of the first day of
// the measured window to the end of the last, and shows each channel's
// expected wait on both.
func (v *reportView) wordOfMouth() ([]string, *reportTable) {
	t := v.expect
	if t == nil {
		return []string{"Word of mouth was on, but the run has no expectation levels to show."}, nil
	}
	// The last interval of each day holds the level at the day's end.
	first, last := -1, -1
	for r := range t.Len() {
		d := reportDayOf(t, r)
		if !v.dayMeasured(d) {
			continue
		}
		if first < 0 || reportDayOf(t, first) == d {
			first = r
		}
		last = r
	}
	if last < 0 {
		return []string{"Word of mouth was on, but the run has no expectation levels to show."}, nil
	}
	l0, l1 := t.Float(first, "level"), t.Float(last, "level")
	var out []string
	d0, d1 := v.dayName(t, first), v.dayName(t, last)
	switch {
	case math.IsNaN(l0) || math.IsNaN(l1):
		out = append(out, "The expectation level is undefined at the end of the run.")
	case reportDayOf(t, first) == reportDayOf(t, last):
		out = append(out, fmt.Sprintf("The expectation level stood at %s at the end of %s.", output.Value(l1, output.UnitRatio), d1))
	case output.Value(l0, output.UnitRatio) == output.Value(l1, output.UnitRatio):
		out = append(out, fmt.Sprintf("The expectation level stayed at %s from the end of %s to the end of %s.", output.Value(l1, output.UnitRatio), d0, d1))
	default:
		way := "rose"
		if l1 < l0 {
			way = "fell"
		}
		out = append(out, fmt.Sprintf("The expectation level %s from %s at the end of %s to %s at the end of %s.",
			way, output.Value(l0, output.UnitRatio), d0, output.Value(l1, output.UnitRatio), d1))
	}
	if f := t.Float(last, "patience_factor"); !math.IsNaN(f) {
		out = append(out, fmt.Sprintf("Patience on every channel was then %s of what it was with no expectations (a factor of %s).",
			reportPct(f), output.Value(f, output.UnitRatio)))
	}

	// Each channel's expected wait at the end of the same two days.
	dFirst, dLast := reportDayOf(t, first), reportDayOf(t, last)
	waits := &reportTable{Head: []string{"channel", "expected wait, end of " + v.dayShort(t, first), "end of " + v.dayShort(t, last), "change"}}
	for i, ch := range v.meta.Channels {
		w0, w1 := math.NaN(), math.NaN()
		for _, r := range v.dayRows[i] {
			switch reportDayOf(v.daily, r) {
			case dFirst:
				w0 = v.daily.Float(r, "expected_wait_seconds")
			case dLast:
				w1 = v.daily.Float(r, "expected_wait_seconds")
			}
		}
		change := "–"
		if w0 > 0 && !math.IsNaN(w1) {
			change = fmt.Sprintf("%+.0f %%", 100*(w1/w0-1))
			change = strings.Replace(change, "-", "−", 1)
		}
		waits.Rows = append(waits.Rows, []reportCell{{Text: ch.Name, Left: true},
			{Text: output.Value(w0, output.UnitSeconds)}, {Text: output.Value(w1, output.UnitSeconds)}, {Text: change}})
	}
	return out, waits
}

// dayShort names the day of row r of t for a column heading: "day 2, Mon".
func (v *reportView) dayShort(t *output.CSVTable, r int) string {
	if wd := t.Text(r, "weekday"); wd != "" {
		return fmt.Sprintf("day %s, %s", t.Text(r, "day"), reportWeekdayShort(wd))
	}
	return "day " + t.Text(r, "day")
}

// reportCapital puts the first letter of s in upper case.
func reportCapital(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func reportIts(n int) string {
	if n == 1 {
		return "its"
	}
	return "their"
}

func reportItsTheirs(n int) string {
	if n == 1 {
		return "its"
	}
	return "theirs"
}
