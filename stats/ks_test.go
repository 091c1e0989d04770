package stats

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestKolmogorovSmirnov checks the distance sup |Fn(x) − F(x)| against
// values worked out by hand for samples of the uniform law on [0, 1]
// (F(x) = x), where the supremum is at a step of Fn, on its right
// (0.1, 0.4, 0.4, 0.9: Fn jumps from 1/4 to 3/4 at 0.4, 0.35 above F) or
// on its left (0.8, 0.8, 0.9: F(0.8) = 0.8 above Fn's 0 just before), and
// against the closed form for the sample of n standard normal quantiles
// at (i + ½)/n (gonum's): F meets each step of Fn at its middle, so the
// distance is 1/(2n), the least any sample of n can have. An empty sample
// is at distance 0.
//
// Seen to catch: the outer loop's i < len made i <= len (an index past
// the end) or i >= len (no distance at all); the tie loop's j < len made
// j <= len or j >= len, its sorted[j] == sorted[i] made != and its j++
// made j-- (which never end, or run off the slice); f − i/n and j/n − f
// with either subtraction made an addition or either division a product.
func TestKolmogorovSmirnov(t *testing.T) {
	uniform := func(x float64) float64 { return math.Max(0, math.Min(1, x)) }
	const n = 40
	normal := distuv.UnitNormal
	quantiles := make([]float64, n)
	for i := range quantiles {
		quantiles[i] = normal.Quantile((float64(i) + 0.5) / n)
	}
	cases := []struct {
		name   string
		sample []float64
		cdf    func(float64) float64
		want   float64
	}{
		{"right of a tied step", []float64{0.1, 0.4, 0.4, 0.9}, uniform, 0.35},
		{"left of a tied step", []float64{0.8, 0.8, 0.9}, uniform, 0.8},
		{"normal quantiles", quantiles, normal.CDF, 0.5 / n},
		{"empty", nil, uniform, 0},
	}
	for _, c := range cases {
		// 1e-12: the hand values are exact but for the rounding of the
		// sample's values and of F.
		if got := KolmogorovSmirnov(c.sample, c.cdf); !(math.Abs(got-c.want) <= 1e-12) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}
