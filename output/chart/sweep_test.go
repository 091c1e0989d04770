package chart

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

func TestSweepChartsRender(t *testing.T) {
	r := fixture.FakeSweep(t, 3, nil, []string{"1", "2", "4"}, "0.3", "0.5")
	charts := Sweep(r)
	var names []string
	for _, c := range charts {
		names = append(names, c.Name)
		if c.Title == "" || c.Note == "" {
			t.Errorf("%s: title %q, note %q: want both", c.Name, c.Title, c.Note)
		}
		fixture.CheckPNG(t, c.Name+".png", render(t, c, "png", DefaultWidth, DefaultHeight), DefaultWidth, DefaultHeight)
		fixture.CheckSVG(t, c.Name+".svg", render(t, c, "svg", 800, 500), 800, 500)
	}
	want := []string{"phone.service_level", "phone.p_abandon", "chat.service_level", "chat.p_abandon", "email.service_level",
		"customers.contacts_per_resolution", "cost"}
	if !slices.Equal(names, want) {
		t.Errorf("charts %v, want %v", names, want)
	}
	sl := charts[0]
	if !strings.Contains(sl.Title, "against pools.front.agents, by journey.retry") {
		t.Errorf("title %q", sl.Title)
	}
	if !strings.Contains(sl.Note, "mean over 3 replications; the bars are 95 % confidence intervals") ||
		!strings.Contains(sl.Note, "seed 7 (common random numbers)") {
		t.Errorf("note %q", sl.Note)
	}
}

// TestSweepChartsDegenerate: sweeps with little to show are drawn, and
// their notes say what is missing, instead of failing or inventing.
func TestSweepChartsDegenerate(t *testing.T) {
	check := func(t *testing.T, c Chart) {
		t.Helper()
		fixture.CheckPNG(t, c.Name, render(t, c, "png", 640, 400), 640, 400)
		fixture.CheckSVG(t, c.Name, render(t, c, "svg", 640, 400), 640, 400)
	}
	t.Run("one point, one replication", func(t *testing.T) {
		r := fixture.FakeSweep(t, 1, []string{"phone.service_level"}, []string{"3"})
		c := Sweep(r)[0]
		check(t, c)
		if !strings.Contains(c.Note, "single replication, so it has no confidence interval") {
			t.Errorf("note %q", c.Note)
		}
	})
	t.Run("no data at some points", func(t *testing.T) {
		r := fixture.FakeSweep(t, 2, []string{"phone.asa_seconds"}, []string{"1", "2", "3", "4"})
		// Nobody called at points 2 and 4: the figure is undefined there.
		for _, p := range []int{1, 3} {
			for _, res := range r.Points[p].Results {
				res.Channels[0].Total = models.Counts{}
			}
		}
		r = rebuild(t, r)
		if e := r.Estimate(1, r.Chosen[0]); !math.IsNaN(e.Mean) {
			t.Fatalf("point 2: got %v, want NaN", e.Mean)
		}
		c := Sweep(r)[0]
		check(t, c)
		if !strings.Contains(c.Note, "No data (left out) at pools.front.agents=2; pools.front.agents=4.") {
			t.Errorf("note %q", c.Note)
		}
	})
	t.Run("no data anywhere", func(t *testing.T) {
		r := fixture.FakeSweep(t, 2, []string{"phone.asa_seconds"}, []string{"1", "2"})
		for p := range r.Points {
			for _, res := range r.Points[p].Results {
				res.Channels[0].Total = models.Counts{}
			}
		}
		c := Sweep(rebuild(t, r))[0]
		check(t, c)
		if !strings.Contains(c.Note, "No data (left out) at pools.front.agents=1; pools.front.agents=2.") {
			t.Errorf("note %q", c.Note)
		}
	})
	t.Run("values that are not numbers", func(t *testing.T) {
		r := fixture.FakeSweep(t, 2, []string{"cost"}, []string{"2m", "5m", "never"})
		ax := newSweepAxis(r)
		if ax.numeric || !slices.Equal(ax.x, []float64{0, 1, 2}) {
			t.Errorf("axis: numeric %v at %v, want categories at 0, 1, 2", ax.numeric, ax.x)
		}
		check(t, Sweep(r)[0])
	})
	t.Run("more lines than drawn", func(t *testing.T) {
		var many []string
		for i := range 12 {
			many = append(many, fmt.Sprint(i))
		}
		r := fixture.FakeSweep(t, 2, []string{"phone.service_level"}, []string{"1", "2"}, many...)
		c := Sweep(r)[0]
		check(t, c)
		if !strings.Contains(c.Note, "Only the first 10 of 12 lines are drawn; sweep.csv holds every point.") {
			t.Errorf("note %q", c.Note)
		}
	})
}

// rebuild merges r's points' results again, after a test changed them.
func rebuild(t *testing.T, r *output.SweepReport) *output.SweepReport {
	t.Helper()
	var values [][]string
	var cfgs []*models.Config
	var results [][]*models.Result
	for _, p := range r.Points {
		values, cfgs, results = append(values, p.Values), append(cfgs, p.Config), append(results, p.Results)
	}
	var chosen []string
	for _, f := range r.Chosen {
		chosen = append(chosen, r.Figures[f].Key)
	}
	out, err := output.NewSweepReport(r.Name, r.Title, r.File, r.Params, values, cfgs, results, chosen)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
