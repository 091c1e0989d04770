package models

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// TestFormulaDayFactors: the arrival rate in an interval is the base rate
// (or the interval's volume ÷ its length) × the weekday's factor × a
// factor for the day, gamma-distributed with mean 1 and CV noise, the same
// all day; a channel's own arrivals take the same day factor (without
// weekdays). Over 20,000 days the factors' mean and mean square cover 1
// and 1 + noise², each at the Bonferroni level for the four comparisons
// (99.9 % for the family; normal law of a mean over so many days, z ≈ 3.66).
//
// Seen to catch: a gamma of shape 1/noise instead of 1/noise² (CV off); a
// rate parameter of 1 (mean 1/noise², not 1); the weekday counted from
// Monday whatever the start.
func TestFormulaDayFactors(t *testing.T) {
	const days, noise, rate = 20000, 0.3, 100.0 / 3600
	weekdays := [7]float64{1.2, 1, 0.9, 1, 1.1, 0.5, 0.25}
	z := 3.66 // two-sided, 1 − 0.001/4
	demand := newDemandProcess(Demand{Arrivals: Arrivals{Rate: rate}, Weekdays: weekdays, Noise: noise}, 3600, Wednesday,
		rand.New(rand.NewPCG(1, 2)), rand.NewPCG(3, 4))
	own := newChannelProcess(Arrivals{Volumes: []float64{50, 150}, Noise: noise}, 3600, rand.New(rand.NewPCG(5, 6)),
		func() rand.Source { return rand.NewPCG(7, 8) })
	for _, tc := range []struct {
		name string
		p    *arrivalProcess
		base func(k int) float64 // the rate before the day factor
	}{
		{"demand", demand, func(k int) float64 { return rate * weekdays[(int(Wednesday)+k/24)%7] }},
		{"a channel's own", own, func(k int) float64 { return []float64{50, 150}[k%2] / 3600 }},
	} {
		f, f2 := make([]float64, days), make([]float64, days)
		for d := range days {
			f[d] = tc.p.rateIn(d*24+7) / tc.base(d*24+7)
			f2[d] = f[d] * f[d]
			if later := tc.p.rateIn(d*24+18) / tc.base(d*24+18); !closeTo(later, f[d], 1e-12) {
				t.Fatalf("%s, day %d: factor %v at 07:00 and %v at 18:00", tc.name, d, f[d], later)
			}
		}
		for _, m := range []struct {
			what string
			xs   []float64
			want float64
		}{{"mean", f, 1}, {"mean square", f2, 1 + noise*noise}} {
			mean, sd := stat.MeanStdDev(m.xs, nil)
			if half := z * sd / math.Sqrt(days); math.Abs(mean-m.want) > half {
				t.Errorf("%s: day factors' %s %.5f ± %.5f, want %v", tc.name, m.what, mean, half, m.want)
			}
		}
	}
}

// TestDemandWithoutNoiseOrWeekdays checks the demand's day effects one at
// a time: weekday factors without noise scale the rate exactly, day after
// day; noise with every weekday at 1 still varies the rate from day to
// day (each day's factor its own, the same all day).
func TestDemandWithoutNoiseOrWeekdays(t *testing.T) {
	const rate = 100.0 / 3600
	weekdays := [7]float64{1.2, 1, 0.9, 1, 1.1, 0.5, 0.25}
	p := newDemandProcess(Demand{Arrivals: Arrivals{Rate: rate}, Weekdays: weekdays}, 3600, Monday,
		rand.New(rand.NewPCG(1, 2)), rand.NewPCG(3, 4))
	for k := range 14 * 24 {
		if got, want := p.rateIn(k), rate*weekdays[k/24%7]; got != want {
			t.Fatalf("weekdays without noise, hour %d: rate %v, want %v", k, got, want)
		}
	}
	ones := [7]float64{1, 1, 1, 1, 1, 1, 1}
	p = newDemandProcess(Demand{Arrivals: Arrivals{Rate: rate}, Weekdays: ones, Noise: 0.3}, 3600, Monday,
		rand.New(rand.NewPCG(1, 2)), rand.NewPCG(3, 4))
	factors := map[float64]bool{}
	for d := range 10 {
		f := p.rateIn(d*24) / rate
		if later := p.rateIn(d*24+23) / rate; later != f {
			t.Fatalf("noise without weekdays, day %d: factor %v at midnight, %v at 23:00", d, f, later)
		}
		factors[f] = true
	}
	if len(factors) != 10 {
		t.Errorf("noise without weekdays: %d distinct day factors in 10 days, want 10", len(factors))
	}
}

// TestRateInRemembered asks two processes made alike, with weekdays and
// noise, for the rates of the same intervals, each asked several times in
// a row and sometimes one already passed: the one remembered (rateIn) and
// the one worked out each time (rateOf) give the same numbers, to the bit,
// and draw the days' noise in the same order.
func TestRateInRemembered(t *testing.T) {
	weekdays := [7]float64{1.2, 1, 0.9, 1, 1.1, 0.5, 0.25}
	volumes := []float64{2, 0, 5, 40, 90, 30, 7}
	make2 := func() *arrivalProcess {
		return newDemandProcess(Demand{Arrivals: Arrivals{Volumes: volumes}, Weekdays: weekdays, Noise: 0.2}, 1800, Saturday,
			rand.New(rand.NewPCG(1, 2)), rand.NewPCG(3, 4))
	}
	remembered, worked := make2(), make2()
	rng := rand.New(rand.NewPCG(5, 6))
	k := 0
	for range 20000 {
		switch rng.IntN(4) {
		case 0:
			k++
		case 1:
			k += rng.IntN(50)
		case 2:
			k = max(0, k-rng.IntN(3))
		}
		got, want := remembered.rateIn(k), worked.rateOf(k)
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("interval %d: rate %v remembered, %v worked out", k, got, want)
		}
	}
	if len(remembered.days) != len(worked.days) {
		t.Fatalf("%d days drawn remembered, %d worked out", len(remembered.days), len(worked.days))
	}
}
