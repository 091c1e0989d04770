package models

import "math"

// openWindow remembers a channel's answer to "open now?" (Channel.OpenAt)
// and the times [from, to) over which it holds: within one day, between
// two of the times of day at which the channel's hours begin or end, the
// weekday and every comparison OpenAt makes are the same. A choice asks of
// every channel, and a world of several channels asked the weekday, the
// time of day and each span at every choice.
type openWindow struct {
	from, to float64
	open     bool
	whole    bool // every span's From and To a whole number of seconds
	// asked and next are nextOpen's last question and its answer, which
	// holds for every time in [asked, next).
	asked, next float64
}

// newOpenWindow returns the window of a channel of config c, empty: its
// first question fills it. A channel without hours is always open.
func newOpenWindow(c *Channel) openWindow {
	if len(c.Open) == 0 {
		return openWindow{from: math.Inf(-1), to: math.Inf(1), open: true, asked: math.Inf(1)}
	}
	whole := true
	for _, s := range c.Open {
		whole = whole && s.From == math.Trunc(s.From) && s.To == math.Trunc(s.To)
	}
	return openWindow{whole: whole, asked: math.Inf(1)}
}

// maxWindowTime bounds the times whose windows are remembered: below it,
// a time t within a day, 2 s or more before its end, has t / 86400 rounded
// below the next whole number (WeekdayAt's day), and its time of day, t −
// the day's start, computed exactly (timeOfDay).
const maxWindowTime = 1 << 40

// isOpen tells whether the channel takes new contacts at time t, as
// Channel.OpenAt: remembered within the window of the last time asked.
func (ch *channel) isOpen(t float64) bool {
	if t >= ch.hours.from && t < ch.hours.to {
		return ch.hours.open
	}
	return ch.hours.refresh(ch.cfg, ch.w.cfg.Start, t)
}

// refresh answers OpenAt for time t of a run whose day 0 is start, and
// makes the window the times around t with the same answer: from the
// last time of day at or before t's at which a span of c begins or ends
// (midnight if none) to the first after it (2 s before midnight if none),
// on t's day. The window's ends, a whole day's start and a whole number of
// seconds, are exact, and so is t's time of day: t is in the window if and
// only if its time of day lies between the two, where no comparison of
// Span.covers changes. With hours not whole seconds, or past
// maxWindowTime, the window is left empty.
func (h *openWindow) refresh(c *Channel, start Weekday, t float64) bool {
	h.open = c.OpenAt(start, t)
	h.from, h.to = t, t
	if !h.whole || !(t >= 0 && t < maxWindowTime) {
		return h.open
	}
	dayStart := float64(int64(t/86400)) * 86400
	tod := t - dayStart
	if !(tod >= 0 && tod < 86400) {
		return h.open
	}
	lo, hi := 0.0, 86400.0-2
	for _, s := range c.Open {
		for _, b := range [2]float64{s.From, s.To} {
			if b <= tod {
				lo = max(lo, b)
			} else {
				hi = min(hi, b)
			}
		}
	}
	if tod < hi {
		h.from, h.to = dayStart+lo, dayStart+hi
	}
	return h.open
}

// nextOpen returns the first time after t at which the channel opens, +Inf
// if it never does (openingAfter), remembered: the answer for a time asked
// holds for every time from it to the answer, since an opening between
// them would have been an earlier answer.
func (ch *channel) nextOpen(t float64) float64 {
	h := &ch.hours
	if t >= h.asked && t < h.next {
		return h.next
	}
	h.asked, h.next = t, ch.openingAfter(t)
	return h.next
}

// openingAfter returns the first time after t at which the channel opens,
// +Inf if it never does. Each opening it compares is the same sum for
// every t, (its day's number) × 86400 + the span's From, so that the same
// opening has the same bits whenever it is asked (nextOpen).
func (ch *channel) openingAfter(t float64) float64 {
	if len(ch.cfg.Open) == 0 {
		return t
	}
	best := math.Inf(1)
	first := math.Floor(t / 86400)
	for off := 0.0; off <= 7; off++ {
		midnight := (first + off) * 86400
		day := WeekdayAt(ch.w.cfg.Start, midnight)
		for _, s := range ch.cfg.Open {
			if at := midnight + s.From; s.Days[day] && at > t && at < best {
				best = at
			}
		}
	}
	return best
}
