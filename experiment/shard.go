package experiment

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// An experiment (the replications of a run, or the points and replications
// of a sweep) is a numbered list of jobs, each one replication of one
// world. To run it on several machines, each runs the jobs of its shard
// and writes them to a part file; merging the parts gives back every job's
// result, and from them exactly the output one machine would have written.

// ShardFormat is the version of how the jobs are shared out (Shard.JobsOf)
// and of the part files' layout (output/shard's WritePart): 3 gives a
// run's shards blocks of consecutive replications.
const ShardFormat = 3

// ShardPartExt is the extension of a part file.
const ShardPartExt = ".omnisim-part"

// MaxShards is the most shards a run or a sweep may be split into: one
// replication each of the most a run may have.
const MaxShards = 100_000

// MaxJobs is the most jobs an experiment may have: a sweep's 1,000,000
// points of 100,000 replications each.
const MaxJobs = 1_000_000 * 100_000

// Shard names a share of an experiment's jobs: shard Index of Count
// (from 0). A run's shard holds a block of consecutive replications, so
// that merge adds a part's replications in order, one part at a time; a
// sweep's, the jobs j with j mod Count = Index: dealing them out in turn
// keeps the shards' work alike when later points cost more.
type Shard struct {
	Index, Count int
}

// ParseShard reads "K/N" (0 ≤ K < N). With "auto/N", K is taken from the
// environment, through getenv: JOB_COMPLETION_INDEX (a Kubernetes Indexed
// Job) or else SLURM_ARRAY_TASK_ID (a Slurm job array, whose task ids must
// then run from 0 to N−1).
func ParseShard(s string, getenv func(string) string) (Shard, error) {
	k, n, ok := strings.Cut(s, "/")
	if !ok {
		return Shard{}, fmt.Errorf("shard %q: want K/N, the shard K (from 0) of N, or auto/N", s)
	}
	count, err := strconv.Atoi(strings.TrimSpace(n))
	if err != nil || count < 1 || count > MaxShards {
		return Shard{}, fmt.Errorf("shard %q: N must be a whole number from 1 to %d", s, MaxShards)
	}
	k = strings.TrimSpace(k)
	from := ""
	if k == "auto" {
		for _, name := range []string{"JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID"} {
			if v := getenv(name); v != "" {
				k, from = strings.TrimSpace(v), " (from "+name+")"
				break
			}
		}
		if from == "" {
			return Shard{}, fmt.Errorf("shard %q: auto takes the shard from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID, and neither is set", s)
		}
	}
	index, err := strconv.Atoi(k)
	if err != nil || index < 0 || index >= count {
		return Shard{}, fmt.Errorf("shard %q: K%s is %q, want a whole number from 0 to %d", s, from, k, count-1)
	}
	return Shard{Index: index, Count: count}, nil
}

// String writes the shard as K/N.
func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// JobsOf returns the shard's jobs of an experiment of the given kind
// ("run" or "sweep") of n jobs, in order: for a run, the block from
// Index·n÷Count to (Index+1)·n÷Count; otherwise every Count-th job from
// Index.
func (s Shard) JobsOf(kind string, n int) []int {
	var jobs []int
	if kind == "run" {
		from, to := blockStart(int64(s.Index), int64(s.Count), int64(n)), blockStart(int64(s.Index)+1, int64(s.Count), int64(n))
		for j := from; j < to; j++ {
			jobs = append(jobs, int(j))
		}
		return jobs
	}
	for j := s.Index; j < n; j += s.Count {
		jobs = append(jobs, j)
	}
	return jobs
}

// Size returns how many jobs JobsOf(kind, n) lists, without listing
// them.
func (s Shard) Size(kind string, n int) int {
	return int(jobsOf(kind, int64(s.Index), int64(s.Count), int64(n)))
}

// SweepJobs lists the shard's jobs of a sweep whose point p has reps[p]
// replications: SweepJobs(reps) dealt out as JobsOf deals a sweep's, in
// order, without listing the other shards' jobs.
func (s Shard) SweepJobs(reps []int) []SweepJob {
	starts := make([]int, len(reps)+1) // the first job of each point
	for p, n := range reps {
		starts[p+1] = starts[p] + n
	}
	var jobs []SweepJob
	for j := s.Index; j < starts[len(reps)]; j += s.Count {
		p := sort.SearchInts(starts, j+1) - 1
		jobs = append(jobs, SweepJob{Point: p, Replication: j - starts[p]})
	}
	return jobs
}

// blockStart returns the first job of a run's shard index of count, of
// jobs jobs: index·jobs÷count, rounded down. The caps on shards and jobs
// keep the product far from overflowing.
func blockStart(index, count, jobs int64) int64 {
	return index * jobs / count
}

// jobsOf returns how many of an experiment's jobs shard index of count
// runs, without listing them (Shard.JobsOf): for a run, its block's
// length; otherwise (jobs − index) ÷ count, rounded up.
func jobsOf(kind string, index, count, jobs int64) int64 {
	if kind == "run" {
		return blockStart(index+1, count, jobs) - blockStart(index, count, jobs)
	}
	if index >= jobs {
		return 0
	}
	return (jobs-index-1)/count + 1
}

// PartName is the name of the shard's part file in the parts folder:
// part-03-of-16.omnisim-part. The numbers are padded so that the files
// sort in order.
func (s Shard) PartName() string {
	w := len(strconv.Itoa(s.Count - 1))
	return fmt.Sprintf("part-%0*d-of-%d%s", w, s.Index, s.Count, ShardPartExt)
}
