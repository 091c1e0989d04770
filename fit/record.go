// Package fit turns a log of contacts into a calibrated scenario: arrivals
// per channel, weekday and time of day, handle-time distributions with the
// log's moments, patience estimated from censored waits, staffing inferred
// from agents' working spans, and the agents' availability (the share of
// their time at work they were ready for contacts) estimated by
// simulation; and it checks the scenario against the log, in sample and
// out of sample.
//
// The log is read once, as a stream: memory holds per-interval counts,
// histograms and sufficient statistics, never the rows; to find redials,
// 40 bytes of each identified customer's contact, let go once matched
// while the log is in time order (a few days' worth), all kept when it is
// not; and, for the spells away and the after-call work, each answered
// contact's service (24 bytes) and each wait (16 bytes).
package fit

// Outcome is how a contact in the log ended.
type Outcome int

// The outcomes a log records.
const (
	// Answered: an agent took the contact after Wait seconds.
	Answered Outcome = iota
	// Abandoned: the customer gave up after Wait seconds in the queue.
	Abandoned
)

// Record is one contact of a log.
type Record struct {
	// Line is the record's line in the file, from 1 (the header).
	Line int
	// Day is the day of the log the contact arrived on, from 0; Arrival
	// is the time of day in seconds.
	Day     int
	Arrival float64
	// Channel is the channel or queue; Type the contact's type, if the
	// log has one.
	Channel, Type string
	Outcome       Outcome
	// Wait is the time in the queue, in seconds: until an agent answered,
	// or until the customer gave up.
	Wait float64
	// Handle is the handle time of an answered contact, in seconds.
	Handle float64
	// Customer and Agent identify the caller and the agent, "" when the
	// log does not say.
	Customer, Agent string
}
