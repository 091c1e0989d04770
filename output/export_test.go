package output

import (
	"os"
	"testing"

	"github.com/omnisim/omnisim/models"
)

// What the external tests (package output_test, which may import the
// rooms above this package) reach of its insides.

// Needed is the agents channel i needed in interval k, given the tallies
// of that interval added up over the replications (intervals.csv's
// needed_agents).
func (r *RunReport) Needed(i, k int, c models.Counts) float64 { return r.needed(i, k, &c) }

// Changed tells whether A and B do not share a verdict on the target.
func (t TargetComparison) Changed() bool { return t.changed() }

// None tells whether neither variant sets the target.
func (t TargetComparison) None() bool { return t.none() }

// MeasuredDays is the length of cfg's measured window in days.
var MeasuredDays = measuredDays

// ProcessAlive tells whether the process pid is running.
var ProcessAlive = processAlive

// FreshTemps gives this process a new registry of temporaries until the
// test ends, and returns its interrupt: a test can interrupt a write
// without stopping every later one.
func FreshTemps(t testing.TB) (interrupt func()) {
	old, fresh := running, newTemps(os.Getpid())
	running = fresh
	t.Cleanup(func() { running = old })
	return func() { fresh.interrupt() }
}

// MeanCI is the mean of values from replications with the half-width of
// its 95 % confidence interval.
var MeanCI = meanCI

// SpoolReads counts the columns spooled tables have read back from their
// files, not from memory.
func SpoolReads() int64 { return spoolReads.Load() }

// IntervalsTable is the run's intervals.csv as TextDataset builds it.
func (r *RunReport) IntervalsTable() *CSVTable { return r.intervalsTable(NewSpooledTable) }
