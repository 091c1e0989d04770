package sim

import (
	"math"
	"testing"
)

func TestStreamsAreReproducibleAndIndependentOfOrder(t *testing.T) {
	a := NewStreams(1, 0)
	x1 := a.Rand("arrivals/phone").Uint64()
	y1 := a.Rand("handle/phone").Uint64()
	b := NewStreams(1, 0)
	y2 := b.Rand("handle/phone").Uint64()
	x2 := b.Rand("arrivals/phone").Uint64()
	if x1 != x2 || y1 != y2 {
		t.Errorf("streams depend on the order they were asked for")
	}
}

func TestStreamsDifferBySeedReplicationAndName(t *testing.T) {
	first := func(seed uint64, rep int, name string) uint64 {
		return StreamSource(seed, rep, name).Uint64()
	}
	base := first(1, 0, "a")
	tests := []struct {
		name string
		got  uint64
	}{
		{"seed", first(2, 0, "a")},
		{"replication", first(1, 1, "a")},
		{"name", first(1, 0, "b")},
		{"seed and replication swapped", first(0, 1, "a")},
	}
	for _, tc := range tests {
		if tc.got == base {
			t.Errorf("changing the %s gave the same first draw", tc.name)
		}
	}
}

func TestStreamRequestedTwicePanics(t *testing.T) {
	s := NewStreams(1, 0)
	s.Source("x")
	defer func() {
		if recover() == nil {
			t.Errorf("no panic for a stream requested twice")
		}
	}()
	s.Source("x")
}

// TestStreamsLookUniform is a coarse check that derived streams are not
// degenerate: the mean of many uniform draws across many streams is 1/2
// within 5 standard errors.
func TestStreamsLookUniform(t *testing.T) {
	const streams, draws = 200, 500
	sum := 0.0
	for i := range streams {
		r := NewStreams(uint64(i), i%3).Rand("u")
		for range draws {
			sum += r.Float64()
		}
	}
	n := float64(streams * draws)
	se := math.Sqrt(1.0 / 12 / n)
	if m := sum / n; math.Abs(m-0.5) > 5*se {
		t.Errorf("mean of uniform draws %v, want 0.5 ± %v", m, 5*se)
	}
}
