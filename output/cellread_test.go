package output

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestReadCellAsParseFloat: readCell reads the text appendCell writes of a
// million random numbers of every scale, and of powers of ten, halves and
// their neighbours, as strconv.ParseFloat does, bit for bit, and reads
// some of them; it leaves to ParseFloat what is not such a text.
func TestReadCellAsParseFloat(t *testing.T) {
	var vals []float64
	for e := -30; e <= 30; e++ {
		p := math.Pow(10, float64(e))
		vals = append(vals, p, -p, p/2, math.Nextafter(p, 0), math.Nextafter(p, math.Inf(1)))
	}
	vals = append(vals, 0, math.Copysign(0, -1), 1.5e300, math.SmallestNonzeroFloat64, 0.1, 0.7, 1/3.0)
	r := rand.New(rand.NewPCG(3, 4))
	for range 1000000 {
		vals = append(vals, math.Float64frombits(r.Uint64()), r.NormFloat64()*math.Pow(10, float64(r.IntN(40)-20)),
			r.Float64(), float64(r.IntN(1000))/float64(1+r.IntN(1000)))
	}
	read := 0
	for _, v := range vals {
		b, _ := appendCell(nil, v)
		if checkReadCell(t, b) {
			read++
		}
	}
	if read < len(vals)/2 {
		t.Errorf("read %d of %d texts, the rest left to ParseFloat: the fast path is not tested", read, len(vals))
	}
	for _, s := range []string{"", "-", ".", "-.", "1.2.3", "1e", "1e+", "1e5", "1e+1234", "1x", "--1", "0x1p3", "inf", "NaN",
		"1_000", "1234567890123456", "1e+23", "1e-23", "12.5e-21", " 1", "1 "} {
		checkReadCell(t, []byte(s))
	}
}

// checkReadCell fails t when readCell reads b otherwise than
// strconv.ParseFloat, or cellFloat (of b and of its string) otherwise than
// ParseFloat or NaN, and tells whether readCell read b.
func checkReadCell(t *testing.T, b []byte) bool {
	t.Helper()
	want, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		want = math.NaN()
	}
	for _, got := range []float64{cellFloat(b), cellFloat(string(b))} {
		if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("cellFloat(%q) = %v, ParseFloat: %v, %v", b, got, want, err)
		}
	}
	got, ok := readCell(b)
	if !ok {
		return false
	}
	if err != nil || math.Float64bits(got) != math.Float64bits(want) {
		t.Fatalf("readCell(%q) = %v (%x), ParseFloat: %v (%x), %v", b, got, math.Float64bits(got), want, math.Float64bits(want), err)
	}
	return true
}

// FuzzReadCell: readCell reads any text as ParseFloat does, or leaves it.
func FuzzReadCell(f *testing.F) {
	for _, s := range []string{"0", "-0", "1.5", "0.000123456789", "1.23456789e-05", "-9.99999999e+21", "1e+22", "123456789012345"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) { checkReadCell(t, b) })
}
