package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// MeanCI returns the mean of xs and the half-width of its two-sided
// confidence interval at the given level (0.95 for 95 %), from Student's t
// with len(xs)-1 degrees of freedom: the usual interval for the mean of
// independent replications. NaN values are left out. With fewer than two
// values the half-width is NaN; with none, the mean is NaN too.
func MeanCI(xs []float64, level float64) (mean, half float64) {
	vals := xs
	for _, x := range xs {
		if math.IsNaN(x) {
			vals = make([]float64, 0, len(xs))
			for _, x := range xs {
				if !math.IsNaN(x) {
					vals = append(vals, x)
				}
			}
			break
		}
	}
	switch len(vals) {
	case 0:
		return math.NaN(), math.NaN()
	case 1:
		return vals[0], math.NaN()
	}
	m, sd := stat.MeanStdDev(vals, nil)
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(len(vals) - 1)}.Quantile(0.5 + level/2)
	return m, t * sd / math.Sqrt(float64(len(vals)))
}

// JackknifeCI returns the half-width of the two-sided confidence interval
// at the given level of an estimate computed from n replications together
// (a ratio of sums, say), given the estimate recomputed with each
// replication left out in turn: loo[i] leaves out replication i. It is
// Student's t with n-1 degrees of freedom times the jackknife standard
// error, √((n-1)/n · Σ (loo[i] − mean(loo))²) (Efron and Stein 1981; for a
// plain mean this is exactly MeanCI's s/√n). The half-width is NaN with
// fewer than two replications or when any value is NaN or infinite: an
// estimate that some subset of the replications leaves undefined has no
// honest interval.
func JackknifeCI(loo []float64, level float64) float64 {
	return NewJackknife(len(loo), level).HalfWidth(loo)
}

// Jackknife computes JackknifeCI's half-widths for a fixed number of
// replications and level, with Student's t quantile found once: the
// tables of a long run by interval ask for hundreds of thousands of them,
// and the quantile costs far more than the rest.
type Jackknife struct {
	n int
	t float64
}

// NewJackknife returns the Jackknife of n replications at the given level.
func NewJackknife(n int, level float64) Jackknife {
	j := Jackknife{n: n, t: math.NaN()}
	if n >= 2 {
		j.t = distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(0.5 + level/2)
	}
	return j
}

// HalfWidth returns JackknifeCI(loo, level) for the level j was made
// with; loo must hold one value per replication, n of them, or it panics.
func (j Jackknife) HalfWidth(loo []float64) float64 {
	if len(loo) != j.n {
		panic(fmt.Sprintf("stats: a jackknife of %d replications given %d values", j.n, len(loo)))
	}
	n := j.n
	if n < 2 {
		return math.NaN()
	}
	for _, x := range loo {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return math.NaN()
		}
	}
	m := stat.Mean(loo, nil)
	ss := 0.0
	for _, x := range loo {
		ss += (x - m) * (x - m)
	}
	return j.t * math.Sqrt(float64(n-1)/float64(n)*ss)
}
