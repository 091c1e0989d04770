// Command omnisim simulates customer service across channels: run a
// scenario, check a file, or work out staffing with the Erlang formulas.
// Run omnisim --help for the commands.
package main

import (
	"os"
	"runtime/debug"

	"github.com/omnisim/omnisim/models"
)

func main() {
	limitMemory(os.Getenv)
	stop := catchSignals(os.Stderr, os.Exit)
	handOverSignals = stop
	code := execute(os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// limitMemory sets Go's soft memory limit to models.MemoryBudget, unless
// GOMEMLIMIT sets one. The estimate a run is checked against before it
// starts (models.Config.CheckMemory) counts what is live; replications
// added into batches as they end leave their tallies behind as garbage,
// which the collector would otherwise let grow to as much again as what
// is live. Under the limit it collects harder instead, so that a run
// the estimate accepts stays within the budget.
func limitMemory(getenv func(string) string) {
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(models.MemoryBudget)
	}
}
