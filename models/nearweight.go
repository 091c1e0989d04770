package models

import "math"

// nearWeights remembers, for the choices by the wait term's sum
// (pickNear), the last logit weight exp(u − best) taken by math.Exp in
// each case: a customer's issue, the channel given the stay bonus, the
// best channel and the channel weighed. From one choice to the next a
// case's u − best moves only as the two channels' reputations do, most
// often by far less than nearWeightStep, and the weight is then that
// exponential times a polynomial (nearWeight), without another.
type nearWeights struct {
	n      int       // channels
	d0, e0 []float64 // each case's u − best and math.Exp of it, e0 0 if none
}

// nearWeightStep is how far u − best may have moved from the one whose
// exponential a case remembers for nearWeight to take its weight from
// that one.
const nearWeightStep = 1.0 / 1024

// minNearWeight is the least remembered exponential a weight is taken
// from: far from the subnormal numbers, whose precision is less than
// 10⁻¹³ of them (such a weight is anyway far below the best's 1).
const minNearWeight = 1e-290

// newNearWeights returns the remembered weights for the choices of w, nil
// if they would be too many (maxMemoWeights), and then each weight is
// taken by math.Exp.
func newNearWeights(w *world) *nearWeights {
	n, issues := len(w.channels), max(len(w.cfg.Issues), 1)
	if n == 0 || n > 8 || issues*(n+1)*n*n > maxMemoWeights {
		return nil
	}
	k := issues * (n + 1) * n * n
	return &nearWeights{n: n, d0: make([]float64, k), e0: make([]float64, k)}
}

// nearWeightKey is the first of the n cases of the customer's issue,
// stayAt (the stay channel's index + 1, 0 for none) and the best
// channel's index, one for each channel weighed.
func (m *nearWeights) key(issue, stayAt, bestAt int) int {
	return ((issue*(m.n+1)+stayAt)*m.n + bestAt) * m.n
}

// weight returns e^d, d = u − best ≤ 0 a channel's utility less the best's
// in case k, within a factor 1 ± 10⁻¹³ of math.Exp(d): from the case's
// last exponential E₀ = math.Exp(d₀) when d lies within nearWeightStep of
// d₀ and E₀ is at least minNearWeight, as E₀ · (1 + x + x²/2 + x³/6), x =
// d − d₀; else math.Exp(d), which the case then remembers.
//
// With |x| ≤ 2⁻¹⁰ the polynomial's remainder, e^ξ · x⁴/24, is below 4·10⁻¹⁴
// of e^x, its evaluation rounds by a few ulps of 1 (10⁻¹⁵), x is d − d₀
// within an ulp of 2⁻¹⁰ when the subtraction rounds, and E₀ is within an
// ulp of e^d₀: the weight is within 10⁻¹³ of math.Exp(d), which pickNear's
// margin allows (nearMargin: the wait term's sum moves each weight by a
// factor up to e^(10⁻¹¹) already, and the margin leaves a hundredfold
// room).
func (m *nearWeights) weight(k int, d float64) float64 {
	x := d - m.d0[k]
	if e0 := m.e0[k]; e0 >= minNearWeight && x >= -nearWeightStep && x <= nearWeightStep {
		return e0 * (1 + x*(1+x*(0.5+x*(1.0/6))))
	}
	e := math.Exp(d)
	m.d0[k], m.e0[k] = d, e
	return e
}
