package stats

import (
	"slices"
	"testing"
)

// TestLeaveOneOut: each sum leaves out exactly its replication.
func TestLeaveOneOut(t *testing.T) {
	add := func(a *int, b int) { *a += b }
	sum, loo := LeaveOneOut([]int{1, 10, 100, 1000}, add)
	if sum != 1111 || !slices.Equal(loo, []int{1110, 1101, 1011, 111}) {
		t.Errorf("got %d and %v, want 1111 and [1110 1101 1011 111]", sum, loo)
	}
	if sum, loo := LeaveOneOut(nil, add); sum != 0 || len(loo) != 0 {
		t.Errorf("no replications: got %d and %v", sum, loo)
	}
}
