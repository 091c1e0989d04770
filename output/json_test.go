package output

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
)

// TestWriteJSONIsIndentedMarshal: WriteJSON writes the bytes of
// json.Indent of json.Marshal, as it did before it streamed objects, for
// objects nested in objects and lists, empty and nil ones, nil elements,
// floats that are NaN or infinite, Floats, strings json escapes, maps,
// structs holding objects, and values that are not objects at all.
func TestWriteJSONIsIndentedMarshal(t *testing.T) {
	type holder struct {
		Name string  `json:"name"`
		O    *Object `json:"o"`
		F    Floats  `json:"f"`
	}
	inner := new(Object).Set("a", 1.5).Set("b", math.NaN()).Set("c", math.Inf(-1)).Set("d", 3).
		Set("e", "<tag> & \u2028 \"quoted\"\n").Set("f", Floats{1, math.NaN(), 2.25}).Set("g", Floats{}).
		Set("h", Floats(nil)).Set("i", []int{}).Set("j", []string{"x", "y"}).Set("k", nil).Set("l", -0.0)
	deep := new(Object).Set("inner", inner).Set("empty", &Object{}).Set("nil", (*Object)(nil)).
		Set("list", []*Object{inner, nil, {}, new(Object).Set("z", 1e300)}).Set("nolist", []*Object{}).
		Set("nillist", []*Object(nil)).Set("map", map[string]any{"b": 1, "a": []any{1.5, "s", inner}}).
		Set("struct", holder{"h", inner, Floats{4}}).Set("<key>", true)
	top := new(Object).Set("deep", deep).Set("again", new(Object).Set("deep", deep)).Set("n", 0.1)
	for name, v := range map[string]any{
		"object": top, "empty": &Object{}, "nil object": (*Object)(nil), "list": []*Object{top, nil},
		"empty list": []*Object{}, "number": 2.5, "string": "a\tb", "struct": holder{O: top}, "null": nil,
	} {
		t.Run(name, func(t *testing.T) {
			var got bytes.Buffer
			if err := WriteJSON(&got, v); err != nil {
				t.Fatal(err)
			}
			want := indentedMarshal(t, v)
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("WriteJSON wrote\n%s\nwant\n%s", got.Bytes(), want)
			}
		})
	}
}

// TestWriteJSONErrors: a value json cannot write is an error.
func TestWriteJSONErrors(t *testing.T) {
	for _, v := range []any{math.NaN(), new(Object).Set("c", make(chan int)), []*Object{new(Object).Set("f", func() {})}} {
		if err := WriteJSON(&bytes.Buffer{}, v); err == nil {
			t.Errorf("WriteJSON(%v): no error", v)
		}
	}
}

// indentedMarshal is what WriteJSON wrote before it streamed objects.
func indentedMarshal(t *testing.T, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := json.Indent(&b, data, "", "  "); err != nil {
		t.Fatal(err)
	}
	return append(b.Bytes(), '\n')
}
