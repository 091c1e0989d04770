package chart

import (
	"image/color"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// animator holds what the frames of one run show, read from its Dataset
// once: each channel's figures by interval, the bars' common scale, the
// channel the lower panel follows, and which intervals get a frame.
type animator struct {
	ds        *output.Dataset
	opts      AnimationOptions
	tl        timeline
	intervals int
	channels  []output.ChannelMeta
	// waiting, sl, wait, offered and blocked are per channel, per
	// interval: the contacts waiting at the interval's end rounded to
	// whole contacts, the interval's service level, the wait customers
	// expect of the channel at its end (seconds), and the contacts it was
	// offered and turned away.
	waiting, sl, wait, offered, blocked [][]float64
	// scale is the contacts at the right end of every bar: one scale for
	// every channel, a round number at least the most any channel had
	// waiting at any interval's end.
	scale float64
	// focus is the channel whose service level the lower left panel
	// follows (-1: none); focusSL its service level over the trailing
	// window of window intervals ending at each interval.
	focus   int
	focusSL []float64
	window  int
	// total is the contacts waiting on every channel, per interval.
	total []float64
	pal   color.Palette
	// The fonts, sized for the frame.
	title, big, normal, small font.Face
	// texts are the texts the last frame drew, where and how wide (for
	// the tests: every text must fit in the frame).
	texts []drawnText
}

// drawnText is a text a frame drew: its left end and baseline, and its
// width in pixels.
type drawnText struct {
	s        string
	x, y, dx int
}

// scale returns the size of a frame's text and lines against the
// 960 × 540 frame the layout is drawn for: the smaller of the width's and
// the height's ratio, so that a narrow or a short frame keeps its text in.
func frameScale(opts AnimationOptions) float64 {
	return math.Min(float64(opts.Width)/960, float64(opts.Height)/540)
}

func newAnimator(ds *output.Dataset, opts AnimationOptions) (*animator, error) {
	if ds == nil {
		ds = &output.Dataset{}
	}
	a := &animator{ds: ds, opts: opts, tl: timelineOf(ds), channels: ds.Meta.Channels, focus: -1, window: 1}
	a.intervals = max(1, int(math.Ceil(a.tl.horizon/a.tl.interval-1e-9)))
	most := 0.0
	for _, ch := range a.channels {
		col := func(name string) []float64 {
			vs := make([]float64, a.intervals)
			for i := range vs {
				vs[i] = math.NaN()
			}
			if ds.Intervals == nil {
				return vs
			}
			for _, r := range rowsWhere(ds.Intervals, "channel", ch.Name) {
				k := int(math.Round(rowStart(ds.Intervals, r, a.tl.interval) / a.tl.interval))
				if k >= 0 && k < a.intervals {
					vs[k] = ds.Intervals.Float(r, name)
				}
			}
			return vs
		}
		waiting := col("backlog")
		for k, v := range waiting {
			// A mean over the replications drawn as a whole number of
			// contacts: half a customer does not wait.
			waiting[k] = math.Round(v)
			if output.Finite(v) {
				most = math.Max(most, waiting[k])
			}
		}
		a.waiting = append(a.waiting, waiting)
		a.sl = append(a.sl, col("service_level"))
		a.wait = append(a.wait, col("expected_wait_seconds"))
		a.offered = append(a.offered, col("offered"))
		a.blocked = append(a.blocked, col("blocked"))
	}
	a.scale = niceCeil(math.Max(most, 1), 4)
	a.total = make([]float64, a.intervals)
	for k := range a.intervals {
		for c := range a.channels {
			if v := a.waiting[c][k]; output.Finite(v) {
				a.total[k] += v
			}
		}
	}
	a.focus = a.focusChannel()
	if a.tl.horizon > 3*86400 {
		// On a run of days, the service level of single intervals swings
		// from hour to hour; over the past day it shows the trend.
		a.window = max(1, int(math.Round(86400/a.tl.interval)))
	}
	if a.focus >= 0 {
		a.focusSL = trailingShare(a.sl[a.focus], a.offered[a.focus], a.window)
	}
	a.pal = animationPalette(len(a.channels))
	s := frameScale(opts)
	var err error
	if a.title, err = face(gobold.TTF, 22*s); err != nil {
		return nil, err
	}
	if a.big, err = face(gobold.TTF, 16*s); err != nil {
		return nil, err
	}
	if a.normal, err = face(goregular.TTF, 15*s); err != nil {
		return nil, err
	}
	if a.small, err = face(goregular.TTF, 12*s); err != nil {
		return nil, err
	}
	return a, nil
}

// focusChannel returns the channel the lower panel follows: the one
// opts.Channel names (the channel of a story's first claim), or else the
// channel, service levels aside, offered the most contacts in the measured
// run; -1 when there is none.
func (a *animator) focusChannel() int {
	for c, ch := range a.channels {
		if ch.Name == a.opts.Channel && ch.Kind != string(models.SelfService) {
			return c
		}
	}
	best, most := -1, -1.0
	for c, ch := range a.channels {
		if ch.Kind == string(models.SelfService) {
			continue
		}
		sum := 0.0
		for k := a.firstMeasured(); k < a.intervals; k++ {
			if v := a.offered[c][k]; output.Finite(v) {
				sum += v
			}
		}
		if sum > most {
			best, most = c, sum
		}
	}
	return best
}

// trailingShare returns, at each interval, the share over the window of
// intervals ending there, each interval's share weighed by its count: the
// service level of the contacts offered in the window.
func trailingShare(share, count []float64, window int) []float64 {
	out := make([]float64, len(share))
	for k := range share {
		num, den := 0.0, 0.0
		for j := max(0, k-window+1); j <= k; j++ {
			if output.Finite(share[j]) && output.Finite(count[j]) && count[j] > 0 {
				num += share[j] * count[j]
				den += count[j]
			}
		}
		out[k] = math.NaN()
		if den > 0 {
			out[k] = num / den
		}
	}
	return out
}

// face loads a font at size pixels.
func face(ttf []byte, size float64) (font.Face, error) {
	f, err := opentype.Parse(ttf)
	if err != nil {
		return nil, err
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
}

// firstMeasured returns the first interval of the measured run: the one
// the warm-up ends in.
func (a *animator) firstMeasured() int {
	return min(a.intervals-1, int(math.Floor(a.tl.warmup/a.tl.interval+1e-9)))
}

// open tells whether interval k is one of the centre's open hours: some
// channel let a contact in, more contacts offered to it than turned away
// (blocked). A channel closed by the scenario is offered no contact by a
// customer choosing, and turns away one sent to it, so an interval in
// which no channel let any in, in any replication, is an hour when every
// channel was closed (or, open, had no one come, or had its lines full all
// the while), in which nothing moves but the clock. A run whose tables do
// not say what was offered counts every interval open.
func (a *animator) open(k int) bool {
	if a.ds.Intervals == nil || a.ds.Intervals.Col("offered") < 0 {
		return true
	}
	for c := range a.channels {
		in := a.offered[c][k]
		if b := a.blocked[c][k]; output.Finite(b) {
			in -= b
		}
		if output.Finite(in) && in > 1e-9 {
			return true
		}
	}
	return false
}

// steps returns the intervals that get a frame, in order. They are the
// measured run's open intervals (open), or all of its intervals when none
// is open; when there are more than opts.Frames of them, opts.Frames of
// them spread evenly: frame i shows the open interval
// round(i × (n − 1) ÷ (frames − 1)) of the n, so that the first and the
// last are shown and two frames are as many open intervals apart as the
// next two, or one more. Unlike every third hour of a run of hours, the
// clock times then move from day to day.
func (a *animator) steps() []int {
	first := a.firstMeasured()
	var ks []int
	for k := first; k < a.intervals; k++ {
		if a.open(k) {
			ks = append(ks, k)
		}
	}
	if len(ks) == 0 {
		for k := first; k < a.intervals; k++ {
			ks = append(ks, k)
		}
	}
	n, frames := len(ks), a.opts.Frames
	if n <= frames {
		return ks
	}
	if frames == 1 {
		return ks[n-1:]
	}
	out := make([]int, frames)
	for i := range out {
		// round(i(n−1)/(frames−1)) in integers: the same on every machine.
		out[i] = ks[(2*i*(n-1)+frames-1)/(2*(frames-1))]
	}
	return out
}
