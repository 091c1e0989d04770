package table

import (
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/internal/fixture"
)

// TestDescribeSource: a channel's contacts come from its own arrivals,
// from customers who choose it, or from the channels that send them on.
func TestDescribeSource(t *testing.T) {
	cfg := fixture.GoldenWorld()
	tier2 := models.Channel{Name: "tier2", Kind: models.Live, HandleTime: models.Dist{Kind: models.Exponential, Mean: 600}}
	cfg.Channels = append(cfg.Channels, tier2)
	cfg.Channels[0].Escalations = []models.Escalation{{To: "tier2", Share: 1, Transfer: true}}
	r := run{&output.RunReport{Config: cfg}}
	for i, want := range []string{"chosen", "chosen", "arrivals 2/h, and chosen", "reached from phone"} {
		if got := r.describeSource(i); got != want {
			t.Errorf("%s: got %q, want %q", cfg.Channels[i].Name, got, want)
		}
	}
}

// TestDescribeAvailability: a pool's availability is described as one
// share, or the range of its shares by interval, with its spell away;
// agents always ready say nothing.
func TestDescribeAvailability(t *testing.T) {
	tests := []struct {
		pool models.Pool
		want string
	}{
		{models.Pool{}, ""},
		{models.Pool{Availability: []float64{1, 1}}, ""},
		{models.Pool{Availability: []float64{0.85}}, "ready for contacts 85.00 % of their time at work, away in spells of 5m on average"},
		{models.Pool{Availability: []float64{0.9, 0.6, 1}, AwaySpell: 120},
			"ready for contacts from 60.00 % to 100.00 % by interval of their time at work, away in spells of 2m on average"},
	}
	for _, tc := range tests {
		if got := describeAvailability(tc.pool); got != tc.want {
			t.Errorf("%v: got %q, want %q", tc.pool.Availability, got, tc.want)
		}
	}
}
