package report

import (
	"math"
	"testing"

	"github.com/omnisim/omnisim/output"
)

// TestMeasuredAsMath checks minOf and maxOf against math.Min and
// math.Max, and measured and ivLength, which take them, against the same arithmetic by math.Min and math.Max, bit
// for bit, on every combination of ordinary and special values (NaN, both
// infinities, both zeros).
func TestMeasuredAsMath(t *testing.T) {
	vals := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), 1, -1, 0.5, 1800, 86400, 3600 * 24 * 365, 1e-300, 5e-324}
	measuredMath := func(w, h, start, length float64) float64 {
		if math.IsNaN(start) || !(length > 0) {
			return 1
		}
		end := start + length
		if h > 0 {
			end = math.Min(end, h)
		}
		in := (end - math.Max(start, w)) / length
		return math.Max(0, math.Min(1, in))
	}
	ivLengthMath := func(n, h, start float64) float64 {
		if h > 0 && !math.IsNaN(start) {
			n = math.Min(n, h-start)
		}
		return n
	}
	same := func(a, b float64) bool {
		return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
	}
	for _, x := range vals {
		for _, y := range vals {
			if got, want := minOf(x, y), math.Min(x, y); !same(got, want) {
				t.Fatalf("minOf(%v, %v) = %v, want %v", x, y, got, want)
			}
			if got, want := maxOf(x, y), math.Max(x, y); !same(got, want) {
				t.Fatalf("maxOf(%v, %v) = %v, want %v", x, y, got, want)
			}
		}
	}
	for _, w := range vals {
		for _, h := range vals {
			v := &reportView{meta: output.Meta{WarmupSeconds: w, HorizonSeconds: h}}
			for _, start := range vals {
				for _, length := range vals {
					got, want := v.measured(start, length), measuredMath(w, h, start, length)
					if !same(got, want) {
						t.Fatalf("measured(%v, %v) with warm-up %v, horizon %v: got %v, want %v", start, length, w, h, got, want)
					}
					v.meta.IntervalSeconds = length
					got, want = v.ivLength(start), ivLengthMath(length, h, start)
					if !same(got, want) {
						t.Fatalf("ivLength(%v) with interval %v, horizon %v: got %v, want %v", start, length, h, got, want)
					}
				}
			}
		}
	}
}
