package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/omnisim/omnisim/scenarios"
)

// version is omnisim's version, set at build time with
// -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// streams are where a command writes: results to out, messages to errOut.
type streams struct {
	out, errOut io.Writer
	// args is the command line, without the program's name: output
	// folders record it.
	args []string
}

// execute runs the command line args and returns the exit status. It is the
// whole program but for os.Exit, so tests can call it.
func execute(args []string, out, errOut io.Writer) int {
	s := streams{out: out, errOut: errOut, args: args}
	root := newRootCmd(s)
	if args == nil {
		// Cobra reads os.Args when given nil: an empty command line must
		// stay empty.
		args = []string{}
	}
	root.SetArgs(args)
	root.SetOut(out)
	root.SetErr(errOut)
	cmd, err := root.ExecuteC()
	var quiet silent
	if err != nil && !errors.As(err, &quiet) {
		fmt.Fprintln(errOut, message(err))
		if isUsage(err) && cmd != nil {
			fmt.Fprintf(errOut, "Run '%s --help' for usage.\n", cmd.CommandPath())
		}
	}
	return exitCode(err)
}

// message writes err for stderr: a scenario's problems with file:line:col
// first on each line, as editors expect, and anything else after
// "omnisim: ". Errors joined together are written each in its own way,
// one after the other.
func message(err error) string {
	switch e := err.(type) {
	case scenarios.Errors:
		return e.Error()
	case usageError:
		return message(e.err)
	case failure:
		return message(e.err)
	case inputError:
		return message(e.err)
	case interface{ Unwrap() []error }:
		var parts []string
		for _, part := range e.Unwrap() {
			if part != nil {
				parts = append(parts, message(part))
			}
		}
		return strings.Join(parts, "\n")
	}
	var located scenarios.Errors
	if errors.As(err, &located) {
		return located.Error()
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "omnisim") {
		msg = "omnisim: " + strings.ReplaceAll(msg, "\n", "\nomnisim: ")
	}
	return msg
}

func newRootCmd(s streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "omnisim",
		Short: "Simulate customer service across channels",
		Long: `omnisim simulates a contact centre as a discrete-event model: customers
arriving by the minute, queues, agents, impatience. It checks itself against
the exact Erlang formulas, and it goes where they cannot.`,
		Example: `  omnisim run                          # the default built-in scenario
  omnisim run phone-day --intervals    # a built-in scenario, half hour by half hour
  omnisim run my.yaml --set pools.voice.shifts[0].agents=12 --json
  omnisim erlang c --volume 100 --per 30m --aht 3m --agents 14
  omnisim erlang a --volume 100 --per 30m --aht 3m --patience 5m --target-sl 0.8 --simulate`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetVersionTemplate("omnisim {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%s: %w", c.CommandPath(), plainFlagError(err))}
	})
	root.AddCommand(newRunCmd(s), newDemoCmd(s), newFitCmd(s), newSweepCmd(s), newCompareCmd(s), newStaffCmd(s), newRosterCmd(s), newMergeCmd(s), newPlotCmd(s), newAnimateCmd(s), newServeCmd(s), newValidateCmd(s), newScenariosCmd(s), newErlangCmd(s), newVersionCmd(s))
	return root
}

// plainFlagError rewords pflag's complaint about a number that does not
// parse ("strconv.ParseInt: parsing "abc": invalid syntax") in the words of
// the flag's help.
func plainFlagError(err error) error {
	var bad *pflag.InvalidValueError
	var num *strconv.NumError
	if !errors.As(err, &bad) || !errors.As(err, &num) {
		return err
	}
	want := "a number"
	switch bad.GetFlag().Value.Type() {
	case "int":
		want = "a whole number"
	case "uint64":
		want = "a whole number ≥ 0"
	}
	msg := "not " + want
	if errors.Is(num.Err, strconv.ErrRange) {
		msg = "out of range"
	}
	name := "--" + bad.GetFlag().Name
	if sh := bad.GetFlag().Shorthand; sh != "" {
		name = "-" + sh + ", " + name
	}
	return fmt.Errorf("invalid argument %q for %q flag: %s", bad.GetValue(), name, msg)
}

func newVersionCmd(s streams) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print omnisim's version",
		Example: "  omnisim version",
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintf(s.out, "omnisim %s\n", version)
			return err
		},
	}
}
