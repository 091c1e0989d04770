package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// version is omnisim's version, set at build time with
// -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// streams are where a command writes: results to out, messages to errOut.
type streams struct {
	out, errOut io.Writer
}

// execute runs the command line args and returns the exit status. It is the
// whole program but for os.Exit, so tests can call it.
func execute(args []string, out, errOut io.Writer) int {
	s := streams{out: out, errOut: errOut}
	root := newRootCmd(s)
	root.SetArgs(args)
	root.SetOut(out)
	root.SetErr(errOut)
	err := root.Execute()
	var quiet silent
	if err != nil && !errors.As(err, &quiet) {
		msg := err.Error()
		if !strings.HasPrefix(msg, "omnisim") {
			msg = "omnisim: " + strings.ReplaceAll(msg, "\n", "\nomnisim: ")
		}
		fmt.Fprintln(errOut, msg)
		if isUsage(err) {
			fmt.Fprintln(errOut, "Run 'omnisim --help' for usage.")
		}
	}
	return exitCode(err)
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
  omnisim run my.yaml --set pools.agents.agents=12 --json
  omnisim erlang c --volume 100 --per 30m --aht 3m --agents 14
  omnisim erlang a --volume 100 --per 30m --aht 3m --patience 5m --target-sl 0.8 --simulate`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%s: %w", c.CommandPath(), err)}
	})
	root.AddCommand(newRunCmd(s), newValidateCmd(s), newScenariosCmd(s), newErlangCmd(s), newVersionCmd(s))
	return root
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
