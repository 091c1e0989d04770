package chart

// Written from the Go standard library's image/png (writer.go's filter,
// paeth.go's paeth), Copyright 2009 and 2012 The Go Authors, under its
// BSD-style licence: see pngenc.go.

import (
	"bytes"
	"encoding/binary"
)

// PNG's filter types, as a row's first byte.
const (
	ftNone = iota
	ftSub
	ftUp
	ftAverage
	ftPaeth
)

// Bytewise constants of the 8-byte (SWAR) arithmetic below.
const (
	lanesHigh = 0x80808080_80808080
)

// filterRow chooses the filter of a row of n bytes, of bpp bytes a pixel,
// as image/png's filter does, and writes the filtered row, its type first,
// to out[: 1+n], or when the choice is Paeth to pae[: 1+n]; when it is
// none, the row is cur[rowPad-1 : rowPad+n], cur's own bytes after a
// zero. cur and prev hold the row and the one before at
// [rowPad : rowPad+n] with rowPad zero bytes on each side; out and pae
// have rowPad bytes to spare after 1+n.
//
// image/png takes the filter whose filtered bytes, read as signed, have the
// least sum of absolute values, trying up, Paeth, none, sub and average in
// that order, a later one only when its sum is less than the best so far
// (each stops adding once it reaches the best: the sums only grow, so the
// choice is the same as from the whole sums). Here each sum is taken 8
// bytes at a time (absSum of sub8), stopping at the first 8 whose running
// sum reaches the best, and Paeth's byte by byte only where the row's
// bytes bpp before differ from the previous row's: where they are equal,
// Paeth predicts the byte above (see paeth), the up filter's byte; Paeth's
// bytes are written to pae as its sum is taken, as image/png does.
// Charts have long stretches of rows like the one above, where this does
// an eighth of the work, and a row equal to the one above (a chart's
// margins, its flat stretches) is compared at once: the up filter, its
// sum 0, none other less, its bytes zeros. TestFilterRowAsPNG checks every
// choice and byte against a copy of image/png's filter.
func filterRow(out, pae, cur, prev []byte, n, bpp int) int {
	end := rowPad + n
	if bytes.Equal(cur[rowPad:end], prev[rowPad:end]) {
		out[0] = ftUp
		clear(out[1 : 1+n])
		return ftUp
	}
	o := 1 - rowPad // out[o+i] and pae[o+i] are the filtered cur[i]
	best := 0
	for i := rowPad; i < end; i += 8 {
		if x, y := load8(cur, i), load8(prev, i); x != y {
			best += absSum(sub8(x, y))
		}
	}
	f := ftUp

	sum := 0
	for i := rowPad; i < end && sum < best; i += 8 {
		x, y := load8(cur, i), load8(prev, i)
		if load8(cur, i-bpp) == load8(prev, i-bpp) {
			d := sub8(x, y)
			store8(pae, o+i, d)
			if x != y {
				sum += absSum(d)
			}
			continue
		}
		for j := i; j < min(i+8, end); j++ {
			d := cur[j] - prev[j]
			if a, c := cur[j-bpp], prev[j-bpp]; a != c {
				d = cur[j] - paeth(a, prev[j], c)
			}
			pae[o+j] = d
			sum += abs8(d)
		}
	}
	if sum < best {
		best, f = sum, ftPaeth
		pae[0] = ftPaeth
	}

	sum = 0
	for i := rowPad; i < end && sum < best; i += 8 {
		sum += absSum(load8(cur, i))
	}
	if sum < best {
		best, f = sum, ftNone
	}

	sum = 0
	for i := rowPad; i < end && sum < best; i += 8 {
		sum += absSum(sub8(load8(cur, i), load8(cur, i-bpp)) & lanesBefore(end-i))
	}
	if sum < best {
		best, f = sum, ftSub
	}

	sum = 0
	for i := rowPad; i < end && sum < best; i += 8 {
		sum += absSum(sub8(load8(cur, i), avg8(load8(cur, i-bpp), load8(prev, i))) & lanesBefore(end-i))
	}
	if sum < best {
		f = ftAverage
	}

	out[0] = byte(f)
	switch f {
	case ftUp:
		for i := rowPad; i < end; i += 8 {
			store8(out, o+i, sub8(load8(cur, i), load8(prev, i)))
		}
	case ftSub:
		for i := rowPad; i < end; i += 8 {
			store8(out, o+i, sub8(load8(cur, i), load8(cur, i-bpp)))
		}
	case ftAverage:
		for i := rowPad; i < end; i += 8 {
			store8(out, o+i, sub8(load8(cur, i), avg8(load8(cur, i-bpp), load8(prev, i))))
		}
	}
	return f
}

// load8 reads b[i : i+8] as a little-endian word: byte i+k is lane k.
func load8(b []byte, i int) uint64 { return binary.LittleEndian.Uint64(b[i:]) }

// store8 writes x to b[i : i+8], lane k at byte i+k.
func store8(b []byte, i int, x uint64) { binary.LittleEndian.PutUint64(b[i:], x) }

// lanesBefore returns a mask of the lanes below k (all eight when k ≥ 8).
func lanesBefore(k int) uint64 {
	if k >= 8 {
		return ^uint64(0)
	}
	return uint64(1)<<(8*k) - 1
}

// sub8 returns x − y in each byte lane, modulo 256, without borrows
// between lanes (Hacker's Delight, 2-18).
func sub8(x, y uint64) uint64 {
	return ((x | lanesHigh) - (y &^ lanesHigh)) ^ ((x ^ ^y) & lanesHigh)
}

// avg8 returns ⌊(x + y)/2⌋ in each byte lane.
func avg8(x, y uint64) uint64 {
	return x&y + (x^y)>>1&0x7f7f7f7f_7f7f7f7f
}

// absSum returns the sum over x's eight byte lanes of abs8 of each: the
// negative lanes (high bit set) are negated as ^d + 1, which stays within
// the lane (at most 0x80), and the lanes are then added in pairs, then
// the four pairs at once by a multiplication.
func absSum(x uint64) int {
	s := x & lanesHigh >> 7
	a := (x ^ s*0xff) + s
	a = a&0x00ff00ff_00ff00ff + a>>8&0x00ff00ff_00ff00ff
	return int(a * 0x0001_0001_0001_0001 >> 48)
}

// abs8 is the absolute value of d read as a signed byte, as image/png
// takes it.
func abs8(d uint8) int {
	if d < 128 {
		return int(d)
	}
	return 256 - int(d)
}

// paeth is PNG's Paeth predictor of a byte from its left (a), upper (b)
// and upper-left (c) neighbours, image/png's arithmetic. When a == c it
// is b (TestPaethUpHolds): then pb is 0, and pa ≤ pb only when b == c == a.
func paeth(a, b, c uint8) uint8 {
	pc := int(c)
	pa := int(b) - pc
	pb := int(a) - pc
	pc = absInt(pa + pb)
	pa = absInt(pa)
	pb = absInt(pb)
	if pa <= pb && pa <= pc {
		return a
	} else if pb <= pc {
		return b
	}
	return c
}

// absInt returns |x|.
func absInt(x int) int {
	m := x >> 63
	return (x ^ m) - m
}
