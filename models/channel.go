package models

import (
	"fmt"
	"math"

	"github.com/omnisim/omnisim/sim"
)

// ChannelKind says how a channel treats its contacts.
type ChannelKind string

// The kinds of channel.
const (
	// Live channels (phone, chat, video) hold contacts in a queue; a
	// customer whose patience runs out abandons.
	Live ChannelKind = "live"
	// Deferred channels (email, social posts, web forms) hold a backlog
	// worked against a response-time target.
	Deferred ChannelKind = "deferred"
	// SelfService channels (web, FAQ, voice menu) resolve part of what
	// reaches them and send the rest on.
	SelfService ChannelKind = "self-service"
)

// Channel is one way of reaching the centre.
type Channel struct {
	// Name identifies the channel ("phone").
	Name string
	// Kind is how the channel treats contacts.
	Kind ChannelKind
	// Arrivals are customers who come straight to this channel without
	// choosing (scenario key arrivals); none when empty.
	Arrivals Arrivals
	// Choosable tells whether customers choosing a channel may pick this one
	// (scenario key choice); an internal channel such as a second tier is
	// reached by escalation only.
	Choosable bool
	// Preference is the channel's attractiveness in the choice model, on the
	// scale of utility (0 is neutral).
	Preference float64
	// Fit is the channel's extra attractiveness for each issue, by the
	// index of Config.Issues (scenario key fit, a mapping by issue name).
	Fit []float64
	// ExpectedWait is the wait customers expect on the channel before any
	// experience shapes its reputation, in seconds.
	ExpectedWait float64
	// Open lists when the channel takes new contacts; always, when empty.
	Open []Span
	// Lines limits the contacts a live channel holds at once, waiting or
	// being handled; a contact finding them all busy gets a busy signal.
	// Zero means no limit.
	Lines int
	// Concurrency is the number of contacts an agent may handle at once on
	// this channel (chat); 1 for most channels.
	Concurrency int
	// Slowdown lengthens handling by this share for each other contact the
	// agent is already handling when one starts: a chat started alongside
	// two others takes 1 + 2·Slowdown times as long.
	Slowdown float64
	// HandleTime is the distribution of the time an agent spends on a
	// contact; for a self-service channel, the time the customer spends in
	// it.
	HandleTime Dist
	// IssueHandle, if not nil, holds by issue index the handle-time law of
	// each issue on this channel (scenario key handle_times, a mapping by
	// issue name), in place of HandleTime × the issue's handle factor; an
	// issue left out (Kind "") keeps that.
	IssueHandle []Dist
	// WrapTime is the distribution of the after-call work (wrap-up) on a
	// contact: the time its agent stays busy after the customer has gone,
	// writing notes or finishing the case (scenario key wrap_time). The
	// customer's journey goes on when the handling ends; the agent takes
	// nothing new until the wrap-up ends too. Kind "" for none.
	WrapTime Dist
	// IssueWrap, if not nil, holds by issue index the after-call work law
	// of each issue on this channel (scenario key wrap_times, a mapping by
	// issue name), in place of WrapTime; an issue left out (Kind "") keeps
	// WrapTime.
	IssueWrap []Dist
	// Patience is the distribution of how long a customer waits in a live
	// queue before abandoning; Kind Never for customers who never abandon.
	Patience Dist
	// Resolution is the chance that a handled contact resolves the
	// customer's issue, by issue index (for self-service: that the customer
	// is helped).
	Resolution []float64
	// Escalations are where unresolved contacts go, with their shares.
	Escalations []Escalation
	// SendTo are the live channels a self-service channel sends customers it
	// could not help to; they choose among them. Empty: the customer
	// chooses among all channels, as after a failure.
	SendTo []string
	// Public tells that contacts on this channel are seen by others (social
	// media): their stories spread further.
	Public bool
	// JumpTheLine lets complaints (contacts from customers who have already
	// failed or gone unresolved) go to the front of the channel's queue.
	JumpTheLine bool
	// AnswerWithin is the service-level threshold T: a contact answered
	// with a wait ≤ T counts as within target (scenario key
	// service_level.within).
	AnswerWithin float64
	// TargetServiceLevel is the share of contacts the centre aims to answer
	// within AnswerWithin (0.8 for 80/20); 0 when there is no target
	// (scenario key service_level.target).
	TargetServiceLevel float64
	// MaxAbandon is the highest share of offered contacts a live channel
	// may lose to abandonment (scenario key max_abandon); 0 for no cap.
	MaxAbandon float64
	// Callback, if not nil, offers callers who would wait long a callback
	// (virtual hold).
	Callback *Callback
	// MaxOccupancy caps the channel's occupancy, its agent time ÷ the
	// agent time of the pools serving it (scenario key max_occupancy), so
	// that agents are not driven too hard; 0 for no cap.
	MaxOccupancy float64
}

// Escalation is one path an unresolved contact may take.
type Escalation struct {
	// To is the channel the contact goes to.
	To string
	// Share is the share of unresolved contacts that take this path.
	Share float64
	// Transfer puts the contact straight into To's queue, the customer still
	// waiting (a warm transfer to a second tier). Without it the customer
	// contacts To after Delay (social asking a customer to call for private
	// details).
	Transfer bool
	// Delay is how long the customer takes to make the new contact, when it
	// is not a transfer.
	Delay Dist
}

func (c *Config) checkChannel(ch *Channel, p problems, byName map[string]*Channel) {
	switch ch.Kind {
	case Live, Deferred, SelfService:
	default:
		p.At("kind").Add("must be live, deferred or self-service, not %q", ch.Kind)
	}
	ch.Arrivals.check(p.At("arrivals"))
	if n := ch.Arrivals.Noise; !(n >= 0 && n <= 10) {
		p.At("arrivals.noise").Add("must be a coefficient of variation between 0 and 10, not %v", n)
	}
	if len(ch.Fit) != len(c.Issues) {
		p.At("fit").Add("has %d values for %d issues", len(ch.Fit), len(c.Issues))
	}
	for i, f := range ch.Fit {
		if !finite(f) && i < len(c.Issues) {
			p.At("fit."+c.Issues[i].Name).Add("must be a finite number, not %v", f)
		}
	}
	if !finite(ch.Preference) {
		p.At("preference").Add("must be a finite number, not %v", ch.Preference)
	}
	if !(ch.ExpectedWait > 0) || !finite(ch.ExpectedWait) {
		p.At("expected_wait").Add("must be a positive, finite duration, not %s", FormatDuration(ch.ExpectedWait))
	}
	for i, s := range ch.Open {
		s.check(p.At(fmt.Sprintf("open[%d]", i)))
	}
	if ch.Kind != Live {
		if ch.Lines != 0 {
			p.At("lines").Add("applies to live channels only")
		}
		if ch.Concurrency != 1 {
			p.At("concurrency").Add("applies to live channels only (chat)")
		}
		if ch.Patience.Kind != Never {
			p.At("patience").Add("applies to live channels only: customers of %s channels chase instead (journey.chase)", ch.Kind)
		}
	}
	if ch.Lines < 0 {
		p.At("lines").Add("must be ≥ 0 (0 for no limit), not %d", ch.Lines)
	}
	if ch.Concurrency < 1 || ch.Concurrency > 100 {
		p.At("concurrency").Add("must be between 1 and 100, not %d", ch.Concurrency)
	}
	if !(ch.Slowdown >= 0) || !finite(ch.Slowdown) {
		p.At("slowdown").Add("must be a finite number ≥ 0, not %v", ch.Slowdown)
	}
	checkEnding(ch.HandleTime, p.At("handle_time"))
	c.checkByIssue(ch.IssueHandle, p.At("handle_times"))
	c.checkWrap(ch, p)
	if mix := ch.Arrivals.Issues; mix != nil {
		ip := p.At("arrivals.issues")
		if len(mix) != len(c.Issues) {
			ip.Add("has %d values for %d issues", len(mix), len(c.Issues))
		}
		total := 0.0
		for i, x := range mix {
			if i < len(c.Issues) {
				share(ip.At(c.Issues[i].Name), x)
			}
			total += x
		}
		if math.Abs(total-1) > 1e-6 {
			ip.Add("the shares add up to %s, not 100%%", FormatFraction(total))
		}
	}
	ch.Patience.check(p.At("patience"))
	if len(ch.Resolution) != len(c.Issues) {
		p.At("resolution").Add("has %d values for %d issues", len(ch.Resolution), len(c.Issues))
	}
	for i, r := range ch.Resolution {
		if i < len(c.Issues) {
			share(p.At("resolution."+c.Issues[i].Name), r)
		}
	}
	total := 0.0
	for i, e := range ch.Escalations {
		ep := p.At(fmt.Sprintf("escalation[%d]", i))
		to, ok := byName[e.To]
		switch {
		case !ok:
			ep.At("to").Add("no channel is named %q", e.To)
		case e.Transfer && to.Kind == SelfService:
			ep.At("to").Add("cannot transfer to a self-service channel")
		case e.Transfer && e.To == ch.Name:
			ep.At("to").Add("cannot transfer a contact to its own channel")
		}
		if ch.Kind == SelfService {
			ep.Add("does not apply to self-service channels: use send_to")
		}
		share(ep.At("share"), e.Share)
		total += e.Share
		if !e.Transfer {
			e.Delay.check(ep.At("delay"))
		}
	}
	if total > 1+1e-9 {
		p.At("escalation").Add("the shares add up to %s, more than 100%%", FormatFraction(total))
	}
	if len(ch.SendTo) > 0 && ch.Kind != SelfService {
		p.At("send_to").Add("applies to self-service channels only")
	}
	for i, name := range ch.SendTo {
		to, ok := byName[name]
		switch {
		case !ok:
			p.At(fmt.Sprintf("send_to[%d]", i)).Add("no channel is named %q", name)
		case to.Kind == SelfService:
			p.At(fmt.Sprintf("send_to[%d]", i)).Add("must be a channel with agents, not the self-service channel %s", name)
		}
	}
	if ch.JumpTheLine && ch.Kind == SelfService {
		p.At("jump_the_line").Add("does not apply to self-service channels: nobody waits there")
	}
	sl := p.At("service_level")
	if !(ch.AnswerWithin >= 0) || !finite(ch.AnswerWithin) {
		sl.At("within").Add("must be a finite duration ≥ 0, not %s", FormatDuration(ch.AnswerWithin))
	}
	if !(ch.TargetServiceLevel >= 0 && ch.TargetServiceLevel <= 1) {
		sl.At("target").Add("must be between 0 and 1 (0 %% to 100 %%), not %v", ch.TargetServiceLevel)
	}
	share(p.At("max_abandon"), ch.MaxAbandon)
	if ch.MaxAbandon != 0 && ch.Kind != Live {
		p.At("max_abandon").Add("applies to live channels only: nobody abandons a %s channel", ch.Kind)
	}
	if ch.Callback != nil {
		ch.Callback.check(p.At("callback"), ch.Kind)
	}
	share(p.At("max_occupancy"), ch.MaxOccupancy)
	if ch.MaxOccupancy != 0 && ch.Kind == SelfService {
		p.At("max_occupancy").Add("does not apply to self-service channels: no agent works them")
	}
}

// checkWrap checks the channel's after-call work laws.
func (c *Config) checkWrap(ch *Channel, p problems) {
	if ch.Kind == SelfService && (ch.WrapTime.Kind != "" || ch.IssueWrap != nil) {
		p.At("wrap_time").Add("does not apply to self-service channels: no agent works them")
	}
	if ch.WrapTime.Kind != "" {
		checkEnding(ch.WrapTime, p.At("wrap_time"))
	}
	c.checkByIssue(ch.IssueWrap, p.At("wrap_times"))
}

// checkEnding checks a law of a time that must end (a handle time, an
// after-call work).
func checkEnding(d Dist, p problems) {
	d.check(p)
	if d.Kind == Never {
		p.Add("must end: never is only for patience")
	}
}

// checkByIssue checks laws given by issue (handle_times, wrap_times): one
// per issue, if any, each a law of a time that must end; Kind "" is an
// issue left out.
func (c *Config) checkByIssue(laws []Dist, p problems) {
	if laws != nil && len(laws) != len(c.Issues) {
		p.Add("has %d values for %d issues", len(laws), len(c.Issues))
	}
	for i, d := range laws {
		if d.Kind != "" && i < len(c.Issues) {
			checkEnding(d, p.At(c.Issues[i].Name))
		}
	}
}

// wrapLaw returns the after-call work law of issue k on the channel: its
// own, the channel's, or Kind "" for none.
func (ch *Channel) wrapLaw(k int) Dist {
	if k < len(ch.IssueWrap) && ch.IssueWrap[k].Kind != "" {
		return ch.IssueWrap[k]
	}
	return ch.WrapTime
}

// HasWrap tells whether any contact on the channel has after-call work.
func (ch *Channel) HasWrap() bool {
	if ch.WrapTime.Kind != "" {
		return true
	}
	for _, d := range ch.IssueWrap {
		if d.Kind != "" {
			return true
		}
	}
	return false
}

// channel is a Channel at run time: its queues, the pools that serve it,
// its reputation and its tallies.
type channel struct {
	cfg  *Channel
	idx  int
	w    *world
	kind ChannelKind

	hours openWindow // isOpen's last answer and when it holds

	arrivals *arrivalProcess // customers who come straight here
	custKey  sim.Key         // names them (crn.go)
	custN    int64           // how many have come
	handle   Sampler
	// issueHandle holds by issue the handle-time laws the channel sets
	// for issues (nil entries: handle × the issue's factor); issueCum the
	// cumulative issue mix of its own arrivals (nil: the scenario's).
	issueHandle []Sampler
	issueCum    []float64
	patience    Sampler
	patient     bool // patience never runs out
	// wrap holds by issue the sampler of the after-call work (nil: none).
	wrap []Sampler
	// meanWork is the mean agent time a contact takes (Config.MeanWork),
	// for the wait an ACD quotes a caller (estimatedWait).
	meanWork float64

	urgent   queue   // complaints that jump the line
	normal   queue   // the rest, without classes of different priority
	levels   []queue // the rest by priority, highest first, with them
	retrying queue   // unanswered callbacks waiting to be queued again
	inSystem int     // contacts waiting or being handled, for the lines limit

	pools    []*pool   // pools whose skills include the channel
	spare    []*agent  // agents on this channel with room for another session
	overflow []float64 // its backup pools' overflow waits (overflowWaits)

	// Agent time on the channel is integrated between changes of on, the
	// number of agents with a session here.
	on      int
	last    float64
	busyCur float64 // since the last booking, in the current interval

	// reputation is what word of mouth says of the channel: the log of the
	// expected wait over its starting value.
	reputation belief
	// logExpected is ln(ExpectedWait / 1 minute), the choice's wait term
	// while word of mouth is off (world.logExpected).
	logExpected float64

	total      Counts
	byInterval []Counts
	byClass    []Counts // the measured window's, by class (with classes)
}

// waiting returns the number of contacts in the channel's queues.
func (ch *channel) waiting() int {
	n := ch.urgent.n + ch.normal.n
	for i := range ch.levels {
		n += ch.levels[i].n
	}
	return n
}

// queues returns every queue of the channel, the callbacks waiting for
// a retry included.
func (ch *channel) queues() []*queue {
	qs := []*queue{&ch.urgent, &ch.normal, &ch.retrying}
	for i := range ch.levels {
		qs = append(qs, &ch.levels[i])
	}
	return qs
}

// head returns the contact an agent should take next, or nil: a complaint
// that jumps the line, else the first by priority (headByPriority).
func (ch *channel) head() *contact {
	switch {
	case ch.urgent.n > 0:
		return ch.urgent.front()
	case ch.levels != nil:
		return ch.headByPriority()
	}
	return ch.normal.front()
}

// enqueue puts a waiting contact in line.
func (ch *channel) enqueue(c *contact) {
	switch {
	case c.urgent:
		ch.urgent.push(c)
	case ch.levels != nil:
		ch.levels[ch.w.classes.level[c.class]].push(c)
	default:
		ch.normal.push(c)
	}
}

// OpenAt tells whether the channel takes new contacts at time t of a run
// whose day 0 is the weekday start.
func (c *Channel) OpenAt(start Weekday, t float64) bool {
	if len(c.Open) == 0 {
		return true
	}
	day := WeekdayAt(start, t)
	tod := timeOfDay(t)
	// Each span is read where it lies: copied onto the stack for a
	// closure (slices.ContainsFunc), its days and hours were stored in
	// overlapping pieces and read back across them, a stall on every
	// span, 4 to 5 % of a world of several channels.
	for i := range c.Open {
		if c.Open[i].covers(day, tod) {
			return true
		}
	}
	return false
}

// counts returns the tallies a contact arriving at time t adds to: the
// interval's, and, inside the measured window, the total's. The second is
// nil outside the window.
func (ch *channel) counts(t float64) (iv, total *Counts) {
	w := ch.w
	k := w.intervalOf(t)
	if k < len(ch.byInterval) {
		iv = &ch.byInterval[k]
	} else {
		iv = &w.scratch
	}
	if t >= w.cfg.Warmup && t < w.cfg.Horizon {
		total = &ch.total
	}
	return iv, total
}

// tally adds f to the counts of time t, and to class cls's in the
// measured window.
func (ch *channel) tally(t float64, cls int, f func(c *Counts)) {
	iv, total := ch.counts(t)
	f(iv)
	if total != nil {
		f(total)
		if ch.byClass != nil {
			f(&ch.byClass[cls])
		}
	}
}

// book adds the agent time on the channel since the last booking.
func (ch *channel) book(now float64) {
	if dt := now - ch.last; dt > 0 {
		ch.busyCur += dt * float64(ch.on)
		ch.last = now
	}
}

// setOn changes the number of agents with a session on the channel.
func (ch *channel) setOn(delta int) {
	ch.book(ch.w.eng.Now())
	ch.on += delta
}

// addSpare and dropSpare keep the list of agents on the channel with room
// for another session.
func (ch *channel) addSpare(a *agent) {
	if a.spareIdx < 0 {
		a.spareIdx = int32(len(ch.spare))
		ch.spare = append(ch.spare, a)
	}
}

func (ch *channel) dropSpare(a *agent) {
	i := a.spareIdx
	if i < 0 {
		return
	}
	last := len(ch.spare) - 1
	ch.spare[i] = ch.spare[last]
	ch.spare[i].spareIdx = i
	ch.spare = ch.spare[:last]
	a.spareIdx = -1
}

// freeAgent returns the agent a new contact should go to, or nil: the
// longest-idle agent of the pools that serve the channel or, on a channel
// where agents hold several contacts at once, the agent with the fewest;
// backup pools (Pool.OverflowAfter) wait.
func (ch *channel) freeAgent() *agent {
	var best *agent
	for _, p := range ch.pools {
		if a := p.idle.front(); a != nil && (best == nil || a.idleSince < best.idleSince) && p.waitFor(ch) == 0 {
			best = a
		}
	}
	if best != nil || len(ch.spare) == 0 {
		return best
	}
	for _, a := range ch.spare {
		if (best == nil || a.sessions < best.sessions) && a.pool.waitFor(ch) == 0 {
			best = a
		}
	}
	return best
}
