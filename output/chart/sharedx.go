package chart

import (
	"math"
	"sync"
)

// sharedXs hands the charts of one run the same x slice wherever their
// lines have the same x's, bit for bit: a run's lines step over its
// intervals (each channel's and each pool's figures, the totals), and a
// 365-day run's x's are 0.56 MB a line, about 13 MB in all were each line
// to hold its own while the charts wait to be drawn. A slice handed out
// is only read (series are; mapY and runs share theirs already). It is
// safe for use by several goroutines at once; a nil *sharedXs shares
// nothing.
type sharedXs struct {
	mu sync.Mutex
	xs [][]float64
}

// maxSharedXs is how many distinct slices a sharedXs keeps to share: a
// run's lines have a handful (the interval's starts stepped, its ends).
const maxSharedXs = 8

// get returns n x's, x(0) to x(n-1): a slice handed out before when one
// holds those, bit for bit, else a new one, kept to share. x is called
// in order of k, at most once per k for each slice kept and once more.
func (m *sharedXs) get(n int, x func(k int) float64) []float64 {
	if m == nil {
		return fill(make([]float64, n), x)
	}
	m.mu.Lock()
	kept := m.xs
	m.mu.Unlock()
	for _, c := range kept {
		if len(c) == n && sameXs(c, x) {
			return c
		}
	}
	out := fill(make([]float64, n), x)
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, c := range m.xs[len(kept):] {
		// Kept meanwhile by another chart.
		if len(c) == n && sameXs(c, func(k int) float64 { return out[k] }) {
			return c
		}
	}
	if len(m.xs) < maxSharedXs {
		m.xs = append(m.xs, out)
	}
	return out
}

// fill sets s[k] to x(k) for every k, in order, and returns s.
func fill(s []float64, x func(k int) float64) []float64 {
	for k := range s {
		s[k] = x(k)
	}
	return s
}

// sameXs tells whether c[k] is x(k) bit for bit for every k, calling x
// until the first that is not.
func sameXs(c []float64, x func(k int) float64) bool {
	for k, v := range c {
		if math.Float64bits(v) != math.Float64bits(x(k)) {
			return false
		}
	}
	return true
}
