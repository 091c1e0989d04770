package plan

import (
	"math"
	"testing"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/stats"
)

// TestDecide: a verdict is earned by the whole confidence interval: met
// when it lies on the target's good side, missed when on the bad side,
// undecided when it reaches both or there is none (Target.Decide, and the
// verification's decide at no precision). At a precision (the
// verification's), an interval that reaches both sides but is no wider
// than it is decided by its mean; for a floor (service level) and a cap
// (abandonment) alike.
func TestDecide(t *testing.T) {
	floor := Target{Kind: ServiceLevel, Value: 0.8}
	capped := Target{Kind: Abandonment, Value: 0.05}
	nan := math.NaN()
	for _, tc := range []struct {
		name       string
		t          Target
		mean, half float64
		precision  float64
		want       Verdict
	}{
		{"floor, interval above", floor, 0.85, 0.01, 0, VerdictMet},
		{"floor, interval touching from above", floor, 0.81, 0.01, 0, VerdictMet},
		{"floor, mean above, interval straddles", floor, 0.81, 0.02, 0, VerdictUndecided},
		{"floor, mean below, interval straddles", floor, 0.79, 0.02, 0, VerdictUndecided},
		{"floor, interval below", floor, 0.74, 0.01, 0, VerdictMissed},
		{"floor, no spread, above", floor, 0.9, 0, 0, VerdictMet},
		{"floor, no spread, on the target", floor, 0.8, 0, 0, VerdictMet},
		{"floor, no spread, below", floor, 0.7, 0, 0, VerdictMissed},
		{"floor, one replication", floor, 0.95, nan, 0, VerdictUndecided},
		{"floor, no data", floor, nan, nan, 0, VerdictNoData},
		{"cap, interval below", capped, 0.02, 0.01, 0, VerdictMet},
		{"cap, interval straddles", capped, 0.045, 0.01, 0, VerdictUndecided},
		{"cap, interval above", capped, 0.08, 0.01, 0, VerdictMissed},

		{"floor at 2 points: lower end on the target", floor, 0.85, 0.05, 0.02, VerdictMet},
		{"floor at 2 points: straddles, wide", floor, 0.81, 0.05, 0.02, VerdictUndecided},
		{"floor at 2 points: straddles, mean below, wide", floor, 0.79, 0.05, 0.02, VerdictUndecided},
		{"floor at 2 points: within precision, mean above", floor, 0.805, 0.019, 0.02, VerdictMet},
		{"floor at 2 points: within precision, mean below", floor, 0.795, 0.019, 0.02, VerdictMissed},
		{"floor at 2 points: half-width exactly the precision", floor, 0.801, 0.02, 0.02, VerdictMet},
		{"floor at 2 points: one replication", floor, 0.95, nan, 0.02, VerdictUndecided},
		{"floor at 2 points: no data", floor, nan, nan, 0.02, VerdictNoData},
		{"cap at 2 points: interval wholly above", capped, 0.09, 0.03, 0.02, VerdictMissed},
		{"cap at 2 points: straddles, wide", capped, 0.04, 0.03, 0.02, VerdictUndecided},
		{"cap at 2 points: within precision, mean below the cap", capped, 0.045, 0.01, 0.02, VerdictMet},
		{"cap at 2 points: within precision, mean above the cap", capped, 0.055, 0.01, 0.02, VerdictMissed},
	} {
		if got := decide(tc.t, tc.mean, tc.half, tc.precision); got != tc.want {
			t.Errorf("%s: decide(%v ± %v, precision %v) = %q, want %q", tc.name, tc.mean, tc.half, tc.precision, got, tc.want)
		}
		if got := tc.t.Decide(tc.mean, tc.half); tc.precision == 0 && got != tc.want {
			t.Errorf("%s: Decide(%v, %v) = %q, want %q", tc.name, tc.mean, tc.half, got, tc.want)
		}
	}
}

// TestStandings: the textbook queue's 80 % target judged on hand-made
// replications of four one-hour intervals, whose service levels are, in
// replications 0 to 3: 90 % in each (met, without spread); 50 % and 60 %
// by turns (missed); 70 % and 90 % by turns (mean 80 %, undecided); and no
// contact (no data). The whole window is judged by the mean and interval
// of each replication's pooled service level; the worst period is the
// second.
func TestStandings(t *testing.T) {
	cfg := builtin(t, "textbook", "horizon=4h", "warmup=0", "interval=1h")
	within := [][]int64{{90, 90, 90, 90}, {50, 60, 50, 60}, {70, 90, 70, 90}, {0, 0, 0, 0}}
	offered := []int64{100, 100, 100, 0}
	var results []*models.Result
	for r := range 4 {
		ch := models.ChannelResult{Name: "phone", Intervals: make([]models.Counts, 4)}
		for k := range 4 {
			ch.Intervals[k] = models.Counts{Offered: offered[k], Answered: within[k][r], AnsweredWithin: within[k][r]}
			ch.Total.Add(ch.Intervals[k])
		}
		results = append(results, &models.Result{Replication: r, Channels: []models.ChannelResult{ch}})
	}
	got := Standings(cfg, results, results)
	if len(got) != 1 {
		t.Fatalf("%d standings, want the one target textbook sets", len(got))
	}
	s := got[0]
	if s.Kind != ServiceLevel || s.Value != 0.8 || s.Assumed {
		t.Errorf("target %+v, want the scenario's 80 %% service level", s.Target)
	}
	if s.Periods != 4 || s.Met != 1 || s.Missed != 1 || s.Undecided != 1 || s.NoData != 1 {
		t.Errorf("periods %d: met %d, missed %d, undecided %d, no data %d; want 4: 1, 1, 1, 1", s.Periods, s.Met, s.Missed, s.Undecided, s.NoData)
	}
	var whole []float64
	for _, r := range results {
		c := r.Channels[0].Total
		whole = append(whole, float64(c.AnsweredWithin)/float64(c.Offered))
	}
	mean, half := stats.MeanCI(whole, 0.95)
	if s.Estimate.Mean != mean || s.Estimate.HalfWidth != half || s.Verdict != s.Decide(mean, half) {
		t.Errorf("whole window %v, %q; want %v ± %v, %q", s.Estimate, s.Verdict, mean, half, s.Decide(mean, half))
	}
	if s.Worst.From != 1 || s.WorstMean != 0.55 {
		t.Errorf("worst period %d at %v, want 1 at 0.55", s.Worst.From, s.WorstMean)
	}
}

// TestStandingsOnlyWhatTheScenarioSets: a channel with no target of its
// own is judged against nothing, although the staffing search assumes 80 %
// for it.
func TestStandingsOnlyWhatTheScenarioSets(t *testing.T) {
	cfg := builtin(t, "textbook", "horizon=2h", "warmup=0", "channels.phone.service_level.target=0")
	if ts := Targets(cfg); len(ts) != 1 || !ts[0].Assumed {
		t.Fatalf("Targets: %+v, want the assumed service level alone", ts)
	}
	res, err := experiment.Run{Config: cfg, Reps: experiment.Span(0, 2), Workers: 1}.Results()
	if err != nil {
		t.Fatal(err)
	}
	if s := Standings(cfg, res, res); len(s) != 0 {
		t.Errorf("Standings: %+v, want none", s)
	}
}
