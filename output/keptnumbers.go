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
	// rows is the room made at the first number, narrow or wide: a
	// column wide from its first part takes no narrow room it lets go
	// (under 1 MB of a 365-day folder: most of its wide columns are narrow
	// in their first channel).
	rows int
}

// newKeptNumbers returns an empty column that makes room for rows
// numbers once it has its first.
func newKeptNumbers(rows int) keptNumbers {
	return keptNumbers{rows: rows}
}

// roomNarrow makes room for n more narrow numbers, at least rows in all
// once there is a first.
func (k *keptNumbers) roomNarrow(n int) {
	if k.narrow == nil && n > 0 {
		k.narrow = make([]float32, 0, max(k.rows, n))
	}
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
			k.roomNarrow(1)
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
	if room := max(cap(k.narrow), k.rows); cap(k.wide) < room {
		k.wide = make([]float64, 0, room)
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
		k.roomNarrow(len(p.narrow))
		k.narrow = append(k.narrow, p.narrow...)
	case !p.isWide:
		for _, f := range p.narrow {
			k.wide = append(k.wide, wideOf(f))
		}
	default:
		if !k.isWide && !allNarrow(p.wide) {
			// Widened now, not at p's first wide number: the same
			// numbers, without narrow room made first.
			k.widen()
		}
		for _, v := range p.wide {
			k.add(v)
		}
	}
}

// allNarrow tells whether every number of vs is kept narrow.
func allNarrow(vs []float64) bool {
	for _, v := range vs {
		if _, ok := narrowed(v); !ok {
			return false
		}
	}
	return true
}

// reset empties the column, its memory kept for the numbers to come: a
// column made wide stays so (a part's, reused for the next part, whose
// numbers addAll narrows again where they are float32s).
func (k *keptNumbers) reset() {
	k.narrow, k.wide = k.narrow[:0], k.wide[:0]
}
