// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Written from the Go standard library's compress/zlib writer.go
// (go1.26.8), at level 6 with no dictionary, its checksum adlerUpdate's.

// Package zlib6 writes a zlib stream, the same bytes as compress/zlib's
// Writer at its default level (6) writes for the same Writes, with less
// work: its deflate is compress/flate's level 6, deciding as it does, but
// comparing matches 8 bytes at a time and inserting hashes in a tighter
// loop (see deflate.go). The PNG encoder of output/chart uses it, so that
// a PNG's bytes are image/png's.
package zlib6

import (
	"encoding/binary"
	"io"
)

// Writer compresses what is written to it as zlib at level 6, as
// compress/zlib's Writer at DefaultCompression does. Its compressor's
// tables (about 900 KB) are kept when it is Reset, so that a Writer reused
// for many streams allocates them once.
type Writer struct {
	w           io.Writer
	compressor  *compressor
	digest      uint32 // the Adler-32 checksum of what was written
	err         error
	scratch     [4]byte
	wroteHeader bool
}

// NewWriter returns a Writer compressing into w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: w, digest: 1}
}

// Reset discards z's state and makes it equivalent to NewWriter(w), its
// compressor's memory kept.
func (z *Writer) Reset(w io.Writer) {
	z.w = w
	if z.compressor != nil {
		z.compressor.reset(w)
	}
	z.digest = 1
	z.err = nil
	z.scratch = [4]byte{}
	z.wroteHeader = false
}

// writeHeader writes the zlib header: deflate with a 32 KiB window, the
// default level, no dictionary.
func (z *Writer) writeHeader() (err error) {
	z.wroteHeader = true
	z.scratch[0] = 0x78
	z.scratch[1] = 2 << 6
	z.scratch[1] += uint8(31 - binary.BigEndian.Uint16(z.scratch[:2])%31)
	if _, err = z.w.Write(z.scratch[0:2]); err != nil {
		return err
	}
	if z.compressor == nil {
		z.compressor = new(compressor)
		z.compressor.init(z.w)
	}
	return nil
}

// Write compresses p, writing the header first if it is the stream's first
// Write. The compressed bytes may be held until Close.
func (z *Writer) Write(p []byte) (n int, err error) {
	if !z.wroteHeader {
		z.err = z.writeHeader()
	}
	if z.err != nil {
		return 0, z.err
	}
	if len(p) == 0 {
		return 0, nil
	}
	n, err = z.compressor.write(p)
	if err != nil {
		z.err = err
		return
	}
	z.digest = adlerUpdate(z.digest, p)
	return
}

// Close writes what is left of the stream and its checksum. It does not
// close the underlying writer.
func (z *Writer) Close() error {
	if !z.wroteHeader {
		z.err = z.writeHeader()
	}
	if z.err != nil {
		return z.err
	}
	z.err = z.compressor.close()
	if z.err != nil {
		return z.err
	}
	checksum := z.digest
	binary.BigEndian.PutUint32(z.scratch[:], checksum)
	_, z.err = z.w.Write(z.scratch[0:4])
	return z.err
}
