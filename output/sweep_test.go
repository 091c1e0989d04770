package output_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

func TestSweepFigures(t *testing.T) {
	r := fixture.FakeSweep(t, 2, []string{"email.*", "cost", "pools.back.cost", "email.offered"}, []string{"1"})
	var keys []string
	for _, f := range r.Chosen {
		keys = append(keys, r.Figures[f].Key)
	}
	if len(keys) != len(models.Figures)+2 || keys[0] != "email.offered" || keys[len(keys)-1] != "pools.back.cost" {
		t.Errorf("chosen %v", keys)
	}
	// The total cost is the mean over replications of the pools' costs
	// added up, and its half-width theirs.
	var costs []float64
	for _, res := range r.Points[0].Results {
		costs = append(costs, res.Pools[0].Total.Cost+res.Pools[1].Total.Cost)
	}
	want := output.MeanCI(costs)
	if got := r.Estimate(0, slices.IndexFunc(r.Figures, func(f output.SweepFigure) bool { return f.Key == "cost" })); got != want {
		t.Errorf("cost: got %v, want %v", got, want)
	}
	for _, bad := range [][]string{{"phone.service_levle"}, {"nothing.*"}} {
		_, err := output.NewSweepReport("g", "", "", []string{"a"}, [][]string{{"1"}}, []*models.Config{fixture.GoldenWorld()}, [][]*models.Result{nil}, bad)
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("no figure %q in this scenario", bad[0])) {
			t.Errorf("%v: got %v", bad, err)
		}
	}
	seen := map[string]bool{}
	for _, f := range r.Figures {
		if seen[f.Key] {
			t.Errorf("key %s twice", f.Key)
		}
		seen[f.Key] = true
	}
}
