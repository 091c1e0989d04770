package sim

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
)

// Streams hands out independent random streams for one replication, each
// named for its purpose ("arrivals/phone", "patience/phone"...). A stream is
// a PCG generator seeded from (seed, replication, name), so it does not
// depend on which other streams exist or in which order they were asked for:
// two variants of a scenario draw the same numbers for the same purpose.
type Streams struct {
	seed uint64
	rep  int
	used map[string]bool
}

// NewStreams returns the streams of replication rep of a run seeded with seed.
func NewStreams(seed uint64, rep int) *Streams {
	return &Streams{seed: seed, rep: rep, used: make(map[string]bool)}
}

// Seed returns the run's seed.
func (s *Streams) Seed() uint64 { return s.seed }

// Replication returns the replication number the streams belong to.
func (s *Streams) Replication() int { return s.rep }

// Source returns the generator of the named stream. Each name may be asked
// for once per Streams: two users of one stream would draw correlated
// numbers, so a second request panics.
func (s *Streams) Source(name string) *rand.PCG {
	if s.used[name] {
		panic(fmt.Sprintf("sim: random stream %q requested twice", name))
	}
	s.used[name] = true
	return StreamSource(s.seed, s.rep, name)
}

// Rand returns a *rand.Rand drawing from the named stream (see Source).
func (s *Streams) Rand(name string) *rand.Rand {
	return rand.New(s.Source(name))
}

// StreamSource derives the generator of one named stream from the seed and
// the replication number. The derivation mixes the three with SplitMix64
// (Steele, Lea and Flood 2014), so nearby seeds and replications give
// unrelated streams.
func StreamSource(seed uint64, rep int, name string) *rand.PCG {
	h := fnv.New64a()
	h.Write([]byte(name))
	n := h.Sum64()
	a := splitmix(seed ^ splitmix(uint64(rep)+0x632be59bd9b4e019))
	b := splitmix(a ^ splitmix(n))
	return rand.NewPCG(a, splitmix(b))
}

// splitmix is the finaliser of SplitMix64: a bijective mix of 64 bits.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
