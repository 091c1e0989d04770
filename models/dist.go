package models

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"
)

// DistKind names a family of distributions for durations.
type DistKind string

// The distribution families a scenario may use. All are parameterised by
// their mean (and, where it applies, a shape or coefficient of variation) so
// that a planner can change the shape and keep the average.
const (
	Exponential   DistKind = "exponential"
	Deterministic DistKind = "deterministic"
	Erlang        DistKind = "erlang"
	Gamma         DistKind = "gamma"
	LogNormal     DistKind = "lognormal"
	Uniform       DistKind = "uniform"
	Empirical     DistKind = "empirical"
	// Never is a duration that never ends: patience of customers who never
	// abandon.
	Never DistKind = "never"
)

// DistKinds lists every DistKind, in the order the documentation gives them.
var DistKinds = []DistKind{Exponential, Deterministic, Erlang, Gamma, LogNormal, Uniform, Empirical, Never}

// Dist describes the distribution of a duration in seconds. Which fields
// matter depends on Kind:
//
//   - Exponential: Mean.
//   - Deterministic: Mean (every draw is Mean).
//   - Erlang: Mean and Shape (an integer k ≥ 1; the CV is 1/√k).
//   - Gamma and LogNormal: Mean and CV, the coefficient of variation
//     (standard deviation ÷ mean); CV 0 is deterministic.
//   - Uniform: Min and Max.
//   - Empirical: Values, drawn with equal probability; with Tail, a draw
//     of the largest value goes on past it by an exponential time of mean
//     Tail (a law known only up to its largest value, such as patience
//     from a log, whose longest wait leaves the rest unseen).
//   - Never: nothing; every draw is +Inf.
type Dist struct {
	Kind   DistKind
	Mean   float64
	CV     float64
	Shape  int
	Min    float64
	Max    float64
	Values []float64
	Tail   float64
}

// Sampler draws one value of a distribution. Every Sampler built by Dist
// draws from the random source it was given, never from a global generator.
type Sampler interface {
	Rand() float64
}

// Validate reports every way in which d is not a usable distribution of
// durations; nil if it is usable. Problem paths name d's fields as a
// scenario file does (mean, cv, shape, min, max, values[i]).
func (d Dist) Validate() error {
	var list Problems
	d.check(collect(&list))
	if len(list) == 0 {
		return nil
	}
	return list
}

func (d Dist) check(p problems) {
	positive := func(field string, v float64) {
		if !(v > 0) || math.IsInf(v, 0) {
			p.At(field).Add("must be a positive, finite duration, not %s", FormatDuration(v))
		}
	}
	switch d.Kind {
	case Exponential, Deterministic:
		positive("mean", d.Mean)
	case Erlang:
		positive("mean", d.Mean)
		if d.Shape < 1 {
			p.At("shape").Add("must be a whole number ≥ 1, not %d", d.Shape)
		}
	case Gamma, LogNormal:
		positive("mean", d.Mean)
		if !(d.CV >= 0) || math.IsInf(d.CV, 0) {
			p.At("cv").Add("must be a finite number ≥ 0, not %v", d.CV)
		}
	case Uniform:
		if !(d.Min >= 0) || math.IsInf(d.Min, 0) {
			p.At("min").Add("must be a finite duration ≥ 0, not %s", FormatDuration(d.Min))
		} else if !(d.Max >= d.Min) || math.IsInf(d.Max, 0) {
			p.At("max").Add("must be a finite duration ≥ min (%s), not %s", FormatDuration(d.Min), FormatDuration(d.Max))
		} else if d.Max == 0 {
			p.At("max").Add("must be more than zero")
		}
	case Empirical:
		if len(d.Values) == 0 {
			p.At("values").Add("must list at least one duration")
			return
		}
		sum := 0.0
		for i, v := range d.Values {
			if !(v >= 0) || math.IsInf(v, 0) {
				p.At(fmt.Sprintf("values[%d]", i)).Add("must be a finite duration ≥ 0, not %s", FormatDuration(v))
			}
			sum += v
		}
		if sum == 0 && d.Tail == 0 {
			p.At("values").Add("must not all be zero")
		}
		if !(d.Tail >= 0) || math.IsInf(d.Tail, 0) {
			p.At("tail").Add("must be a finite duration ≥ 0, not %s", FormatDuration(d.Tail))
		}
	case Never:
	default:
		p.At("dist").Add("unknown distribution %q (want one of %s)", d.Kind, kindList())
	}
}

func kindList() string {
	names := make([]string, len(DistKinds))
	for i, k := range DistKinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// MeanValue returns the distribution's mean, +Inf for Never.
func (d Dist) MeanValue() float64 {
	switch d.Kind {
	case Uniform:
		return (d.Min + d.Max) / 2
	case Empirical:
		sum := 0.0
		for _, v := range d.Values {
			sum += v
		}
		return sum/float64(len(d.Values)) + d.tailShare()*d.Tail
	case Never:
		return math.Inf(1)
	}
	return d.Mean
}

// tailShare returns the share of an empirical law's draws that go on past
// its largest value: those of the largest value, when it has a tail.
func (d Dist) tailShare() float64 {
	if d.Tail == 0 || len(d.Values) == 0 {
		return 0
	}
	top := slices.Max(d.Values)
	n := 0
	for _, v := range d.Values {
		if v == top {
			n++
		}
	}
	return float64(n) / float64(len(d.Values))
}

// CoefVar returns the distribution's coefficient of variation (standard
// deviation ÷ mean); NaN for Never.
func (d Dist) CoefVar() float64 {
	switch d.Kind {
	case Exponential:
		return 1
	case Deterministic:
		return 0
	case Erlang:
		return 1 / math.Sqrt(float64(d.Shape))
	case Gamma, LogNormal:
		return d.CV
	case Uniform:
		return (d.Max - d.Min) / math.Sqrt(12) / d.MeanValue()
	case Empirical:
		// E[X²]: a draw v of the largest value with a tail T adds an
		// exponential E of mean T: E[(v+E)²] = v² + 2vT + 2T².
		m := d.MeanValue()
		top := slices.Max(d.Values)
		sq := 0.0
		for _, v := range d.Values {
			sq += v * v
			if v == top && d.Tail > 0 {
				sq += 2*v*d.Tail + 2*d.Tail*d.Tail
			}
		}
		return math.Sqrt(math.Max(0, sq/float64(len(d.Values))-m*m)) / m
	}
	return math.NaN()
}

// String describes the distribution the way a scenario would write it.
func (d Dist) String() string {
	switch d.Kind {
	case Exponential:
		return fmt.Sprintf("exponential, mean %s", FormatDuration(d.Mean))
	case Deterministic:
		return fmt.Sprintf("deterministic %s", FormatDuration(d.Mean))
	case Erlang:
		return fmt.Sprintf("erlang, mean %s, shape %d", FormatDuration(d.Mean), d.Shape)
	case Gamma, LogNormal:
		return fmt.Sprintf("%s, mean %s, cv %g", d.Kind, FormatDuration(d.Mean), d.CV)
	case Uniform:
		return fmt.Sprintf("uniform %s to %s", FormatDuration(d.Min), FormatDuration(d.Max))
	case Empirical:
		if d.Tail > 0 {
			return fmt.Sprintf("empirical, %d values and a tail of mean %s, mean %s", len(d.Values), FormatDuration(d.Tail), FormatDuration(d.MeanValue()))
		}
		return fmt.Sprintf("empirical, %d values, mean %s", len(d.Values), FormatDuration(d.MeanValue()))
	case Never:
		return "never"
	}
	return string(d.Kind)
}

// Sampler returns a sampler of d that draws from src. d must be valid.
// Continuous families are gonum distributions with Src set, or draw as
// they do (logNormal).
func (d Dist) Sampler(src rand.Source) Sampler {
	if src == nil {
		panic("models: Dist.Sampler with a nil source would draw from the global generator")
	}
	switch d.Kind {
	case Exponential:
		return distuv.Exponential{Rate: 1 / d.Mean, Src: src}
	case Erlang:
		k := float64(d.Shape)
		return distuv.Gamma{Alpha: k, Beta: k / d.Mean, Src: src}
	case Gamma:
		if d.CV == 0 {
			return constant(d.Mean)
		}
		// Shape α = 1/CV², rate β = α/mean: mean α/β, CV 1/√α.
		a := 1 / (d.CV * d.CV)
		return distuv.Gamma{Alpha: a, Beta: a / d.Mean, Src: src}
	case LogNormal:
		if d.CV == 0 {
			return constant(d.Mean)
		}
		// For a lognormal with parameters μ, σ: mean exp(μ+σ²/2) and
		// CV² = exp(σ²)−1, so σ² = ln(1+CV²) and μ = ln(mean) − σ²/2.
		s2 := math.Log1p(d.CV * d.CV)
		return &logNormal{mu: math.Log(d.Mean) - s2/2, sigma: math.Sqrt(s2), rng: rand.New(src)}
	case Uniform:
		if d.Min == d.Max {
			return constant(d.Min)
		}
		return distuv.Uniform{Min: d.Min, Max: d.Max, Src: src}
	case Empirical:
		e := empirical{values: d.Values, rng: rand.New(src), tail: d.Tail}
		if d.Tail > 0 {
			e.top = slices.Max(d.Values)
		}
		return e
	case Deterministic:
		return constant(d.Mean)
	case Never:
		return constant(math.Inf(1))
	}
	panic(fmt.Sprintf("models: Sampler of invalid distribution %q", d.Kind))
}

// logNormal draws as distuv.LogNormal with parameters mu and sigma does,
// exp(normal · sigma + mu), the normal from rng: over the same source, the
// same numbers, without distuv's *rand.Rand made at every draw.
type logNormal struct {
	mu, sigma float64
	rng       *rand.Rand
}

func (l *logNormal) Rand() float64 {
	return math.Exp(l.rng.NormFloat64()*l.sigma + l.mu)
}

// constant is a Sampler that always returns the same value.
type constant float64

func (c constant) Rand() float64 { return float64(c) }

// empirical draws one of its values with equal probability; with a tail,
// a draw of the largest value, top, goes on past it by an exponential time
// of mean tail.
type empirical struct {
	values    []float64
	rng       *rand.Rand
	tail, top float64
}

func (e empirical) Rand() float64 {
	v := e.values[e.rng.IntN(len(e.values))]
	if e.tail > 0 && v == e.top {
		v += e.rng.ExpFloat64() * e.tail
	}
	return v
}
