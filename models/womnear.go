package models

// lateNearSpan is how far, in the log of the expected wait, a reputation
// may have moved since its exponential was last taken (belief.expV) for
// lateNear to bound the exponential by that one.
const lateNearSpan = 0.5

// lateNearSlack widens lateNear's bounds, as a share of the expected wait,
// far past the roundings they must cover.
const lateNearSlack = 1e-12

// lateNear tells whether a wait of wait seconds is longer than base ·
// math.Exp(v), as late computes it, without the exponential, and whether
// it could tell (sure): from the exponential E₀ = math.Exp(v₀) taken last
// of b's average (expOf), when v lies within lateNearSpan of v₀ and base
// between 10⁻²⁰⁰ and 10²⁰⁰, and the wait lies outside the bounds that
// puts on base · e^v.
//
// With d = v − v₀, e^v = e^v₀ · e^d, and for every d < 1
//
//	1 + d ≤ e^d ≤ 1/(1 − d),
//
// (e^d ≥ 1 + d for every d, so e^−d ≥ 1 − d > 0). E₀ is within an ulp of
// e^v₀ (2⁻⁵² of it), the computed d within 2⁻⁵³ · 6 of d (|v|, |v₀| ≤
// maxSurprise, a subtraction rounding once), so e^d within a factor 1 +
// 10⁻¹⁵ of e^(computed d), and the bounds' products and quotient round by
// at most 2⁻⁵³ each; late's base · math.Exp(v) is within 2 · 2⁻⁵³ + 2⁻⁵² of
// base · e^v. All these factors together are within 10⁻¹⁴ of 1, a
// hundredth of lateNearSlack: a wait below the lower bound, so widened, is
// below late's product, one above the upper bound above it. With |d| ≤
// 1/2 neither 1 + d nor 1 − d is below 1/2, and with base within its
// bounds and e^v within e^±3 no product overflows or reaches the
// subnormals.
func lateNear(b *belief, base, v, wait float64) (late, sure bool) {
	d := v - b.expV
	if b.expE == 0 || !(d >= -lateNearSpan && d <= lateNearSpan) || !(base >= 1e-200 && base <= 1e200) {
		return false, false
	}
	e := base * b.expE
	if wait < e*(1+d)*(1-lateNearSlack) {
		return false, true
	}
	if wait > e/(1-d)*(1+lateNearSlack) {
		return true, true
	}
	return false, false
}
