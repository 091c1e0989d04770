package chart

import (
	"math"
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"

	"github.com/omnisim/omnisim/output"
)

// TestSharedXsAsNew: get returns what a nil *sharedXs (a new slice each
// time) returns, bit for bit (-0, NaNs of other bits and infinities
// included), and the same slice for x's handed out before, from many
// goroutines at once; x's that differ in one place or in length are not
// shared.
// Seen to catch: a slice shared on its length alone, and one not shared.
func TestSharedXsAsNew(t *testing.T) {
	odd := []float64{math.Copysign(0, -1), math.Float64frombits(0x7ff8000000000001), math.NaN(), math.Inf(1)}
	// Ten patterns of 1, 51 or 101 x's, plain or odd, seven distinct:
	// patterns 6 to 8 are the x's of 0 to 2 made again in other slices,
	// and pattern 9 is pattern 8's x's but one.
	patterns := make([][]float64, 10)
	for p := range 9 {
		xs := make([]float64, 1+p%3*50)
		for k := range xs {
			xs[k] = float64(k * 900)
			if p%2 == 1 {
				xs[k] = odd[k%len(odd)]
			}
		}
		patterns[p] = xs
	}
	patterns[9] = append([]float64(nil), patterns[8]...)
	patterns[9][30] = math.Nextafter(patterns[9][30], 1e300)
	m := &sharedXs{}
	var mu sync.Mutex
	first := map[int]*float64{} // pattern: the slice handed out first
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(g), 7))
			for range 200 {
				p := r.IntN(len(patterns))
				want := patterns[p]
				x := func(k int) float64 { return want[k] }
				got := m.get(len(want), x)
				fresh := (*sharedXs)(nil).get(len(want), x)
				for k := range want {
					if math.Float64bits(got[k]) != math.Float64bits(want[k]) || math.Float64bits(fresh[k]) != math.Float64bits(want[k]) {
						t.Errorf("pattern %d: x %d is %v (nil: %v), want %v", p, k, got[k], fresh[k], want[k])
						return
					}
				}
				if len(got) != len(want) || cap(got) != len(want) {
					t.Errorf("pattern %d: %d x's, room for %d, want %d", p, len(got), cap(got), len(want))
					return
				}
				mu.Lock()
				if f, ok := first[p]; !ok {
					first[p] = &got[0]
				} else if f != &got[0] {
					t.Errorf("pattern %d: not shared", p)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
}

// TestStepSeriesShareXs: the lines of one run's charts over the same
// intervals share their x's (one slice), each line's points as made with
// nothing shared, and lines over other intervals keep their own.
// Seen to catch: stepSeries not sharing, and reading the x's of another
// row's start.
func TestStepSeriesShareXs(t *testing.T) {
	tb := &output.CSVTable{Columns: []string{"channel", "interval", "start_seconds", "a"}}
	for i := range 50 {
		for _, ch := range []string{"phone", "chat"} {
			tb.Add([]string{ch, strconv.Itoa(i), strconv.Itoa(i * 900), strconv.Itoa(i % 7)})
		}
		if i%2 == 0 {
			tb.Add([]string{"mail", strconv.Itoa(i), strconv.Itoa(i * 900), "1"})
		}
	}
	tl := timeline{horizon: 50 * 900, interval: 900, xs: &sharedXs{}}
	alone := tl
	alone.xs = nil
	lines := map[string][3]series{}
	for _, ch := range []string{"phone", "chat", "mail"} {
		rows := rowsWhere(tb, "channel", ch)
		s, r := stepSeries(tb, rows, "a", 2, tl), readingSeries(tb, rows, "a", 1, tl)
		if got, want := s, stepSeries(tb, rows, "a", 2, alone); !sameSeries(got, want) {
			t.Errorf("%s: step series %v, want %v", ch, got, want)
		}
		if got, want := r, readingSeries(tb, rows, "a", 1, alone); !sameSeries(got, want) {
			t.Errorf("%s: readings %v, want %v", ch, got, want)
		}
		z := r.fromZero(0, tl)
		if got, want := z, r.fromZero(0, alone); !sameSeries(got, want) {
			t.Errorf("%s: readings from zero %v, want %v", ch, got, want)
		}
		lines[ch] = [3]series{s, r, z}
	}
	for i := range 3 {
		if &lines["phone"][i].X[0] != &lines["chat"][i].X[0] {
			t.Errorf("line kind %d: phone's and chat's x's not shared", i)
		}
		if &lines["phone"][i].X[0] == &lines["mail"][i].X[0] {
			t.Errorf("line kind %d: mail's x's shared with phone's", i)
		}
	}
}

// sameSeries tells whether a and b hold the same points, bit for bit.
func sameSeries(a, b series) bool {
	if len(a.X) != len(b.X) || len(a.Y) != len(b.Y) {
		return false
	}
	for i := range a.X {
		if math.Float64bits(a.X[i]) != math.Float64bits(b.X[i]) || math.Float64bits(a.Y[i]) != math.Float64bits(b.Y[i]) {
			return false
		}
	}
	return true
}
