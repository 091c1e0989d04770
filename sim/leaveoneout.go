package sim

// LeaveOneOut returns, for tallies parts (one per replication), their sum
// and the sums leaving each replication out in turn (loo[i] leaves out
// parts[i]), made with add from the zero T in 2n + n additions rather than
// n²: the inputs of a jackknife (Jackknife) of a figure pooled over the
// replications.
func LeaveOneOut[T any](parts []T, add func(*T, T)) (sum T, loo []T) {
	n := len(parts)
	// Sums of the replications before i and after i.
	before, after := make([]T, n+1), make([]T, n+1)
	for i := range n {
		before[i+1] = before[i]
		add(&before[i+1], parts[i])
		after[n-1-i] = after[n-i]
		add(&after[n-1-i], parts[n-1-i])
	}
	loo = make([]T, n)
	for i := range n {
		loo[i] = before[i]
		add(&loo[i], after[i+1])
	}
	return before[n], loo
}
