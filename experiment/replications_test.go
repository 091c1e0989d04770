package experiment

import "testing"

// TestReplications checks the rule for a run's replications: the number
// given when above 0 (--reps), else the scenario's; and with precision
// targets at least MinPrecisionReps, the more of the two.
//
// Seen to catch: given > 0 made given >= 0 (--reps left out would run
// none); Start's max made min.
func TestReplications(t *testing.T) {
	for _, tt := range []struct{ scenario, given, want int }{
		{20, 0, 20},
		{20, 3, 3},
		{1, 40, 40},
	} {
		if got := Replications(tt.scenario, tt.given); got != tt.want {
			t.Errorf("Replications(%d, %d) = %d, want %d", tt.scenario, tt.given, got, tt.want)
		}
	}
	p := &Precision{}
	for _, tt := range []struct{ reps, want int }{{1, MinPrecisionReps}, {MinPrecisionReps, MinPrecisionReps}, {30, 30}} {
		if got := p.Start(tt.reps); got != tt.want {
			t.Errorf("Start(%d) = %d, want %d", tt.reps, got, tt.want)
		}
	}
}
