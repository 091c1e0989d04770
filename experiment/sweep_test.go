package experiment

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/omnisim/omnisim/models"
)

func TestSweepJobs(t *testing.T) {
	got := SweepJobs([]int{2, 0, 3})
	want := []SweepJob{{0, 0}, {0, 1}, {2, 0}, {2, 1}, {2, 2}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestSweep: a sweep's results are the replications each point's Config
// gives on its own, in the jobs' order whatever the workers, and a subset
// of the jobs gives the same results for the jobs it holds.
func TestSweep(t *testing.T) {
	a, b := queue(4, 14), queue(4, 12)
	cfgs := []*models.Config{a, b}
	jobs := SweepJobs([]int{3, 3})
	one, err := Sweep{Configs: cfgs, Jobs: jobs, Workers: 1}.Results()
	if err != nil {
		t.Fatal(err)
	}
	many, err := Sweep{Configs: cfgs, Jobs: jobs, Workers: 4}.Results()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(one, many) {
		t.Error("results differ with the number of workers")
	}
	for p, res := range ByPoint(2, jobs, one) {
		alone, err := Run{Config: cfgs[p], Reps: Span(0, 3), Workers: 1}.Results()
		if err != nil {
			t.Fatal(err)
		}
		// Compared as printed: every float in its shortest exact form, and
		// an undefined figure (NaN) equal to itself.
		if got, want := fmt.Sprintf("%+v", models.Summarize(res)), fmt.Sprintf("%+v", models.Summarize(alone)); got != want {
			t.Errorf("point %d: the sweep's summary differs from its replications run alone:\n%+v\n%+v", p, got, want)
		}
		if res[0].Channels[0].Intervals != nil {
			t.Error("the sweep keeps interval tallies")
		}
	}
	part, err := Sweep{Configs: cfgs, Jobs: jobs[4:], Workers: 2}.Results()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(part, one[4:]) {
		t.Error("a subset of the jobs gives other results")
	}
	if _, err := (Sweep{Configs: cfgs, Jobs: []SweepJob{{Point: 2}}, Workers: 1}).Results(); err == nil {
		t.Error("a job of no point: no error")
	}
}

// TestByPointEdges checks that ByPoint leaves out the jobs it has no result
// for and the jobs of no point in range, rather than failing on them.
func TestByPointEdges(t *testing.T) {
	r := []*models.Result{{Replication: 0}, {Replication: 1}, {Replication: 2}}
	jobs := []SweepJob{{Point: 0}, {Point: 1}, {Point: 2}, {Point: 0, Replication: 1}, {Point: -1}}
	got := ByPoint(2, jobs, r)
	if len(got) != 2 || len(got[0]) != 1 || got[0][0] != r[0] || len(got[1]) != 1 || got[1][0] != r[1] {
		t.Errorf("got %v, want point 0 with the first result and point 1 with the second", got)
	}
}

// TestShardSweepJobs: a sweep shard's jobs, listed without the others,
// are those Shard.JobsOf deals it from SweepJobs, points of unequal
// replications and empty ones included.
func TestShardSweepJobs(t *testing.T) {
	reps := []int{3, 0, 5, 1, 4}
	all := SweepJobs(reps)
	for _, count := range []int{1, 2, 3, 13} {
		for k := range count {
			shard := Shard{Index: k, Count: count}
			var want []SweepJob
			for _, j := range shard.JobsOf("sweep", len(all)) {
				want = append(want, all[j])
			}
			if got := shard.SweepJobs(reps); !slices.Equal(got, want) {
				t.Errorf("shard %s: %v, want %v", shard, got, want)
			}
		}
	}
}
