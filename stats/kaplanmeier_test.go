package stats

import (
	"slices"
	"testing"
)

// sixMP returns the remission times in weeks of the 21 leukaemia patients
// given 6-mercaptopurine in Freireich et al. (1963, Blood 21, 699–716),
// binned by the week: events[t] relapsed in week t, censored[t] were
// still in remission when last seen in week t. Their Kaplan–Meier curve
// is the textbook example (Kleinbaum and Klein, "Survival Analysis: A
// Self-Learning Text", chapter 2): survival 0.8571 after week 6, 0.8067
// after 7, 0.7529 after 10, 0.6902 after 13, 0.6275 after 16, 0.5378
// after 22 and 0.4482 after 23, where it stays to week 35; the median is
// 23 weeks. A patient censored in week 6 counts as at risk at week 6's
// relapses (21 at risk there), as the estimator takes them.
func sixMP() (events, censored []float64) {
	events, censored = make([]float64, 36), make([]float64, 36)
	for _, t := range []int{6, 6, 6, 7, 10, 13, 16, 22, 23} {
		events[t]++
	}
	for _, t := range []int{6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35} {
		censored[t]++
	}
	return events, censored
}

// TestKaplanMeierMedian checks the median's bin against the published
// median of the 6-MP patients (23 weeks, sixMP), and the rule the doc
// comment states at its edges: the first bin at whose end the survival is
// one half or below, so a survival of exactly ½ (two relapses of four at
// risk) is the median (Brookmeyer and Crowley 1982 take inf{t: S(t) ≤ ½});
// no bin when the survival stays above one half, or with no event at all.
//
// Seen to catch: events[t] + censored[t] made a difference in the count
// at risk or in its update; atRisk <= 0 made atRisk > 0; d > 0 made
// d <= 0; 1 − d/atRisk made 1 + d/atRisk or 1 − d·atRisk; surv <= 0.5
// made surv < 0.5 (the exact half) or surv > 0.5.
func TestKaplanMeierMedian(t *testing.T) {
	events, censored := sixMP()
	cases := []struct {
		name             string
		events, censored []float64
		want             int
	}{
		{"6-MP", events, censored, 23},
		{"exactly one half", []float64{0, 2, 0, 1}, []float64{0, 0, 1, 0}, 1},
		{"above one half", []float64{1, 0, 0}, []float64{0, 1, 2}, -1},
		{"no events", []float64{0, 0}, []float64{3, 1}, -1},
		{"nothing", nil, nil, -1},
	}
	for _, c := range cases {
		if got := KaplanMeierMedian(c.events, c.censored); got != c.want {
			t.Errorf("%s: got bin %d, want %d", c.name, got, c.want)
		}
	}
}

// TestKaplanMeierQuantiles checks the quantiles' bins against the
// published curve of the 6-MP patients (sixMP): the distribution function
// 1 − S first reaches 0.05 in week 6 (0.1429), 0.15 in week 7 (0.1933),
// 0.2 in week 10 (0.2471), 0.25 and 0.3 in week 13 (0.3098), 0.35 in
// week 16 (0.3725), 0.4 in week 22 (0.4622), 0.5 and 0.55 in week 23
// (0.5518), and never 0.56 or 0.9. A probability the function reaches
// exactly (½ after two relapses of four at risk) is reached in that bin:
// the quantile is inf{t: F(t) ≥ p}.
//
// Seen to catch: events[t] + censored[t] made a difference in the count
// at risk or in its update; the loop over bins' t < len made t <= len or
// t >= len, its i < len(ps) made i >= len(ps), its t++ made t--; d > 0
// or atRisk > 0 made <= 0; 1 − d/atRisk made 1 + d/atRisk or 1 − d·atRisk;
// the inner loop's i < len(ps) made <= or >=, its 1 − surv made 1 + surv,
// its 1 − surv >= p made > p (the exact half) or < p, its i++ made i--;
// the filling loop's i < len(ps) made <= or >=, its i++ made i--.
func TestKaplanMeierQuantiles(t *testing.T) {
	events, censored := sixMP()
	ps := []float64{0.05, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.55, 0.56, 0.9}
	want := []int{6, 7, 10, 13, 13, 16, 22, 23, 23, -1, -1}
	if got := KaplanMeierQuantiles(events, censored, ps); !slices.Equal(got, want) {
		t.Errorf("6-MP: got bins %v, want %v", got, want)
	}
	if got := KaplanMeierQuantiles([]float64{0, 2, 0, 1}, []float64{0, 0, 1, 0}, []float64{0.5, 0.6}); !slices.Equal(got, []int{1, 3}) {
		t.Errorf("exactly one half: got bins %v, want [1 3]", got)
	}
	if got := KaplanMeierQuantiles([]float64{0, 0}, []float64{3, 1}, []float64{0.1}); !slices.Equal(got, []int{-1}) {
		t.Errorf("no events: got bins %v, want [-1]", got)
	}
}
