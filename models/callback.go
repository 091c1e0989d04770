package models

import (
	"math"

	"github.com/omnisim/omnisim/sim"
)

// Callback is a live channel's offer to call waiting customers back
// (scenario key callback; virtual hold): a caller who would wait longer
// than OfferAbove is offered a callback and accepts with the chance
// Accept. An accepted contact keeps its place in the queue without the
// caller on the line: it never abandons and holds no line. When an agent
// reaches it, the agent calls the customer back (AttemptTime of the
// agent's time), who answers or not (NoAnswer); a customer who answers is
// served at once, one who does not is tried again RetryDelay later, at
// the back of the queue, up to Retries times, and is otherwise lost (a
// promise broken).
type Callback struct {
	// OfferAbove is the estimated wait above which a caller who must queue
	// is offered a callback (scenario key offer_above); 0 offers it to
	// every caller who must queue. The estimate is the one an ACD makes:
	// (contacts waiting + 1) × the channel's mean agent time per contact ÷
	// the agents present in its pools.
	OfferAbove float64
	// Accept is the chance that a caller offered a callback takes it.
	Accept float64
	// NoAnswer is the chance that a customer called back does not answer
	// (scenario key no_answer).
	NoAnswer float64
	// Retries is the number of further attempts after a callback is not
	// answered.
	Retries int
	// RetryDelay is how long after an unanswered attempt the next one is
	// queued (scenario key retry_delay).
	RetryDelay float64
	// AttemptTime is the agent time of each attempt before the customer
	// answers or the agent gives up: dialling and ringing (scenario key
	// attempt_time).
	AttemptTime float64
}

// DefaultCallback holds the settings a callback leaves out: a callback
// offered to every caller who must queue, taken by half of them, 10 % of
// callbacks not answered, tried twice more 10 minutes apart, 20 seconds
// of dialling and ringing an attempt.
func DefaultCallback() Callback {
	return Callback{Accept: 0.5, NoAnswer: 0.1, Retries: 2, RetryDelay: 600, AttemptTime: 20}
}

// maxCallbackRetries bounds Callback.Retries.
const maxCallbackRetries = 100

func (cb *Callback) check(p problems, kind ChannelKind) {
	if kind != Live {
		p.Add("applies to live channels only: nobody waits on the line on a %s channel", kind)
	}
	if !(cb.OfferAbove >= 0) || !finite(cb.OfferAbove) {
		p.At("offer_above").Add("must be a finite duration ≥ 0, not %s", FormatDuration(cb.OfferAbove))
	}
	share(p.At("accept"), cb.Accept)
	share(p.At("no_answer"), cb.NoAnswer)
	if cb.NoAnswer == 1 {
		p.At("no_answer").Add("must be below 100 %%: no callback would ever reach a customer")
	}
	if cb.Retries < 0 || cb.Retries > maxCallbackRetries {
		p.At("retries").Add("must be between 0 and %d, not %d", maxCallbackRetries, cb.Retries)
	}
	if !(cb.RetryDelay >= 0) || !finite(cb.RetryDelay) {
		p.At("retry_delay").Add("must be a finite duration ≥ 0, not %s", FormatDuration(cb.RetryDelay))
	}
	if !(cb.AttemptTime >= 0) || !finite(cb.AttemptTime) {
		p.At("attempt_time").Add("must be a finite duration ≥ 0, not %s", FormatDuration(cb.AttemptTime))
	}
}

// The callbacks at run time.

// estimatedWait is the wait an ACD quotes a caller who joins ch's queue
// now: (contacts waiting + 1) × the channel's mean agent time per contact
// ÷ the agents present in its pools (+Inf with none).
func (w *world) estimatedWait(ch *channel) float64 {
	agents := 0
	for _, p := range ch.pools {
		agents += p.present
	}
	if agents == 0 {
		return math.Inf(1)
	}
	return float64(ch.waiting()+1) * ch.meanWork / float64(agents)
}

// queueCall counts contact c, which must queue on ch at time now, as
// waiting and offers its caller a callback if the channel offers them and
// the estimated wait is long enough; it tells whether the caller took it.
// A caller who takes it hangs up: the contact holds no line. The offer is
// counted in the same tally as the wait: a tally is an indirect call a
// count, mispredicted as often as not.
func (w *world) queueCall(c *contact, ch *channel, now float64) bool {
	cb, cu := ch.cfg.Callback, c.cust
	if cb == nil || w.estimatedWait(ch) <= cb.OfferAbove {
		ch.tally(now, cu.class, countWaited)
		return false
	}
	accepted := w.draws.chance(cu, drawCallback, cb.Accept)
	ch.tally(now, cu.class, func(k *Counts) {
		k.Waited++
		k.CallbacksOffered++
		if accepted {
			k.CallbacksAccepted++
		}
	})
	if accepted {
		c.callback, c.attempts = true, 0
		ch.inSystem--
	}
	return accepted
}

// countWaited counts in k a contact that must queue.
func countWaited(k *Counts) { k.Waited++ }

// callAttempt is agent a calling back the customer of contact c at time
// now: it tells whether the customer answers. The agent's time on an
// unanswered attempt is the attempt time alone.
func (w *world) callAttempt(c *contact) bool {
	c.attempts++
	return !w.draws.chance(c.cust, drawCallback, c.ch.cfg.Callback.NoAnswer)
}

// missedCallback is the end of an unanswered callback attempt: the
// contact is queued again after the retry delay, or, its retries spent,
// the promise is broken and the customer's contact has failed. It
// returns the contact's outcome, "" while it is still to be tried.
func (w *world) missedCallback(c *contact) string {
	ch, cu := c.ch, c.cust
	cb := ch.cfg.Callback
	if int(c.attempts) <= cb.Retries && !cu.done {
		c.agent = nil
		ch.retrying.push(c)
		c.timer = w.eng.ScheduleCall(w.eng.Now()+cb.RetryDelay, sim.PhaseTimer, evRequeue, c)
		return ""
	}
	cu.open--
	w.note(cu, ch, w.eng.Now()-c.arrived, true)
	w.fail(cu, ch, false)
	return OutcomeCallbackMissed
}

// requeue puts an unanswered callback back at the end of its queue, for
// another attempt.
func (w *world) requeue(c *contact) {
	ch := c.ch
	ch.retrying.remove(c)
	ch.enqueue(c)
	if a := ch.freeAgent(); a != nil {
		w.wantPick(a)
	}
}
