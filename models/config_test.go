package models

import (
	"math"
	"slices"
	"testing"
)

// problemPaths is the path of every problem Validate finds, in order (""
// for a problem of the whole config), or nil for a valid config.
func problemPaths(t *testing.T, c *Config) []string {
	t.Helper()
	err := c.Validate()
	if err == nil {
		return nil
	}
	ps, ok := err.(Problems)
	if !ok {
		t.Fatalf("Validate returned %T, want Problems", err)
	}
	var paths []string
	for _, p := range ps {
		paths = append(paths, p.Path)
	}
	return paths
}

// TestValidateEdges checks each limit the scenario reference states at its
// very edge: a value on the edge is accepted or refused as the reference
// says, and exactly the setting at fault is named, nothing else. Mutation
// testing (tools/mutate) found that no test told a limit's > from its >=:
// each case pins one such comparison of Config.check.
func TestValidateEdges(t *testing.T) {
	queue := func(f func(*Channel)) func(*Config) { return func(c *Config) { f(&c.Channels[0]) } }
	agents := func(f func(*Pool)) func(*Config) { return func(c *Config) { f(&c.Pools[0]) } }
	wom := func(f func(*WordOfMouth)) func(*Config) {
		return func(c *Config) { c.WordOfMouth = DefaultWordOfMouth(); f(&c.WordOfMouth) }
	}
	shift := func(from, to float64, n int) func(*Pool) {
		return func(p *Pool) {
			p.Agents, p.Shifts = nil, []Shift{{Span: Span{Days: EveryDay, From: from, To: to}, Agents: n}}
		}
	}
	demand := func(rate float64) func(*Config) {
		return func(c *Config) {
			c.Channels[0].Arrivals.Rate, c.Channels[0].Choosable = 0, true
			c.Demand.Arrivals.Rate = rate
		}
	}
	// A day of 100,000 s in intervals of 1,000 s at 10,000 contacts a
	// second expects exactly 1e9 contacts (every sum exact in floating
	// point): the cap, which is allowed.
	atCap := func(rate float64) func(*Config) {
		return func(c *Config) {
			c.Horizon, c.Interval = 100_000, 1000
			c.Channels[0].Arrivals.Rate = rate
		}
	}
	for _, tc := range []struct {
		name string
		edit func(*Config)
		want []string
	}{
		{"the base config", func(*Config) {}, nil},
		{"horizon zero, warmup not blamed", func(c *Config) { c.Horizon = 0 }, []string{"horizon"}},
		{"warmup as long as the horizon", func(c *Config) { c.Warmup = c.Horizon }, []string{"warmup"}},
		{"interval zero", func(c *Config) { c.Interval = 0 }, []string{"interval"}},
		{"start on Sunday", func(c *Config) { c.Start = Sunday }, nil},
		{"no channel, no pool: nobody arriving is not blamed", func(c *Config) { c.Channels, c.Pools = nil, nil }, []string{"channels"}},
		{"volumes all zero: nobody arrives", queue(func(ch *Channel) { ch.Arrivals = Arrivals{Volumes: []float64{0, 0}} }), []string{""}},
		{"volumes with one contact", queue(func(ch *Channel) { ch.Arrivals = Arrivals{Volumes: []float64{0, 1}} }), nil},
		{"a negative rate", queue(func(ch *Channel) { ch.Arrivals.Rate = -1 }), []string{"channels.queue.arrivals.rate"}},
		{"contacts at the cap", atCap(10_000), nil},
		{"contacts past the cap", atCap(10_001), []string{"channels.queue.arrivals"}},
		{"demand at the cap", func(c *Config) { atCap(0)(c); demand(10_000)(c) }, nil},
		{"demand past the cap", func(c *Config) { atCap(0)(c); demand(10_001)(c) }, []string{"demand"}},
		{"handle factor zero", func(c *Config) { c.Issues[0].HandleFactor = 0 }, []string{"issues.general.handle_factor"}},
		{"demand noise 10", func(c *Config) { demand(1)(c); c.Demand.Noise = 10 }, nil},
		{"max_contacts 1", func(c *Config) { c.Journey.MaxContacts = 1 }, nil},
		{"max_contacts 1000", func(c *Config) { c.Journey.MaxContacts = 1000 }, nil},
		{"chase_after zero", func(c *Config) { c.Journey.ChaseAfter = 0 }, []string{"journey.chase_after"}},
		{"siloed handle factor zero", func(c *Config) { c.Journey.SiloHandleFactor = 0 }, []string{"journey.siloed.handle_factor"}},
		{"siloed resolution factor zero", func(c *Config) { c.Journey.SiloResolutionFactor = 0 }, nil},
		{"inertia zero", wom(func(w *WordOfMouth) { w.Inertia = 0 }), []string{"word_of_mouth.inertia"}},
		{"level inertia zero", wom(func(w *WordOfMouth) { w.LevelInertia = 0 }), []string{"word_of_mouth.level_inertia"}},
		{"public factor zero", wom(func(w *WordOfMouth) { w.PublicFactor = 0 }), nil},
		{"reach zero", wom(func(w *WordOfMouth) { w.Reach = 0 }), nil},
		{"memory zero", wom(func(w *WordOfMouth) { w.Memory = 0 }), []string{"word_of_mouth.memory"}},
		{"channel noise 10", queue(func(ch *Channel) { ch.Arrivals.Noise = 10 }), nil},
		{"expected wait zero", queue(func(ch *Channel) { ch.ExpectedWait = 0 }), []string{"channels.queue.expected_wait"}},
		{"concurrency 100", queue(func(ch *Channel) { ch.Concurrency = 100 }), nil},
		{"more handle times than issues", queue(func(ch *Channel) {
			ch.IssueHandle = []Dist{{Kind: Exponential, Mean: 100}, {Kind: Exponential, Mean: 100}}
		}), []string{"channels.queue.handle_times"}},
		{"an issue's handle time of mean zero", queue(func(ch *Channel) {
			ch.IssueHandle = []Dist{{Kind: Exponential, Mean: 0}}
		}), []string{"channels.queue.handle_times.general.mean"}},
		{"an issue mix longer than the issues", queue(func(ch *Channel) { ch.Arrivals.Issues = []float64{0.5, 0.5} }),
			[]string{"channels.queue.arrivals.issues"}},
		{"an issue mix share above 1", queue(func(ch *Channel) { ch.Arrivals.Issues = []float64{1.5} }),
			[]string{"channels.queue.arrivals.issues.general", "channels.queue.arrivals.issues"}},
		{"more resolutions than issues", queue(func(ch *Channel) { ch.Resolution = []float64{1, 1} }),
			[]string{"channels.queue.resolution"}},
		{"a resolution above 1", queue(func(ch *Channel) { ch.Resolution = []float64{1.5} }),
			[]string{"channels.queue.resolution.general"}},
		{"target service level 1", queue(func(ch *Channel) { ch.TargetServiceLevel = 1 }), nil},
		{"a shift on the intervals", agents(shift(8*3600, 16*3600, 5)), nil},
		{"a shift off the intervals", agents(shift(8*3600+900, 16*3600, 5)), []string{"pools.agents.shifts[0].hours"}},
		{"interval zero, shifts not blamed", func(c *Config) { c.Interval = 0; agents(shift(8*3600, 16*3600, 5))(c) },
			[]string{"interval"}},
		{"a shift of no agents", agents(shift(8*3600, 16*3600, 0)), nil},
		{"shrinkage 100 %", agents(func(p *Pool) { p.Shrinkage = 1 }), []string{"pools.agents.shrinkage"}},
		{"availability zero", agents(func(p *Pool) { p.Availability = []float64{0} }), []string{"pools.agents.availability[0]"}},
		{"availability 100 %", agents(func(p *Pool) { p.Availability = []float64{1} }), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := capsConfig()
			cfg.SetDefaults()
			tc.edit(cfg)
			if got := problemPaths(t, cfg); !slices.Equal(got, tc.want) {
				t.Errorf("got problems at %q, want at %q\n%v", got, tc.want, cfg.Validate())
			}
		})
	}
}

// TestSpanEdges checks the hours a span accepts: from midnight up to (not
// including) the next, to any time up to and including the next midnight
// (0 meaning the span runs past midnight).
func TestSpanEdges(t *testing.T) {
	for _, tc := range []struct {
		from, to float64
		ok       bool
	}{
		{0, 3600, true},
		{3600, 0, true},
		{3600, 86400, true},
		{86400, 3600, false},
		{-1, 3600, false},
		{3600, 86401, false},
		{3600, 3600, false},
	} {
		var list Problems
		s := Span{Days: EveryDay, From: tc.from, To: tc.to}
		if got := s.check(collect(&list)); got != tc.ok || (len(list) == 0) != tc.ok {
			t.Errorf("span %v–%v: check says %v with %v, want %v", tc.from, tc.to, got, list, tc.ok)
		}
	}
}

// TestArrivalsRateAt checks the rate of arrivals given by volumes: interval
// k's volume spread over the interval, the list repeating.
func TestArrivalsRateAt(t *testing.T) {
	a := Arrivals{Volumes: []float64{10, 20, 30}}
	for _, tc := range []struct{ t, want float64 }{
		{0, 10.0 / 1800},
		{1799, 10.0 / 1800},
		{1800, 20.0 / 1800},
		{2700, 20.0 / 1800},
		{3 * 1800, 10.0 / 1800},
		{8 * 1800, 30.0 / 1800},
	} {
		if got := a.RateAt(tc.t, 1800); got != tc.want {
			t.Errorf("RateAt(%v): got %v, want %v", tc.t, got, tc.want)
		}
	}
	if got := (Arrivals{Rate: 0.5}).RateAt(1e6, 1800); got != 0.5 {
		t.Errorf("a constant rate: got %v, want 0.5", got)
	}
}

// TestIntervals checks the count of intervals: the last may be cut short,
// and a config without a positive interval or horizon has none.
func TestIntervals(t *testing.T) {
	for _, tc := range []struct {
		horizon, interval float64
		want              int
	}{
		{86400, 1800, 48},
		{86400 + 1, 1800, 49},
		{5400, 3600, 2},
		{86400, 0, 0},
		{0, 1800, 0},
		{86400, -1800, 0},
	} {
		c := Config{Horizon: tc.horizon, Interval: tc.interval}
		if got := c.Intervals(); got != tc.want {
			t.Errorf("horizon %v, interval %v: got %d intervals, want %d", tc.horizon, tc.interval, got, tc.want)
		}
	}
}

// TestExpectedArrivals checks the count of contacts the cap on a
// replication's contacts is judged by: each interval's rate or volume over
// its length (the last cut short), times its weekday's factor.
func TestExpectedArrivals(t *testing.T) {
	monday := [7]float64{1}
	every := [7]float64{1, 1, 1, 1, 1, 1, 1}
	for _, tc := range []struct {
		name     string
		horizon  float64
		interval float64
		start    Weekday
		a        Arrivals
		weekdays [7]float64
		want     float64
	}{
		{"a rate over two days", 2 * 86400, 3600, Monday, Arrivals{Rate: 1}, every, 2 * 86400},
		{"Mondays only", 2 * 86400, 3600, Monday, Arrivals{Rate: 1}, monday, 86400},
		{"Mondays only, from Sunday", 2 * 86400, 3600, Sunday, Arrivals{Rate: 1}, monday, 86400},
		{"volumes, the last interval cut short", 5400, 3600, Monday, Arrivals{Volumes: []float64{100}}, every, 150},
		{"volumes repeating", 4 * 3600, 3600, Monday, Arrivals{Volumes: []float64{100, 10}}, every, 220},
		{"volumes on Mondays only", 2 * 86400, 43200, Monday, Arrivals{Volumes: []float64{100}}, monday, 200},
	} {
		c := Config{Horizon: tc.horizon, Interval: tc.interval, Start: tc.start}
		if got := c.expected(tc.a, tc.weekdays); math.Abs(got-tc.want) > 1e-9*tc.want {
			t.Errorf("%s: got %v contacts, want %v", tc.name, got, tc.want)
		}
	}
}

// TestJourneyDefaults checks that SetDefaults fills only the journey
// settings a config built in code left at zero, keeping those it set.
func TestJourneyDefaults(t *testing.T) {
	def := DefaultJourney()
	c := capsConfig()
	c.SetDefaults()
	if j := c.Journey; j.SiloResolutionFactor != def.SiloResolutionFactor || j.SiloAnnoyance != def.SiloAnnoyance ||
		j.SiloHandleFactor != def.SiloHandleFactor || j.ChaseAfter != def.ChaseAfter || j.MaxContacts != def.MaxContacts {
		t.Errorf("zero settings: got %+v, want the defaults %+v", j, def)
	}
	c = capsConfig()
	c.Journey = Journey{MaxContacts: 3, ChaseAfter: 2, SiloHandleFactor: 1.5, SiloResolutionFactor: 0.3, SiloAnnoyance: 0.2}
	c.SetDefaults()
	if j := c.Journey; j.MaxContacts != 3 || j.ChaseAfter != 2 || j.SiloHandleFactor != 1.5 ||
		j.SiloResolutionFactor != 0.3 || j.SiloAnnoyance != 0.2 {
		t.Errorf("settings given: got %+v, want them kept", j)
	}
}
