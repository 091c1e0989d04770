package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

func newValidateCmd(s streams) *cobra.Command {
	var sets []string
	cmd := &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check scenario files and report every problem",
		Long: `Check scenario files (or built-in scenarios, by name) without running them.
Every problem in a file is reported at once, with its file, line and column
and the field it concerns. The exit status is 2 if any file has a problem.`,
		Example: `  omnisim validate my.yaml
  omnisim validate *.yaml
  omnisim validate my.yaml --set pools.voice.shifts[0].agents=10`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			var bad error
			for _, path := range args {
				sc, err := scenarios.Open(path, sets)
				if err != nil {
					fmt.Fprintln(s.errOut, err)
					bad = fromInput(err)
					continue
				}
				cfg := sc.Config
				warnOverloads(s, path, &cfg)
				fmt.Fprintf(s.out, "%s: ok: %d channel(s), %d pool(s), horizon %s, %d interval(s) of %s\n",
					path, len(cfg.Channels), len(cfg.Pools), models.FormatDuration(cfg.Horizon),
					cfg.Intervals(), models.FormatDuration(cfg.Interval))
			}
			if bad != nil {
				return silent{bad}
			}
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&sets, "set", nil, "override a setting, `path=value` (repeatable)")
	return cmd
}
