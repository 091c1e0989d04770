package output

import (
	"testing"

	"github.com/omnisim/omnisim/models"
)

// compareOf compares fake replications of the golden world with
// themselves, or with a copy whose every count is one more.
func CompareOf(reps int, shift bool) *CompareReport {
	cfg := GoldenWorld()
	a, b := FakeResults(cfg, reps), FakeResults(cfg, reps)
	if shift {
		for _, r := range b {
			for i := range r.Channels {
				r.Channels[i].Total.Offered++
				r.Channels[i].Total.Answered++
			}
		}
	}
	return NewCompareReport(Variant{Report: NewRunReport("golden", "", "", cfg, a)},
		Variant{Report: NewRunReport("golden", "", "", cfg, b), Sets: []string{"x=1"}})
}

// fakeSweep makes a sweep of goldenWorld over the given values of one or
// two settings (the second's values, if any, in values2), with reps fake
// replications per point. Point p's results are scaled so that the
// figures differ between points.
func FakeSweep(t *testing.T, reps int, chosen []string, values1 []string, values2 ...string) *SweepReport {
	t.Helper()
	params := []string{"pools.front.agents"}
	var values [][]string
	for _, a := range values1 {
		if len(values2) == 0 {
			values = append(values, []string{a})
			continue
		}
		for _, b := range values2 {
			values = append(values, []string{a, b})
		}
	}
	if len(values2) > 0 {
		params = append(params, "journey.retry")
	}
	var cfgs []*models.Config
	var results [][]*models.Result
	for p := range values {
		cfg := GoldenWorld()
		cfgs = append(cfgs, cfg)
		res := FakeResults(cfg, reps)
		for _, r := range res {
			r.Channels[0].Total.AnsweredWithin -= int64(p)
		}
		results = append(results, res)
	}
	r, err := NewSweepReport("golden", "a sweep", "f", params, values, cfgs, results, chosen)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
