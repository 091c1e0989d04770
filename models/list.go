package models

// node is an element's place in an intrusive doubly linked list: the
// element holds one node per list it can be in, and the node points back
// at its element. An element leaves the list from anywhere in O(1), and
// nothing is allocated to put it in.
//
// The node holds its element rather than the list asking the element for
// its node through a method: a method of a type parameter is called
// through the instantiation's dictionary, not inlined, and these lists
// are on every contact's path.
type node[T any] struct {
	prev, next *node[T]
	elem       *T
}

// list is an intrusive doubly linked list of nodes, first in, first out:
// a channel's queues of contacts (queue) and a pool's idle agents.
type list[T any] struct {
	head, tail *node[T]
	n          int
}

// push adds x at the back.
func (l *list[T]) push(x *node[T]) {
	x.prev, x.next = l.tail, nil
	if l.tail == nil {
		l.head = x
	} else {
		l.tail.next = x
	}
	l.tail = x
	l.n++
}

// remove takes x out of the list, which must hold it.
func (l *list[T]) remove(x *node[T]) {
	if x.prev == nil {
		l.head = x.next
	} else {
		x.prev.next = x.next
	}
	if x.next == nil {
		l.tail = x.prev
	} else {
		x.next.prev = x.prev
	}
	x.prev, x.next = nil, nil
	l.n--
}

// front returns the first element, nil if the list is empty.
func (l *list[T]) front() *T {
	if l.head == nil {
		return nil
	}
	return l.head.elem
}

// back returns the last element, nil if the list is empty.
func (l *list[T]) back() *T {
	if l.tail == nil {
		return nil
	}
	return l.tail.elem
}
