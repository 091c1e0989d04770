package output

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
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

// TestNewObjectAsEmpty: an Object made by NewObject, with room for fewer,
// as many or more keys than are set (a key set twice replaced), writes the
// same bytes as one grown from &Object{}, by WriteJSON and json.Marshal,
// empty too.
func TestNewObjectAsEmpty(t *testing.T) {
	for _, room := range []int{0, 1, 3, 10} {
		for keys := range 5 {
			a, b := NewObject(room), &Object{}
			for k := range keys {
				a.Set(string(rune('a'+k)), k).Set("a", 1.5)
				b.Set(string(rune('a'+k)), k).Set("a", 1.5)
			}
			var ga, gb bytes.Buffer
			if err := WriteJSON(&ga, a); err != nil {
				t.Fatal(err)
			}
			if err := WriteJSON(&gb, b); err != nil {
				t.Fatal(err)
			}
			ma, errA := json.Marshal(a)
			mb, errB := json.Marshal(b)
			if errA != nil || errB != nil {
				t.Fatal(errA, errB)
			}
			if !bytes.Equal(ga.Bytes(), gb.Bytes()) || !bytes.Equal(ma, mb) {
				t.Errorf("room %d, %d keys: %s / %s, want %s / %s", room, keys, ga.Bytes(), ma, gb.Bytes(), mb)
			}
		}
	}
}

// TestJSONPlainAsMarshal: a string jsonPlain passes is what json.Marshal
// writes between quotes, for every single byte, and for random strings of
// bytes (mostly printable ASCII, some of anything) as WriteJSON writes keys,
// strings and ints in an object.
func TestJSONPlainAsMarshal(t *testing.T) {
	check := func(s string) {
		t.Helper()
		m, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if jsonPlain(s) && string(m) != `"`+s+`"` {
			t.Errorf("jsonPlain(%q), but json.Marshal writes %s", s, m)
		}
	}
	for c := range 256 {
		check(string([]byte{byte(c)}))
		check("ab" + string([]byte{byte(c)}) + "cd")
	}
	check("")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = byte(0x20 + rng.IntN(0x5f))
			if rng.IntN(20) == 0 {
				b[i] = byte(rng.IntN(256))
			}
		}
		check(string(b))
		o := new(Object).Set(string(b), string(b)).Set("n", rng.IntN(2000)-1000).Set("day", 3)
		var got bytes.Buffer
		if err := WriteJSON(&got, o); err != nil {
			t.Fatal(err)
		}
		if want := indentedMarshal(t, o); !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("WriteJSON wrote\n%s\nwant\n%s", got.Bytes(), want)
		}
	}
}
