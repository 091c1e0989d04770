package chart

import (
	"image"
	"image/color"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// cell returns the number in intervals.csv for a channel, an interval and
// a column.
func cell(t *testing.T, ds *output.Dataset, channel string, k int, col string) float64 {
	t.Helper()
	for r := range ds.Intervals.Rows {
		if ds.Intervals.Text(r, "channel") == channel && int(math.Round(ds.Intervals.Float(r, "start_seconds")/ds.Meta.IntervalSeconds)) == k {
			return ds.Intervals.Float(r, col)
		}
	}
	t.Fatalf("intervals.csv has no row for %s, interval %d", channel, k)
	return math.NaN()
}

// number reads a number as the frames write it: "1,234", "0.25".
func number(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return v
}

// sameColour tells whether a pixel is colour c.
func sameColour(img image.Image, x, y int, c color.RGBA) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return uint8(r>>8) == c.R && uint8(g>>8) == c.G && uint8(b>>8) == c.B
}

// busiestFrame returns the interval among the frames at which the most
// channels have contacts waiting, the most contacts breaking ties.
func busiestFrame(t *testing.T, a *animator, ds *output.Dataset) int {
	best, bestN, bestSum := -1, -1, -1.0
	for _, k := range a.steps() {
		n, sum := 0, 0.0
		for _, ch := range ds.Meta.Channels {
			if v := math.Round(cell(t, ds, ch.Name, k, "backlog")); v > 0 {
				n, sum = n+1, sum+v
			}
		}
		if n > bestN || n == bestN && sum > bestSum {
			best, bestN, bestSum = k, n, sum
		}
	}
	return best
}

// TestAnimationOneScale: every channel's bar is drawn on one scale, the
// one labelled under the bars ("800 contacts" at the bars' right end):
// each bar's length in pixels, measured in the frame, is its channel's
// contacts waiting (the mean in intervals.csv, rounded) times the pixels
// per contact of that scale; and no channel's contacts in the run go
// beyond it.
//
// Seen to catch: each bar against the most its own channel reached (the
// old drawing: a backlog of 8 and one of 600 the same length), a bar
// twice as long as the scale says.
func TestAnimationOneScale(t *testing.T) {
	ds := builtinDataset(t, "one-fast-channel", 2)
	a, err := newAnimator(ds, DefaultAnimation)
	if err != nil {
		t.Fatal(err)
	}
	k := busiestFrame(t, a, ds)
	img := a.frame(k)
	l := a.layout()
	// The scale as the frame labels it.
	scale := math.NaN()
	for _, tx := range a.texts {
		if v, ok := strings.CutSuffix(tx.s, " contacts"); ok && tx.y == l.scaleY {
			scale = number(t, v)
		}
	}
	if math.IsNaN(scale) {
		t.Fatal("no label names the bars' scale in contacts")
	}
	most := 0.0
	for r := range ds.Intervals.Rows {
		most = math.Max(most, math.Round(ds.Intervals.Float(r, "backlog")))
	}
	if scale < most {
		t.Errorf("the scale ends at %v contacts, below the run's largest backlog, %v", scale, most)
	}
	waiting := 0
	for c, ch := range ds.Meta.Channels {
		bar := l.bars[c]
		if bar.Min.X != l.bars[0].Min.X || bar.Dx() != l.bars[0].Dx() {
			t.Fatalf("bar %d at %v, bar 0 at %v: not one scale", c, bar, l.bars[0])
		}
		want := math.Round(cell(t, ds, ch.Name, k, "backlog"))
		y := bar.Min.Y + bar.Dy()/2
		got := 0
		for x := bar.Min.X; x < bar.Max.X && sameColour(img, x, y, channelPalette[c]); x++ {
			got++
		}
		if px := want * float64(bar.Dx()) / scale; math.Abs(float64(got)-px) > 1 {
			t.Errorf("%s: a bar of %d pixels for %v contacts, want %.1f (%d pixels for %v contacts)", ch.Name, got, want, px, bar.Dx(), scale)
		}
		if want > 0 {
			waiting++
		}
	}
	if waiting < 2 {
		t.Errorf("interval %d has %d channels with contacts waiting: the check compares too little", k, waiting)
	}
}

// TestAnimationWholeContacts: the count beside each bar is a whole number
// of contacts, the mean over the replications in intervals.csv rounded,
// for every channel in several frames; and the frame says so.
//
// Seen to catch: counts with a decimal ("8.9 in the backlog"), a count
// truncated rather than rounded, no word that they are rounded means.
func TestAnimationWholeContacts(t *testing.T) {
	ds := builtinDataset(t, "one-fast-channel", 3)
	a, err := newAnimator(ds, DefaultAnimation)
	if err != nil {
		t.Fatal(err)
	}
	l := a.layout()
	steps := a.steps()
	checked := 0
	fractional := 0
	for _, k := range []int{steps[0], steps[57], steps[len(steps)/2], busiestFrame(t, a, ds), steps[len(steps)-1]} {
		a.frame(k)
		rounded := false
		for _, tx := range a.texts {
			if strings.Contains(tx.s, "means over 3 replications, rounded to whole contacts") {
				rounded = true
			}
			head, _, ok := strings.Cut(tx.s, " in the ")
			if !ok || !(strings.HasSuffix(tx.s, " in the backlog") || strings.HasSuffix(tx.s, " in the queue")) {
				continue
			}
			c := -1
			for i, row := range l.rows {
				if tx.y >= row.Min.Y && tx.y < row.Max.Y {
					c = i
				}
			}
			if c < 0 {
				t.Fatalf("%q is in no channel's row", tx.s)
			}
			got := number(t, head)
			mean := cell(t, ds, ds.Meta.Channels[c].Name, k, "backlog")
			if got != math.Trunc(got) || got != math.Round(mean) {
				t.Errorf("interval %d, %s: %q, want the mean %v rounded, %v", k, ds.Meta.Channels[c].Name, tx.s, mean, math.Round(mean))
			}
			if mean != math.Trunc(mean) {
				fractional++
			}
			checked++
		}
		if !rounded {
			t.Errorf("interval %d: the frame does not say the counts are rounded means", k)
		}
	}
	if checked != 5*len(ds.Meta.Channels) || fractional == 0 {
		t.Errorf("checked %d counts, %d of them of fractional means: want every channel's in 5 frames, some fractional", checked, fractional)
	}
}

// TestAnimationLowerPanel: below the bars, the story's channel's service
// level over the past 24 hours, as intervals.csv gives it (each hour's
// service level weighed by its contacts offered), and the waits customers
// expect in minutes: the axis marked in minutes, each channel's line at
// the height of its expected wait (intervals.csv's expected_wait_seconds
// ÷ 60) on that axis, and the same wait written beside each bar.
//
// Seen to catch: the abstract expectation level in the panel (the old
// drawing), waits in seconds or hours, the panel following the busiest
// channel when the story names another, a service level of the hour
// alone.
func TestAnimationLowerPanel(t *testing.T) {
	ds := builtinDataset(t, "one-fast-channel", 2)
	opts := DefaultAnimation
	opts.Channel = "social"
	a, err := newAnimator(ds, opts)
	if err != nil {
		t.Fatal(err)
	}
	l := a.layout()
	k := busiestFrame(t, a, ds)
	img := a.frame(k)

	// The service level of social over the 24 hours to the end of k.
	num, den := 0.0, 0.0
	for j := k - 23; j <= k; j++ {
		if off := cell(t, ds, "social", j, "offered"); off > 0 {
			num += cell(t, ds, "social", j, "service_level") * off
			den += off
		}
	}
	heading := ""
	for _, tx := range a.texts {
		if strings.HasPrefix(tx.s, "social service level over the past 24 hours: ") {
			heading = tx.s
		}
	}
	if heading == "" {
		t.Fatal("no heading of social's service level over the past 24 hours")
	}
	pct, _, _ := strings.Cut(strings.TrimPrefix(heading, "social service level over the past 24 hours: "), " %")
	if got, want := number(t, pct), 100*num/den; math.Abs(got-want) > 0.005 {
		t.Errorf("%q: want %.2f %%", heading, want)
	}

	// The waits' axis: its marks are minutes; where they sit gives the
	// height of a number of minutes.
	type mark struct{ logMin, y float64 }
	var marks []mark
	for _, tx := range a.texts {
		if v, ok := strings.CutSuffix(tx.s, " min"); ok && tx.x < l.right.Min.X && tx.y > l.right.Min.Y-20 {
			marks = append(marks, mark{math.Log10(number(t, v)), float64(tx.y)})
		}
	}
	if len(marks) < 3 {
		t.Fatalf("the waits' axis has %d marks in minutes, want at least 3 (phone's seconds to email's hours)", len(marks))
	}
	m0, m1 := marks[0], marks[len(marks)-1]
	heightOf := func(minutes float64) float64 { // the labels' baselines lie a few pixels under their marks
		return m0.y + (math.Log10(minutes)-m0.logMin)*(m1.y-m0.y)/(m1.logMin-m0.logMin)
	}
	j := k - 30 // a past interval, clear of the cursor
	x := a.panelX(l.right, j)
	for c, ch := range ds.Meta.Channels {
		minutes := cell(t, ds, ch.Name, j, "expected_wait_seconds") / 60
		want := heightOf(minutes)
		found := false
		for y := int(want) - 8; y <= int(want)+1 && !found; y++ {
			found = sameColour(img, x, y, channelPalette[c])
		}
		if !found {
			t.Errorf("%s expects %.3g min at interval %d: its line is not at height %.0f of the axis in minutes", ch.Name, minutes, j, want)
		}
		now := cell(t, ds, ch.Name, k, "expected_wait_seconds") / 60
		beside := ""
		for _, tx := range a.texts {
			if s, ok := strings.CutPrefix(tx.s, "customers expect "); ok && tx.y >= l.rows[c].Min.Y && tx.y < l.rows[c].Max.Y {
				beside = s
			}
		}
		v, ok := strings.CutSuffix(beside, " min")
		if !ok {
			t.Errorf("%s: %q beside its bar, want minutes", ch.Name, beside)
			continue
		}
		// Within the rounding of the decimals written.
		decimals := 0
		if _, frac, ok := strings.Cut(v, "."); ok {
			decimals = len(frac)
		}
		if got := number(t, v); math.Abs(got-now) > 0.5*math.Pow(10, -float64(decimals))+1e-9 {
			t.Errorf("%s: customers expect %q, want %.3g min", ch.Name, beside, now)
		}
	}
	for _, tx := range a.texts {
		if strings.Contains(tx.s, "expectation level") {
			t.Errorf("the frame still shows the abstract level: %q", tx.s)
		}
	}
}

// TestAnimationTextFits: every text of a frame lies within the frame, at
// the smallest, the default and the largest sizes and the narrowest and
// flattest shapes, for a run whose title and channel names are long: a
// title too long for one line is wrapped, and what still does not fit is
// shortened, with its first words shown.
//
// Seen to catch: a title drawn past the clock, headings written past the
// frame's right edge, labels at negative x.
func TestAnimationTextFits(t *testing.T) {
	ds := fixture.ReportDataset(t, fixture.ReportWorld())
	ds.Meta.Title = "A title far too long for one line of any frame, as a trainer might write it for a whole workshop on many channels at once"
	ds.Meta.Channels[1].Name = "electronic-mail-for-enterprise-customers"
	for _, size := range [][2]int{{320, 320}, {960, 540}, {1920, 1920}, {1920, 320}, {320, 1920}, {1280, 720}} {
		opts := AnimationOptions{Width: size[0], Height: size[1], Frames: 10, Delay: 5}
		a, err := newAnimator(ds, opts)
		if err != nil {
			t.Fatal(err)
		}
		steps := a.steps()
		a.frame(steps[len(steps)/2])
		title := false
		for _, tx := range a.texts {
			if tx.x < 0 || tx.x+tx.dx > size[0] || tx.y < 0 || tx.y > size[1] {
				t.Errorf("%d×%d: %q from x %d to %d at y %d: outside the frame", size[0], size[1], tx.s, tx.x, tx.x+tx.dx, tx.y)
			}
			title = title || strings.HasPrefix(tx.s, "A title far")
		}
		if !title {
			t.Errorf("%d×%d: the title's first words are not shown", size[0], size[1])
		}
	}
}
