package models

import (
	"reflect"
	"slices"
	"testing"
)

func TestSweepJobs(t *testing.T) {
	got := SweepJobs([]int{2, 0, 3})
	want := []SweepJob{{0, 0}, {0, 1}, {2, 0}, {2, 1}, {2, 2}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestRunSweep: a sweep's results are the replications each point's
// Config gives on its own, in the jobs' order whatever the workers, and a
// subset of the jobs gives the same results for the jobs it holds.
func TestRunSweep(t *testing.T) {
	a, b := erlangAConfig(4*3600), erlangAConfig(4*3600)
	b.Pools[0].Agents = []int{12}
	cfgs := []*Config{a, b}
	jobs := SweepJobs([]int{3, 3})
	one, err := RunSweep(cfgs, jobs, 1)
	if err != nil {
		t.Fatal(err)
	}
	many, err := RunSweep(cfgs, jobs, 4)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(one, many) {
		t.Error("results differ with the number of workers")
	}
	for p, res := range ByPoint(2, jobs, one) {
		alone, err := RunReplications(cfgs[p], 3, 1)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := Summarize(res), Summarize(alone); !reflect.DeepEqual(got, want) {
			t.Errorf("point %d: the sweep's summary differs from its replications run alone:\n%+v\n%+v", p, got, want)
		}
		if res[0].Channels[0].Intervals != nil {
			t.Error("the sweep keeps interval tallies")
		}
	}
	part, err := RunSweep(cfgs, jobs[4:], 2)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(part, one[4:]) {
		t.Error("a subset of the jobs gives other results")
	}
	if _, err := RunSweep(cfgs, []SweepJob{{Point: 2}}, 1); err == nil {
		t.Error("a job of no point: no error")
	}
}

// TestByPointEdges checks that ByPoint leaves out the jobs it has no result
// for and the jobs of no point in range, rather than failing on them.
func TestByPointEdges(t *testing.T) {
	r := []*Result{{Replication: 0}, {Replication: 1}, {Replication: 2}}
	jobs := []SweepJob{{Point: 0}, {Point: 1}, {Point: 2}, {Point: 0, Replication: 1}, {Point: -1}}
	got := ByPoint(2, jobs, r)
	if len(got) != 2 || len(got[0]) != 1 || got[0][0] != r[0] || len(got[1]) != 1 || got[1][0] != r[1] {
		t.Errorf("got %v, want point 0 with the first result and point 1 with the second", got)
	}
}

// TestOneReplication checks that a single replication runs, and none is
// refused.
func TestOneReplication(t *testing.T) {
	cfg := erlangAConfig(3600)
	if rs, err := RunReplications(cfg, 1, 1); err != nil || len(rs) != 1 {
		t.Errorf("one replication: got %d results, %v", len(rs), err)
	}
	if _, err := RunReplications(cfg, 0, 1); err == nil {
		t.Error("no replication: got no error")
	}
}
