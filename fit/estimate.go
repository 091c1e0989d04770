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
}

// DefaultOptions are hourly intervals, 20 s, and redials within an hour.
var DefaultOptions = Options{Interval: 3600, AnswerWithin: 20, RedialWithin: 3600}

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
	// days holds every day the log covers; agents, per day and slot, when
	// each agent serving in it first started and last finished serving
	// there (clipped to the slot).
	days   map[int]bool
	agents map[[2]int]map[string][2]float64
	// served counts each agent's answered contacts by channel.
	served map[string]map[string]int
	// contacts holds the identified customers' contacts, to find who
	// called again after giving up, whatever order the log is in.
	contacts   []contactEvent
	channelIdx map[string]int
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
	// counts holds the contacts per day and slot.
	counts map[int][]float64
	// slot tallies by time of day, over all days: offered, abandoned,
	// answered within the threshold, and waits.
	offered, abandoned, within, waitSum []float64
	// handle times, of all the channel's contacts and by type (at most
	// maxTypes types, the rest as "other"), and the contacts of each type.
	handleStats
	types      map[string]*handleStats
	typeNames  []string
	typeCounts map[string]int
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
		days: map[int]bool{}, agents: map[[2]int]map[string][2]float64{}, served: map[string]map[string]int{}, channelIdx: map[string]int{}}
}

// Add counts one record.
func (f *Fitter) Add(r *Record) {
	c := f.channels[r.Channel]
	if c == nil {
		c = &channelStats{counts: map[int][]float64{}, types: map[string]*handleStats{}, typeCounts: map[string]int{},
			offered: make([]float64, f.slots), abandoned: make([]float64, f.slots),
			within: make([]float64, f.slots), waitSum: make([]float64, f.slots),
			// A fixed seed per channel: the same log gives the same fit.
			handleStats: newHandleStats(uint64(len(f.names))+1, sampleSize)}
		f.channels[r.Channel] = c
		f.channelIdx[r.Channel] = len(f.names)
		f.names = append(f.names, r.Channel)
	}
	slot := min(f.slots-1, int(r.Arrival/f.opts.Interval))
	f.days[r.Day] = true
	day := c.counts[r.Day]
	if day == nil {
		day = make([]float64, f.slots)
		c.counts[r.Day] = day
	}
	day[slot]++
	c.offered[slot]++
	c.waitSum[slot] += r.Wait
	c.totalWait += r.Wait
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
			f.work(r)
		}
	}
	f.remember(r, slot)
}

// handleStats are the tallies of a set of handle times: their count, sums
// for the moments and the log-moments, and a uniform sample of at most
// size of them (reservoir sampling, with a fixed seed: the same log gives
// the same fit).
type handleStats struct {
	n                        int
	sum, sum2, sumLog, sumL2 float64
	sample                   []float64
	size                     int
	rng                      *rand.Rand
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
	l := math.Log(h)
	c.sumLog += l
	c.sumL2 += l * l
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
// its end, in every slot that span touches.
func (f *Fitter) work(r *Record) {
	if f.served[r.Agent] == nil {
		f.served[r.Agent] = map[string]int{}
	}
	f.served[r.Agent][r.Channel]++
	start := r.Arrival + r.Wait
	end := start + r.Handle
	for t := math.Floor(start/f.opts.Interval) * f.opts.Interval; t < end; t += f.opts.Interval {
		day, slot := r.Day+int(t/86400), int(math.Mod(t, 86400)/f.opts.Interval)
		key := [2]int{day, slot}
		if f.agents[key] == nil {
			f.agents[key] = map[string][2]float64{}
		}
		from, to := math.Max(start, t), math.Min(end, t+f.opts.Interval)
		if span, ok := f.agents[key][r.Agent]; ok {
			from, to = math.Min(from, span[0]), math.Max(to, span[1])
		}
		f.agents[key][r.Agent] = [2]float64{from, to}
	}
}

// remember keeps an identified customer's contact for finding redials.
func (f *Fitter) remember(r *Record, slot int) {
	t := float64(r.Day)*86400 + r.Arrival
	if r.Customer == "" {
		return
	}
	f.contacts = append(f.contacts, contactEvent{customer: fnv1a(r.Customer), at: t, end: t + r.Wait, day: int32(r.Day),
		slot: int32(slot), channel: int32(f.channelIdx[r.Channel]), abandoned: r.Outcome == Abandoned})
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
	// perChannel holds each channel's redials per day and slot.
	perChannel []map[int][]float64
	nChannel   []int
}

// redials matches each identified customer's give-ups with their next
// contact: a redial when it came within Options.RedialWithin.
func (f *Fitter) redials() *redials {
	rd := &redials{perChannel: make([]map[int][]float64, len(f.names)), nChannel: make([]int, len(f.names))}
	for i := range rd.perChannel {
		rd.perChannel[i] = map[int][]float64{}
	}
	// By customer, then time: the order also fixes that of the sums.
	slices.SortStableFunc(f.contacts, func(a, b contactEvent) int {
		if a.customer != b.customer {
			return cmp.Compare(a.customer, b.customer)
		}
		return cmp.Compare(a.at, b.at)
	})
	for from := 0; from < len(f.contacts); {
		to := from + 1
		for to < len(f.contacts) && f.contacts[to].customer == f.contacts[from].customer {
			to++
		}
		evs := f.contacts[from:to]
		from = to
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
			if k == len(evs) || evs[k].at-e.end > f.opts.RedialWithin {
				continue
			}
			next := evs[k]
			rd.count++
			rd.delay += next.at - e.end
			if next.channel == e.channel {
				rd.same++
			}
			rd.nChannel[next.channel]++
			day := rd.perChannel[next.channel][int(next.day)]
			if day == nil {
				day = make([]float64, f.slots)
				rd.perChannel[next.channel][int(next.day)] = day
			}
			day[next.slot]++
		}
	}
	return rd
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
