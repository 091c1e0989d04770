package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output/shard"
)

// TestShardMerge: the shards of a run, merged, give exactly what one
// machine writes: stdout and the output folder, byte for byte but for the
// command line each folder records (its scenario.yaml included). Merge
// refuses parts that do not make a whole.
func TestShardMerge(t *testing.T) {
	tmp := t.TempDir()
	parts := filepath.Join(tmp, "parts")
	base := args("run", "word-of-mouth", "--reps", "5", "--set", "horizon=8d")
	for _, k := range []string{"2/3", "0/3", "1/3"} {
		r := omnisim(t, args(base, "--shard", k, "--out", parts, "-j", "1")...)
		if r.code != exitOK || r.stdout != "" || !strings.Contains(r.stderr, "omnisim: shard "+k) {
			t.Fatalf("shard %s: status %d, stdout %q, stderr %q", k, r.code, r.stdout, r.stderr)
		}
	}
	merged := omnisim(t, "merge", parts, "--out", filepath.Join(tmp, "merged"), "--days")
	whole := omnisim(t, args(base, "--out", filepath.Join(tmp, "whole"), "--days")...)
	if merged.code != exitOK || whole.code != exitOK {
		t.Fatalf("merge: %d %s; run: %d %s", merged.code, merged.stderr, whole.code, whole.stderr)
	}
	if merged.stdout != whole.stdout {
		t.Errorf("merged stdout differs from one machine's:\n%s", firstDiff(merged.stdout, whole.stdout))
	}
	compareFolders(t, filepath.Join(tmp, "merged"), filepath.Join(tmp, "whole"))

	// Again into the same folder: refused unless --force.
	again := omnisim(t, args(base, "--shard", "1/3", "--out", parts)...)
	if again.code != exitInput || !strings.Contains(again.stderr, "part-1-of-3.omnisim-part already exists") {
		t.Errorf("a shard again: %d %q", again.code, again.stderr)
	}
	if r := omnisim(t, args(base, "--shard", "1/3", "--out", parts, "--force")...); r.code != exitOK {
		t.Errorf("--force: %d %q", r.code, r.stderr)
	}

	// A missing part; parts of another run.
	missing := omnisim(t, "merge", filepath.Join(parts, "part-0-of-3.omnisim-part"), "--no-out")
	if missing.code != exitInput || !strings.Contains(missing.stderr, "shard(s) 1, 2 of 3 missing") {
		t.Errorf("missing parts: %d %q", missing.code, missing.stderr)
	}
	other := filepath.Join(tmp, "other")
	if r := omnisim(t, "run", "word-of-mouth", "--reps", "5", "--set", "horizon=8d", "--seed", "9", "--shard", "1/3", "--out", other); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	mixed := omnisim(t, "merge", filepath.Join(parts, "part-0-of-3.omnisim-part"), filepath.Join(other, "part-1-of-3.omnisim-part"),
		filepath.Join(parts, "part-2-of-3.omnisim-part"), "--no-out")
	if mixed.code != exitInput || !strings.Contains(mixed.stderr, "a part of another experiment") {
		t.Errorf("mixed parts: %d %q", mixed.code, mixed.stderr)
	}
}

// TestMergeReadsInOrder: a run's parts hold blocks of consecutive
// replications, so merge, reading them one part at a time in shard order,
// hands the replications on in order (0 to 6 here, from 3 parts given in
// any order), as the batches need them.
func TestMergeReadsInOrder(t *testing.T) {
	parts := filepath.Join(t.TempDir(), "parts")
	for _, k := range []string{"1/3", "2/3", "0/3"} {
		if r := omnisim(t, "run", "textbook", "--reps", "7", "--set", "horizon=2h", "--shard", k, "--out", parts, "-j", "1"); r.code != exitOK {
			t.Fatalf("shard %s: %s", k, r.stderr)
		}
	}
	names, err := shard.PartFiles(parts)
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(names)
	var heads []*experiment.Part
	for _, name := range names {
		p, err := shard.ReadPartHead(name)
		if err != nil {
			t.Fatal(err)
		}
		if p.Results != nil {
			t.Errorf("%s: its head read its results too", name)
		}
		heads = append(heads, p)
	}
	first, order, err := experiment.CheckParts(heads, names)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	err = readParts(names, order, first, func(j int, r *models.Result) {
		if r.Replication != j {
			t.Errorf("job %d holds replication %d", j, r.Replication)
		}
		got = append(got, j)
	})
	if err != nil || !slices.Equal(got, []int{0, 1, 2, 3, 4, 5, 6}) {
		t.Errorf("read jobs %v (%v), want 0 to 6 in order", got, err)
	}
}

func TestShardErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		msg  string
	}{
		{args("--shard", "0/2"), "--shard needs --out DIR"},
		{args("--shard", "2/2", "--out", dir), "from 0 to 1"},
		{args("--shard", "auto/2", "--out", dir), "neither is set"},
		{args("--shard", "0/2", "--out", dir, "--json"), "give --json, --intervals or --days to omnisim merge"},
		{args("--shard", "0/2", "--out", dir, "--precision", "phone.p_wait=1%"), "cannot go with --precision"},
	}
	for _, tt := range tests {
		r := omnisim(t, args("run", "textbook", "--reps", "2", tt.args)...)
		if r.code != exitInput || !strings.Contains(r.stderr, tt.msg) {
			t.Errorf("%v: status %d, stderr %q; want %d and %q", tt.args, r.code, r.stderr, exitInput, tt.msg)
		}
	}
	if r := omnisim(t, "merge", t.TempDir(), "--no-out"); r.code != exitInput || !strings.Contains(r.stderr, "holds no part files") {
		t.Errorf("merge of an empty folder: %d %q", r.code, r.stderr)
	}
}

// TestSweepShardMerge: the shards of a sweep, merged, give exactly what
// one machine writes.
func TestSweepShardMerge(t *testing.T) {
	tmp := t.TempDir()
	parts := filepath.Join(tmp, "parts")
	base := args("sweep", "textbook", "--vary", "pools.agents.agents=12..14", "--reps", "3", "--set", "horizon=1d")
	for _, k := range []string{"1/2", "0/2"} {
		if r := omnisim(t, args(base, "--shard", k, "--out", parts)...); r.code != exitOK || r.stdout != "" {
			t.Fatalf("shard %s: status %d, stdout %q, stderr %q", k, r.code, r.stdout, r.stderr)
		}
	}
	merged := omnisim(t, "merge", parts, "--out", filepath.Join(tmp, "merged"))
	whole := omnisim(t, args(base, "--out", filepath.Join(tmp, "whole"))...)
	if merged.code != exitOK || whole.code != exitOK || merged.stdout != whole.stdout {
		t.Fatalf("merge: %d %s; sweep: %d %s; stdouts equal: %v", merged.code, merged.stderr, whole.code, whole.stderr, merged.stdout == whole.stdout)
	}
	compareFolders(t, filepath.Join(tmp, "merged"), filepath.Join(tmp, "whole"))
	if r := omnisim(t, args(base, "--shard", "0/2")...); r.code != exitInput || !strings.Contains(r.stderr, "--shard needs --out DIR") {
		t.Errorf("sweep --shard without --out: %d %q", r.code, r.stderr)
	}
}
