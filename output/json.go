package output

import (
	"bufio"
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

// NewObject returns an empty Object with room for keys keys, so that
// adding that many grows nothing: the same object as &Object{} once they
// are set.
func NewObject(keys int) *Object {
	return &Object{keys: make([]string, 0, keys), values: make([]any, 0, keys)}
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
func Number(f float64) []byte { return appendNumber(nil, f) }

// appendNumber appends f as Number writes it.
func appendNumber(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	return strconv.AppendFloat(b, f, 'g', -1, 64)
}

// WriteJSON writes v as indented JSON followed by a newline: the bytes of
// json.Indent (two spaces a level) of json.Marshal(v). Objects (*Object),
// lists of them and their float values are written as they are read, not
// marshalled whole and indented after: a 365-day run's summary.json (3 MB)
// took five times its size in copies, each nested object compacted again
// by every object around it (TestWriteJSONIsIndentedMarshal). On an error,
// part of the text may have been written.
func WriteJSON(w io.Writer, v any) error {
	e := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	if err := e.value(v, 0); err != nil {
		return err
	}
	e.w.WriteByte('\n')
	return e.w.Flush()
}

// jsonIndent is one level of WriteJSON's indentation.
const jsonIndent = "  "

// jsonWriter writes indented JSON as WriteJSON does.
type jsonWriter struct {
	w       *bufio.Writer
	scratch []byte
	buf     bytes.Buffer // a value json.Indent indents
}

// value writes v, nested depth levels deep.
func (e *jsonWriter) value(v any, depth int) error {
	switch v := v.(type) {
	case *Object:
		if v != nil && len(v.keys) > 0 {
			return e.object(v, depth)
		}
	case []*Object:
		if len(v) > 0 {
			e.w.WriteByte('[')
			for i, o := range v {
				e.open(i, depth+1)
				if err := e.value(o, depth+1); err != nil {
					return err
				}
			}
			e.close(']', depth)
			return nil
		}
	}
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	e.scratch = e.scratch[:0]
	for range depth {
		e.scratch = append(e.scratch, jsonIndent...)
	}
	e.buf.Reset()
	if err := json.Indent(&e.buf, data, string(e.scratch), jsonIndent); err != nil {
		return err
	}
	_, err = e.w.Write(e.buf.Bytes())
	return err
}

// object writes o, which has keys, nested depth levels deep.
func (e *jsonWriter) object(o *Object, depth int) error {
	e.w.WriteByte('{')
	for i, k := range o.keys {
		e.open(i, depth+1)
		if err := e.str(k); err != nil {
			return err
		}
		e.w.WriteString(": ")
		switch v := o.values[i].(type) {
		case float64:
			e.scratch = appendNumber(e.scratch[:0], v)
			e.w.Write(e.scratch)
			continue
		case int:
			e.scratch = strconv.AppendInt(e.scratch[:0], int64(v), 10)
			e.w.Write(e.scratch)
			continue
		case string:
			if err := e.str(v); err != nil {
				return err
			}
			continue
		}
		if err := e.value(o.values[i], depth+1); err != nil {
			return err
		}
	}
	e.close('}', depth)
	return nil
}

// str writes s as json.Marshal does: quoted as it is when no byte of it
// needs escaping (jsonPlain), through json.Marshal otherwise.
func (e *jsonWriter) str(s string) error {
	if jsonPlain(s) {
		e.w.WriteByte('"')
		e.w.WriteString(s)
		e.w.WriteByte('"')
		return nil
	}
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	_, err = e.w.Write(b)
	return err
}

// jsonPlain tells whether json.Marshal writes s as it is between quotes:
// every byte printable ASCII, none a quote, a backslash or one of the
// three it escapes for HTML (<, >, &) (TestJSONPlainAsMarshal).
func jsonPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		}
	}
	return true
}

// open starts element i of a list or object, depth levels deep: the comma
// after the one before, a line break and the indentation.
func (e *jsonWriter) open(i, depth int) {
	if i > 0 {
		e.w.WriteByte(',')
	}
	e.w.WriteByte('\n')
	for range depth {
		e.w.WriteString(jsonIndent)
	}
}

// close ends a list or object of elements, depth levels deep.
func (e *jsonWriter) close(c byte, depth int) {
	e.w.WriteByte('\n')
	for range depth {
		e.w.WriteString(jsonIndent)
	}
	e.w.WriteByte(c)
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
