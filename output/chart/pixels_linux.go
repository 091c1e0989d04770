//go:build linux

package chart

import (
	"os"
	"strings"
	"sync"
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
// kernel gives no huge pages of 2 MiB on advice (hugePagesAdvised), or the
// mapping or the advice fails, the bytes are Go's and the mapping nil, as
// elsewhere. The huge pages the pixels may take (n rounded up to 2 MiB)
// are counted as mapped until freePixels (WatchMappedPixels), for Go's
// soft memory limit does not see them.
func newPixels(n int) (pix, mapping []byte) {
	if !hugePagesAdvised() {
		return make([]byte, n), nil
	}
	resident := (n + hugePage - 1) &^ (hugePage - 1)
	m, err := syscall.Mmap(-1, 0, resident+hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]byte, n), nil
	}
	off := int(-uintptr(unsafe.Pointer(&m[0])) & (hugePage - 1))
	if err := syscall.Madvise(m[off:off+resident], syscall.MADV_HUGEPAGE); err != nil {
		_ = syscall.Munmap(m)
		return make([]byte, n), nil
	}
	addMapped(int64(resident))
	return m[off : off+n : off+n], m
}

// hugePagesAdvised tells whether the kernel gives transparent huge pages of
// 2 MiB where they are advised, from /sys/kernel/mm/transparent_hugepage
// (thpAdvised), read once.
var hugePagesAdvised = sync.OnceValue(func() bool {
	dir := "/sys/kernel/mm/transparent_hugepage/"
	enabled, err1 := os.ReadFile(dir + "enabled")
	size, err2 := os.ReadFile(dir + "hpage_pmd_size")
	return err1 == nil && err2 == nil && thpAdvised(string(enabled), string(size))
})

// thpAdvised tells whether transparent huge pages with the kernel's
// settings enabled (e.g. "always [madvise] never") and hpage_pmd_size are
// 2 MiB (hugePage) and given where advised: the mode chosen, in brackets,
// is always or madvise, not never. Kernels with pages of 16 or 64 KiB have
// huge pages of 32 or 512 MiB, too big for a chart.
func thpAdvised(enabled, pmdSize string) bool {
	mode := enabled
	if i := strings.IndexByte(mode, '['); i >= 0 {
		mode = mode[i+1:]
		if j := strings.IndexByte(mode, ']'); j >= 0 {
			mode = mode[:j]
		}
	} else {
		return false
	}
	return (mode == "always" || mode == "madvise") && strings.TrimSpace(pmdSize) == "2097152"
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
