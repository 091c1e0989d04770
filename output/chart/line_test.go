package chart

import (
	"bytes"
	"image/color"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// TestPaddedLineDrawsAsGonums: a plot of lines whose glyph boxes are
// paddedLine's few is padded and drawn exactly as one of gonum's Lines, with a box
// for every point: the same data area, the same PNG bytes. The cases put
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
	} {
		t.Run(c.name, func(t *testing.T) {
			draws := [2][]byte{}
			areas := [2]vg.Rectangle{}
			for k := range 2 {
				p := plot.New()
				for _, xy := range c.lines {
					l, err := plotter.NewLine(xy)
					if err != nil {
						t.Fatal(err)
					}
					l.LineStyle = draw.LineStyle{Color: color.Black, Width: c.width}
					if k == 0 {
						p.Add(l)
					} else {
						p.Add(paddedLine{l})
					}
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
			if areas[0] != areas[1] {
				t.Errorf("data area %v, gonum's Line gives %v", areas[1], areas[0])
			}
			if !bytes.Equal(draws[0], draws[1]) {
				t.Errorf("the PNGs differ")
			}
		})
	}
}
