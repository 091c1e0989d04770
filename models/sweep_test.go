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
