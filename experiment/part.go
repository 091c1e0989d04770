package experiment

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/models"
)

// Part is what a shard writes: the experiment it belongs to and the
// results of its jobs. output/shard's WritePart and ReadPart keep it in a
// part file.
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

// Check checks a part's fields against each other and against the caps
// (CheckShare), and that it holds a result for each of its shard's jobs,
// computing rather than listing them, so that nothing is allocated for
// numbers it claims.
func (p *Part) Check() error {
	if err := p.CheckShare(); err != nil {
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

// CheckShare checks a part's shard and jobs against each other and the
// caps (MaxShards, MaxJobs).
func (p *Part) CheckShare() error {
	s := p.Shard
	switch {
	case s.Count < 1 || s.Count > MaxShards:
		return fmt.Errorf("%d shards, where an experiment has from 1 to %d", s.Count, MaxShards)
	case s.Index < 0 || s.Index >= s.Count:
		return fmt.Errorf("shard %d of %d", s.Index, s.Count)
	case p.Jobs < 0 || p.Jobs > MaxJobs:
		return fmt.Errorf("%d jobs, where an experiment has at most %d", p.Jobs, int64(MaxJobs))
	}
	return nil
}

// PartError is a part file that cannot be merged: not a part file, of
// another format, damaged, or not of the same experiment as the others.
// It is bad input, not a failure.
type PartError struct {
	// Path is the part file ("" for a problem of the parts together);
	// Msg says what is wrong with it, in words.
	Path, Msg string
}

// Error says what is wrong, after the part file's path when there is one.
func (e *PartError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + " " + e.Msg
}

// Damaged returns the error for the part file at path whose contents
// cannot be trusted, saying why.
func Damaged(path, format string, args ...any) error {
	return &PartError{Path: path, Msg: "is damaged: " + fmt.Sprintf(format, args...)}
}

// MergeParts checks that parts are every shard of one experiment, each
// once, and returns the first part (for its Kind and Spec) and every
// job's result in job order. names are the parts' files, for the
// messages. Every problem is reported at once.
func MergeParts(parts []*Part, names []string) (*Part, []*models.Result, error) {
	if len(parts) == 0 {
		return nil, nil, &PartError{Msg: "no parts to merge"}
	}
	var errs []error
	for i, p := range parts {
		if err := p.Check(); err != nil {
			errs = append(errs, Damaged(names[i], "%v", err))
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

// CheckParts checks that parts, their heads at least (output/shard's ReadPartHead),
// are every shard of one experiment, each once, and returns the first part
// (for its Kind and Spec) and the parts' indices in shard order: a run's
// replications in order, part after part. Every problem is reported at
// once.
func CheckParts(parts []*Part, names []string) (*Part, []int, error) {
	if len(parts) == 0 {
		return nil, nil, &PartError{Msg: "no parts to merge"}
	}
	var errs []error
	for i, p := range parts {
		if err := p.CheckShare(); err != nil {
			errs = append(errs, Damaged(names[i], "%v", err))
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
