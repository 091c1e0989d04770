package shard

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// testPart writes a small part, shard 1 of 2 of 2 replications of
// reportWorld, and returns its file's bytes.
func testPart(t testing.TB) []byte {
	t.Helper()
	cfg := fixture.ReportWorld()
	cfg.Horizon = 4 * 3600
	p := &experiment.Part{Format: experiment.ShardFormat, Version: "test", Kind: "run", Shard: experiment.Shard{Index: 1, Count: 2}, Jobs: 2, Spec: []byte(`{"the":"experiment"}`)}
	res, err := models.Run(cfg, 1)
	if err != nil {
		t.Fatal(err)
	}
	p.Results = []*models.Result{res}
	path, err := WritePart(t.TempDir(), p, false)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// edit returns data with its first old replaced by new, keeping the
// header's padding, so that the payload stays where it was.
func edit(t testing.TB, data []byte, old, new string) []byte {
	t.Helper()
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("no %q in the part", old)
	}
	out := bytes.Replace(data, []byte(old), []byte(new), 1)
	if d := len(new) - len(old); d > 0 {
		pad := bytes.Index(out, []byte("} ")) + 1
		out = append(out[:pad:pad], out[pad+d:]...)
	}
	return out
}

// TestReadPartRefuses: a damaged part, or one whose header claims what
// cannot be, is refused by name and in words, before anything is
// allocated for what it claims; never a panic.
func TestReadPartRefuses(t *testing.T) {
	good := testPart(t)
	flip := func(at int) []byte {
		b := bytes.Clone(good)
		if at < 0 {
			at += len(b)
		}
		b[at] ^= 1
		return b
	}
	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"a result's byte flipped", flip(-20), []string{"is damaged: its checksum does not match"}},
		{"the spec's byte flipped", flip(partHeaderSize + 2), []string{"is damaged: its checksum does not match"}},
		{"a padding byte flipped", flip(partHeaderSize - 2), []string{"its header has more after its closing brace"}},
		{"cut short", good[:len(good)-7], []string{"after its header, where its header says", "it was cut short"}},
		{"cut in its header", good[:30], []string{"its header ends before its line does"}},
		{"a byte more", append(bytes.Clone(good), 0), []string{"bytes after its header, where its header says"}},
		{"empty", nil, []string{`is not an omnisim part file (its first line is not "omnisim-part 3")`}},
		{"format 1", edit(t, good, "omnisim-part 3", "omnisim-part 1"), []string{`is a part file of format "1"`}},
		{"9e18 shards", edit(t, good, `"shards":2,`, `"shards":9000000000000000000,`),
			[]string{"it claims 9000000000000000000 shards, where an experiment has from 1 to 100000"}},
		{"shards in e-notation", edit(t, good, `"shards":2,`, `"shards":9e18,`), []string{"its header's shards is 9e18, not a whole number"}},
		{"1e15 jobs", edit(t, good, `"jobs":2,`, `"jobs":1000000000000000,`), []string{"it claims 1000000000000000 jobs"}},
		{"more jobs than results", edit(t, good, `"jobs":2,`, `"jobs":3000000,`),
			[]string{"as shard 1/2 of 3000000 jobs it must hold 1500000 results, and its header says 1"}},
		{"shard out of range", edit(t, good, `"shard":1,`, `"shard":2,`), []string{"it claims to be shard 2 of 2"}},
		{"negative shard", edit(t, good, `"shard":1,`, `"shard":-1,`), []string{"it claims to be shard -1 of 2"}},
		{"no checksum", edit(t, good, `"sha256"`, `"sha512"`), []string{"its checksum is missing", `unknown fields "sha512"`}},
		{"a checksum of another", edit(t, good, `"sha256":"`, `"sha256":"0`), []string{"its checksum is not a SHA-256 in hex"}},
		{"spec longer than the payload", edit(t, good, `"spec_bytes":20,`, `"spec_bytes":9999999,`),
			[]string{"its header says the experiment takes 9999999 bytes of"}},
		{"a kind of its own", edit(t, good, `"kind":"run"`, `"kind":"staff"`), []string{`its header's kind is "staff"`}},
		{"no version", edit(t, good, `"version":"test"`, `"version":""`), []string{"its header names no omnisim version"}},
		{"not JSON", edit(t, good, `{"version"`, `["version"`), []string{"its header is not a JSON object"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "part-1-of-2"+experiment.ShardPartExt)
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			p, err := ReadPart(path)
			if err == nil {
				t.Fatalf("read %s/%d, want it refused", p.Shard, p.Jobs)
			}
			if !errors.As(err, new(*experiment.PartError)) {
				t.Errorf("%T, want a *experiment.PartError", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), path+" ") || !strings.Contains(err.Error(), w) {
					t.Errorf("got %v\nwant it to name %s and say %q", err, path, w)
				}
			}
		})
	}
	// The good part reads back.
	path := filepath.Join(t.TempDir(), "part-1-of-2"+experiment.ShardPartExt)
	if err := os.WriteFile(path, good, 0o644); err != nil {
		t.Fatal(err)
	}
	if p, err := ReadPart(path); err != nil || p.Shard != (experiment.Shard{Index: 1, Count: 2}) || p.Jobs != 2 || len(p.Results) != 1 || string(p.Spec) != `{"the":"experiment"}` {
		t.Errorf("the good part: %+v, %v", p, err)
	}
}

// reseal rewrites a part file's header so that its sizes and checksum fit
// its payload as it is: a damaged payload then reaches the decoder.
func reseal(data []byte) []byte {
	if len(data) < partHeaderSize {
		return data
	}
	payload := data[partHeaderSize:]
	sum := sha256.Sum256(payload)
	line := data[:partHeaderSize]
	for _, f := range []struct{ key, value string }{
		{"payload_bytes", strconv.Itoa(len(payload))}, {"sha256", `"` + hex.EncodeToString(sum[:]) + `"`},
	} {
		i := bytes.Index(line, []byte(`"`+f.key+`":`))
		if i < 0 {
			return data
		}
		i += len(f.key) + 3
		j := i + bytes.IndexAny(line[i:], ",}")
		if j < i {
			return data
		}
		line = append(append(bytes.Clone(line[:i]), f.value...), line[j:]...)
	}
	if len(line) > partHeaderSize {
		line = append(line[:partHeaderSize-1:partHeaderSize-1], '\n')
	}
	for len(line) < partHeaderSize {
		line = append(line[:len(line)-1], ' ', '\n')
	}
	return append(line, payload...)
}

// FuzzReadPart feeds arbitrary bytes and mutated parts to the part
// reader, as they are and resealed (sizes and checksum made to fit, so
// that the results' decoder sees the damage): an error or a part, never a
// panic, and never an allocation beyond a bound set by the input's size
// (gob makes at most one element of a slice per byte it reads).
func FuzzReadPart(f *testing.F) {
	good := testPart(f)
	f.Add(good, false)
	f.Add(good, true)
	f.Add(good[:partHeaderSize+40], true)
	f.Add([]byte("omnisim-part 2\n{\"shards\":9000000000000000000}\n"), false)
	f.Add([]byte{}, false)
	f.Fuzz(func(t *testing.T, data []byte, resealed bool) {
		if resealed {
			data = reseal(data)
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		p, err := readPart("p", bytes.NewReader(data), int64(len(data)), true)
		runtime.ReadMemStats(&after)
		if err == nil && (p.Check() != nil || p.Format != experiment.ShardFormat) {
			t.Errorf("read a part that does not check: %v", p.Check())
		}
		if err != nil && !strings.HasPrefix(err.Error(), "p ") {
			t.Errorf("an error not naming the file: %v", err)
		}
		if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(1<<24+2048*len(data)); got > limit {
			t.Errorf("allocated %d bytes reading %d", got, len(data))
		}
	})
}
