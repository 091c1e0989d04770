package models

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestOpenWindowAsOpenAt asks channels of several hours (testHours), past
// midnight, on some days, and not whole seconds, whether they are open at times
// going forward and at random, at, just before and just after each day's
// beginnings and ends of their spans, and near midnight, and checks that
// isOpen's remembered answer is always Channel.OpenAt's, also when asked
// just before midnight and then just after. Seen to catch: a window ending
// past the next span's start, or past midnight (its end 2 s before midnight
// made 0.5 or 2 s after; 1 s before is as safe, see maxWindowTime).
func TestOpenWindowAsOpenAt(t *testing.T) {
	hours := testHours()
	rng := rand.New(rand.NewPCG(7, 8))
	for k, open := range hours {
		for _, start := range []Weekday{Monday, Saturday} {
			cfg := &Config{Start: start}
			c := &Channel{Name: "c", Open: open}
			ch := &channel{cfg: c, w: &world{cfg: cfg}, hours: newOpenWindow(c)}
			var times []float64
			for day := 0.0; day < 30; day++ {
				for _, s := range append(open, Span{From: 0, To: 86400}) {
					for _, b := range []float64{s.From, s.To, 86400 - 2, 86400 - 1} {
						at := day*86400 + b
						times = append(times, at, math.Nextafter(at, 0), math.Nextafter(at, math.Inf(1)), at-1, at+1, at-0.5)
					}
				}
				for range 50 {
					times = append(times, (day+rng.Float64())*86400)
				}
			}
			far := float64(maxWindowTime) - 86400*3
			for range 200 {
				times = append(times, far+rng.Float64()*86400*6)
			}
			check := func(ts []float64) {
				for _, at := range ts {
					if at < 0 {
						continue
					}
					if got, want := ch.isOpen(at), c.OpenAt(start, at); got != want {
						t.Fatalf("hours %d, start %v, at %v: isOpen %v, OpenAt %v", k, start, at, got, want)
					}
				}
			}
			check(times)
			rng.Shuffle(len(times), func(i, j int) { times[i], times[j] = times[j], times[i] })
			check(times)
			// A question shortly before midnight, then one just after: a
			// window running past midnight would answer the second by the
			// first day's hours.
			for day := 1.0; day < 30; day++ {
				m := day * 86400
				for _, before := range []float64{m - 3, m - 2.5, math.Nextafter(m-2, 0)} {
					for _, after := range []float64{m, math.Nextafter(m, math.Inf(1)), m + 1, m + 2.5} {
						check([]float64{before, after})
					}
				}
			}
		}
	}
}

// TestNextOpenAsOpeningAfter asks channels of several hours (testHours)
// for their next opening at times going forward in small and
// large steps, at, just before and just after openings, and at random
// back and forth, and checks that nextOpen's remembered answer has
// openingAfter's bits each time.
func TestNextOpenAsOpeningAfter(t *testing.T) {
	hours := testHours()
	rng := rand.New(rand.NewPCG(9, 10))
	for k, open := range hours {
		for _, start := range []Weekday{Monday, Saturday} {
			c := &Channel{Name: "c", Open: open}
			ch := &channel{cfg: c, w: &world{cfg: &Config{Start: start}}, hours: newOpenWindow(c)}
			var times []float64
			for at := 0.0; at < 40*86400; at += rng.ExpFloat64() * 3 * 3600 {
				times = append(times, at)
				if rng.IntN(4) == 0 { // a repeat, often inside the answer's span
					times = append(times, at+rng.Float64()*60)
				}
			}
			for day := 0.0; day < 20; day++ {
				for _, s := range open {
					at := day*86400 + s.From
					times = append(times, math.Nextafter(at, 0), at, math.Nextafter(at, math.Inf(1)))
				}
			}
			for range 500 {
				times = append(times, rng.Float64()*40*86400)
			}
			for _, at := range times {
				if got, want := ch.nextOpen(at), ch.openingAfter(at); math.Float64bits(got) != math.Float64bits(want) {
					t.Fatalf("hours %d, start %v, at %v: nextOpen %v, openingAfter %v", k, start, at, got, want)
				}
			}
		}
	}
}

// testHours returns the opening hours the tests of hours.go ask: none,
// every day, weekdays with a break and a Saturday, past midnight, not
// whole seconds every day and on Sundays only, all day on weekdays.
func testHours() [][]Span {
	weekdays := Days{true, true, true, true, true}
	every := Days{true, true, true, true, true, true, true}
	return [][]Span{
		nil,
		{{Days: every, From: 8 * 3600, To: 20 * 3600}},
		{{Days: weekdays, From: 8 * 3600, To: 12 * 3600}, {Days: weekdays, From: 13 * 3600, To: 18 * 3600}, {Days: Days{5: true}, From: 9 * 3600, To: 13 * 3600}},
		{{Days: Days{4: true, 5: true}, From: 22 * 3600, To: 2 * 3600}, {Days: every, From: 0, To: 3600}},
		{{Days: every, From: 8.5 * 3600, To: 20*3600 + 0.25}},
		{{Days: Days{6: true}, From: 8.5 * 3600, To: 20*3600 + 0.25}},
		{{Days: weekdays, From: 0, To: 86400}},
	}
}
