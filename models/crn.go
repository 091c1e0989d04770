package models

import (
	"math/rand/v2"

	"github.com/omnisim/omnisim/sim"
)

// Common random numbers. Every random attribute of a customer and of their
// contacts comes from a stream keyed by (purpose, customer, how many draws
// of that purpose the customer has made), never from a stream shared by all
// customers in the order the simulation happens to ask. The customer is
// named by where they came from and their number among its arrivals (the
// 312th customer of the demand, the 40th straight to email), so two variants
// of a scenario that differ in staffing, routing or anything that does not
// touch arrivals give customer k the same issue, and their j-th contact the
// same handle time, patience, choice draw and resolution draw, whatever
// order the two worlds handle them in. Arrival times come from sequential
// streams per source, which depend on no state.
//
// Where the journeys of one customer part (a retry in one variant that the
// other does not need), the later draws of that customer differ in meaning
// between the variants, but every other customer's stay aligned.

// purpose is what a customer's draw is for; each has its own keyed family.
type purpose int

const (
	drawIssue       purpose = iota // the customer's issue
	drawChoice                     // the logit choice of a channel, one per choice
	drawHandle                     // a contact's handle time
	drawPatience                   // a live contact's patience
	drawResolve                    // resolution, then the escalation path, of a handled contact
	drawRetry                      // whether to try again after a failure
	drawRetryDelay                 // the delay before trying again (or before a channel opens)
	drawRepeatDelay                // the delay before coming back unresolved
	drawChase                      // whether to chase a late deferred contact
	drawEscalate                   // the delay of an escalation path
	drawShare                      // word of mouth: whether each story is told
	drawWrap                       // an answered contact's after-call work
	drawClass                      // the customer's class
	drawCallback                   // taking a callback, then answering each attempt
	purposes
)

// purposeNames name each purpose's family of streams.
var purposeNames = [purposes]string{
	drawIssue:       "issue",
	drawChoice:      "choice",
	drawHandle:      "handle",
	drawPatience:    "patience",
	drawResolve:     "resolve",
	drawRetry:       "journey/retry",
	drawRetryDelay:  "journey/retry-delay",
	drawRepeatDelay: "journey/repeat-delay",
	drawChase:       "journey/chase",
	drawEscalate:    "escalate",
	drawShare:       "word-of-mouth",
	drawWrap:        "wrap",
	drawClass:       "class",
	drawCallback:    "callback",
}

// keyedDraws holds, for each purpose, the family's key and one generator
// that is reseeded for every draw, with a *rand.Rand over it. Samplers of
// the purpose (every channel's handle time, say) are built on that
// generator, so they draw from the stream just seeded.
type keyedDraws struct {
	key [purposes]sim.Key
	src [purposes]*rand.PCG
	rng [purposes]*rand.Rand
}

func newKeyedDraws(streams *sim.Streams) keyedDraws {
	var d keyedDraws
	for p, name := range purposeNames {
		d.key[p] = streams.Key(name)
		d.src[p] = rand.NewPCG(0, 0)
		d.rng[p] = rand.New(d.src[p])
	}
	return d
}

// customerKey returns the key of the n-th customer (from 1) of an arrival
// source: a channel customers come straight to, or the demand.
func customerKey(source sim.Key, n int64) sim.Key {
	return source.With(uint64(n))
}

// seed points purpose p's generator at customer cu's next stream of that
// purpose and returns it as a *rand.Rand; samplers built on the purpose's
// source draw from the same stream.
func (d *keyedDraws) seed(cu *customer, p purpose) *rand.Rand {
	cu.draws[p]++
	d.key[p].With(uint64(cu.key)).With(uint64(cu.draws[p])).Reseed(d.src[p])
	return d.rng[p]
}

// skip counts customer cu's next draw of purpose p without making it, and
// returns its number, with which sampleAt makes it later: the same number
// as sample would have drawn now, and the customer's later draws of p stay
// where they would be. Each draw reseeds the purpose's generator, and no
// sampler keeps anything else from one draw to the next (Dist.Sampler), so
// a draw left unmade changes no other.
func (d *keyedDraws) skip(cu *customer, p purpose) uint32 {
	cu.draws[p]++
	return cu.draws[p]
}

// sampleAt makes customer cu's draw number n of purpose p (skip) from s, a
// sampler built on the purpose's source.
func (d *keyedDraws) sampleAt(cu *customer, p purpose, n uint32, s Sampler) float64 {
	d.key[p].With(uint64(cu.key)).With(uint64(n)).Reseed(d.src[p])
	return s.Rand()
}

// sample draws from s, a sampler built on purpose p's source, for customer
// cu.
func (d *keyedDraws) sample(cu *customer, p purpose, s Sampler) float64 {
	d.seed(cu, p)
	return s.Rand()
}

// chance returns true with probability prob, from customer cu's next
// stream of purpose p. A sure or impossible outcome draws nothing but still
// counts as a draw, so the customer's later draws of p stay aligned with a
// variant in which the outcome was uncertain.
func (d *keyedDraws) chance(cu *customer, p purpose, prob float64) bool {
	if prob <= 0 || prob >= 1 {
		d.skip(cu, p)
		return prob >= 1
	}
	return d.seed(cu, p).Float64() < prob
}
