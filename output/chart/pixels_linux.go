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
// fails, the bytes are Go's and the mapping nil.
func newPixels(n int) (pix, mapping []byte) {
	size := (n+hugePage-1)&^(hugePage-1) + hugePage
	m, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]byte, n), nil
	}
	off := int(-uintptr(unsafe.Pointer(&m[0])) & (hugePage - 1))
	_ = syscall.Madvise(m[off:], syscall.MADV_HUGEPAGE)
	return m[off : off+n : off+n], m
}

// freePixels unmaps a mapping newPixels made; nil, pixels of Go's heap,
// are the collector's.
func freePixels(mapping []byte) {
	if mapping != nil {
		_ = syscall.Munmap(mapping)
	}
}
