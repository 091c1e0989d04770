package fit

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

// known is the world the synthetic log comes from: one phone line, 120
// calls an hour, lognormal handle times (mean 4 min, CV 0.8), exponential
// patience (mean 3 min), 8 agents: busy enough that a tenth give up.
func known(handle models.Dist) *models.Config {
	return &models.Config{
		Name: "known", Seed: 7, Horizon: 14 * 86400, Interval: 3600, Start: models.Monday,
		Channels: []models.Channel{{
			Name: "phone", Kind: models.Live, Concurrency: 1, AnswerWithin: 20, Choosable: true,
			Arrivals:   models.Arrivals{Rate: 120.0 / 3600},
			HandleTime: handle,
			Patience:   models.Dist{Kind: models.Exponential, Mean: 180},
		}},
		Pools: []models.Pool{{Name: "agents", Skills: []string{"phone"}, Agents: []int{8}}},
	}
}

// syntheticLog runs cfg once and writes the contacts that arrived within
// its horizon as contacts.csv does.
func syntheticLog(t testing.TB, cfg *models.Config) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("replication,contact,customer,previous,channel,issue,how,outcome,chased,arrived_seconds,answered_seconds,ended_seconds,wait_seconds,handle_seconds,agent\n")
	num := func(x float64) string {
		if math.IsNaN(x) {
			return ""
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	_, err := models.RunTraced(cfg, 0, func(c *models.ContactRecord) {
		if c.Arrived >= cfg.Horizon {
			return // a log covers a window of time: retries after it are not in it
		}
		agent := ""
		if c.Agent > 0 {
			agent = fmt.Sprintf("%s:%d", c.Pool, c.Agent)
		}
		fmt.Fprintf(&b, "%d,%d,%d,,%s,%s,%s,%s,false,%s,%s,%s,,,%s\n", c.Replication, c.ID, c.Customer, c.Channel, c.Issue, c.How,
			c.Outcome, num(c.Arrived), num(c.Answered), num(c.Ended), agent)
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func fitLog(t *testing.T, log []byte, f Format) (*Fit, *Summary) {
	t.Helper()
	fitter := NewFitter(DefaultOptions)
	s, err := Read(bytes.NewReader(log), f, fitter.Add)
	if err != nil {
		t.Fatal(err)
	}
	return fitter.Result(), s
}

// TestFitRecoversKnownParameters: a log omnisim wrote from known
// parameters gives them back. References: the arrival rate, handle-time
// law and patience mean the log was simulated with; tolerances are about
// three standard errors of each estimate for the log's size (14 days,
// about 40,000 calls, some 4,000 of them abandoned), stated with each
// check.
func TestFitRecoversKnownParameters(t *testing.T) {
	cfg := known(models.Dist{Kind: models.LogNormal, Mean: 240, CV: 0.8})
	fit, s := fitLog(t, syntheticLog(t, cfg), ContactsFormat)
	if s.Bad != 0 || len(fit.Channels) != 1 {
		t.Fatalf("summary %+v, %d channels", s, len(fit.Channels))
	}
	c := fit.Channels[0]
	t.Logf("%d contacts, %d abandoned; lognormal %v (KS %.3f), gamma %v (KS %.3f); patience %.1f s, KM median %.1f s",
		c.Contacts, c.Abandoned, c.LogNormal.Dist, c.LogNormal.KS, c.Gamma.Dist, c.Gamma.KS, c.PatienceMean, c.PatienceMedian)
	// Arrivals: 120 an hour; an hour of the week averages 2 days, so its
	// mean has a standard error of √(120/2) ≈ 7.7; over all 168 hours the
	// mean of means has one of 7.7/√168 ≈ 0.6.
	mean := 0.0
	for _, v := range c.Volumes {
		mean += v / float64(len(c.Volumes))
	}
	if math.Abs(mean-120) > 2 {
		t.Errorf("arrivals: %.2f an hour on average, want 120 ± 2", mean)
	}
	// Handle times: the lognormal (the law the log was drawn from) is
	// close, the gamma of the same moments is not, and the law used is
	// the closest, with the log's mean; the mean of ~36,000 answered
	// calls with CV 0.8 has a standard error of 1 s.
	if c.LogNormal.KS > 0.02 || c.Gamma.KS < 2*c.LogNormal.KS || c.Handle.KS > c.LogNormal.KS {
		t.Errorf("handle time: used %v (KS %.3f; lognormal %.3f, gamma %.3f), want the lognormal within 0.02, closer than the gamma, and the closest used",
			c.Handle.Dist.Kind, c.Handle.KS, c.LogNormal.KS, c.Gamma.KS)
	}
	if d := c.LogNormal.Dist; math.Abs(d.Mean-240) > 4 || math.Abs(d.CV-0.8) > 0.03 {
		t.Errorf("handle time: lognormal mean %.1f s, CV %.3f; want 240 ± 4 s, 0.8 ± 0.03", d.Mean, d.CV)
	}
	if m := c.Handle.Dist.MeanValue(); math.Abs(m-c.SampleMean) > 0.1 {
		t.Errorf("handle time: the law used has mean %.2f s, the log %.2f s; want the log's", m, c.SampleMean)
	}
	// Patience: the exponential MLE has a standard error of mean/√(number
	// who gave up).
	se := 180 / math.Sqrt(float64(c.Abandoned))
	if c.Abandoned < 1000 || math.Abs(c.PatienceMean-180) > 3*se {
		t.Errorf("patience: %.1f s from %d who gave up, want 180 ± %.1f (3 standard errors)", c.PatienceMean, c.Abandoned, 3*se)
	}
	// The Kaplan–Meier median of an exponential is ln 2 × mean, 124.8 s;
	// the raw waits of those who gave up would say much less.
	if math.Abs(c.PatienceMedian-180*math.Ln2) > 15 {
		t.Errorf("patience: Kaplan–Meier median %.0f s, want %.0f ± 15", c.PatienceMedian, 180*math.Ln2)
	}
	// Staffing: the log names no agents, so the scenario schedules Erlang
	// A's; it must load back.
	yaml := fit.Scenario("refit", "synthetic")
	if _, err := scenarios.Parse("refit.yaml", "refit", yaml, nil); err != nil {
		t.Fatalf("the fitted scenario does not load: %v\n%s", err, yaml)
	}
}

// TestFitGamma: gamma handle times are fitted as gamma, the closer law.
func TestFitGamma(t *testing.T) {
	cfg := known(models.Dist{Kind: models.Gamma, Mean: 240, CV: 0.5})
	cfg.Horizon = 7 * 86400
	fit, _ := fitLog(t, syntheticLog(t, cfg), ContactsFormat)
	c := fit.Channels[0]
	if c.Handle.Dist.Kind != models.Gamma || math.Abs(c.Gamma.Dist.CV-0.5) > 0.02 || math.Abs(c.Gamma.Dist.Mean-240) > 3 {
		t.Errorf("gamma handle times: used %v, gamma %v (KS %.3f), lognormal KS %.3f; want gamma, mean 240 ± 3, CV 0.5 ± 0.02",
			c.Handle.Dist.Kind, c.Gamma.Dist, c.Gamma.KS, c.LogNormal.KS)
	}
}

// TestReadBadRows: bad rows are counted and listed by line, never dropped
// silently; a log mostly unreadable is refused; a header without the
// format's columns says which.
func TestReadBadRows(t *testing.T) {
	head := "replication,contact,customer,previous,channel,issue,how,outcome,chased,arrived_seconds,answered_seconds,ended_seconds\n"
	good := "0,1,1,,phone,general,first,resolved,false,10,20,200\n"
	log := head + good + "0,2,2,,phone,general,first,abandoned,false,x,,50\n" + good + good + "0,3,3,,phone,general,first,resolved,false,100,90,200\n"
	var n int
	s, err := Read(strings.NewReader(log), ContactsFormat, func(*Record) { n++ })
	if err != nil || s.Bad != 2 || n != 3 || s.Rows != 5 {
		t.Fatalf("summary %+v, %d used, %v", s, n, err)
	}
	if !strings.Contains(s.Problems[0], "line 3: arrived_seconds") || !strings.Contains(s.Problems[1], "line 6: times out of order") {
		t.Errorf("problems %q", s.Problems)
	}
	mostlyBad := head + good + strings.Repeat("0,2,2,,phone,general,first,abandoned,false,x,,50\n", 3)
	if _, err := Read(strings.NewReader(mostlyBad), ContactsFormat, func(*Record) {}); err == nil || !strings.Contains(err.Error(), "3 of 4 rows cannot be read") {
		t.Errorf("mostly unreadable: %v", err)
	}
	if _, err := Read(strings.NewReader("a,b\n1,2\n"), ContactsFormat, func(*Record) {}); err == nil || !strings.Contains(err.Error(), "the header lacks replication") {
		t.Errorf("wrong header: %v", err)
	}
	if _, err := Read(strings.NewReader(head), ContactsFormat, func(*Record) {}); err == nil {
		t.Error("a header and no rows: no error")
	}
}

// TestFitBank fits the real "Anonymous Bank" log ("Anonymous Bank"
// call-centre data, Technion, I. Guedj and A. Mandelbaum) when it is there.
// Brown et al. (2005) report for it lognormal-like service times and
// patience to be estimated with censoring; this checks what the file's
// README says of its rows and that the fit loads back.
func TestFitBank(t *testing.T) {
	data, err := os.ReadFile("../../shared/data/anonymous-bank-1999-10/october.txt")
	if err != nil {
		t.Skip("the Anonymous Bank data is not there:", err)
	}
	fit, s := fitLog(t, data, BankFormat)
	if s.Rows != 34625 || s.Skipped["a PHANTOM (ghost) record"] == 0 || s.Bad > 10 || fit.Days != 31 {
		t.Errorf("summary %+v, %d days", s, fit.Days)
	}
	if fit.Agents == nil || fit.Channels[0].Name != "PS" || fit.Channels[0].Contacts < 20000 {
		t.Errorf("fit: agents %v, first channel %+v", fit.Agents != nil, fit.Channels[0].Name)
	}
	if _, err := scenarios.Parse("bank.yaml", "bank", fit.Scenario("bank", "october.txt"), nil); err != nil {
		t.Fatal(err)
	}
}

// TestMapping: a log of another layout, read through a mapping file, gives
// the same fit as the same contacts in omnisim's own layout.
func TestMapping(t *testing.T) {
	cfg := known(models.Dist{Kind: models.LogNormal, Mean: 240, CV: 0.8})
	cfg.Horizon = 2 * 86400
	cfg.Issues = []models.Issue{{Name: "billing", Share: 0.6, HandleFactor: 0.7}, {Name: "technical", Share: 0.4, HandleFactor: 1.6}}
	cfg.Journey = models.DefaultJourney()
	cfg.Journey.Retry = []float64{0.5}
	native := syntheticLog(t, cfg)
	// The same contacts as a call-centre export: date-times from Monday 3
	// March 2025, waits and talk times in seconds, outcomes in words.
	var b strings.Builder
	b.WriteString("started;queue;waited;talked;result;caller;reason\n")
	start := time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)
	_, err := Read(bytes.NewReader(native), ContactsFormat, func(r *Record) {
		at := start.Add(time.Duration((float64(r.Day)*86400 + r.Arrival) * float64(time.Second)))
		result, talk := "ANSWERED", strconv.FormatFloat(r.Handle, 'g', -1, 64)
		if r.Outcome == Abandoned {
			result, talk = "HUNG UP", ""
		}
		fmt.Fprintf(&b, "%s;%s;%s;%s;%s;%s;%s\n", at.Format("2006-01-02 15:04:05.000000"), r.Channel,
			strconv.FormatFloat(r.Wait, 'g', -1, 64), talk, result, r.Customer, r.Type)
	})
	if err != nil {
		t.Fatal(err)
	}
	b.WriteString("2025-03-04 10:00:00.000000;phone;12;;TRANSFERRED;x;billing\n")
	b.WriteString("yesterday;phone;12;30;ANSWERED;x;billing\n")
	f, err := ParseMapping("export.yaml", []byte(`separator: ";"
arrival: {column: started, format: "2006-01-02 15:04:05.000000"}
channel: queue
wait: waited
handle: talked
outcome: {column: result, answered: [ANSWERED], abandoned: [HUNG UP]}
customer: caller
type: reason
`))
	if err != nil {
		t.Fatal(err)
	}
	mapped, s := fitLog(t, []byte(b.String()), f)
	want, _ := fitLog(t, native, ContactsFormat)
	if s.Bad != 1 || s.Skipped[`outcome "TRANSFERRED", neither answered nor abandoned`] != 1 || !strings.Contains(s.Problems[0], `started: "yesterday" does not match`) {
		t.Errorf("summary %+v", s)
	}
	a, w := mapped.Channels[0], want.Channels[0]
	if a.Contacts != w.Contacts || math.Abs(a.PatienceMean-w.PatienceMean) > 1e-6 || math.Abs(a.Handle.Dist.Mean-w.Handle.Dist.Mean) > 1e-6 ||
		mapped.Start != models.Monday {
		t.Errorf("mapped: %d contacts, patience %v, handle %v, start %v; native: %d, %v, %v",
			a.Contacts, a.PatienceMean, a.Handle.Dist, mapped.Start, w.Contacts, w.PatienceMean, w.Handle.Dist)
	}
	if len(a.Types) != 2 || len(w.Types) != 2 || a.Types[1].Name != w.Types[1].Name || a.Types[1].Contacts != w.Types[1].Contacts ||
		math.Abs(a.Types[1].Handle.Dist.Mean-w.Types[1].Handle.Dist.Mean) > 1e-6 {
		t.Errorf("types: mapped %+v, native %+v", a.Types, w.Types)
	}
	if mapped.Redials != want.Redials || !(mapped.Redials > 0.4) || math.Abs(mapped.RedialDelay-want.RedialDelay) > 1e-3 { // times to the microsecond
		t.Errorf("redials: mapped %v after %v s, native %v after %v s, want the same, over 40 %%", mapped.Redials, mapped.RedialDelay, want.Redials, want.RedialDelay)
	}
	_, err = ParseMapping("bad.yaml", []byte("separator: x\narrival: {column: a, format: nonsense}\nwait: w\n"))
	for _, want := range []string{"handle: missing", "outcome.column: missing", "channel: name the channel", "separator", "is not a Go time layout"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("bad mapping: %v, want %q", err, want)
		}
	}
	if _, err := ParseMapping("typo.yaml", []byte("arival: {column: a}\n")); err == nil || !strings.Contains(err.Error(), "arival") {
		t.Errorf("a misspelt key: %v", err)
	}
}

// TestForecastRoundTrip: the forecast fit writes, read by a scenario's
// forecast key, gives the channels the volumes the fitted scenario's
// arrivals send (first calls when redials are retried; the scenario
// writes them to three decimals, the forecast to nine digits).
func TestForecastRoundTrip(t *testing.T) {
	cfg := known(models.Dist{Kind: models.LogNormal, Mean: 240, CV: 0.8})
	cfg.Horizon = 3 * 86400
	cfg.Journey = models.DefaultJourney()
	cfg.Journey.Retry = []float64{0.5} // so that the scenario's arrivals are first calls, not all
	fit, _ := fitLog(t, syntheticLog(t, cfg), ContactsFormat)
	var b bytes.Buffer
	if err := fit.WriteForecast(&b); err != nil {
		t.Fatal(err)
	}
	sc, err := scenarios.Parse("refit.yaml", "refit", fit.Scenario("refit", "synthetic"), nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := scenarios.ParseForecast("forecast.csv", b.Bytes(), &sc.Config)
	if err != nil {
		t.Fatal(err)
	}
	want := sc.Config.Channels[0].Arrivals.Volumes // what the scenario sends, to 3 decimals
	if !fit.retries() {
		t.Fatal("the log's redials are not retried")
	}
	if v := got["phone"]; len(v) != 168 || len(want) != 168 {
		t.Fatalf("%d volumes, want 168", len(v))
	}
	for k, v := range got["phone"] {
		if math.Abs(v-want[k]) > 0.0005 {
			t.Fatalf("interval %d: %v, want %v (the scenario's, rounded)", k, v, want[k])
		}
	}
}

// TestFitShippedLog fits testdata/known-contacts.csv, a day omnisim
// simulated from testdata/known.yaml (60 calls an hour, lognormal handle
// times of mean 240 s and CV 0.8, exponential patience of mean 180 s), and
// finds those parameters within three standard errors for its size: about
// 1,160 answered calls (a handle-time mean's standard error 240 × 0.8 /
// √1160 ≈ 5.6 s) and 300 who gave up (patience's 180/√300 ≈ 10 s).
func TestFitShippedLog(t *testing.T) {
	data, err := os.ReadFile("testdata/known-contacts.csv")
	if err != nil {
		t.Fatal(err)
	}
	fit, s := fitLog(t, data, ContactsFormat)
	c := fit.Channels[0]
	if s.Bad != 0 || c.Contacts != 1464 {
		t.Fatalf("summary %+v, %d contacts", s, c.Contacts)
	}
	if se := 240 * 0.8 / math.Sqrt(float64(c.Answered)); math.Abs(c.LogNormal.Dist.Mean-240) > 3*se {
		t.Errorf("handle time: lognormal mean %.1f s, want 240 ± %.1f", c.LogNormal.Dist.Mean, 3*se)
	}
	if se := 180 / math.Sqrt(float64(c.Abandoned)); math.Abs(c.PatienceMean-180) > 3*se {
		t.Errorf("patience: %.1f s, want 180 ± %.1f", c.PatienceMean, 3*se)
	}
	// 60 calls an hour over one day: 1,440 expected, Poisson's standard
	// deviation 38.
	if math.Abs(float64(c.Contacts)-1440) > 3*38 {
		t.Errorf("%d calls in the day, want 1440 ± 114", c.Contacts)
	}
}

// TestFitRecoversRedials: customers who give up and try again are found by
// their ids, and the fitted scenario sends them as retries rather than as
// first calls. References: the log is simulated with 40 % of those who
// give up trying again after an exponential delay of mean 10 min. Within
// the hour redials are counted in, 1 − e⁻⁶ of them come back, so the share
// seen is 0.4 × 0.9975 ≈ 0.399 (its standard error √(0.4·0.6/n) for n
// give-ups), and their mean delay, truncated at the hour, is
// 600 − 3600·e⁻⁶/(1 − e⁻⁶) ≈ 591 s (standard error 600/√redials). The
// first calls, 120 an hour, are what is left of the volumes.
func TestFitRecoversRedials(t *testing.T) {
	cfg := known(models.Dist{Kind: models.LogNormal, Mean: 240, CV: 0.8})
	cfg.Journey = models.DefaultJourney()
	cfg.Journey.Retry = []float64{0.4}
	cfg.Journey.RetryDelay = models.Dist{Kind: models.Exponential, Mean: 600}
	fit, _ := fitLog(t, syntheticLog(t, cfg), ContactsFormat)
	c := fit.Channels[0]
	t.Logf("%d give-ups, redials %.4f after %.1f s (same channel %.2f); %d redials seen, scale %.3f",
		int(fit.RedialBase), fit.Redials, fit.RedialDelay, fit.RedialSame, c.Redials, fit.RedialScale)
	want := 0.4 * -math.Expm1(-6)
	if se := math.Sqrt(0.4 * 0.6 / fit.RedialBase); fit.RedialBase < 2000 || math.Abs(fit.Redials-want) > 3*se {
		t.Errorf("redials: %.4f of %d who gave up, want %.4f ± %.4f (3 standard errors)", fit.Redials, int(fit.RedialBase), want, 3*se)
	}
	wantDelay := 600 - 3600*math.Exp(-6)/-math.Expm1(-6)
	if se := 600 / math.Sqrt(float64(c.Redials)); math.Abs(fit.RedialDelay-wantDelay) > 3*se {
		t.Errorf("redial delay: %.1f s, want %.1f ± %.1f", fit.RedialDelay, wantDelay, 3*se)
	}
	if fit.RedialScale != 1 || fit.RedialSame != 1 {
		t.Errorf("every customer is identified and there is one channel: scale %v, same-channel share %v, want 1 and 1", fit.RedialScale, fit.RedialSame)
	}
	// First calls: 120 an hour, with the same standard error as in
	// TestFitRecoversKnownParameters (0.6 over the week's hours); all
	// calls, redials included, are some 4 % more.
	fresh, all := 0.0, 0.0
	for k := range c.Volumes {
		fresh += c.Fresh[k] / float64(len(c.Volumes))
		all += c.Volumes[k] / float64(len(c.Volumes))
	}
	if math.Abs(fresh-120) > 2 || all-fresh < 2 {
		t.Errorf("first calls %.2f an hour of %.2f, want 120 ± 2 and the redials on top", fresh, all)
	}
	yaml := fit.Scenario("refit", "synthetic")
	sc, err := scenarios.Parse("refit.yaml", "refit", yaml, nil)
	if err != nil {
		t.Fatalf("the fitted scenario does not load: %v\n%s", err, yaml)
	}
	if j := sc.Config.Journey; len(j.Retry) != 1 || math.Abs(j.Retry[0]-fit.Redials) > 1e-4 || math.Abs(j.RetryDelay.Mean-fit.RedialDelay) > 0.1 {
		t.Errorf("fitted journey: retry %v after %v, want %.4f after %.1f s", j.Retry, j.RetryDelay, fit.Redials, fit.RedialDelay)
	}
}

// TestFittedRetriesReproduceLog: a two-channel log with retries (half of
// those who give up try again after 5 min, and a stay bonus of 1 keeps
// e/(e+1) ≈ 73 % of them on the channel they left) is fitted; the fitted
// scenario, given the log's own staffing (the log names no agents), must
// give back each channel's weekly contacts, first calls and retries
// together, and its abandonment. References: the log's figures, with
// their own sampling error (Poisson for a count, √(p(1−p)/n) for a share,
// doubled for the retries' and the queue's correlation), combined with the
// simulation's 95 % Student-t interval over 20 replications; the fitted
// stay bonus is checked against ln(share ÷ (1 − share)).
func TestFittedRetriesReproduceLog(t *testing.T) {
	day := func(peak float64) []float64 {
		shape := []float64{0, 0, 0, 0, 0, 0, 0, 0.35, 0.7, 1, 1, 0.95, 0.85, 0.85, 0.9, 0.85, 0.75, 0.6, 0.4, 0, 0, 0, 0, 0}
		v := make([]float64, len(shape))
		for i, s := range shape {
			v[i] = s * peak
		}
		return v
	}
	cfg := &models.Config{
		Name: "retries", Seed: 3, Horizon: 14 * 86400, Interval: 3600, Start: models.Monday,
		Channels: []models.Channel{
			{Name: "phone", Kind: models.Live, Concurrency: 1, AnswerWithin: 20, Choosable: true,
				Arrivals:   models.Arrivals{Volumes: day(120)},
				HandleTime: models.Dist{Kind: models.LogNormal, Mean: 240, CV: 0.8},
				Patience:   models.Dist{Kind: models.Exponential, Mean: 120}},
			{Name: "chat", Kind: models.Live, Concurrency: 1, AnswerWithin: 20, Choosable: true,
				Arrivals:   models.Arrivals{Volumes: day(60)},
				HandleTime: models.Dist{Kind: models.Gamma, Mean: 360, CV: 0.6},
				Patience:   models.Dist{Kind: models.Exponential, Mean: 240}},
		},
		Pools: []models.Pool{
			{Name: "voice", Skills: []string{"phone"}, Agents: []int{8}},
			{Name: "text", Skills: []string{"chat"}, Agents: []int{5}},
		},
		Journey: models.DefaultJourney(),
		Choice:  models.Choice{WaitWeight: 1, Stay: 1},
	}
	cfg.Journey.Retry = []float64{0.5}
	cfg.Journey.RetryDelay = models.Dist{Kind: models.Exponential, Mean: 300}
	fit, _ := fitLog(t, syntheticLog(t, cfg), ContactsFormat)
	if want := math.Log(fit.RedialSame / (1 - fit.RedialSame)); math.Abs(fit.stay()-want) > 1e-9 || math.Abs(fit.RedialSame-math.E/(math.E+1)) > 0.05 {
		t.Errorf("stay %.3f for %.3f of redials on the same channel, want %.3f, and a share near %.3f", fit.stay(), fit.RedialSame, want, math.E/(math.E+1))
	}
	sc, err := scenarios.Parse("refit.yaml", "refit", fit.Scenario("refit", "synthetic"), nil)
	if err != nil {
		t.Fatal(err)
	}
	fitted := sc.Config
	fitted.Pools = cfg.Pools
	const reps = 20
	offered := make([][]float64, len(fit.Channels))
	abandon := make([][]float64, len(fit.Channels))
	results, err := experiment.Run{Config: &fitted, Reps: experiment.Span(0, reps)}.Results()
	if err != nil {
		t.Fatal(err)
	}
	for _, res := range results {
		for i, ch := range res.Channels {
			offered[i] = append(offered[i], float64(ch.Total.Offered))
			abandon[i] = append(abandon[i], float64(ch.Total.Abandoned)/float64(ch.Total.Offered))
		}
	}
	tq := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: reps - 1}.Quantile(0.975)
	for i, c := range fit.Channels {
		weeks := float64(fit.Days) / 7
		logOffered, logAbandon := float64(c.Contacts)/weeks, float64(c.Abandoned)/float64(c.Contacts)
		m, sd := stat.MeanStdDev(offered[i], nil)
		if tol := tq*sd/math.Sqrt(reps) + 2*2*math.Sqrt(float64(c.Contacts))/weeks; math.Abs(m-logOffered) > tol {
			t.Errorf("%s: %.0f contacts a week simulated, the log %.0f; want within %.0f", c.Name, m, logOffered, tol)
		}
		a, asd := stat.MeanStdDev(abandon[i], nil)
		if tol := tq*asd/math.Sqrt(reps) + 2*2*math.Sqrt(logAbandon*(1-logAbandon)/float64(c.Contacts)); math.Abs(a-logAbandon) > tol {
			t.Errorf("%s: %.2f %% abandoned simulated, the log %.2f %%; want within %.2f points", c.Name, 100*a, 100*logAbandon, 100*tol)
		}
		t.Logf("%s: %.0f contacts a week (log %.0f), abandoned %.2f %% (log %.2f %%)", c.Name, m, logOffered, 100*a, 100*logAbandon)
	}
}

// TestFitTypes: a log whose contacts carry types (omnisim's issues) gives
// handle times by channel and type, and the fitted scenario gives each
// channel its own mix and each type its own law. References: the log is
// simulated with billing (60 %, handle factor 0.7) and technical (40 %,
// 1.6) on a phone line of lognormal handle times (mean 240 s, CV 0.8), so
// billing calls take 168 s and technical ones 384 s, both with CV 0.8;
// each mean is checked within three standard errors (mean × 0.8 ÷ √n).
// The scenario's mean handle time (models.Config.MeanHandle) must then be
// the log's channel mean within the same margin.
func TestFitTypes(t *testing.T) {
	cfg := known(models.Dist{Kind: models.LogNormal, Mean: 240, CV: 0.8})
	cfg.Horizon = 7 * 86400
	cfg.Pools[0].Agents = []int{10}
	cfg.Issues = []models.Issue{{Name: "billing", Share: 0.6, HandleFactor: 0.7}, {Name: "technical", Share: 0.4, HandleFactor: 1.6}}
	fit, _ := fitLog(t, syntheticLog(t, cfg), ContactsFormat)
	c := fit.Channels[0]
	if len(c.Types) != 2 || c.Types[0].Name != "billing" || c.Types[1].Name != "technical" {
		t.Fatalf("types %+v, want billing then technical", c.Types)
	}
	for i, want := range []float64{168, 384} {
		ty := c.Types[i]
		t.Logf("%s: %d contacts (%.4f), lognormal %v (KS %.3f)", ty.Name, ty.Contacts, ty.Share, ty.LogNormal.Dist, ty.LogNormal.KS)
		se := want * 0.8 / math.Sqrt(float64(ty.Answered))
		if d := ty.LogNormal.Dist; ty.LogNormal.KS > 0.03 || math.Abs(d.Mean-want) > 3*se || math.Abs(d.CV-0.8) > 0.05 {
			t.Errorf("%s: lognormal %v (KS %.3f); want mean %.0f ± %.1f s, CV 0.8 ± 0.05, KS ≤ 0.03", ty.Name, d, ty.LogNormal.KS, want, 3*se)
		}
		if se := math.Sqrt(0.24 / float64(c.Contacts)); math.Abs(ty.Share-cfg.Issues[i].Share) > 3*se {
			t.Errorf("%s: share %.4f, want %.2f ± %.4f", ty.Name, ty.Share, cfg.Issues[i].Share, 3*se)
		}
	}
	sc, err := scenarios.Parse("refit.yaml", "refit", fit.Scenario("refit", "synthetic"), nil)
	if err != nil {
		t.Fatalf("the fitted scenario does not load: %v", err)
	}
	ch := sc.Config.Channels[0]
	if len(sc.Config.Issues) != 2 || len(ch.IssueHandle) != 2 || ch.IssueHandle[1].Kind != c.Types[1].Handle.Dist.Kind || len(ch.Arrivals.Issues) != 2 {
		t.Fatalf("fitted scenario: issues %v, handle_times %v, mix %v", sc.Config.Issues, ch.IssueHandle, ch.Arrivals.Issues)
	}
	logMean := c.Gamma.Dist.Mean // the gamma fit's mean is the sample mean
	if got, se := sc.Config.MeanHandle(0), 240*0.8/math.Sqrt(float64(c.Answered)); math.Abs(got-logMean) > 3*se {
		t.Errorf("the scenario's mean handle time %.1f s, the log's %.1f; want within %.1f", got, logMean, 3*se)
	}
}

// BenchmarkFit reads and fits a week of a two-channel log with retries and
// types (some 23,000 rows), reporting rows a second.
func BenchmarkFit(b *testing.B) {
	cfg := known(models.Dist{Kind: models.LogNormal, Mean: 240, CV: 0.8})
	cfg.Horizon = 7 * 86400
	cfg.Issues = []models.Issue{{Name: "billing", Share: 0.6, HandleFactor: 0.7}, {Name: "technical", Share: 0.4, HandleFactor: 1.6}}
	cfg.Pools[0].Agents = []int{10}
	cfg.Journey = models.DefaultJourney()
	cfg.Journey.Retry = []float64{0.5}
	log := syntheticLog(b, cfg)
	rows := bytes.Count(log, []byte("\n")) - 1
	b.SetBytes(int64(len(log)))
	b.ResetTimer()
	for range b.N {
		fitter := NewFitter(DefaultOptions)
		if _, err := Read(bytes.NewReader(log), ContactsFormat, fitter.Add); err != nil {
			b.Fatal(err)
		}
		fitter.Result().Scenario("bench", "bench")
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// TestFitDeterministic: the same log gives the same scenario, forecast and
// report, byte for byte (Go's maps iterate in a different order each time).
func TestFitDeterministic(t *testing.T) {
	cfg := known(models.Dist{Kind: models.LogNormal, Mean: 240, CV: 0.8})
	cfg.Horizon = 3 * 86400
	cfg.Issues = []models.Issue{{Name: "billing", Share: 0.6, HandleFactor: 0.7}, {Name: "technical", Share: 0.4, HandleFactor: 1.6}}
	cfg.Journey = models.DefaultJourney()
	cfg.Journey.Retry = []float64{0.5}
	log := syntheticLog(t, cfg)
	var first []byte
	for range 5 {
		fit, s := fitLog(t, log, ContactsFormat)
		var b bytes.Buffer
		b.Write(fit.Scenario("same", "same"))
		if err := fit.WriteForecast(&b); err != nil {
			t.Fatal(err)
		}
		if err := fit.WriteReport(&b, s, "same"); err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = b.Bytes()
		} else if !bytes.Equal(first, b.Bytes()) {
			t.Fatal("two fits of the same log differ")
		}
	}
}

// TestRedialsSettle: a log in time order has the contacts of customers
// not seen for days matched and let go as it is read, so that memory holds
// a few days of contacts, not the log's; the redials found are the same as
// when every contact is held to the end. A log out of order keeps them all
// and, if it left time order after some were let go, the fit says so.
func TestRedialsSettle(t *testing.T) {
	cfg := known(models.Dist{Kind: models.LogNormal, Mean: 240, CV: 0.8})
	cfg.Journey = models.DefaultJourney()
	cfg.Journey.Retry = []float64{0.4}
	log := syntheticLog(t, cfg) // 14 days, about 43,000 contacts, each customer identified
	fitWith := func(log []byte, settleAt int) (*Fit, *Fitter) {
		fitter := NewFitter(DefaultOptions)
		fitter.settleAt, fitter.settleMin = settleAt, settleAt
		if _, err := Read(bytes.NewReader(log), ContactsFormat, fitter.Add); err != nil {
			t.Fatal(err)
		}
		return fitter.Result(), fitter
	}
	all, held := fitWith(log, 1<<30)
	some, settled := fitWith(log, 5000)
	t.Logf("held at most %d contacts, and %d letting go", held.maxHeld, settled.maxHeld)
	if held.maxHeld < 40000 || settled.maxHeld > 20000 {
		t.Errorf("held at most %d contacts without letting go, %d letting go; want all (over 40,000) and a few days' (under 20,000)", held.maxHeld, settled.maxHeld)
	}
	if all.RedialBase != some.RedialBase || all.Redials != some.Redials || all.RedialSame != some.RedialSame ||
		math.Abs(all.RedialDelay-some.RedialDelay) > 1e-9*all.RedialDelay || some.RedialOrderLost {
		t.Errorf("redials: held %v of %v after %v s, let go %v of %v after %v s (order lost %v); want the same",
			all.Redials, all.RedialBase, all.RedialDelay, some.Redials, some.RedialBase, some.RedialDelay, some.RedialOrderLost)
	}
	for k := range all.Channels[0].Fresh {
		if math.Abs(all.Channels[0].Fresh[k]-some.Channels[0].Fresh[k]) > 1e-9 {
			t.Fatalf("first calls in slot %d: %v held, %v let go", k, all.Channels[0].Fresh[k], some.Channels[0].Fresh[k])
		}
	}
	// The same log with its last days first: out of time order after the
	// first contacts were let go.
	lines := bytes.SplitAfter(log, []byte("\n"))
	header, rows := lines[0], lines[1:]
	half := len(rows) / 2
	var shuffled bytes.Buffer
	shuffled.Write(header)
	for _, r := range append(append([][]byte{}, rows[half:]...), rows[:half]...) {
		shuffled.Write(r)
	}
	lost, _ := fitWith(shuffled.Bytes(), 5000)
	if !lost.RedialOrderLost {
		t.Error("a log out of time order after contacts were let go is not reported")
	}
}
