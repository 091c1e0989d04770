package models

import "github.com/omnisim/omnisim/sim"

// How a contact came to be made, for the switching and escalation tallies.
type origin uint8

const (
	firstContact origin = iota // a customer's first contact
	retried                    // again after a failure, or an unresolved contact
	chased                     // while an earlier deferred contact still waits
	escalated                  // by an escalation path
	sentOn                     // sent on by self-service
)

// contact is one attempt by a customer to reach the centre on one channel.
// Contacts are pooled by the world and reused once finished, so a long run
// allocates only as many as are in the system at once.
type contact struct {
	// Its fields are laid out by when they are read, on three cache lines
	// of 64 bytes (192 bytes, a size class whose objects start on a line,
	// TestContactOnThreeLines): first what answering, ending and tallying
	// a contact read and write; then its timers and its place in a queue;
	// last what its arrival alone reads (patience) and the trace's fields.
	cust     *customer
	ch       *channel
	agent    *agent
	arrived  float64
	handle   float64 // drawn at arrival, before any slowdown from concurrency
	class    int     // the customer's class
	answered float64 // when it was answered, for the trace
	urgent   bool    // a complaint that jumps the line
	carried  bool    // a switch or escalation: siloed history starts from nothing
	// callback tells that the caller took a callback (callback.go);
	// attempts counts the agents' calls, reached that one was answered.
	callback bool
	reached  bool
	attempts uint8
	overStep uint8  // the number of the next overflow wait (overflow.go)
	how      origin // how the contact came about, for the trace
	chased   bool

	timer sim.Timer
	// overTimer is the timer of the next overflow wait of the channel
	// (overflow.go).
	overTimer sim.Timer
	queue     *queue        // the queue it waits in, if any
	link      node[contact] // its place in that queue

	patience float64 // how long the customer will wait (live) or waits before chasing (deferred)
	// For the trace: how long it was handled, its numbering and the
	// customer's previous contact, and the after-call work drawn when the
	// handling ended.
	handleDone float64
	id         int64
	prevID     int64
	wrap       float64
	_          [24]byte // to 192 bytes, a size class that starts on a line
}

// queue is a first-come, first-served line of contacts: an intrusive list,
// so an abandoning contact leaves from anywhere in O(1).
type queue struct {
	list[contact]
}

func (q *queue) push(c *contact) {
	c.queue = q
	q.list.push(&c.link)
}

func (q *queue) remove(c *contact) {
	q.list.remove(&c.link)
	c.queue = nil
}
