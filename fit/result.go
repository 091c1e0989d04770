package fit

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
	"github.com/omnisim/omnisim/stats"
)

// Fit is what a log says: per channel, its demand, handle times and
// patience, and the agents at work.
type Fit struct {
	Options Options
	// Start is the weekday of the log's first day; Days the days it
	// covers; Weeks how many of each weekday it holds.
	Start models.Weekday
	Days  int
	Weeks [7]int
	// Channels are the channels in the order the log first names them.
	Channels []ChannelFit
	// Agents is the mean number of agents at work in each slot of the
	// week, from Monday 00:00: each agent counts for the share of the slot
	// inside their working spans (spans.go: runs of services no more than
	// Options.SpanGap apart, with an idle gap at each end where the log
	// shows the agent idle there); nil when the log names no agents.
	Agents []float64
	// Pools group the agents by the channel they served most: each pool
	// serves the channels that are minSkillShare of its agents' work or
	// that it answered most of, most served first, with the agents at
	// work per slot of the week; nil when the log names no agents.
	Pools []PoolFit
	// Redials is the share of customers who gave up and called again
	// within Options.RedialWithin, of those the log identifies; NaN when
	// it identifies none.
	Redials, RedialBase float64
	// RedialDelay is the mean time from giving up to calling again, in
	// seconds, of the redials seen; RedialSame the share of them on the
	// channel given up on. NaN without redials.
	RedialDelay, RedialSame float64
	// RedialOrderLost tells that the log left time order after some
	// customers' contacts had been matched and let go (see Fitter): a
	// redial across that point may be missed.
	RedialOrderLost bool
	// RedialScale is every give-up in the log ÷ those of identified
	// customers: unidentified customers redial too, unseen, and a
	// channel's redials seen are scaled up by this much to count them.
	RedialScale float64
	// AwaySpell is the mean length of an agent's spell away from contacts
	// read off the log (away.go), in seconds, from AwaySpells spells and
	// AwayExposure agent-seconds; NaN when the log names no agents or
	// shows too few spells.
	AwaySpell    float64
	AwaySpells   int
	AwayExposure float64
	// Availability is the share of their time at work the agents were
	// ready for contacts, estimated by simulation (Calibrate); nil until
	// then, or when the log names no agents.
	Availability *Availability
	// days are the log's days, from its day 0, in order.
	days []int
}

// ChannelFit is one channel's fit.
type ChannelFit struct {
	Name string
	// Contacts, Answered, Abandoned count the log's contacts.
	Contacts, Answered, Abandoned int
	// Volumes are the mean contacts per slot of the week, from Monday
	// 00:00.
	Volumes []float64
	// Redials counts the redials seen on the channel; Fresh are Volumes
	// less the redials (seen, scaled by Fit.RedialScale), the first tries
	// a scenario with retries sends.
	Redials int
	Fresh   []float64
	// DailyCV is the coefficient of variation of daily volumes around
	// their weekday's mean, and PoissonCV what Poisson arrivals would
	// give: a larger DailyCV is overdispersion.
	DailyCV, PoissonCV float64
	// Noise is the day-to-day variation beyond Poisson: the coefficient of
	// variation of a gamma day factor, sqrt(max(0, DailyCV² − PoissonCV²)).
	Noise float64
	// HandleLaws are the laws fitted to the channel's handle times.
	HandleLaws
	// Types are the channel's contacts by type, most first, when the log
	// gives types: each type's share of the channel's contacts and its
	// handle times fitted as the channel's are.
	Types []TypeFit
	// Wrap is the after-call work the log shows after the channel's
	// contacts (wrap.go), and WrapTime the channel's wrap_time: the same,
	// but when some types have a law of their own (TypeFit.Wrap), of the
	// gaps after the other types' contacts, to which it applies.
	Wrap, WrapTime WrapFit
	// Sample is a uniform sample of the log's handle times (at most
	// sampleSize of them), for charts.
	Sample []float64
	// PatienceMean is the exponential patience's maximum-likelihood mean:
	// the total time every contact waited ÷ the number who gave up
	// (answered waits are censored observations of patience). NaN with no
	// abandonment.
	PatienceMean float64
	// PatienceMedian is the Kaplan–Meier median of patience; NaN when
	// more than half would still wait at the longest wait seen.
	PatienceMedian float64
	// PatienceKM is the Kaplan–Meier curve as an empirical law
	// (kaplanMeierLaw); its Kind is "" when nobody gave up.
	PatienceKM models.Dist
	// Slots are the observed tallies by time of day: contacts per day,
	// the shares given up, waited (a wait above zero, or given up) and
	// answered within the threshold, and the mean wait, over every day of
	// the log.
	Offered, AbandonShare, MeanWait, ServiceLevel, WaitedShare []float64
	// daily holds the channel's tallies of each day of the log (Fit.days),
	// nil for a day without its contacts.
	daily []*slotTally
}

// TypeFit is one type of contact on a channel.
type TypeFit struct {
	Name string
	// Contacts counts the type's contacts on the channel, Share is their
	// share of the channel's; Answered counts those with a handle time.
	Contacts, Answered int
	Share              float64
	// HandleLaws are as a channel's, and Sample a uniform sample of its
	// handle times (at most typeSample), sorted.
	HandleLaws
	Sample []float64
	// Wrap is the after-call work the log shows after the type's
	// contacts; its Law, when it has one, is the type's own wrap_times
	// entry (only in a scenario with issues, Fit.typed).
	Wrap WrapFit
	// index is the type's among its channel's (channelStats.typeNames).
	index int
}

// minTypeAnswered is the fewest answered contacts a type needs for its
// own handle-time law in the scenario.
const minTypeAnswered = 30

// ownHandle tells whether the type has answered contacts enough for its
// own handle-time law.
func (t *TypeFit) ownHandle() bool {
	return t.Answered >= minTypeAnswered && !math.IsNaN(t.Handle.KS)
}

// typed tells whether the log gives contacts' types: some channel has
// more than one.
func (f *Fit) typed() bool {
	for _, c := range f.Channels {
		if len(c.Types) > 1 {
			return true
		}
	}
	return false
}

// PoolFit is a group of agents the log shows at work.
type PoolFit struct {
	// Name is "<channel>-team", after the channel its agents served most.
	Name string
	// Skills are the channels it serves (see Fit.Pools), most served
	// first.
	Skills []string
	// Agents is the mean number at work in each slot of the week.
	Agents []float64
	// People is how many agents the log names in it.
	People int
	// Answered counts the contacts its agents answered on each channel,
	// in the order of Fit.Channels.
	Answered []int
	// Present is the agents' time at work in their working spans and Busy
	// their time serving, both in agent-seconds over the whole log: Busy ÷
	// Present is the log's occupancy.
	Present, Busy float64
}

// minSkillShare is the least share of a pool's answered contacts a channel
// must have for the pool to serve it, unless the pool answered most of the
// channel: an agent who took a handful of another queue's calls was
// covering, not routed it, and a pool given that queue would take its
// calls whenever idle.
const minSkillShare = 0.02

// pools groups the agents by the channel each served most, and counts each
// group at work per slot of the week. A channel no group served most goes
// to the group that served it most, so that every channel is served.
func (f *Fitter) pools(fit *Fit, weekday func(int) int) []PoolFit {
	agents, primary := f.primaries()
	index := map[string]int{}
	var pools []PoolFit
	load := []map[string]int{}
	for _, ch := range f.names {
		for _, a := range agents {
			if primary[a] != ch {
				continue
			}
			i, ok := index[ch]
			if !ok {
				i = len(pools)
				index[ch] = i
				pools = append(pools, PoolFit{Name: ch + "-team", Agents: make([]float64, 7*f.slots)})
				load = append(load, map[string]int{})
			}
			pools[i].People++
			for c, n := range f.served[a] {
				load[i][c] += n
			}
		}
	}
	skills := f.poolSkills(pools, load)
	poolOf := func(a string) int {
		if i, ok := index[primary[a]]; ok {
			return i
		}
		return -1
	}
	queues := f.queues(skills)
	fit.AwaySpell, fit.AwaySpells, fit.AwayExposure = f.awayEstimate(agents, poolOf, queues)
	fit.wrapLaws(f.wrapGaps(agents, poolOf, f.lastLeaves(skills)))
	// In a fixed order, agent by agent: sums of floats depend on it.
	for _, a := range agents {
		i, known := index[primary[a]]
		if !known {
			continue
		}
		pools[i].Busy += f.busy[a]
		q := queues[i]
		presence(spansOf(f.services[a], f.opts.SpanGap), f.opts.Interval, f.opts.SpanGap, func(t float64) bool { return waitingAt(q, t) }, func(day, slot int, sec float64) {
			pools[i].Present += sec
			wd := weekday(day)
			if fit.Weeks[wd] == 0 {
				return
			}
			pools[i].Agents[wd*f.slots+slot] += sec / f.opts.Interval / float64(fit.Weeks[wd])
		})
	}
	return pools
}

// primaries returns the agents the log names, sorted, and the channel
// each served most (of channels served alike, the one the log names
// first).
func (f *Fitter) primaries() ([]string, map[string]string) {
	primary := map[string]string{}
	agents := slices.Sorted(maps.Keys(f.served))
	for _, a := range agents {
		best := ""
		for _, ch := range f.names {
			if n := f.served[a][ch]; n > 0 && (best == "" || n > f.served[a][best]) {
				best = ch
			}
		}
		primary[a] = best
	}
	return agents, primary
}

// poolSkills gives each pool its skills from what its agents answered
// (load, by channel): the channels it answered most of, and those that
// were at least minSkillShare of its work, most answered first; a channel
// no pool has goes to the first. It returns each pool's skills as channel
// indexes.
func (f *Fitter) poolSkills(pools []PoolFit, load []map[string]int) [][]int {
	// The pool that answered most of each channel.
	main := map[string]int{}
	for _, ch := range f.names {
		best := 0
		for i := range pools {
			if load[i][ch] > best {
				main[ch], best = i, load[i][ch]
			}
		}
	}
	for i := range pools {
		total := 0
		for _, n := range load[i] {
			total += n
		}
		for _, ch := range f.names {
			pools[i].Answered = append(pools[i].Answered, load[i][ch])
			if m, ok := main[ch]; (ok && m == i) || (load[i][ch] > 0 && float64(load[i][ch]) >= minSkillShare*float64(total)) {
				pools[i].Skills = append(pools[i].Skills, ch)
			}
		}
		slices.SortStableFunc(pools[i].Skills, func(a, b string) int { return load[i][b] - load[i][a] })
	}
	for _, ch := range f.names {
		served := false
		for _, p := range pools {
			served = served || slices.Contains(p.Skills, ch)
		}
		if !served && len(pools) > 0 {
			pools[0].Skills = append(pools[0].Skills, ch)
		}
	}
	skills := make([][]int, len(pools))
	for i, p := range pools {
		for _, ch := range p.Skills {
			skills[i] = append(skills[i], f.channelIdx[ch])
		}
	}
	return skills
}

// HandleFit is a handle-time distribution fitted to a channel.
type HandleFit struct {
	// PDF is the law's density, per second.
	PDF  func(float64) float64
	Dist models.Dist
	// KS is the Kolmogorov–Smirnov distance between the fitted CDF and
	// the sample's: the largest gap, from 0 to 1.
	KS float64
}

// Result computes the fit of everything added.
func (f *Fitter) Result() *Fit {
	days := f.sortedDays()
	fit := &Fit{Options: f.opts, Days: len(days), Redials: math.NaN(), RedialDelay: math.NaN(), RedialSame: math.NaN(),
		RedialScale: 1, days: days, AwaySpell: math.NaN()}
	if len(days) == 0 {
		return fit
	}
	weekday := func(day int) int { return int(models.WeekdayAt(models.Thursday, float64(day)*86400)) } // 1970-01-01 was a Thursday
	fit.Start = models.Weekday(weekday(days[0]))
	for _, d := range days {
		fit.Weeks[weekday(d)]++
	}
	rd := f.redials()
	f.redialFigures(fit, rd)
	for ci, name := range f.names {
		fit.Channels = append(fit.Channels, f.channelFit(fit, rd, ci, name, weekday))
	}
	if len(f.services) > 0 {
		fit.Pools = f.pools(fit, weekday)
		fit.Agents = make([]float64, 7*f.slots)
		for _, p := range fit.Pools {
			for k, a := range p.Agents {
				fit.Agents[k] += a
			}
		}
	}
	fit.scenarioNames()
	return fit
}

// redialFigures sets the fit's redial figures: the share of give-ups
// redialled, the delay, the share on the same channel, and the scale from
// the give-ups of customers the log identifies to all.
func (f *Fitter) redialFigures(fit *Fit, rd *redials) {
	fit.RedialOrderLost = f.orderLost
	if rd.giveUps > 0 {
		fit.Redials = float64(rd.count) / float64(rd.giveUps)
		fit.RedialBase = float64(rd.giveUps)
		all := 0
		for _, c := range f.channels {
			all += c.nAbandoned
		}
		fit.RedialScale = float64(all) / float64(rd.giveUps)
	}
	if rd.count > 0 {
		fit.RedialDelay = rd.delay / float64(rd.count)
		fit.RedialSame = float64(rd.same) / float64(rd.count)
	}
}

// channelFit fits the channel name, the ci-th: its volumes (and those
// less the redials) by weekday and slot, their daily variation, handle
// times (by type too), patience and the log's figures by slot.
func (f *Fitter) channelFit(fit *Fit, rd *redials, ci int, name string, weekday func(int) int) ChannelFit {
	c, days, week := f.channels[name], fit.days, 7*f.slots
	cf := ChannelFit{Name: name, Answered: c.nAnswered, Abandoned: c.nAbandoned, Contacts: c.nAnswered + c.nAbandoned,
		Volumes: make([]float64, week), Redials: rd.nChannel[ci], Wrap: wrapTally{}.fit(), WrapTime: wrapTally{}.fit()}
	// Volumes: the mean per weekday and slot over the days of that weekday
	// in the log (a day without contacts counts as zero).
	totals := map[int]float64{}
	for _, d := range days { // in order: sums of floats depend on it
		wd := weekday(d)
		if c.byDay[d] == nil {
			continue
		}
		for s, n := range c.byDay[d].offered {
			cf.Volumes[wd*f.slots+s] += n / float64(fit.Weeks[wd])
			totals[d] += n
		}
	}
	redials := make([]float64, week)
	for _, d := range days {
		counts := rd.perChannel[[2]int{ci, d}]
		wd := weekday(d)
		for s, n := range counts {
			redials[wd*f.slots+s] += n * fit.RedialScale / float64(fit.Weeks[wd])
		}
	}
	cf.Fresh = make([]float64, week)
	for k, v := range cf.Volumes {
		cf.Fresh[k] = math.Max(0, v-redials[k])
	}
	cf.DailyCV, cf.PoissonCV, cf.Noise = dispersion(days, totals, weekday, fit.Weeks)
	cf.HandleLaws = c.fitHandle()
	cf.Sample = c.sortedSample()
	cf.Types = c.typeFits(cf.Contacts)
	cf.PatienceMean = math.NaN()
	if c.nAbandoned > 0 {
		cf.PatienceMean = c.totalWait / float64(c.nAbandoned)
	}
	cf.PatienceMedian = kaplanMeierMedian(&c.gaveUp, &c.censored)
	if c.nAbandoned > 0 {
		cf.PatienceKM = kaplanMeierLaw(&c.gaveUp, &c.censored, cf.PatienceMean)
	}
	for s := range f.slots {
		n := c.offered[s] / float64(len(days))
		cf.Offered = append(cf.Offered, n)
		cf.AbandonShare = append(cf.AbandonShare, ratio(c.abandoned[s], c.offered[s]))
		cf.MeanWait = append(cf.MeanWait, ratio(c.waitSum[s], c.offered[s]))
		cf.ServiceLevel = append(cf.ServiceLevel, ratio(c.within[s], c.offered[s]))
		cf.WaitedShare = append(cf.WaitedShare, ratio(c.waited[s], c.offered[s]))
	}
	for _, d := range days {
		cf.daily = append(cf.daily, c.byDay[d])
	}
	return cf
}

// typeFits fits the handle times of the channel's contact types, of a
// channel of contacts contacts, the most frequent type first.
func (c *channelStats) typeFits(contacts int) []TypeFit {
	var out []TypeFit
	for k, name := range c.typeNames {
		h := c.types[name]
		tf := TypeFit{Name: name, Contacts: c.typeCounts[name], Answered: h.n, index: k, Wrap: wrapTally{}.fit()}
		tf.Share = float64(tf.Contacts) / float64(contacts)
		tf.HandleLaws = h.fitHandle()
		tf.Sample = h.sortedSample()
		out = append(out, tf)
	}
	slices.SortStableFunc(out, func(a, b TypeFit) int {
		if a.Contacts != b.Contacts {
			return b.Contacts - a.Contacts
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// maxNameRunes is the longest name a fitted scenario gives a channel,
// pool or type; longer names in a log are cut.
const maxNameRunes = 100

// scenarioNames renames channels, pools and types to names a scenario
// accepts (scenarios.ValidName: letters, digits, - and _; at most
// maxNameRunes of them): every
// other character becomes "-", a longer name is cut, and a name already
// taken gets a number.
func (f *Fit) scenarioNames() {
	rename := func(taken map[string]bool, name string) string {
		b := []rune(name)
		if len(b) > maxNameRunes {
			b = b[:maxNameRunes] // YAML's keys are at most 1024 characters
		}
		for i, r := range b {
			if !scenarios.NameRune(r) {
				b[i] = '-'
			}
		}
		base := string(b)
		if base == "" {
			base = "unnamed"
		}
		out := base
		for n := 2; taken[out]; n++ {
			out = fmt.Sprintf("%s-%d", base, n)
		}
		taken[out] = true
		return out
	}
	channels := map[string]string{}
	taken := map[string]bool{}
	for i := range f.Channels {
		c := &f.Channels[i]
		channels[c.Name] = rename(taken, c.Name)
		c.Name = channels[c.Name]
	}
	types := map[string]string{}
	typeTaken := map[string]bool{}
	for i := range f.Channels {
		for j := range f.Channels[i].Types {
			t := &f.Channels[i].Types[j]
			if _, ok := types[t.Name]; !ok {
				types[t.Name] = rename(typeTaken, t.Name)
			}
			t.Name = types[t.Name]
		}
	}
	poolTaken := map[string]bool{}
	for i := range f.Pools {
		p := &f.Pools[i]
		for k, s := range p.Skills {
			p.Skills[k] = channels[s]
		}
		p.Name = rename(poolTaken, p.Name)
	}
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

// dispersion compares daily volumes with their weekday's mean: the
// coefficient of variation of day ÷ its weekday's mean, what Poisson
// arrivals would give (1/√mean, averaged), and the gamma day factor's
// coefficient of variation that accounts for the rest.
func dispersion(days []int, totals map[int]float64, weekday func(int) int, weeks [7]int) (cv, poisson, noise float64) {
	var mean [7]float64
	for _, d := range days {
		mean[weekday(d)] += totals[d] / float64(weeks[weekday(d)])
	}
	var ss, pois float64
	n := 0
	for _, d := range days {
		m := mean[weekday(d)]
		if m <= 0 || weeks[weekday(d)] < 2 {
			continue
		}
		r := totals[d]/m - 1
		// Unbiased within a weekday: k days about their own mean.
		k := float64(weeks[weekday(d)])
		ss += r * r * k / (k - 1)
		pois += 1 / m
		n++
	}
	if n == 0 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	cv, poisson = math.Sqrt(ss/float64(n)), math.Sqrt(pois/float64(n))
	return cv, poisson, math.Sqrt(math.Max(0, cv*cv-poisson*poisson))
}

// HandleLaws are the laws fitted to a set of handle times: a lognormal
// and a gamma law with the sample's mean and coefficient of variation
// (moments matched: the law's load is the log's, whatever its shape), and,
// from minEmpirical handle times on, an empirical law of the log's own
// times (empiricalValues); each with its Kolmogorov–Smirnov distance to
// the sample. Handle is the closest of them; when every handle time is
// the same, it is that fixed time (KS 0), and the others are left out.
type HandleLaws struct {
	// SampleMean and SampleCV are the mean and coefficient of variation of
	// every handle time counted.
	SampleMean, SampleCV        float64
	LogNormal, Gamma, Empirical HandleFit
	Handle                      HandleFit
}

// minEmpirical is the fewest handle times an empirical law is built from.
const minEmpirical = 1000

// empiricalValues is the number of values of an empirical law.
const empiricalValues = 100

// fitHandle fits the laws of HandleLaws to the handle times.
func (c *handleStats) fitHandle() HandleLaws {
	var h HandleLaws
	h.SampleMean, h.SampleCV = c.sampleMoments()
	if c.n >= 2 && c.lo == c.hi {
		// Every time the same: a fixed time is the law, exactly (a
		// lognormal or a gamma of CV 0 has no density to test).
		none := HandleFit{KS: math.NaN()}
		h.SampleCV = 0
		h.LogNormal, h.Gamma, h.Empirical = none, none, none
		h.Handle = HandleFit{Dist: models.Dist{Kind: models.Deterministic, Mean: c.lo}}
		return h
	}
	if c.n < 2 || !(h.SampleCV > 0) {
		nan := HandleFit{Dist: models.Dist{Kind: models.Exponential, Mean: h.SampleMean}, KS: math.NaN()}
		if !(h.SampleMean > 0) {
			nan.Dist.Mean = 0
		}
		h.LogNormal, h.Gamma, h.Handle = nan, nan, nan
		return h
	}
	m, cv := h.SampleMean, h.SampleCV
	// A lognormal of mean m and CV cv has σ² = ln(1 + cv²), μ = ln m − σ²/2.
	s2 := math.Log1p(cv * cv)
	ln := distuv.LogNormal{Mu: math.Log(m) - s2/2, Sigma: math.Sqrt(s2)}
	h.LogNormal = HandleFit{Dist: models.Dist{Kind: models.LogNormal, Mean: m, CV: cv}, PDF: ln.Prob}
	// A gamma of mean m and CV cv has shape 1/cv² and rate shape/m.
	g := distuv.Gamma{Alpha: 1 / (cv * cv), Beta: 1 / (cv * cv * m)}
	h.Gamma = HandleFit{Dist: models.Dist{Kind: models.Gamma, Mean: m, CV: cv}, PDF: g.Prob}
	sample := c.sortedSample()
	h.LogNormal.KS, h.Gamma.KS = stats.KolmogorovSmirnov(sample, ln.CDF), stats.KolmogorovSmirnov(sample, g.CDF)
	h.Empirical.KS = math.NaN()
	h.Handle = h.LogNormal
	if h.Gamma.KS < h.Handle.KS {
		h.Handle = h.Gamma
	}
	if c.n >= minEmpirical && len(sample) >= minEmpirical {
		values := empiricalLaw(sample, m)
		d := models.Dist{Kind: models.Empirical, Values: values}
		h.Empirical = HandleFit{Dist: d, KS: stats.KolmogorovSmirnov(sample, func(x float64) float64 {
			k, _ := slices.BinarySearch(values, math.Nextafter(x, math.Inf(1)))
			return float64(k) / float64(len(values))
		})}
		if h.Empirical.KS < h.Handle.KS {
			h.Handle = h.Empirical
		}
	}
	return h
}

// empiricalLaw returns the values of an empirical law of a sorted sample:
// the sample cut into empiricalValues groups of as many times each, each
// group's mean, all scaled so that their mean is exactly mean (every
// handle time's, of which the sample is a uniform part), rounded to a
// tenth of a second. Drawn with equal chances, they keep the log's mean
// and shape; the spread within a group is lost (a CV a little below the
// log's: the report shows both).
func empiricalLaw(sorted []float64, mean float64) []float64 {
	k := empiricalValues
	values := make([]float64, k)
	total := 0.0
	for i := range k {
		from, to := i*len(sorted)/k, (i+1)*len(sorted)/k
		s := 0.0
		for _, x := range sorted[from:to] {
			s += x
		}
		values[i] = s / float64(to-from)
		total += values[i]
	}
	scale := mean / (total / float64(k))
	for i := range values {
		values[i] = math.Max(0.1, math.Round(10*values[i]*scale)/10)
	}
	return values
}

// kaplanMeierMedian returns the median patience by the Kaplan–Meier
// estimator (stats.KaplanMeierMedian) from waits binned by the second:
// gaveUp[t] customers gave up after t seconds, censored[t] were answered
// after t seconds (their patience was longer). NaN when the survival never
// falls to one half.
func kaplanMeierMedian(gaveUp, censored *[waitBins + 1]float64) float64 {
	t := stats.KaplanMeierMedian(gaveUp[:], censored[:])
	if t < 0 {
		return math.NaN()
	}
	return float64(t)
}

// Transfer returns the scenario's fit for another stretch of time: f's
// handle times, patience, redials, day-to-day noise and availability, with
// the arrivals and agents at work of to (a fit of that stretch's log). A
// planner asks this of last month's fit: given this month's demand and
// staffing, does it predict this month's service? Channels and pools are
// matched by name; a channel of f that to lacks gets no arrivals, a pool
// no agents; channels and pools of to that f lacks are listed in missing,
// and left out.
func (f *Fit) Transfer(to *Fit) (out *Fit, missing []string) {
	c := *f
	c.Channels = slices.Clone(f.Channels)
	c.Pools = slices.Clone(f.Pools)
	week := 7 * f.slots()
	for i := range c.Channels {
		ch := &c.Channels[i]
		ch.Volumes, ch.Fresh = make([]float64, week), make([]float64, week)
		for _, o := range to.Channels {
			if o.Name == ch.Name {
				ch.Volumes, ch.Fresh = o.Volumes, o.Fresh
				if !f.retries() {
					ch.Fresh = o.Volumes
				}
			}
		}
	}
	for i := range c.Pools {
		p := &c.Pools[i]
		p.Agents = make([]float64, week)
		for _, o := range to.Pools {
			if o.Name == p.Name {
				p.Agents = o.Agents
			}
		}
	}
	for _, o := range to.Channels {
		if !slices.ContainsFunc(f.Channels, func(ch ChannelFit) bool { return ch.Name == o.Name }) {
			missing = append(missing, "channel "+o.Name)
		}
	}
	for _, o := range to.Pools {
		if !slices.ContainsFunc(f.Pools, func(p PoolFit) bool { return p.Name == o.Name }) {
			missing = append(missing, "pool "+o.Name)
		}
	}
	return &c, missing
}

// kmValues is the number of values of a Kaplan–Meier patience law.
const kmValues = 100

// kaplanMeierLaw returns the Kaplan–Meier curve of patience (from waits
// binned by the second, as kaplanMeierMedian takes them) as an empirical
// law: kmValues values drawn alike, the curve's quantiles at the middle of
// each hundredth (stats.KaplanMeierQuantiles; a give-up in the second
// [t, t+1) at t + ½). The curve
// ends at the longest wait the log saw, with the share still waiting
// there; those draws take that wait, and go on past it by an exponential
// time of mean tail (the exponential fit's: beyond the log, the hazard is
// taken as constant).
func kaplanMeierLaw(gaveUp, censored *[waitBins + 1]float64, tail float64) models.Dist {
	end := 0
	for t := range gaveUp {
		if gaveUp[t]+censored[t] > 0 {
			end = t
		}
	}
	ps := make([]float64, kmValues)
	for i := range ps {
		ps[i] = (float64(i) + 0.5) / kmValues
	}
	values := make([]float64, kmValues)
	for i, t := range stats.KaplanMeierQuantiles(gaveUp[:], censored[:], ps) {
		if t < 0 {
			// Past the curve's end: the longest wait seen.
			t = end
		}
		values[i] = float64(t) + 0.5
	}
	d := models.Dist{Kind: models.Empirical, Values: values}
	if values[kmValues-1] == float64(end)+0.5 && tail > 0 && !math.IsInf(tail, 0) {
		d.Tail = tail
	}
	return d
}
