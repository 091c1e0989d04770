package experiment

import (
	"runtime"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// TestMergePartsClaims: parts handed to MergeParts with impossible
// numbers are refused before anything is allocated for them (9e18 shards
// used to panic in makeslice; 1e15 jobs to hang listing them).
func TestMergePartsClaims(t *testing.T) {
	res := &models.Result{}
	tests := []struct {
		name string
		part Part
		want string
	}{
		{"9e18 shards", Part{Shard: Shard{0, 9e18}, Jobs: 4, Results: []*models.Result{res}}, "9000000000000000000 shards"},
		{"1e15 jobs", Part{Shard: Shard{0, 1}, Jobs: 1e15, Results: []*models.Result{res}}, "1000000000000000 jobs"},
		{"1e9 jobs, 1 result", Part{Shard: Shard{0, 1}, Jobs: 1e9, Results: []*models.Result{res}}, "has 1 results, want 1000000000"},
		{"a shard past the count", Part{Shard: Shard{3, 2}, Jobs: 4, Results: []*models.Result{res}}, "shard 3 of 2"},
		{"a nil result", Part{Shard: Shard{0, 1}, Jobs: 1, Results: []*models.Result{nil}}, "a missing result"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			_, _, err := MergeParts([]*Part{&tt.part}, []string{"p"})
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if err == nil || !strings.Contains(err.Error(), "p is damaged: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
				t.Errorf("allocated %d bytes refusing it", got)
			}
		})
	}
}
