package models

import (
	"math"
	"math/rand/v2"
)

// arrivalProcess generates the arrival times of a Poisson process whose rate
// is constant or piecewise constant by interval. Each gap inverts the
// cumulative rate: one unit-exponential draw is spent across as many
// intervals as it takes, so short peaks are never skipped (drawing the next
// gap from the current rate alone would jump over them).
type arrivalProcess struct {
	rate     float64   // constant rate, when volumes is empty
	rates    []float64 // per-interval rates, repeating
	interval float64
	rng      *rand.Rand
}

func newArrivalProcess(a Arrivals, interval float64, rng *rand.Rand) *arrivalProcess {
	p := &arrivalProcess{rate: a.Rate, interval: interval, rng: rng}
	for _, v := range a.Volumes {
		p.rates = append(p.rates, v/interval)
	}
	return p
}

// next returns the first arrival after time t, or +Inf if none comes before
// limit.
func (p *arrivalProcess) next(t, limit float64) float64 {
	e := p.rng.ExpFloat64()
	if len(p.rates) == 0 {
		if p.rate == 0 {
			return math.Inf(1)
		}
		return t + e/p.rate
	}
	k := int(math.Floor(t / p.interval))
	for t < limit {
		r := p.rates[k%len(p.rates)]
		end := float64(k+1) * p.interval
		if r > 0 {
			if need := e / r; t+need < end {
				return t + need
			}
			e -= (end - t) * r
		}
		t = end
		k++
	}
	return math.Inf(1)
}
