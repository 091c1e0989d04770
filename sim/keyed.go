package sim

import "math/rand/v2"

// Key names one member of a family of random streams that is too large to
// hold: the draws of one purpose for one customer, say, among millions of
// customers. A family's key comes from Streams.Key, a member's from With,
// and Reseed starts a generator on the member's stream.
//
// Keyed streams give common random numbers where sequential ones cannot. A
// sequential stream of handle times hands its n-th value to whichever
// contact asks n-th, and the order in which contacts ask depends on the
// system's state; a keyed stream hands customer k's j-th handle time to
// customer k's j-th contact, whatever happened before, in this variant or
// in another.
type Key uint64

// Key returns the key of the family of streams with the given name, derived
// from the seed and the replication as Source derives a stream. The name
// counts as used, as a Source's does: asking for it twice panics.
func (s *Streams) Key(name string) Key {
	if s.used[name] {
		panic("sim: random stream " + name + " requested twice")
	}
	s.used[name] = true
	return Key(StreamSource(s.seed, s.rep, name).Uint64())
}

// With returns the key of member i of k's family: a mix by SplitMix64, so
// that nearby members, and members of members, have unrelated streams. For a
// given k, distinct i give distinct keys.
func (k Key) With(i uint64) Key {
	return Key(splitmix(uint64(k) ^ (i * 0xd1b54a32d192ed03)))
}

// Reseed sets p to the start of k's stream. Reseeding a generator that a
// gonum distribution or a *rand.Rand holds as its source is how one sampler
// draws from many keyed streams without allocating.
func (k Key) Reseed(p *rand.PCG) {
	p.Seed(uint64(k), splitmix(uint64(k)^0x632be59bd9b4e019))
}
