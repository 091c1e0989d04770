package output

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/internal/input"
	"github.com/omnisim/omnisim/models"
)

// An experiment (the replications of a run, or the points and replications
// of a sweep) is a numbered list of jobs, each one replication of one
// world. To run it on several machines, each runs the jobs of its shard
// and writes them to a part file; merging the parts gives back every job's
// result, and from them exactly the output one machine would have written.

// ShardFormat is the version of the part files' layout.
const ShardFormat = 1

// ShardPartExt is the extension of a part file.
const ShardPartExt = ".omnisim-part"

// Shard names a share of an experiment's jobs: shard Index of Count
// (from 0), the jobs j with j mod Count = Index. Dealing the jobs out in
// turn keeps the shards' work alike when later jobs cost more.
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

// MaxShards is the most shards a run or a sweep may be split into: one
// replication each of the most a run may have.
const MaxShards = 100_000

// String writes the shard as K/N.
func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// Jobs returns the shard's jobs of an experiment of n jobs, in order.
func (s Shard) Jobs(n int) []int {
	var jobs []int
	for j := s.Index; j < n; j += s.Count {
		jobs = append(jobs, j)
	}
	return jobs
}

// PartName is the name of the shard's part file in the parts folder:
// part-03-of-16.omnisim-part. The numbers are padded so that the files
// sort in order.
func (s Shard) PartName() string {
	w := len(strconv.Itoa(s.Count - 1))
	return fmt.Sprintf("part-%0*d-of-%d%s", w, s.Index, s.Count, ShardPartExt)
}

// Part is what a shard writes: the experiment it belongs to and the
// results of its jobs.
type Part struct {
	// Format is ShardFormat.
	Format int
	// Version is the omnisim version that ran the shard; parts merge only
	// with parts of the same version.
	Version string
	// Kind is the command that ran: "run" or "sweep".
	Kind string
	// Shard is the share of the jobs this part ran.
	Shard Shard
	// Jobs is the number of jobs of the whole experiment.
	Jobs int
	// Spec is what the command needs to make its output from the results,
	// as the command encodes it (the scenario, the settings, the grid). It
	// is the same in every part of an experiment.
	Spec []byte
	// Results are the results of the shard's jobs, in job order.
	Results []*models.Result
}

// Fingerprint identifies the experiment a part belongs to: parts merge
// only when their fingerprints agree.
func (p *Part) Fingerprint() string {
	h := sha256.New()
	fmt.Fprintf(h, "%d\x00%s\x00%s\x00%d\x00%d\x00", p.Format, p.Version, p.Kind, p.Shard.Count, p.Jobs)
	h.Write(p.Spec)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// WritePart writes p into the folder dir as its shard's part file,
// atomically: into a temporary file beside it, renamed when complete. An
// existing part file is replaced only when force is true. It returns the
// file's path.
func WritePart(dir string, p *Part, force bool) (path string, err error) {
	if got, want := len(p.Results), len(p.Shard.Jobs(p.Jobs)); got != want {
		return "", fmt.Errorf("output: shard %s of %d jobs has %d results, want %d", p.Shard, p.Jobs, got, want)
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	path = filepath.Join(dir, p.Shard.PartName())
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return "", &ExistsError{Dir: path}
		}
	}
	tmp, err := os.CreateTemp(dir, "."+p.Shard.PartName()+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	w := bufio.NewWriterSize(tmp, 1<<16)
	if err := gob.NewEncoder(w).Encode(p); err != nil {
		return "", fmt.Errorf("output: writing %s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		return "", fmt.Errorf("output: writing %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return "", fmt.Errorf("output: writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("output: writing %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	return path, nil
}

// ReadPart reads one part file.
func ReadPart(path string) (*Part, error) {
	f, err := input.Open(path, "part file")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var p Part
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&p); err != nil {
		return nil, fmt.Errorf("%s: not an omnisim part file (%v)", path, err)
	}
	if p.Format != ShardFormat {
		return nil, fmt.Errorf("%s: part file format %d, this omnisim reads %d", path, p.Format, ShardFormat)
	}
	if p.Shard.Count < 1 || p.Shard.Index < 0 || p.Shard.Index >= p.Shard.Count || p.Jobs < 0 ||
		len(p.Results) != len(p.Shard.Jobs(p.Jobs)) || slices.Contains(p.Results, nil) {
		return nil, fmt.Errorf("%s: a damaged part file (shard %s, %d jobs, %d results)", path, p.Shard, p.Jobs, len(p.Results))
	}
	return &p, nil
}

var partName = regexp.MustCompile(`^part-\d+-of-\d+` + regexp.QuoteMeta(ShardPartExt) + `$`)

// PartFiles returns the part files an argument of merge names: the file
// itself, or every part file in a folder, sorted.
func PartFiles(arg string) ([]string, error) {
	info, err := os.Stat(arg)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{arg}, nil
	}
	entries, err := os.ReadDir(arg)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && partName.MatchString(e.Name()) {
			files = append(files, filepath.Join(arg, e.Name()))
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s holds no part files (%s)", arg, "part-K-of-N"+ShardPartExt)
	}
	return files, nil
}

// MergeParts checks that parts are every shard of one experiment, each
// once, and returns the first part (for its Kind and Spec) and every
// job's result in job order. Every problem is reported at once.
func MergeParts(parts []*Part, names []string) (*Part, []*models.Result, error) {
	if len(parts) == 0 {
		return nil, nil, errors.New("no parts to merge")
	}
	first := parts[0]
	fp := first.Fingerprint()
	var errs []error
	seen := make([]string, first.Shard.Count)
	for i, p := range parts {
		switch {
		case p.Version != first.Version:
			errs = append(errs, fmt.Errorf("%s: written by omnisim %s, %s by %s: merge parts of one version", names[i], p.Version, names[0], first.Version))
		case p.Kind != first.Kind || p.Shard.Count != first.Shard.Count || p.Fingerprint() != fp:
			errs = append(errs, fmt.Errorf("%s: a part of another experiment than %s (%s of %d shards, against %s of %d)",
				names[i], names[0], p.Kind, p.Shard.Count, first.Kind, first.Shard.Count))
		case seen[p.Shard.Index] != "":
			errs = append(errs, fmt.Errorf("%s: shard %s again (also in %s)", names[i], p.Shard, seen[p.Shard.Index]))
		default:
			seen[p.Shard.Index] = names[i]
		}
	}
	var missing []string
	for k, name := range seen {
		if name == "" {
			missing = append(missing, strconv.Itoa(k))
		}
	}
	if len(missing) > 0 && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("shard(s) %s of %d missing: merge needs every part", strings.Join(missing, ", "), first.Shard.Count))
	}
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	results := make([]*models.Result, first.Jobs)
	for _, p := range parts {
		for i, j := range p.Shard.Jobs(p.Jobs) {
			results[j] = p.Results[i]
		}
	}
	return first, results, nil
}
