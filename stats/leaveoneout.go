package stats

import "math"

// LeaveOneOut returns, for tallies parts (one per replication), their sum
// and the sums leaving each replication out in turn (loo[i] leaves out
// parts[i]), made with add from the zero T in 2n + n additions rather than
// n²: the inputs of a jackknife (Jackknife) of a figure pooled over the
// replications (Efron and Stein 1981; Kott's delete-a-group jackknife when
// a part is a batch of replications).
func LeaveOneOut[T any](parts []T, add func(*T, T)) (sum T, loo []T) {
	var b LeaveOneOuts[T]
	return b.Of(parts, add)
}

// LeaveOneOuts makes LeaveOneOut's sums again and again in the same
// memory, for a caller that makes them for many periods (every interval of
// a run): its zero value is ready to use.
type LeaveOneOuts[T any] struct {
	// before[i] and after[i] are the sums of the parts before i and from
	// i on; before[0] and after[len(parts)] stay the zero T.
	before, after, loo []T
}

// Of returns LeaveOneOut(parts, add): the same sums, made by the same
// additions in the same order, in memory b keeps. loo is good until the
// next call, which overwrites it.
func (b *LeaveOneOuts[T]) Of(parts []T, add func(*T, T)) (sum T, loo []T) {
	n := len(parts)
	if len(b.before) != n+1 {
		b.before, b.after, b.loo = make([]T, n+1), make([]T, n+1), make([]T, n)
	}
	// Sums of the replications before i and after i.
	before, after := b.before, b.after
	for i := range n {
		before[i+1] = before[i]
		add(&before[i+1], parts[i])
		after[n-1-i] = after[n-i]
		add(&after[n-1-i], parts[n-1-i])
	}
	loo = b.loo
	for i := range n {
		loo[i] = before[i]
		add(&loo[i], after[i+1])
	}
	return before[n], loo
}

// PooledHalfWidths returns, for each of m estimates computed from tallies
// added up, the half-width of its jackknife interval over the parts the
// tallies come in (Kott's delete-a-group jackknife: Kott 2001, "The
// delete-a-group jackknife", Journal of Official Statistics 17, 521–526):
// part i holds weights[i] units (replications) and the tallies parts[i];
// value(k, sum, n) is estimate k of tallies sum added up over n units.
// Each estimate is recomputed with each part left out in turn (from
// LeaveOneOut's sums, over the n − weights[i] units left) and jk, made for
// len(parts) parts and the level wanted, turns those into the half-width.
// It is NaN for every estimate with fewer than two parts. The half-widths
// are written into out, whose length is m, and out is returned: a caller
// asking for many may give them one array.
func PooledHalfWidths[T any](out []float64, parts []T, weights []int, add func(*T, T),
	value func(k int, sum *T, n int) float64, jk Jackknife) []float64 {
	m := len(out)
	g := len(parts)
	if g < 2 {
		for k := range out {
			out[k] = math.NaN()
		}
		return out
	}
	n := 0
	for _, w := range weights {
		n += w
	}
	_, loo := LeaveOneOut(parts, add)
	vals := make([]float64, g)
	for k := range m {
		for i := range g {
			vals[i] = value(k, &loo[i], n-weights[i])
		}
		out[k] = jk.HalfWidth(vals)
	}
	return out
}
