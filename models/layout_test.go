package models

import (
	"maps"
	"slices"
	"testing"
	"unsafe"
)

// TestCustomerOnFourLines checks the customer's layout: 256 bytes (a size
// class whose objects start on a cache line), the keyed draws' key and
// counts on the first line, and the fields each event of a contact reads
// together on the second.
func TestCustomerOnFourLines(t *testing.T) {
	var cu customer
	if n := unsafe.Sizeof(cu); n != 256 {
		t.Errorf("a customer is %d bytes, want 256", n)
	}
	if l := (unsafe.Offsetof(cu.draws) + unsafe.Sizeof(cu.draws) - 1) / 64; l != 0 {
		t.Errorf("the draws end on line %d, want 0", l)
	}
	onLine(t, "customer", 1, map[string]uintptr{
		"issue": unsafe.Offsetof(cu.issue), "class": unsafe.Offsetof(cu.class),
		"open": unsafe.Offsetof(cu.open), "late": unsafe.Offsetof(cu.late),
		"contacts": unsafe.Offsetof(cu.contacts), "failures": unsafe.Offsetof(cu.failures),
		"last": unsafe.Offsetof(cu.last), "done": unsafe.Offsetof(cu.done),
		"resolved": unsafe.Offsetof(cu.resolved),
	})
}

// onLine checks that each of type typ's fields, named with its offset,
// starts on cache line want of 64 bytes; it reports the misplaced ones in
// the order of their names.
func onLine(t *testing.T, typ string, want uintptr, fields map[string]uintptr) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		if l := fields[name] / 64; l != want {
			t.Errorf("%s.%s on line %d, want %d", typ, name, l, want)
		}
	}
}

// TestContactOnThreeLines checks the contact's layout: 192 bytes (a size
// class whose objects start on a cache line), and what answering and
// ending a contact read on its first line, its timers and place in a
// queue on the second.
func TestContactOnThreeLines(t *testing.T) {
	var c contact
	if n := unsafe.Sizeof(c); n != 192 {
		t.Errorf("a contact is %d bytes, want 192", n)
	}
	onLine(t, "contact", 0, map[string]uintptr{
		"cust": unsafe.Offsetof(c.cust), "ch": unsafe.Offsetof(c.ch),
		"agent": unsafe.Offsetof(c.agent), "arrived": unsafe.Offsetof(c.arrived),
		"handle": unsafe.Offsetof(c.handle), "answered": unsafe.Offsetof(c.answered),
		"class": unsafe.Offsetof(c.class), "callback": unsafe.Offsetof(c.callback),
		"reached": unsafe.Offsetof(c.reached), "chased": unsafe.Offsetof(c.chased),
	})
	onLine(t, "contact", 1, map[string]uintptr{
		"timer": unsafe.Offsetof(c.timer), "overTimer": unsafe.Offsetof(c.overTimer),
		"queue": unsafe.Offsetof(c.queue), "link": unsafe.Offsetof(c.link),
	})
}

// TestAgentIsALine checks that an agent is 64 bytes, a size class whose
// objects start on a cache line: the end of a handling reads its agent
// with one line (at 112 bytes, before, two or three).
func TestAgentIsALine(t *testing.T) {
	if n := unsafe.Sizeof(agent{}); n != 64 {
		t.Errorf("an agent is %d bytes, want 64", n)
	}
}
