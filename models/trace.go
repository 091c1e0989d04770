package models

import "math"

// How a contact came to be made, as a ContactRecord tells it.
const (
	HowFirst      = "first"      // the customer's first contact
	HowRetry      = "retry"      // again after a failure or an unresolved contact
	HowChase      = "chase"      // chasing a late deferred contact, which stays in the backlog
	HowEscalation = "escalation" // by an escalation path
	HowSentOn     = "sent-on"    // sent on by self-service
)

var howNames = [...]string{firstContact: HowFirst, retried: HowRetry, chased: HowChase, escalated: HowEscalation, sentOn: HowSentOn}

// How a contact ended, as a ContactRecord tells it.
const (
	OutcomeResolved   = "resolved"   // answered, and the issue resolved
	OutcomeEscalated  = "escalated"  // answered, unresolved, and sent on an escalation path
	OutcomeUnresolved = "unresolved" // answered (or a self-service session), unresolved, no path
	OutcomeSentOn     = "sent-on"    // a self-service session that sent the customer on
	OutcomeDuplicate  = "duplicate"  // answered after the customer had finished: work done twice
	OutcomeAbandoned  = "abandoned"  // the customer gave up waiting
	OutcomeBlocked    = "blocked"    // turned away: every line busy, or the channel closed
	OutcomeUnfinished = "unfinished" // still waiting when the run ended
	// OutcomeInService is a contact an agent (or a self-service session)
	// still had in hand when a run with end: cutoff stopped at the
	// horizon: answered, its Handle the time handled until then; or a
	// callback an agent was still dialling, never answered.
	OutcomeInService = "in-service"
	// OutcomeCallbackMissed is a callback whose customer answered none of
	// the attempts: a promise broken.
	OutcomeCallbackMissed = "callback-missed"
)

// ContactRecord is one contact of a traced run: who made it, where, when,
// how it came about and how it ended. Times are in seconds from the start;
// Answered is NaN for a contact never answered.
type ContactRecord struct {
	Replication int
	// ID numbers the contacts of a replication from 1; Customer numbers the
	// customers; Previous is the customer's contact before this one (0 for
	// none), the link a switch, chase or escalation follows.
	ID, Customer, Previous int64
	Channel                string
	Issue                  string
	// Class is the customer's class (Config.Classes); "" without classes.
	Class   string
	How     string
	Outcome string
	// Chased tells that the customer chased this deferred contact on another
	// channel while it waited.
	Chased bool
	// Callback tells that the caller took a callback (Channel.Callback)
	// and left the line; Answered is then when an agent reached them.
	Callback                 bool
	Arrived, Answered, Ended float64
	// Handle is the handle time, slowdown included, of an answered contact.
	Handle float64
	// Wrap is the after-call work on an answered contact (0 for none):
	// its agent was busy with it until Ended + Wrap.
	Wrap float64
	// Pool and Agent name the agent who took an answered contact: its
	// pool, and its number there, from 1 in the order the pool's agents
	// first came to work; "" and 0 for a contact no agent took.
	Pool  string
	Agent int
}

// RunTraced is Run that also calls trace with every contact as it ends (and
// with those still waiting when the run ends). The record passed is reused:
// trace must copy what it keeps.
func RunTraced(cfg *Config, rep int, trace func(*ContactRecord)) (*Result, error) {
	return run(cfg, rep, trace)
}

// className returns the name of class cls, "" without classes.
func (w *world) className(cls int) string {
	if len(w.cfg.Classes) == 0 {
		return ""
	}
	return w.cfg.Classes[cls].Name
}

// emit traces a contact that ended now with the given outcome.
func (w *world) emit(c *contact, outcome string) {
	if w.trace == nil {
		return
	}
	r := &w.record
	*r = ContactRecord{
		Replication: w.rep,
		ID:          c.id,
		Customer:    c.cust.id,
		Previous:    c.prevID,
		Channel:     c.ch.cfg.Name,
		Issue:       w.cfg.Issues[c.cust.issue].Name,
		How:         howNames[c.how],
		Outcome:     outcome,
		Chased:      c.chased,
		Callback:    c.callback,
		Class:       w.className(c.class),
		Arrived:     c.arrived,
		Answered:    c.answered,
		Ended:       w.eng.Now(),
		Handle:      c.handleDone,
		Wrap:        c.wrap,
	}
	if math.IsNaN(c.answered) {
		r.Handle, r.Wrap = math.NaN(), math.NaN()
	} else if c.agent != nil {
		r.Pool, r.Agent = c.agent.pool.cfg.Name, int(c.agent.id)
	}
	w.trace(r)
}
