package erlang

import (
	"math"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	good := withAgents(textbook, 14, 300)
	nan, inf := math.NaN(), math.Inf(1)
	for _, c := range []struct {
		name   string
		modify func(*Params)
		want   string // in the error message
	}{
		{"zero arrival rate", func(p *Params) { p.ArrivalRate = 0 }, "arrival rate"},
		{"negative arrival rate", func(p *Params) { p.ArrivalRate = -1 }, "arrival rate"},
		{"NaN arrival rate", func(p *Params) { p.ArrivalRate = nan }, "arrival rate"},
		{"infinite arrival rate", func(p *Params) { p.ArrivalRate = inf }, "arrival rate"},
		{"zero handle time", func(p *Params) { p.HandleTime = 0 }, "handle time must be positive and finite, got 0"},
		{"NaN handle time", func(p *Params) { p.HandleTime = nan }, "handle time"},
		{"infinite handle time", func(p *Params) { p.HandleTime = inf }, "handle time"},
		{"subnormal handle time", func(p *Params) { p.HandleTime = 1e-320 }, "handle time"},
		{"no agents", func(p *Params) { p.Agents = 0 }, "at least 1 agent"},
		{"negative agents", func(p *Params) { p.Agents = -3 }, "at least 1 agent"},
		{"negative patience", func(p *Params) { p.Patience = -1 }, "patience"},
		{"NaN patience", func(p *Params) { p.Patience = nan }, "patience"},
		{"negative threshold", func(p *Params) { p.AnswerWithin = -1 }, "threshold"},
		{"NaN threshold", func(p *Params) { p.AnswerWithin = nan }, "threshold"},
		{"load overflows", func(p *Params) { p.ArrivalRate, p.HandleTime = 1e200, 1e200 }, "offered load"},
		{"load too large", func(p *Params) { p.ArrivalRate, p.HandleTime = 1e7, 1e3 }, "offered load"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := good
			c.modify(&p)
			for _, eval := range []struct {
				name string
				f    func(Params) (Result, error)
			}{{"A", A}, {"C", C}, {"Evaluate", Evaluate}} {
				_, err := eval.f(p)
				if err == nil {
					t.Fatalf("%s: got no error", eval.name)
				}
				if msg := err.Error(); !strings.HasPrefix(msg, "erlang: ") || !strings.Contains(msg, c.want) {
					t.Errorf("%s: got error %q, want one starting \"erlang: \" about %s", eval.name, msg, c.want)
				}
			}
		})
	}
}

func TestValidateJoinsErrors(t *testing.T) {
	_, err := C(Params{ArrivalRate: -1, HandleTime: -1, Agents: 0, Patience: -1, AnswerWithin: -1})
	if err == nil {
		t.Fatal("got no error")
	}
	if got, want := strings.Count(err.Error(), "erlang: "), 5; got != want {
		t.Errorf("got %d problems reported, want %d:\n%v", got, want, err)
	}
}

func TestEvaluate(t *testing.T) {
	for _, c := range []struct {
		name     string
		patience float64
		model    func(Params) (Result, error)
	}{
		{"no patience is Erlang C", 0, C},
		{"infinite patience is Erlang C", math.Inf(1), C},
		{"finite patience is Erlang A", 300, A},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := withAgents(textbook, 14, c.patience)
			got, err := Evaluate(p)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := c.model(p)
			if got != want {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

// FuzzEvaluate feeds arbitrary parameters to Evaluate and Staff: they must
// return an error or figures within their ranges, never panic or NaN.
func FuzzEvaluate(f *testing.F) {
	f.Add(100.0/1800, 180.0, 14, 300.0, 20.0)
	f.Add(100.0/1800, 180.0, 14, 0.0, 20.0)
	f.Add(102.0/180, 180.0, 100, 300.0, 20.0)
	f.Add(1e-300, 1e300, 1, 1e-300, 0.0)
	f.Add(1e5, 1e-5, 1<<40, 1e-320, 1e300)
	f.Add(math.NaN(), math.Inf(1), -1, math.Inf(-1), math.NaN())
	// Found by fuzzing: occupancy rounded to just above 1 in heavy overload.
	f.Add(25.113333333333333, 106.0, 19, 261.0, 2.2222222222222223)
	f.Fuzz(func(t *testing.T, lambda, aht float64, n int, patience, within float64) {
		p := Params{ArrivalRate: lambda, HandleTime: aht, Agents: n, Patience: patience, AnswerWithin: within}
		if r, err := Evaluate(p); err == nil {
			checkRanges(t, "Evaluate", r)
		}
		if p.ArrivalRate*p.HandleTime > 1e4 {
			return // Staff would take a while; Evaluate covers the formulas.
		}
		if r, err := Staff(p, Targets{ServiceLevel: 0.8, MaxAbandon: 0.05}); err == nil {
			checkRanges(t, "Staff", r)
		}
	})
}

// checkRanges fails t if a figure of r is NaN or outside its range.
func checkRanges(t *testing.T, name string, r Result) {
	t.Helper()
	for _, f := range []struct {
		name string
		v    float64
	}{
		{"PWait", r.PWait}, {"PAbandon", r.PAbandon}, {"ServiceLevel", r.ServiceLevel},
		{"ServiceLevelAnswered", r.ServiceLevelAnswered}, {"Occupancy", r.Occupancy},
	} {
		if !(f.v >= 0 && f.v <= 1) {
			t.Errorf("%s: %s = %v, want a probability in [0, 1] (%+v)", name, f.name, f.v, r)
		}
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"ASA", r.ASA}, {"MeanWait", r.MeanWait}, {"OfferedLoad", r.OfferedLoad}} {
		if !(f.v >= 0) {
			t.Errorf("%s: %s = %v, want a number ≥ 0 (%+v)", name, f.name, f.v, r)
		}
	}
}

// TestValidateLoadAtTheCap checks that an offered load of exactly maxLoad
// Erlangs is accepted, and one just above refused.
func TestValidateLoadAtTheCap(t *testing.T) {
	p := Params{ArrivalRate: 1e6, HandleTime: 1e3, Agents: 1}
	if err := validate(p, true); err != nil {
		t.Errorf("1e9 Erlangs: %v, want accepted", err)
	}
	p.HandleTime = 1000.001
	if err := validate(p, true); err == nil || !strings.Contains(err.Error(), "offered load") {
		t.Errorf("just over 1e9 Erlangs: %v, want refused", err)
	}
}
