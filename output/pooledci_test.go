package output

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/stats"
)

// channelValue is channel figure f of tallies added up over n
// replications as the tables by day and interval wrote it before
// countsHalfWidths: the reputation, a reading added up, divided into its
// mean first.
func channelValue(f models.Figure[models.Counts], sum *models.Counts, n int) float64 {
	c := *sum
	c.Reputation /= float64(max(1, n))
	return PerReplication(f, &c, max(1, n))
}

// TestCountsHalfWidthsAsPooled: countsHalfWidths, which makes its sums in
// memory it reuses and divides each sum's reputation once, gives every
// period's half-widths the same bits as pooledHalfWidths of channelValue
// (each period on its own, each figure dividing its own copy), NaN for a
// figure that does not apply to the kind, for random tallies of 2 to 21
// batches of unequal weights over a range of periods, some of them empty
// (NaN figures), and with one batch all NaN.
// Seen to catch: the reputation divided by the units of the wrong batch; a
// count divided by the replications of every batch, not those left.
func TestCountsHalfWidthsAsPooled(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	tally := func() models.Counts {
		if rng.IntN(5) == 0 {
			return models.Counts{} // an empty period: its ratios NaN
		}
		c := models.Counts{Offered: rng.Int64N(500) + 1, Backlog: rng.Int64N(9)}
		c.Answered = rng.Int64N(c.Offered + 1)
		c.Abandoned = rng.Int64N(c.Offered - c.Answered + 1)
		c.Waited, c.AnsweredWithin, c.Resolved = rng.Int64N(c.Offered+1), rng.Int64N(c.Answered+1), rng.Int64N(c.Answered+1)
		c.CallbacksOffered, c.CallbacksAccepted = rng.Int64N(9), rng.Int64N(3)
		c.WaitAnswered, c.WaitAbandoned = rng.Float64()*1e4, rng.Float64()*1e3
		c.HandleTime, c.WrapTime, c.CallbackDelay = rng.Float64()*1e5, rng.Float64()*1e4, rng.Float64()*1e3
		c.BusyTime, c.AgentTime, c.Reputation = rng.Float64()*1e5, rng.Float64()*2e5, rng.Float64()*300
		return c
	}
	kinds := []models.ChannelKind{models.Live, models.Deferred, models.SelfService}
	for trial := range 60 {
		g := 1 + trial%21
		if trial == 0 {
			g = 1
		}
		const periods = 12
		perRep := make([][]models.Counts, g)
		weights := make([]int, g)
		for k := range perRep {
			weights[k] = 1 + rng.IntN(4)
			perRep[k] = make([]models.Counts, periods)
			for d := range perRep[k] {
				perRep[k][d] = tally()
			}
		}
		kind := kinds[trial%len(kinds)]
		from, to := trial%5, periods-trial%3
		got := countsHalfWidths(kind, perRep, weights, from, to)
		if len(got) != to-from {
			t.Fatalf("trial %d: %d periods, want %d", trial, len(got), to-from)
		}
		jk := stats.NewJackknife(g, 0.95)
		parts := make([]models.Counts, g)
		for d := from; d < to; d++ {
			for k := range perRep {
				parts[k] = perRep[k][d]
			}
			want := pooledHalfWidths(make([]float64, len(models.Figures)), models.Figures, parts, weights, (*models.Counts).Add, channelValue, jk)
			for fi, f := range models.Figures {
				if !models.FigureApplies(kind, f.Key) {
					want[fi] = math.NaN()
				}
				if math.Float64bits(got[d-from][fi]) != math.Float64bits(want[fi]) {
					t.Errorf("trial %d (%d batches, %s), period %d, %s: %v, want %v", trial, g, kind, d, f.Key, got[d-from][fi], want[fi])
				}
			}
		}
	}
}

// TestChannelFigurerAsPerReplication: a channelFigurer gives every figure
// of a channel's tallies the same bits as PerReplication of each figure
// that applies to the channel's kind (NaN for the others), as
// ChannelFigures first computed them, for random tallies of channels of
// every kind and runs of 1 to 5 replications, appended after 0 to 3
// values that stay as they were.
// Seen to catch: a count not divided by the replications; the figures
// written from out's start, over the values before them.
func TestChannelFigurerAsPerReplication(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	kinds := []models.ChannelKind{models.Live, models.Deferred, models.SelfService}
	for trial := range 30 {
		reps := 1 + trial%5
		cfg := &models.Config{Channels: []models.Channel{{Kind: kinds[trial%3]}}}
		r := &RunReport{Config: cfg, Results: make([]*models.Result, reps)}
		c := models.Counts{Offered: rng.Int64N(500), Answered: rng.Int64N(400), Abandoned: rng.Int64N(50), Waited: rng.Int64N(300),
			AnsweredWithin: rng.Int64N(300), WaitAnswered: rng.Float64() * 1e4, HandleTime: rng.Float64() * 1e5,
			BusyTime: rng.Float64() * 1e5, AgentTime: rng.Float64() * 2e5, Reputation: rng.Float64() * 300, Backlog: rng.Int64N(9)}
		lead := make([]float64, trial%4, trial%4+trial%7)
		for k := range lead {
			lead[k] = float64(-1 - k)
		}
		got := r.channelFigurer(0).append(lead, &c)
		if len(got) != len(lead)+len(models.Figures) {
			t.Fatalf("trial %d: %d values, want %d", trial, len(got), len(lead)+len(models.Figures))
		}
		for k := range lead {
			if got[k] != float64(-1-k) {
				t.Errorf("trial %d: value %d before the figures = %v, want %v", trial, k, got[k], -1-k)
			}
		}
		got = got[len(lead):]
		for fi, f := range models.Figures {
			want := math.NaN()
			if models.FigureApplies(cfg.Channels[0].Kind, f.Key) {
				want = PerReplication(f, &c, reps)
			}
			if math.Float64bits(got[fi]) != math.Float64bits(want) && !(math.IsNaN(got[fi]) && math.IsNaN(want)) {
				t.Errorf("trial %d (%s, %d replications), %s: %v, want %v", trial, cfg.Channels[0].Kind, reps, f.Key, got[fi], want)
			}
		}
	}
}
