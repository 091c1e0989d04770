package chart

import (
	"math"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// openIntervals reads off intervals.csv, by the interval's start, whether
// any channel let a contact in (offered more than it turned away), and
// how many intervals there are.
func openIntervals(ds *output.Dataset) (open map[int]bool, n int) {
	open = map[int]bool{}
	for r := range ds.Intervals.Rows {
		k := int(math.Round(ds.Intervals.Float(r, "start_seconds") / ds.Meta.IntervalSeconds))
		n = max(n, k+1)
		blocked := ds.Intervals.Float(r, "blocked")
		if math.IsNaN(blocked) {
			blocked = 0
		}
		if ds.Intervals.Float(r, "offered")-blocked > 0 {
			open[k] = true
		}
	}
	return open, n
}

// checkEven checks that steps are open intervals of the measured run,
// the first and last of them among their ends, and spread evenly: any two
// frames are as many open intervals apart as any other two, or one more.
func checkEven(t *testing.T, ds *output.Dataset, steps []int, frames int) {
	t.Helper()
	open, n := openIntervals(ds)
	first := int(ds.Meta.WarmupSeconds / ds.Meta.IntervalSeconds)
	var measured []int // the measured run's open intervals
	rank := map[int]int{}
	for k := first; k < n; k++ {
		if open[k] {
			rank[k] = len(measured)
			measured = append(measured, k)
		}
	}
	if len(measured) < 2 {
		t.Fatalf("the run has %d open intervals: nothing to check", len(measured))
	}
	if want := min(frames, len(measured)); len(steps) != want {
		t.Fatalf("%d frames, want %d (%d open intervals, at most %d frames)", len(steps), want, len(measured), frames)
	}
	if steps[0] != measured[0] || steps[len(steps)-1] != measured[len(measured)-1] {
		t.Errorf("frames from interval %d to %d, want the measured run's first and last open ones, %d and %d",
			steps[0], steps[len(steps)-1], measured[0], measured[len(measured)-1])
	}
	lo, hi := math.MaxInt, 0
	for i, k := range steps {
		if !open[k] || k < first {
			t.Fatalf("frame %d shows interval %d: closed, or in the warm-up", i, k)
		}
		if i > 0 {
			gap := rank[k] - rank[steps[i-1]]
			lo, hi = min(lo, gap), max(hi, gap)
		}
	}
	if hi-lo > 1 || lo < 1 {
		t.Errorf("frames from %d to %d open intervals apart, want all as far apart, or one more", lo, hi)
	}
}

// TestAnimationStepsEvenly: one-fast-channel's 672 measured hours in 240
// frames. Every third hour of a day of 24 is the same eight clock times
// each day (frames 0, 40 and 200 all at 03:00); frames spread evenly
// through the run move on the clock from day to day.
//
// Seen to catch: the every-n-th stepping (8 clock times), frames in the
// warm-up, a last frame short of the run's end.
func TestAnimationStepsEvenly(t *testing.T) {
	ds := builtinDataset(t, "one-fast-channel", 2)
	a, err := newAnimator(ds, DefaultAnimation)
	if err != nil {
		t.Fatal(err)
	}
	steps := a.steps()
	checkEven(t, ds, steps, DefaultAnimation.Frames)
	hours := map[int]bool{}
	for _, k := range steps {
		hours[(k+1)%24] = true // the clock shows the interval's end
	}
	if len(hours) < 20 {
		t.Errorf("the frames show %d clock times of the 24, want at least 20", len(hours))
	}
	if h := func(i int) int { return (steps[i] + 1) % 24 }; h(0) == h(40) && h(40) == h(200) {
		t.Errorf("frames 0, 40 and 200 at the same clock time, %02d:00", h(0))
	}
}

// TestAnimationSkipsClosedHours: a world whose channels all open at 08:00
// and close at 20:00 gets no frame at night, when customers who choose a
// channel find none open and those sent to the phone and email directly
// are turned away (offered, and blocked); with frames to spare, every open
// interval gets one.
//
// Seen to catch: counting an interval with contacts offered as open when
// every one was turned away (the night's blocked calls), and frames in
// closed hours.
func TestAnimationSkipsClosedHours(t *testing.T) {
	cfg := fixture.ReportWorld()
	for i := range cfg.Channels {
		cfg.Channels[i].Open = []models.Span{{Days: models.Days{true, true, true, true, true, true, true}, From: 8 * 3600, To: 20 * 3600}}
	}
	ds := fixture.ReportDataset(t, cfg)
	open, n := openIntervals(ds)
	closed := 0
	for k := range n {
		if !open[k] {
			closed++
		}
	}
	if closed < n/3 {
		t.Fatalf("%d of %d half hours closed: the world should be closed half the day", closed, n)
	}
	for _, frames := range []int{10, 37, 1000} {
		a, err := newAnimator(ds, AnimationOptions{Width: 480, Height: 320, Frames: frames, Delay: 5})
		if err != nil {
			t.Fatal(err)
		}
		checkEven(t, ds, a.steps(), frames)
	}
}
