package fit

import (
	"fmt"
	"io"
	"math"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// HourCheck sets one time of day of the log against the fitted scenario's
// simulation, over every channel: contacts per day, the share abandoned,
// the mean wait of all contacts, and the share answered within the
// threshold.
type HourCheck struct {
	Slot                                   int
	Observed, Simulated                    [4]float64
	ObservedContacts, SimulatedContacts    float64
	ObservedPerWeekday, SimulatedPerRepDay float64
}

// Check compares the log with results, replications of the scenario
// Scenario wrote (a week from Monday): per time of day, the log's days
// weighted alike per weekday as the simulated week is.
func (f *Fit) Check(cfg *models.Config, results []*models.Result) []HourCheck {
	slots := int(math.Round(86400 / f.Options.Interval))
	out := make([]HourCheck, slots)
	days := float64(cfg.Days() * len(results))
	for s := range slots {
		hc := HourCheck{Slot: s}
		var off, ab, wait, within float64
		for _, c := range f.Channels {
			for wd := range 7 {
				hc.Observed[0] += c.Volumes[wd*slots+s] / 7
			}
			n := c.Offered[s]
			off += n
			ab += n * nanZero(c.AbandonShare[s])
			wait += n * nanZero(c.MeanWait[s])
			within += n * nanZero(c.ServiceLevel[s])
		}
		hc.Observed[1], hc.Observed[2], hc.Observed[3] = ratio(ab, off), ratio(wait, off), ratio(within, off)
		var sc models.Counts
		for _, r := range results {
			for _, ch := range r.Channels {
				for k := s; k < len(ch.Intervals); k += slots {
					sc.Add(ch.Intervals[k])
				}
			}
		}
		hc.Simulated[0] = float64(sc.Offered) / days
		o := float64(sc.Offered)
		hc.Simulated[1] = ratio(float64(sc.Abandoned), o)
		hc.Simulated[2] = ratio(sc.WaitAnswered+sc.WaitAbandoned, o)
		hc.Simulated[3] = ratio(float64(sc.AnsweredWithin), o)
		out[s] = hc
	}
	return out
}

func nanZero(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	return x
}

// WriteCheck writes the comparison as a table, then how close the two are
// over the day: the largest differences, contacts weighted.
func WriteCheck(w io.Writer, hours []HourCheck, interval float64) error {
	t := output.NewTable("time", "contacts/day log", "sim", "abandoned log", "sim", "mean wait log", "sim", "service level log", "sim")
	var tot [2][4]float64
	worst := [4]float64{}
	for _, h := range hours {
		if h.Observed[0] < 0.5 && h.Simulated[0] < 0.5 {
			continue
		}
		t.Row(output.Clock(float64(h.Slot)*interval),
			fmt.Sprintf("%.1f", h.Observed[0]), fmt.Sprintf("%.1f", h.Simulated[0]),
			output.Value(h.Observed[1], output.UnitShare), output.Value(h.Simulated[1], output.UnitShare),
			output.Value(h.Observed[2], output.UnitSeconds), output.Value(h.Simulated[2], output.UnitSeconds),
			output.Value(h.Observed[3], output.UnitShare), output.Value(h.Simulated[3], output.UnitShare))
		for i := range 2 {
			v := h.Observed
			if i == 1 {
				v = h.Simulated
			}
			tot[i][0] += v[0]
			for m := 1; m < 4; m++ {
				tot[i][m] += v[0] * nanZero(v[m])
			}
		}
		if h.Observed[0] >= 20 {
			for m := 1; m < 4; m++ {
				if d := math.Abs(h.Simulated[m] - h.Observed[m]); d > worst[m] {
					worst[m] = d
				}
			}
		}
	}
	if _, err := t.WriteTo(w); err != nil {
		return err
	}
	day := func(i, m int) float64 { return tot[i][m] / tot[i][0] }
	_, err := fmt.Fprintf(w, "\nOver the day: %.0f contacts a day in the log, %.0f simulated (%+.1f %%); abandoned %s against %s; mean wait %s against %s; service level %s against %s.\n"+
		"In the hours with 20 contacts a day or more, the simulation is within %.1f points of the log's abandonment, %.0f s of its mean wait and %.1f points of its service level.\n",
		tot[0][0], tot[1][0], 100*(tot[1][0]/tot[0][0]-1),
		output.Value(day(0, 1), output.UnitShare), output.Value(day(1, 1), output.UnitShare),
		output.Value(day(0, 2), output.UnitSeconds), output.Value(day(1, 2), output.UnitSeconds),
		output.Value(day(0, 3), output.UnitShare), output.Value(day(1, 3), output.UnitShare),
		100*worst[1], worst[2], 100*worst[3])
	return err
}

// Series returns the checks as the observed and simulated series of each
// figure by time of day, for output.CheckChart.
func Series(hours []HourCheck) (observed, simulated [4][]float64) {
	for _, h := range hours {
		for m := range 4 {
			observed[m] = append(observed[m], h.Observed[m])
			simulated[m] = append(simulated[m], h.Simulated[m])
		}
	}
	return observed, simulated
}
