package classroom

import (
	"math"
	"strconv"

	"github.com/omnisim/omnisim/output"
)

// Num is a figure sent to the page: JSON null when it is undefined (NaN
// or infinite: a service level with nothing offered), else the number
// with at most three decimals, so that frames stay small.
type Num float64

// MarshalJSON writes n, or null.
func (n Num) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if !output.Finite(f) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, math.Round(f*1000)/1000, 'f', -1, 64), nil
}

// Frame is one interval of a side's run as the page draws it: what the
// customers and agents did, as means over the replications.
type Frame struct {
	// K is the interval, from 0; Day the day, from 1; Clock the weekday
	// and time of the interval's start ("Mon 09:00").
	K     int    `json:"k"`
	Day   int    `json:"day"`
	Clock string `json:"clock"`
	// Channels are the channels, in the scenario's order.
	Channels []ChannelFrame `json:"channels"`
	// Pools are the pools, in the scenario's order.
	Pools []PoolFrame `json:"pools"`
}

// ChannelFrame is a channel in one interval.
type ChannelFrame struct {
	// Waiting is the contacts waiting at the interval's end (a live
	// channel's queue, a deferred one's backlog), rounded to whole
	// contacts: half a customer does not wait.
	Waiting Num `json:"waiting"`
	// Offered, Answered, Abandoned, SwitchedOut and SwitchedIn count the
	// interval's contacts (means per replication).
	Offered     Num `json:"offered"`
	Answered    Num `json:"answered"`
	Abandoned   Num `json:"abandoned"`
	SwitchedOut Num `json:"switched_out"`
	SwitchedIn  Num `json:"switched_in"`
	// ServiceLevel is the interval's, DayServiceLevel the day's so far,
	// from its midnight to this interval's end (answered within the
	// threshold ÷ offered): what a wallboard shows at that hour.
	ServiceLevel    Num `json:"service_level"`
	DayServiceLevel Num `json:"day_service_level"`
	// ExpectedWait is the wait customers expect on the channel at the
	// interval's end, in seconds.
	ExpectedWait Num `json:"expected_wait"`
}

// PoolFrame is a pool in one interval: agents scheduled, present to take
// contacts, and busy (means over the interval).
type PoolFrame struct {
	Scheduled Num `json:"scheduled"`
	Available Num `json:"available"`
	Busy      Num `json:"busy"`
}

// Frames returns a run's frames, one per interval, from its Dataset: the
// tables an output folder holds, so that the page shows what the folder
// Export writes says.
func Frames(ds *output.Dataset) []Frame {
	m := ds.Meta
	n := 0
	if m.IntervalSeconds > 0 {
		n = int(math.Ceil(m.HorizonSeconds/m.IntervalSeconds - 1e-9))
	}
	if n <= 0 || ds.Intervals == nil {
		return nil
	}
	frames := make([]Frame, n)
	for k := range frames {
		frames[k] = Frame{K: k, Day: int(float64(k)*m.IntervalSeconds/86400) + 1,
			Channels: make([]ChannelFrame, len(m.Channels)), Pools: make([]PoolFrame, len(m.Pools))}
	}
	channel := map[string]int{}
	for i, ch := range m.Channels {
		channel[ch.Name] = i
	}
	t := ds.Intervals
	for r := range t.Rows {
		c, ok := channel[t.Text(r, "channel")]
		k, err := strconv.Atoi(t.Text(r, "interval"))
		if !ok || err != nil || k < 0 || k >= n {
			continue
		}
		f := &frames[k]
		f.Clock = t.Text(r, "weekday") + " " + t.Text(r, "time")
		f.Channels[c] = ChannelFrame{Waiting: Num(math.Round(t.Float(r, "backlog"))), Offered: Num(t.Float(r, "offered")),
			Answered: Num(t.Float(r, "answered")), Abandoned: Num(t.Float(r, "abandoned")),
			SwitchedOut: Num(t.Float(r, "switched_out")), SwitchedIn: Num(t.Float(r, "switched_in")),
			ServiceLevel: Num(t.Float(r, "service_level")),
			ExpectedWait: Num(t.Float(r, "expected_wait_seconds"))}
	}
	daySoFar(frames)
	if s := ds.Staffing; s != nil {
		pool := map[string]int{}
		for i, p := range m.Pools {
			pool[p.Name] = i
		}
		for r := range s.Rows {
			p, ok := pool[s.Text(r, "pool")]
			k, err := strconv.Atoi(s.Text(r, "interval"))
			if !ok || err != nil || k < 0 || k >= n {
				continue
			}
			frames[k].Pools[p] = PoolFrame{Scheduled: Num(s.Float(r, "scheduled")), Available: Num(s.Float(r, "available")), Busy: Num(s.Float(r, "busy"))}
		}
	}
	return frames
}

// daySoFar sets each frame's DayServiceLevel: the contacts answered in
// time (each interval's service level times its offered) over those
// offered, from the day's first interval to the frame's; undefined while
// nobody has been offered that day.
func daySoFar(frames []Frame) {
	if len(frames) == 0 {
		return
	}
	n := len(frames[0].Channels)
	inTime, offered := make([]float64, n), make([]float64, n)
	for k := range frames {
		f := &frames[k]
		if k == 0 || f.Day != frames[k-1].Day {
			clear(inTime)
			clear(offered)
		}
		for c := range f.Channels {
			ch := &f.Channels[c]
			if o := float64(ch.Offered); o > 0 && output.Finite(float64(ch.ServiceLevel)) {
				inTime[c] += float64(ch.ServiceLevel) * o
				offered[c] += o
			}
			ch.DayServiceLevel = Num(math.NaN())
			if offered[c] > 0 {
				ch.DayServiceLevel = Num(inTime[c] / offered[c])
			}
		}
	}
}
