package chart

import (
	"runtime"
	"sync"
)

// freeList keeps up to GOMAXPROCS objects for reuse, which, unlike a
// sync.Pool's, the collector never takes back: writing a folder runs
// several collections, after each of which a sync.Pool's images (a chart of
// 1200×600 pixels is 2.9 MB) and PNG compressors (a megabyte) were made and
// faulted in anew. At most GOMAXPROCS are kept, as many as can be in use
// at once (charts are drawn on that many goroutines), so the memory held
// stays bounded. Its zero value is an empty list; it may be used by several
// goroutines at once.
type freeList[T any] struct {
	mu   sync.Mutex
	free []*T
}

// get returns an object from the list, or nil when it is empty.
func (l *freeList[T]) get() *T {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := len(l.free)
	if n == 0 {
		return nil
	}
	x := l.free[n-1]
	l.free[n-1] = nil
	l.free = l.free[:n-1]
	return x
}

// put returns x to the list and tells whether it kept it: not when x is
// nil or the list holds GOMAXPROCS objects already, when x is the
// caller's to let go of.
func (l *freeList[T]) put(x *T) bool {
	if x == nil {
		return false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.free) < runtime.GOMAXPROCS(0) {
		l.free = append(l.free, x)
		return true
	}
	return false
}
