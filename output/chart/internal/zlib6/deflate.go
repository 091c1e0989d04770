// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Written from the Go standard library's compress/flate deflate.go
// (go1.26.8): its compressor at level 6 (DefaultCompression) alone, with
// no dictionary, deciding as it does step by step, so that the tokens, and
// so the bytes, are the same (TestSameBytes, FuzzSameBytes). What differs
// is how, not what:
//   - matchLen compares 8 bytes at a time (the lowest differing byte of
//     two little-endian loads, from the XOR's trailing zeros: the same
//     length as the byte-by-byte loop);
//   - hash4 reads its 4 bytes with one big-endian 32-bit load (the same
//     value as the four shifted bytes);
//   - the hashes of a match's bytes are inserted by a loop whose end is
//     taken once (the smaller of the match's end and maxInsertIndex)
//     rather than checked at each byte;
//   - the level's parameters are constants, and the branches of the other
//     levels (fastSkipHashing, BestSpeed, storing) are gone;
//   - the window and the hash tables are arrays, indexed under masks.

package zlib6

import (
	"encoding/binary"
	"errors"
	"io"
	"math"
	"math/bits"
)

const (
	logWindowSize = 15
	windowSize    = 1 << logWindowSize
	windowMask    = windowSize - 1

	baseMatchLength = 3       // The smallest match length per the RFC section 3.2.5
	minMatchLength  = 4       // The smallest match length that the compressor actually emits
	maxMatchLength  = 258     // The largest match length
	baseMatchOffset = 1       // The smallest match offset
	maxMatchOffset  = 1 << 15 // The largest match offset

	// The maximum number of tokens we put into a single flate block, just to
	// stop things from getting too large.
	maxFlateBlockTokens = 1 << 14
	maxStoreBlockSize   = 65535
	hashBits            = 17
	hashSize            = 1 << hashBits
	hashMask            = (1 << hashBits) - 1
	maxHashOffset       = 1 << 24

	// Level 6's parameters: levels[6] of compress/flate, {6, 8, 16, 128,
	// 128, skipNever}.
	good  = 8
	lazy  = 16
	nice  = 128
	chain = 128

	hashmul = 0x1e35a7bd

	// maxNumLit is the number of literal and length codes, from
	// compress/flate's inflate.go (RFC 1951 section 3.2.7).
	maxNumLit = 286
)

// errWriterClosed is the state of a closed compressor.
var errWriterClosed = errors.New("flate: closed writer")

// compressor is compress/flate's compressor at level 6.
type compressor struct {
	w *huffmanBitWriter

	// input window: unprocessed data is window[index:windowEnd]
	index         int
	windowEnd     int
	blockStart    int  // window index where current tokens start
	byteAvailable bool // if true, still need to process window[index-1].

	sync bool // requesting flush

	// queued output tokens
	tokens []token

	// deflate state
	length         int
	offset         int
	maxInsertIndex int
	err            error

	// Input hash chains
	// hashHead[hashValue] contains the largest inputIndex with the specified hash value
	// If hashHead[hashValue] is within the current window, then
	// hashPrev[hashHead[hashValue] & windowMask] contains the previous index
	// with the same hash value.
	chainHead  int
	hashOffset int
	window     [2 * windowSize]byte
	hashHead   [hashSize]uint32
	hashPrev   [windowSize]uint32
}

func (d *compressor) fillDeflate(b []byte) int {
	if d.index >= 2*windowSize-(minMatchLength+maxMatchLength) {
		// shift the window by windowSize
		copy(d.window[:], d.window[windowSize:2*windowSize])
		d.index -= windowSize
		d.windowEnd -= windowSize
		if d.blockStart >= windowSize {
			d.blockStart -= windowSize
		} else {
			d.blockStart = math.MaxInt32
		}
		d.hashOffset += windowSize
		if d.hashOffset > maxHashOffset {
			delta := d.hashOffset - 1
			d.hashOffset -= delta
			d.chainHead -= delta
			for i, v := range d.hashPrev[:] {
				if int(v) > delta {
					d.hashPrev[i] = uint32(int(v) - delta)
				} else {
					d.hashPrev[i] = 0
				}
			}
			for i, v := range d.hashHead[:] {
				if int(v) > delta {
					d.hashHead[i] = uint32(int(v) - delta)
				} else {
					d.hashHead[i] = 0
				}
			}
		}
	}
	n := copy(d.window[d.windowEnd:], b)
	d.windowEnd += n
	return n
}

func (d *compressor) writeBlock(tokens []token, index int) error {
	if index > 0 {
		var window []byte
		if d.blockStart <= index {
			window = d.window[d.blockStart:index]
		}
		d.blockStart = index
		d.w.writeBlock(tokens, false, window)
		return d.w.err
	}
	return nil
}

// findMatch tries to find a match starting at index whose length is
// greater than prevSize. It looks at chain possibilities at most (a
// quarter of them when prevLength is good already).
func (d *compressor) findMatch(pos int, prevHead int, prevLength int, lookahead int) (length, offset int, ok bool) {
	minMatchLook := min(maxMatchLength, lookahead)

	win := d.window[0 : pos+minMatchLook]

	// We quit when we get a match that's at least nice long
	nice := min(len(win)-pos, nice)

	// If we've got a match that's good enough, only look in 1/4 the chain.
	tries := chain
	length = prevLength
	if length >= good {
		tries >>= 2
	}

	wEnd := win[pos+length]
	wPos := win[pos:]
	minIndex := pos - windowSize

	for i := prevHead; tries > 0; tries-- {
		if wEnd == win[i+length] {
			n := matchLen(win[i:], wPos, minMatchLook)

			if n > length && (n > minMatchLength || pos-i <= 4096) {
				length = n
				offset = pos - i
				ok = true
				if n >= nice {
					// The match is good enough that we don't try to find a better one.
					break
				}
				wEnd = win[pos+n]
			}
		}
		if i == minIndex {
			// hashPrev[i & windowMask] has already been overwritten, so stop now.
			break
		}
		i = int(d.hashPrev[i&windowMask]) - d.hashOffset
		if i < minIndex || i < 0 {
			break
		}
	}
	return
}

// hash4 returns compress/flate's hash of b's first 4 bytes, read as one
// big-endian 32-bit number (its b[3] | b[2]<<8 | b[1]<<16 | b[0]<<24).
// The caller must ensure that len(b) >= 4.
func hash4(b []byte) uint32 {
	return (binary.BigEndian.Uint32(b) * hashmul) >> (32 - hashBits)
}

// matchLen returns the number of matching bytes in a and b up to length
// max, 8 at a time: the first differing byte of two little-endian words is
// the lowest set byte of their XOR. Both slices must be at least max bytes
// in size.
func matchLen(a, b []byte, max int) int {
	a = a[:max]
	b = b[:max]
	n := 0
	for ; n+8 <= len(a); n += 8 {
		if x := binary.LittleEndian.Uint64(a[n:n+8]) ^ binary.LittleEndian.Uint64(b[n:n+8]); x != 0 {
			return n + bits.TrailingZeros64(x)>>3
		}
	}
	for ; n < len(a); n++ {
		if a[n] != b[n] {
			return n
		}
	}
	return max
}

func (d *compressor) initDeflate() {
	d.hashOffset = 1
	d.tokens = make([]token, 0, maxFlateBlockTokens+1)
	d.length = minMatchLength - 1
	d.offset = 0
	d.byteAvailable = false
	d.index = 0
	d.chainHead = -1
}

// insert enters the hashes of the window's positions from up to end
// (exclusive) in the hash chains, as compress/flate's loop does one
// position after another. Within a run of one byte, where the 4 bytes at
// each position are the same and so is their hash, the chain is known
// without reading the head back: each position's previous is the one
// before it, and the head is the run's last position.
func (d *compressor) insert(from, end int) {
	off := uint32(d.hashOffset)
	win := d.window[:end+minMatchLength-1]
	for i := from; i < end; {
		x := binary.BigEndian.Uint32(win[i:])
		hh := &d.hashHead[(x*hashmul)>>(32-hashBits)&hashMask]
		// Get previous value with the same hash.
		// Our chain should point to the previous value.
		d.hashPrev[i&windowMask] = *hh
		i++
		if x == uint32(byte(x))*0x01010101 {
			// A run: the positions that follow with the same 4 bytes
			// (win[i:i+3] is the run's byte already, so the byte at i+3
			// decides) chain each to the one before.
			j := i
			for c8 := uint64(byte(x)) * 0x01010101_01010101; j+8 <= end && binary.LittleEndian.Uint64(win[j+3:]) == c8; {
				j += 8
			}
			for j < end && win[j+3] == byte(x) {
				j++
			}
			for ; i < j; i++ {
				d.hashPrev[i&windowMask] = uint32(i-1) + off
			}
		}
		// Set the head of the hash chain to us.
		*hh = uint32(i-1) + off
	}
}

func (d *compressor) deflate() {
	if d.windowEnd-d.index < minMatchLength+maxMatchLength && !d.sync {
		return
	}

	d.maxInsertIndex = d.windowEnd - (minMatchLength - 1)

	for {
		if d.index > d.windowEnd {
			panic("index > windowEnd")
		}
		lookahead := d.windowEnd - d.index
		if lookahead < minMatchLength+maxMatchLength {
			if !d.sync {
				return
			}
			if lookahead == 0 {
				// Flush current output block if any.
				if d.byteAvailable {
					// There is still one pending token that needs to be flushed
					d.tokens = append(d.tokens, literalToken(uint32(d.window[d.index-1])))
					d.byteAvailable = false
				}
				if len(d.tokens) > 0 {
					if d.err = d.writeBlock(d.tokens, d.index); d.err != nil {
						return
					}
					d.tokens = d.tokens[:0]
				}
				return
			}
		}
		if d.index < d.maxInsertIndex {
			// Update the hash
			hh := &d.hashHead[hash4(d.window[d.index:])&hashMask]
			d.chainHead = int(*hh)
			d.hashPrev[d.index&windowMask] = uint32(d.chainHead)
			*hh = uint32(d.index + d.hashOffset)
		}
		prevLength := d.length
		prevOffset := d.offset
		d.length = minMatchLength - 1
		d.offset = 0
		minIndex := max(d.index-windowSize, 0)

		if d.chainHead-d.hashOffset >= minIndex && lookahead > prevLength && prevLength < lazy {
			if newLength, newOffset, ok := d.findMatch(d.index, d.chainHead-d.hashOffset, minMatchLength-1, lookahead); ok {
				d.length = newLength
				d.offset = newOffset
			}
		}
		if prevLength >= minMatchLength && d.length <= prevLength {
			// There was a match at the previous step, and the current match is
			// not better. Output the previous match.
			d.tokens = append(d.tokens, matchToken(uint32(prevLength-baseMatchLength), uint32(prevOffset-baseMatchOffset)))
			// Insert in the hash table all strings up to the end of the match.
			// index and index-1 are already inserted. If there is not enough
			// lookahead, the last two strings are not inserted into the hash
			// table.
			newIndex := d.index + prevLength - 1
			d.insert(d.index+1, min(newIndex, d.maxInsertIndex))
			d.index = newIndex
			d.byteAvailable = false
			d.length = minMatchLength - 1
			if len(d.tokens) == maxFlateBlockTokens {
				// The block includes the current character
				if d.err = d.writeBlock(d.tokens, d.index); d.err != nil {
					return
				}
				d.tokens = d.tokens[:0]
			}
		} else {
			if d.byteAvailable {
				i := d.index - 1
				d.tokens = append(d.tokens, literalToken(uint32(d.window[i])))
				if len(d.tokens) == maxFlateBlockTokens {
					if d.err = d.writeBlock(d.tokens, i+1); d.err != nil {
						return
					}
					d.tokens = d.tokens[:0]
				}
			}
			d.index++
			d.byteAvailable = true
		}
	}
}

func (d *compressor) write(b []byte) (n int, err error) {
	if d.err != nil {
		return 0, d.err
	}
	n = len(b)
	for len(b) > 0 {
		d.deflate()
		b = b[d.fillDeflate(b):]
		if d.err != nil {
			return 0, d.err
		}
	}
	return n, nil
}

func (d *compressor) init(w io.Writer) {
	d.w = newHuffmanBitWriter(w)
	d.initDeflate()
}

func (d *compressor) reset(w io.Writer) {
	d.w.reset(w)
	d.sync = false
	d.err = nil
	d.chainHead = -1
	clear(d.hashHead[:])
	clear(d.hashPrev[:])
	d.hashOffset = 1
	d.index, d.windowEnd = 0, 0
	d.blockStart, d.byteAvailable = 0, false
	d.tokens = d.tokens[:0]
	d.length = minMatchLength - 1
	d.offset = 0
	d.maxInsertIndex = 0
}

func (d *compressor) close() error {
	if d.err == errWriterClosed {
		return nil
	}
	if d.err != nil {
		return d.err
	}
	d.sync = true
	d.deflate()
	if d.err != nil {
		return d.err
	}
	if d.w.writeStoredHeader(0, true); d.w.err != nil {
		return d.w.err
	}
	d.w.flush()
	if d.w.err != nil {
		return d.w.err
	}
	d.err = errWriterClosed
	return nil
}

// internalError reports an error in the flate code itself, as
// compress/flate's InternalError.
type internalError string

// Error returns the error's text, compress/flate's words.
func (e internalError) Error() string { return "flate: internal error: " + string(e) }
