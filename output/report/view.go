package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/output"
)

// reportView reads a Dataset for the report: its tables grouped by channel
// and pool, and which intervals and days fall in the measured window.
type reportView struct {
	meta      output.Meta
	intervals *output.CSVTable
	daily     *output.CSVTable
	customers *output.CSVTable
	staffing  *output.CSVTable
	flows     *output.CSVTable
	expect    *output.CSVTable // nil without word of mouth
	totals    *output.CSVTable // nil for a folder from before totals.csv
	claims    *output.CSVTable // nil but for a story omnisim demo told
	// ivRows and dayRows hold, per channel of meta, its rows of intervals and of
	// daily, in order.
	ivRows, dayRows [][]int
	// poolRows holds, per pool of meta, its rows of staffing.
	poolRows [][]int
	// poolSums are poolTotal's answers, once asked.
	poolSums []reportPoolTotal
	// ids are the ids given out, so that no two elements share one.
	ids map[string]bool
}

// id returns an id for an element of the page: prefix and the name as
// reportAnchor writes it ("days-phone"), or the name numbered if that was
// given out already ("days-phone-2"); prefix and a number when the name
// leaves nothing.
func (v *reportView) id(prefix, name string) string {
	if v.ids == nil {
		v.ids = map[string]bool{}
	}
	base := prefix + reportAnchor(name)
	if reportAnchor(name) == "" {
		base = prefix + "1"
	}
	id := base
	for n := 2; v.ids[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	v.ids[id] = true
	return id
}

func newReportView(ds *output.Dataset) *reportView {
	orEmpty := func(t *output.CSVTable) *output.CSVTable {
		if t == nil {
			return &output.CSVTable{}
		}
		return t
	}
	v := &reportView{meta: ds.Meta, intervals: orEmpty(ds.Intervals), daily: orEmpty(ds.Daily),
		customers: orEmpty(ds.Customers), staffing: orEmpty(ds.Staffing), flows: orEmpty(ds.Flows)}
	if ds.Expectation != nil && ds.Expectation.Len() > 0 {
		v.expect = ds.Expectation
	}
	v.totals, v.claims = ds.Totals, ds.Claims
	channels := make([]string, len(v.meta.Channels))
	for i, ch := range v.meta.Channels {
		channels[i] = ch.Name
	}
	pools := make([]string, len(v.meta.Pools))
	for p, pool := range v.meta.Pools {
		pools[p] = pool.Name
	}
	v.ivRows = v.intervals.RowsBy("channel", channels)
	v.dayRows = v.daily.RowsBy("channel", channels)
	v.poolRows = v.staffing.RowsBy("pool", pools)
	return v
}

// countDecimals is the number of decimals of counts: none for a single
// replication, one for means of several.
func (v *reportView) countDecimals() int {
	if v.meta.Replications > 1 {
		return 1
	}
	return 0
}

// count formats a count, or a mean of counts per replication.
func (v *reportView) count(x float64) string { return output.Count(x, v.countDecimals()) }

// spoken writes a count for a sentence: exact, from a single replication
// ("33,542"); a mean over several, "about" and rounded ("about 33,500").
func (v *reportView) spoken(x float64) string { return output.SpokenCount(x, v.meta.Replications) }

// days is the number of days the run covers.
func (v *reportView) days() int {
	if !(v.meta.HorizonSeconds > 0) || math.IsInf(v.meta.HorizonSeconds, 0) {
		return 0
	}
	return int(math.Ceil(v.meta.HorizonSeconds/86400 - 1e-9))
}

// measured returns the share of the stretch [start, start+length) that lies
// in the measured window [warm-up, horizon): 1 when the run's settings are
// missing. It takes minOf and maxOf, math.Min and math.Max inlined
// (TestMeasuredAsMath).
func (v *reportView) measured(start, length float64) float64 {
	w, h := v.meta.WarmupSeconds, v.meta.HorizonSeconds
	if math.IsNaN(start) || !(length > 0) {
		return 1
	}
	end := start + length
	if h > 0 {
		end = minOf(end, h)
	}
	in := (end - maxOf(start, w)) / length
	return maxOf(0, minOf(1, in))
}

// ivLength returns the length of the interval starting at start: the
// interval, cut short by the horizon.
func (v *reportView) ivLength(start float64) float64 {
	n := v.meta.IntervalSeconds
	if h := v.meta.HorizonSeconds; h > 0 && !math.IsNaN(start) {
		n = minOf(n, h-start)
	}
	return n
}

// ivMeasured tells whether the interval starting at start (seconds) is in
// the measured window, at least in part.
func (v *reportView) ivMeasured(start float64) bool {
	return v.measured(start, v.ivLength(start)) > 0
}

// dayMeasured tells whether day d (from 1) is in the measured window, at
// least in part.
func (v *reportView) dayMeasured(d int) bool {
	return d < 1 || v.measured(float64(d-1)*86400, 86400) > 0
}

// reportDayOf reads the day (from 1) of row r of t; 0 when missing.
func reportDayOf(t *output.CSVTable, r int) int {
	d, err := strconv.Atoi(t.Text(r, "day"))
	if err != nil {
		return 0
	}
	return d
}

// moment says when row r of t, a row of an interval, began, as people say
// it: "Monday 10:30", with the day's number when weekdays repeat ("Monday
// 10:30 (day 8)").
func (v *reportView) moment(t *output.CSVTable, r int) string {
	s := reportWeekday(t.Text(r, "weekday"))
	if tod := t.Text(r, "time"); tod != "" {
		s += " " + tod
	}
	if v.days() > 7 {
		s += " (day " + t.Text(r, "day") + ")"
	}
	return s
}

// dayName names day d (from 1) with its weekday: "day 2 (Monday)".
func (v *reportView) dayName(t *output.CSVTable, r int) string {
	if wd := t.Text(r, "weekday"); wd != "" {
		return fmt.Sprintf("day %s (%s)", t.Text(r, "day"), reportWeekday(wd))
	}
	return "day " + t.Text(r, "day")
}

// intervalNouns names the run's intervals in sentences: "half hour", "half
// hours".
func (v *reportView) intervalNouns() (one, many string) {
	switch v.meta.IntervalSeconds {
	case 900:
		return "quarter hour", "quarter hours"
	case 1800:
		return "half hour", "half hours"
	case 3600:
		return "hour", "hours"
	case 86400:
		return "day", "days"
	}
	return "interval", "intervals"
}

// reportPct writes a share for a sentence: a percentage with one decimal,
// or none when it is whole ("80 %", "41.3 %"), a no-break space before the
// sign; "–" when undefined.
func reportPct(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	s := strconv.FormatFloat(100*x, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0") + "\u00a0%"
}

// reportNB joins a number to its unit with a no-break space, so that a
// line of a sentence never ends between them: "7.20 s".
func reportNB(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }

// reportNonZero tells whether x is a number other than zero.
func reportNonZero(x float64) bool { return !math.IsNaN(x) && x != 0 }

// reportAdd adds x to *s unless x is NaN.
func reportAdd(s *float64, x float64) {
	if !math.IsNaN(x) && !math.IsInf(x, 0) {
		*s += x
	}
}

// reportRatio returns a ÷ b, NaN when b is not positive.
func reportRatio(a, b float64) float64 {
	if !(b > 0) {
		return math.NaN()
	}
	return a / b
}

// minOf is math.Min, which on amd64 is a call the compiler cannot inline:
// when x and y differ and neither is NaN, the smaller; otherwise (equal,
// zeros of either sign, a NaN) math.Min's answer. (The built-in min is not
// math.Min: NaN beside -Inf, where math.Min gives -Inf.)
func minOf(x, y float64) float64 {
	if x < y {
		return x
	}
	if y < x {
		return y
	}
	return math.Min(x, y)
}

// maxOf is math.Max inlined, as minOf is math.Min.
func maxOf(x, y float64) float64 {
	if x > y {
		return x
	}
	if y > x {
		return y
	}
	return math.Max(x, y)
}
