package models

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/omnisim/omnisim/sim"
)

// Pool is a group of agents with the same skills.
type Pool struct {
	// Name identifies the pool.
	Name string
	// Skills are the channels the pool serves, most preferred first. Live
	// channels always come before deferred ones: a blended pool works its
	// backlogs only when its live queues are empty.
	Skills []string
	// Agents is the headcount scheduled in each interval, from time zero;
	// one value means a constant headcount, and the pattern repeats when the
	// horizon is longer than it. Empty when Shifts are given.
	Agents []int
	// Shifts give the headcount by shift instead: in each interval, the
	// agents of every shift that covers the interval's start.
	Shifts []Shift
	// Shrinkage is the share of scheduled time lost to breaks, training,
	// meetings and absence: of n scheduled agents, round(n·(1−Shrinkage))
	// take contacts.
	Shrinkage float64
	// CostPerHour is the cost of one scheduled agent for an hour (scenario
	// key cost_per_hour), in whatever currency the planner uses.
	CostPerHour float64
	// Availability is the share of their time at work that the agents
	// left after shrinkage are ready for contacts; the rest they spend
	// away (other work, short breaks, not ready), in spells of mean
	// AwaySpell. One value, or one per interval from time zero, repeating
	// like Agents; empty means 1, always ready. Each agent is ready or away
	// by a two-state Markov chain of its own, run independently of the
	// work: an agent who turns away with a contact in hand finishes it and
	// takes no new one until ready again. A customer may therefore wait
	// while an agent who serves them sits idle, as real logs show.
	Availability []float64
	// AwaySpell is the mean length of a spell away, in seconds (scenario
	// key away_spell); 0 takes DefaultAwaySpell.
	AwaySpell float64
	// OverflowAfter makes the pool a backup for some of its skills
	// (scenario key overflow_after, a mapping by channel): its agents take
	// a contact of such a channel only once the contact has waited this
	// long (time-based overflow). Skills not listed are taken at once.
	OverflowAfter []SkillSetting
	// HandleFactors are the pool's proficiency by skill (scenario key
	// handle_factor, a mapping by channel): its agents' handle time on
	// the channel is multiplied by the factor (1.3 for a slower, newer
	// team; 0.8 for experts). Skills not listed keep 1.
	HandleFactors []SkillSetting
}

// handleFactor returns the pool's handle-time factor on channel name: 1
// unless HandleFactors lists it.
func (p *Pool) handleFactor(name string) float64 {
	for _, s := range p.HandleFactors {
		if s.Skill == name {
			return s.Value
		}
	}
	return 1
}

// SkillSetting is a pool's setting for one of its skills.
type SkillSetting struct {
	// Skill names the channel.
	Skill string
	// Value is the setting: a duration in seconds, or a factor.
	Value float64
}

// skillValues returns settings as one value per channel of cfg, by
// channel index, others taking def; nil when settings is empty.
func skillValues(cfg *Config, settings []SkillSetting, def float64) []float64 {
	if len(settings) == 0 {
		return nil
	}
	out := make([]float64, len(cfg.Channels))
	for i := range out {
		out[i] = def
	}
	for _, s := range settings {
		for i, ch := range cfg.Channels {
			if ch.Name == s.Skill {
				out[i] = s.Value
			}
		}
	}
	return out
}

// checkSkillSettings checks a pool's settings by skill at p (key): each
// names one of its skills, once, with a value ok accepts (want says what
// it wants).
func checkSkillSettings(pool *Pool, settings []SkillSetting, p problems, ok func(float64) bool, want string) {
	seen := map[string]bool{}
	for _, s := range settings {
		sp := p.At(s.Skill)
		switch {
		case !slices.Contains(pool.Skills, s.Skill):
			sp.Add("%s is not among the pool's skills (%s)", s.Skill, strings.Join(pool.Skills, ", "))
		case seen[s.Skill]:
			sp.Add("%s is listed twice", s.Skill)
		}
		seen[s.Skill] = true
		if !ok(s.Value) {
			sp.Add("must be %s, not %v", want, s.Value)
		}
	}
}

// DefaultAwaySpell is the mean spell away when a pool's availability is
// below 1 and its away_spell is not given.
const DefaultAwaySpell = 300.0

// AvailabilityAt returns the pool's availability in interval k: the share
// of present agents' time they are ready for contacts.
func (p *Pool) AvailabilityAt(k int) float64 {
	if len(p.Availability) == 0 {
		return 1
	}
	return p.Availability[k%len(p.Availability)]
}

// alwaysReady tells whether the pool's agents are never away.
func (p *Pool) alwaysReady() bool {
	for _, a := range p.Availability {
		if a != 1 {
			return false
		}
	}
	return true
}

// Shift is a number of agents at work over a span of the week.
type Shift struct {
	Span
	// Agents is the number of agents on the shift.
	Agents int
}

// ScheduledAt returns the headcount the pool schedules in interval k of a
// run whose day 0 is start.
func (p *Pool) ScheduledAt(k int, interval float64, start Weekday) int {
	if len(p.Shifts) == 0 {
		if len(p.Agents) == 0 {
			return 0
		}
		return p.Agents[k%len(p.Agents)]
	}
	t := float64(k) * interval
	day := WeekdayAt(start, t)
	tod := timeOfDay(t) // math.Mod(t, 86400), without its loop
	n := 0
	for i := range p.Shifts {
		if s := &p.Shifts[i]; s.covers(day, tod) { // read in place, not copied (Channel.OpenAt)
			n += s.Agents
		}
	}
	return n
}

// AvailableAt returns the agents taking contacts in interval k: the
// scheduled headcount less shrinkage, rounded to the nearest agent.
func (p *Pool) AvailableAt(k int, interval float64, start Weekday) int {
	return Shrunk(p.ScheduledAt(k, interval, start), p.Shrinkage)
}

// halfSlack is how far below a half n·(1−shrinkage) may fall and still
// count as the half, relative to its size: the product of a decimal
// shrinkage in floating point falls just short of a true half (45 ×
// (1 − 0.3) is 31.499999999999996), some 10⁻¹⁵ below it, where a
// shrinkage given to 12 decimals or fewer is never nearer a half than
// 10⁻¹² without being one.
const halfSlack = 1e-12

// shrunk returns round(n·(1−shrinkage)), halves rounded up.
func Shrunk(n int, shrinkage float64) int {
	x := float64(n) * (1 - shrinkage)
	return int(math.Floor(x + 0.5 + halfSlack*math.Abs(x)))
}

func (c *Config) checkPool(pool *Pool, p problems, byName map[string]*Channel) {
	if len(pool.Skills) == 0 {
		p.At("skills").Add("must list at least one channel")
	}
	seen := map[string]bool{}
	for i, s := range pool.Skills {
		sp := p.At(fmt.Sprintf("skills[%d]", i))
		ch, ok := byName[s]
		switch {
		case !ok:
			sp.Add("no channel is named %q", s)
		case ch.Kind == SelfService:
			sp.Add("%s is a self-service channel: no agent works it", s)
		case seen[s]:
			sp.Add("%s is listed twice", s)
		}
		seen[s] = true
	}
	switch {
	case len(pool.Agents) == 0 && len(pool.Shifts) == 0:
		p.At("agents").Add("missing: give agents (a headcount, or one per interval) or shifts")
	case len(pool.Agents) > 0 && len(pool.Shifts) > 0:
		p.At("shifts").Add("give agents or shifts, not both")
	}
	for i, n := range pool.Agents {
		switch {
		case n < 0:
			p.At(fmt.Sprintf("agents[%d]", i)).Add("must be ≥ 0, not %d", n)
		case n > MaxAgents:
			p.At(fmt.Sprintf("agents[%d]", i)).Add("must be at most %d agents (the limit of a pool in an interval), not %d", MaxAgents, n)
		}
	}
	for i, s := range pool.Shifts {
		sp := p.At(fmt.Sprintf("shifts[%d]", i))
		if s.check(sp) && c.Interval > 0 && (math.Mod(s.From, c.Interval) != 0 || math.Mod(s.To, c.Interval) != 0) {
			sp.At("hours").Add("must start and end on the scenario's intervals (every %s)", FormatDuration(c.Interval))
		}
		switch {
		case s.Agents < 0:
			sp.At("agents").Add("must be ≥ 0, not %d", s.Agents)
		case s.Agents > MaxAgents:
			sp.At("agents").Add("must be at most %d agents (the limit of a shift), not %d", MaxAgents, s.Agents)
		}
	}
	if !(pool.Shrinkage >= 0 && pool.Shrinkage < 1) {
		p.At("shrinkage").Add("must be a share from 0 up to (not including) 100 %%, not %v", pool.Shrinkage)
	}
	for i, a := range pool.Availability {
		if !(a > 0 && a <= 1) {
			p.At(fmt.Sprintf("availability[%d]", i)).Add("must be a share above 0 and at most 100 %%, not %v", a)
		}
	}
	if !(pool.AwaySpell >= 0) || !finite(pool.AwaySpell) {
		p.At("away_spell").Add("must be a positive, finite duration, not %s", FormatDuration(pool.AwaySpell))
	}
	if !(pool.CostPerHour >= 0) || !finite(pool.CostPerHour) {
		p.At("cost_per_hour").Add("must be a finite number ≥ 0, not %v", pool.CostPerHour)
	}
	checkSkillSettings(pool, pool.OverflowAfter, p.At("overflow_after"),
		func(v float64) bool { return v >= 0 && finite(v) }, "a finite duration ≥ 0")
	checkSkillSettings(pool, pool.HandleFactors, p.At("handle_factor"),
		func(v float64) bool { return v > 0 && finite(v) }, "a positive factor")
}

// pool is a Pool at run time: its agents, the channels it serves, and its
// tallies.
type pool struct {
	cfg *Pool
	idx int
	w   *world

	// skills are the channels the pool serves, live ones first, each kind
	// in the order of its skills: the order in which a free agent looks
	// for work (pick).
	skills []*channel
	// after and factor hold, by channel index, how long a contact must
	// have waited before the pool's agents take it (OverflowAfter) and
	// the factor of their handle time (HandleFactors); nil when the pool
	// has none.
	after  []float64
	factor []float64

	idle        list[agent] // idle agents, the longest idle first
	present     int         // agents at work, leaving ones included
	busy        int         // agents with a contact in hand
	marked      int         // present agents flagged to leave
	owed        int         // agents to flag as they finish
	spareAgents []*agent    // agents not at work, for reuse
	all         []*agent    // every agent ever hired
	// toggles holds, by agent id − 1 (as all), each agent's timer of its
	// next change between ready and away (an evFlip event): read only
	// with availability below 1, so kept out of the agent (one line).
	toggles []sim.Timer

	// Agent time is integrated between changes.
	last       float64
	busyCur    float64
	presentCur float64
	awayCur    float64

	// Availability (Pool.Availability): avail is the current interval's,
	// awayMean the mean spell away, awayRng the pool's stream for the
	// changes between ready and away (nil while every agent is always
	// ready), and awayIdle the present agents away with nothing in hand.
	avail    float64
	awayMean float64
	awayRng  *rand.Rand
	awayIdle int

	total      PoolCounts
	byInterval []PoolCounts
}

// book adds agent time since the last booking.
func (p *pool) book(now float64) {
	if dt := now - p.last; dt > 0 {
		p.busyCur += dt * float64(p.busy)
		p.presentCur += dt * float64(p.present)
		p.awayCur += dt * float64(p.awayIdle)
		p.last = now
	}
}

func (p *pool) pushIdle(a *agent, now float64) {
	a.idle, a.idleSince = true, now
	p.idle.push(&a.link)
}

func (p *pool) removeIdle(a *agent) {
	p.idle.remove(&a.link)
	a.idle = false
}

// hire brings one agent to work, idle.
func (p *pool) hire(now float64) *agent {
	var a *agent
	if n := len(p.spareAgents); n > 0 {
		a = p.spareAgents[n-1]
		p.spareAgents = p.spareAgents[:n-1]
	} else {
		a = &agent{pool: p}
		p.all = append(p.all, a)
		p.toggles = append(p.toggles, sim.Timer{})
	}
	id := a.id
	if id == 0 {
		id = int32(len(p.all))
	}
	*a = agent{pool: p, present: true, spareIdx: -1, id: id}
	a.link.elem = a
	p.book(now)
	p.present++
	if p.awayRng != nil {
		// A new agent is away with the chance the chain is in the long run.
		a.away = p.awayRng.Float64() >= p.avail
		p.scheduleFlip(a, now)
	}
	if a.away {
		p.park(a)
	} else {
		p.pushIdle(a, now)
	}
	return a
}

// park and unpark count agent a in and out of the agents away with
// nothing in hand; agent time must be booked first.
func (p *pool) park(a *agent) {
	a.parked = true
	p.awayIdle++
}

func (p *pool) unpark(a *agent) {
	if a.parked {
		a.parked = false
		p.awayIdle--
	}
}

// scheduleFlip schedules agent a's next change between ready and away. A
// spell away lasts an exponential time of mean awayMean; a spell ready one
// of mean awayMean·avail/(1−avail), so that in the long run an agent is
// ready for the share avail of the time.
func (p *pool) scheduleFlip(a *agent, now float64) {
	toggle := &p.toggles[a.id-1]
	p.w.eng.Cancel(*toggle)
	mean := p.awayMean
	if !a.away {
		if p.avail >= 1 {
			*toggle = sim.Timer{}
			return
		}
		mean = p.awayMean * p.avail / (1 - p.avail)
	}
	*toggle = p.w.eng.ScheduleCall(now+p.awayRng.ExpFloat64()*mean, sim.PhaseStaffing, evFlip, a)
}

// flip changes agent a between ready and away. An agent turning away with
// contacts in hand keeps them and takes no more; one coming back takes
// work at this instant's dispatch.
func (p *pool) flip(a *agent) {
	now := p.w.eng.Now()
	p.book(now)
	a.away = !a.away
	switch {
	case a.away && a.sessions == 0:
		if a.idle {
			p.removeIdle(a)
		}
		p.park(a)
	case a.away:
		a.on.dropSpare(a)
	case a.sessions == 0:
		p.unpark(a)
		p.pushIdle(a, now)
		if p.hasWork() {
			p.w.wantPick(a)
		}
	case !a.leaving && int(a.sessions) < a.on.cfg.Concurrency:
		a.on.addSpare(a)
		if a.on.waiting() > 0 {
			p.w.wantPick(a)
		}
	}
	p.scheduleFlip(a, now)
}

// setAvailability changes the pool's availability to avail: every present
// agent's next change is drawn again at the new rates (the chain is
// memoryless, so this is exact).
func (p *pool) setAvailability(avail float64) {
	if p.awayRng == nil || avail == p.avail {
		return
	}
	p.avail = avail
	now := p.w.eng.Now()
	for _, a := range p.all {
		if a.present {
			p.scheduleFlip(a, now)
		}
	}
}

// stopFlips cancels every agent's next change between ready and away.
func (p *pool) stopFlips() {
	for _, t := range p.toggles {
		p.w.eng.Cancel(t)
	}
}

// leave sends an agent with nothing in hand home.
func (p *pool) leave(a *agent) {
	p.book(p.w.eng.Now())
	if a.idle {
		p.removeIdle(a)
	}
	if a.leaving {
		p.marked--
	}
	p.unpark(a)
	p.w.eng.Cancel(p.toggles[a.id-1])
	a.present, a.leaving, a.away = false, false, false
	p.present--
	p.spareAgents = append(p.spareAgents, a)
}
