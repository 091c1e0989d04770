package plan

import (
	"math"
	"testing"
)

// TestDecideAtPrecision: the verdict of a check: met or missed when the interval clears the
// target, decided by the mean once the interval is within the precision,
// undecided otherwise; for a floor (service level) and a cap
// (abandonment) alike.
func TestDecideAtPrecision(t *testing.T) {
	floor := Target{Kind: ServiceLevel, Value: 0.80}
	cap := Target{Kind: Abandonment, Value: 0.05}
	const precision = 0.02
	nan := math.NaN()
	tests := []struct {
		name       string
		target     Target
		mean, half float64
		want       Status
	}{
		{"floor: interval wholly above", floor, 0.90, 0.05, Met},
		{"floor: lower end on the target", floor, 0.85, 0.05, Met},
		{"floor: interval wholly below", floor, 0.70, 0.05, Missed},
		{"floor: straddles, wide", floor, 0.81, 0.05, Undecided},
		{"floor: straddles, mean below, wide", floor, 0.79, 0.05, Undecided},
		{"floor: straddles, within precision, mean above", floor, 0.805, 0.019, Met},
		{"floor: straddles, within precision, mean below", floor, 0.795, 0.019, Missed},
		{"floor: half-width exactly the precision", floor, 0.801, 0.02, Met},
		{"floor: one replication", floor, 0.95, nan, Undecided},
		{"floor: no data", floor, nan, nan, NoData},
		{"floor: no spread", floor, 0.80, 0, Met},
		{"cap: interval wholly below", cap, 0.02, 0.01, Met},
		{"cap: interval wholly above", cap, 0.09, 0.03, Missed},
		{"cap: straddles, wide", cap, 0.04, 0.03, Undecided},
		{"cap: straddles, within precision, mean below the cap", cap, 0.045, 0.01, Met},
		{"cap: straddles, within precision, mean above the cap", cap, 0.055, 0.01, Missed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := decide(tc.target, tc.mean, tc.half, precision); got != tc.want {
				t.Errorf("decide(%v ± %v against %v) = %q, want %q", tc.mean, tc.half, tc.target.Value, got, tc.want)
			}
		})
	}
}
