package output

import (
	"bytes"
	"encoding/json"
	"io"
	"iter"
	"math"
	"slices"
	"strconv"
)

// Object is a JSON object that keeps its keys in the order they were added,
// so output reads in a sensible order and never depends on map iteration.
type Object struct {
	keys   []string
	values []any
}

// Set adds or replaces a key. Float values that are NaN or infinite are
// written as null: JSON has no such numbers.
func (o *Object) Set(key string, value any) *Object {
	for i, k := range o.keys {
		if k == key {
			o.values[i] = value
			return o
		}
	}
	o.keys = append(o.keys, key)
	o.values = append(o.values, value)
	return o
}

// All returns the keys and their values, in order.
func (o *Object) All() iter.Seq2[string, any] {
	return func(yield func(string, any) bool) {
		for i, k := range o.keys {
			if !yield(k, o.values[i]) {
				return
			}
		}
	}
}

// Clone returns a copy of the object, to which keys may be added and set
// without changing o (the values themselves are shared).
func (o *Object) Clone() *Object {
	return &Object{keys: slices.Clone(o.keys), values: slices.Clone(o.values)}
}

// Len returns the number of keys.
func (o *Object) Len() int { return len(o.keys) }

// MarshalJSON writes the object with its keys in order.
func (o *Object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(k)
		b.Write(key)
		b.WriteByte(':')
		v, err := marshalValue(o.values[i])
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshalValue(v any) ([]byte, error) {
	if f, ok := v.(float64); ok {
		return Number(f), nil
	}
	return json.Marshal(v)
}

// Number writes a float as JSON: null when it is NaN or infinite, otherwise
// the shortest text that reads back as the same float.
func Number(f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null")
	}
	return strconv.AppendFloat(nil, f, 'g', -1, 64)
}

// WriteJSON writes v as indented JSON followed by a newline.
func WriteJSON(w io.Writer, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, data, "", "  "); err != nil {
		return err
	}
	b.WriteByte('\n')
	_, err = w.Write(b.Bytes())
	return err
}

// Floats is a list of numbers written as JSON with NaN and infinities as
// null, as Object writes its float values.
type Floats []float64

// MarshalJSON writes the list.
func (f Floats) MarshalJSON() ([]byte, error) {
	b := []byte{'['}
	for i, v := range f {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, Number(v)...)
	}
	return append(b, ']'), nil
}
