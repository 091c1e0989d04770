package models

import (
	"fmt"
	"unsafe"
)

// MemoryBudget is the most memory omnisim lets a run plan to use: a run
// whose estimate (MemoryNeeded) exceeds it is refused before it starts,
// naming the setting to change, instead of running out of memory hours
// later or taking the machine down with it.
const MemoryBudget = 8 << 30

// The parts of a run's memory that the estimate counts besides the
// results' sizes, which unsafe.Sizeof gives. Measured as peak resident
// memory (/usr/bin/time -v, Go 1.26, linux/amd64): the textbook scenario
// over 3,000 and 8,000 days (144,000 and 384,000 intervals) grew by 40.8
// and 108.8 MB for each replication kept, where MemoryNeeded counts 40.6
// and 108.4 MB; the margin of one result more than those running covers
// the difference. Ten pools of 100,000 agents took 164 bytes an agent, 168
// with two replications at once; the program itself, 14 MB. A sweep of
// 100,000 replications of one channel and one pool, kept as their totals,
// took 2,000 bytes of peak memory a replication where their sizes add up
// to 608: 890 are live (the allocator rounds sizes up, and lists hold
// them), and as every replication leaves its per-interval tallies behind,
// the collector lets the heap grow to more than twice what is live.
const (
	// memoryBase is the program itself and one world's fixed structures,
	// with room for what the estimate leaves out.
	memoryBase = 64 << 20
	// bytesPerAgent is an agent at run time, with its timers: the 168
	// bytes measured, rounded up.
	bytesPerAgent = 176
	// totalsFactor is the peak memory of a replication kept as its totals
	// over the sizes of its parts: the 2,000 bytes measured over 608,
	// rounded up.
	totalsFactor = 3.5
)

// Memory is the estimate of what a run needs, by part.
type Memory struct {
	// PerResult is one replication's result: its per-interval tallies of
	// every channel, pool and the customers, and the moves between
	// channels.
	PerResult int64
	// PerTotals is one replication's result kept without its
	// per-interval tallies, as a sweep keeps it (Result.Totals).
	PerTotals int64
	// PerWorld is one running replication's agents.
	PerWorld int64
	// Total is what the run needs at its peak.
	Total int64
}

// MemoryNeeded estimates the memory of a run of cfg that holds kept
// replications' results at once (every replication, where a command keeps
// them all until the end) while parallel replications run. It counts what
// grows with the scenario: per-interval tallies (channels, pools and
// customers, times intervals), agents (their peak headcount) and the
// matrix of moves between channels; contacts in the system are not
// counted, as the horizon, agents and rates bound them (maxContacts).
func (c *Config) MemoryNeeded(kept, parallel int) Memory {
	return c.memoryNeeded(kept, 0, parallel)
}

// SweepMemoryNeeded is MemoryNeeded for jobs replications of a sweep
// whose point is cfg (experiment.Sweep): each is kept as its totals, and only the
// parallel ones running hold their per-interval tallies.
func (c *Config) SweepMemoryNeeded(jobs, parallel int) Memory {
	return c.memoryNeeded(0, jobs, parallel)
}

// memoryNeeded estimates a run that keeps full results whole and totals
// results as their totals, parallel at a time.
func (c *Config) memoryNeeded(full, totals, parallel int) Memory {
	chans, pools := int64(len(c.Channels)), int64(len(c.Pools))
	flows := c.flowsBytes()
	var m Memory
	m.PerResult = c.ResultBytes()
	// A result's totals: the Result, its channels and pools, the flows,
	// and the pointer and job that list it (an experiment.SweepJob: two
	// ints), times what the heap makes of them (totalsFactor).
	totalsSize := satAdd(int64(unsafe.Sizeof(Result{})+unsafe.Sizeof(&Result{})+2*unsafe.Sizeof(int(0)))+
		chans*int64(unsafe.Sizeof(ChannelResult{}))+pools*int64(unsafe.Sizeof(PoolResult{})), flows)
	m.PerTotals = satMul(totalsSize, int64(2*totalsFactor)) / 2
	m.PerWorld = satMul(c.peakAgents(), bytesPerAgent)
	// The results kept, those being made, and one more for the summary
	// drawn from them.
	whole := satMul(satAdd(int64(full), int64(parallel)+1), m.PerResult)
	m.Total = satAdd(memoryBase, satAdd(satAdd(whole, satMul(int64(totals), m.PerTotals)), satMul(int64(parallel), m.PerWorld)))
	return m
}

// ResultBytes estimates the memory of one replication's result of c:
// its tallies of every interval (channels, pools, customers and the
// expectation level) and its flows between channels.
func (c *Config) ResultBytes() int64 {
	chans, pools := int64(len(c.Channels)), int64(len(c.Pools))
	perInterval := chans*int64(unsafe.Sizeof(Counts{})) +
		pools*int64(unsafe.Sizeof(PoolCounts{})+unsafe.Sizeof(int(0))) +
		int64(unsafe.Sizeof(CustomerCounts{})) + int64(unsafe.Sizeof(float64(0)))
	return satAdd(satMul(int64(c.Intervals()), perInterval), c.flowsBytes())
}

// flowsBytes is the memory of a result's flows between channels.
func (c *Config) flowsBytes() int64 {
	chans := int64(len(c.Channels))
	return satMul(chans, satAdd(int64(unsafe.Sizeof([]int64{})), satMul(chans, 8)))
}

// peakAgents is an upper bound of the agents a replication holds at once:
// each pool's largest headcount, or the sum of its shifts.
func (c *Config) peakAgents() int64 {
	var total int64
	for _, p := range c.Pools {
		var most int64
		for _, a := range p.Agents {
			most = max(most, int64(a))
		}
		var shifts int64
		for _, s := range p.Shifts {
			shifts = satAdd(shifts, int64(max(s.Agents, 0)))
		}
		total = satAdd(total, max(most, shifts))
	}
	return total
}

// CheckMemory refuses a run of cfg whose estimate (MemoryNeeded) exceeds
// budget bytes, naming the setting that weighs most: the agents, the
// horizon or the replications. kept and parallel are as MemoryNeeded
// takes them.
func (c *Config) CheckMemory(kept, parallel int, budget int64) error {
	return c.checkMemory(kept, 0, parallel, budget)
}

// CheckStreamedMemory is CheckMemory for a run that streams reps
// replications, sides times over (the two variants of a comparison), each
// side into a Pooled: it holds each side's batches (at most Batches) and
// the results that wait for those before them (sim.Stream: as many as run
// at once) whole, and every replication's totals. whole counts results
// held whole besides (staff's search).
func (c *Config) CheckStreamedMemory(reps, sides, whole, parallel int, budget int64) error {
	return c.checkMemory(satInt(whole, sides*min(reps, c.Batches()), parallel), sides*reps, parallel, budget)
}

// satInt adds counts of results, saturating well below int's largest.
func satInt(xs ...int) int {
	sum := 0
	for _, x := range xs {
		sum = min(sum+max(0, x), 1<<40)
	}
	return sum
}

// CheckSweepMemory is CheckMemory for jobs replications of a sweep whose
// point is cfg (SweepMemoryNeeded).
func (c *Config) CheckSweepMemory(jobs, parallel int, budget int64) error {
	return c.checkMemory(0, jobs, parallel, budget)
}

func (c *Config) checkMemory(full, totals, parallel int, budget int64) error {
	m := c.memoryNeeded(full, totals, parallel)
	if m.Total <= budget {
		return nil
	}
	results := satAdd(satMul(satAdd(int64(full), int64(parallel)+1), m.PerResult), satMul(int64(totals), m.PerTotals))
	agents := satMul(int64(parallel), m.PerWorld)
	e := &MemoryError{Need: m.Total, Budget: budget}
	switch {
	case agents >= results:
		e.Setting = "agents"
		e.Msg = fmt.Sprintf("%d agents at once (%s each, in %d replications at a time) would need about %s of memory",
			c.peakAgents(), Bytes(bytesPerAgent), parallel, Bytes(m.Total))
		e.Advice = "schedule fewer agents, or run fewer replications at once (-j)"
	case totals > 0 && satMul(int64(totals), m.PerTotals) >= satMul(int64(parallel)+1, m.PerResult):
		e.Setting = "replications"
		e.Msg = fmt.Sprintf("%d replications of %s each, kept as their totals (%d channel(s) and %d pool(s)), would need about %s of memory",
			totals, Bytes(m.PerTotals), len(c.Channels), len(c.Pools), Bytes(m.Total))
		e.Advice = "run fewer replications (--reps) or fewer points"
	case full > parallel+1:
		e.Setting = "replications"
		e.Msg = fmt.Sprintf("%d replications' tallies of %s each held at once (%d intervals of %d channel(s) and %d pool(s)) would need about %s of memory",
			full, Bytes(m.PerResult), c.Intervals(), len(c.Channels), len(c.Pools), Bytes(m.Total))
		e.Advice = "run fewer replications (--reps), a shorter horizon or a longer interval"
	default:
		e.Setting = "horizon"
		e.Msg = fmt.Sprintf("%d intervals of %d channel(s) and %d pool(s) take %s a replication and would need about %s of memory",
			c.Intervals(), len(c.Channels), len(c.Pools), Bytes(m.PerResult), Bytes(m.Total))
		e.Advice = "a shorter horizon or a longer interval"
	}
	return e
}

// MemoryError is a run refused before it starts because its memory
// estimate exceeds the budget. It is bad input: the setting it names must
// change.
type MemoryError struct {
	// Setting is what weighs most: "agents", "horizon" or
	// "replications".
	Setting string
	// Need and Budget are the estimate and the budget, in bytes.
	Need, Budget int64
	// Msg says what needs the memory; Advice what to change.
	Msg, Advice string
}

func (e *MemoryError) Error() string {
	return fmt.Sprintf("%s: %s, more than the budget of %s: %s", e.Setting, e.Msg, Bytes(e.Budget), e.Advice)
}

// Bytes writes a number of bytes for people, in binary units: "8 GB",
// "111.2 MB", "160 bytes".
func Bytes(n int64) string {
	switch {
	case n >= 1<<40:
		return trimUnit(float64(n)/(1<<40), "TB")
	case n >= 1<<30:
		return trimUnit(float64(n)/(1<<30), "GB")
	case n >= 1<<20:
		return trimUnit(float64(n)/(1<<20), "MB")
	case n >= 1<<10:
		return trimUnit(float64(n)/(1<<10), "KB")
	}
	return fmt.Sprintf("%d bytes", n)
}

// trimUnit writes x with one decimal, none when it is whole.
func trimUnit(x float64, unit string) string {
	s := fmt.Sprintf("%.1f", x)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	return s + " " + unit
}

// satMul is a × b for sizes ≥ 0, saturating at the largest int64 instead of
// wrapping.
func satMul(a, b int64) int64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	if a > (1<<63-1)/b {
		return 1<<63 - 1
	}
	return a * b
}

// satAdd is a + b for sizes ≥ 0, saturating.
func satAdd(a, b int64) int64 {
	if a > 1<<63-1-b {
		return 1<<63 - 1
	}
	return a + b
}
