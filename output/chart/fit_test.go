package chart

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/omnisim/omnisim/output/internal/fixture"
)

// TestFitCharts: the handle-time and check charts draw, PNG and SVG at
// the size asked and not blank, and with too little data draw honestly.
func TestFitCharts(t *testing.T) {
	law := distuv.LogNormal{Mu: 5, Sigma: 0.7}
	var sample []float64
	for i := range 2000 {
		sample = append(sample, law.Quantile((float64(i)+0.5)/2000))
	}
	c := HandleTime("handle-phone", "phone", sample, []FittedLaw{{Name: "lognormal", PDF: law.Prob}})
	fixture.CheckPNG(t, c.Name, render(t, c, "png", 800, 400), 800, 400)
	svg := render(t, c, "svg", 800, 400)
	fixture.CheckSVG(t, c.Name, svg, 800, 400)
	// A lognormal's density at 0 is NaN in floating point; drawn, it sent
	// the line off the plot.
	if strings.Contains(string(svg), "NaN") {
		t.Errorf("%s: the SVG holds NaN coordinates", c.Name)
	}
	few := HandleTime("handle-few", "few", []float64{60}, nil)
	fixture.CheckPNG(t, few.Name, render(t, few, "png", 800, 400), 800, 400)

	var figs []CheckSeries
	for m, label := range []string{"contacts per day", "abandoned (%)", "mean wait (s)", "service level (%)", "waited (%)"} {
		fs := CheckSeries{Label: label, Scale: 1}
		if m == 1 || m >= 3 {
			fs.Scale = 100
		}
		for k := range 24 {
			v := float64(k) / 24
			if k < 6 && m > 0 {
				v = math.NaN() // nobody calls at night
			}
			fs.Log = append(fs.Log, v)
			fs.Sim = append(fs.Sim, v*1.1)
		}
		figs = append(figs, fs)
	}
	cc := Check(figs, 3600)
	fixture.CheckPNG(t, cc.Name, render(t, cc, "png", 1000, CheckHeight), 1000, CheckHeight)
}
