package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/omnisim/omnisim/output"
)

// FittedLaw is a distribution fitted to a sample, for HandleTime.
type FittedLaw struct {
	// Name is the law's legend entry, "lognormal (KS 0.031)".
	Name string
	// PDF is its density, per second.
	PDF func(float64) float64
}

// HandleTime draws a channel's handle times in a log as a histogram of
// densities, in minutes, with the densities of the laws fitted to them:
// how well each law fits is seen at a glance.
func HandleTime(name, channel string, sample []float64, laws []FittedLaw) Chart {
	c := Chart{Name: name, Title: "Handle times on " + channel + ": the log against the fitted laws",
		Note: fmt.Sprintf("A histogram of %s handle times from the log (a uniform sample of them), as densities, with the density of each law fitted by maximum likelihood.", output.Thousands(int64(len(sample))))}
	c.build = func(f frame) (*figure, error) {
		p := newPlot()
		p.X.Label.Text = "handle time (minutes)"
		p.Y.Label.Text = "density (per minute)"
		fig := &figure{notes: []string{""}}
		if len(sample) < 2 {
			fig.notes[0] = "Too few handle times to draw."
			fig.panels = []*plot.Plot{p}
			return fig, nil
		}
		s := slices.Clone(sample)
		slices.Sort(s)
		// Up to the 99th percentile: a long tail would squash the rest.
		hi := s[int(0.99*float64(len(s)-1))] / 60
		bins := 60
		width := hi / float64(bins)
		counts := make([]float64, bins)
		for _, v := range s {
			if k := int(v / 60 / width); k < bins {
				counts[k]++
			}
		}
		var hist plotter.XYs
		top := 0.0
		for k, n := range counts {
			d := n / float64(len(s)) / width
			hist = append(hist, plotter.XY{X: (float64(k) + 0.5) * width, Y: d})
			top = math.Max(top, d)
		}
		h, err := plotter.NewHistogram(hist, bins)
		if err != nil {
			return nil, err
		}
		h.FillColor = color.RGBA{0xCC, 0xCC, 0xCC, 0xFF}
		h.LineStyle = draw.LineStyle{Color: color.White, Width: vg.Points(0.3)}
		p.Add(h)
		fig.legend = append(fig.legend, legendItem{name: "the log", color: h.FillColor, thumbs: []plot.Thumbnailer{h}})
		for i, law := range laws {
			pdf := law.PDF
			fn := plotter.NewFunction(func(m float64) float64 {
				// At 0 a lognormal's density is 0/0 in floating point: a
				// NaN would send the line off the plot.
				if d := 60 * pdf(60*m); m > 0 && !math.IsNaN(d) && !math.IsInf(d, 0) {
					return d
				}
				return 0
			})
			fn.Samples = 400
			fn.LineStyle = channelStyle(i)
			fn.LineStyle.Width = vg.Points(2)
			p.Add(fn)
			fig.legend = append(fig.legend, legendItem{name: law.Name, color: fn.LineStyle.Color, thumbs: []plot.Thumbnailer{legendLine(fn.LineStyle)}})
		}
		// Room above the tallest bar; a density that rises higher (a
		// lognormal near zero) is cut at the top.
		p.X.Min, p.X.Max = 0, hi
		p.Y.Min, p.Y.Max = 0, 1.25*top
		fig.panels = []*plot.Plot{p}
		return fig, nil
	}
	return c
}

// CheckHeight is the height Check is drawn at by default, in
// pixels: five panels need more than one.
const CheckHeight = 1350

// CheckSeries is one figure of a check by time of day: its label (with
// its unit), the factor its values are drawn at (100 for a share), and the
// log's and the simulation's values by interval of the day (NaN where
// there are none).
type CheckSeries struct {
	Label    string
	Scale    float64
	Log, Sim []float64
}

// Check draws a log against the simulation of the scenario fitted to
// it, by time of day, a panel per figure, each observed (solid) and
// simulated (dashed); interval is the length of an interval, in seconds.
func Check(figures []CheckSeries, interval float64) Chart {
	c := Chart{Name: "check", Title: "The log against the fitted scenario, by time of day",
		Note: "Solid: the log; dashed: the fitted scenario simulated. Contacts per day weigh every weekday alike."}
	c.build = func(f frame) (*figure, error) {
		fig := &figure{}
		for m, fs := range figures {
			p := newPlot()
			p.Title.Text = fs.Label
			p.Y.Label.Text = fs.Label
			if m == len(figures)-1 {
				p.X.Label.Text = "time of day (hours)"
			}
			for i, series := range [2][]float64{fs.Log, fs.Sim} {
				var pts plotter.XYs
				for k, v := range series {
					if !math.IsNaN(v) && !math.IsInf(v, 0) {
						pts = append(pts, plotter.XY{X: (float64(k) + 0.5) * interval / 3600, Y: v * fs.Scale})
					}
				}
				if len(pts) < 2 {
					continue
				}
				l, err := plotter.NewLine(pts)
				if err != nil {
					return nil, err
				}
				l.LineStyle = channelStyle(0)
				l.LineStyle.Width = vg.Points(1.5)
				if i == 1 {
					l.LineStyle = channelStyle(1)
					l.LineStyle.Width = vg.Points(1.5)
					l.LineStyle.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
				}
				p.Add(l)
				if m == 0 {
					fig.legend = append(fig.legend, legendItem{name: [2]string{"the log", "the fitted scenario"}[i], color: l.LineStyle.Color,
						thumbs: []plot.Thumbnailer{legendLine(l.LineStyle)}})
				}
			}
			p.X.Min, p.X.Max = 0, 24
			p.Y.Min = 0
			fig.panels = append(fig.panels, p)
			fig.notes = append(fig.notes, "")
		}
		return fig, nil
	}
	return c
}
