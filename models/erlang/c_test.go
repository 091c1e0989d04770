package erlang

import (
	"math"
	"strings"
	"testing"
)

func TestCPublished(t *testing.T) {
	// Call Centre Helper, "Erlang C formula – made simple with an easy worked
	// example" (the textbook queue: 100 contacts per 30 min, AHT 180 s,
	// T = 20 s). Each figure is compared to the digits published, so the
	// tolerance is half a unit in the last place: 5e-8 for 7 decimals, 5e-6
	// for 5, 5e-5 for 4. ASA = C·AHT/(n − a) = 0.1741319·180/4.
	for _, c := range []struct {
		name      string
		agents    int
		field     func(Result) float64
		want, tol float64
	}{
		{"11 agents PWait", 11, func(r Result) float64 { return r.PWait }, 0.6821182, 5e-8},
		{"11 agents ServiceLevel", 11, func(r Result) float64 { return r.ServiceLevel }, 0.3896138, 5e-8},
		{"14 agents PWait", 14, func(r Result) float64 { return r.PWait }, 0.1741319, 5e-8},
		{"14 agents ServiceLevel", 14, func(r Result) float64 { return r.ServiceLevel }, 0.88835, 5e-6},
		{"14 agents ASA", 14, func(r Result) float64 { return r.ASA }, 7.8359, 5e-5},
		{"14 agents Occupancy", 14, func(r Result) float64 { return r.Occupancy }, 0.7142857, 5e-8},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := C(withAgents(textbook, c.agents, 0))
			if err != nil {
				t.Fatal(err)
			}
			if got := c.field(r); math.Abs(got-c.want) > c.tol {
				t.Errorf("got %.9f, want %v (±%g)", got, c.want, c.tol)
			}
		})
	}
}

func TestCIdentities(t *testing.T) {
	// Relations that hold exactly in Erlang C, so only rounding (1e-12) is
	// allowed: nobody abandons, everyone offered is answered, the mean wait
	// is the ASA, and the service level runs from 1 − PWait at T = 0 to 1.
	const tol = 1e-12
	for _, n := range []int{11, 12, 14, 30} {
		p := withAgents(textbook, n, 0)
		r, err := C(p)
		if err != nil {
			t.Fatal(err)
		}
		if r.PAbandon != 0 || r.MeanWait != r.ASA || r.ServiceLevelAnswered != r.ServiceLevel {
			t.Errorf("%d agents: got %+v, want no abandonment, MeanWait = ASA and equal service levels", n, r)
		}
		p.AnswerWithin = 0
		r0, _ := C(p)
		if got, want := r0.ServiceLevel, 1-r0.PWait; math.Abs(got-want) > tol {
			t.Errorf("%d agents, T = 0: got service level %v, want %v", n, got, want)
		}
		p.AnswerWithin = math.Inf(1)
		rInf, _ := C(p)
		if got := rInf.ServiceLevel; got != 1 {
			t.Errorf("%d agents, T = ∞: got service level %v, want 1", n, got)
		}
	}
}

func TestCUnstable(t *testing.T) {
	for _, n := range []int{1, 9, 10} {
		_, err := C(withAgents(textbook, n, 0))
		if err == nil {
			t.Fatalf("%d agents at 10 Erlangs: got no error", n)
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "erlang: unstable queue") || !strings.Contains(msg, "10 Erlangs") {
			t.Errorf("%d agents: got error %q, want it to name the instability and the load", n, msg)
		}
	}
}
