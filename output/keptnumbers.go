package output

import "math"

// keptNumbers is a spooled table's column kept in memory as numbers, in
// half the memory where it can be: as float32 while every number added is
// exactly a float32, bit for bit (a 365-day run's counts, starts and
// agents needed are whole numbers; math.NaN() itself, an empty cell, is
// kept as a float32 NaN and read back as math.NaN()), as float64 from the
// first number that is not. at returns every number as added, the same
// bits either way.
type keptNumbers struct {
	narrow []float32 // the numbers, while wide is not used
	wide   []float64 // the numbers, once isWide
	isWide bool
}

// newKeptNumbers returns an empty column with room for rows numbers.
func newKeptNumbers(rows int) keptNumbers {
	return keptNumbers{narrow: make([]float32, 0, rows)}
}

// nanBits are the bits of math.NaN(), the NaN a kept column is given for
// an empty cell: the one NaN kept narrow.
var nanBits = math.Float64bits(math.NaN())

// narrowed returns v as a float32 and whether that float32 is v exactly
// (math.NaN() being kept as a float32 NaN).
func narrowed(v float64) (float32, bool) {
	f := float32(v)
	if v != v {
		return f, math.Float64bits(v) == nanBits
	}
	return f, math.Float64bits(float64(f)) == math.Float64bits(v)
}

// add appends v.
func (k *keptNumbers) add(v float64) {
	if !k.isWide {
		if f, ok := narrowed(v); ok {
			k.narrow = append(k.narrow, f)
			return
		}
		k.widen()
	}
	k.wide = append(k.wide, v)
}

// widen moves the numbers held as float32 to float64, with room for as
// many as the narrow column had, and lets the narrow column's memory go.
func (k *keptNumbers) widen() {
	if cap(k.wide) < cap(k.narrow) {
		k.wide = make([]float64, 0, cap(k.narrow))
	}
	k.wide = k.wide[:0]
	for _, f := range k.narrow {
		k.wide = append(k.wide, wideOf(f))
	}
	k.narrow, k.isWide = nil, true
}

// wideOf returns the number a narrow column holds as f.
func wideOf(f float32) float64 {
	if f != f {
		return math.NaN()
	}
	return float64(f)
}

// at returns number i.
func (k *keptNumbers) at(i int) float64 {
	if k.isWide {
		return k.wide[i]
	}
	return wideOf(k.narrow[i])
}

// len returns how many numbers the column holds.
func (k *keptNumbers) len() int {
	if k.isWide {
		return len(k.wide)
	}
	return len(k.narrow)
}

// addAll appends the numbers of p, in order.
func (k *keptNumbers) addAll(p *keptNumbers) {
	switch {
	case !p.isWide && !k.isWide:
		k.narrow = append(k.narrow, p.narrow...)
	case !p.isWide:
		for _, f := range p.narrow {
			k.wide = append(k.wide, wideOf(f))
		}
	default:
		for _, v := range p.wide {
			k.add(v)
		}
	}
}

// reset empties the column, its memory kept for the numbers to come: a
// column made wide stays so (a part's, reused for the next part, whose
// numbers addAll narrows again where they are float32s).
func (k *keptNumbers) reset() {
	k.narrow, k.wide = k.narrow[:0], k.wide[:0]
}
