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
	cust     *customer
	ch       *channel
	arrived  float64
	handle   float64 // drawn at arrival, before any slowdown from concurrency
	patience float64 // how long the customer will wait (live) or waits before chasing (deferred)
	urgent   bool    // a complaint that jumps the line
	class    int     // the customer's class
	carried  bool    // a switch or escalation: siloed history starts from nothing
	timer    sim.Timer
	// overTimer is the timer of the next overflow wait of the channel
	// (overflow.go), overStep its number.
	overTimer sim.Timer
	overStep  uint8
	// callback tells that the caller took a callback (callback.go);
	// attempts counts the agents' calls, reached that one was answered.
	callback bool
	reached  bool
	attempts uint8
	// For the trace: numbering, the customer's previous contact, how the
	// contact came about, and when it was answered and for how long.
	id         int64
	prevID     int64
	how        origin
	chased     bool
	answered   float64
	handleDone float64
	wrap       float64 // the after-call work drawn when the handling ended
	agent      *agent
	queue      *queue        // the queue it waits in, if any
	link       node[contact] // its place in that queue
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
