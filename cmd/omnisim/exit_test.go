package main

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"runtime/debug"
	"syscall"
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/scenarios"
)

// TestExitCode checks the one place errors become exit statuses: bad input
// and usage exit 2, and an error nobody classified is a failure (1), not
// the user's mistake.
func TestExitCode(t *testing.T) {
	plain := errors.New("something broke")
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"none", nil, exitOK},
		{"unclassified", plain, exitFailure},
		{"unclassified, wrapped", fmt.Errorf("output: %w", plain), exitFailure},
		{"failure", failed(plain), exitFailure},
		{"scenario problems", scenarios.Errors{{File: "s.yaml", Msg: "x"}}, exitInput},
		{"model problems", fmt.Errorf("x: %w", models.Problems{}), exitInput},
		{"usage", usageErrorf("--reps must be at least 1"), exitInput},
		{"input", inputErrorf("a damaged part"), exitInput},
		{"a folder that says it is bad input", &folder.Error{}, exitInput},
		{"an output folder already there", &output.ExistsError{}, exitInput},
		{"joined, one of them input", errors.Join(plain, inputErrorf("x")), exitInput},
		{"cobra's unknown command", errors.New(`unknown command "rnu" for "omnisim"`), exitInput},
		{"from input: not there", fromInput(fmt.Errorf("scenarios: %w", fs.ErrNotExist)), exitInput},
		{"from input: a directory", fromInput(errors.New("scenarios: x is a directory, not a scenario file")), exitInput},
		{"from input: permission", fromInput(fmt.Errorf("scenarios: %w", &fs.PathError{Op: "open", Path: "s.yaml", Err: syscall.EACCES})), exitFailure},
		{"from input: disk", fromInput(&fs.PathError{Op: "read", Path: "s.yaml", Err: syscall.EIO}), exitFailure},
		{"from input: a failure stays one", fromInput(failed(plain)), exitFailure},
		{"from input: nil", fromInput(nil), exitOK},
		{"a run refused by its memory estimate", &memoryError{file: "s.yaml", err: &models.MemoryError{Setting: "replications"}}, exitInput},
		{"a memory estimate, wrapped", fmt.Errorf("fit: %w", &models.MemoryError{Setting: "horizon"}), exitInput},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := exitCode(tc.err); got != tc.want {
				t.Errorf("exitCode(%v) = %d, want %d", tc.err, got, tc.want)
			}
		})
	}
}

// TestLimitMemory: the soft memory limit is the budget the estimate
// checks runs against, unless GOMEMLIMIT sets one.
func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	debug.SetMemoryLimit(math.MaxInt64)
	limitMemory(func(string) string { return "1GiB" })
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set: limit %d, want it left alone", got)
	}
	limitMemory(func(string) string { return "" })
	if got := debug.SetMemoryLimit(-1); got != models.MemoryBudget {
		t.Errorf("limit %d, want the budget %d", got, int64(models.MemoryBudget))
	}
}
