package erlang

import (
	"fmt"
	"math"
	"testing"
)

// benchLoads are the offered loads, in Erlangs, of the benchmark families:
// a small team, a large contact centre and a very large pooled one.
var benchLoads = []float64{10, 100, 1000, 10000}

// benchFamily runs fn as one sub-benchmark per load in benchLoads, on the
// textbook handle time, 5-minute patience and 20-second target, staffed at
// about 5 % above the load.
func benchFamily(b *testing.B, fn func(b *testing.B, p Params)) {
	for _, load := range benchLoads {
		p := Params{
			ArrivalRate:  load / 180,
			HandleTime:   180,
			Agents:       int(math.Ceil(1.05 * load)),
			Patience:     300,
			AnswerWithin: 20,
		}
		b.Run(fmt.Sprintf("load=%g", load), func(b *testing.B) { fn(b, p) })
	}
}

func BenchmarkA(b *testing.B) {
	benchFamily(b, func(b *testing.B, p Params) {
		for b.Loop() {
			if _, err := A(p); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkC(b *testing.B) {
	benchFamily(b, func(b *testing.B, p Params) {
		for b.Loop() {
			if _, err := C(p); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkStaff(b *testing.B) {
	t := Targets{ServiceLevel: 0.8, MaxAbandon: 0.05}
	benchFamily(b, func(b *testing.B, p Params) {
		b.Run("A", func(b *testing.B) {
			for b.Loop() {
				if _, err := Staff(p, t); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("A-level", func(b *testing.B) {
			for b.Loop() {
				if _, err := StaffLevel(p, t); err != nil {
					b.Fatal(err)
				}
			}
		})
		p.Patience = 0
		b.Run("C", func(b *testing.B) {
			for b.Loop() {
				if _, err := Staff(p, t); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}
