package models

import (
	"slices"
	"testing"
)

// TestList checks the intrusive list against the order it promises:
// first in, first out, an element removed from the front, the middle or
// the back leaving the others in order, and an empty list's front and back
// nil. Seen to catch: remove not relinking a neighbour (prev or next left
// pointing at the removed node), the count not kept.
func TestList(t *testing.T) {
	type item struct {
		id   int
		link node[item]
	}
	items := make([]*item, 5)
	for i := range items {
		items[i] = &item{id: i}
		items[i].link.elem = items[i]
	}
	var l list[item]
	order := func() []int {
		var ids, back []int
		for n := l.head; n != nil; n = n.next {
			ids = append(ids, n.elem.id)
		}
		for n := l.tail; n != nil; n = n.prev {
			back = append(back, n.elem.id)
		}
		slices.Reverse(back)
		if !slices.Equal(ids, back) {
			t.Fatalf("forwards %v, backwards %v", ids, back)
		}
		if len(ids) != l.n {
			t.Fatalf("%d elements, counted %d", len(ids), l.n)
		}
		return ids
	}
	if l.front() != nil || l.back() != nil {
		t.Fatal("an empty list has a front or a back")
	}
	for _, it := range items {
		l.push(&it.link)
	}
	for _, tc := range []struct {
		remove int
		want   []int
	}{
		{2, []int{0, 1, 3, 4}}, // the middle
		{0, []int{1, 3, 4}},    // the front
		{4, []int{1, 3}},       // the back
		{1, []int{3}},
		{3, nil},
	} {
		l.remove(&items[tc.remove].link)
		if got := order(); !slices.Equal(got, tc.want) {
			t.Fatalf("after removing %d: %v, want %v", tc.remove, got, tc.want)
		}
		if len(tc.want) > 0 && (l.front().id != tc.want[0] || l.back().id != tc.want[len(tc.want)-1]) {
			t.Fatalf("after removing %d: front %d, back %d, want %v", tc.remove, l.front().id, l.back().id, tc.want)
		}
	}
	if l.front() != nil || l.back() != nil {
		t.Fatal("an emptied list has a front or a back")
	}
}
