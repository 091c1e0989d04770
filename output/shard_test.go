package output

import (
	"bytes"
	"encoding/gob"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
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
	if got := (Shard{2, 16}).PartName(); got != "part-02-of-16.omnisim-part" {
		t.Errorf("PartName: %q", got)
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
		if want := span(c.jobs); !slices.Equal(all, want) {
			t.Errorf("%d jobs in %d shards: %v, want 0..%d in order", c.jobs, c.shards, all, c.jobs-1)
		}
	}
}

// span returns 0, 1, …, n−1.
func span(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// gobBytes encodes results, to compare them exactly (NaN included).
func gobBytes(t *testing.T, rs []*models.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(rs); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPartsMerge: the parts of every shard, written and read back and
// merged, give exactly the results of one run; parts that do not make one
// experiment are refused, saying why.
func TestPartsMerge(t *testing.T) {
	cfg := reportWorld()
	const reps, shards = 5, 3
	whole, err := models.RunReplications(cfg, reps, 1)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	spec := []byte("the experiment")
	var paths []string
	for k := range shards {
		s := Shard{k, shards}
		p := &Part{Format: ShardFormat, Version: "test", Kind: "run", Shard: s, Jobs: reps, Spec: spec}
		for _, j := range s.JobsOf("run", reps) {
			res, err := models.Run(cfg, j)
			if err != nil {
				t.Fatal(err)
			}
			p.Results = append(p.Results, res)
		}
		path, err := WritePart(dir, p, false)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
		if _, err := WritePart(dir, p, false); !errors.As(err, new(*ExistsError)) {
			t.Errorf("writing shard %s again: %v, want it refused", s, err)
		}
	}
	files, err := PartFiles(dir)
	if err != nil || !slices.Equal(files, paths) {
		t.Fatalf("PartFiles: %v, %v; want %v", files, err, paths)
	}
	read := func(names []string) []*Part {
		var parts []*Part
		for _, name := range names {
			p, err := ReadPart(name)
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, p)
		}
		return parts
	}
	// In any order.
	rev := slices.Clone(files)
	slices.Reverse(rev)
	first, merged, err := MergeParts(read(rev), rev)
	if err != nil {
		t.Fatal(err)
	}
	if first.Kind != "run" || string(first.Spec) != "the experiment" {
		t.Errorf("merged part: %s, %q", first.Kind, first.Spec)
	}
	if !bytes.Equal(gobBytes(t, merged), gobBytes(t, whole)) {
		t.Error("the merged results differ from one run's")
	}

	// A missing shard, a shard twice, a part of another experiment.
	if _, _, err := MergeParts(read(files[:2]), files[:2]); err == nil || !strings.Contains(err.Error(), "shard(s) 2 of 3 missing") {
		t.Errorf("a missing shard: %v", err)
	}
	twice := append(slices.Clone(files), files[1])
	if _, _, err := MergeParts(read(twice), twice); err == nil || !strings.Contains(err.Error(), "shard 1/3 again") {
		t.Errorf("a shard twice: %v", err)
	}
	other := read(files)
	other[2].Spec = []byte("another experiment")
	if _, _, err := MergeParts(other, files); err == nil || !strings.Contains(err.Error(), "another experiment than") {
		t.Errorf("a part of another experiment: %v", err)
	}
	// A file that is not a part.
	junk := filepath.Join(t.TempDir(), "part-0-of-1"+ShardPartExt)
	if err := os.WriteFile(junk, []byte("not gob"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadPart(junk); err == nil || !strings.Contains(err.Error(), "not an omnisim part file") {
		t.Errorf("junk: %v", err)
	}
	if _, err := PartFiles(t.TempDir()); err == nil || !strings.Contains(err.Error(), "holds no part files") {
		t.Errorf("an empty folder: %v", err)
	}
}
