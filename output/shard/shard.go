package shard

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

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/internal/input"
	"github.com/omnisim/omnisim/output"
)

// A part file is the I/O of an experiment.Part: a shard's results with
// the experiment they belong to (parthead.go has its layout).

// WritePart writes p into the folder dir as its shard's part file,
// atomically: into a temporary file beside it, renamed when complete. An
// existing part file is replaced only when force is true. It returns the
// file's path. The file's header carries the SHA-256 of its payload, so
// that a damaged part is refused by name.
func WritePart(dir string, p *experiment.Part, force bool) (path string, err error) {
	if err := p.Check(); err != nil {
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
			return "", &output.ExistsError{Dir: path}
		}
	}
	err = output.WriteFileAtomic(path, func(w io.Writer) error {
		fail := func(err error) error { return fmt.Errorf("output: writing %s: %w", path, err) }
		// The header's place first, filled in once the payload's size and
		// checksum are known.
		if _, err := w.Write(make([]byte, partHeaderSize)); err != nil {
			return fail(err)
		}
		sum := sha256.New()
		counted := &countingWriter{w: io.MultiWriter(w, sum)}
		payload := bufio.NewWriterSize(counted, 1<<16)
		payload.Write(p.Spec)
		if err := gob.NewEncoder(payload).Encode(p.Results); err != nil {
			return fail(err)
		}
		if err := payload.Flush(); err != nil {
			return fail(err)
		}
		h := partHeader{Version: p.Version, Kind: p.Kind, Shard: int64(p.Shard.Index), Shards: int64(p.Shard.Count),
			Jobs: int64(p.Jobs), Results: int64(len(p.Results)), SpecBytes: int64(len(p.Spec)), PayloadBytes: counted.n,
			SHA256: hex.EncodeToString(sum.Sum(nil))}
		head, err := h.encode()
		if err != nil {
			return err
		}
		// output.WriteFileAtomic's writer writes at an offset too.
		if _, err := w.(io.WriterAt).WriteAt(head, 0); err != nil {
			return fail(err)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	return path, nil
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

// Write writes b through, counting what was written.
func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// ReadPart reads one part file. Its header is checked first, field by
// field (readPartHeader, partHeader.check), then its payload against the
// header's checksum; only then are the results decoded. A file that is not
// a part, or a damaged one, gives a *PartError naming it.
func ReadPart(path string) (*experiment.Part, error) {
	return openPart(path, true)
}

// ReadPartHead reads one part file as ReadPart does, checking its header
// and its checksum, but not its results, which it leaves out: what merge
// checks every part against the others with, before it reads any part's
// results.
func ReadPartHead(path string) (*experiment.Part, error) {
	return openPart(path, false)
}

// openPart reads the part file at path, its results too when results is
// true.
func openPart(path string, results bool) (*experiment.Part, error) {
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
func readPart(path string, f io.ReaderAt, size int64, results bool) (*experiment.Part, error) {
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
	p := &experiment.Part{Format: experiment.ShardFormat, Version: h.Version, Kind: h.Kind, Shard: experiment.Shard{Index: int(h.Shard), Count: int(h.Shards)}, Jobs: int(h.Jobs),
		Spec: make([]byte, h.SpecBytes)}
	if _, err := f.ReadAt(p.Spec, headerLen); err != nil {
		return nil, fmt.Errorf("output: reading %s: %w", path, err)
	}
	if !results {
		if err := p.CheckShare(); err != nil {
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
	if err := p.Check(); err != nil {
		return nil, damaged(path, "%v", err)
	}
	return p, nil
}

var partName = regexp.MustCompile(`^part-\d+-of-\d+` + regexp.QuoteMeta(experiment.ShardPartExt) + `$`)

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
		return nil, fmt.Errorf("%s holds no part files (%s)", arg, "part-K-of-N"+experiment.ShardPartExt)
	}
	return files, nil
}
