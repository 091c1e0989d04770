package zlib6

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"math/rand/v2"
	"testing"
)

// recorder keeps the bytes written to it and the length of each Write, so
// that a stream is compared in both: a PNG's IDAT chunks follow the writes
// its bufio.Writer receives.
type recorder struct {
	bytes.Buffer
	writes []int
}

// Write appends p and its length.
func (r *recorder) Write(p []byte) (int, error) {
	r.writes = append(r.writes, len(p))
	return r.Buffer.Write(p)
}

// input is a named stream to compress and the sizes of the Writes it is
// handed in.
type input struct {
	name   string
	data   []byte
	chunks []int
}

// noise returns n random bytes.
func noise(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// runs returns n bytes in runs of one byte, each up to maxRun long, drawn
// from an alphabet of k bytes.
func runs(r *rand.Rand, n, maxRun, k int) []byte {
	b := make([]byte, 0, n)
	for len(b) < n {
		c := byte(r.IntN(k))
		for m := min(1+r.IntN(maxRun), n-len(b)); m > 0; m-- {
			b = append(b, c)
		}
	}
	return b
}

// rows returns n bytes of rows of width w, each a copy of the one before
// with a few bytes changed, as a chart's rows mostly are.
func rows(r *rand.Rand, n, w int) []byte {
	b := make([]byte, 0, n+w)
	row := runs(r, w, 40, 4)
	for len(b) < n {
		for c := r.IntN(4); c > 0; c-- {
			i := r.IntN(w)
			row[i] = byte(r.IntN(8))
		}
		b = append(b, row...)
	}
	return b[:n]
}

// lowEntropy returns n bytes drawn from an alphabet of k bytes, so that
// short matches and long hash chains abound.
func lowEntropy(r *rand.Rand, n, k int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.IntN(k))
	}
	return b
}

// chunked splits n bytes into Writes of 1 to maxChunk bytes.
func chunked(r *rand.Rand, n, maxChunk int) []int {
	var c []int
	for n > 0 {
		k := min(1+r.IntN(maxChunk), n)
		c = append(c, k)
		n -= k
	}
	return c
}

// inputs returns the streams TestSameBytes compresses: noise, runs,
// repeated rows and small alphabets, of lengths 0 to several megabytes,
// each in one Write and in many small ones.
func inputs(short bool) []input {
	r := rand.New(rand.NewPCG(20, 6))
	lengths := []int{0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 100, 257, 258, 259, 261, 262, 263, 300, 1000,
		4095, 4096, 4097, 32767, 32768, 32769, 65535, 65536, 65537, 100_000, 300_000}
	if !short {
		lengths = append(lengths, 1<<20, 3<<20+7)
	}
	var in []input
	for _, n := range lengths {
		for _, g := range []struct {
			name string
			data []byte
		}{
			{"noise", noise(r, n)},
			{"zeros", make([]byte, n)},
			{"runs", runs(r, n, 600, 3)},
			{"short-runs", runs(r, n, 6, 16)},
			{"rows", rows(r, n, 1+r.IntN(4000))},
			{"alphabet2", lowEntropy(r, n, 2)},
			{"alphabet5", lowEntropy(r, n, 5)},
		} {
			if n >= 1<<20 && (g.name == "alphabet2" || g.name == "alphabet5" || g.name == "short-runs") {
				continue // long chains everywhere: slow to compress, and as well tested shorter
			}
			name := fmt.Sprintf("%s-%d", g.name, n)
			in = append(in, input{name + "/one", g.data, []int{n}})
			in = append(in, input{name + "/small", g.data, chunked(r, n, 700)})
			if n > 10_000 {
				in = append(in, input{name + "/large", g.data, chunked(r, n, 80_000)})
			}
		}
	}
	return in
}

// compress writes in to w in its chunks and closes w.
func compress(t testing.TB, w interface {
	Write([]byte) (int, error)
	Close() error
}, in input) {
	t.Helper()
	data := in.data
	for _, k := range in.chunks {
		if n, err := w.Write(data[:k]); err != nil || n != k {
			t.Fatalf("%s: Write of %d bytes: %d, %v", in.name, k, n, err)
		}
		data = data[k:]
	}
	if err := w.Close(); err != nil {
		t.Fatalf("%s: Close: %v", in.name, err)
	}
}

// same compresses in with z (reset) and with compress/zlib at its
// default level, and fails unless the bytes and the writes are the same.
func same(t testing.TB, z *Writer, in input) {
	t.Helper()
	var want, got recorder
	zw, err := zlib.NewWriterLevel(&want, zlib.DefaultCompression)
	if err != nil {
		t.Fatal(err)
	}
	compress(t, zw, in)
	z.Reset(&got)
	compress(t, z, in)
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		i := 0
		for i < min(got.Len(), want.Len()) && got.Bytes()[i] == want.Bytes()[i] {
			i++
		}
		t.Fatalf("%s: %d bytes, compress/zlib %d, the first difference at %d", in.name, got.Len(), want.Len(), i)
	}
	if fmt.Sprint(got.writes) != fmt.Sprint(want.writes) {
		t.Fatalf("%s: the same bytes in other writes: %v, compress/zlib %v", in.name, got.writes, want.writes)
	}
}

// TestSameBytes compresses streams of noise, runs, repeated rows and small
// alphabets, 0 bytes to 3 MB long, written at once and in many Writes,
// with one Writer reset between them, and finds the bytes, and the writes
// they are handed on in, those of compress/zlib at its default level.
func TestSameBytes(t *testing.T) {
	z := NewWriter(nil)
	for _, in := range inputs(testing.Short()) {
		same(t, z, in)
	}
}

// TestSameBytesNewWriter checks a fresh Writer, which allocates its
// compressor at the first Write, and a Write of nothing.
func TestSameBytesNewWriter(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	in := input{"rows", rows(r, 50_000, 301), []int{0, 10, 0, 49_990}}
	var want, got recorder
	zw := zlib.NewWriter(&want)
	compress(t, zw, in)
	compress(t, NewWriter(&got), in)
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatal("a new Writer's bytes differ from compress/zlib's")
	}
	// Closed without a Write: the header, an empty block, the checksum.
	want.Reset()
	got.Reset()
	zw.Reset(&want)
	zw.Close()
	z := NewWriter(&got)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("an empty stream: % x, compress/zlib % x", got.Bytes(), want.Bytes())
	}
	if err := z.Close(); err != nil {
		t.Fatalf("closed twice: %v", err)
	}
}

// TestSameBytesPastHashOffset compresses 17 MB, past the 16 MiB after
// which the compressor renumbers its hash chains (maxHashOffset).
func TestSameBytesPastHashOffset(t *testing.T) {
	if testing.Short() {
		t.Skip("17 MB")
	}
	r := rand.New(rand.NewPCG(3, 4))
	n := maxHashOffset + 1<<20
	data := make([]byte, 0, n)
	for len(data) < n {
		switch r.IntN(3) {
		case 0:
			data = append(data, rows(r, 200_000, 1+r.IntN(5000))...)
		case 1:
			data = append(data, runs(r, 200_000, 300, 6)...)
		default:
			data = append(data, lowEntropy(r, 50_000, 3)...)
		}
	}
	same(t, NewWriter(nil), input{"past-hash-offset", data, chunked(r, len(data), 100_000)})
}

// errWriter fails every Write after the first ok.
type errWriter struct{ ok int }

// Write fails once ok Writes have passed.
func (w *errWriter) Write(p []byte) (int, error) {
	if w.ok == 0 {
		return 0, fmt.Errorf("full")
	}
	w.ok--
	return len(p), nil
}

// TestWriteErrors checks that an error of the underlying writer is
// returned, by Write or Close, as compress/zlib returns it.
func TestWriteErrors(t *testing.T) {
	data := noise(rand.New(rand.NewPCG(5, 6)), 200_000)
	for ok := range 4 {
		z := NewWriter(&errWriter{ok})
		_, werr := z.Write(data)
		cerr := z.Close()
		zw := zlib.NewWriter(&errWriter{ok})
		_, wantW := zw.Write(data)
		wantC := zw.Close()
		if fmt.Sprint(werr, cerr) != fmt.Sprint(wantW, wantC) {
			t.Errorf("%d writes ok: Write %v, Close %v; compress/zlib %v, %v", ok, werr, cerr, wantW, wantC)
		}
	}
}

// TestMatchLen checks the 8-byte matchLen against the byte-by-byte loop
// of compress/flate on every length and first difference up to 40.
func TestMatchLen(t *testing.T) {
	a := make([]byte, 48)
	for max := 0; max <= 40; max++ {
		for diff := 0; diff <= max; diff++ {
			b := make([]byte, 48)
			if diff < max {
				b[diff] = 1
			}
			want := max
			for i := range max {
				if a[i] != b[i] {
					want = i
					break
				}
			}
			if got := matchLen(a, b, max); got != want {
				t.Fatalf("matchLen at max %d, difference at %d: %d, want %d", max, diff, got, want)
			}
		}
	}
}

// FuzzSameBytes compresses the fuzzer's bytes, written at once and in
// Writes of the fuzzer's size, against compress/zlib.
func FuzzSameBytes(f *testing.F) {
	r := rand.New(rand.NewPCG(7, 8))
	f.Add([]byte{}, uint16(1))
	f.Add([]byte("abcabcabcabcabcabcabcd"), uint16(5))
	f.Add(runs(r, 3000, 300, 3), uint16(700))
	f.Add(rows(r, 5000, 97), uint16(97))
	f.Add(lowEntropy(r, 2000, 2), uint16(33))
	z := NewWriter(nil)
	f.Fuzz(func(t *testing.T, data []byte, chunk uint16) {
		same(t, z, input{"fuzz/one", data, []int{len(data)}})
		k := max(int(chunk), 1)
		var chunks []int
		for n := len(data); n > 0; n -= min(k, n) {
			chunks = append(chunks, min(k, n))
		}
		same(t, z, input{"fuzz/chunks", data, chunks})
	})
}
