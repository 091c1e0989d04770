package shard

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/omnisim/omnisim/experiment"
)

// A part file is text first and then bytes:
//
//	omnisim-part 2
//	{"version":"0.1.0","kind":"run","shard":0,"shards":3,"jobs":100,"results":34,"spec_bytes":5120,"payload_bytes":90112,"sha256":"…"}
//	payload: the spec's bytes, then the results (encoding/gob)
//
// The header line is padded with spaces to partHeaderSize bytes from the
// start of the file, so that the writer can fill it in once the payload
// and its checksum are known. A reader checks every field of the header,
// against the caps below, against each other and against the file's size,
// and the payload against its SHA-256, before it allocates anything for the
// results: a damaged part, or one claiming 9e18 shards or 1e15 jobs, is
// refused at once, by name, and never decoded.

// partMagic is the first line of a part file, with ShardFormat.
const partMagic = "omnisim-part"

// partHeaderSize is the length of a part file's two header lines,
// padding included; a header line longer than partHeaderLimit is refused
// before it is parsed.
const (
	partHeaderSize  = 1024
	partHeaderLimit = 4096
)

// maxPartVersion is the longest version a part may name: the caps on
// what a part file may claim besides experiment.MaxShards and
// experiment.MaxJobs, checked before anything is allocated.
const maxPartVersion = 200

// partHeader is the header line of a part file.
type partHeader struct {
	Version      string `json:"version"`
	Kind         string `json:"kind"`
	Shard        int64  `json:"shard"`
	Shards       int64  `json:"shards"`
	Jobs         int64  `json:"jobs"`
	Results      int64  `json:"results"`
	SpecBytes    int64  `json:"spec_bytes"`
	PayloadBytes int64  `json:"payload_bytes"`
	SHA256       string `json:"sha256"`
}

// damaged is the error for a part file whose contents cannot be trusted
// (experiment.Damaged).
func damaged(path, format string, args ...any) error {
	return experiment.Damaged(path, format, args...)
}

// readPartHeader reads a part file's two header lines from r and returns
// the header and the number of bytes the lines took; 0 with an error when
// the header cannot be checked further. An error with a length is a
// header of fields it does not know, to be reported with what check
// finds.
func readPartHeader(path string, r *bufio.Reader) (partHeader, int64, error) {
	var h partHeader
	magic, err := readLine(r, 64)
	if err != nil || !strings.HasPrefix(magic, partMagic+" ") {
		return h, 0, &experiment.PartError{Path: path, Msg: "is not an omnisim part file (its first line is not \"" + partMagic + " " + strconv.Itoa(experiment.ShardFormat) + "\")"}
	}
	if f := strings.TrimPrefix(magic, partMagic+" "); f != strconv.Itoa(experiment.ShardFormat) {
		return h, 0, &experiment.PartError{Path: path, Msg: fmt.Sprintf("is a part file of format %q, and this omnisim reads format %d: merge with the omnisim that wrote it", f, experiment.ShardFormat)}
	}
	line, err := readLine(r, partHeaderLimit)
	if err != nil {
		return h, 0, damaged(path, "its header %v", err)
	}
	h, fields, err := parsePartHeader(path, line)
	if fields != nil {
		return h, 0, errors.Join(fields, err)
	}
	return h, int64(len(magic) + 1 + len(line) + 1), err
}

// parsePartHeader parses a part file's header line, every field by name,
// and says in words which is wrong: fields are the problems of the fields
// it needs (the header cannot be checked further), unknown the fields it
// does not know.
func parsePartHeader(path, line string) (h partHeader, fields, unknown error) {
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(strings.NewReader(line))
	if err := dec.Decode(&raw); err != nil || raw == nil {
		return h, damaged(path, "its header is not a JSON object"), nil
	}
	if _, err := dec.Token(); err != io.EOF {
		return h, damaged(path, "its header has more after its closing brace"), nil
	}
	var errs []error
	text := func(key string, to *string) {
		v, ok := raw[key]
		if !ok {
			errs = append(errs, damaged(path, "its header lacks %s", key))
			return
		}
		if json.Unmarshal(v, to) != nil {
			errs = append(errs, damaged(path, "its header's %s is %s, not a text", key, clip(string(v))))
		}
	}
	number := func(key string, to *int64) {
		v, ok := raw[key]
		if !ok {
			errs = append(errs, damaged(path, "its header lacks %s", key))
			return
		}
		n, err := strconv.ParseInt(string(v), 10, 64)
		if err != nil {
			errs = append(errs, damaged(path, "its header's %s is %s, not a whole number", key, clip(string(v))))
		}
		*to = n
	}
	text("version", &h.Version)
	text("kind", &h.Kind)
	number("shard", &h.Shard)
	number("shards", &h.Shards)
	number("jobs", &h.Jobs)
	number("results", &h.Results)
	number("spec_bytes", &h.SpecBytes)
	number("payload_bytes", &h.PayloadBytes)
	if _, ok := raw["sha256"]; ok {
		text("sha256", &h.SHA256)
	}
	var others []string
	for key := range raw {
		switch key {
		case "version", "kind", "shard", "shards", "jobs", "results", "spec_bytes", "payload_bytes", "sha256":
		default:
			others = append(others, strconv.Quote(clip(key)))
		}
	}
	if len(others) > 0 {
		slices.Sort(others)
		unknown = damaged(path, "its header has unknown fields %s", strings.Join(others, ", "))
	}
	return h, errors.Join(errs...), unknown
}

// readLine reads a line of at most limit bytes, without its newline.
func readLine(r *bufio.Reader, limit int) (string, error) {
	var b []byte
	for {
		c, err := r.ReadByte()
		if err == io.EOF {
			return "", errors.New("ends before its line does")
		}
		if err != nil {
			return "", err
		}
		if c == '\n' {
			return string(b), nil
		}
		if len(b) >= limit {
			return "", fmt.Errorf("is longer than %d bytes", limit)
		}
		b = append(b, c)
	}
}

// check returns every problem of a part file's header h, given the file's
// size and the length of its header lines: each field within its cap,
// the fields consistent with each other and with the file's size. It
// allocates nothing that the header's numbers decide.
func (h *partHeader) check(path string, size, headerLen int64) error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, damaged(path, format, args...)) }
	switch {
	case h.Version == "":
		bad("its header names no omnisim version")
	case len(h.Version) > maxPartVersion || !utf8.ValidString(h.Version) || strings.ContainsFunc(h.Version, isControl):
		bad("its header's version is not a version (%d bytes)", len(h.Version))
	}
	if h.Kind != "run" && h.Kind != "sweep" {
		bad("its header's kind is %q, where a part is of a run or a sweep", clip(h.Kind))
	}
	shardsOK := h.Shards >= 1 && h.Shards <= experiment.MaxShards
	if !shardsOK {
		bad("it claims %d shards, where an experiment has from 1 to %d", h.Shards, experiment.MaxShards)
	}
	if shardsOK && (h.Shard < 0 || h.Shard >= h.Shards) {
		bad("it claims to be shard %d of %d, where shards are numbered from 0 to %d", h.Shard, h.Shards, h.Shards-1)
	}
	jobsOK := h.Jobs >= 1 && h.Jobs <= experiment.MaxJobs
	if !jobsOK {
		bad("it claims %d jobs, where an experiment has from 1 to %d", h.Jobs, int64(experiment.MaxJobs))
	}
	if shardsOK && jobsOK && h.Shard >= 0 && h.Shard < h.Shards {
		if want := int64((experiment.Shard{Index: int(h.Shard), Count: int(h.Shards)}).Size(h.Kind, int(h.Jobs))); h.Results != want {
			bad("as shard %d/%d of %d jobs it must hold %d results, and its header says %d", h.Shard, h.Shards, h.Jobs, want, h.Results)
		}
	}
	if size-headerLen != h.PayloadBytes {
		if size-headerLen < h.PayloadBytes {
			bad("it holds %d bytes after its header, where its header says %d: it was cut short", size-headerLen, h.PayloadBytes)
		} else {
			bad("it holds %d bytes after its header, where its header says %d", size-headerLen, h.PayloadBytes)
		}
	}
	switch {
	case h.SpecBytes < 1 || h.SpecBytes > h.PayloadBytes:
		bad("its header says the experiment takes %d bytes of %d", h.SpecBytes, h.PayloadBytes)
	case h.Results < 0 || h.Results > h.PayloadBytes-h.SpecBytes:
		// Every result takes at least a byte.
		bad("its header says it holds %d results in %d bytes", h.Results, h.PayloadBytes-h.SpecBytes)
	}
	switch {
	case h.SHA256 == "":
		bad("its checksum is missing")
	case len(h.SHA256) != 64 || strings.Trim(h.SHA256, "0123456789abcdef") != "":
		bad("its checksum is not a SHA-256 in hex")
	}
	return errors.Join(errs...)
}

// isControl tells whether r is a control character, which no version has.
func isControl(r rune) bool { return r < ' ' || r == 0x7f }

// clip shortens s for a message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// encode writes h as a part file's two header lines, padded with spaces to
// partHeaderSize bytes.
func (h *partHeader) encode() ([]byte, error) {
	line, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	b := []byte(partMagic + " " + strconv.Itoa(experiment.ShardFormat) + "\n")
	b = append(b, line...)
	if len(b)+1 > partHeaderSize {
		return nil, fmt.Errorf("output: a part's header takes %d bytes, more than %d", len(b)+1, partHeaderSize)
	}
	b = append(b, bytes.Repeat([]byte(" "), partHeaderSize-len(b)-1)...)
	return append(b, '\n'), nil
}
