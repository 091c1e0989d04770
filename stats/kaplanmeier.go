package stats

// The Kaplan–Meier estimator (Kaplan and Meier 1958, "Nonparametric
// estimation from incomplete observations", Journal of the American
// Statistical Association 53, 457–481) of the law of a time some subjects
// are seen to end (an event) and others are seen to last beyond (they are
// censored): a customer gives up after a wait, or is answered before
// giving up. Here times come binned: events[t] subjects had the event in
// bin t, censored[t] were censored in bin t, taken as after that bin's
// events (a subject censored in bin t was still at risk at its events).
// The survival past bin t is the product over the bins up to t of
// 1 − events ÷ (subjects still at risk); the distribution function is one
// less the survival. events and censored are as long as each other.

// KaplanMeierMedian returns the first bin at whose end the Kaplan–Meier
// survival has fallen to one half or below: the median's bin. It is -1
// when the survival never falls that far (too few events, too much
// censoring).
func KaplanMeierMedian(events, censored []float64) int {
	atRisk := 0.0
	for t := range events {
		atRisk += events[t] + censored[t]
	}
	surv := 1.0
	for t := range events {
		if atRisk <= 0 {
			break
		}
		if d := events[t]; d > 0 {
			surv *= 1 - d/atRisk
			if surv <= 0.5 {
				return t
			}
		}
		atRisk -= events[t] + censored[t]
	}
	return -1
}

// KaplanMeierQuantiles returns, for each probability of ps (in increasing
// order, each above 0 and at most 1), the first bin at whose end the
// Kaplan–Meier distribution function, 1 − survival, has reached it
// (inf{t: F(t) ≥ p}): bins[i] is ps[i]'s quantile's bin, -1 when the
// function never reaches ps[i] (the survival stays above 1 − ps[i] past
// the last event).
func KaplanMeierQuantiles(events, censored, ps []float64) []int {
	atRisk := 0.0
	for t := range events {
		atRisk += events[t] + censored[t]
	}
	bins := make([]int, len(ps))
	surv, i := 1.0, 0
	for t := 0; t < len(events) && i < len(ps); t++ {
		if d := events[t]; d > 0 && atRisk > 0 {
			surv *= 1 - d/atRisk
			for i < len(ps) && 1-surv >= ps[i] {
				bins[i] = t
				i++
			}
		}
		atRisk -= events[t] + censored[t]
	}
	for ; i < len(ps); i++ {
		bins[i] = -1
	}
	return bins
}
