package fit

import (
	"bytes"
	"math"
	"os"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

// calibrated fits a log and estimates its agents' availability as omnisim
// fit does.
func calibrated(t *testing.T, log []byte, opts CalibrateOptions) *Fit {
	t.Helper()
	fit, _ := fitLog(t, log, ContactsFormat)
	sc, err := scenarios.Parse("refit.yaml", "refit", fit.Scenario("refit", "synthetic"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := fit.Calibrate(&sc.Config, opts); err != nil {
		t.Fatal(err)
	}
	if _, err := scenarios.Parse("refit.yaml", "refit", fit.Scenario("refit", "synthetic"), nil); err != nil {
		t.Fatalf("the calibrated scenario does not load: %v", err)
	}
	return fit
}

// awayLog is two weeks of the known world with 10 agents ready 85 % of
// the time they are at work, in spells away of 5 minutes on average.
func awayLog(t *testing.T) []byte {
	t.Helper()
	cfg := known(models.Dist{Kind: models.LogNormal, Mean: 240, CV: 0.8})
	cfg.Pools[0].Agents = []int{10}
	cfg.Pools[0].Availability = []float64{0.85}
	cfg.Pools[0].AwaySpell = 300
	return syntheticLog(t, cfg)
}

// TestFitRecoversAvailability: a log simulated with agents ready 85 % of
// the time they are at work, in spells away of 5 minutes on average, gives
// both back. References: the availability and spell the log was simulated
// with (models.Pool.Availability, AwaySpell). The spell is estimated by
// occurrences over exposure: its standard error is spell ÷ √spells, and
// the check allows three of them. The availability must be within its own
// 95 % confidence interval (the log's uncertainty over its 14 days and the
// simulation's over replications, through the slope), which must be
// narrow enough to tell 85 % from always ready.
func TestFitRecoversAvailability(t *testing.T) {
	if testing.Short() {
		t.Skip("calibrates by simulation")
	}
	fit := calibrated(t, awayLog(t), DefaultCalibrateOptions)
	t.Logf("spell away %.1f s from %d spells; availability %.4f ± %.4f in %d trials",
		fit.AwaySpell, fit.AwaySpells, fit.Availability.Groups[0].Value, fit.Availability.Groups[0].HalfWidth, fit.Availability.Trials)
	if se := fit.AwaySpell / math.Sqrt(float64(fit.AwaySpells)); fit.AwaySpells < 200 || math.Abs(fit.AwaySpell-300) > 3*se {
		t.Errorf("spell away: %.1f s from %d spells, want 300 ± %.1f (3 standard errors)", fit.AwaySpell, fit.AwaySpells, 3*se)
	}
	g := fit.Availability.Groups[0]
	if math.Abs(g.Value-0.85) > g.HalfWidth || g.HalfWidth > 0.05 {
		t.Errorf("availability %.4f ± %.4f, want 0.85 within the interval, and an interval below 0.05", g.Value, g.HalfWidth)
	}
}

// TestFitAlwaysReady: the shipped synthetic log, simulated with agents
// always ready (testdata/known.yaml), gives an availability whose 95 %
// confidence interval holds 1, and the fitted scenario then waits as the
// log did.
func TestFitAlwaysReady(t *testing.T) {
	data := shippedLog(t)
	fit := calibrated(t, data, DefaultCalibrateOptions)
	g := fit.Availability.Groups[0]
	t.Logf("availability %.4f ± %.4f over %d parts; spells away %d", g.Value, g.HalfWidth, len(g.Parts), fit.AwaySpells)
	if !(g.Value+g.HalfWidth >= 1) || g.HalfWidth > 0.15 {
		t.Errorf("availability %.4f ± %.4f, want an interval (narrower than 0.15) that holds 1", g.Value, g.HalfWidth)
	}
	if fit.AwaySpells != 0 {
		t.Errorf("%d spells away in a log of agents always ready, want none", fit.AwaySpells)
	}
}

// TestSplitDay: parts of the day have the contacts they need, thin runs
// are taken together, and the night's few contacts are left out.
func TestSplitDay(t *testing.T) {
	hourly := func(v ...float64) []float64 { return v }
	day := make([]float64, 24)
	for h := 7; h < 24; h++ {
		day[h] = 600
	}
	day[6], day[23] = 20, 200
	cases := []struct {
		name     string
		contacts []float64
		perPart  int
		want     [][2]int // from, to in hours
		est      []bool
	}{
		{"busy hours alone, the night apart, a thin last hour with the one before", day, 1,
			append([][2]int{{0, 7}}, append(hoursFrom(7, 22), [2]int{22, 24})...), append([]bool{false}, trues(16)...)},
		{"two-hour parts", day, 2, append([][2]int{{0, 6}, {6, 8}}, twoHours(8, 24)...), append([]bool{false}, trues(9)...)},
		{"a thin day is one part", hourly(10, 10, 10, 10), 1, [][2]int{{0, 4}}, []bool{true}},
		{"thin hours in runs of 500", hourly(200, 200, 200, 200, 200, 200, 200), 1, [][2]int{{0, 3}, {3, 7}}, []bool{true, true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			parts := splitDay(tc.contacts, tc.perPart, 3600)
			var got [][2]int
			var est []bool
			for _, p := range parts {
				got = append(got, [2]int{int(p.From / 3600), int(p.To / 3600)})
				est = append(est, p.Estimated)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("parts %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] || est[i] != tc.est[i] {
					t.Fatalf("parts %v (estimated %v), want %v (%v)", got, est, tc.want, tc.est)
				}
			}
		})
	}
}

func hoursFrom(from, to int) [][2]int {
	var out [][2]int
	for h := from; h < to; h++ {
		out = append(out, [2]int{h, h + 1})
	}
	return out
}

func twoHours(from, to int) [][2]int {
	var out [][2]int
	for h := from; h < to; h += 2 {
		out = append(out, [2]int{h, h + 2})
	}
	return out
}

func trues(n int) []bool {
	out := make([]bool, n)
	for i := range out {
		out[i] = true
	}
	return out
}

// shippedLog returns testdata/known-contacts.csv, a day omnisim simulated
// from testdata/known.yaml.
func shippedLog(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/known-contacts.csv")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestFitPooledAvailability: pooled, the availability of a log simulated
// with one availability all day (85 %) is one shared estimate, within its
// interval of 0.85, with at most a chance part or two of their own (each
// part departs at the 5 % level).
func TestFitPooledAvailability(t *testing.T) {
	if testing.Short() {
		t.Skip("calibrates by simulation")
	}
	opts := DefaultCalibrateOptions
	opts.Pooled = true
	fit := calibrated(t, awayLog(t), opts)
	g := fit.Availability.Groups[0]
	own := 0
	for _, pt := range g.Parts {
		if pt.Own {
			own++
		}
	}
	t.Logf("availability %.4f ± %.4f, %d of %d parts with their own, %d trials", g.Value, g.HalfWidth, own, len(g.Parts), fit.Availability.Trials)
	if math.Abs(g.Value-0.85) > g.HalfWidth || own > 3 {
		t.Errorf("availability %.4f ± %.4f with %d parts of their own, want 0.85 within the interval and at most 3", g.Value, g.HalfWidth, own)
	}
}

// TestKaplanMeierLaw: the Kaplan–Meier patience law of a log simulated
// with exponential patience of mean 3 minutes has that law's quantiles:
// its value for the p-th hundredth is −180·ln(1 − p) (the middle of the
// hundredth), within the curve's error (the exponential's quantile at p
// has a standard error of about 180 ÷ √(the give-ups seen by then), and
// censoring widens it: the check allows 15 % or 15 s); the scenario that
// takes it loads, and has that law's mean.
func TestKaplanMeierLaw(t *testing.T) {
	cfg := known(models.Dist{Kind: models.LogNormal, Mean: 240, CV: 0.8})
	cfg.Horizon = 7 * 86400
	fitter := NewFitter(Options{Interval: 3600, AnswerWithin: 20, RedialWithin: 3600, SpanGap: 1800, PatienceKM: true})
	if _, err := Read(bytes.NewReader(syntheticLog(t, cfg)), ContactsFormat, fitter.Add); err != nil {
		t.Fatal(err)
	}
	fit := fitter.Result()
	km := fit.Channels[0].PatienceKM
	if km.Kind != models.Empirical || len(km.Values) != kmValues {
		t.Fatalf("patience law %v, want an empirical law of %d values", km, kmValues)
	}
	for _, i := range []int{9, 24, 49} {
		p := (float64(i) + 0.5) / kmValues
		want := -180 * math.Log(1-p)
		if got := km.Values[i]; math.Abs(got-want) > math.Max(15, 0.15*want) {
			t.Errorf("value %d (quantile %.3f): %.1f s, want %.1f", i, p, got, want)
		}
	}
	sc, err := scenarios.Parse("refit.yaml", "refit", fit.Scenario("refit", "synthetic"), nil)
	if err != nil {
		t.Fatalf("the fitted scenario does not load: %v", err)
	}
	if got := sc.Config.Channels[0].Patience; got.Kind != models.Empirical || math.Abs(got.MeanValue()-km.MeanValue()) > 0.5 {
		t.Errorf("the scenario's patience %v, want the Kaplan–Meier law of mean %.1f s", got, km.MeanValue())
	}
}
