package fit

import (
	"bytes"
	"math"
	"os"
	"slices"
	"testing"

	"gonum.org/v1/gonum/floats"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
	"github.com/omnisim/omnisim/stats"
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

// TestGroups: pools are estimated together on the waits of the channels
// they mainly serve (AvailabilityGroup): each pool with the channels it
// answered most contacts of; a pool that answered most of no channel with
// the pool that answered most of the channel it served most (of channels
// it served alike, the one the log names first); a channel no pool
// answered is in no group. Here phone-team answered most phone calls and
// chat-team most chats; a third pool, which served phone most, joins
// phone-team, and so does a fifth, which served phone and chat alike;
// mail-team has mail; nobody answered video. Seen to catch:
// `pool.Answered[c] > best` → `>=` (video given to the last pool),
// `main[c] >= 0` → `>`, `<` and `n > best` → `<=`, `>=` (a pool joining
// chat-team or standing alone), `most >= 0` → `>`, `<`, and `l < 0` →
// `<=`, `>=` (a pool in a group of its own, or pools mixed up).
func TestGroups(t *testing.T) {
	f := &Fit{
		Channels: make([]ChannelFit, 4), // phone, chat, mail, video
		Pools: []PoolFit{
			{Name: "phone-team", Answered: []int{100, 5, 0, 0}},
			{Name: "chat-team", Answered: []int{10, 50, 0, 0}},
			{Name: "covering", Answered: []int{30, 20, 0, 0}},
			{Name: "mail-team", Answered: []int{0, 0, 7, 0}},
			{Name: "even", Answered: []int{20, 20, 0, 0}},
		},
	}
	got := f.groups()
	want := []struct{ pools, channels []int }{
		{[]int{0, 2, 4}, []int{0}},
		{[]int{1}, []int{1}},
		{[]int{3}, []int{2}},
	}
	if len(got) != len(want) {
		t.Fatalf("%d groups %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		if !slices.Equal(got[i].Pools, w.pools) || !slices.Equal(got[i].Channels, w.channels) {
			t.Errorf("group %d: pools %v, channels %v; want pools %v, channels %v", i, got[i].Pools, got[i].Channels, w.pools, w.channels)
		}
	}
}

// TestSecant: the slope of the share waited in availability between two
// trials, or the slope the search had when the trials are too close to
// tell (less than 0.001 apart), a trial has no share, or the slope is
// flatter than 0.2 or of the wrong sign (minSlope). Seen to catch:
// `a1-a0` → `a1+a0` and `< 1e-3` → `>=` in the test of closeness,
// `(w1-w0) / (a1-a0)` → `*`, and `(a1 - a0)` → `(a1 + a0)`.
func TestSecant(t *testing.T) {
	const fallback = -0.9
	cases := []struct {
		name           string
		a0, w0, a1, w1 float64
		want           float64
	}{
		{"two trials 0.2 apart", 1, 0.2, 0.8, 0.3, -0.5},
		{"the other way round", 0.8, 0.3, 1, 0.2, -0.5},
		{"too close to tell", 0.8, 0.30, 0.8005, 0.29, fallback},
		{"flatter than 0.2", 1, 0.2, 0.8, 0.21, fallback},
		{"the wrong sign", 1, 0.3, 0.8, 0.2, fallback},
		{"a trial without contacts", 1, math.NaN(), 0.8, 0.3, fallback},
	}
	for _, tc := range cases {
		if got := secant(tc.a0, tc.w0, tc.a1, tc.w1, fallback); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("%s: slope %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestWeightedMean: a group's availability is the mean of its estimated
// parts' values weighted by their contacts in the log, 1 when no part is
// estimated: parts of 100 contacts at 0.6 and 300 at 0.8 (and one not
// estimated) make (60 + 240) ÷ 400 = 0.75. Seen to catch: `Contacts *
// values[b]` → `/`, `weight == 0` → `!=`, and `sum / weight` → `*`.
func TestWeightedMean(t *testing.T) {
	parts := []AvailabilityPart{{Contacts: 100, Estimated: true}, {Contacts: 20}, {Contacts: 300, Estimated: true}}
	if got := weightedMean(parts, []float64{0.6, 1, 0.8}); math.Abs(got-0.75) > 1e-12 {
		t.Errorf("weighted mean %v, want 0.75", got)
	}
	if got := weightedMean(parts[1:2], []float64{0.6}); got != 1 {
		t.Errorf("weighted mean of no estimated part %v, want 1", got)
	}
}

// TestSplitDayEdges: the edges of splitDay's rules, in hours with their
// contacts. A part of exactly minPartContacts (500) has enough for its own
// availability, and a thin run stops before it; a thin run is cut where
// its contacts reach exactly 500; a thin run with a fifth of that (100)
// joins the part before it, or at the start of the day the part after,
// its contacts added; every such run joins, not only the first; a day
// without contacts is one part, not estimated (nothing to estimate it
// from). Seen to catch: `n >= minPartContacts` → `>` (both), `count(…) <
// minPartContacts` → `<=`, `p.Contacts < minPartContacts/5` → `<=`,
// `i > 0` → `>=`, `Contacts+p.Contacts` → `-`, `i--` → `i++`, and
// `count(0, slots) > 0` → `>=`.
func TestSplitDayEdges(t *testing.T) {
	type part struct {
		from, to  int
		contacts  float64
		estimated bool
	}
	cases := []struct {
		name     string
		contacts []float64
		want     []part
	}{
		{"a part of exactly 500 stands alone", []float64{500, 50, 600}, []part{{0, 1, 500, true}, {1, 2, 50, false}, {2, 3, 600, true}}},
		{"a thin run stops before a part of 500", []float64{50, 500, 600}, []part{{0, 1, 50, false}, {1, 2, 500, true}, {2, 3, 600, true}}},
		{"a thin run is cut at exactly 500", []float64{250, 250, 250, 250}, []part{{0, 2, 500, true}, {2, 4, 500, true}}},
		{"a fifth of a part joins the part before", []float64{600, 100}, []part{{0, 2, 700, true}}},
		{"or the part after, at the start of the day", []float64{150, 600}, []part{{0, 2, 750, true}}},
		{"every such run joins", []float64{600, 150, 600, 150}, []part{{0, 2, 750, true}, {2, 4, 750, true}}},
		{"a day without contacts", []float64{0, 0, 0}, []part{{0, 3, 0, false}}},
	}
	for _, tc := range cases {
		var got []part
		for _, p := range splitDay(tc.contacts, 1, 3600) {
			got = append(got, part{int(p.From / 3600), int(p.To / 3600), p.Contacts, p.Estimated})
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: parts %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestFillUnestimated: a part not estimated takes the value of the nearest
// estimated part, the earlier of two as near. Seen to catch: `d <
// len(parts)` → `>=`, `b-d >= 0` → `>`, and in `b+d < len(parts)`, `<` →
// `<=`, `>=` and `b+d` → `b-d` (the last three reading past the end).
func TestFillUnestimated(t *testing.T) {
	cases := []struct {
		name      string
		estimated []bool
		values    []float64 // of the estimated parts; the others start at 1
		want      []float64
	}{
		{"between two estimates", []bool{true, false, false, false, true, false}, []float64{0.7, 1, 1, 1, 0.9, 1},
			[]float64{0.7, 0.7, 0.7, 0.9, 0.9, 0.9}},
		{"after the last", []bool{true, false, false}, []float64{0.6, 1, 1}, []float64{0.6, 0.6, 0.6}},
	}
	for _, tc := range cases {
		parts := make([]AvailabilityPart, len(tc.estimated))
		for b, e := range tc.estimated {
			parts[b].Estimated = e
		}
		values := slices.Clone(tc.values)
		fillUnestimated(parts, values)
		if !slices.Equal(values, tc.want) {
			t.Errorf("%s: values %v, want %v", tc.name, values, tc.want)
		}
	}
}

// TestLogShareUnits: the log's share waited has the half-width of the
// jackknife over its days from minUnitDays (7) days on, and over the
// intervals of its days below: the half-width is computed here from the
// leave-one-out shares of the units the rule names. Each day has two
// intervals, the day's waits all in the first, so that the two jackknifes
// differ. Seen to catch: `len(c.f.days) < minUnitDays` → `<=`.
func TestLogShareUnits(t *testing.T) {
	off := []float64{10, 20, 30, 40, 50, 60, 70}
	wait := []float64{1, 8, 3, 20, 5, 30, 7}
	for _, days := range []int{7, 6} {
		var pl partLog
		for d := range days {
			pl.dayOff, pl.dayWait = append(pl.dayOff, off[d]), append(pl.dayWait, wait[d])
			pl.cellOff = append(pl.cellOff, off[d]/2, off[d]/2)
			pl.cellWait = append(pl.cellWait, wait[d], 0)
		}
		c := &calibration{f: &Fit{days: make([]int, days)}, logs: [][]partLog{{pl}}}
		unitOff, unitWait := pl.dayOff, pl.dayWait
		if days < 7 {
			unitOff, unitWait = pl.cellOff, pl.cellWait
		}
		sumOff, sumWait := floats.Sum(unitOff), floats.Sum(unitWait)
		loo := make([]float64, len(unitOff))
		for u := range loo {
			loo[u] = (sumWait - unitWait[u]) / (sumOff - unitOff[u])
		}
		share, hw := c.logShare(0, []int{0})
		if wantHW := stats.JackknifeCI(loo, 0.95); math.Abs(share-sumWait/sumOff) > 1e-12 || math.Abs(hw-wantHW) > 1e-12 {
			t.Errorf("%d days: share %v ± %v, want %v ± %v", days, share, hw, sumWait/sumOff, wantHW)
		}
	}
}

// halvesLog is a day of one agent on one line, a call a minute from 03:00
// to 21:00, each served in 8 or 12 s: in the morning nobody waited; in the
// afternoon everybody did, 30 s each (a tenth giving up then), beside an
// agent idle most of the time. Nobody waited a minute, so the log shows
// no spell away to estimate.
func halvesLog() *Fit {
	f := NewFitter(DefaultOptions)
	for k := range 540 {
		h := 8.0
		if k%2 == 1 {
			h = 12
		}
		f.Add(&Record{Day: 4, Arrival: 3*3600 + 60*float64(k), Channel: "phone", Outcome: Answered, Handle: h, Agent: "a"})
		r := &Record{Day: 4, Arrival: 12*3600 + 60*float64(k), Channel: "phone", Outcome: Answered, Wait: 30, Handle: h, Agent: "a"}
		if k%10 == 0 {
			r.Outcome, r.Handle, r.Agent = Abandoned, 0, ""
		}
		f.Add(r)
	}
	return f.Result()
}

// calibrateHalves estimates the availability of halvesLog's agent in two
// parts of the day, 00:00–12:00 and 12:00–24:00 (540 contacts each), and
// returns the fit and the number of times Progress was called.
func calibrateHalves(t *testing.T, opts CalibrateOptions) (*Fit, int) {
	t.Helper()
	fit := halvesLog()
	sc, err := scenarios.Parse("halves.yaml", "halves", fit.Scenario("halves", "halves"), nil)
	if err != nil {
		t.Fatal(err)
	}
	progress := 0
	opts.Progress = func() { progress++ }
	if err := fit.Calibrate(&sc.Config, opts); err != nil {
		t.Fatal(err)
	}
	return fit, progress
}

// TestCalibrateBounds: in halvesLog, the morning waited less than even an
// agent always ready would (at availability 1 the simulation waits about
// a sixth of the time, the agent's occupancy), so its availability is 1,
// marked "upper"; the afternoon waited more than an agent ready 5 % of
// the time would (some callers still find them ready), so its
// availability is the floor, minAvailability, marked "lower". Each part
// has its own (not pooled), the group's is their mean weighted by
// contacts ((540 × 1 + 540 × 0.05) ÷ 1080), Progress is called once a
// trial, and the search stops at the bounds, the log beyond them (there is
// nowhere to go), rather than running out its trials. The same holds
// pooled: the two halves start with one shared availability, and each
// departs from it (the log's shares, 0 and 1, are far outside their
// intervals), so each gets its own. Seen to catch: `gap := p.simW -
// p.logW` → `+`; in the bounds, `p.value >= 1` → `>`, `<`, `gap >
// p.tolerance()` → `<=`, `p.value <= minAvailability` → `<`, `>`; `pt.Own
// = len(p.parts) == 1` → `!=`, `len(gr.Parts) > 1` → `<=`; in search's
// atBound, `p.value >= 1` → `>`, `gap > 0` → `<=`, `p.value <=
// minAvailability` → `<`, `>`; pooled, `len(p.parts) < 2` → `<=`, `>=`
// and `len(departing) == 0` → `!=`.
func TestCalibrateBounds(t *testing.T) {
	for _, pooled := range []bool{false, true} {
		opts := DefaultCalibrateOptions
		opts.Part, opts.Pooled = 43200, pooled
		fit, progress := calibrateHalves(t, opts)
		av := fit.Availability
		g := av.Groups[0]
		if len(av.Groups) != 1 || len(g.Parts) != 2 {
			t.Fatalf("pooled %v: %d groups, %d parts; want one group of two parts", pooled, len(av.Groups), len(g.Parts))
		}
		want := []struct {
			value float64
			bound string
		}{{1, "upper"}, {minAvailability, "lower"}}
		for b, w := range want {
			pt := g.Parts[b]
			if pt.Value != w.value || pt.Bound != w.bound || !pt.Own {
				t.Errorf("pooled %v, %s–%s: availability %v (bound %q, own %v; log waited %.3f, simulated %.3f), want %v (%q, own)",
					pooled, clockOfDay(pt.From), clockOfDay(pt.To), pt.Value, pt.Bound, pt.Own, pt.LogWaited, pt.SimWaited, w.value, w.bound)
			}
		}
		if want := (540 + 540*minAvailability) / 1080; math.Abs(g.Value-want) > 1e-12 {
			t.Errorf("pooled %v: the group's availability %v, want %v", pooled, g.Value, want)
		}
		if progress != av.Trials || av.Trials >= opts.Trials+2 {
			t.Errorf("pooled %v: %d trials, Progress called %d times; want as many, fewer than the %d allowed",
				pooled, av.Trials, progress, opts.Trials+2)
		}
	}
}

// TestCalibrateTrialLimit: the search runs at most Trials trials, then
// two more about the estimate for its slope: with 3, the afternoon of
// halvesLog is still on its way down (0.8, then 0.6) when they run out,
// and is not at its bound; Progress is called once a trial. Seen to
// catch: `c.av.Trials < c.opts.Trials` → `<=`, and `c.av.Trials++` → `--`.
func TestCalibrateTrialLimit(t *testing.T) {
	opts := DefaultCalibrateOptions
	opts.Part, opts.Trials = 43200, 3
	fit, progress := calibrateHalves(t, opts)
	av := fit.Availability
	if av.Trials != opts.Trials+2 || progress != av.Trials {
		t.Errorf("%d trials, Progress called %d times; want %d (the search's %d and 2 for the slope)", av.Trials, progress, opts.Trials+2, opts.Trials)
	}
	if pt := av.Groups[0].Parts[1]; !(pt.Value > minAvailability) || pt.Bound != "" {
		t.Errorf("the afternoon at %v (bound %q), want above the floor, unbounded, when the trials run out", pt.Value, pt.Bound)
	}
}

// TestCalibrateOnePart: with one part a day, the group's one part has no
// availability of its own to depart from (Own is false), and the search
// matches the whole day's share waited (half the log's contacts waited).
// Seen to catch: `len(gr.Parts) > 1` → `>=`.
func TestCalibrateOnePart(t *testing.T) {
	opts := DefaultCalibrateOptions
	opts.Part = 86400
	fit, _ := calibrateHalves(t, opts)
	g := fit.Availability.Groups[0]
	if len(g.Parts) != 1 {
		t.Fatalf("%d parts, want 1", len(g.Parts))
	}
	if pt := g.Parts[0]; pt.Own || pt.Bound != "" || !(pt.Value > minAvailability && pt.Value < 1) {
		t.Errorf("the day: availability %v (bound %q, own %v), want inside the bounds, not its own", pt.Value, pt.Bound, pt.Own)
	}
}

// TestCalibrateOptions: a given availability (Fixed) is set without
// trials; a Part of 0 takes a day; 2 replications are enough and 1 is
// not; an AwaySpell of 0 takes the log's, or models.DefaultAwaySpell when
// the log shows too few spells (halvesLog shows none), and one above 0 is
// kept. Seen to catch: `opts.Part <= 0` → `<`, `opts.Reps < 2` → `<=`,
// and `opts.AwaySpell <= 0` → `<`, `>`.
func TestCalibrateOptions(t *testing.T) {
	fit := halvesLog()
	sc, err := scenarios.Parse("halves.yaml", "halves", fit.Scenario("halves", "halves"), nil)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		opts            CalibrateOptions
		part, awaySpell float64
	}{
		{CalibrateOptions{Fixed: 0.9, Reps: 2}, 86400, models.DefaultAwaySpell},
		{CalibrateOptions{Fixed: 0.9, Reps: 2, Part: 3600, AwaySpell: 120}, 3600, 120},
	}
	for _, tc := range cases {
		if err := fit.Calibrate(&sc.Config, tc.opts); err != nil {
			t.Errorf("%+v: %v", tc.opts, err)
			continue
		}
		av := fit.Availability
		if av.Part != tc.part || av.AwaySpell != tc.awaySpell || av.Trials != 0 || av.Groups[0].Value != 0.9 {
			t.Errorf("%+v: parts of %v s, spells away of %v s, %d trials, availability %v; want %v s, %v s, none, 0.9",
				tc.opts, av.Part, av.AwaySpell, av.Trials, av.Groups[0].Value, tc.part, tc.awaySpell)
		}
	}
	if err := fit.Calibrate(&sc.Config, CalibrateOptions{Fixed: 0.9, Reps: 1}); err == nil {
		t.Error("1 replication: no error, want one")
	}
}
