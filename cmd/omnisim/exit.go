package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/internal/input"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

// Exit statuses, as DESIGN.md sets them.
const (
	exitOK      = 0
	exitFailure = 1 // something failed while running
	exitInput   = 2 // bad input or usage
)

// failure marks an error that happened while running, not because of what
// the user gave: it exits with status 1, as every error not known to be
// bad input or usage does.
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

// inputError marks an error in what the user gave (a file, a value): it
// exits with status 2.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }
func (e inputError) Unwrap() error { return e.err }

// badInput marks err, when there is one, as bad input.
func badInput(err error) error {
	if err == nil {
		return nil
	}
	return inputError{err}
}

// inputErrorf reports a mistake in what the user gave.
func inputErrorf(format string, args ...any) error {
	return inputError{fmt.Errorf(format, args...)}
}

// fromInput marks err, an error in reading or checking what the user
// named (a scenario, a grid, a log, a part file), as bad input, unless the
// machine is at fault: permission denied, an I/O error, a full disk, too
// many open files. Errors packages add later for new kinds of bad file are
// then bad input too, without each being typed.
func fromInput(err error) error {
	var f failure
	if err == nil || errors.As(err, &f) || machineFault(err) {
		return err
	}
	return inputError{err}
}

// machineFault tells whether err is the machine's fault, not the input's.
func machineFault(err error) bool {
	for _, e := range []error{fs.ErrPermission, syscall.EIO, syscall.ENOSPC, syscall.EROFS, syscall.ENOMEM,
		syscall.EMFILE, syscall.ENFILE, syscall.EDQUOT} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// badInputer is an error of any package that knows it is the input's
// fault (folder.Error...), so that packages need not import this one
// to say so.
type badInputer interface{ BadInput() bool }

// exitCode maps an error to the process's exit status: 2 for bad input or
// usage (scenarios.Errors, models.Problems, a run refused by its memory
// estimate, usage and input errors, errors that say BadInput), 1 for
// everything else: an error nobody classified is a failure, not the user's
// mistake.
func exitCode(err error) int {
	var f failure
	var se scenarios.Errors
	var mp models.Problems
	var u usageError
	var in inputError
	var bi badInputer
	var pe *experiment.PartError
	var ie *input.Error
	var me *models.MemoryError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &f):
		return exitFailure
	case errors.As(err, &se), errors.As(err, &mp), errors.As(err, &u), errors.As(err, &in),
		errors.As(err, &bi) && bi.BadInput(), isUsage(err), errors.As(err, &pe), errors.As(err, &ie), errors.As(err, &me):
		return exitInput
	}
	return exitFailure
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
