package chart

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"strconv"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
)

// frameLayout places a frame's parts, in pixels: the same for every frame
// of an animation.
type frameLayout struct {
	margin int
	// rows are the channels' rows; bars their bars, whose full width is
	// the common scale (animator.scale).
	rows, bars []image.Rectangle
	// scaleY is the baseline of the scale's labels, under the bars.
	scaleY int
	// textX is where the text beside the bars starts.
	textX int
	// left and right are the lower panels' plots.
	left, right image.Rectangle
}

// layout places the parts of a frame.
func (a *animator) layout() frameLayout {
	W, H := a.opts.Width, a.opts.Height
	s := frameScale(a.opts)
	px := func(v float64) int { return int(math.Round(v * s)) }
	l := frameLayout{margin: px(24)}
	// The panels at the bottom; the rows of bars take what is left
	// between the caption and them.
	plotTop, plotBottom := H-px(118), H-px(38)
	top, bottom := px(74), plotTop-px(10)-px(36)
	n := max(1, len(a.channels))
	rowH := min(px(80), (bottom-top)/n)
	labelW, textW := px(150), px(230)
	barX := l.margin + labelW
	barW := max(1, W-2*l.margin-labelW-textW)
	l.textX = barX + barW + px(14)
	for c := range a.channels {
		y := top + c*rowH
		row := image.Rect(l.margin, y, W-l.margin, y+rowH)
		barH := max(1, rowH*5/10)
		by := y + (rowH-barH)/2
		l.rows = append(l.rows, row)
		l.bars = append(l.bars, image.Rect(barX, by, barX+barW, by+barH))
	}
	l.scaleY = top + len(a.channels)*rowH + px(14)
	gap := px(40)
	half := (W - 2*l.margin - gap) / 2
	l.left = image.Rect(l.margin+a.axisWidth(a.slTicks()), plotTop, l.margin+half, plotBottom)
	l.right = image.Rect(l.margin+half+gap+a.axisWidth(a.rightTicks()), plotTop, W-l.margin, plotBottom)
	return l
}

// frame draws interval k.
func (a *animator) frame(k int) *image.Paletted {
	a.texts = a.texts[:0]
	W, H := a.opts.Width, a.opts.Height
	s := frameScale(a.opts)
	px := func(v float64) int { return int(math.Round(v * s)) }
	img := image.NewRGBA(image.Rect(0, 0, W, H))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	l := a.layout()
	m := l.margin

	// The title, on two lines if one is too short for it, and the clock.
	end := math.Min(float64(k+1)*a.tl.interval, a.tl.horizon)
	clock := a.clock(end)
	cw := font.MeasureString(a.title, clock).Ceil()
	a.text(img, a.title, inkColor, W-m-cw, px(34), clock)
	a.titleText(img, max(0, W-3*m-cw), px)

	// What the bars show, on one scale.
	what := "Contacts waiting at the time shown (the queue of a live channel, the backlog of a deferred one)"
	if n := a.ds.Meta.Replications; n > 1 {
		what += fmt.Sprintf(": means over %d replications, rounded to whole contacts", n)
	}
	a.text(img, a.small, mutedColor, m, px(62), fit(a.small, what, W-2*m))
	if len(a.channels) == 0 {
		a.text(img, a.big, noteColor, m, px(104), fit(a.big, "This run has no channels.", W-2*m))
	}
	a.scaleMarks(img, l)
	for c, ch := range a.channels {
		a.channelRow(img, l, c, ch, k)
	}

	// Below: the story's channel's service level, and the waits customers
	// expect (with word of mouth) or the contacts waiting on every channel.
	a.serviceLevelPanel(img, l.left, k)
	if a.ds.Meta.WordOfMouth {
		a.waitsPanel(img, l.right, k)
	} else {
		a.totalPanel(img, l.right, k)
	}
	return quantize(img, a.pal, a.pal[:len(a.pal)-1])
}

// titleText draws the run's title in width pixels: on one line in the
// title's font if it fits, else on two in a smaller one, the second
// shortened with "…" if it must be.
func (a *animator) titleText(img *image.RGBA, width int, px func(float64) int) {
	title := a.ds.Meta.Title
	if title == "" {
		title = a.ds.Meta.Name
	}
	m := px(24)
	if font.MeasureString(a.title, title).Ceil() <= width {
		a.text(img, a.title, inkColor, m, px(34), title)
		return
	}
	first, rest := wrapOnce(a.big, title, width)
	a.text(img, a.big, inkColor, m, px(24), first)
	a.text(img, a.big, inkColor, m, px(44), fit(a.big, rest, width))
}

// wrapOnce splits s at the last space that leaves its first part within
// width pixels in f; with no such space, the first part is s shortened
// with "…" and the rest empty.
func wrapOnce(f font.Face, s string, width int) (first, rest string) {
	words := strings.Fields(s)
	for n := len(words) - 1; n > 0; n-- {
		if head := strings.Join(words[:n], " "); font.MeasureString(f, head).Ceil() <= width {
			return head, strings.Join(words[n:], " ")
		}
	}
	return fit(f, s, width), ""
}

// scaleMarks draws the bars' common scale: faint lines across every row
// at round numbers of contacts, labelled under the last row.
func (a *animator) scaleMarks(img *image.RGBA, l frameLayout) {
	if len(l.bars) == 0 {
		return
	}
	top, bottom := l.rows[0].Min.Y, l.rows[len(l.rows)-1].Max.Y
	bar := l.bars[0]
	step := math.Max(1, niceStep(a.scale/4)) // whole contacts
	gap := int(math.Round(8 * frameScale(a.opts)))
	type mark struct {
		x, lx, lw int
		label     string
	}
	var marks []mark
	for v := 0.0; v <= a.scale+step*1e-9; v += step {
		x := bar.Min.X + int(math.Round(float64(bar.Dx())*v/a.scale))
		label := output.Count(v, 0)
		last := v+step > a.scale+step*1e-9
		if last {
			label += " contacts"
		}
		lw := font.MeasureString(a.small, label).Ceil()
		lx := x - lw/2
		switch {
		case v == 0:
			lx = x
		case last:
			lx = x - lw
		}
		marks = append(marks, mark{x, lx, lw, label})
	}
	// Every line is drawn; a label only where it leaves room for its
	// neighbours, the first and the last (which names the unit) first.
	shown := make([]bool, len(marks))
	shown[0], shown[len(marks)-1] = true, len(marks) > 1
	if len(marks) > 1 && marks[0].lx+marks[0].lw+gap > marks[len(marks)-1].lx {
		shown[0] = false
	}
	prev := -1
	if shown[0] {
		prev = 0
	}
	for i := 1; i < len(marks)-1; i++ {
		end := marks[len(marks)-1].lx
		if (prev < 0 || marks[prev].lx+marks[prev].lw+gap <= marks[i].lx) && marks[i].lx+marks[i].lw+gap <= end {
			shown[i], prev = true, i
		}
	}
	for i, mk := range marks {
		fillRect(img, image.Rect(mk.x, top, mk.x+1, bottom), gridColor)
		if shown[i] {
			a.text(img, a.small, mutedColor, mk.lx, l.scaleY, mk.label)
		}
	}
}

// channelRow draws channel c's row at interval k: its name and kind, its
// bar of contacts waiting on the common scale, and beside it the count,
// the interval's service level and the wait customers expect of it.
func (a *animator) channelRow(img *image.RGBA, l frameLayout, c int, ch output.ChannelMeta, k int) {
	s := frameScale(a.opts)
	px := func(v float64) int { return int(math.Round(v * s)) }
	row, bar := l.rows[c], l.bars[c]
	col := channelPalette[c%len(channelPalette)]
	mid := row.Min.Y + row.Dy()/2
	a.text(img, a.big, col, l.margin, mid, fit(a.big, ch.Name, bar.Min.X-l.margin-px(8)))
	a.text(img, a.small, mutedColor, l.margin, mid+px(16), fit(a.small, ch.Kind, bar.Min.X-l.margin-px(8)))
	fillRect(img, bar, tint(col, 0.85))
	v := a.waiting[c][k]
	if output.Finite(v) && v > 0 {
		fillRect(img, image.Rect(bar.Min.X, bar.Min.Y, bar.Min.X+a.barLength(v, bar.Dx()), bar.Max.Y), col)
	}
	room := a.opts.Width - l.margin - l.textX
	a.text(img, a.big, inkColor, l.textX, bar.Min.Y+px(14), fit(a.big, a.waitingText(c, k), room))
	if ch.Kind != string(models.SelfService) {
		a.text(img, a.small, noteColor, l.textX, bar.Min.Y+px(31), fit(a.small, "service level "+output.Value(a.sl[c][k], output.UnitShare), room))
	}
	if wv := a.wait[c][k]; output.Finite(wv) && wv > 0 {
		a.text(img, a.small, noteColor, l.textX, bar.Min.Y+px(46), fit(a.small, "customers expect "+minutesText(wv), room))
	}
}

// barLength returns the length in pixels of a bar of v contacts on the
// common scale, in a bar width pixels long.
func (a *animator) barLength(v float64, width int) int {
	return int(math.Round(float64(width) * math.Min(1, v/a.scale)))
}

// waitingText says how many contacts channel c had waiting at the end of
// interval k, a whole number.
func (a *animator) waitingText(c, k int) string {
	what := "in the queue"
	if a.channels[c].Kind == string(models.Deferred) {
		what = "in the backlog"
	}
	v := a.waiting[c][k]
	if !output.Finite(v) {
		return "– " + what
	}
	return output.Count(v, 0) + " " + what
}

// minutesText writes a wait in minutes: "0.25 min", "4.5 min", "66 min",
// "1,920 min".
func minutesText(sec float64) string {
	v := sec / 60
	decimals := 0
	switch a := math.Abs(v); {
	case a < 1:
		decimals = 2
	case a < 10:
		decimals = 1
	}
	return output.Count(v, decimals) + " min"
}

// panelTick is a mark on a lower panel's axis: its value, as the panel
// maps it, and its label.
type panelTick struct {
	v     float64
	label string
}

// slTicks are the marks of the service level's axis.
func (a *animator) slTicks() []panelTick {
	return []panelTick{{0, "0 %"}, {0.5, "50 %"}, {1, "100 %"}}
}

// rightTicks are the marks of the lower right panel's axis.
func (a *animator) rightTicks() []panelTick {
	if a.ds.Meta.WordOfMouth {
		return a.waitTicks()
	}
	hi := a.totalTop()
	return []panelTick{{0, "0"}, {hi, output.Count(hi, 0)}}
}

// axisWidth returns the room an axis's labels take left of a panel.
func (a *animator) axisWidth(ticks []panelTick) int {
	w := 0
	for _, t := range ticks {
		w = max(w, font.MeasureString(a.small, t.label).Ceil())
	}
	return w + int(math.Round(6*frameScale(a.opts)))
}

// panel draws a lower panel's frame: its heading above it, the warm-up
// shaded, its axis marks at the left, and the run's first and last moments
// under it. y maps a value to its row of pixels.
func (a *animator) panel(img *image.RGBA, r image.Rectangle, head string, ticks []panelTick, y func(float64) int) {
	s := frameScale(a.opts)
	a.text(img, a.normal, inkColor, a.panelLeft(r), r.Min.Y-int(8*s), fit(a.normal, head, r.Max.X-a.panelLeft(r)))
	fillRect(img, r, color.RGBA{0xF7, 0xF7, 0xF7, 0xFF})
	if a.tl.warmup > 0 {
		wx := r.Min.X + int(float64(r.Dx())*math.Min(1, a.tl.warmup/a.tl.horizon))
		fillRect(img, image.Rect(r.Min.X, r.Min.Y, wx, r.Max.Y), shadeColor)
	}
	for _, t := range ticks {
		ty := y(t.v)
		fillRect(img, image.Rect(r.Min.X, ty, r.Max.X, ty+1), gridColor)
		lw := font.MeasureString(a.small, t.label).Ceil()
		a.text(img, a.small, mutedColor, r.Min.X-int(math.Round(4*s))-lw, ty+int(4*s), t.label)
	}
	start, end := a.clock(0), a.clock(a.tl.horizon)
	sw, ew := font.MeasureString(a.small, start).Ceil(), font.MeasureString(a.small, end).Ceil()
	by := r.Max.Y + int(14*s)
	if sw+ew+int(8*s) <= r.Dx() {
		a.text(img, a.small, mutedColor, r.Min.X, by, start)
	}
	if ew <= r.Dx() {
		a.text(img, a.small, mutedColor, r.Max.X-ew, by, end)
	}
}

// panelLeft is where a panel's heading starts: over its axis's labels.
func (a *animator) panelLeft(r image.Rectangle) int {
	if r.Min.X > a.opts.Width/2 {
		return a.opts.Width/2 + int(math.Round(20*frameScale(a.opts)))
	}
	return int(math.Round(24 * frameScale(a.opts)))
}

// history draws a series by interval in a panel: up to interval k in c,
// the rest of the run in later, with the cursor at k.
func (a *animator) history(img *image.RGBA, r image.Rectangle, vs []float64, k int, y func(float64) int, c, later color.Color) {
	thick := max(1, int(math.Round(2*frameScale(a.opts))))
	for i := 1; i < len(vs); i++ {
		if !output.Finite(vs[i-1]) || !output.Finite(vs[i]) {
			continue
		}
		lc := later
		if i <= k {
			lc = c
		}
		drawLine(img, a.panelX(r, i-1), y(vs[i-1]), a.panelX(r, i), y(vs[i]), thick, lc)
	}
}

// panelX is the column of pixels of interval i's end in a panel.
func (a *animator) panelX(r image.Rectangle, i int) int {
	return r.Min.X + int(math.Round(float64(r.Dx())*(float64(i)+1)/float64(a.intervals)))
}

// cursor marks interval k's end in a panel.
func (a *animator) cursor(img *image.RGBA, r image.Rectangle, k int) {
	thick := max(1, int(math.Round(2*frameScale(a.opts))))
	cx := a.panelX(r, k)
	fillRect(img, image.Rect(cx-thick/2, r.Min.Y, cx-thick/2+thick, r.Max.Y), neededColor)
}

// linearY maps lo to hi onto a panel's rows of pixels, bottom to top.
func linearY(r image.Rectangle, lo, hi float64) func(float64) int {
	return func(v float64) int {
		v = math.Max(lo, math.Min(hi, v))
		return r.Max.Y - 1 - int(math.Round(float64(r.Dy()-1)*(v-lo)/(hi-lo)))
	}
}

// serviceLevelPanel draws the service level of the story's channel (the
// focus) over the run, over the trailing window, with its target.
func (a *animator) serviceLevelPanel(img *image.RGBA, r image.Rectangle, k int) {
	y := linearY(r, 0, 1)
	if a.focus < 0 {
		a.panel(img, r, "No channel has a service level.", a.slTicks(), y)
		return
	}
	ch := a.channels[a.focus]
	over := "in each interval"
	if span := float64(a.window) * a.tl.interval; a.window > 1 && span == 86400 {
		over = "over the past 24 hours"
	} else if a.window > 1 {
		over = "over the past " + models.FormatDuration(span)
	}
	head := ch.Name + " service level " + over
	if v := a.focusSL[k]; output.Finite(v) {
		head += ": " + output.Value(v, output.UnitShare)
	}
	if ch.Target > 0 {
		head += " (target " + output.Value(ch.Target, output.UnitShare) + ")"
	}
	a.panel(img, r, head, a.slTicks(), y)
	if ch.Target > 0 {
		ty := y(ch.Target)
		dash := max(2, int(math.Round(6*frameScale(a.opts))))
		for x := r.Min.X; x < r.Max.X; x += 2 * dash {
			fillRect(img, image.Rect(x, ty, min(x+dash, r.Max.X), ty+1), noteColor)
		}
	}
	col := channelPalette[a.focus%len(channelPalette)]
	a.history(img, r, a.focusSL, k, y, col, tint(col, 0.6))
	a.cursor(img, r, k)
}

// waitsPanel draws the wait customers expect of each channel, in minutes
// on a scale of powers of ten.
func (a *animator) waitsPanel(img *image.RGBA, r image.Rectangle, k int) {
	lo, hi := a.waitRange()
	y := linearY(r, lo, hi)
	log := func(v float64) int { return y(math.Log10(v / 60)) }
	a.panel(img, r, "Waits customers expect, in minutes (log scale)", a.waitTicks(), y)
	for c := range a.channels {
		col := channelPalette[c%len(channelPalette)]
		vs := make([]float64, len(a.wait[c]))
		for i, v := range a.wait[c] {
			vs[i] = math.NaN()
			if v > 0 {
				vs[i] = v
			}
		}
		a.history(img, r, vs, k, log, col, tint(col, 0.6))
	}
	a.cursor(img, r, k)
}

// waitRange returns the powers of ten, in minutes, between which every
// channel's expected wait lies: at least one apart.
func (a *animator) waitRange() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for c := range a.channels {
		for _, v := range a.wait[c] {
			if output.Finite(v) && v > 0 {
				m := math.Log10(v / 60)
				lo, hi = math.Min(lo, m), math.Max(hi, m)
			}
		}
	}
	if math.IsInf(lo, 0) {
		return 0, 1
	}
	lo, hi = math.Floor(lo+1e-9), math.Ceil(hi-1e-9)
	if hi <= lo {
		hi = lo + 1
	}
	return lo, hi
}

// waitTicks are the marks of the waits' axis: each power of ten of
// minutes, every other one past five.
func (a *animator) waitTicks() []panelTick {
	lo, hi := a.waitRange()
	every := 1
	if hi-lo > 5 {
		every = 2
	}
	var out []panelTick
	for p := lo; p <= hi+1e-9; p += float64(every) {
		decimals := max(0, int(-p))
		out = append(out, panelTick{p, output.Count(math.Pow(10, p), decimals) + " min"})
	}
	return out
}

// totalTop is the top of the axis of the contacts waiting on every
// channel.
func (a *animator) totalTop() float64 {
	most := 0.0
	for _, v := range a.total {
		most = math.Max(most, v)
	}
	return niceCeil(math.Max(most, 1), 4)
}

// totalPanel draws the contacts waiting on every channel over the run.
func (a *animator) totalPanel(img *image.RGBA, r image.Rectangle, k int) {
	hi := a.totalTop()
	y := linearY(r, 0, hi)
	head := "Contacts waiting on every channel"
	if len(a.channels) > 0 {
		head += ": " + output.Count(a.total[k], 0)
	}
	a.panel(img, r, head, a.rightTicks(), y)
	a.history(img, r, a.total, k, y, inkColor, color.RGBA{0xC8, 0xC8, 0xC8, 0xFF})
	a.cursor(img, r, k)
}

// clock writes a moment of the run as "day 9 · Mon 14:00".
func (a *animator) clock(t float64) string {
	day := int(t/86400) + 1
	sec := int64(math.Round(t)) % 86400
	wd := ""
	if a.tl.named {
		wd = models.WeekdayAt(a.tl.start, t).String()
		wd = strings.ToUpper(wd[:1]) + wd[1:] + " "
	}
	return "day " + strconv.Itoa(day) + " · " + wd + pad2(sec/3600) + ":" + pad2(sec%3600/60)
}

// text draws s with its baseline at y, and records it.
func (a *animator) text(img *image.RGBA, f font.Face, c color.Color, x, y int, s string) {
	if s == "" {
		return
	}
	d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: f, Dot: fixed.P(x, y)}
	a.texts = append(a.texts, drawnText{s: s, x: x, y: y, dx: d.MeasureString(s).Ceil()})
	d.DrawString(s)
}

// fit shortens s with "…" until it is at most width pixels wide in f;
// nothing fits in less than "…" does.
func fit(f font.Face, s string, width int) string {
	if font.MeasureString(f, s).Ceil() <= width {
		return s
	}
	if font.MeasureString(f, "…").Ceil() > width {
		return ""
	}
	r := []rune(s)
	for len(r) > 0 && font.MeasureString(f, string(r)+"…").Ceil() > width {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ") + "…"
}

func fillRect(img *image.RGBA, r image.Rectangle, c color.Color) {
	draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Src)
}

// drawLine draws a straight line of the given thickness.
func drawLine(img *image.RGBA, x0, y0, x1, y1, thick int, c color.Color) {
	steps := max(abs(x1-x0), abs(y1-y0), 1)
	for i := 0; i <= steps; i++ {
		x := x0 + (x1-x0)*i/steps
		y := y0 + (y1-y0)*i/steps
		fillRect(img, image.Rect(x-thick/2, y-thick/2, x-thick/2+thick, y-thick/2+thick), c)
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
