package sim

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestKeyedStreamsAreReproducible(t *testing.T) {
	a := NewStreams(1, 0).Key("handle")
	b := NewStreams(1, 0).Key("handle")
	p, q := rand.NewPCG(0, 0), rand.NewPCG(0, 0)
	a.With(7).With(2).Reseed(p)
	q.Uint64() // a generator's past does not matter once reseeded
	b.With(7).With(2).Reseed(q)
	for i := range 5 {
		if x, y := p.Uint64(), q.Uint64(); x != y {
			t.Fatalf("draw %d: %d and %d from the same key", i, x, y)
		}
	}
}

func TestKeyedStreamsDiffer(t *testing.T) {
	first := func(k Key) uint64 {
		p := rand.NewPCG(0, 0)
		k.Reseed(p)
		return p.Uint64()
	}
	base := NewStreams(1, 0).Key("a")
	want := first(base.With(1).With(1))
	for _, tc := range []struct {
		name string
		key  Key
	}{
		{"seed", NewStreams(2, 0).Key("a").With(1).With(1)},
		{"replication", NewStreams(1, 1).Key("a").With(1).With(1)},
		{"name", NewStreams(1, 0).Key("b").With(1).With(1)},
		{"member", base.With(2).With(1)},
		{"member of member", base.With(1).With(2)},
		{"members swapped", base.With(1).With(1).With(0)},
	} {
		if first(tc.key) == want {
			t.Errorf("changing the %s gave the same first draw", tc.name)
		}
	}
}

func TestKeyRequestedTwicePanics(t *testing.T) {
	s := NewStreams(1, 0)
	s.Source("x")
	defer func() {
		if recover() == nil {
			t.Errorf("no panic for a key named like a stream already requested")
		}
	}()
	s.Key("x")
}

// TestKeyedStreamsLookIndependent is a coarse check that the streams of
// consecutive members, as customers k and k+1 use them, are not degenerate:
// over many members, the mean of their first uniform draws is 1/2 and the
// correlation of consecutive members' first draws is 0, each within 5
// standard errors (1/√(12n) and 1/√n).
func TestKeyedStreamsLookIndependent(t *testing.T) {
	const n = 100000
	k := NewStreams(3, 1).Key("u")
	p := rand.NewPCG(0, 0)
	r := rand.New(p)
	xs := make([]float64, n)
	for i := range xs {
		k.With(uint64(i)).With(1).Reseed(p)
		xs[i] = r.Float64()
	}
	sum, lag := 0.0, 0.0
	for i, x := range xs {
		sum += x
		if i > 0 {
			lag += (x - 0.5) * (xs[i-1] - 0.5)
		}
	}
	if m, se := sum/n, math.Sqrt(1.0/12/n); math.Abs(m-0.5) > 5*se {
		t.Errorf("mean of first draws %v, want 0.5 ± %v", m, 5*se)
	}
	if c, se := lag/(n-1)*12, 1/math.Sqrt(n); math.Abs(c) > 5*se {
		t.Errorf("lag-1 correlation of first draws %v, want 0 ± %v", c, 5*se)
	}
}
