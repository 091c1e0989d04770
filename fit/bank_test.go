package fit

import (
	"bytes"
	"math"
	"os"
	"testing"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/scenarios"
)

// bankLog is the "Anonymous Bank" October log ("Anonymous Bank" call-centre
// data, Technion, I. Guedj and A. Mandelbaum), outside the repository.
const bankLog = "../../shared/data/anonymous-bank-1999-10/october.txt"

// bankCheck fits the records of the bank's log that use keeps, estimates
// the agents' availability, and checks the fitted scenario against the
// records of check (keep's, when nil), given their own arrivals and
// agents at work (Fit.Transfer), with 10 replications of a week.
func bankCheck(t *testing.T, data []byte, keep, check func(*Record) bool) *CheckResult {
	t.Helper()
	later := NewFitter(DefaultOptions)
	fit := calibrateBank(t, data, func(r *Record) bool {
		if keep(r) {
			return true
		}
		if check != nil && check(r) {
			later.Add(r)
		}
		return false
	})
	target := fit
	if check != nil {
		target = later.Result()
		fit, _ = fit.Transfer(target)
	}
	sc, err := scenarios.Parse("bank.yaml", "bank", fit.Scenario("bank", "october.txt"), nil)
	if err != nil {
		t.Fatal(err)
	}
	results, err := experiment.Run{Config: &sc.Config, Reps: experiment.Span(0, 10)}.Results()
	if err != nil {
		t.Fatal(err)
	}
	c := target.Check(&sc.Config, results)
	t.Log(c.DayLine())
	t.Log(c.BusyLine())
	return c
}

// calibrateBank fits the records of the bank's log that keep takes and
// estimates their agents' availability, as omnisim fit does.
func calibrateBank(tb testing.TB, data []byte, keep func(*Record) bool) *Fit {
	tb.Helper()
	fitter := NewFitter(DefaultOptions)
	if _, err := Read(bytes.NewReader(data), BankFormat, func(r *Record) {
		if keep(r) {
			fitter.Add(r)
		}
	}); err != nil {
		tb.Fatal(err)
	}
	fit := fitter.Result()
	sc, err := scenarios.Parse("bank.yaml", "bank", fit.Scenario("bank", "october.txt"), nil)
	if err != nil {
		tb.Fatal(err)
	}
	if err := fit.Calibrate(&sc.Config, DefaultCalibrateOptions); err != nil {
		tb.Fatal(err)
	}
	return fit
}

// TestFitReproducesBank: the scenario fitted to the bank's October log
// reproduces it, over the day and hour by hour. The targets are the
// project's (issue 12): over the day, the service level within 3 points
// and abandonment within 1.5 points of the log's, the mean wait within
// 20 %; in the hours with 20 contacts a day or more, abandonment within
// 5 points and the service level within 10. Only the share of contacts
// that waited, by hour, is matched by the fit (Calibrate); everything
// else is a prediction. Skipped when the log is not there.
func TestFitReproducesBank(t *testing.T) {
	data, err := os.ReadFile(bankLog)
	if err != nil {
		t.Skip("the Anonymous Bank data is not there:", err)
	}
	c := bankCheck(t, data, func(*Record) bool { return true }, nil)
	checkTargets(t, c)
}

// checkTargets checks a check against the project's targets. Each test is
// written so that a NaN figure fails it.
func checkTargets(t *testing.T, c *CheckResult) {
	t.Helper()
	l, s := c.Day.Log, c.Day.Sim
	if d := math.Abs(s[FigServiceLevel].Value - l[FigServiceLevel].Value); !(d <= 0.03) {
		t.Errorf("over the day, service level %.2f %% against the log's %.2f %%: want within 3 points", 100*s[FigServiceLevel].Value, 100*l[FigServiceLevel].Value)
	}
	if d := math.Abs(s[FigAbandon].Value - l[FigAbandon].Value); !(d <= 0.015) {
		t.Errorf("over the day, abandonment %.2f %% against the log's %.2f %%: want within 1.5 points", 100*s[FigAbandon].Value, 100*l[FigAbandon].Value)
	}
	if r := s[FigMeanWait].Value/l[FigMeanWait].Value - 1; !(math.Abs(r) <= 0.2) {
		t.Errorf("over the day, mean wait %.2f s against the log's %.2f s: want within 20 %%", s[FigMeanWait].Value, l[FigMeanWait].Value)
	}
	if c.BusyHours < 10 {
		t.Errorf("%d busy hours, want the bank's day", c.BusyHours)
	}
	if d := math.Abs(c.Worst[FigAbandon]); !(d <= 0.05) {
		t.Errorf("in the busy hours, abandonment up to %.1f points from the log's: want within 5", 100*d)
	}
	if d := math.Abs(c.Worst[FigServiceLevel]); !(d <= 0.10) {
		t.Errorf("in the busy hours, service level up to %.1f points from the log's: want within 10", 100*d)
	}
}

// TestFitPredictsBank: fitted on the first half of October, the scenario
// given the second half's own arrivals and agents at work predicts its
// abandonment and mean wait over the day (within 1.5 points and 20 %), and
// hour by hour differs from the log by more than their 95 % intervals
// together allow in at most 2 of the busy hours for each of abandonment,
// mean wait and service level (with 17 busy hours, 3 or more would happen
// by chance alone under 5 % of the time). The second half's hours have
// half the days of the whole month, and their intervals are wide: a fixed
// margin would be a weaker test than the intervals in some hours and an
// unfair one in others. Skipped when the log is not there.
func TestFitPredictsBank(t *testing.T) {
	data, err := os.ReadFile(bankLog)
	if err != nil {
		t.Skip("the Anonymous Bank data is not there:", err)
	}
	split := 10880 // 1999-10-16, in days from 1970-01-01
	c := bankCheck(t, data, func(r *Record) bool { return r.Day < split }, func(r *Record) bool { return r.Day >= split })
	l, s := c.Day.Log, c.Day.Sim
	if d := math.Abs(s[FigAbandon].Value - l[FigAbandon].Value); !(d <= 0.015) {
		t.Errorf("out of sample, abandonment %.2f %% against the log's %.2f %%: want within 1.5 points", 100*s[FigAbandon].Value, 100*l[FigAbandon].Value)
	}
	if r := s[FigMeanWait].Value/l[FigMeanWait].Value - 1; !(math.Abs(r) <= 0.2) {
		t.Errorf("out of sample, mean wait %.2f s against the log's %.2f s: want within 20 %%", s[FigMeanWait].Value, l[FigMeanWait].Value)
	}
	for _, m := range []int{FigAbandon, FigMeanWait, FigServiceLevel} {
		if c.Outside[m] > 2 {
			t.Errorf("out of sample, %s: %d of %d busy hours differ beyond their 95 %% intervals, want at most 2", CheckFigures[m].Label, c.Outside[m], c.BusyHours)
		}
	}
}

// BenchmarkCalibrateBank reads and fits the bank's October log and
// estimates its agents' availability by simulation, as omnisim fit does;
// skipped when the log is not there.
func BenchmarkCalibrateBank(b *testing.B) {
	data, err := os.ReadFile(bankLog)
	if err != nil {
		b.Skip("the Anonymous Bank data is not there:", err)
	}
	trials := 0
	for range b.N {
		trials += calibrateBank(b, data, func(*Record) bool { return true }).Availability.Trials
	}
	b.ReportMetric(float64(trials)/float64(b.N), "trials/op")
}
