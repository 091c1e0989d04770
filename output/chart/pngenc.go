package chart

// This file and pngfilter.go are written from the Go standard library's
// image/png writer (writer.go, paeth.go), Copyright 2009 and 2012 The Go
// Authors, used under its BSD-style licence (the LICENSE file of the Go
// distribution): the chunks, the colour types, the rows handed to
// compress/zlib and the choice of filter are image/png's, so that the bytes
// are too. The rows are compressed by zlib6, compress/zlib's default level
// with less work, the same bytes.

import (
	"bufio"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"strconv"

	"github.com/omnisim/omnisim/output/chart/internal/zlib6"
)

// rowPad is the number of zero bytes kept before and after a row's data in
// rgbaEncoder's row buffers: before, so that a row's first pixel has a
// left neighbour of zeros, as PNG's filters take it, and the byte just
// before the data, 0, is the row's filter type when it is written
// unfiltered; after, so that 8-byte loads and stores may run past the data.
const rowPad = 8

// rgbaEncoder writes an *image.RGBA as PNG, the same bytes as
// png.Encoder{CompressionLevel: png.DefaultCompression} writes
// (TestEncodeRGBAAsPNG, FuzzEncodeRGBA), with less work: the opacity check,
// the conversion of each row to RGB and the choice of each row's filter
// are done 8 bytes at a time (see filterRow). Its buffers, the compressor's
// above all (a megabyte), are kept from one image to the next
// (pngEncoders).
type rgbaEncoder struct {
	w   io.Writer
	err error
	zw  *zlib6.Writer
	bw  *bufio.Writer
	// cur and prev hold the current and the previous row's bytes at
	// [rowPad : rowPad+n], zeros around them; out and pae, a filtered row
	// at [0 : 1+n], its filter type first (pae the Paeth filter's).
	cur, prev, out, pae []byte
	tmp                 [13]byte
}

// pngEncoders keeps rgbaEncoders for reuse.
var pngEncoders freeList[rgbaEncoder]

// encodeRGBA writes m to w as PNG, the same bytes as png.Encode.
func encodeRGBA(w io.Writer, m *image.RGBA) error {
	e := pngEncoders.get()
	if e == nil {
		e = &rgbaEncoder{}
	}
	defer pngEncoders.put(e)
	return e.encode(w, m)
}

// encode writes m to w as PNG, as png.Encoder.Encode does: the signature,
// IHDR, the pixels in IDAT chunks of at most 32 KiB (as a bufio.Writer of
// that size hands them on) and IEND.
func (e *rgbaEncoder) encode(w io.Writer, m *image.RGBA) error {
	mw, mh := int64(m.Rect.Dx()), int64(m.Rect.Dy())
	if mw <= 0 || mh <= 0 || mw >= 1<<32 || mh >= 1<<32 {
		return png.FormatError("invalid image size: " + strconv.FormatInt(mw, 10) + "x" + strconv.FormatInt(mh, 10))
	}
	e.w, e.err = w, nil
	defer func() { e.w = nil }()
	opaque := opaqueRGBA(m)
	_, e.err = io.WriteString(w, "\x89PNG\r\n\x1a\n")
	binary.BigEndian.PutUint32(e.tmp[0:4], uint32(mw))
	binary.BigEndian.PutUint32(e.tmp[4:8], uint32(mh))
	e.tmp[8] = 8 // bits a sample
	e.tmp[9] = 6 // truecolour with alpha
	if opaque {
		e.tmp[9] = 2 // truecolour
	}
	e.tmp[10], e.tmp[11], e.tmp[12] = 0, 0, 0 // deflate, adaptive filtering, not interlaced
	e.writeChunk(e.tmp[:13], "IHDR")
	e.writeIDATs(m, opaque)
	e.writeChunk(nil, "IEND")
	return e.err
}

// writeChunk writes a chunk of type name holding b, with its length and
// CRC, unless an error came before.
func (e *rgbaEncoder) writeChunk(b []byte, name string) {
	if e.err != nil {
		return
	}
	n := uint32(len(b))
	if int(n) != len(b) {
		e.err = png.UnsupportedError(name + " chunk is too large: " + strconv.Itoa(len(b)))
		return
	}
	var header [8]byte
	binary.BigEndian.PutUint32(header[:4], n)
	copy(header[4:], name)
	crc := crc32.NewIEEE()
	crc.Write(header[4:8])
	crc.Write(b)
	var footer [4]byte
	binary.BigEndian.PutUint32(footer[:], crc.Sum32())
	if _, e.err = e.w.Write(header[:]); e.err != nil {
		return
	}
	if _, e.err = e.w.Write(b); e.err != nil {
		return
	}
	_, e.err = e.w.Write(footer[:])
}

// idatWriter writes each Write as an IDAT chunk of its encoder.
type idatWriter struct{ e *rgbaEncoder }

// Write writes b as one IDAT chunk.
func (w idatWriter) Write(b []byte) (int, error) {
	w.e.writeChunk(b, "IDAT")
	if w.e.err != nil {
		return 0, w.e.err
	}
	return len(b), nil
}

// writeIDATs writes m's pixels, as image/png's writeIDATs and writeImage
// do: a bufio.Writer of 32 KiB whose every flush is an IDAT chunk, a zlib
// compressor at the default level on it (zlib6, which writes the bytes
// compress/zlib does, in the same Writes), to which each row is written on
// its own, its filter type first.
func (e *rgbaEncoder) writeIDATs(m *image.RGBA, opaque bool) {
	if e.err != nil {
		return
	}
	if e.bw == nil {
		e.bw = bufio.NewWriterSize(idatWriter{e}, 1<<15)
	} else {
		e.bw.Reset(idatWriter{e})
	}
	if e.err = e.writeImage(m, opaque); e.err != nil {
		return
	}
	e.err = e.bw.Flush()
}

// writeImage compresses m's rows into e.bw.
func (e *rgbaEncoder) writeImage(m *image.RGBA, opaque bool) (err error) {
	if e.zw == nil {
		e.zw = zlib6.NewWriter(e.bw)
	} else {
		e.zw.Reset(e.bw)
	}
	defer func() {
		if cerr := e.zw.Close(); err == nil {
			err = cerr
		}
	}()
	bpp := 4
	if opaque {
		bpp = 3
	}
	w := m.Rect.Dx()
	n := bpp * w
	e.cur = rowBuffer(e.cur, n)
	e.prev = rowBuffer(e.prev, n)
	e.out = resize(e.out, 1+n+rowPad)
	e.pae = resize(e.pae, 1+n+rowPad)
	for y := m.Rect.Min.Y; y < m.Rect.Max.Y; y++ {
		src := m.Pix[m.PixOffset(m.Rect.Min.X, y):][:4*w]
		if opaque {
			rgbaToRGB(e.cur[rowPad:], src)
		} else {
			rgbaToNRGBA(e.cur[rowPad:], src)
		}
		clear(e.cur[rowPad+n:])
		var row []byte
		switch filterRow(e.out, e.pae, e.cur, e.prev, n, bpp) {
		case ftNone:
			row = e.cur[rowPad-1 : rowPad+n] // the zero before the data is ftNone
		case ftPaeth:
			row = e.pae[:1+n]
		default:
			row = e.out[:1+n]
		}
		if _, err := e.zw.Write(row); err != nil {
			return err
		}
		e.cur, e.prev = e.prev, e.cur
	}
	return nil
}

// rowBuffer returns a buffer for a row of n bytes with rowPad zeros before
// and after it, all zeros (the row before the first is zeros), reusing b.
func rowBuffer(b []byte, n int) []byte {
	size := rowPad + n + rowPad
	if cap(b) < size {
		return make([]byte, size)
	}
	b = b[:size]
	clear(b)
	return b
}

// resize returns b with length n, reusing its memory when it has the
// capacity.
func resize(b []byte, n int) []byte {
	if cap(b) < n {
		return make([]byte, n)
	}
	return b[:n]
}

// opaqueRGBA reports whether every pixel of m is opaque, as
// (*image.RGBA).Opaque does, reading 8 bytes (two pixels) at a time.
func opaqueRGBA(m *image.RGBA) bool {
	if m.Rect.Empty() {
		return true
	}
	const alpha = 0xff000000_ff000000
	w := m.Rect.Dx()
	for y := m.Rect.Min.Y; y < m.Rect.Max.Y; y++ {
		row := m.Pix[m.PixOffset(m.Rect.Min.X, y):][:4*w]
		acc := uint64(alpha)
		for len(row) >= 8 {
			acc &= binary.LittleEndian.Uint64(row)
			row = row[8:]
		}
		if len(row) == 4 {
			acc &= 0xffffffff_00000000 | uint64(binary.LittleEndian.Uint32(row))
		}
		if acc&alpha != alpha {
			return false
		}
	}
	return true
}

// rgbaToRGB writes the RGB bytes of src's RGBA pixels to dst, two pixels
// at a time; it may write 2 bytes past the 3·len(src)/4 of the row.
func rgbaToRGB(dst, src []byte) {
	for len(src) >= 8 {
		v := binary.LittleEndian.Uint64(src)
		binary.LittleEndian.PutUint64(dst, v&0xffffff|v>>8&0xffffff000000)
		dst, src = dst[6:], src[8:]
	}
	if len(src) == 4 {
		dst[0], dst[1], dst[2] = src[0], src[1], src[2]
	}
}

// rgbaToNRGBA writes src's alpha-premultiplied RGBA pixels to dst as PNG's
// RGBA, not premultiplied, by image/png's arithmetic.
func rgbaToNRGBA(dst, src []byte) {
	for ; len(src) >= 4; dst, src = dst[4:], src[4:] {
		d := (*[4]byte)(dst)
		s := (*[4]byte)(src)
		switch s[3] {
		case 0x00:
			*d = [4]byte{}
		case 0xff:
			*d = *s
		default:
			// The multiplier combines 0x101 (8-bit colour to 16-bit) and
			// 0xffff (which, with the division by a, undoes the
			// premultiplication).
			const m = 0x101 * 0xffff
			a := uint32(s[3]) * 0x101
			d[0] = uint8((uint32(s[0]) * m / a) >> 8)
			d[1] = uint8((uint32(s[1]) * m / a) >> 8)
			d[2] = uint8((uint32(s[2]) * m / a) >> 8)
			d[3] = s[3]
		}
	}
}
