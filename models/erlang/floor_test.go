package erlang

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// sameStaffing fails t unless Staff's answer for p and tg is the linear
// search's from the first level (staffFrom with nothing skipped), to the
// bit, errors included.
func sameStaffing(t *testing.T, p Params, tg Targets) {
	t.Helper()
	got, gotErr := Staff(p, tg)
	first := 1
	if !abandons(p) {
		first = int(math.Floor(p.ArrivalRate*p.HandleTime)) + 1
	}
	var want Result
	var wantErr error
	if err := errors.Join(validate(p, false), tg.validate()); err != nil {
		want, wantErr = Result{}, err
	} else {
		want, wantErr = staffFrom(p, tg, first, first, false, true)
	}
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !sameBits(got, want) {
		t.Fatalf("Staff(%+v, %+v) = %+v, %v; the search of every level gives %+v, %v", p, tg, got, gotErr, want, wantErr)
	}
	sameLevel(t, p, tg, got, gotErr)
}

// sameLevel fails t unless StaffLevel's answer for p and tg is Staff's,
// staffed and its error, to the bit, with ASA 0 for Erlang A.
func sameLevel(t *testing.T, p Params, tg Targets, staffed Result, staffErr error) {
	t.Helper()
	got, gotErr := StaffLevel(p, tg)
	want := staffed
	if abandons(p) {
		want.ASA = 0
	}
	if fmt.Sprint(gotErr) != fmt.Sprint(staffErr) || !sameBits(got, want) {
		t.Fatalf("StaffLevel(%+v, %+v) = %+v, %v; Staff gives %+v, %v", p, tg, got, gotErr, staffed, staffErr)
	}
}

// TestStaffLevelIsStaff compares StaffLevel with Staff, bit for bit, on
// random queues and targets of every kind (TestStaffFloorIsExact and
// FuzzStaffFloor compare them too, on their grid and their inputs).
func TestStaffLevelIsStaff(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 2026))
	runs := 20000
	if testing.Short() {
		runs = 2000
	}
	for range runs {
		load := math.Exp(rng.Float64()*10 - 3) // 0.05 to 1,100 Erlangs
		aht := 10 + rng.Float64()*900
		patience := []float64{0, 1 + rng.Float64()*1000, 1e5 * rng.Float64()}[rng.IntN(3)]
		within := []float64{0, rng.Float64() * 300}[rng.IntN(2)]
		tg := Targets{ServiceLevel: []float64{0, 0.8, rng.Float64()}[rng.IntN(3)]}
		if rng.IntN(3) == 0 {
			tg.MaxAbandon = rng.Float64() * 0.2
		}
		if rng.IntN(3) == 0 {
			tg.MaxOccupancy = 0.5 + rng.Float64()/2
		}
		p := Params{ArrivalRate: load / aht, HandleTime: aht, Patience: patience, AnswerWithin: within}
		got, err := Staff(p, tg)
		sameLevel(t, p, tg, got, err)
	}
}

// sameBits reports whether every field of a and b has the same bits.
func sameBits(a, b Result) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	for i := range va.NumField() {
		fa, fb := va.Field(i), vb.Field(i)
		if fa.Kind() == reflect.Float64 {
			if math.Float64bits(fa.Float()) != math.Float64bits(fb.Float()) {
				return false
			}
		} else if !reflect.DeepEqual(fa.Interface(), fb.Interface()) {
			return false
		}
	}
	return true
}

// TestStaffFloorIsExact compares Staff, which skips the levels below
// impatientFloor and those slCeiling or slBound proves short, with the search of every level over a wide grid of loads,
// handle times, patiences, thresholds and targets.
func TestStaffFloorIsExact(t *testing.T) {
	loads := []float64{0.004, 0.3, 1, 2.5, 7, 19.3, 60, 151, 420}
	slTargets := []float64{0, 0.2, 0.5, 0.8, 0.95, 0.999, 1}
	abTargets := []float64{0, 0.01, 0.05, 0.3, 1}
	if testing.Short() {
		loads = loads[:7]
	}
	for _, load := range loads {
		for _, aht := range []float64{30, 900} {
			for _, patience := range []float64{0, 2, 300, 7200, 1e6} {
				for _, within := range []float64{0, 20, 180} {
					p := Params{ArrivalRate: load / aht, HandleTime: aht, Patience: patience, AnswerWithin: within}
					for _, sl := range slTargets {
						for _, ab := range abTargets {
							for _, occ := range []float64{0, 0.85} {
								sameStaffing(t, p, Targets{ServiceLevel: sl, MaxAbandon: ab, MaxOccupancy: occ})
							}
						}
					}
				}
			}
		}
	}
}

// TestAnsweredShareBound checks the premises of impatientFloor,
// aWaits.slBound and slCeiling on erlangA's computed figures: the answered
// share 1 − P(Ab) is at most n/a, the service level at most the answered
// share and at most slBound, within 10⁻⁹ and 10⁻⁸, and slBound at most
// slCeiling, within 10⁻¹².
func TestAnsweredShareBound(t *testing.T) {
	worst, worstSL := math.Inf(-1), math.Inf(-1)
	for _, load := range []float64{0.01, 0.5, 3, 11, 47, 230, 1900, 25000} {
		for _, aht := range []float64{20, 300} {
			for _, patience := range []float64{0.5, 45, 600, 1e5} {
				p := Params{ArrivalRate: load / aht, HandleTime: aht, Patience: patience, AnswerWithin: 20}
				step := max(1, int(load/50))
				for n := 1; float64(n) <= 2*load+3; n += step {
					r, err := erlangA(p, n, B(n, load), false)
					if err != nil {
						t.Fatal(err)
					}
					for _, within := range []float64{0, 3, 20, 600} {
						q := p
						q.AnswerWithin = within
						w, err := newAWaits(q, n, B(n, load))
						if err != nil {
							t.Fatal(err)
						}
						rq, err := w.result(q, false)
						if err != nil {
							t.Fatal(err)
						}
						if c := slCeiling(q, n, B(n, load)); c < w.slBound(q)-1e-12 {
							t.Fatalf("load %v, aht %v, patience %v, threshold %v, %d agents: slCeiling %v below slBound %v", load, aht, patience, within, n, c, w.slBound(q))
						}
						worstSL = max(worstSL, rq.ServiceLevel-w.slBound(q))
						if rq.ServiceLevel > w.slBound(q)+1e-8 {
							t.Fatalf("load %v, aht %v, patience %v, threshold %v, %d agents: service level %v above its bound %v", load, aht, patience, within, n, rq.ServiceLevel, w.slBound(q))
						}
					}
					answered := 1 - r.PAbandon
					worst = max(worst, answered-float64(n)/load)
					if answered > float64(n)/load+1e-9 || r.ServiceLevel > answered+1e-9 {
						t.Fatalf("load %v, aht %v, patience %v, %d agents: answered share %v (n/a = %v), service level %v", load, aht, patience, n, answered, float64(n)/load, r.ServiceLevel)
					}
				}
			}
		}
	}
	t.Logf("largest answered share − n/a: %g; largest service level − slBound: %g", worst, worstSL)
}

// FuzzStaffFloor compares Staff with the search of every level on any
// queue and targets.
func FuzzStaffFloor(f *testing.F) {
	f.Add(20.0, 180.0, 300.0, 20.0, 0.8, 0.0, 0.0)
	f.Add(0.3, 600.0, 5.0, 0.0, 0.0, 0.05, 0.85)
	f.Add(700.0, 30.0, 1e4, 60.0, 0.99, 0.01, 0.0)
	f.Fuzz(func(t *testing.T, load, aht, patience, within, sl, ab, occ float64) {
		if !(load > 0 && load < 5000) || !(aht > 0 && aht < 1e6) {
			return
		}
		p := Params{ArrivalRate: load / aht, HandleTime: aht, Patience: patience, AnswerWithin: within}
		sameStaffing(t, p, Targets{ServiceLevel: sl, MaxAbandon: ab, MaxOccupancy: occ})
	})
}

// TestSLCeilingTight checks that slCeiling, a bound that only saves work,
// is close to slBound where A(x, y)'s terms fall fast: with y ≤ x/2 each
// term is at most half the one before, so the terms the partial sum leaves
// out, once one adds less than 10⁻⁴ of the sum, add at most as much again,
// A is within a factor 1 + 10⁻⁴ of the sum, and the two bounds differ by
// less than 10⁻⁴ (2·10⁻⁴ allowed, for rounding). A looser bound skips
// fewer levels and finds the same staffing, which TestStaffFloorIsExact
// cannot tell: this catches it (the terms stopped after the first, the
// series' ratio or the chance of waiting miscomputed).
func TestSLCeilingTight(t *testing.T) {
	checked := 0
	for _, load := range []float64{0.01, 0.5, 3, 11, 47, 230, 1900} {
		for _, aht := range []float64{20, 300} {
			for _, patience := range []float64{0.5, 45, 600, 1e5} {
				for n := 1; float64(n) <= 2*load+3; n += max(1, int(load/50)) {
					for _, within := range []float64{0, 3, 20, 600} {
						p := Params{ArrivalRate: load / aht, HandleTime: aht, Patience: patience, AnswerWithin: within}
						x, y := float64(n)*patience/aht, p.ArrivalRate*patience
						if y > x/2 {
							continue
						}
						w, err := newAWaits(p, n, B(n, load))
						if err != nil {
							t.Fatal(err)
						}
						if gap := slCeiling(p, n, B(n, load)) - w.slBound(p); gap > 2e-4 || gap < -1e-12 {
							t.Fatalf("load %v, aht %v, patience %v, threshold %v, %d agents: slCeiling − slBound = %g, want within [0, 2·10⁻⁴]", load, aht, patience, within, n, gap)
						}
						checked++
					}
				}
			}
		}
	}
	if checked < 100 {
		t.Fatalf("only %d cases with y ≤ x/2", checked)
	}
}
