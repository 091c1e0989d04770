package models

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestTimeOfDayIsMod checks that timeOfDay is math.Mod(t, 86400) to the
// bit: at whole days and the numbers either side of them (where t/86400
// rounds up to the next day), at random times over a century and at times
// past 2⁵², where it leaves the work to math.Mod. Seen to catch: the
// subtraction's range test loosened (r > 0, r <= 86400) and the fallback
// dropped.
func TestTimeOfDayIsMod(t *testing.T) {
	var ts []float64
	for day := 0.0; day < 3000; day += 7 {
		at := day * 86400
		ts = append(ts, at, math.Nextafter(at, -1), math.Nextafter(at, math.Inf(1)), at+0.5, at+86399.999)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		ts = append(ts, rng.Float64()*100*365*86400, rng.Float64()*86400)
	}
	ts = append(ts, 1<<52, 1<<53+86400*3, 1e300, math.Nextafter(1<<52, 0))
	for _, at := range ts {
		if at < 0 {
			continue
		}
		got, want := timeOfDay(at), math.Mod(at, 86400)
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("timeOfDay(%v) = %v, want math.Mod's %v", at, got, want)
		}
	}
}
