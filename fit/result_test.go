package fit

import (
	"fmt"
	"github.com/omnisim/omnisim/scenarios"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// answered returns an answered record of the given handle time.
func answered(day int, at float64, channel string, handle float64) *Record {
	return &Record{Day: day, Arrival: at, Channel: channel, Outcome: Answered, Handle: handle}
}

// TestDispersion: a channel's daily CV is the coefficient of variation of
// each day's volume about its weekday's mean (unbiased within a weekday:
// k days about their own mean weigh k/(k−1)), Poisson's is √(mean of
// 1/m), and the noise √(DailyCV² − PoissonCV²); weekdays with one day, or
// without the channel's contacts, say nothing. Two weeks from Monday 5
// January 1970 (day 4): phone has 90 then 110 contacts on each weekday but
// Sunday, so every day is 10 % off a mean of 100: DailyCV² = 0.01 × 2 =
// 0.02, PoissonCV² = 0.01, Noise = 0.1; chat has one contact each Sunday:
// no variation, PoissonCV 1. Seen to catch: result.go's dispersion `m <=
// 0` → `<`, `>`, `weeks < 2` → `<=`, `>=`, `r * r * k` → `/`, `(k - 1)` →
// `+`, `1 / m` → `*`, `n++` → `--`, `n == 0` → `!=`, `pois/n` → `*`,
// `cv*cv-poisson*poisson` → `+`, `poisson*poisson` → `/`.
func TestDispersion(t *testing.T) {
	fitter := NewFitter(DefaultOptions)
	for day := 4; day < 18; day++ {
		if (day-4)%7 == 6 {
			fitter.Add(answered(day, 36000, "chat", 60))
			continue
		}
		n := 90
		if day >= 11 {
			n = 110
		}
		for i := range n {
			fitter.Add(answered(day, float64(28800+60*i), "phone", 60))
		}
	}
	fit := fitter.Result()
	if fit.Start != models.Monday || fit.Days != 14 {
		t.Fatalf("%d days from a %v, want 14 from a Monday", fit.Days, fit.Start)
	}
	for i, want := range [][3]float64{{math.Sqrt(0.02), 0.1, 0.1}, {0, 1, 0}} {
		c := fit.Channels[i]
		if !(math.Abs(c.DailyCV-want[0]) < 1e-12 && math.Abs(c.PoissonCV-want[1]) < 1e-12 && math.Abs(c.Noise-want[2]) < 1e-12) {
			t.Errorf("%s: daily CV %v, Poisson %v, noise %v; want %v", c.Name, c.DailyCV, c.PoissonCV, c.Noise, want)
		}
	}
}

// TestTypesOrder: a channel's types are listed most contacts first, then
// by name, whatever order the log first names them in. Seen to catch:
// result.go `a.Contacts != b.Contacts` → `==`, `b.Contacts - a.Contacts`
// → `+`.
func TestTypesOrder(t *testing.T) {
	fitter := NewFitter(DefaultOptions)
	for i, typ := range []string{"alpha", "zeta", "beta", "gamma", "zeta", "beta", "gamma", "zeta", "beta"} {
		r := answered(4, float64(36000+i), "phone", float64(60+i))
		r.Type = typ
		fitter.Add(r)
	}
	var got []string
	for _, ty := range fitter.Result().Channels[0].Types {
		got = append(got, fmt.Sprintf("%s %d", ty.Name, ty.Contacts))
	}
	if want := []string{"beta 3", "zeta 3", "gamma 2", "alpha 1"}; !slices.Equal(got, want) {
		t.Errorf("types %v, want %v", got, want)
	}
}

// TestNobodyGaveUp: a channel on which nobody gave up has no patience to
// fit (PatienceMean NaN, PatienceKM of no kind), however long its callers
// waited; and a log that names no agents has neither agents at work nor
// pools (nil). Seen to catch: result.go `c.nAbandoned > 0` → `>=` (twice),
// `len(f.services) > 0` → `>=`.
func TestNobodyGaveUp(t *testing.T) {
	fitter := NewFitter(DefaultOptions)
	for i := range 5 {
		r := answered(4, float64(36000+100*i), "phone", 120)
		r.Wait = 30
		fitter.Add(r)
	}
	fit := fitter.Result()
	c := fit.Channels[0]
	if !math.IsNaN(c.PatienceMean) || c.PatienceKM.Kind != "" {
		t.Errorf("patience %v, Kaplan–Meier law %v; want NaN and none", c.PatienceMean, c.PatienceKM)
	}
	if fit.Agents != nil || fit.Pools != nil {
		t.Errorf("agents at work %v, pools %v; want nil without agents in the log", fit.Agents != nil, fit.Pools)
	}
}

// TestScenarioNames: names become what a scenario accepts: letters
// (a–z, A–Z), digits, - and _ stay, every other character becomes -, and a
// name already taken gets the next number from 2 (README: scenario names).
// Seen to catch: result.go `n++` → `--` in scenarioNames (the rune rule
// itself, scenarios.NameRune, is scenarios' TestNameRune's).
func TestScenarioNames(t *testing.T) {
	fitter := NewFitter(DefaultOptions)
	names := []string{"a b", "a-b", "a.b", "AZ_az-09", "q/@[`{:"}
	for i, name := range names {
		fitter.Add(answered(4, float64(36000+i), name, 60))
	}
	var got []string
	for _, c := range fitter.Result().Channels {
		got = append(got, c.Name)
	}
	if want := []string{"a-b", "a-b-2", "a-b-3", "AZ_az-09", "q------"}; !slices.Equal(got, want) {
		t.Errorf("channels %q, want %q", got, want)
	}
}

// TestTransfer: Transfer gives f's fit the arrivals and agents of to,
// matched by name; a channel of f that to lacks gets no arrivals (zero in
// every interval of the week), a pool no agents; the channels and pools
// of to that f lacks are listed as missing; f itself is left as it was.
// Seen to catch: result.go `7 * f.slots()` → `/`, and `ch.Name ==
// o.Name`, `p.Name == o.Name` → `!=` in what is missing.
func TestTransfer(t *testing.T) {
	week := func(x float64) []float64 {
		v := make([]float64, 7*24)
		for k := range v {
			v[k] = x
		}
		return v
	}
	nan := math.NaN()
	f := &Fit{Options: DefaultOptions, Redials: nan, RedialDelay: nan,
		Channels: []ChannelFit{{Name: "phone", Volumes: week(1), Fresh: week(1)}, {Name: "mail", Volumes: week(1), Fresh: week(1)}},
		Pools:    []PoolFit{{Name: "phone-team", Agents: week(1)}, {Name: "mail-team", Agents: week(1)}}}
	to := &Fit{Options: DefaultOptions, Redials: nan, RedialDelay: nan,
		Channels: []ChannelFit{{Name: "phone", Volumes: week(2), Fresh: week(2)}, {Name: "chat", Volumes: week(3), Fresh: week(3)}},
		Pools:    []PoolFit{{Name: "phone-team", Agents: week(4)}, {Name: "chat-team", Agents: week(5)}}}
	out, missing := f.Transfer(to)
	if want := []string{"channel chat", "pool chat-team"}; !slices.Equal(missing, want) {
		t.Errorf("missing %q, want %q", missing, want)
	}
	for _, tc := range []struct {
		name      string
		got, want []float64
	}{
		{"phone's arrivals", out.Channels[0].Volumes, week(2)},
		{"phone's first calls", out.Channels[0].Fresh, week(2)},
		{"mail's arrivals", out.Channels[1].Volumes, week(0)},
		{"phone-team's agents", out.Pools[0].Agents, week(4)},
		{"mail-team's agents", out.Pools[1].Agents, week(0)},
		{"the original's phone", f.Channels[0].Volumes, week(1)},
		{"the original's phone-team", f.Pools[0].Agents, week(1)},
	} {
		if !slices.Equal(tc.got, tc.want) {
			t.Errorf("%s: %d values %v…, want %d of %v", tc.name, len(tc.got), tc.got[:min(3, len(tc.got))], len(tc.want), tc.want[0])
		}
	}
}

// TestFitHandleFewTimes: handle-time laws from the fewest times. One time
// gives no law to fit: an exponential of its mean, KS NaN (the scenario
// says "too few"). Two give the mean and the sample CV, with n − 1 in the
// variance: 100 and 300 s have mean 200 and standard deviation √20000, a
// CV of 1/√2, and a lognormal and a gamma law of those moments. A handle
// time of 0 (answered and ended at once) is left out: no lognormal or
// gamma law gives it, and its logarithm is −∞. Seen to catch: json.go `c.n
// < 2` → `<=`, `(n - 1)` → `(n + 1)`; estimate.go `!(h > 0)` → `!(h >=
// 0)`; result.go `c.n < 2` → `<=`, `!(h.SampleMean > 0)` → `!(... <= 0)`.
func TestFitHandleFewTimes(t *testing.T) {
	fitter := NewFitter(DefaultOptions)
	fitter.Add(answered(4, 36000, "one", 90))
	for i, h := range []float64{0, 100, 300} {
		fitter.Add(answered(4, float64(36000+i), "two", h))
	}
	fit := fitter.Result()
	one, two := fit.Channels[0], fit.Channels[1]
	if h := one.Handle; h.Dist.Kind != models.Exponential || h.Dist.Mean != 90 || !math.IsNaN(h.KS) || !math.IsNaN(one.SampleCV) {
		t.Errorf("one handle time of 90 s: %v (KS %v, sample CV %v), want exponential of mean 90 s, KS and CV NaN", h.Dist, h.KS, one.SampleCV)
	}
	cv := math.Sqrt(20000) / 200
	if two.Answered != 3 || math.Abs(two.SampleMean-200) > 1e-9 || math.Abs(two.SampleCV-cv) > 1e-12 {
		t.Errorf("0, 100 and 300 s: %d answered, mean %v, CV %v; want 3, 200 and %v", two.Answered, two.SampleMean, two.SampleCV, cv)
	}
	for _, h := range []HandleFit{two.LogNormal, two.Gamma} {
		if d := h.Dist; math.Abs(d.Mean-200) > 1e-9 || math.Abs(d.CV-cv) > 1e-12 || math.IsNaN(h.KS) {
			t.Errorf("%v law: mean %v, CV %v, KS %v; want 200, %v and a distance", d.Kind, d.Mean, d.CV, h.KS, cv)
		}
	}
}

// TestEmpiricalFromAThousand: from 1,000 handle times on (README: "from
// 1,000 answered contacts on"), an empirical law is fitted, and used when
// closest. For the times 1, 2, …, 1000 s its values are 10j + 5.5 (see
// TestEmpiricalLaw), each drawn with chance 1/100, so its CDF at the time
// i is ⌊(i + 4.5)/10⌋/100 and its Kolmogorov–Smirnov distance to the
// sample 0.005 (at i = 10j + 5: (10j + 5)/1000 against j/100); the times
// 1 to 999 give none. Seen to catch: result.go `c.n >= minEmpirical` and
// `len(sample) >= minEmpirical` → `>`, `<`; `float64(k) /
// float64(len(values))` → `*` in the empirical law's CDF.
func TestEmpiricalFromAThousand(t *testing.T) {
	for _, n := range []int{999, 1000} {
		h := newHandleStats(1, sampleSize)
		for i := 1; i <= n; i++ {
			h.add(float64(i))
		}
		laws := h.fitHandle()
		e := laws.Empirical
		if n < minEmpirical {
			if e.Dist.Kind != "" || !math.IsNaN(e.KS) {
				t.Errorf("%d times: an empirical law %v (KS %v), want none", n, e.Dist.Kind, e.KS)
			}
			continue
		}
		if e.Dist.Kind != models.Empirical || math.Abs(e.KS-0.005) > 1e-9 {
			t.Errorf("%d times: %v law, KS %v; want empirical, 0.005", n, e.Dist.Kind, e.KS)
		}
		if best := min(laws.LogNormal.KS, laws.Gamma.KS, e.KS); laws.Handle.KS != best {
			t.Errorf("%d times: used %v (KS %v), want the closest (KS %v)", n, laws.Handle.Dist.Kind, laws.Handle.KS, best)
		}
	}
}

// TestEmpiricalLawUneven: the empirical law's values are the means of its
// shares of the sorted sample, however many each holds: of 101 times 1,
// 2, …, 101 s, the last share holds two (100 and 101, mean 100.5) and
// every other one; their mean, 50.505, is the log's given here, so no
// scaling. Seen to catch: result.go `s / float64(to-from)` → `*` in
// empiricalLaw.
func TestEmpiricalLawUneven(t *testing.T) {
	sorted := make([]float64, 101)
	for i := range sorted {
		sorted[i] = float64(i + 1)
	}
	values := empiricalLaw(sorted, 50.505)
	for i, v := range values {
		want := float64(i + 1)
		if i == empiricalValues-1 {
			want = 100.5
		}
		if math.Abs(v-want) > 1e-9 {
			t.Fatalf("value %d: %v, want %v", i, v, want)
		}
	}
}

// TestTypesInScenario: each type with 30 answered contacts or more gets
// its own handle-time law (README), so one with exactly 30 does and one
// with 29 does not; and a log whose contacts all have one type does not
// give types (Fit.typed: some channel has more than one): no issues in
// the scenario. Seen to catch: result.go `t.Answered >= minTypeAnswered` →
// `>`, `len(c.Types) > 1` → `>=`.
func TestTypesInScenario(t *testing.T) {
	fitter := NewFitter(DefaultOptions)
	for i := range 59 {
		r := answered(4, float64(36000+10*i), "phone", float64(60+i%7*10))
		r.Type = "billing"
		if i >= 30 {
			r.Type = "tech"
		}
		fitter.Add(r)
	}
	yaml := string(fitter.Result().Scenario("typed", "log"))
	if !strings.Contains(yaml, "    handle_times: {billing: {dist: ") || strings.Contains(yaml, "tech: {dist") {
		t.Errorf("30 billing calls and 29 tech ones: want a law for billing alone:\n%s", yaml)
	}
	fitter = NewFitter(DefaultOptions)
	for i := range 5 {
		r := answered(4, float64(36000+10*i), "phone", float64(60+i))
		r.Type = "general"
		fitter.Add(r)
	}
	if yaml := string(fitter.Result().Scenario("one", "log")); strings.Contains(yaml, "issues") {
		t.Errorf("one type: want no issues:\n%s", yaml)
	}
}

// TestRedialScale: a channel's first calls are its volumes less the
// redials seen scaled by RedialScale, every give-up ÷ those of identified
// customers (README: "scaled up by all give-ups ÷ identified ones"). On
// Monday 10:00–11:00 customer a gives up and calls again ten minutes
// later; at 11:00–12:00 a caller the log does not name gives up: a scale
// of 2, so the redial stands for two and leaves no first call at 10:00.
// Seen to catch: result.go `n * fit.RedialScale` → `/`.
func TestRedialScale(t *testing.T) {
	fitter := NewFitter(DefaultOptions)
	fitter.Add(&Record{Day: 4, Arrival: 36000, Channel: "phone", Customer: "a", Outcome: Abandoned, Wait: 60})
	r := answered(4, 36660, "phone", 60)
	r.Customer = "a"
	fitter.Add(r)
	fitter.Add(&Record{Day: 4, Arrival: 40000, Channel: "phone", Outcome: Abandoned, Wait: 30})
	fit := fitter.Result()
	c := fit.Channels[0]
	monday := int(models.Monday) * 24
	if fit.RedialScale != 2 || fit.Redials != 1 || c.Volumes[monday+10] != 2 || c.Fresh[monday+10] != 0 || c.Fresh[monday+11] != 1 {
		t.Errorf("scale %v, redials %v; at 10:00 %v contacts, %v first; at 11:00 %v first; want 2, 1; 2, 0; 1",
			fit.RedialScale, fit.Redials, c.Volumes[monday+10], c.Fresh[monday+10], c.Fresh[monday+11])
	}
}

// TestSkillsEdges: a pool serves the channels that are 2 % of its agents'
// work or more (README), so exactly 2 % is served, and lists them most
// served first, whatever order the log first names them in. Seen to catch:
// result.go `float64(load[i][ch]) >= minSkillShare*float64(total)` → `>`,
// `load[i][b] - load[i][a]` → `+`.
func TestSkillsEdges(t *testing.T) {
	tests := []struct {
		name  string
		work  []string // agent, channel, contacts, in the log's order
		skill map[string][]string
	}{
		{"exactly 2 %", []string{"a phone 49", "a chat 1", "b chat 10"},
			map[string][]string{"phone-team": {"phone", "chat"}, "chat-team": {"chat"}}},
		{"most served first", []string{"a phone 90", "a chat 3", "a mail 7"},
			map[string][]string{"phone-team": {"phone", "mail", "chat"}}},
	}
	for _, tc := range tests {
		fitter := NewFitter(DefaultOptions)
		for _, w := range tc.work {
			var agent, channel string
			var n int
			fmt.Sscan(w, &agent, &channel, &n)
			for i := range n {
				r := answered(4, float64(36000+60*i), channel, 30)
				r.Agent = agent
				fitter.Add(r)
			}
		}
		got := map[string][]string{}
		for _, p := range fitter.Result().Pools {
			got[p.Name] = p.Skills
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.skill) {
			t.Errorf("%s: skills %v, want %v", tc.name, got, tc.skill)
		}
	}
}

// TestKaplanMeierBins checks fit's use of the Kaplan–Meier estimator on
// waits binned by the second: the median is its bin's second (0 too, NaN
// when survival never falls to one half); the patience law takes the
// quantiles at (i + ½)/100 as their bin's middle (t + 0.5 s), those past
// the curve's end as the longest wait seen, and goes on past it by the
// tail only when its last value is that longest wait and the tail is
// finite and positive. The expected values are worked out by hand: with
// one customer giving up at 5 s, one at 15 s and two answered at 40 s, the
// survival is 3/4 after 5 s and 1/2 after 15 s, and never falls further.
//
// Seen to catch: the median's "never" test at t ≤ 0; the probabilities at
// (i − ½)/100; a bin's middle at t − 0.5; the end of the log's waits taken
// from gave-up minus answered, or from bins with nothing in them; a quantile
// in bin 0 taken for past the end; the tail kept when it is infinite, or
// left out when the last value is the longest wait.
func TestKaplanMeierBins(t *testing.T) {
	var gaveUp, censored [waitBins + 1]float64
	gaveUp[0] = 3
	censored[9] = 1
	if got := kaplanMeierMedian(&gaveUp, &censored); got != 0 {
		t.Errorf("three of four gave up at once: median %v s, want 0", got)
	}
	gaveUp[0], censored[9] = 0, 0
	gaveUp[5], gaveUp[15], censored[40] = 1, 1, 2
	if got := kaplanMeierMedian(&gaveUp, &censored); got != 15 {
		t.Errorf("median %v s, want 15 (the survival reaches 1/2 there)", got)
	}
	censored[40] = 3
	if got := kaplanMeierMedian(&gaveUp, &censored); !math.IsNaN(got) {
		t.Errorf("median %v s, want NaN: survival never falls to 1/2", got)
	}
	censored[40] = 2
	want := make([]float64, kmValues)
	for i := range want {
		switch p := (float64(i) + 0.5) / kmValues; {
		case p <= 0.25:
			want[i] = 5.5
		case p <= 0.5:
			want[i] = 15.5
		default:
			want[i] = 40.5 // past the curve: the longest wait seen
		}
	}
	for _, tc := range []struct {
		tail, want float64
	}{{60, 60}, {math.Inf(1), 0}, {0, 0}} {
		d := kaplanMeierLaw(&gaveUp, &censored, tc.tail)
		if d.Kind != models.Empirical || !slices.Equal(d.Values, want) || d.Tail != tc.want {
			t.Errorf("tail %v: law %v with values %v and tail %v; want empirical %v with tail %v", tc.tail, d.Kind, d.Values, d.Tail, want, tc.want)
		}
	}
	// Everyone gave up, two at once: the curve starts in bin 0 and ends at
	// the longest wait, 15 s, where the tail goes on.
	censored[40] = 0
	gaveUp[0] = 2
	d := kaplanMeierLaw(&gaveUp, &censored, 60)
	if d.Values[0] != 0.5 || d.Values[kmValues-1] != 15.5 || d.Tail != 60 {
		t.Errorf("everyone gave up: values from %v to %v s, tail %v; want 0.5 to 15.5 s and the tail", d.Values[0], d.Values[kmValues-1], d.Tail)
	}
}

// TestFixedHandleTimes: handle times all the same are a fixed time (a
// deterministic law of that time, at a Kolmogorov–Smirnov distance of 0),
// not an exponential of their mean, whose CV is 1; one time alone is
// still too few, and two times apart are not fixed. The scenario says so.
func TestFixedHandleTimes(t *testing.T) {
	h := newHandleStats(1, sampleSize)
	for range 5 {
		h.add(90.1)
	}
	laws := h.fitHandle()
	if d := laws.Handle.Dist; d.Kind != models.Deterministic || d.Mean != 90.1 || laws.Handle.KS != 0 || laws.SampleCV != 0 {
		t.Errorf("five times of 90.1 s: %v (KS %v, CV %v), want deterministic 90.1 s, KS 0, CV 0", d, laws.Handle.KS, laws.SampleCV)
	}
	if laws.LogNormal.Dist.Kind != "" || !math.IsNaN(laws.Gamma.KS) {
		t.Errorf("five equal times: lognormal %v, gamma KS %v, want none", laws.LogNormal.Dist, laws.Gamma.KS)
	}
	one := newHandleStats(1, sampleSize)
	one.add(90.1)
	if k := one.fitHandle().Handle.Dist.Kind; k != models.Exponential {
		t.Errorf("one time: %v, want the exponential placeholder", k)
	}
	for _, times := range [][]float64{{90.1, 90.2}, {90.2, 90.1}, {90.1, 90.3, 90.2}, {90.2, 90.3, 90.1}} {
		h := newHandleStats(1, sampleSize)
		for _, x := range times {
			h.add(x)
		}
		if k := h.fitHandle().Handle.Dist.Kind; k == models.Deterministic {
			t.Errorf("%v s: %v, want not fixed", times, k)
		}
	}
	pair := newHandleStats(1, sampleSize)
	pair.add(45)
	pair.add(45)
	if d := pair.fitHandle().Handle.Dist; d.Kind != models.Deterministic || d.Mean != 45 {
		t.Errorf("two times of 45 s: %v, want fixed at 45 s", d)
	}
	f := scenarioFit()
	f.Channels[0].HandleLaws = laws
	text := string(f.Scenario("fixed", "log.csv"))
	if !strings.Contains(text, "handle time: every answered contact in the log took 90.1 s: a fixed time") ||
		!strings.Contains(text, "dist: deterministic") {
		t.Errorf("the scenario does not say the fixed time:\n%s", block(text, "  phone:"))
	}
	if _, err := scenarios.Parse("fixed.yaml", "fixed", []byte(text), nil); err != nil {
		t.Errorf("the scenario does not load: %v", err)
	}
}
