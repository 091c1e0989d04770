package output

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestAppendCellIsFormatFloat: appendCell writes the bytes of strconv's
// 'g' format with 9 digits, CellOf's, for every integer within 100,000 of
// zero and of ±1e9, powers of ten and of two and their neighbours, halves,
// negative zero, and a million random numbers of every scale; and the
// integers it writes apart read back as the number itself.
func TestAppendCellIsFormatFloat(t *testing.T) {
	var vals []float64
	for i := -100000; i <= 100000; i++ {
		vals = append(vals, float64(i), float64(i)+0.5, float64(i)/4, 1e9+float64(i), -1e9+float64(i))
	}
	for e := -30; e <= 30; e++ {
		p := math.Pow(10, float64(e))
		vals = append(vals, p, -p, math.Nextafter(p, 0), math.Nextafter(p, math.Inf(1)), math.Ldexp(1, e), math.Ldexp(1, 2*e)-1)
	}
	vals = append(vals, math.Copysign(0, -1), 0, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.MaxInt64, math.MinInt64, 1<<53, 1<<53+2, 999999999.5, -999999999.5, 999999999.4999999)
	r := rand.New(rand.NewPCG(1, 2))
	for range 1000000 {
		vals = append(vals, math.Float64frombits(r.Uint64()), r.NormFloat64()*math.Pow(10, float64(r.IntN(24)-6)),
			math.Round(r.Float64()*math.Pow(10, float64(r.IntN(12)))))
	}
	for _, v := range vals {
		checkAppendCell(t, v)
	}
}

// FuzzAppendCell: appendCell writes the bytes strconv does for any float.
func FuzzAppendCell(f *testing.F) {
	for _, v := range []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1e9 - 1, 1e9, -1e9 + 1, 123456789, 1.5e300} {
		f.Add(math.Float64bits(v))
	}
	f.Fuzz(func(t *testing.T, bits uint64) { checkAppendCell(t, math.Float64frombits(bits)) })
}

func checkAppendCell(t *testing.T, v float64) {
	t.Helper()
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return // CellOf writes no text for them, and appendCell is not asked
	}
	got, exact := appendCell(nil, v)
	if want := strconv.FormatFloat(v, 'g', 9, 64); string(got) != want {
		t.Fatalf("appendCell(%v (bits %#x)) = %q, want %q", v, math.Float64bits(v), got, want)
	}
	if exact {
		if back, err := strconv.ParseFloat(string(got), 64); err != nil || math.Float64bits(back) != math.Float64bits(v) {
			t.Fatalf("appendCell(%v) = %q, said to read back as itself, reads as %v (%v)", v, got, back, err)
		}
	}
}
