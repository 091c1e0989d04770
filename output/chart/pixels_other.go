//go:build !linux

package chart

// newPixels returns n zero bytes for an image's pixels, of Go's heap: the
// mapping, which Linux's newPixels makes to advise huge pages, is nil.
func newPixels(n int) (pix, mapping []byte) { return make([]byte, n), nil }

// freePixels does nothing: pixels of Go's heap are the collector's.
func freePixels(mapping []byte) {}

// hugePagesAdvised is false: only on Linux does newPixels advise huge
// pages.
var hugePagesAdvised = func() bool { return false }
