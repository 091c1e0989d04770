package experiment

import (
	"bytes"
	"runtime"
	"slices"
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

// TestCheckShare checks the caps on a part's shard and jobs at their
// edges: from 1 to MaxShards shards, shards numbered from 0 to Count−1,
// from 0 to MaxJobs jobs.
//
// Seen to catch: each of the five comparisons moved by one (> made >=,
// >= made >, < made <=).
func TestCheckShare(t *testing.T) {
	for _, tt := range []struct {
		shard Shard
		jobs  int
		ok    bool
	}{
		{Shard{0, 1}, 0, true},
		{Shard{MaxShards - 1, MaxShards}, MaxJobs, true},
		{Shard{0, MaxShards + 1}, 1, false},
		{Shard{0, 0}, 1, false},
		{Shard{2, 2}, 4, false},
		{Shard{-1, 2}, 4, false},
		{Shard{0, 1}, MaxJobs + 1, false},
		{Shard{0, 1}, -1, false},
	} {
		p := &Part{Shard: tt.shard, Jobs: tt.jobs}
		if err := p.CheckShare(); (err == nil) != tt.ok {
			t.Errorf("shard %s of %d jobs: %v, want ok %v", tt.shard, tt.jobs, err, tt.ok)
		}
	}
}

// TestMergeParts checks that the parts of every shard of a run, handed
// over in any order, merge into every job's result in job order, the
// results of one run of them all; and that CheckParts gives the parts in
// shard order.
//
// Seen to catch: MergeParts returning before it merges (len(errs) > 0
// made >=); a part's results placed by their index in the part instead of
// their job's number.
func TestMergeParts(t *testing.T) {
	cfg := queue(1, 14)
	const reps, shards = 7, 3
	whole, err := Run{Config: cfg, Reps: Span(0, reps)}.Results()
	if err != nil {
		t.Fatal(err)
	}
	var parts []*Part
	var names []string
	for _, k := range []int{2, 0, 1} {
		s := Shard{Index: k, Count: shards}
		results, err := Run{Config: cfg, Reps: s.JobsOf("run", reps)}.Results()
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, &Part{Format: ShardFormat, Version: "test", Kind: "run", Shard: s, Jobs: reps, Spec: []byte("spec"), Results: results})
		names = append(names, s.PartName())
	}
	first, merged, err := MergeParts(parts, names)
	if err != nil {
		t.Fatal(err)
	}
	if first != parts[0] || !bytes.Equal(gobOf(t, merged), gobOf(t, whole)) {
		t.Errorf("merged: first %v, results equal to one run's %v", first.Shard, bytes.Equal(gobOf(t, merged), gobOf(t, whole)))
	}
	_, order, err := CheckParts(parts, names)
	if err != nil || !slices.Equal(order, []int{1, 2, 0}) {
		t.Errorf("CheckParts' order: %v (%v), want [1 2 0]: shards 0, 1, 2", order, err)
	}
}
