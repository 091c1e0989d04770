package main

import (
	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/scenarios"
)

func newScenariosCmd(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "scenarios",
		Short: "List and show the built-in scenarios",
		Example: `  omnisim scenarios list
  omnisim scenarios show textbook > my.yaml`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	list := &cobra.Command{
		Use:     "list",
		Short:   "List the built-in scenarios",
		Example: "  omnisim scenarios list",
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(*cobra.Command, []string) error {
			t := output.NewTable("name", "title").AlignLeft(1)
			for _, b := range scenarios.Builtins() {
				name := b.Name
				if name == scenarios.Default {
					name += " (default)"
				}
				t.Row(name, b.Title)
			}
			_, err := t.WriteTo(s.out)
			return failed(err)
		},
	}
	show := &cobra.Command{
		Use:   "show NAME",
		Short: "Print a built-in scenario's file, to read or to copy and edit",
		Example: `  omnisim scenarios show phone-day
  omnisim scenarios show textbook > my.yaml && omnisim run my.yaml`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(_ *cobra.Command, args []string) error {
			src, err := scenarios.BuiltinSource(args[0])
			if err != nil {
				return err
			}
			_, err = s.out.Write(src)
			return failed(err)
		},
	}
	cmd.AddCommand(list, show)
	return cmd
}
