package output

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
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

// ShardFormat is the version of the part files' layout, and of how the
// jobs are shared out (Shard.JobsOf): 3 gives a run's shards blocks of
// consecutive replications.
const ShardFormat = 3

// ShardPartExt is the extension of a part file.
const ShardPartExt = ".omnisim-part"

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

// MaxShards is the most shards a run or a sweep may be split into: one
// replication each of the most a run may have.
const MaxShards = 100_000

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

// blockStart returns the first job of a run's shard index of count, of
// jobs jobs: index·jobs÷count, rounded down. The caps on shards and jobs
// keep the product far from overflowing.
func blockStart(index, count, jobs int64) int64 {
	return index * jobs / count
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
// file's path. The file's header carries the SHA-256 of its payload, so
// that a damaged part is refused by name.
func WritePart(dir string, p *Part, force bool) (path string, err error) {
	if err := p.check(); err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	if len(p.Version) > maxPartVersion || len(p.Spec) == 0 {
		return "", fmt.Errorf("output: shard %s: a version of %d bytes and a spec of %d", p.Shard, len(p.Version), len(p.Spec))
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
	tmp, err := createBeside(path, "tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			removeTemp(tmp.Name())
		}
	}()
	fail := func(err error) (string, error) { return "", fmt.Errorf("output: writing %s: %w", path, err) }
	// The header's place first, filled in once the payload's size and
	// checksum are known.
	if _, err := tmp.Write(make([]byte, partHeaderSize)); err != nil {
		return fail(err)
	}
	sum := sha256.New()
	counted := &countingWriter{w: io.MultiWriter(tmp, sum)}
	w := bufio.NewWriterSize(counted, 1<<16)
	w.Write(p.Spec)
	if err := gob.NewEncoder(w).Encode(p.Results); err != nil {
		return fail(err)
	}
	if err := w.Flush(); err != nil {
		return fail(err)
	}
	h := partHeader{Version: p.Version, Kind: p.Kind, Shard: int64(p.Shard.Index), Shards: int64(p.Shard.Count),
		Jobs: int64(p.Jobs), Results: int64(len(p.Results)), SpecBytes: int64(len(p.Spec)), PayloadBytes: counted.n,
		SHA256: hex.EncodeToString(sum.Sum(nil))}
	head, err := h.encode()
	if err != nil {
		return "", err
	}
	if _, err := tmp.WriteAt(head, 0); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	if err := renameTemp(tmp.Name(), path); err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	return path, nil
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// ReadPart reads one part file. Its header is checked first, field by
// field (readPartHeader, partHeader.check), then its payload against the
// header's checksum; only then are the results decoded. A file that is not
// a part, or a damaged one, gives a *PartError naming it.
func ReadPart(path string) (*Part, error) {
	return openPart(path, true)
}

// ReadPartHead reads one part file as ReadPart does, checking its header
// and its checksum, but not its results, which it leaves out: what merge
// checks every part against the others with, before it reads any part's
// results.
func ReadPartHead(path string) (*Part, error) {
	return openPart(path, false)
}

// openPart reads the part file at path, its results too when results is
// true.
func openPart(path string, results bool) (*Part, error) {
	f, err := input.Open(path, "part file")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return readPart(path, f, info.Size(), results)
}

// readPart reads a part file of size bytes from f, its results when
// results is true; path names it in messages.
func readPart(path string, f io.ReaderAt, size int64, results bool) (*Part, error) {
	br := bufio.NewReaderSize(io.NewSectionReader(f, 0, min(size, partHeaderLimit+128)), 512)
	h, headerLen, err := readPartHeader(path, br)
	if headerLen == 0 {
		return nil, err
	}
	if err := errors.Join(h.check(path, size, headerLen), err); err != nil {
		return nil, err
	}
	sum := sha256.New()
	if _, err := io.Copy(sum, io.NewSectionReader(f, headerLen, h.PayloadBytes)); err != nil {
		return nil, fmt.Errorf("output: reading %s: %w", path, err)
	}
	if hex.EncodeToString(sum.Sum(nil)) != h.SHA256 {
		return nil, damaged(path, "its checksum does not match")
	}
	p := &Part{Format: ShardFormat, Version: h.Version, Kind: h.Kind, Shard: Shard{Index: int(h.Shard), Count: int(h.Shards)}, Jobs: int(h.Jobs),
		Spec: make([]byte, h.SpecBytes)}
	if _, err := f.ReadAt(p.Spec, headerLen); err != nil {
		return nil, fmt.Errorf("output: reading %s: %w", path, err)
	}
	if !results {
		if err := p.checkShare(); err != nil {
			return nil, damaged(path, "%v", err)
		}
		return p, nil
	}
	rest := bufio.NewReaderSize(io.NewSectionReader(f, headerLen+h.SpecBytes, h.PayloadBytes-h.SpecBytes), 1<<16)
	if err := gob.NewDecoder(rest).Decode(&p.Results); err != nil {
		return nil, damaged(path, "its results cannot be read (%v)", err)
	}
	if _, err := rest.ReadByte(); err != io.EOF {
		return nil, damaged(path, "it holds more after its results")
	}
	if err := p.check(); err != nil {
		return nil, damaged(path, "%v", err)
	}
	return p, nil
}

// check checks a part's fields against each other and against the caps,
// computing rather than listing its shard's jobs, so that nothing is
// allocated for numbers it claims.
func (p *Part) check() error {
	if err := p.checkShare(); err != nil {
		return err
	}
	s := p.Shard
	if want := jobsOf(p.Kind, int64(s.Index), int64(s.Count), int64(p.Jobs)); int64(len(p.Results)) != want {
		return fmt.Errorf("shard %s of %d jobs has %d results, want %d", s, p.Jobs, len(p.Results), want)
	}
	if slices.Contains(p.Results, nil) {
		return fmt.Errorf("shard %s has a missing result", s)
	}
	return nil
}

// checkShare checks a part's shard and jobs against each other and the
// caps.
func (p *Part) checkShare() error {
	s := p.Shard
	switch {
	case s.Count < 1 || s.Count > MaxShards:
		return fmt.Errorf("%d shards, where an experiment has from 1 to %d", s.Count, MaxShards)
	case s.Index < 0 || s.Index >= s.Count:
		return fmt.Errorf("shard %d of %d", s.Index, s.Count)
	case p.Jobs < 0 || p.Jobs > maxPartJobs:
		return fmt.Errorf("%d jobs, where an experiment has at most %d", p.Jobs, int64(maxPartJobs))
	}
	return nil
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
		return nil, nil, &PartError{Msg: "no parts to merge"}
	}
	var errs []error
	for i, p := range parts {
		if err := p.check(); err != nil {
			errs = append(errs, damaged(names[i], "%v", err))
		}
	}
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	first, _, err := CheckParts(parts, names)
	if err != nil {
		return nil, nil, err
	}
	results := make([]*models.Result, first.Jobs)
	for _, p := range parts {
		for i, j := range p.Shard.JobsOf(p.Kind, p.Jobs) {
			results[j] = p.Results[i]
		}
	}
	return first, results, nil
}

// CheckParts checks that parts, their heads at least (ReadPartHead), are
// every shard of one experiment, each once, and returns the first part
// (for its Kind and Spec) and the parts' indices in shard order: a run's
// replications in order, part after part. Every problem is reported at
// once.
func CheckParts(parts []*Part, names []string) (*Part, []int, error) {
	if len(parts) == 0 {
		return nil, nil, &PartError{Msg: "no parts to merge"}
	}
	var errs []error
	for i, p := range parts {
		if err := p.checkShare(); err != nil {
			errs = append(errs, damaged(names[i], "%v", err))
		}
	}
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	first := parts[0]
	fp := first.Fingerprint()
	seen := make([]string, first.Shard.Count)
	for i, p := range parts {
		switch {
		case p.Version != first.Version:
			errs = append(errs, &PartError{Path: names[i], Msg: fmt.Sprintf("was written by omnisim %s, and %s by %s: merge parts of one version", p.Version, names[0], first.Version)})
		case p.Kind != first.Kind || p.Shard.Count != first.Shard.Count || p.Fingerprint() != fp:
			errs = append(errs, &PartError{Path: names[i], Msg: fmt.Sprintf("is a part of another experiment than %s (%s of %d shards, against %s of %d)",
				names[0], p.Kind, p.Shard.Count, first.Kind, first.Shard.Count)})
		case seen[p.Shard.Index] != "":
			errs = append(errs, &PartError{Path: names[i], Msg: fmt.Sprintf("holds shard %s again (also in %s)", p.Shard, seen[p.Shard.Index])})
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
		errs = append(errs, &PartError{Msg: fmt.Sprintf("shard(s) %s of %d missing: merge needs every part", strings.Join(missing, ", "), first.Shard.Count)})
	}
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	order := make([]int, len(parts))
	for i, p := range parts {
		order[p.Shard.Index] = i
	}
	return first, order, nil
}
