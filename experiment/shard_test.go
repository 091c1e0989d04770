package experiment

import (
	"slices"
	"strings"
	"testing"
)

func TestParseShard(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	none := env(nil)
	good := []struct {
		in   string
		env  func(string) string
		want Shard
	}{
		{"0/1", none, Shard{0, 1}},
		{"3/16", none, Shard{3, 16}},
		{"0/100000", none, Shard{0, MaxShards}},
		{" 2 / 4 ", none, Shard{2, 4}},
		{"auto/8", env(map[string]string{"JOB_COMPLETION_INDEX": "5"}), Shard{5, 8}},
		{"auto/8", env(map[string]string{"SLURM_ARRAY_TASK_ID": "7"}), Shard{7, 8}},
		{"auto/8", env(map[string]string{"JOB_COMPLETION_INDEX": "1", "SLURM_ARRAY_TASK_ID": "7"}), Shard{1, 8}},
	}
	for _, g := range good {
		got, err := ParseShard(g.in, g.env)
		if err != nil || got != g.want {
			t.Errorf("ParseShard(%q) = %v, %v; want %v", g.in, got, err, g.want)
		}
	}
	bad := []struct{ in, msg string }{
		{"3", "want K/N"},
		{"1/0", "N must be a whole number from 1 to 100000"},
		{"4/4", "from 0 to 3"},
		{"-1/4", "from 0 to 3"},
		{"x/4", "from 0 to 3"},
		{"auto/4", "neither is set"},
	}
	for _, b := range bad {
		if _, err := ParseShard(b.in, none); err == nil || !strings.Contains(err.Error(), b.msg) {
			t.Errorf("ParseShard(%q): %v, want an error saying %q", b.in, err, b.msg)
		}
	}
	if _, err := ParseShard("auto/4", env(map[string]string{"SLURM_ARRAY_TASK_ID": "4"})); err == nil ||
		!strings.Contains(err.Error(), "SLURM_ARRAY_TASK_ID") {
		t.Errorf("auto/4 with task 4: %v, want an error naming SLURM_ARRAY_TASK_ID", err)
	}
}

func TestShardJobs(t *testing.T) {
	var all []int
	for k := range 3 {
		all = append(all, Shard{k, 3}.JobsOf("sweep", 10)...)
	}
	slices.Sort(all)
	if want := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}; !slices.Equal(all, want) {
		t.Errorf("the shards' jobs: %v, want each of 0..9 once", all)
	}
	// The index padded to the width of the last one, Count−1.
	for _, tt := range []struct {
		shard Shard
		want  string
	}{
		{Shard{2, 16}, "part-02-of-16.omnisim-part"},
		{Shard{3, 10}, "part-3-of-10.omnisim-part"},
		{Shard{0, 1}, "part-0-of-1.omnisim-part"},
		{Shard{7, 101}, "part-007-of-101.omnisim-part"},
	} {
		if got := tt.shard.PartName(); got != tt.want {
			t.Errorf("PartName of %s: %q, want %q", tt.shard, got, tt.want)
		}
	}
	if got := (Shard{5, 4}).JobsOf("sweep", 3); len(got) != 0 {
		t.Errorf("more shards than jobs: %v, want none", got)
	}
}

// TestShardJobsOfRun: a run's shards take blocks of consecutive
// replications, in shard order, as even as can be, and jobsOf counts each
// block as the header check does, for runs and sweeps alike.
func TestShardJobsOfRun(t *testing.T) {
	for _, c := range []struct{ jobs, shards int }{{10, 3}, {10, 10}, {7, 2}, {1000, 7}, {3, 5}} {
		var all []int
		for k := range c.shards {
			s := Shard{k, c.shards}
			got := s.JobsOf("run", c.jobs)
			if n := len(got); n < c.jobs/c.shards || n > c.jobs/c.shards+1 {
				t.Errorf("%d jobs, shard %s: %d jobs, want %d or %d", c.jobs, s, n, c.jobs/c.shards, c.jobs/c.shards+1)
			}
			for _, kind := range []string{"run", "sweep"} {
				if want := int64(len(s.JobsOf(kind, c.jobs))); jobsOf(kind, int64(k), int64(c.shards), int64(c.jobs)) != want {
					t.Errorf("%s of %d jobs, shard %s: jobsOf says %d, JobsOf lists %d", kind, c.jobs, s, jobsOf(kind, int64(k), int64(c.shards), int64(c.jobs)), want)
				}
			}
			all = append(all, got...)
		}
		if want := Span(0, c.jobs); !slices.Equal(all, want) {
			t.Errorf("%d jobs in %d shards: %v, want 0..%d in order", c.jobs, c.shards, all, c.jobs-1)
		}
	}
}
