package models

import (
	"fmt"
	"math"

	"github.com/omnisim/omnisim/sim"
)

// History says whether channels share what they know of a customer.
type History string

// The kinds of history.
const (
	// Integrated channels share one history: a switched or escalated
	// contact picks up where the last one left off.
	Integrated History = "integrated"
	// Siloed channels each know only their own contacts: a switched or
	// escalated contact starts from nothing.
	Siloed History = "siloed"
)

// Journey sets what customers do when a contact fails (a busy signal, an
// abandoned queue, a late reply, a closed channel) or ends unresolved.
type Journey struct {
	// MaxContacts is the most contacts a customer makes before giving up
	// (scenario key max_contacts), so that no path loops for ever.
	MaxContacts int
	// Retry is the chance of trying again after the first, second, third...
	// failure; the last value holds for later ones. Empty: nobody tries
	// again.
	Retry []float64
	// RetryDelay is how long a customer waits before trying again
	// (scenario key retry_delay).
	RetryDelay Dist
	// RepeatDelay is how long an unresolved customer with no escalation path
	// waits before contacting the centre again (scenario key repeat_delay).
	RepeatDelay Dist
	// Chase is the chance that a customer whose deferred contact (an email,
	// a post) has waited longer than they expected contacts the centre
	// again on another channel, leaving the first contact in the backlog.
	Chase float64
	// ChaseAfter is how late a reply must be to be chased, as a multiple of
	// the wait the customer expected (scenario key chase_after).
	ChaseAfter float64
	// History is whether channels share the customer's history.
	History History
	// SiloHandleFactor multiplies the handle time of a switched or escalated
	// contact when history is siloed (scenario key siloed.handle_factor).
	SiloHandleFactor float64
	// SiloResolutionFactor multiplies its chance of resolution (scenario
	// key siloed.resolution_factor).
	SiloResolutionFactor float64
	// SiloAnnoyance is how much each such contact lowers the customer's
	// satisfaction, on a 0 to 1 scale (scenario key siloed.annoyance).
	SiloAnnoyance float64
}

// DefaultJourney is the journey of a scenario that sets none: nobody tries
// again, history is integrated; should it be siloed, a switched or
// escalated contact takes a quarter longer, resolves 20 % less often and
// costs a tenth of the customer's satisfaction.
func DefaultJourney() Journey {
	return Journey{
		MaxContacts:          5,
		RetryDelay:           Dist{Kind: Exponential, Mean: 1800},
		RepeatDelay:          Dist{Kind: Exponential, Mean: 86400},
		ChaseAfter:           1.5,
		History:              Integrated,
		SiloHandleFactor:     1.25,
		SiloResolutionFactor: 0.8,
		SiloAnnoyance:        0.1,
	}
}

// retryChance returns the chance of trying again after the given number of
// failures (1 for the first).
func (j *Journey) retryChance(failures int) float64 {
	if len(j.Retry) == 0 || failures < 1 {
		return 0
	}
	return j.Retry[min(failures, len(j.Retry))-1]
}

func (j *Journey) check(p problems) {
	if j.MaxContacts < 1 || j.MaxContacts > 1000 {
		p.At("max_contacts").Add("must be between 1 and 1000, not %d", j.MaxContacts)
	}
	for i, r := range j.Retry {
		share(p.At(fmt.Sprintf("retry[%d]", i)), r)
	}
	j.RetryDelay.check(p.At("retry_delay"))
	j.RepeatDelay.check(p.At("repeat_delay"))
	share(p.At("chase"), j.Chase)
	if !(j.ChaseAfter > 0) || !finite(j.ChaseAfter) {
		p.At("chase_after").Add("must be a positive multiple of the expected wait, not %v", j.ChaseAfter)
	}
	if j.History != Integrated && j.History != Siloed {
		p.At("history").Add("must be integrated or siloed, not %q", j.History)
	}
	if !(j.SiloHandleFactor > 0) || !finite(j.SiloHandleFactor) {
		p.At("siloed.handle_factor").Add("must be a positive number, not %v", j.SiloHandleFactor)
	}
	if !(j.SiloResolutionFactor >= 0) || !finite(j.SiloResolutionFactor) {
		p.At("siloed.resolution_factor").Add("must be a finite number ≥ 0, not %v", j.SiloResolutionFactor)
	}
	share(p.At("siloed.annoyance"), j.SiloAnnoyance)
}

// The journey at run time: customers arrive, choose, make contacts, fail,
// try again, switch, escalate, and finish.

// demandArrival is a customer of the demand arriving: they choose a channel.
func (w *world) demandArrival() {
	now := w.eng.Now()
	w.demandN++
	cu := w.newCustomer(now, customerKey(w.demandKey, w.demandN), nil)
	w.resumeWith(cu, nil, firstContact, nil)
	if t := w.demand.next(now, w.cfg.Horizon); t < w.cfg.Horizon {
		w.eng.Schedule(t, sim.PhaseArrival, w.demandFn)
	}
}

// directArrivalFn returns the arrival callback of customers who come
// straight to ch.
func (w *world) directArrivalFn(ch *channel) func() {
	var arrive func()
	arrive = func() {
		now := w.eng.Now()
		ch.custN++
		w.attempt(w.newCustomer(now, customerKey(ch.custKey, ch.custN), ch.issueCum), ch, firstContact)
		if t := ch.arrivals.next(now, w.cfg.Horizon); t < w.cfg.Horizon {
			w.eng.Schedule(t, sim.PhaseArrival, arrive)
		}
	}
	return arrive
}

// newCustomer starts the journey of a customer arriving now, whose random
// streams are named by key, with an issue drawn from the cumulative shares
// issueCum (nil: the scenario's mix).
func (w *world) newCustomer(now float64, key sim.Key, issueCum []float64) *customer {
	var cu *customer
	if n := len(w.freeCustomers); n > 0 {
		cu = w.freeCustomers[n-1]
		w.freeCustomers = w.freeCustomers[:n-1]
		story, used := cu.story[:0], cu.used[:0]
		*cu = customer{story: story, used: used}
	} else {
		cu = &customer{}
		cu.used = cu.usedIn[:0] // kept by the pooled customer
	}
	cu.key = key
	cu.start = now
	cu.interval = min(w.intervalOf(now), w.intervals-1)
	cu.counted = now >= w.cfg.Warmup
	if issueCum == nil {
		issueCum = w.issueCum
	}
	if len(w.cfg.Issues) > 1 {
		cu.issue = rank(issueCum, w.draws.seed(cu, drawIssue).Float64()*issueCum[len(issueCum)-1])
	}
	if len(w.classes.cum) > 1 {
		cum := w.classes.cum
		cu.class = rank(cum, w.draws.seed(cu, drawClass).Float64()*cum[len(cum)-1])
	}
	w.active++
	w.customerN++
	cu.id = w.customerN
	w.customers.Customers += b2i(cu.counted)
	w.customersByIvl[cu.interval].Customers++
	return cu
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// note records an experience for the customer's story. Only word of mouth
// reads stories (womState.share): without it none is kept, which spares a
// large centre a write to memory not touched since the customer arrived.
func (w *world) note(cu *customer, ch *channel, wait float64, failed bool) {
	if w.wom.on && !cu.done {
		cu.story = append(cu.story, experience{ch: ch, wait: wait, failed: failed})
	}
}

// resumeWith makes the customer's next contact now: on ch if given,
// otherwise on a channel they choose (giving stay its bonus). If nothing is
// open, they come back when something opens; a customer sent to a closed
// channel by an escalation path waits for it to open.
func (w *world) resumeWith(cu *customer, ch *channel, how origin, stay *channel) {
	if now := w.eng.Now(); ch != nil && !ch.isOpen(now) {
		if at := ch.nextOpen(now); !math.IsInf(at, 1) && at < w.cfg.Horizon+drainLimit {
			w.schedule(cu, at-now+w.draws.sample(cu, drawRetryDelay, w.retryDelay), ch, how, stay)
			return
		}
	}
	if ch == nil {
		ch = w.choose(cu, nil, stay, nil)
	}
	if ch == nil {
		now := w.eng.Now()
		at := w.nextOpening(now)
		if math.IsInf(at, 1) || at > w.cfg.Horizon+drainLimit {
			w.finish(cu, false)
			return
		}
		w.schedule(cu, at+w.draws.sample(cu, drawRetryDelay, w.retryDelay)-now, nil, how, stay)
		return
	}
	w.attempt(cu, ch, how)
}

// resumeNow is the scheduled next contact of a customer.
func (w *world) resumeNow(cu *customer) {
	cu.scheduled = false
	if cu.done {
		w.recycle(cu)
		return
	}
	ch, how, stay := cu.next, cu.nextHow, cu.stay
	cu.next, cu.stay = nil, nil
	w.resumeWith(cu, ch, how, stay)
}

// schedule makes the customer's next contact after delay: on ch, or on a
// channel they choose when ch is nil.
func (w *world) schedule(cu *customer, delay float64, ch *channel, how origin, stay *channel) {
	cu.next, cu.nextHow, cu.stay, cu.scheduled = ch, how, stay, true
	w.eng.ScheduleCall(w.eng.Now()+delay, sim.PhaseTimer, evResume, cu)
}

// countOffered, countEscalatedIn and countSwitchedIn count in k a contact
// offered: new, escalated in, or switched in from another channel.
func countOffered(k *Counts)     { k.Offered++ }
func countEscalatedIn(k *Counts) { k.Offered++; k.EscalatedIn++ }
func countSwitchedIn(k *Counts)  { k.Offered++; k.SwitchedIn++ }

// attempt is a contact by customer cu on channel ch, now.
func (w *world) attempt(cu *customer, ch *channel, how origin) {
	if cu.contacts >= w.cfg.Journey.MaxContacts {
		w.finish(cu, false)
		return
	}
	now := w.eng.Now()
	prev := cu.last
	cu.contacts++
	cu.use(ch.idx)
	cu.last = ch
	carried := prev != nil && prev != ch
	if carried {
		w.flow(prev, ch, now)
	}
	// The contact is counted offered in the same tally as how it came: a
	// tally is an indirect call a count, mispredicted as often as not.
	offered := countOffered
	switch {
	case how == escalated:
		offered = countEscalatedIn
	case carried:
		cu.switches++
		offered = countSwitchedIn
		prev.tally(cu.lastAt, cu.class, func(k *Counts) { k.SwitchedOut++ })
	}
	cu.lastAt = now
	siloed := carried && w.cfg.Journey.History == Siloed
	if siloed {
		cu.carried++
	}

	c := w.newContact()
	c.cust, c.ch, c.arrived, c.carried, c.class = cu, ch, now, siloed, cu.class
	w.contacts++
	c.id, c.prevID, c.how, c.chased, c.answered, c.handleDone, c.wrap = w.contacts, cu.lastID, how, false, math.NaN(), 0, 0
	c.callback, c.reached, c.attempts = false, false, 0
	cu.lastID = c.id
	c.urgent = ch.cfg.JumpTheLine && (cu.failures > 0 || how == retried || how == chased)
	// Times are drawn as the contact arrives, whatever then happens to it,
	// from the customer's own streams (crn.go), so that variants of a
	// scenario draw the same numbers for it.
	var handle float64
	if ch.issueHandle != nil && ch.issueHandle[cu.issue] != nil {
		handle = w.draws.sample(cu, drawHandle, ch.issueHandle[cu.issue])
		c.handle = handle
	} else {
		handle = w.draws.sample(cu, drawHandle, ch.handle)
		c.handle = handle * w.cfg.Issues[cu.issue].HandleFactor
	}
	patience := math.NaN()
	if siloed {
		c.handle *= w.cfg.Journey.SiloHandleFactor
	}
	var patienceAt uint32
	if ch.kind == Live && !ch.patient {
		if w.drawn != nil {
			// Drawn now, for the hook, and taken as it was before
			// waitPatience (TestLatePatienceSameRun).
			patience = w.draws.sample(cu, drawPatience, ch.patience)
			c.patience = patience * w.wom.patienceFactor() * w.classes.patient[cu.class]
		} else {
			patienceAt = w.draws.skip(cu, drawPatience)
			w.wom.touchLevel()
		}
	}
	if w.drawn != nil {
		w.drawn(c, handle, patience)
	}
	ch.tally(now, cu.class, offered)

	if !ch.isOpen(now) || (ch.cfg.Lines > 0 && ch.inSystem >= ch.cfg.Lines) {
		ch.tally(now, cu.class, func(k *Counts) { k.Blocked++ })
		w.note(cu, ch, 0, true)
		w.emit(c, OutcomeBlocked)
		w.freeContact(c)
		w.fail(cu, ch, false)
		return
	}
	cu.open++
	if ch.kind == SelfService {
		// Nobody waits for self-service: every session starts within target.
		c.answered, c.handleDone = now, c.handle
		ch.tally(now, cu.class, func(k *Counts) { k.Answered++; k.AnsweredWithin++; k.HandleTime += c.handle })
		w.startHand(c, now+c.handle)
		return
	}
	ch.inSystem++
	if ch.waiting() == 0 {
		if a := ch.freeAgent(); a != nil {
			w.answer(c, a, now)
			return
		}
	}
	callback := w.queueCall(c, ch, now)
	ch.enqueue(c)
	w.startOverflow(c, now)
	switch ch.kind {
	case Live:
		if !ch.patient && !callback {
			if w.drawn == nil {
				c.patience = w.waitPatience(c, patienceAt)
			}
			c.timer = w.eng.ScheduleCall(now+c.patience, sim.PhaseTimer, evExpire, c)
		}
	case Deferred:
		if w.cfg.Journey.Chase > 0 {
			c.patience = w.wom.expected(ch) * w.cfg.Journey.ChaseAfter * w.wom.patienceFactor() * w.classes.patient[cu.class]
			c.timer = w.eng.ScheduleCall(now+c.patience, sim.PhaseTimer, evExpire, c)
		}
	}
}

// waitPatience returns how long the customer of contact c, just arrived
// on a live channel and waiting now, will wait: their patience draw number
// n (counted as the contact arrived, keyedDraws.skip) times word of
// mouth's factor now and their class's.
//
// A contact answered at once, or whose customer takes a callback, never
// needs its patience: attempt counts the draw as the contact arrives and
// brings the expectation level up to that instant (touchLevel), and makes
// the draw and takes the factor only here, still at that instant, with no
// story heard in between: the same numbers as taken on arrival, with an
// exponential draw and an exponential fewer for each contact that does
// not wait.
func (w *world) waitPatience(c *contact, n uint32) float64 {
	cu := c.cust
	patience := w.draws.sampleAt(cu, drawPatience, n, c.ch.patience)
	return patience * w.wom.patienceFactor() * w.classes.patient[cu.class]
}

// expire is a waiting contact's timer: on a live channel the customer
// abandons; on a deferred one they may chase on another channel, leaving
// the contact in the backlog.
func (w *world) expire(c *contact) {
	ch, cu := c.ch, c.cust
	now := w.eng.Now()
	wait := now - c.arrived
	if ch.kind == Deferred {
		if cu.done || !w.draws.chance(cu, drawChase, w.cfg.Journey.Chase) {
			return
		}
		w.note(cu, ch, wait, true)
		cu.failures++
		c.chased = true
		if other := w.choose(cu, nil, nil, ch); other != nil {
			w.attempt(cu, other, chased)
		}
		return
	}
	c.queue.remove(c)
	w.eng.Cancel(c.overTimer)
	ch.inSystem--
	cu.open--
	ch.tally(c.arrived, c.class, func(k *Counts) { k.Abandoned++; k.WaitAbandoned += wait })
	w.note(cu, ch, wait, true)
	w.emit(c, OutcomeAbandoned)
	w.freeContact(c)
	w.fail(cu, ch, false)
	w.recycle(cu)
}

// finishContact is the end of a contact's handling (or of a self-service
// session).
func (w *world) finishContact(c *contact) {
	ch, cu := c.ch, c.cust
	if c.callback && !c.reached {
		// An unanswered callback attempt.
		w.release(c.agent)
		if outcome := w.missedCallback(c); outcome != "" {
			w.emit(c, outcome)
			w.freeContact(c)
			w.recycle(cu)
		}
		return
	}
	cu.open--
	wrapping := false
	if ch.kind != SelfService {
		if !c.callback { // a callback's caller holds no line
			ch.inSystem--
		}
		if wrapping = w.wrapUp(c); !wrapping {
			w.release(c.agent)
		}
	}
	var outcome string
	switch {
	case cu.done:
		ch.tally(c.arrived, c.class, func(k *Counts) { k.Duplicates++ })
		outcome = OutcomeDuplicate
	case ch.kind == SelfService:
		outcome = w.selfServed(c)
	default:
		outcome = w.handled(c)
	}
	w.emit(c, outcome)
	if wrapping {
		// The contact stays its agent's until the wrap-up ends; its
		// customer, who has gone, may be reused before then.
		c.cust = nil
	} else {
		w.freeContact(c)
	}
	w.recycle(cu)
}

// wrapUp starts the after-call work on contact c, whose handling ends
// now, if its channel has any for the customer's issue: the agent stays
// busy, the contact's session held, until endWrap. The customer has gone:
// the line is free and the journey goes on at once. It tells whether the
// agent is wrapping up.
func (w *world) wrapUp(c *contact) bool {
	ch := c.ch
	if ch.wrap == nil || ch.wrap[c.cust.issue] == nil {
		return false
	}
	wrap := w.draws.sample(c.cust, drawWrap, ch.wrap[c.cust.issue])
	ch.tally(c.arrived, c.class, func(k *Counts) { k.WrapTime += wrap })
	c.wrap = wrap
	w.eng.ScheduleCall(w.eng.Now()+wrap, sim.PhaseRelease, evWrap, c)
	return true
}

// endWrap is the end of the after-call work on contact c: its agent is
// free of it.
func (w *world) endWrap(c *contact) {
	w.release(c.agent)
	w.freeContact(c)
}

// selfServed is the end of a self-service session: the customer is helped,
// or sent on to a channel with agents. It returns the session's outcome.
func (w *world) selfServed(c *contact) string {
	ch, cu := c.ch, c.cust
	w.note(cu, ch, 0, false)
	if w.draws.chance(cu, drawResolve, ch.cfg.Resolution[cu.issue]) {
		ch.tally(c.arrived, c.class, func(k *Counts) { k.Resolved++ })
		w.finish(cu, true)
		return OutcomeResolved
	}
	if len(ch.cfg.SendTo) > 0 {
		if next := w.choose(cu, ch.cfg.SendTo, nil, nil); next != nil {
			w.attempt(cu, next, sentOn)
			return OutcomeSentOn
		}
	}
	w.fail(cu, ch, true)
	return OutcomeUnresolved
}

// handled is the end of an agent's work on a contact: it resolves the
// issue, or the contact takes an escalation path, or the customer must
// come back. It returns the contact's outcome.
func (w *world) handled(c *contact) string {
	ch, cu := c.ch, c.cust
	p := ch.cfg.Resolution[cu.issue]
	if c.carried {
		p *= w.cfg.Journey.SiloResolutionFactor
	}
	// The escalation path is the second draw of the contact's resolution
	// stream, taken only when it is read (an unresolved contact on a
	// channel with escalations); a sure resolution draws nothing (but
	// counts: see chance).
	resolved, x := true, 0.0
	if p < 1 {
		rng := w.draws.seed(cu, drawResolve)
		resolved = rng.Float64() < p
		if !resolved && len(ch.cfg.Escalations) > 0 {
			x = rng.Float64()
		}
	} else {
		w.draws.skip(cu, drawResolve)
	}
	if resolved {
		ch.tally(c.arrived, c.class, func(k *Counts) { k.Resolved++ })
		w.finish(cu, true)
		return OutcomeResolved
	}
	if w.escalate(c, x) {
		return OutcomeEscalated
	}
	w.fail(cu, ch, true)
	return OutcomeUnresolved
}

// fail is a contact that failed the customer (turned away, abandoned) or
// ended without resolving their issue. They try again, after a while, with
// the chance the journey gives for their number of failures, unless they
// are still waiting for another contact.
func (w *world) fail(cu *customer, ch *channel, unresolved bool) {
	if cu.done || cu.open > 0 {
		return
	}
	cu.failures++
	j := &w.cfg.Journey
	if cu.contacts >= j.MaxContacts || !w.draws.chance(cu, drawRetry, j.retryChance(cu.failures)) {
		w.finish(cu, false)
		return
	}
	delay, which := w.retryDelay, drawRetryDelay
	if unresolved {
		delay, which = w.repeatDelay, drawRepeatDelay
	}
	w.schedule(cu, w.draws.sample(cu, which, delay), nil, retried, ch)
}

// finish ends a customer's journey.
func (w *world) finish(cu *customer, resolved bool) {
	if cu.done {
		return
	}
	cu.done, cu.resolved = true, resolved
	w.active--
	s := cu.satisfaction(w.cfg.Journey.SiloAnnoyance)
	add := func(k *CustomerCounts) {
		k.Finished++
		if resolved {
			k.Resolved++
			k.TimeToResolution += w.eng.Now() - cu.start
		} else {
			k.GaveUp++
		}
		k.Contacts += int64(cu.contacts)
		k.Switches += int64(cu.switches)
		k.Escalations += int64(cu.escalations)
		k.ChannelsUsed += int64(cu.channelsUsed())
		k.Satisfaction += s
	}
	add(&w.customersByIvl[cu.interval])
	if cu.counted {
		add(&w.customers)
	}
	if w.finished != nil {
		w.finished(cu, s)
	}
	if w.wom.on {
		w.wom.share(cu, w.draws.seed(cu, drawShare))
	}
	w.recycle(cu)
}

// recycle returns a finished customer to the pool once none of their
// contacts is still waiting anywhere and no next contact is scheduled. It
// may be called more than once for the same customer.
func (w *world) recycle(cu *customer) {
	if cu.done && cu.open == 0 && !cu.scheduled && !cu.free {
		cu.free = true
		w.freeCustomers = append(w.freeCustomers, cu)
	}
}
