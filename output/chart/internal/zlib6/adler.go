// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Written from the Go standard library's hash/adler32 (go1.26.8), its
// update taking 8 bytes at a time.

package zlib6

import "encoding/binary"

const (
	// adlerMod is the largest prime less than 65536.
	adlerMod = 65521
	// adlerNmax is the largest n such that
	// 255 * n * (n+1) / 2 + (n+1) * (adlerMod-1) <= 2^32-1:
	// the bytes after which the sums are reduced.
	adlerNmax = 5552
)

// adlerUpdate adds p to the running Adler-32 checksum d, the value
// hash/adler32's update returns. Eight bytes b0…b7 add b0+…+b7 to s1 and
// 8·s1 + 8·b0 + 7·b1 + … + 1·b7 to s2, as the eight steps of one byte
// each do; the byte sums are taken in four 16-bit lanes, the even bytes
// and the odd bytes apart, the weighted sum by multiplying the lanes by
// the weights, so that it gathers in the top lane (no lane exceeds 16
// bits: at most 255 · (8+7+…+1) = 9,180). The sums are reduced at the same
// points, so every intermediate value is hash/adler32's.
func adlerUpdate(d uint32, p []byte) uint32 {
	const (
		lanes  = 0x00ff00ff_00ff00ff
		ones   = 0x0001_0001_0001_0001
		evenW  = 8<<48 | 6<<32 | 4<<16 | 2 // weights of b0, b2, b4, b6
		oddW   = 7<<48 | 5<<32 | 3<<16 | 1 // of b1, b3, b5, b7
		topSft = 48
	)
	s1, s2 := d&0xffff, d>>16
	for len(p) > 0 {
		var q []byte
		if len(p) > adlerNmax {
			p, q = p[:adlerNmax], p[adlerNmax:]
		}
		for len(p) >= 8 {
			v := binary.LittleEndian.Uint64(p)
			even, odd := v&lanes, v>>8&lanes
			s2 += 8*s1 + uint32((even*evenW+odd*oddW)>>topSft)
			s1 += uint32(((even + odd) * ones) >> topSft)
			p = p[8:]
		}
		for _, x := range p {
			s1 += uint32(x)
			s2 += s1
		}
		s1 %= adlerMod
		s2 %= adlerMod
		p = q
	}
	return s2<<16 | s1
}
