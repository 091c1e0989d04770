package zlib6

import (
	"bytes"
	"hash/adler32"
	"math/rand/v2"
	"testing"
)

// insertLoop is compress/flate's insertion of the hashes of positions
// from up to end, one position after another, which insert must match.
func (d *compressor) insertLoop(from, end int) {
	for index := from; index < end; index++ {
		hash := (uint32(d.window[index+3]) | uint32(d.window[index+2])<<8 | uint32(d.window[index+1])<<16 | uint32(d.window[index])<<24) * hashmul >> (32 - hashBits)
		hh := &d.hashHead[hash&hashMask]
		d.hashPrev[index&windowMask] = *hh
		*hh = uint32(index + d.hashOffset)
	}
}

// TestInsertAsLoop checks that insert, which takes runs of one byte in a
// shortcut, leaves the hash chains as compress/flate's byte-by-byte loop
// does, over windows of runs, rows and noise and ranges of every length
// up to 600 at random places, the chains not empty before.
func TestInsertAsLoop(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	got, want := new(compressor), new(compressor)
	for trial := range 300 {
		var data []byte
		switch trial % 3 {
		case 0:
			data = runs(r, len(got.window), 1+r.IntN(300), 1+r.IntN(4))
		case 1:
			data = rows(r, len(got.window), 1+r.IntN(3000))
		default:
			data = lowEntropy(r, len(got.window), 1+r.IntN(3))
		}
		copy(got.window[:], data)
		want.window = got.window
		off := 1 + r.IntN(maxHashOffset)
		got.hashOffset, want.hashOffset = off, off
		for range 20 {
			from := r.IntN(len(got.window) - 3)
			end := min(from+r.IntN(600), len(got.window)-3)
			got.insert(from, end)
			want.insertLoop(from, end)
		}
		if got.hashHead != want.hashHead || got.hashPrev != want.hashPrev {
			t.Fatalf("trial %d: the hash chains differ from compress/flate's loop", trial)
		}
	}
}

// TestAdlerUpdate checks adlerUpdate against hash/adler32, over every
// byte value at every place of 8, noise and runs of every length to 600,
// long inputs past adlerNmax, and a checksum carried over many updates.
func TestAdlerUpdate(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	check := func(p []byte) {
		t.Helper()
		if got, want := adlerUpdate(1, p), adler32.Checksum(p); got != want {
			t.Fatalf("%d bytes: %08x, hash/adler32 %08x", len(p), got, want)
		}
	}
	for c := range 256 {
		for k := range 8 {
			p := bytes.Repeat([]byte{0xff}, 16)
			p[k] = byte(c)
			check(p)
		}
	}
	for n := range 600 {
		check(noise(r, n))
		check(bytes.Repeat([]byte{0xff}, n))
	}
	for _, n := range []int{adlerNmax - 1, adlerNmax, adlerNmax + 1, 3*adlerNmax + 5, 1 << 20} {
		check(noise(r, n))
		check(bytes.Repeat([]byte{0xff}, n))
	}
	h := adler32.New()
	d := uint32(1)
	for range 2000 {
		p := runs(r, r.IntN(5000), 50, 256)
		h.Write(p)
		d = adlerUpdate(d, p)
		if d != h.Sum32() {
			t.Fatalf("carried over: %08x, hash/adler32 %08x", d, h.Sum32())
		}
	}
}
