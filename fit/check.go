package fit

import (
	"fmt"
	"io"
	"math"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/stats"
)

// CheckFigure is one figure the check sets the log against the simulation
// on.
type CheckFigure struct {
	// Key names the figure in JSON (as omnisim run's figures are named),
	// Label in tables; Unit is an output unit ("" for a count).
	Key, Label, Unit string
}

// The figures of the check, in the order of Measure.
var CheckFigures = []CheckFigure{
	{"contacts_per_day", "contacts/day", ""},
	{"p_abandon", "abandoned", output.UnitShare},
	{"mean_wait_seconds", "mean wait", output.UnitSeconds},
	{"service_level", "service level", output.UnitShare},
	{"p_wait", "waited", output.UnitShare},
}

// The figures' indices in a Measure.
const (
	FigContacts = iota
	FigAbandon
	FigMeanWait
	FigServiceLevel
	FigWaited
	nFigures
)

// Estimate is a figure with the half-width of its 95 % confidence
// interval (NaN when it has none).
type Estimate struct {
	Value, HalfWidth float64
}

// Measure holds each figure of CheckFigures for one time of day, or for
// the whole day.
type Measure [nFigures]Estimate

// HourCheck sets one time of day of the log against the simulation, over
// every channel.
type HourCheck struct {
	// Slot is the interval of the day, from 0 at midnight.
	Slot     int
	Log, Sim Measure
}

// CheckResult is the whole check: by time of day, over the day, and how
// far apart the two are in the busy hours.
type CheckResult struct {
	// Interval is the length of a time of day, in seconds; Reps the
	// simulated replications of the week.
	Interval float64
	Reps     int
	Hours    []HourCheck
	// Day holds the figures over the whole day.
	Day HourCheck
	// Busy is the fewest contacts a day (in the log) an hour needs to
	// count among the busy hours; Worst holds, for each figure, the
	// largest difference, simulation less log, over the busy hours (by
	// its size; for the mean wait, in seconds), and WorstAt the slot of
	// it (the earliest, of differences of one size); Outside counts the
	// busy hours where the two differ by more than their 95 % intervals
	// together allow (√(h_log² + h_sim²)).
	Busy    float64
	Worst   [nFigures]float64
	WorstAt [nFigures]int
	Outside [nFigures]int
	// BusyHours counts the busy hours.
	BusyHours int
}

// busyHour is the fewest contacts a day an hour needs for its figures to
// count among the busy hours' differences.
const busyHour = 20

// tally is what a figure's value is computed from: contacts offered,
// given up, waited, answered within the threshold, and the sum of waits.
type tally struct{ offered, abandoned, waited, within, waitSum float64 }

func (t *tally) add(o tally) {
	t.offered += o.offered
	t.abandoned += o.abandoned
	t.waited += o.waited
	t.within += o.within
	t.waitSum += o.waitSum
}

// values returns each figure of a tally, contacts per day being offered
// divided by days.
func (t tally) values(days float64) [nFigures]float64 {
	return [nFigures]float64{t.offered / days, ratio(t.abandoned, t.offered), ratio(t.waitSum, t.offered),
		ratio(t.within, t.offered), ratio(t.waited, t.offered)}
}

// Check sets the log against results, replications of the scenario
// Scenario wrote (a week from Monday), per time of day and over the day.
// The log's days are weighted so that every weekday counts alike, as in
// the simulated week: a figure is a ratio of weighted sums, each day
// weighing 1 ÷ the number of days of its weekday in the log, and contacts
// per day are the weighted sum ÷ the weekdays the log has. Every figure
// has its 95 % confidence interval: the log's by the jackknife over its
// days, the simulation's by the jackknife over replications.
func (f *Fit) Check(cfg *models.Config, results []*models.Result) *CheckResult {
	slots := f.slots()
	out := &CheckResult{Interval: f.Options.Interval, Reps: len(results), Busy: busyHour}
	// The log: per day, its tallies by slot over every channel.
	logDays := make([][]tally, len(f.days))
	weekday := make([]int, len(f.days))
	for d, day := range f.days {
		weekday[d] = int(models.WeekdayAt(models.Thursday, float64(day)*86400)) // 1970-01-01 was a Thursday
		logDays[d] = make([]tally, slots)
		for _, c := range f.Channels {
			t := c.daily[d]
			if t == nil {
				continue
			}
			for s := range slots {
				logDays[d][s].add(tally{t.offered[s], t.abandoned[s], t.waited[s], t.within[s], t.waitSum[s]})
			}
		}
	}
	// The simulation: per replication, its tallies by slot of the day;
	// contacts per day over the weekdays the log has, as the log's are.
	present := map[int]bool{}
	for _, wd := range weekday {
		present[wd] = true
	}
	simDays := 0.0
	for d := range cfg.Days() {
		if present[int(models.WeekdayAt(cfg.Start, float64(d)*86400))] {
			simDays++
		}
	}
	simReps := make([][]tally, len(results))
	for r, res := range results {
		simReps[r] = make([]tally, slots)
		for _, ch := range res.Channels {
			for k, iv := range ch.Intervals {
				simReps[r][k%slots].add(tally{float64(iv.Offered), float64(iv.Abandoned), float64(iv.Waited),
					float64(iv.AnsweredWithin), iv.WaitAnswered + iv.WaitAbandoned})
			}
		}
	}
	measure := func(in func(s int) bool) (log, sim Measure) {
		return logMeasure(logDays, weekday, in), simMeasure(simReps, simDays, in)
	}
	for s := range slots {
		hc := HourCheck{Slot: s}
		hc.Log, hc.Sim = measure(func(k int) bool { return k == s })
		out.Hours = append(out.Hours, hc)
	}
	out.Day.Slot = -1
	out.Day.Log, out.Day.Sim = measure(func(int) bool { return true })
	for m := range nFigures {
		out.WorstAt[m] = -1
	}
	for _, h := range out.Hours {
		if !(h.Log[FigContacts].Value >= busyHour) {
			continue
		}
		out.BusyHours++
		for m := range nFigures {
			d := h.Sim[m].Value - h.Log[m].Value
			if math.IsNaN(d) {
				continue
			}
			if math.Abs(d) > math.Abs(out.Worst[m]) || out.WorstAt[m] < 0 {
				out.Worst[m], out.WorstAt[m] = d, h.Slot
			}
			if allow := math.Hypot(h.Log[m].HalfWidth, h.Sim[m].HalfWidth); math.Abs(d) > allow {
				out.Outside[m]++
			}
		}
	}
	return out
}

// logMeasure computes the log's figures over the slots in selects, with
// every weekday weighing alike, and their jackknife intervals: over days,
// or in a log of less than minUnitDays over the intervals of its days.
func logMeasure(days [][]tally, weekday []int, in func(int) bool) Measure {
	var count [7]int
	for d := range days {
		count[weekday[d]]++
	}
	// The units, each with its day.
	var units []tally
	var unitDay []int
	for d := range days {
		var total tally
		for s, t := range days[d] {
			if !in(s) {
				continue
			}
			if len(days) < minUnitDays {
				units, unitDay = append(units, t), append(unitDay, d)
				continue
			}
			total.add(t)
		}
		if len(days) >= minUnitDays {
			units, unitDay = append(units, total), append(unitDay, d)
		}
	}
	// Sums by weekday, so that leaving a unit out costs 7 steps, not a
	// pass over every unit.
	var byWeekday [7]tally
	for u, t := range units {
		byWeekday[weekday[unitDay[u]]].add(t)
	}
	value := func(leave int) [nFigures]float64 {
		n, sums := count, byWeekday
		if leave >= 0 {
			wd := weekday[unitDay[leave]]
			t := units[leave]
			sums[wd].add(tally{-t.offered, -t.abandoned, -t.waited, -t.within, -t.waitSum})
			if len(days) >= minUnitDays {
				n[wd]--
			}
		}
		present := 0
		var sum tally
		for wd, k := range n {
			if k == 0 {
				continue
			}
			present++
			w := 1 / float64(k)
			t := sums[wd]
			sum.add(tally{w * t.offered, w * t.abandoned, w * t.waited, w * t.within, w * t.waitSum})
		}
		return sum.values(float64(max(1, present)))
	}
	return jackknife(len(units), value)
}

// simMeasure computes the simulation's figures over the slots in selects,
// pooled over replications, and their jackknife intervals over them.
func simMeasure(reps [][]tally, days float64, in func(int) bool) Measure {
	totals := make([]tally, len(reps))
	for r := range reps {
		for s, t := range reps[r] {
			if in(s) {
				totals[r].add(t)
			}
		}
	}
	value := func(leave int) [nFigures]float64 {
		var sum tally
		n := 0
		for r, t := range totals {
			if r != leave {
				sum.add(t)
				n++
			}
		}
		return sum.values(days * float64(max(1, n)))
	}
	return jackknife(len(totals), value)
}

// jackknife returns the figures value(-1) computes from all n units, each
// with the 95 % half-width of the jackknife over the units (value(i)
// leaves unit i out).
func jackknife(n int, value func(leave int) [nFigures]float64) Measure {
	var out Measure
	all := value(-1)
	loo := make([][nFigures]float64, n)
	for i := range n {
		loo[i] = value(i)
	}
	vals := make([]float64, n)
	for m := range nFigures {
		for i := range n {
			vals[i] = loo[i][m]
		}
		out[m] = Estimate{all[m], stats.JackknifeCI(vals, 0.95)}
	}
	return out
}

// WriteCheck writes the comparison as a table, then how close the two are
// over the day and in the busy hours.
func WriteCheck(w io.Writer, c *CheckResult) error {
	head := []string{"time"}
	for _, f := range CheckFigures {
		head = append(head, f.Label+" log", "sim")
	}
	t := output.NewTable(head...)
	cell := func(e Estimate, unit string) string {
		if unit == "" {
			return output.Estimate(e.Value, e.HalfWidth, output.UnitRatio)
		}
		return output.Estimate(e.Value, e.HalfWidth, unit)
	}
	for _, h := range c.Hours {
		if h.Log[FigContacts].Value < 0.5 && h.Sim[FigContacts].Value < 0.5 {
			continue
		}
		row := []string{output.Clock(float64(h.Slot) * c.Interval)}
		for m, f := range CheckFigures {
			row = append(row, cell(h.Log[m], f.Unit), cell(h.Sim[m], f.Unit))
		}
		t.Row(row...)
	}
	if _, err := t.WriteTo(w); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\nEach figure ± the half-width of its 95 %% confidence interval: the log's over its days, the simulation's over its replications.\n%s\n%s\n",
		c.DayLine(), c.BusyLine())
	return err
}

// DayLine says how the log and the simulation compare over the day.
func (c *CheckResult) DayLine() string {
	l, s := c.Day.Log, c.Day.Sim
	v := func(e Estimate, unit string) string { return output.Value(e.Value, unit) }
	return fmt.Sprintf("Over the day: %.0f contacts a day in the log, %.0f simulated (%+.1f %%); abandoned %s against %s; "+
		"mean wait %s against %s (%+.0f %%); service level %s against %s; waited %s against %s.",
		l[FigContacts].Value, s[FigContacts].Value, 100*(s[FigContacts].Value/l[FigContacts].Value-1),
		v(l[FigAbandon], output.UnitShare), v(s[FigAbandon], output.UnitShare),
		v(l[FigMeanWait], output.UnitSeconds), v(s[FigMeanWait], output.UnitSeconds), 100*(s[FigMeanWait].Value/l[FigMeanWait].Value-1),
		v(l[FigServiceLevel], output.UnitShare), v(s[FigServiceLevel], output.UnitShare),
		v(l[FigWaited], output.UnitShare), v(s[FigWaited], output.UnitShare))
}

// BusyLine says how far apart the two are in the busy hours.
func (c *CheckResult) BusyLine() string {
	if c.BusyHours == 0 {
		return fmt.Sprintf("No hour has %.0f contacts a day or more in the log.", c.Busy)
	}
	return fmt.Sprintf("In the %d hours with %.0f contacts a day or more, the simulation is within %.1f points of the log's abandonment, "+
		"%.0f s of its mean wait and %.1f points of its service level; the two differ by more than their 95 %% intervals allow "+
		"in %d of those hours for abandonment, %d for the mean wait, %d for the service level.",
		c.BusyHours, c.Busy, 100*math.Abs(c.Worst[FigAbandon]), math.Abs(c.Worst[FigMeanWait]), 100*math.Abs(c.Worst[FigServiceLevel]),
		c.Outside[FigAbandon], c.Outside[FigMeanWait], c.Outside[FigServiceLevel])
}

// Series returns the checks as the log's and the simulation's series of
// each figure by time of day, for the chart omnisim fit --check draws
// (output/chart's Check).
func Series(c *CheckResult) (log, simulated [nFigures][]float64) {
	for _, h := range c.Hours {
		for m := range nFigures {
			log[m] = append(log[m], h.Log[m].Value)
			simulated[m] = append(simulated[m], h.Sim[m].Value)
		}
	}
	return log, simulated
}

// JSON returns the check as a JSON object: the figures' definitions, each
// time of day and the whole day with the log's and the simulation's
// figures and their 95 % half-widths, the busy hours' differences, and
// the summary lines.
func (c *CheckResult) JSON() *output.Object {
	figs := make([]*output.Object, len(CheckFigures))
	for i, f := range CheckFigures {
		figs[i] = new(output.Object).Set("key", f.Key).Set("label", f.Label).Set("unit", f.Unit)
	}
	measure := func(m Measure) *output.Object {
		o := new(output.Object)
		for i, f := range CheckFigures {
			o.Set(f.Key, new(output.Object).Set("value", m[i].Value).Set("ci95", m[i].HalfWidth))
		}
		return o
	}
	var hours []*output.Object
	for _, h := range c.Hours {
		hours = append(hours, new(output.Object).Set("time", output.Clock(float64(h.Slot)*c.Interval)).
			Set("start_seconds", float64(h.Slot)*c.Interval).Set("log", measure(h.Log)).Set("sim", measure(h.Sim)))
	}
	worst, at, outside := new(output.Object), new(output.Object), new(output.Object)
	for i, f := range CheckFigures {
		worst.Set(f.Key, c.Worst[i])
		if c.WorstAt[i] >= 0 {
			at.Set(f.Key, output.Clock(float64(c.WorstAt[i])*c.Interval))
		} else {
			at.Set(f.Key, nil)
		}
		outside.Set(f.Key, c.Outside[i])
	}
	busy := new(output.Object).Set("min_contacts_per_day", c.Busy).Set("hours", c.BusyHours).
		Set("largest_difference", worst).Set("largest_difference_at", at).Set("outside_ci", outside)
	return new(output.Object).Set("interval_seconds", c.Interval).Set("replications", c.Reps).Set("figures", figs).
		Set("hours", hours).Set("day", new(output.Object).Set("log", measure(c.Day.Log)).Set("sim", measure(c.Day.Sim))).
		Set("busy_hours", busy).Set("summary", []string{c.DayLine(), c.BusyLine()})
}
