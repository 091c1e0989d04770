package chart

import "sync"

// mapped counts the bytes of chart images' pixels that may be resident in
// memory mapped apart from Go's heap (newPixels), which Go's soft memory
// limit does not see, and tells its watcher of every change.
var mapped struct {
	sync.Mutex
	bytes int64
	watch func(bytes int64)
}

// addMapped adds delta to the bytes mapped and tells the watcher.
func addMapped(delta int64) {
	mapped.Lock()
	defer mapped.Unlock()
	mapped.bytes += delta
	if mapped.watch != nil {
		mapped.watch(mapped.bytes)
	}
}

// WatchMappedPixels has f called with the bytes of chart images' pixels
// that may be resident outside Go's heap, at once and after every change:
// on Linux they are in memory of their own, with huge pages advised (each
// image's rounded up to 2 MiB), which Go's soft memory limit does not
// count; elsewhere there are none. The calls come one at a time, in order,
// from the goroutine drawing; f must not draw a chart, nor call
// WatchMappedPixels. A later call replaces f; nil stops the calls.
// output/folder lowers its memory limit by these bytes.
func WatchMappedPixels(f func(bytes int64)) {
	mapped.Lock()
	defer mapped.Unlock()
	mapped.watch = f
	if f != nil {
		f(mapped.bytes)
	}
}
