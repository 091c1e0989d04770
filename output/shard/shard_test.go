package shard

import (
	"bytes"
	"encoding/gob"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

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
	cfg := fixture.ReportWorld()
	const reps, shards = 5, 3
	whole, err := experiment.Run{Config: cfg, Reps: experiment.Span(0, reps), Workers: 1}.Results()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	spec := []byte("the experiment")
	var paths []string
	for k := range shards {
		s := experiment.Shard{Index: k, Count: shards}
		p := &experiment.Part{Format: experiment.ShardFormat, Version: "test", Kind: "run", Shard: s, Jobs: reps, Spec: spec}
		if p.Results, err = (experiment.Run{Config: cfg, Reps: s.JobsOf("run", reps), Workers: 1}).Results(); err != nil {
			t.Fatal(err)
		}
		path, err := WritePart(dir, p, false)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
		if _, err := WritePart(dir, p, false); !errors.As(err, new(*output.ExistsError)) {
			t.Errorf("writing shard %s again: %v, want it refused", s, err)
		}
	}
	files, err := PartFiles(dir)
	if err != nil || !slices.Equal(files, paths) {
		t.Fatalf("PartFiles: %v, %v; want %v", files, err, paths)
	}
	read := func(names []string) []*experiment.Part {
		var parts []*experiment.Part
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
	first, merged, err := experiment.MergeParts(read(rev), rev)
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
	if _, _, err := experiment.MergeParts(read(files[:2]), files[:2]); err == nil || !strings.Contains(err.Error(), "shard(s) 2 of 3 missing") {
		t.Errorf("a missing shard: %v", err)
	}
	twice := append(slices.Clone(files), files[1])
	if _, _, err := experiment.MergeParts(read(twice), twice); err == nil || !strings.Contains(err.Error(), "shard 1/3 again") {
		t.Errorf("a shard twice: %v", err)
	}
	other := read(files)
	other[2].Spec = []byte("another experiment")
	if _, _, err := experiment.MergeParts(other, files); err == nil || !strings.Contains(err.Error(), "another experiment than") {
		t.Errorf("a part of another experiment: %v", err)
	}
	// A file that is not a part.
	junk := filepath.Join(t.TempDir(), "part-0-of-1"+experiment.ShardPartExt)
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
