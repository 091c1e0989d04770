//go:build linux

package chart

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on Linux (2 MiB on
// amd64 and arm64), and the boundary newPixels aligns its pixels on.
const hugePage = 2 << 20

// newPixels returns n zero bytes for an image's pixels, and the mapping
// they are in, for freePixels: memory mapped apart from Go's heap, with
// transparent huge pages advised (MADV_HUGEPAGE) from a 2 MiB boundary on.
// On this project's build machine, a virtual one, each first touch of a
// 4 KiB page costs 10 to 16 µs, and painting a 1200×600 chart white
// (vgimg does, before drawing) first touched 703 of them: about 10 ms on
// each core's first chart, where two huge pages take two faults. Where the
// kernel gives no huge pages the advice changes nothing. If the mapping
// fails, the bytes are Go's and the mapping nil. The huge pages the pixels
// may take (n rounded up to 2 MiB) are counted as mapped until freePixels
// (WatchMappedPixels), for Go's soft memory limit does not see them.
func newPixels(n int) (pix, mapping []byte) {
	resident := (n + hugePage - 1) &^ (hugePage - 1)
	m, err := syscall.Mmap(-1, 0, resident+hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]byte, n), nil
	}
	addMapped(int64(resident))
	off := int(-uintptr(unsafe.Pointer(&m[0])) & (hugePage - 1))
	_ = syscall.Madvise(m[off:], syscall.MADV_HUGEPAGE)
	return m[off : off+n : off+n], m
}

// freePixels unmaps a mapping newPixels made, and counts its pixels'
// huge pages as mapped no more; nil, pixels of Go's heap, are the
// collector's.
func freePixels(mapping []byte) {
	if mapping == nil {
		return
	}
	if err := syscall.Munmap(mapping); err != nil {
		panic("chart: unmapping an image's pixels: " + err.Error())
	}
	addMapped(-int64(len(mapping) - hugePage))
}
