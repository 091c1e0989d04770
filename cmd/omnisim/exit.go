package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/scenarios"
)

// Exit statuses, as DESIGN.md sets them.
const (
	exitOK      = 0
	exitFailure = 1 // something failed while running
	exitInput   = 2 // bad input or usage
)

// failure marks an error that happened while running, not because of what
// the user gave: it exits with status 1. Every other error is bad input or
// usage and exits with status 2.
type failure struct{ err error }

func (f failure) Error() string { return f.err.Error() }
func (f failure) Unwrap() error { return f.err }

func failed(err error) error {
	if err == nil {
		return nil
	}
	return failure{err}
}

// usageError is a mistake in the command line itself: a flag, an
// argument. Its message is followed by a pointer to --help.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

// usageErrorf reports a mistake in the command line.
func usageErrorf(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// usageArgs wraps a cobra argument check so that its errors are usage
// errors.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{fmt.Errorf("%s: %w", cmd.CommandPath(), err)}
		}
		return nil
	}
}

// isUsage tells whether err is about the command line itself, where a
// pointer to --help helps. Cobra reports an unknown command in plain text.
func isUsage(err error) bool {
	var u usageError
	return errors.As(err, &u) || strings.HasPrefix(err.Error(), "unknown command")
}

// exitCode maps an error to the process's exit status.
func exitCode(err error) int {
	var f failure
	var se scenarios.Errors
	var mp models.Problems
	var pe *output.PartError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &se), errors.As(err, &mp), errors.As(err, &pe):
		return exitInput
	case errors.As(err, &f):
		return exitFailure
	}
	return exitInput
}

// errorf returns a plain error; the flag package adds the flag's name.
func errorf(format string, args ...any) error {
	return fmt.Errorf(format, args...)
}

// silent is an error already reported to the user: execute prints nothing
// more, but the exit status still follows the error inside.
type silent struct{ err error }

func (q silent) Error() string { return q.err.Error() }
func (q silent) Unwrap() error { return q.err }
