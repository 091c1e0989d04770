package stats

import (
	"math"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// WelchHalf returns the half-width of Welch's two-sided confidence
// interval at the given level (0.95 for 95 %) for the difference of the
// means of two independent samples (Welch 1947, "The generalization of
// 'Student's' problem when several different population variances are
// involved", Biometrika 34, 28–35): the standard error √(s²x/nx + s²y/ny)
// times Student's t with the Welch–Satterthwaite degrees of freedom,
// (s²x/nx + s²y/ny)² / ((s²x/nx)²/(nx−1) + (s²y/ny)²/(ny−1)). Two samples
// without spread give zero; fewer than two values on either side, NaN.
func WelchHalf(xs, ys []float64, level float64) float64 {
	if len(xs) < 2 || len(ys) < 2 {
		return math.NaN()
	}
	vx := stat.Variance(xs, nil) / float64(len(xs))
	vy := stat.Variance(ys, nil) / float64(len(ys))
	se2 := vx + vy
	if se2 == 0 {
		return 0
	}
	df := se2 * se2 / (vx*vx/float64(len(xs)-1) + vy*vy/float64(len(ys)-1))
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(0.5 + level/2)
	return t * math.Sqrt(se2)
}
