package chart

import (
	"runtime"
	"testing"
)

// TestFreeList: a free list gives back what was put in it, last in first
// out, nil when empty, and keeps at most GOMAXPROCS objects.
func TestFreeList(t *testing.T) {
	var l freeList[int]
	if x := l.get(); x != nil {
		t.Fatalf("an empty list gave %v, want nil", x)
	}
	n := runtime.GOMAXPROCS(0)
	xs := make([]int, n+3)
	for i := range xs {
		xs[i] = i
		if kept := l.put(&xs[i]); kept != (i < n) {
			t.Fatalf("put of the %d-th object said kept %v, with GOMAXPROCS = %d", i, kept, n)
		}
	}
	if l.put(nil) {
		t.Fatal("put(nil) said kept")
	}
	for i := n - 1; i >= 0; i-- {
		if x := l.get(); x != &xs[i] {
			t.Fatalf("got %p, want the object put %d-th (%p)", x, i, &xs[i])
		}
	}
	if x := l.get(); x != nil {
		t.Fatalf("the list kept more than GOMAXPROCS = %d objects: got %v", n, *x)
	}
}
