// Package stats holds omnisim's statistics, on plain slices: Student t
// intervals for a mean of replications (MeanCI), the jackknife for an
// estimate pooled over them (JackknifeCI, Jackknife, LeaveOneOut,
// PooledHalfWidths, RatioCI), Welch's interval for the difference of two
// independent means (WelchHalf), the Kolmogorov–Smirnov distance of a
// sample from a law (KolmogorovSmirnov) and the Kaplan–Meier estimator of
// a law from censored, binned times (KaplanMeierMedian,
// KaplanMeierQuantiles).
//
// It knows nothing of figures, contacts or the engine, and imports nothing
// of omnisim's: models, plan, output, scenarios and fit call it with the
// numbers their figures give. gonum's stat and distuv do what they can
// (means, variances, Student's t quantiles); what is here is what gonum
// does not have. Each function cites its source.
package stats
