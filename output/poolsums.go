package output

import (
	"math"

	"github.com/omnisim/omnisim/models"
)

// sumOfOne tells whether tallies, added to zeros as poolSums adds up a
// pool's batches, give the same bits: every field of every tally but
// negative zero (0 + −0 is +0) and NaN (whose bits an addition need not
// keep).
func sumOfOne(tallies []models.PoolCounts) bool {
	for _, c := range tallies {
		for _, v := range [...]float64{c.ScheduledTime, c.AgentTime, c.AwayTime, c.BusyTime, c.Cost} {
			if v != v || (v == 0 && math.Signbit(v)) {
				return false
			}
		}
	}
	return true
}
