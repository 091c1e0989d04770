package main

import (
	"errors"
	"fmt"
	"runtime"

	"github.com/omnisim/omnisim/models"
)

// parallel is the number of replications that run at once: -j, or one a
// core, and never more than there are to run.
func parallel(workers, reps int) int {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return max(1, min(workers, reps))
}

// checkMemory refuses a run of cfg, from the scenario file, that would
// need more memory than models.MemoryBudget: kept replications' results
// held at once, parallel at a time. The message names the file and the
// setting to change; when the replications weigh most, fewer says how to
// run fewer ("--reps"). It is called before anything runs or is written,
// where the replications start: a run that would run out of memory hours
// later, or take the machine down with it, is bad input.
func checkMemory(file string, cfg *models.Config, kept, parallel int, fewer string) error {
	return memoryRefusal(file, cfg.CheckMemory(kept, parallel, models.MemoryBudget),
		"run fewer replications ("+fewer+"), a shorter horizon or a longer interval")
}

// checkStreamedMemory is checkMemory for reps replications streamed into
// batches (models.Pooled), sides times over, with whole results held
// besides (models.Config.CheckStreamedMemory).
func checkStreamedMemory(file string, cfg *models.Config, reps, sides, whole, parallel int, fewer string) error {
	advice := "run fewer replications (" + fewer + "), a shorter horizon or a longer interval"
	if b := cfg.Batches(); reps > b {
		// Past the batches, a replication more costs its totals only.
		advice = fmt.Sprintf("a shorter horizon or a longer interval: replications past the first %d are added into %d batches, so only fewer than %d (%s) would hold less", b, b, b, fewer)
	}
	return memoryRefusal(file, cfg.CheckStreamedMemory(reps, sides, whole, parallel, models.MemoryBudget), advice)
}

// checkSweepMemory is checkMemory for jobs replications of a sweep whose
// point is cfg: a sweep keeps each replication's totals only.
func checkSweepMemory(file string, cfg *models.Config, jobs, parallel int, fewer string) error {
	return memoryRefusal(file, cfg.CheckSweepMemory(jobs, parallel, models.MemoryBudget), "run fewer replications ("+fewer+")")
}

// memoryRefusal names file in err, a models.MemoryError or nil, and gives
// it advice when the replications weigh most.
func memoryRefusal(file string, err error, advice string) error {
	if err == nil {
		return nil
	}
	var me *models.MemoryError
	if errors.As(err, &me) && me.Setting == "replications" {
		me.Advice = advice
	}
	return &memoryError{file: file, err: err}
}

// memoryError is a run refused by its memory estimate: bad input, in the
// scenario file or the flags (exitCode finds the models.MemoryError
// inside).
type memoryError struct {
	file string
	err  error
}

func (e *memoryError) Error() string { return e.file + ": " + e.err.Error() }
func (e *memoryError) Unwrap() error { return e.err }
