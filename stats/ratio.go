package stats

import (
	"math"

	"gonum.org/v1/gonum/floats"
)

// RatioCI returns the ratio of sums Σnum ÷ Σden over units (days of a log,
// replications of a simulation: num[i] and den[i] are unit i's) and the
// half-width of its two-sided confidence interval at the given level by
// the jackknife over the units (JackknifeCI, Efron and Stein 1981): the
// ratio recomputed with each unit left out in turn, (Σnum − num[i]) ÷
// (Σden − den[i]). The ratio and the half-width are NaN when Σden is zero;
// the half-width is NaN with fewer than two units, or when leaving one out
// leaves a denominator of zero.
func RatioCI(num, den []float64, level float64) (ratio, half float64) {
	n, d := floats.Sum(num), floats.Sum(den)
	if d == 0 {
		return math.NaN(), math.NaN()
	}
	loo := make([]float64, len(num))
	for i := range num {
		loo[i] = (n - num[i]) / (d - den[i])
	}
	return n / d, JackknifeCI(loo, level)
}
