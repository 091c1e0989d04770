package fit

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// Options set what a fit measures.
type Options struct {
	// Interval is the length of the intervals arrivals and staffing are
	// counted in, in seconds; it divides a day.
	Interval float64
	// AnswerWithin is the service-level threshold the fit report and the
	// check measure, in seconds.
	AnswerWithin float64
	// RedialWithin is how soon after giving up a call from the same
	// customer counts as a redial, in seconds.
	RedialWithin float64
	// SpanGap is the longest gap between an agent's services within one
	// working span, in seconds: an agent is at work from the start of the
	// first service of a span to the end of its last, across intervals.
	SpanGap float64
	// PatienceKM writes patience as the Kaplan–Meier curve (an empirical
	// law) rather than the exponential fit.
	PatienceKM bool
}

// DefaultOptions are hourly intervals, 20 s, redials within an hour, and
// working spans broken by gaps of more than 30 minutes.
var DefaultOptions = Options{Interval: 3600, AnswerWithin: 20, RedialWithin: 3600, SpanGap: 1800}

// sampleSize is the most handle times a channel keeps to test the fitted
// distributions on (a uniform sample of all, by reservoir sampling).
const sampleSize = 20000

// waitBins is the resolution of the wait histograms: one-second bins up to
// four hours, and one for longer.
const waitBins = 4 * 3600

// Fitter gathers what a log says, record by record.
type Fitter struct {
	opts     Options
	slots    int
	channels map[string]*channelStats
	names    []string
	// days holds every day the log covers.
	days map[int]bool
	// served counts each agent's answered contacts by channel, and busy
	// sums their service times.
	served map[string]map[string]int
	busy   map[string]float64
	// services holds each agent's services, and waiting each channel's
	// callers' waits (by the channel's index), for the spell away
	// (away.go) and the after-call work (wrap.go): 24 bytes an answered
	// contact, 16 a wait.
	services map[string][]service
	waiting  [][]stretch
	// contacts holds the identified customers' contacts, to find who
	// called again after giving up, whatever order the log is in.
	contacts   []contactEvent
	channelIdx map[string]int
	// rd holds the redials matched so far. While the log keeps time order
	// (no arrival more than orderSlack before the latest), the contacts of
	// customers not seen for long are matched and let go whenever at least
	// settleAt are held, so that memory holds a few days of contacts,
	// not the log's; lastTime is the latest arrival, settled whether any
	// were let go, and orderLost whether the log left time order after;
	// settleMin is the fewest held before any are let go, and maxHeld the
	// most held at once.
	rd        redials
	settleAt  int
	settleMin int
	maxHeld   int
	lastTime  float64
	inOrder   bool
	settled   bool
	orderLost bool
}

// contactEvent is an identified customer's contact, as much of it as
// finding redials needs: 40 bytes. The customer is known by a 64-bit hash
// of their id (FNV-1a): that two customers share one has a chance of about
// 3 % in a log of a billion customers, 3 in 10⁸ in a log of a million (and
// would at most make one false redial).
type contactEvent struct {
	customer uint64
	// at is when the contact arrived and end when it stopped waiting (was
	// answered or given up), both from the log's day 0.
	at, end   float64
	day       int32
	slot      int32
	channel   int32
	abandoned bool
}

// channelStats is one channel's tallies.
type channelStats struct {
	// byDay holds the tallies of each day of the log, by slot.
	byDay map[int]*slotTally
	// slot tallies by time of day, over all days: offered, abandoned,
	// answered within the threshold, and waits.
	offered, abandoned, within, waitSum []float64
	// handle times, of all the channel's contacts and by type (at most
	// maxTypes types, the rest as "other"), and the contacts of each type.
	handleStats
	types      map[string]*handleStats
	typeNames  []string
	typeCounts map[string]int
	// waited counts by time of day the contacts that had to wait (wait
	// above zero, or given up).
	waited []float64
	// waits of answered (censored patience) and abandoned contacts, by
	// the second, and their total.
	censored, gaveUp [waitBins + 1]float64
	totalWait        float64
	nAbandoned       int
	nAnswered        int
}

// NewFitter returns a Fitter with the given options.
func NewFitter(opts Options) *Fitter {
	return &Fitter{opts: opts, slots: int(math.Round(86400 / opts.Interval)), channels: map[string]*channelStats{},
		days: map[int]bool{}, served: map[string]map[string]int{}, busy: map[string]float64{}, services: map[string][]service{}, channelIdx: map[string]int{},
		rd: redials{perChannel: map[[2]int][]float64{}, nChannel: map[int]int{}}, settleAt: settleMin, settleMin: settleMin, inOrder: true}
}

// Add counts one record.
func (f *Fitter) Add(r *Record) {
	c := f.channels[r.Channel]
	if c == nil {
		c = &channelStats{byDay: map[int]*slotTally{}, types: map[string]*handleStats{}, typeCounts: map[string]int{},
			offered: make([]float64, f.slots), abandoned: make([]float64, f.slots),
			within: make([]float64, f.slots), waitSum: make([]float64, f.slots), waited: make([]float64, f.slots),
			// A fixed seed per channel: the same log gives the same fit.
			handleStats: newHandleStats(uint64(len(f.names))+1, sampleSize)}
		f.channels[r.Channel] = c
		f.channelIdx[r.Channel] = len(f.names)
		f.names = append(f.names, r.Channel)
		f.waiting = append(f.waiting, nil)
	}
	slot := min(f.slots-1, int(r.Arrival/f.opts.Interval))
	f.days[r.Day] = true
	day := c.byDay[r.Day]
	if day == nil {
		day = newSlotTally(f.slots)
		c.byDay[r.Day] = day
	}
	day.add(r, slot, f.opts.AnswerWithin)
	c.offered[slot]++
	c.waitSum[slot] += r.Wait
	c.totalWait += r.Wait
	if r.Wait > 0 || r.Outcome == Abandoned {
		c.waited[slot]++
		if r.Wait > 0 {
			t := float64(r.Day)*86400 + r.Arrival
			ci := f.channelIdx[r.Channel]
			f.waiting[ci] = append(f.waiting[ci], stretch{from: t, to: t + r.Wait})
		}
	}
	bin := min(waitBins, int(r.Wait))
	typ := ""
	if r.Type != "" {
		typ = c.countType(r.Type)
	}
	switch r.Outcome {
	case Abandoned:
		c.abandoned[slot]++
		c.nAbandoned++
		c.gaveUp[bin]++
	case Answered:
		c.nAnswered++
		c.censored[bin]++
		if r.Wait <= f.opts.AnswerWithin {
			c.within[slot]++
		}
		c.add(r.Handle)
		if typ != "" {
			c.types[typ].add(r.Handle)
		}
		if r.Agent != "" {
			f.work(r, c, typ)
		}
	}
	f.remember(r, slot)
}

// handleStats are the tallies of a set of handle times: their count, sums
// for the moments and the log-moments, and a uniform sample of at most
// size of them (reservoir sampling, with a fixed seed: the same log gives
// the same fit).
type handleStats struct {
	n         int
	sum, sum2 float64
	// lo and hi are the shortest and longest time counted.
	lo, hi float64
	sample []float64
	size   int
	rng    *rand.Rand
}

func newHandleStats(seed uint64, size int) handleStats {
	return handleStats{size: size, rng: rand.New(rand.NewPCG(seed, 0x5eed))}
}

// add counts a handle time.
func (c *handleStats) add(h float64) {
	if !(h > 0) {
		return
	}
	c.n++
	c.sum += h
	c.sum2 += h * h
	if c.n == 1 || h < c.lo {
		c.lo = h
	}
	if c.n == 1 || h > c.hi {
		c.hi = h
	}
	if len(c.sample) < c.size {
		c.sample = append(c.sample, h)
	} else if j := c.rng.IntN(c.n); j < c.size {
		c.sample[j] = h
	}
}

// maxTypes is the most contact types a channel tells apart; typeSample
// the handle times each keeps for its goodness of fit.
const (
	maxTypes   = 24
	typeSample = 5000
	otherType  = "other"
)

// countType counts a contact of a type on the channel and returns the
// name its tallies go under: the first maxTypes − 1 types the log names
// each have their own, the rest share "other".
func (c *channelStats) countType(name string) string {
	if _, ok := c.types[name]; !ok && len(c.typeNames) >= maxTypes-1 {
		name = otherType
	}
	c.typeCounts[name]++
	if c.types[name] == nil {
		h := newHandleStats(uint64(len(c.typeNames))+1000, typeSample)
		c.types[name] = &h
		c.typeNames = append(c.typeNames, name)
	}
	return name
}

// work records the agent of an answered record serving from its answer to
// its end; c is its channel's tallies, typ the name its type counts under
// ("" for none).
func (f *Fitter) work(r *Record, c *channelStats, typ string) {
	if f.served[r.Agent] == nil {
		f.served[r.Agent] = map[string]int{}
	}
	f.served[r.Agent][r.Channel]++
	f.busy[r.Agent] += r.Handle
	start := float64(r.Day)*86400 + r.Arrival + r.Wait
	s := service{from: start, to: start + r.Handle, wait: float32(r.Wait), waited: r.Wait > 0, channel: noChannel, typ: noType}
	if ci := f.channelIdx[r.Channel]; ci < noChannel {
		s.channel = uint16(ci)
	}
	if typ != "" {
		s.typ = uint8(slices.Index(c.typeNames, typ))
	}
	f.services[r.Agent] = append(f.services[r.Agent], s)
}

// orderSlack is how much earlier than the latest arrival a record may
// arrive with the log still in time order: a log written as contacts end
// (omnisim's contacts.csv) lags by a wait and a service, each at most a day.
const orderSlack = 2 * 86400

// settleMin is the fewest contacts held before any are let go.
const settleMin = 1 << 18

// remember keeps an identified customer's contact for finding redials.
func (f *Fitter) remember(r *Record, slot int) {
	t := float64(r.Day)*86400 + r.Arrival
	if t < f.lastTime-orderSlack && f.inOrder {
		f.inOrder = false
		f.orderLost = f.settled
	}
	f.lastTime = math.Max(f.lastTime, t)
	if r.Customer == "" {
		return
	}
	f.contacts = append(f.contacts, contactEvent{customer: fnv1a(r.Customer), at: t, end: t + r.Wait, day: int32(r.Day),
		slot: int32(slot), channel: int32(f.channelIdx[r.Channel]), abandoned: r.Outcome == Abandoned})
	if f.inOrder && len(f.contacts) >= f.settleAt {
		// A contact still to come arrives after lastTime − orderSlack; a
		// customer last seen before cutoff gave up at most a day after
		// (waits are at most a day), so more than RedialWithin before it.
		f.settle(f.lastTime - orderSlack - 86400 - f.opts.RedialWithin)
		f.settleAt = max(f.settleMin, 2*len(f.contacts))
	}
	f.maxHeld = max(f.maxHeld, len(f.contacts))
}

// settle matches the redials of the customers last seen before cutoff
// and lets their contacts go (all of them when cutoff is +Inf).
func (f *Fitter) settle(cutoff float64) {
	// By customer, then time: the order also fixes that of the sums.
	slices.SortStableFunc(f.contacts, func(a, b contactEvent) int {
		if a.customer != b.customer {
			return cmp.Compare(a.customer, b.customer)
		}
		return cmp.Compare(a.at, b.at)
	})
	kept := f.contacts[:0]
	for from := 0; from < len(f.contacts); {
		to := from + 1
		for to < len(f.contacts) && f.contacts[to].customer == f.contacts[from].customer {
			to++
		}
		evs := f.contacts[from:to]
		from = to
		if evs[len(evs)-1].at >= cutoff {
			kept = append(kept, evs...) // kept never overtakes evs: it only shrinks
			continue
		}
		f.settled = true
		f.rd.match(evs, f.opts.RedialWithin, f.slots)
	}
	f.contacts = kept
}

// fnv1a is the 64-bit FNV-1a hash of s (hash/fnv's, without its
// allocations on every record).
func fnv1a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// redials is what the log says of customers who gave up and called again.
type redials struct {
	// giveUps counts the identified customers' contacts given up, and
	// count those followed by the same customer's next contact within
	// Options.RedialWithin; delay sums the times from giving up to calling
	// again, and same counts the redials on the channel given up on.
	giveUps, count, same int
	delay                float64
	// perChannel holds the redials per slot by channel and day, nChannel
	// the redials by channel.
	perChannel map[[2]int][]float64
	nChannel   map[int]int
}

// match matches a customer's give-ups (evs: their contacts in time order)
// with their next contact: a redial when it came within the given time.
func (rd *redials) match(evs []contactEvent, within float64, slots int) {
	for i, e := range evs {
		if !e.abandoned {
			continue
		}
		rd.giveUps++
		// The next contact begun after giving up.
		k := i + 1
		for k < len(evs) && evs[k].at < e.end {
			k++
		}
		if k == len(evs) || evs[k].at-e.end > within {
			continue
		}
		next := evs[k]
		rd.count++
		rd.delay += next.at - e.end
		if next.channel == e.channel {
			rd.same++
		}
		rd.nChannel[int(next.channel)]++
		key := [2]int{int(next.channel), int(next.day)}
		day := rd.perChannel[key]
		if day == nil {
			day = make([]float64, slots)
			rd.perChannel[key] = day
		}
		day[next.slot]++
	}
}

// redials matches the give-ups of every customer still held and returns
// all the redials the log holds.
func (f *Fitter) redials() *redials {
	f.settle(math.Inf(1))
	return &f.rd
}

// sortedDays returns the days of the log in order.
func (f *Fitter) sortedDays() []int {
	days := make([]int, 0, len(f.days))
	for d := range f.days {
		days = append(days, d)
	}
	sort.Ints(days)
	return days
}

// sortedSample returns the sample of handle times, sorted.
func (c *handleStats) sortedSample() []float64 {
	s := slices.Clone(c.sample)
	slices.Sort(s)
	return s
}

// slotTally holds a channel's tallies by slot of the day: contacts offered,
// those that waited (a wait above zero, or given up), those given up,
// those answered within the threshold, and the sum of waits.
type slotTally struct {
	offered, waited, abandoned, within, waitSum []float64
}

func newSlotTally(slots int) *slotTally {
	return &slotTally{offered: make([]float64, slots), waited: make([]float64, slots), abandoned: make([]float64, slots),
		within: make([]float64, slots), waitSum: make([]float64, slots)}
}

// add counts record r, which arrived in the given slot.
func (t *slotTally) add(r *Record, slot int, within float64) {
	t.offered[slot]++
	t.waitSum[slot] += r.Wait
	if r.Wait > 0 || r.Outcome == Abandoned {
		t.waited[slot]++
	}
	switch {
	case r.Outcome == Abandoned:
		t.abandoned[slot]++
	case r.Wait <= within:
		t.within[slot]++
	}
}
