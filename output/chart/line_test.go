package chart

import (
	"bytes"
	"image/color"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// TestPaddedLineDrawsAsGonums: a plot of lines whose glyph boxes are
// paddedLine's few is padded and drawn exactly as gonum's Lines, with a box
// for every point, and its Scatters: the same data area, the same PNG bytes,
// whether each line is a paddedLine or one paddedLine holds them all,
// pieces of lines and dots between them. The cases put
// the extremes where ties and clipping decide: flat lines, a spike at
// either end, equal values far apart, points outside axes set by hand,
// a line of zero width.
// Seen to catch: leaving out the axes' range check (the clipped case).
func TestPaddedLineDrawsAsGonums(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	noisy := func(n int) plotter.XYs {
		xy := make(plotter.XYs, n)
		for i := range xy {
			xy[i] = plotter.XY{X: float64(i) * 1800, Y: rng.NormFloat64()}
		}
		return xy
	}
	flat := func(n int, y float64) plotter.XYs {
		xy := make(plotter.XYs, n)
		for i := range xy {
			xy[i] = plotter.XY{X: float64(i), Y: y}
		}
		return xy
	}
	spikes := flat(50, 1)
	spikes[0].Y, spikes[49].Y, spikes[20].Y = 5, -5, 5
	for _, c := range []struct {
		name  string
		lines []plotter.XYs
		width vg.Length
		axes  func(p *plot.Plot)
	}{
		{"noisy", []plotter.XYs{noisy(500), noisy(300)}, 1, nil},
		{"flat", []plotter.XYs{flat(100, 3)}, 2, nil},
		{"spikes", []plotter.XYs{spikes}, 3, nil},
		{"two flat", []plotter.XYs{flat(10, 1), flat(20, 2)}, 1.5, nil},
		{"clipped", []plotter.XYs{noisy(400)}, 2, func(p *plot.Plot) {
			p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 1800*50, 1800*300, -1, 1.5
		}},
		{"no width", []plotter.XYs{noisy(50)}, 0, nil},
		{"one piece", []plotter.XYs{{{X: 0, Y: 0}, {X: 1, Y: math.Nextafter(0, 1)}}}, 1, nil},
		{"pieces and dots", []plotter.XYs{noisy(128), {{X: 400, Y: 9}}, noisy(128), flat(5, 2), {{X: -3, Y: -4}}, noisy(60)}, 1.5, nil},
		{"dots at the extremes", []plotter.XYs{{{X: 0, Y: 3}}, flat(30, 3), {{X: 29, Y: 3}}, spikes}, 1, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			// Drawn as gonum's Lines (and Scatters for the dots), as a
			// paddedLine each, and as one paddedLine of them all.
			draws := [3][]byte{}
			areas := [3]vg.Rectangle{}
			for k := range 3 {
				p := plot.New()
				group := &paddedLine{width: c.width, memo: &boxMemo{}}
				for _, xy := range c.lines {
					var q plot.Plotter
					if len(xy) == 1 {
						dot, err := plotter.NewScatter(xy)
						if err != nil {
							t.Fatal(err)
						}
						dot.GlyphStyle = draw.GlyphStyle{Color: color.Black, Radius: c.width * 1.5, Shape: draw.CircleGlyph{}}
						q = dot
					} else {
						l, err := plotter.NewLine(xy)
						if err != nil {
							t.Fatal(err)
						}
						l.LineStyle = draw.LineStyle{Color: color.Black, Width: c.width}
						q = l
					}
					switch k {
					case 0:
						p.Add(q)
					case 1:
						p.Add(&paddedLine{parts: []plot.Plotter{q}, width: c.width, memo: &boxMemo{}})
					default:
						group.parts = append(group.parts, q)
					}
				}
				if k == 2 {
					p.Add(group)
				}
				if c.axes != nil {
					c.axes(p)
				}
				img := vgimg.New(300, 200)
				dc := draw.New(img)
				areas[k] = p.DataCanvas(dc).Rectangle
				p.Draw(dc)
				var b bytes.Buffer
				if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&b); err != nil {
					t.Fatal(err)
				}
				draws[k] = b.Bytes()
			}
			for k, how := range []string{"", "a paddedLine each", "one paddedLine"} {
				if k == 0 {
					continue
				}
				if areas[0] != areas[k] {
					t.Errorf("%s: data area %v, gonum's Line gives %v", how, areas[k], areas[0])
				}
				if !bytes.Equal(draws[0], draws[k]) {
					t.Errorf("%s: the PNGs differ", how)
				}
			}
		})
	}
}

// TestThinRunsKeepsTheEnvelope: a line of many short runs (a year of a
// channel open by day) thinned to a chart's pixel columns keeps, in every
// column of the line's grid, the least and greatest value its points reach
// there, run by run (so the gaps stay and the line's extent in each column
// is the data's); each run keeps its first and last point, its points in
// order; and far fewer points are drawn. A line short enough is kept whole.
// Seen to catch: thinning each run on its own grid (the runs were then
// kept whole), and keeping a column's first and last but not its extremes.
func TestThinRunsKeepsTheEnvelope(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const columns = 300
	var s series
	for day := range 365 {
		for k := range 48 {
			x := float64(day*48+k) * 1800
			y := math.NaN() // closed at night: a gap
			if k >= 16 && k < 40 {
				y = rng.ExpFloat64()
				if rng.IntN(500) == 0 {
					y = 50 // a rare spike
				}
			}
			s.add(x, y)
			s.add(x+1800, y) // a step: each value held over its interval
		}
	}
	runs := s.runs()
	thinned := thinRuns(runs, columns)
	if len(thinned) != len(runs) {
		t.Fatalf("%d runs thinned, want %d: the gaps stay", len(thinned), len(runs))
	}
	x0 := runs[0].X[0]
	span := runs[len(runs)-1].X[runs[len(runs)-1].Len()-1] - x0
	col := func(x float64) int { return min(columns-1, int(columns*(x-x0)/span)) }
	type extent struct{ lo, hi float64 }
	envelope := func(r series) map[int]extent {
		e := map[int]extent{}
		for i, x := range r.X {
			c := col(x)
			ex, ok := e[c]
			if !ok {
				ex = extent{r.Y[i], r.Y[i]}
			}
			e[c] = extent{min(ex.lo, r.Y[i]), max(ex.hi, r.Y[i])}
		}
		return e
	}
	all, kept := 0, 0
	for i, r := range runs {
		th := thinned[i]
		all, kept = all+r.Len(), kept+th.Len()
		if th.X[0] != r.X[0] || th.Y[0] != r.Y[0] || th.X[th.Len()-1] != r.X[r.Len()-1] || th.Y[th.Len()-1] != r.Y[r.Len()-1] {
			t.Fatalf("run %d: ends not kept", i)
		}
		if !slices.IsSorted(th.X) {
			t.Fatalf("run %d: points out of order", i)
		}
		if got, want := envelope(th), envelope(r); !reflect.DeepEqual(got, want) {
			t.Fatalf("run %d: drawn envelope by column %v, the data's %v", i, got, want)
		}
	}
	if kept > all/3 {
		t.Errorf("%d of %d points kept: want far fewer", kept, all)
	}
	if short := thinRuns(runs[:10], columns); !reflect.DeepEqual(short, runs[:10]) {
		t.Error("ten days, fewer points than four a column, were thinned")
	}
}

// TestPaddedLineMemoFollowsAxes: the boxes a paddedLine keeps from one call
// are given again only for the same plot on the same axes; other axes, or
// another plot, get boxes computed afresh, equal to those of a line with
// no memo.
// Seen to catch: a memo that ignored the axes (the second case).
func TestPaddedLineMemoFollowsAxes(t *testing.T) {
	xy := plotter.XYs{{X: 0, Y: 1}, {X: 1, Y: 3}, {X: 2, Y: -1}, {X: 3, Y: 2}}
	l, err := plotter.NewLine(xy)
	if err != nil {
		t.Fatal(err)
	}
	l.LineStyle.Width = vg.Points(2)
	memo := &paddedLine{parts: []plot.Plotter{l}, width: l.LineStyle.Width, memo: &boxMemo{}}
	fresh := &paddedLine{parts: []plot.Plotter{l}, width: l.LineStyle.Width}
	p, q := plot.New(), plot.New()
	for _, c := range []struct {
		name       string
		p          *plot.Plot
		x0, x1, y0 float64
	}{
		{"first", p, 0, 3, -1},
		{"same plot, other axes", p, 1, 2, 0},
		{"same axes again", p, 1, 2, 0},
		{"another plot", q, 0, 3, -1},
	} {
		c.p.X.Min, c.p.X.Max, c.p.Y.Min, c.p.Y.Max = c.x0, c.x1, c.y0, 3
		got, want := memo.GlyphBoxes(c.p), fresh.GlyphBoxes(c.p)
		if !slices.Equal(got, want) {
			t.Errorf("%s: got boxes %v, want %v", c.name, got, want)
		}
	}
}
