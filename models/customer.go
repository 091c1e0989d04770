package models

import (
	"math"

	"github.com/omnisim/omnisim/sim"
)

// customer is one person's journey with one issue, across as many contacts
// as it takes. Customers are pooled by the world and reused once finished
// and once none of their contacts is still waiting anywhere.
type customer struct {
	// Its fields are laid out by when they are read, on four cache lines
	// of 64 bytes (256 bytes, a size class whose objects start on a line,
	// TestCustomerOnFourLines): first the keyed draws' key and counts, read
	// by every draw; then what each event of a contact reads (the issue,
	// the counters, the flags); then the story and channels used; last what
	// the journey's start and end read.
	key   sim.Key          // names the customer's random streams (crn.go)
	draws [purposes]uint32 // draws made of each purpose

	issue     int
	class     int
	open      int // contacts waiting or in hand
	late      int // contacts answered later than the customer expected
	contacts  int
	failures  int
	last      *channel // the channel of the latest contact
	counted   bool     // began in the measured window
	scheduled bool     // a next contact is scheduled
	free      bool     // back in the world's pool of customers
	done      bool
	resolved  bool
	nextHow   origin // how the next contact comes about (see next)

	lastAt float64 // when the latest contact arrived
	story  []experience
	used   []int32 // the different channels it contacted, in first-use order
	lastID int64   // the latest contact's number

	start       float64 // when the journey began
	interval    int     // the interval it began in
	switches    int32
	escalations int32
	carried     int32 // contacts that started from nothing in a siloed centre
	// usedIn holds the first channels of used in place (newCustomer): a
	// customer rarely contacts more than three, and a slice of its own,
	// last written in an earlier journey of the pooled customer, was a
	// cache miss at every first contact.
	usedIn [3]int32
	id     int64

	// The next contact, when one is scheduled: on next if set, else by
	// choice (nextHow), with the bonus for staying on stay.
	next *channel
	stay *channel
}

// experience is what a customer tells of one contact.
type experience struct {
	ch     *channel
	wait   float64
	failed bool // abandoned, turned away, or never answered in time
}

// satisfaction is the customer's satisfaction at the end of the journey,
// between 0 and 1: it starts at 1 and loses 0.2 for each failed contact,
// 0.1 for each contact beyond the first, 0.1 for each contact answered
// later than expected, the scenario's siloed annoyance for each contact
// that had to start from nothing, and 0.3 if the issue was never resolved.
func (cu *customer) satisfaction(siloAnnoyance float64) float64 {
	s := 1 - 0.2*float64(cu.failures) - 0.1*float64(max(0, cu.contacts-1)) - 0.1*float64(cu.late) -
		siloAnnoyance*float64(cu.carried)
	if !cu.resolved {
		s -= 0.3
	}
	return math.Max(0, math.Min(1, s))
}

// bad tells whether the journey was a bad experience, the kind people
// share more often: unresolved, or with a failure or a late answer.
func (cu *customer) bad() bool {
	return !cu.resolved || cu.failures > 0 || cu.late > 0
}

// use records that the customer contacted channel number idx. The set is
// a short slice searched in turn, not a bit mask: a scenario may have any
// number of channels (a 64-bit mask miscounted past 64), while a customer
// rarely tries more than a few of them, so the search stays short.
func (cu *customer) use(idx int) {
	for _, u := range cu.used {
		if int(u) == idx {
			return
		}
	}
	cu.used = append(cu.used, int32(idx))
}

// channelsUsed returns the number of different channels the customer used.
func (cu *customer) channelsUsed() int {
	return len(cu.used)
}
