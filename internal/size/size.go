// Package size estimates the memory a Go value holds: what a command
// checks against its budget before it makes many copies of one (a sweep's
// points, each a scenario).
package size

import (
	"reflect"
	"unsafe"
)

// Of returns the bytes v holds: its own, and those of everything it
// reaches through pointers, slices, maps, strings and interfaces, each
// block counted once however many ways lead to it. Maps are counted at
// twice their entries' size, for their buckets; allocators' rounding is
// not counted.
func Of(v any) int64 {
	if v == nil {
		return 0
	}
	w := walker{seen: map[uintptr]bool{}}
	rv := reflect.ValueOf(v)
	return int64(rv.Type().Size()) + w.extra(rv)
}

// walker counts what values reach, once each.
type walker struct {
	seen map[uintptr]bool
}

// first tells whether the block at p is met for the first time.
func (w *walker) first(p uintptr) bool {
	if p == 0 || w.seen[p] {
		return false
	}
	w.seen[p] = true
	return true
}

// extra returns the bytes v reaches beyond its own Type().Size().
func (w *walker) extra(v reflect.Value) int64 {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || !w.first(v.Pointer()) {
			return 0
		}
		e := v.Elem()
		return int64(e.Type().Size()) + w.extra(e)
	case reflect.Interface:
		if v.IsNil() {
			return 0
		}
		e := v.Elem()
		return int64(e.Type().Size()) + w.extra(e)
	case reflect.String:
		if v.Len() == 0 || !w.first(uintptr(unsafe.Pointer(unsafe.StringData(v.String())))) {
			return 0
		}
		return int64(v.Len())
	case reflect.Slice:
		if v.Cap() == 0 || !w.first(v.Pointer()) {
			return 0
		}
		n := int64(v.Cap()) * int64(v.Type().Elem().Size())
		for i := range v.Len() {
			n += w.extra(v.Index(i))
		}
		return n
	case reflect.Array:
		var n int64
		for i := range v.Len() {
			n += w.extra(v.Index(i))
		}
		return n
	case reflect.Struct:
		var n int64
		for i := range v.NumField() {
			n += w.extra(v.Field(i))
		}
		return n
	case reflect.Map:
		if v.IsNil() || !w.first(v.Pointer()) {
			return 0
		}
		t := v.Type()
		n := 2 * int64(v.Len()) * int64(t.Key().Size()+t.Elem().Size())
		it := v.MapRange()
		for it.Next() {
			n += w.extra(it.Key()) + w.extra(it.Value())
		}
		return n
	}
	return 0
}
