package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestMeanCI(t *testing.T) {
	// Reference: for 1, 2, 3, 4, 5 the mean is 3, the sample standard
	// deviation sqrt(2.5), and t(0.975, 4) = 2.7764451 (standard t tables),
	// so the half-width is 2.7764451·sqrt(2.5)/sqrt(5) = 1.9632432.
	m, h := MeanCI([]float64{1, 2, 3, 4, 5}, 0.95)
	if m != 3 || math.Abs(h-1.9632432) > 1e-6 {
		t.Errorf("MeanCI = %v ± %v, want 3 ± 1.9632432", m, h)
	}
	m, h = MeanCI([]float64{1, math.NaN(), 2, 3, 4, 5}, 0.95)
	if m != 3 || math.Abs(h-1.9632432) > 1e-6 {
		t.Errorf("MeanCI with a NaN = %v ± %v, want 3 ± 1.9632432", m, h)
	}
	if m, h := MeanCI([]float64{2}, 0.95); m != 2 || !math.IsNaN(h) {
		t.Errorf("MeanCI of one value = %v ± %v, want 2 ± NaN", m, h)
	}
	if m, _ := MeanCI(nil, 0.95); !math.IsNaN(m) {
		t.Errorf("MeanCI of nothing = %v, want NaN", m)
	}
}

func TestJackknifeCIOfAMeanIsMeanCI(t *testing.T) {
	// An exact identity: leaving x_i out of a mean of n values gives
	// (S − x_i)/(n−1), whose jackknife variance is s²/n, the usual one.
	xs := []float64{3.1, 4.7, 2.2, 9.0, 5.5, 6.1, 0.4}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	loo := make([]float64, len(xs))
	for i, x := range xs {
		loo[i] = (sum - x) / float64(len(xs)-1)
	}
	_, want := MeanCI(xs, 0.95)
	if got := JackknifeCI(loo, 0.95); math.Abs(got-want) > 1e-12*want {
		t.Errorf("JackknifeCI of a mean = %v, want MeanCI's %v", got, want)
	}
	if got := JackknifeCI([]float64{1}, 0.95); !math.IsNaN(got) {
		t.Errorf("JackknifeCI of one replication = %v, want NaN", got)
	}
	if got := JackknifeCI([]float64{1, math.NaN(), 2}, 0.95); !math.IsNaN(got) {
		t.Errorf("JackknifeCI with a NaN = %v, want NaN", got)
	}
}

func TestJackknifeCICoversARatioOfSums(t *testing.T) {
	// A pooled ratio ΣA/ΣB over 20 replications, with B uniform on
	// [100, 150] and A = 0.3·B + normal noise (sd 5): its true value is
	// E[A]/E[B] = 0.3. The 95 % interval must cover it in 95 % of 2,000
	// trials, within 3 binomial standard deviations (√(0.95·0.05/2000) =
	// 0.0049, so 0.935 to 0.965).
	const trials, n = 2000, 20
	covered := 0
	for trial := range trials {
		r := rand.New(rand.NewPCG(11, uint64(trial)))
		a, b := make([]float64, n), make([]float64, n)
		var sa, sb float64
		for i := range n {
			b[i] = 100 + 50*r.Float64()
			a[i] = 0.3*b[i] + 5*r.NormFloat64()
			sa += a[i]
			sb += b[i]
		}
		loo := make([]float64, n)
		for i := range n {
			loo[i] = (sa - a[i]) / (sb - b[i])
		}
		h := JackknifeCI(loo, 0.95)
		if math.Abs(sa/sb-0.3) <= h {
			covered++
		}
	}
	t.Logf("coverage %.4f", float64(covered)/trials)
	if c := float64(covered) / trials; c < 0.935 || c > 0.965 {
		t.Errorf("coverage %.4f of the true ratio, want 0.95 ± 0.015", c)
	}
}

// TestJackknifeReused: one Jackknife, made once for n replications, gives
// JackknifeCI's half-width for any values of n replications, and refuses
// values of another number.
func TestJackknifeReused(t *testing.T) {
	jk := NewJackknife(4, 0.95)
	for _, loo := range [][]float64{{1, 2, 3, 4}, {0.5, 0.52, 0.49, 0.51}, {7, 7, 7, 7}, {1, math.Inf(1), 2, 3}} {
		got, want := jk.HalfWidth(loo), JackknifeCI(loo, 0.95)
		if got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Errorf("HalfWidth(%v) = %v, JackknifeCI %v", loo, got, want)
		}
	}
	// Student's t at 3 degrees of freedom, 97.5 %: 3.182446305 (tables).
	if got, want := jk.HalfWidth([]float64{1, 2, 3, 4}), 3.182446305*math.Sqrt(3.0/4*5); math.Abs(got-want) > 1e-8 {
		t.Errorf("HalfWidth = %v, want %v", got, want)
	}
	defer func() {
		if recover() == nil {
			t.Error("a jackknife of 4 replications took 3 values")
		}
	}()
	jk.HalfWidth([]float64{1, 2, 3})
}

// TestJackknifeCIEdges checks the jackknife at its smallest, two
// replications (t with one degree of freedom: 12.706205, standard
// tables), and on values far from zero, where an algebraically equal sum
// (Σ(x+m)(x−m), or Σx² − n·m²) loses every digit to the rounding of the
// mean: the squares are taken of the deviations. The values 1e9 + 0.1,
// 1e9 + 0.2 and 1e9 + 0.4, as stored, deviate from their mean by squares
// that add up to 0.046666649182640 (in exact rational arithmetic), so the
// half-width is t(0.975, 2) = 4.3026527 times √(2/3 · that).
func TestJackknifeCIEdges(t *testing.T) {
	if got, want := JackknifeCI([]float64{1, 2}, 0.95), 12.706205*math.Sqrt(0.5*0.5); !(math.Abs(got-want) <= 1e-5) {
		t.Errorf("two replications: got %v, want %v", got, want)
	}
	loo := []float64{1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.4}
	if got, want := JackknifeCI(loo, 0.95), 4.3026527*math.Sqrt(2.0/3*0.046666649182640); !(math.Abs(got-want) <= 1e-6*want) {
		t.Errorf("values near 1e9: got %v, want %v", got, want)
	}
}
