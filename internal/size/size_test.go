package size

import (
	"testing"
	"unsafe"
)

// TestOf checks the sizes of values whose layout is known: a struct with
// a string, a slice and a pointer; a block reached twice counted once; a
// cycle that ends; a map at twice its entries.
func TestOf(t *testing.T) {
	type node struct {
		Name string
		Vals []int64
		Next *node
	}
	n := &node{Name: "abcdef", Vals: make([]int64, 3, 10)}
	want := int64(unsafe.Sizeof(n)) + int64(unsafe.Sizeof(*n)) + 6 + 10*8
	if got := Of(n); got != want {
		t.Errorf("a node: %d bytes, want %d", got, want)
	}
	n.Next = n // a cycle: nothing more
	if got := Of(n); got != want {
		t.Errorf("a node pointing at itself: %d bytes, want %d", got, want)
	}
	pair := [2]*node{n, n}
	if got, want := Of(pair), int64(unsafe.Sizeof(pair))+want-int64(unsafe.Sizeof(n)); got != want {
		t.Errorf("one node twice: %d bytes, want %d", got, want)
	}
	m := map[int32]int32{1: 2, 3: 4}
	if got, want := Of(m), int64(unsafe.Sizeof(m))+2*2*8; got != want {
		t.Errorf("a map of 2: %d bytes, want %d", got, want)
	}
	if Of(nil) != 0 {
		t.Error("nil: want 0")
	}
}
