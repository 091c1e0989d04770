package fit

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/stats"
)

// TestLogMeasureWeekdaysAlike: the log's figures weigh every weekday alike,
// as the simulated week does: each day by 1 ÷ the days of its weekday in
// the log. Two Mondays (10 contacts, 1 given up; 30 contacts, 9 given up)
// and a Tuesday (20 contacts, none given up) make a mean Monday of 20
// contacts and 5 given up, a Tuesday of 20 and 0: 20 contacts a day and
// 12.5 % given up, where pooling the days alike would say 10 ÷ 60.
func TestLogMeasureWeekdaysAlike(t *testing.T) {
	days := [][]tally{
		{{offered: 10, abandoned: 1, waited: 2, within: 8, waitSum: 100}},
		{{offered: 30, abandoned: 9, waited: 12, within: 15, waitSum: 900}},
		{{offered: 20, waited: 4, within: 18, waitSum: 60}},
	}
	weekday := []int{0, 0, 1}
	m := logMeasure(days, weekday, func(int) bool { return true })
	want := [nFigures]float64{20, 5.0 / 40, (50 + 450 + 60) / 40.0, (4 + 7.5 + 18) / 40, (1 + 6 + 4) / 40.0}
	for i, f := range CheckFigures {
		if math.Abs(m[i].Value-want[i]) > 1e-12 {
			t.Errorf("%s: %v, want %v", f.Key, m[i].Value, want[i])
		}
	}
}

// figuresOf computes the check's figures from a tally over days weekdays:
// contacts a day, then the shares and the mean wait, each over contacts.
func figuresOf(t tally, days float64) [nFigures]float64 {
	return [nFigures]float64{t.offered / days, t.abandoned / t.offered, t.waitSum / t.offered, t.within / t.offered, t.waited / t.offered}
}

// checkTally is an uneven made-up tally for day d and interval s, so that
// leaving any unit out moves every figure.
func checkTally(d, s int) tally {
	offered := float64(10 + 7*d + 3*s + (d*s)%4)
	abandoned := float64((3*d + s) % 5)
	waited := abandoned + float64((d+2*s)%4) + 1
	return tally{offered: offered, abandoned: abandoned, waited: waited, within: offered - waited + float64(d%3), waitSum: float64(13*d + 29*s + 5)}
}

// TestLogMeasureJackknife: the log's figures have the half-width of the
// jackknife over its days from minUnitDays (7) days on, leaving a day out
// of its weekday's count too; below, over the intervals of its days,
// every day still counted. The reference here recomputes each
// leave-one-out figure from scratch by the rule (each weekday the mean of
// its days, contacts a day over the weekdays present), for 7 days (two
// Mondays, two Fridays) over both intervals and over the second alone,
// and for their first 6 days. Seen to catch: `len(days) < minUnitDays` →
// `<=`, `len(days) >= minUnitDays` → `>` (both), `leave >= 0` → `>`, each
// of the five `-t.…` → `t.…` in the leave-one-out sums, and `n[wd]--` →
// `++`.
func TestLogMeasureJackknife(t *testing.T) {
	allWeekdays := []int{0, 0, 1, 2, 3, 4, 4}
	for _, tc := range []struct {
		days  int
		slots []int
	}{{7, []int{0, 1}}, {7, []int{1}}, {6, []int{0, 1}}} {
		days, weekday := make([][]tally, tc.days), allWeekdays[:tc.days]
		for d := range days {
			days[d] = []tally{checkTally(d, 0), checkTally(d, 1)}
		}
		in := func(s int) bool { return slices.Contains(tc.slots, s) }
		// figures leaves out day dropDay (-1: none) from the weekdays'
		// counts, and cell (dropDay, dropSlot) or the whole day from the
		// sums.
		figures := func(dropDay, dropSlot int) [nFigures]float64 {
			var count [7]float64
			var sums [7]tally
			for d := range days {
				if d == dropDay && dropSlot < 0 {
					continue
				}
				count[weekday[d]]++
				for _, s := range tc.slots {
					if d != dropDay || s != dropSlot {
						sums[weekday[d]].add(days[d][s])
					}
				}
			}
			var sum tally
			present := 0.0
			for wd := range 7 {
				if count[wd] > 0 {
					present++
					w := sums[wd]
					sum.add(tally{w.offered / count[wd], w.abandoned / count[wd], w.waited / count[wd], w.within / count[wd], w.waitSum / count[wd]})
				}
			}
			return figuresOf(sum, present)
		}
		var loo [][nFigures]float64
		for d := range days {
			if tc.days >= 7 {
				loo = append(loo, figures(d, -1))
				continue
			}
			for _, s := range tc.slots {
				loo = append(loo, figures(d, s))
			}
		}
		all := figures(-1, -1)
		m := logMeasure(days, weekday, in)
		for i, f := range CheckFigures {
			vals := make([]float64, len(loo))
			for u := range loo {
				vals[u] = loo[u][i]
			}
			want := Estimate{all[i], stats.JackknifeCI(vals, 0.95)}
			if math.Abs(m[i].Value-want.Value) > 1e-12 || math.Abs(m[i].HalfWidth-want.HalfWidth) > 1e-9 {
				t.Errorf("%d days, intervals %v, %s: %v ± %v, want %v ± %v", tc.days, tc.slots, f.Key, m[i].Value, m[i].HalfWidth, want.Value, want.HalfWidth)
			}
		}
	}
}

// TestSimMeasure: the simulation's figures pool the replications, contacts
// a day being all contacts over days × replications, with the half-width
// of the jackknife over replications (each leaving one out of both the
// contacts and the count). Three replications of two intervals, over
// both and over the first, in a week of 2 days the log has. Seen to
// catch: `r != leave` → `==`, `n++` → `--`, and `days * float64(max(1,
// n))` → `/`.
func TestSimMeasure(t *testing.T) {
	reps := make([][]tally, 3)
	for r := range reps {
		reps[r] = []tally{checkTally(r, 0), checkTally(r+3, 1)}
	}
	const days = 2
	for _, slots := range [][]int{{0, 1}, {0}} {
		sum := func(leave int) (tally, float64) {
			var t tally
			n := 0.0
			for r := range reps {
				if r == leave {
					continue
				}
				n++
				for _, s := range slots {
					t.add(reps[r][s])
				}
			}
			return t, n
		}
		all, n := sum(-1)
		want := figuresOf(all, days*n)
		var loo [][nFigures]float64
		for r := range reps {
			t, n := sum(r)
			loo = append(loo, figuresOf(t, days*n))
		}
		m := simMeasure(reps, days, func(s int) bool { return slices.Contains(slots, s) })
		for i, f := range CheckFigures {
			vals := []float64{loo[0][i], loo[1][i], loo[2][i]}
			if hw := stats.JackknifeCI(vals, 0.95); math.Abs(m[i].Value-want[i]) > 1e-12 || math.Abs(m[i].HalfWidth-hw) > 1e-9 {
				t.Errorf("intervals %v, %s: %v ± %v, want %v ± %v", slots, f.Key, m[i].Value, m[i].HalfWidth, want[i], hw)
			}
		}
	}
}

// TestCheck: the check by time of day, on a log of two Mondays and a
// Tuesday (days 4, 11 and 5 from 1970-01-01, a Thursday) and two
// replications of a simulated week from Monday with contacts on Mondays
// and Tuesdays only. From 00:00, the log's Mondays had 20 and 40 calls
// and its Tuesday 60, none waiting: 45 a day, every weekday weighing
// alike (a mean Monday of 30 and a Tuesday of 60), where the days alike
// would say 40; the simulation had 50 a day, half of them giving up after
// 40 s. From 01:00, the log had exactly 20 a day, which makes a busy hour,
// and the simulation 20, none giving up, answered after 10 s. From 02:00,
// 5 a day in both, not a busy hour. So, over the two busy hours, the
// largest differences are from 00:00: 0.5 in abandonment, 40 s of mean
// wait; the share waited differs by 1 in both (nobody waited in the log,
// everybody in the simulation), and the earlier is named; abandonment
// differs beyond the intervals (both 0 wide: the log's days and the
// simulation's replications agree) from 00:00 only, as at 01:00 it does
// not differ at all; the mean wait from both. Seen to catch:
// `float64(day)*86400` → `/` (every day a Thursday) and `float64(d)*86400`
// → `/` (every simulated day a Monday), `simDays++` → `--`, `k == s` →
// `!=`, `>= busyHour` → `>`, in the largest difference `math.Abs(d) > …` →
// `>=`, `<=` and `WorstAt[m] < 0` → `<=`, `>=`, `math.Abs(d) > allow` →
// `>=`, and `Outside[m]++` → `--`.
func TestCheck(t *testing.T) {
	f := NewFitter(DefaultOptions)
	for _, c := range []struct{ day, slot, calls int }{
		{4, 0, 20}, {11, 0, 40}, {5, 0, 60}, {4, 1, 20}, {11, 1, 20}, {5, 1, 20}, {4, 2, 5}, {11, 2, 5}, {5, 2, 5},
	} {
		for i := range c.calls {
			f.Add(&Record{Day: c.day, Arrival: float64(3600*c.slot + 60*i), Channel: "phone", Outcome: Answered, Handle: 60})
		}
	}
	fit := f.Result()
	cfg := &models.Config{Start: models.Monday, Horizon: 7 * 86400, Interval: 3600}
	var results []*models.Result
	for range 2 {
		iv := make([]models.Counts, 168)
		for _, day := range []int{0, 1} { // Monday, Tuesday
			iv[24*day] = models.Counts{Offered: 50, Abandoned: 25, Waited: 50, WaitAnswered: 25 * 40, WaitAbandoned: 25 * 40}
			iv[24*day+1] = models.Counts{Offered: 20, Waited: 20, AnsweredWithin: 20, WaitAnswered: 20 * 10}
			iv[24*day+2] = models.Counts{Offered: 5, AnsweredWithin: 5}
		}
		results = append(results, &models.Result{Channels: []models.ChannelResult{{Intervals: iv}}})
	}
	c := fit.Check(cfg, results)
	if got := [2]float64{c.Hours[0].Log[FigContacts].Value, c.Hours[0].Sim[FigContacts].Value}; got != [2]float64{45, 50} {
		t.Errorf("00:00: %v contacts a day in the log and the simulation, want 45 and 50", got)
	}
	if c.BusyHours != 2 {
		t.Errorf("%d busy hours, want 2 (00:00, and 01:00 with exactly 20 a day)", c.BusyHours)
	}
	if c.Worst[FigAbandon] != 0.5 || c.WorstAt[FigAbandon] != 0 || c.Worst[FigMeanWait] != 40 || c.WorstAt[FigMeanWait] != 0 {
		t.Errorf("largest differences %v in abandonment, %v s in mean wait, at slots %d and %d; want 0.5 and 40 s, both at 0",
			c.Worst[FigAbandon], c.Worst[FigMeanWait], c.WorstAt[FigAbandon], c.WorstAt[FigMeanWait])
	}
	if c.Worst[FigWaited] != 1 || c.WorstAt[FigWaited] != 0 {
		t.Errorf("largest difference %v in the share waited, at slot %d; want 1, at the earlier of the two busy hours", c.Worst[FigWaited], c.WorstAt[FigWaited])
	}
	if c.Outside[FigAbandon] != 1 || c.Outside[FigMeanWait] != 2 {
		t.Errorf("busy hours outside the intervals: %d for abandonment, %d for the mean wait; want 1 and 2",
			c.Outside[FigAbandon], c.Outside[FigMeanWait])
	}
}

// TestCheckLines: the summary lines give the simulation's difference from
// the log in percent of the log's (1,100 contacts a day against 1,000:
// +10.0 %; a mean wait of 24 s against 30 s: −20 %), and the busy hours'
// largest differences in points (an abandonment 0.016 off: 1.6 points; a
// service level 0.034 off: 3.4) and seconds; with no busy hour, it says
// so. Seen to catch: in DayLine, `100*(…)` → `/`, `s/l` → `s*l` and `-1`
// → `+1`, for contacts and for the mean wait; in BusyLine, `BusyHours ==
// 0` → `!=`, and `100*math.Abs(…)` → `/` for abandonment and the service
// level.
func TestCheckLines(t *testing.T) {
	c := &CheckResult{Busy: 20, BusyHours: 3}
	c.Day.Log[FigContacts].Value, c.Day.Sim[FigContacts].Value = 1000, 1100
	c.Day.Log[FigMeanWait].Value, c.Day.Sim[FigMeanWait].Value = 30, 24
	c.Worst[FigAbandon], c.Worst[FigMeanWait], c.Worst[FigServiceLevel] = -0.016, 26.4, 0.034
	day, busy := c.DayLine(), c.BusyLine()
	for _, want := range []string{"(+10.0 %)", "(-20 %)"} {
		if !strings.Contains(day, want) {
			t.Errorf("day line %q, want %q in it", day, want)
		}
	}
	for _, want := range []string{"In the 3 hours", "1.6 points of the log's abandonment", "26 s of its mean wait", "3.4 points of its service level"} {
		if !strings.Contains(busy, want) {
			t.Errorf("busy line %q, want %q in it", busy, want)
		}
	}
	c.BusyHours = 0
	if busy := c.BusyLine(); !strings.HasPrefix(busy, "No hour has 20 contacts a day") {
		t.Errorf("busy line without busy hours %q, want it to say there are none", busy)
	}
}
