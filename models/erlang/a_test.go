package erlang

import (
	"math"
	"testing"
)

// textbook is the worked example of Call Centre Helper, "Erlang C formula –
// made simple with an easy worked example": 100 contacts per half hour, an
// average handle time of 3 minutes and a 20-second answer target.
var textbook = Params{ArrivalRate: 100.0 / 1800, HandleTime: 180, AnswerWithin: 20}

// withAgents returns p with n agents and the given mean patience.
func withAgents(p Params, n int, patience float64) Params {
	p.Agents = n
	p.Patience = patience
	return p
}

func TestAPublished(t *testing.T) {
	// The textbook queue with 14 agents and exponential patience of mean
	// 300 s. The reference figures are the published ones omnisim's design
	// notes list under "Checking the numbers" (the Erlang A values of the
	// textbook queue); they are compared to the digits given, so the
	// tolerance is half a unit in the last place: 5e-6 for 5 decimals, 5e-7
	// for 6. TestAMatchesBruteForce checks the same queue against an
	// independent computation from the Markov chain itself.
	got, err := A(withAgents(textbook, 14, 300))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{"PWait", got.PWait, 0.14526, 5e-6},
		{"PAbandon", got.PAbandon, 0.013984, 5e-7},
		{"ServiceLevel", got.ServiceLevel, 0.916792, 5e-7},
		{"Occupancy", got.Occupancy, 0.704297, 5e-7},
	} {
		if math.Abs(c.got-c.want) > c.tol {
			t.Errorf("%s: got %.9f, want %v (±%g)", c.name, c.got, c.want, c.tol)
		}
	}
}

// bruteForceCases are Erlang A queues small enough for solveCTMC.
var bruteForceCases = []struct {
	name string
	p    Params
}{
	{"textbook 14 agents", withAgents(textbook, 14, 300)},
	{"textbook 10 agents", withAgents(textbook, 10, 300)},
	{"textbook 1 agent", withAgents(textbook, 1, 300)},
	{"impatient", withAgents(textbook, 12, 15)},
	{"patient", withAgents(textbook, 12, 3600)},
	{"answer at once", func() Params { p := withAgents(textbook, 13, 120); p.AnswerWithin = 0; return p }()},
	{"long target", func() Params { p := withAgents(textbook, 13, 120); p.AnswerWithin = 120; return p }()},
	// 100 agents at 102 % load, patience 5 min, AHT 3 min: y = λ/θ ≈ 170.
	{"overload 102%", Params{ArrivalRate: 102.0 / 180, HandleTime: 180, Agents: 100, Patience: 300, AnswerWithin: 20}},
	{"overload 150%", Params{ArrivalRate: 150.0 / 180, HandleTime: 180, Agents: 100, Patience: 60, AnswerWithin: 10}},
	{"fast handling", Params{ArrivalRate: 2, HandleTime: 10, Agents: 25, Patience: 40, AnswerWithin: 5}},
}

func TestAMatchesBruteForce(t *testing.T) {
	// solveCTMC uses none of the closed forms; both sides are exact up to
	// rounding and tails below 1e-20, so 1e-9 leaves ample room for the
	// rounding accumulated over a few hundred terms.
	const tol = 1e-9
	for _, c := range bruteForceCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := A(c.p)
			if err != nil {
				t.Fatal(err)
			}
			want := solveCTMC(c.p)
			for _, f := range []struct {
				name      string
				got, want float64
			}{
				{"PWait", got.PWait, want.pWait},
				{"PAbandon", got.PAbandon, want.pAbandon},
				{"ServiceLevel", got.ServiceLevel, want.serviceLevel},
				{"ASA", got.ASA, want.asa},
			} {
				if math.Abs(f.got-f.want) > tol*math.Max(1, math.Abs(f.want)) {
					t.Errorf("%s: got %.12g, want %.12g", f.name, f.got, f.want)
				}
			}
		})
	}
}

func TestASeriesMatchesClosedForm(t *testing.T) {
	// The probability of waiting and of abandoning come from the incomplete
	// gamma function (logA); waitSeries sums the same stationary law term by
	// term. The brief asks for agreement to 1e-9; the sums are exact to
	// rounding, which at x, y ≈ 10⁵ costs about x·ε ≈ 1e-11 in log A.
	const tol = 1e-9
	for _, c := range []struct {
		name string
		n    int
		load float64 // Erlangs
		pat  float64 // patience, seconds
	}{
		{"textbook", 14, 10, 300},
		{"small patience", 14, 10, 1},
		{"tiny patience", 3, 2, 0.01},
		{"light load", 50, 5, 300},
		{"QED 1000", 1020, 1000, 300},
		{"overload 1000", 900, 1000, 300},
		{"QED 10000", 10100, 10000, 600},
		{"overload 10000", 9500, 10000, 1800},
		{"balanced 30000", 30000, 30000, 600},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := Params{ArrivalRate: c.load / 180, HandleTime: 180, Agents: c.n, Patience: c.pat, AnswerWithin: 20}
			got, err := A(p)
			if err != nil {
				t.Fatal(err)
			}
			x := float64(c.n) * c.pat / 180
			y := p.ArrivalRate * c.pat
			ws, err := waitSeries(x, y)
			if err != nil {
				t.Fatal(err)
			}
			e := B(c.n, c.load)
			logASeries := ws.logPeak + math.Log(ws.s0)
			if la := logA(x, y); math.Abs(la-logASeries) > tol*math.Max(1, math.Abs(la)) {
				t.Errorf("log A: got %.15g, series %.15g", la, logASeries)
			}
			pWait := 1 / (1 + math.Exp(math.Log1p(-e)-math.Log(e)-logASeries))
			pAb := pWait * ws.s1 / ws.s0
			if math.Abs(got.PWait-pWait) > tol {
				t.Errorf("PWait: got %.15g, series %.15g", got.PWait, pWait)
			}
			if math.Abs(got.PAbandon-pAb) > tol {
				t.Errorf("PAbandon: got %.15g, series %.15g", got.PAbandon, pAb)
			}
		})
	}
}

func TestATendsToC(t *testing.T) {
	// As patience grows the abandonment rate θ → 0 and Erlang A becomes
	// Erlang C; the gap shrinks like θ (in PWait about 4e-6 at 11 agents and
	// 1.6e-7 at 14 for θ = 1e-8/s), so at a mean patience of 1e10 s the
	// probabilities agree to 1e-6 and the waits, up to 120 s, to 1e-4.
	for _, n := range []int{11, 14, 20} {
		pc := withAgents(textbook, n, 0)
		want, err := C(pc)
		if err != nil {
			t.Fatal(err)
		}
		got, err := A(withAgents(textbook, n, 1e10))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []struct {
			name      string
			got, want float64
			tol       float64
		}{
			{"PWait", got.PWait, want.PWait, 1e-6},
			{"PAbandon", got.PAbandon, want.PAbandon, 1e-6},
			{"ServiceLevel", got.ServiceLevel, want.ServiceLevel, 1e-6},
			{"Occupancy", got.Occupancy, want.Occupancy, 1e-6},
			{"ASA", got.ASA, want.ASA, 1e-4},
			{"MeanWait", got.MeanWait, want.MeanWait, 1e-4},
		} {
			if math.Abs(f.got-f.want) > f.tol {
				t.Errorf("%d agents, %s: got %.9g, Erlang C %.9g", n, f.name, f.got, f.want)
			}
		}
	}
}

func TestAServiceLevelLimits(t *testing.T) {
	// At T = 0 the service level is the share answered without waiting,
	// 1 − PWait; as T → ∞ it is the share answered, 1 − PAbandon. Both are
	// identities of the formulas, so only rounding (1e-12) is allowed.
	const tol = 1e-12
	for _, c := range bruteForceCases {
		t.Run(c.name, func(t *testing.T) {
			p := c.p
			p.AnswerWithin = 0
			r0, err := A(p)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := r0.ServiceLevel, 1-r0.PWait; math.Abs(got-want) > tol {
				t.Errorf("T = 0: got service level %.15g, want 1 − PWait = %.15g", got, want)
			}
			p.AnswerWithin = math.Inf(1)
			rInf, err := A(p)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := rInf.ServiceLevel, 1-rInf.PAbandon; math.Abs(got-want) > tol {
				t.Errorf("T = ∞: got service level %.15g, want 1 − PAbandon = %.15g", got, want)
			}
			if got := rInf.ServiceLevelAnswered; math.Abs(got-1) > tol {
				t.Errorf("T = ∞: got answered service level %.15g, want 1", got)
			}
			p.AnswerWithin = 1e6 * p.Patience
			rBig, err := A(p)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := rBig.ServiceLevel, rInf.ServiceLevel; math.Abs(got-want) > tol {
				t.Errorf("T large: got service level %.15g, want %.15g", got, want)
			}
		})
	}
}

func TestAIdentities(t *testing.T) {
	// Relations between the figures that hold exactly: MeanWait by Little's
	// law on the abandoning stream, occupancy from the answered rate, and the
	// mean wait of everyone at least the answered share of ASA.
	const tol = 1e-12
	for _, c := range bruteForceCases {
		r, err := A(c.p)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := r.MeanWait, r.PAbandon*c.p.Patience; math.Abs(got-want) > tol*want {
			t.Errorf("%s: got MeanWait %g, want PAbandon·patience %g", c.name, got, want)
		}
		a := c.p.ArrivalRate * c.p.HandleTime
		if got, want := r.Occupancy, a*(1-r.PAbandon)/float64(c.p.Agents); math.Abs(got-want) > tol {
			t.Errorf("%s: got occupancy %g, want %g", c.name, got, want)
		}
		if got, want := r.ServiceLevelAnswered, r.ServiceLevel/(1-r.PAbandon); math.Abs(got-want) > tol {
			t.Errorf("%s: got answered service level %g, want %g", c.name, got, want)
		}
		if r.MeanWait < (1-r.PAbandon)*r.ASA-tol {
			t.Errorf("%s: MeanWait %g below answered share of ASA %g", c.name, r.MeanWait, (1-r.PAbandon)*r.ASA)
		}
	}
}

func TestAWithoutAbandonmentIsC(t *testing.T) {
	want, err := C(withAgents(textbook, 14, 0))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		patience float64
	}{
		{"zero patience", 0},
		{"infinite patience", math.Inf(1)},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := A(withAgents(textbook, 14, c.patience))
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("got %+v, want Erlang C %+v", got, want)
			}
		})
	}
}

func TestAErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		p    Params
	}{
		{"no agents", withAgents(textbook, 0, 300)},
		{"negative patience", withAgents(textbook, 14, -1)},
		{"NaN patience", withAgents(textbook, 14, math.NaN())},
		{"patience underflows x", Params{ArrivalRate: 1e-300, HandleTime: 1e200, Agents: 1, Patience: 1e-200}},
		{"patience overflows y", Params{ArrivalRate: 1e10, HandleTime: 1e-10, Agents: 1, Patience: 1e300}},
		{"series too long", Params{ArrivalRate: 1e8, HandleTime: 1, Agents: 1, Patience: 1e8}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := A(c.p); err == nil {
				t.Errorf("got no error for %+v", c.p)
			}
		})
	}
}
