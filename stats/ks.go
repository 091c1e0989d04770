package stats

import "math"

// KolmogorovSmirnov returns the Kolmogorov–Smirnov distance between the
// empirical distribution function of a sample, sorted in increasing order,
// and the distribution function cdf (Kolmogorov 1933; Smirnov 1948, "Table
// for estimating the goodness of fit of empirical distributions", Annals
// of Mathematical Statistics 19, 279–281): sup |Fn(x) − F(x)|, found at
// the sample's distinct values, on either side of each step of Fn (a value
// met k times makes one step of k/n). It is 0 for an empty sample.
//
// gonum's stat.KolmogorovSmirnov compares two samples; this compares one
// with a law given by its distribution function.
func KolmogorovSmirnov(sorted []float64, cdf func(float64) float64) float64 {
	n := float64(len(sorted))
	d := 0.0
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j] == sorted[i] {
			j++
		}
		f := cdf(sorted[i])
		d = math.Max(d, math.Max(math.Abs(f-float64(i)/n), math.Abs(float64(j)/n-f)))
		i = j
	}
	return d
}
