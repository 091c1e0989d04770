package models

import "github.com/omnisim/omnisim/sim"

// contact is one customer's attempt to reach the centre on one channel.
// Contacts are pooled by the world and reused once finished, so a long run
// allocates only as many as are in the system at once.
type contact struct {
	arrived  float64
	handle   float64 // drawn at arrival, so variants of a scenario see the same customers
	interval int     // the interval it arrived in
	counted  bool    // arrived in the measured window
	patience sim.Timer
	prev     *contact
	next     *contact
	// abandon is bound once, when the contact is first made, so that setting
	// a patience timer allocates nothing.
	abandon func()
}

// queue is a first-come, first-served line of contacts: an intrusive
// doubly-linked list, so an abandoning contact leaves from anywhere in O(1).
type queue struct {
	head, tail *contact
	n          int
}

func (q *queue) push(c *contact) {
	c.prev, c.next = q.tail, nil
	if q.tail == nil {
		q.head = c
	} else {
		q.tail.next = c
	}
	q.tail = c
	q.n++
}

func (q *queue) remove(c *contact) {
	if c.prev == nil {
		q.head = c.next
	} else {
		c.prev.next = c.next
	}
	if c.next == nil {
		q.tail = c.prev
	} else {
		c.next.prev = c.prev
	}
	c.prev, c.next = nil, nil
	q.n--
}

func (q *queue) pop() *contact {
	c := q.head
	q.remove(c)
	return c
}
