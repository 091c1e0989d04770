package erlang

import (
	"math"
	"testing"
)

func TestB(t *testing.T) {
	// B(10, 5) is the standard table value, which tables print as 0.01838;
	// it and the other references were computed exactly from the defining
	// sum B = (aⁿ/n!) / Σ_{k≤n} aᵏ/k! with Python's fractions.Fraction and
	// rounded to float64, so only the recursion's rounding is allowed
	// (relative 1e-13). B(4, 2) = 2/21 is the modem-pool example of
	// Wolfram's ErlangB documentation.
	const tol = 1e-13
	for _, c := range []struct {
		name    string
		servers int
		load    float64
		want    float64
	}{
		{"10 lines 5 Erlangs", 10, 5, 0.018384570336648132},
		{"5 lines 2 Erlangs", 5, 2, 0.03669724770642202},
		{"4 lines 2 Erlangs", 4, 2, 2.0 / 21},
		{"20 lines 15 Erlangs", 20, 15, 0.04559321558981184},
		{"30 lines 20 Erlangs", 30, 20, 0.008457498340194705},
		{"100 lines 90 Erlangs", 100, 90, 0.026957380464359214},
		{"1 line 3 Erlangs", 1, 3, 0.75},
		{"1 line 0.5 Erlangs", 1, 0.5, 0.5 / 1.5},
		{"0 lines", 0, 5, 1},
		{"no load", 3, 0, 0},
		{"infinite load", 3, math.Inf(1), 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := B(c.servers, c.load); math.Abs(got-c.want) > tol*c.want {
				t.Errorf("got %.17g, want %.17g", got, c.want)
			}
		})
	}
}

func TestBOneServer(t *testing.T) {
	// B(1, a) = a/(1 + a) exactly.
	for _, a := range []float64{1e-9, 0.1, 1, 7.5, 1e6} {
		if got, want := B(1, a), a/(1+a); math.Abs(got-want) > 1e-15*want {
			t.Errorf("B(1, %v): got %v, want %v", a, got, want)
		}
	}
}

func TestBInvalid(t *testing.T) {
	for _, c := range []struct {
		name    string
		servers int
		load    float64
	}{
		{"negative servers", -1, 5},
		{"negative load", 3, -1},
		{"NaN load", 3, math.NaN()},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := B(c.servers, c.load); !math.IsNaN(got) {
				t.Errorf("got %v, want NaN", got)
			}
		})
	}
}

func TestBLargeMatchesRecursion(t *testing.T) {
	// Above recursionLimit servers B uses closed forms. At the limit both
	// methods apply; they agree to the recursion's accumulated rounding,
	// about n·ε ≈ 1e-11 relative, so 1e-9 is allowed.
	const tol = 1e-9
	for _, n := range []int{recursionLimit - 1, recursionLimit + 1, 100000} {
		for _, a := range []float64{60000, 99000, 100000, 101000, 150000, 1e6} {
			want := bRecursion(n, a)
			got := bLarge(n, a)
			if want < 1e-290 {
				// Subnormal results carry too few digits to compare.
				continue
			}
			if math.Abs(got-want) > tol*want {
				t.Errorf("B(%d, %v): closed form %.15g, recursion %.15g", n, a, got, want)
			}
		}
	}
}

func TestBLines(t *testing.T) {
	// Standard Erlang B capacity tables list, for 10 lines, 4.46 Erlangs at
	// 1 % blocking and 5.08 Erlangs at 2 %; one more hundredth of an Erlang
	// needs an 11th line. B(10, 5) = 0.01838 ≤ 2 % and B(9, 5) = 0.0375.
	for _, c := range []struct {
		name           string
		load, maxBlock float64
		want           int
	}{
		{"4.46 E at 1%", 4.46, 0.01, 10},
		{"4.47 E at 1%", 4.47, 0.01, 11},
		{"5.08 E at 2%", 5.08, 0.02, 10},
		{"5.09 E at 2%", 5.09, 0.02, 11},
		{"5 E at 2%", 5, 0.02, 10},
		{"5 E at 3.7%", 5, 0.0375, 9},
		{"any blocking", 5, 1, 0},
		{"one line", 0.1, 0.1, 1},
		// The bracket check above is the real test here; 99092 is what it
		// accepts.
		{"large load", 1e5, 0.01, 99092},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := BLines(c.load, c.maxBlock)
			if err != nil {
				t.Fatal(err)
			}
			if got > 0 && (B(got, c.load) > c.maxBlock || B(got-1, c.load) <= c.maxBlock) {
				t.Errorf("got %d lines, but B(%d) = %v and B(%d) = %v for target %v", got, got, B(got, c.load), got-1, B(got-1, c.load), c.maxBlock)
			}
			if got != c.want {
				t.Errorf("got %d lines, want %d", got, c.want)
			}
		})
	}
}

func TestBLinesErrors(t *testing.T) {
	for _, c := range []struct {
		name           string
		load, maxBlock float64
	}{
		{"zero load", 0, 0.01},
		{"negative load", -1, 0.01},
		{"infinite load", math.Inf(1), 0.01},
		{"NaN load", math.NaN(), 0.01},
		{"zero blocking", 5, 0},
		{"blocking above 1", 5, 1.5},
		{"NaN blocking", 5, math.NaN()},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got, err := BLines(c.load, c.maxBlock); err == nil {
				t.Errorf("got %d lines and no error", got)
			}
		})
	}
}

// TestBEdges checks the edges of Erlang B's domain: no server blocks
// everyone (B(0, a) = 1), no load blocks nobody (B(n, 0) = 0).
func TestBEdges(t *testing.T) {
	if got := B(0, 5); got != 1 {
		t.Errorf("B(0, 5) = %v, want 1", got)
	}
	if got := B(3, 0); got != 0 {
		t.Errorf("B(3, 0) = %v, want 0", got)
	}
}
