package experiment

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
	"github.com/omnisim/omnisim/stats"
)

// Verdict is a claim judged on the replications of a run: what each side
// measured, the change, and whether the claim held.
type Verdict struct {
	// Claim is the claim judged.
	Claim scenarios.Claim
	// Unit is the figure's unit as models.Figure gives it, "level" for
	// the expectation level.
	Unit string
	// A and B are each side's mean over the replications and its 95 %
	// half-width.
	A, B models.Estimate
	// Change is the mean of B − A (B ÷ A − 1 when the claim is relative)
	// over the replications, paired, and its 95 % half-width (Student t).
	Change models.Estimate
	// Pairs is the number of replications in which the figure is defined
	// on both sides.
	Pairs int
	// Counter is the change with the claim's counter overrides on both
	// sides, and Part the change less the change without the mechanism,
	// paired: both NaN without a counter.
	Counter, Part models.Estimate
	// PatienceA and PatienceB are, for a claim on the expectation level,
	// what each side's mean level does to patience on every channel:
	// exp(−coupling × level), with the coupling of the side's variant (0
	// without word of mouth), as the world applies it (adaptive patience:
	// Zohar, Mandelbaum and Shimkin 2002). NaN for other figures, and
	// PatienceB for a claim on a level (IsLevel), which has no side B.
	PatienceA, PatienceB float64
	// CouplingA and CouplingB are those couplings.
	CouplingA, CouplingB float64
	// Held tells whether the claim held in these replications.
	Held bool
	// Why says, when the claim did not hold, which test it failed.
	Why string
}

// Runner runs a variant of a scenario and returns its replications. To
// judge a claim, every variant must run with the same seed and as many
// replications, so that they see the same customers.
type Runner func(*scenarios.Scenario) ([]*models.Result, error)

// Judge judges every claim of s on base, the replications of s itself,
// running each variant the claims need with run (once each).
func Judge(s *scenarios.Scenario, base []*models.Result, run Runner) ([]Verdict, error) {
	if err := s.ClaimProblems(); err != nil {
		return nil, err
	}
	j := &judging{s: s, run: run, runs: map[string]variantRun{"": {s, base}}}
	var out []Verdict
	for _, c := range s.Claims {
		v, err := j.claim(c)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// variantRun is a variant of the scenario with its replications.
type variantRun struct {
	sc      *scenarios.Scenario
	results []*models.Result
}

// judging is Judge at work: the scenario, its runner, and the variants
// run so far, by their settings joined by NUL ("" the scenario itself).
type judging struct {
	s    *scenarios.Scenario
	run  Runner
	runs map[string]variantRun
}

// get returns the variant with the settings sets, running it the first
// time.
func (j *judging) get(sets []string) (variantRun, error) {
	key := strings.Join(sets, "\x00")
	if v, ok := j.runs[key]; ok {
		return v, nil
	}
	sc, err := j.s.Variant(sets)
	if err != nil {
		return variantRun{}, err
	}
	results, err := j.run(sc)
	if err != nil {
		return variantRun{}, err
	}
	j.runs[key] = variantRun{sc, results}
	return j.runs[key], nil
}

// values returns the claim's figure on a side, with extra settings, in
// each replication.
func (j *judging) values(c scenarios.Claim, side scenarios.Side, extra []string) ([]float64, error) {
	v, err := j.get(append(append([]string{}, side.Set...), extra...))
	if err != nil {
		return nil, err
	}
	return sideValues(c.Figure, side, &v.sc.Config, v.results)
}

// changes returns the claim's figure on side A and side B, with extra
// settings, and its change from A to B (relative if the claim is), in each
// pair of replications.
func (j *judging) changes(c scenarios.Claim, extra []string) (a, b, d []float64, err error) {
	if a, err = j.values(c, c.A, extra); err != nil {
		return
	}
	if b, err = j.values(c, c.B, extra); err != nil {
		return
	}
	d = make([]float64, min(len(a), len(b)))
	for i := range d {
		if c.Relative {
			d[i] = b[i]/a[i] - 1
		} else {
			d[i] = b[i] - a[i]
		}
	}
	return
}

// patience returns the patience factor e^(−coupling·level) of a side's
// expectation level, and the side's word-of-mouth coupling (0 without).
func (j *judging) patience(side scenarios.Side, level float64) (factor, coupling float64, err error) {
	run, err := j.get(side.Set)
	if err != nil {
		return math.NaN(), 0, err
	}
	if w := run.sc.Config.WordOfMouth; w.Enabled {
		coupling = w.Coupling
	}
	return math.Exp(-coupling * level), coupling, nil
}

// claim measures and judges one claim.
func (j *judging) claim(c scenarios.Claim) (Verdict, error) {
	v := Verdict{Claim: c, Unit: figureUnit(c.Figure, &j.s.Config), PatienceA: math.NaN(), PatienceB: math.NaN()}
	nan := models.Estimate{Mean: math.NaN(), HalfWidth: math.NaN()}
	fail := func(err error) (Verdict, error) { return Verdict{}, fmt.Errorf("%s: %w", c.At, err) }
	if c.IsLevel() {
		a, err := j.values(c, c.A, nil)
		if err != nil {
			return fail(err)
		}
		v.A, v.B, v.Change, v.Counter, v.Part = estimate(a), nan, nan, nan, nan
		v.Pairs = defined(a)
		if c.Figure == scenarios.ExpectationFigure {
			if v.PatienceA, v.CouplingA, err = j.patience(c.A, v.A.Mean); err != nil {
				return fail(err)
			}
		}
		v.Held, v.Why = judgeLevel(c, v)
		return v, nil
	}
	a, b, d, err := j.changes(c, nil)
	if err != nil {
		return fail(err)
	}
	v.A, v.B = estimate(a), estimate(b)
	v.Change, v.Pairs = estimate(d), defined(d)
	if c.Figure == scenarios.ExpectationFigure {
		if v.PatienceA, v.CouplingA, err = j.patience(c.A, v.A.Mean); err != nil {
			return fail(err)
		}
		if v.PatienceB, v.CouplingB, err = j.patience(c.B, v.B.Mean); err != nil {
			return fail(err)
		}
	}
	v.Counter, v.Part = nan, nan
	if c.Counter != nil {
		_, _, dc, err := j.changes(c, c.Counter)
		if err != nil {
			return Verdict{}, fmt.Errorf("%s: counter: %w", c.At, err)
		}
		part := make([]float64, min(len(d), len(dc)))
		for i := range part {
			part[i] = d[i] - dc[i]
		}
		v.Counter, v.Part = estimate(dc), estimate(part)
	}
	v.Held, v.Why = judge(c, v)
	return v, nil
}

// judge tells whether a claim holds given its measurements, and if not,
// why. A change is established when its 95 % interval lies beyond the
// claimed size in the claimed direction.
func judge(c scenarios.Claim, v Verdict) (bool, string) {
	d, h := v.Change.Mean, v.Change.HalfWidth
	if v.Pairs < 2 || math.IsNaN(d) || math.IsNaN(h) {
		return false, "too few replications with the figure defined on both sides to judge it"
	}
	size := func(x float64) string { return formatChange(x, math.NaN(), v.Unit, c.Relative) }
	switch c.Expect {
	case scenarios.ExpectRise:
		if !(d-h > c.By) {
			return false, fmt.Sprintf("the change's 95 %% interval, %s, does not lie above %s", formatChange(d, h, v.Unit, c.Relative), size(c.By))
		}
	case scenarios.ExpectFall:
		if !(d+h < -c.By) {
			return false, fmt.Sprintf("the change's 95 %% interval, %s, does not lie below %s", formatChange(d, h, v.Unit, c.Relative), size(-c.By))
		}
	case scenarios.ExpectSteady:
		if !(math.Abs(d)+h <= c.By) {
			return false, fmt.Sprintf("the change's 95 %% interval, %s, does not lie within ±%s", formatChange(d, h, v.Unit, c.Relative), strings.TrimPrefix(size(c.By), "+"))
		}
	}
	if c.Counter == nil {
		return true, ""
	}
	dc, hc := v.Counter.Mean, v.Counter.HalfWidth
	p, hp := v.Part.Mean, v.Part.HalfWidth
	rise := c.Expect == scenarios.ExpectRise
	switch {
	case math.IsNaN(dc) || math.IsNaN(hc) || math.IsNaN(p) || math.IsNaN(hp):
		return false, "the counter variant could not be judged"
	case rise && dc-hc > c.CounterWithin, !rise && dc+hc < -c.CounterWithin:
		return false, fmt.Sprintf("with the mechanism off (%s) the change is still there: %s", strings.Join(c.Counter, " "), formatChange(dc, hc, v.Unit, c.Relative))
	case rise && !(p-hp > 0), !rise && !(p+hp < 0):
		return false, fmt.Sprintf("the mechanism's part of the change (%s), %s, is not established", strings.Join(c.Counter, " "), formatChange(p, hp, v.Unit, c.Relative))
	}
	return true, ""
}

// judgeLevel tells whether a level claim holds: side A's 95 % interval
// lies above or below Than.
func judgeLevel(c scenarios.Claim, v Verdict) (bool, string) {
	m, h := v.A.Mean, v.A.HalfWidth
	if v.Pairs < 2 || math.IsNaN(m) || math.IsNaN(h) {
		return false, "too few replications with the figure defined to judge it"
	}
	interval := formatValue(m, v.Unit) + " ± " + strings.TrimPrefix(formatChange(h, math.NaN(), v.Unit, false), "+")
	if c.Expect == scenarios.ExpectAbove && !(m-h > c.Than) {
		return false, fmt.Sprintf("its 95 %% interval, %s, does not lie above %s", interval, formatValue(c.Than, v.Unit))
	}
	if c.Expect == scenarios.ExpectBelow && !(m+h < c.Than) {
		return false, fmt.Sprintf("its 95 %% interval, %s, does not lie below %s", interval, formatValue(c.Than, v.Unit))
	}
	return true, ""
}

// sideValues returns the figure's value on a side in each replication.
func sideValues(figure string, side scenarios.Side, cfg *models.Config, results []*models.Result) ([]float64, error) {
	vals := make([]float64, len(results))
	if figure == scenarios.ExpectationFigure {
		for i, r := range results {
			if side.First == 0 {
				vals[i] = r.ExpectationAtHorizon
			} else {
				vals[i] = r.ExpectationDays(cfg)[side.Last-1]
			}
		}
		return vals, nil
	}
	k, err := models.ParseKPI(cfg, figure)
	if err != nil {
		return nil, err
	}
	for i, r := range results {
		vals[i] = k.InDays(cfg, r, side.First-1, side.Last-1)
	}
	return vals, nil
}

// figureUnit returns the unit of a claim's figure.
func figureUnit(figure string, cfg *models.Config) string {
	if figure == scenarios.ExpectationFigure {
		return "level"
	}
	k, err := models.ParseKPI(cfg, figure)
	if err != nil {
		return ""
	}
	return k.Unit()
}

// estimate returns the mean of the defined values and its 95 % half-width.
func estimate(xs []float64) models.Estimate {
	var ok []float64
	for _, x := range xs {
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			ok = append(ok, x)
		}
	}
	m, h := stats.MeanCI(ok, 0.95)
	return models.Estimate{Mean: m, HalfWidth: h}
}

func defined(xs []float64) int {
	n := 0
	for _, x := range xs {
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			n++
		}
	}
	return n
}

// Sentence returns the claim's sentence with the numbers measured in
// place of its placeholders.
func (v Verdict) Sentence() string {
	c := v.Claim
	return c.Fill(func(name string) string {
		switch name {
		case "a":
			return formatValue(v.A.Mean, v.Unit)
		case "b":
			return formatValue(v.B.Mean, v.Unit)
		case "change":
			return formatChange(v.Change.Mean, v.Change.HalfWidth, v.Unit, c.Relative)
		case "counter":
			return formatChange(v.Counter.Mean, v.Counter.HalfWidth, v.Unit, c.Relative)
		case "part":
			return formatChange(v.Part.Mean, v.Part.HalfWidth, v.Unit, c.Relative)
		}
		return ""
	})
}

// formatValue writes a figure's value for a sentence: shares as
// percentages with one decimal, times in seconds, minutes or hours by
// their size, counts whole with thousands separators.
func formatValue(x float64, unit string) string {
	if math.IsNaN(x) {
		return "–"
	}
	switch unit {
	case "share":
		return strconv.FormatFloat(100*x, 'f', 1, 64) + " %"
	case "s":
		scale, name := timeScale(x)
		return strconv.FormatFloat(x/scale, 'f', 1, 64) + " " + name
	case "h":
		return thousands(x, 0) + " h"
	case "x":
		return strconv.FormatFloat(x, 'f', 2, 64)
	case "level":
		return strconv.FormatFloat(x, 'f', 2, 64)
	}
	return thousands(x, 0)
}

// formatChange writes a change with its half-width (left out when NaN):
// shares in points, relative changes in per cent, others in the figure's
// unit, with a sign: "−35.2 ± 6.2 points", "+45 ± 7 %".
func formatChange(d, h float64, unit string, relative bool) string {
	if math.IsNaN(d) {
		return "–"
	}
	var scale float64
	var decimals int
	var suffix string
	switch {
	case relative:
		scale, decimals, suffix = 100, 1, " %"
	case unit == "share":
		scale, decimals, suffix = 100, 2, " points"
	case unit == "s":
		var name string
		scale, name = timeScale(d)
		scale, decimals, suffix = 1/scale, 1, " "+name
	case unit == "x", unit == "level":
		scale, decimals = 1, 3
	case unit == "h", unit == "money":
		scale, decimals = 1, 0
	default:
		scale, decimals = 1, 0
		if math.Abs(d) < 10 {
			decimals = 1
		}
	}
	s := signed(thousands(d*scale, decimals))
	if !math.IsNaN(h) {
		s += " ± " + thousands(h*scale, decimals)
	}
	return s + suffix
}

func timeScale(x float64) (float64, string) {
	switch a := math.Abs(x); {
	case a >= 7200:
		return 3600, "h"
	case a >= 120:
		return 60, "min"
	}
	return 1, "s"
}

// signed puts a sign before a number written without one, − for negative.
func signed(s string) string {
	if t, ok := strings.CutPrefix(s, "-"); ok {
		return "−" + t
	}
	if strings.Trim(s, "0.,") == "" {
		return s
	}
	return "+" + s
}

// thousands writes x with the given decimals and commas between groups of
// three digits.
func thousands(x float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(x), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if x < 0 && strings.Trim(s, "0.") != "" {
		out = "-" + out
	}
	return out
}

// Rule says in words what claim c measures and when it holds, for a
// scenario whose configuration is cfg.
func Rule(c scenarios.Claim, cfg *models.Config) string {
	side := func(s scenarios.Side) string {
		text := "the measured window"
		if s.Days != "" {
			text = fmt.Sprintf("%s (days %d-%d)", s.Days, s.First, s.Last)
		}
		if len(s.Set) > 0 {
			text += " with " + strings.Join(s.Set, " ")
		}
		return text
	}
	unit := figureUnit(c.Figure, cfg)
	size := func(x float64) string {
		if x == 0 {
			return "0"
		}
		return strings.TrimPrefix(formatChange(x, math.NaN(), unit, c.Relative), "+")
	}
	change := "B − A"
	if c.Relative {
		change = "B ÷ A − 1"
	}
	if c.IsLevel() {
		return fmt.Sprintf("%s: %s; holds if its 95 %% interval lies %s %s", c.Figure, side(c.A), c.Expect, formatValue(c.Than, unit))
	}
	var test string
	switch c.Expect {
	case scenarios.ExpectSteady:
		test = "stays within ±" + size(c.By)
	case scenarios.ExpectRise:
		test = "is above " + size(c.By)
	case scenarios.ExpectFall:
		test = "is below " + strings.Replace(size(-c.By), "-", "−", 1)
	}
	s := fmt.Sprintf("%s: A = %s, B = %s; holds if the 95 %% interval of %s %s", c.Figure, side(c.A), side(c.B), change, test)
	if c.Counter != nil {
		s += fmt.Sprintf(", and with %s it is not beyond %s while the change with the mechanism exceeds it", strings.Join(c.Counter, " "), size(c.CounterWithin))
	}
	return s
}
