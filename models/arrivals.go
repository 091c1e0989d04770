package models

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// Arrivals is a Poisson arrival process whose rate is either constant or
// piecewise constant over intervals.
type Arrivals struct {
	// Rate is the constant arrival rate in contacts per second, used when
	// Volumes is empty.
	Rate float64
	// Volumes are the expected contacts in each interval of the Config's
	// Interval, from time zero; the pattern repeats when the horizon is
	// longer than it.
	Volumes []float64
	// Issues, for a channel's own arrivals, is the mix of issues they
	// bring, a share by issue index (scenario key issues, a mapping by
	// issue name); nil for the scenario's mix. Demand ignores it.
	Issues []float64
	// Noise, for a channel's own arrivals, is the coefficient of variation
	// of a day's volume around its expectation: each day's rate is
	// multiplied by a gamma factor of mean 1. Demand has its own
	// (Demand.Noise) and ignores this one.
	Noise float64
}

// RateAt returns the arrival rate in contacts per second at time t.
func (a Arrivals) RateAt(t, interval float64) float64 {
	if len(a.Volumes) == 0 {
		return a.Rate
	}
	k := int(math.Floor(t/interval)) % len(a.Volumes)
	return a.Volumes[k] / interval
}

func (a *Arrivals) check(p problems) {
	if len(a.Volumes) == 0 && (!(a.Rate >= 0) || !finite(a.Rate)) {
		p.At("rate").Add("must be a finite number ≥ 0, not %v", a.Rate)
	}
	for i, v := range a.Volumes {
		if !(v >= 0) || !finite(v) {
			p.At(fmt.Sprintf("volumes[%d]", i)).Add("must be a finite number ≥ 0, not %v", v)
		}
	}
}

// arrivalProcess generates the arrival times of a Poisson process whose rate
// is constant or piecewise constant by interval, optionally scaled by the
// day of the week and by a random factor for each day. Each gap inverts the
// cumulative rate: one unit-exponential draw is spent across as many
// intervals as it takes, so short peaks are never skipped (drawing the next
// gap from the current rate alone would jump over them).
type arrivalProcess struct {
	rate     float64   // base rate when volumes is empty
	volumes  []float64 // base contacts per interval, repeating
	interval float64
	rng      *rand.Rand

	// Day effects: weekday factors from start, and a gamma factor of mean 1
	// per day when noise is set (drawn in day order as needed).
	scaled   bool
	start    Weekday
	weekdays [7]float64
	noise    distuv.Gamma
	noisy    bool
	days     []float64

	// lastK is 1 + the interval rateIn was last asked about, 0 if none,
	// and lastRate its answer: the arrivals of an interval ask for its
	// rate once each, its weekday, day and factors the same every time.
	lastK    int
	lastRate float64
}

func newArrivalProcess(a Arrivals, interval float64, rng *rand.Rand) *arrivalProcess {
	return &arrivalProcess{rate: a.Rate, volumes: a.Volumes, interval: interval, rng: rng}
}

// newChannelProcess is a channel's own arrival process: with noise, each
// day's rate is scaled by a gamma factor of mean 1 drawn from noiseSrc
// (asked for only then).
func newChannelProcess(a Arrivals, interval float64, rng *rand.Rand, noiseSrc func() rand.Source) *arrivalProcess {
	p := newArrivalProcess(a, interval, rng)
	if a.Noise > 0 {
		shape := 1 / (a.Noise * a.Noise)
		p.weekdays = [7]float64{1, 1, 1, 1, 1, 1, 1}
		p.scaled, p.noisy = true, true
		p.noise = distuv.Gamma{Alpha: shape, Beta: shape, Src: noiseSrc()}
	}
	return p
}

// newDemandProcess is an arrival process with day effects. The noise factor
// of each day is gamma-distributed with mean 1 and coefficient of variation
// noise (shape 1/noise², rate the same), drawn from noiseSrc.
func newDemandProcess(d Demand, interval float64, start Weekday, rng *rand.Rand, noiseSrc rand.Source) *arrivalProcess {
	p := newArrivalProcess(d.Arrivals, interval, rng)
	p.start, p.weekdays = start, d.Weekdays
	p.scaled = d.Weekdays != [7]float64{1, 1, 1, 1, 1, 1, 1} || d.Noise > 0
	if d.Noise > 0 {
		shape := 1 / (d.Noise * d.Noise)
		p.noise = distuv.Gamma{Alpha: shape, Beta: shape, Src: noiseSrc}
		p.noisy = true
	}
	return p
}

// rateIn returns the arrival rate in interval k, remembered for the last
// interval asked about (rateOf).
func (p *arrivalProcess) rateIn(k int) float64 {
	if k+1 == p.lastK {
		return p.lastRate
	}
	r := p.rateOf(k)
	p.lastK, p.lastRate = k+1, r
	return r
}

// rateOf works out the arrival rate in interval k: the base rate or the
// interval's volume, by its weekday's factor and its day's noise, drawn in
// day order as first needed.
func (p *arrivalProcess) rateOf(k int) float64 {
	r := p.rate
	if len(p.volumes) > 0 {
		r = p.volumes[k%len(p.volumes)] / p.interval
	}
	if !p.scaled || r == 0 {
		return r
	}
	t := float64(k) * p.interval
	r *= p.weekdays[WeekdayAt(p.start, t)]
	if p.noisy {
		day := int(t / 86400)
		for len(p.days) <= day {
			p.days = append(p.days, p.noise.Rand())
		}
		r *= p.days[day]
	}
	return r
}

// next returns the first arrival after time t, or +Inf if none comes before
// limit.
func (p *arrivalProcess) next(t, limit float64) float64 {
	e := p.rng.ExpFloat64()
	if len(p.volumes) == 0 && !p.scaled {
		if p.rate == 0 {
			return math.Inf(1)
		}
		return t + e/p.rate
	}
	k := int(math.Floor(t / p.interval))
	for t < limit {
		r := p.rateIn(k)
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
