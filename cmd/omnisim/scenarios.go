package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/table"
	"github.com/omnisim/omnisim/scenarios"
)

func newScenariosCmd(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "scenarios",
		Short: "List, show and export the built-in scenarios, and print the scenario schema",
		Example: `  omnisim scenarios list
  omnisim scenarios show word-of-mouth
  omnisim scenarios export baseline > my.yaml`,
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
		Short: "Print a built-in scenario's story, its claims and its key settings",
		Long: `Print a built-in scenario's title, its story (what it shows and what to
watch for), the claims 'omnisim demo' checks on a run, and its key settings:
the horizon, each channel and each pool. 'omnisim scenarios export NAME'
prints the file itself, every setting explained.`,
		Example: `  omnisim scenarios show jump-the-line
  omnisim scenarios export jump-the-line > jump.yaml`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(_ *cobra.Command, args []string) error {
			sc, err := scenarios.Builtin(args[0], nil)
			if err != nil {
				return fromInput(err)
			}
			_, err = io.WriteString(s.out, describeScenario(sc))
			return failed(err)
		},
	}
	export := &cobra.Command{
		Use:   "export NAME",
		Short: "Print a built-in scenario's file with every setting explained, to copy and edit",
		Long: `Print a built-in scenario's YAML file with a comment on every setting saying
what it means and its unit. Only comments are added: the file loads and runs
exactly as the built-in does. Save it, edit it, check it with 'omnisim
validate', and run it with 'omnisim run' or 'omnisim demo'.`,
		Example: `  omnisim scenarios export baseline > my.yaml
  omnisim validate my.yaml && omnisim run my.yaml`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(_ *cobra.Command, args []string) error {
			text, err := scenarios.Export(args[0])
			if err != nil {
				return err
			}
			_, err = s.out.Write(text)
			return failed(err)
		},
	}
	schema := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of scenario files, for editors to complete and check them",
		Long: `Print the JSON Schema (draft 2020-12) of scenario files: every key omnisim
reads, what it means, what its value may be (a duration such as 5m, a share
such as 80%, a rate such as 200/h, a distribution...), the keys each part
requires, and no other keys. It is made from the same definitions the
scenario reader uses, so it says what omnisim accepts, but for what a
schema cannot say (ranges, names that must be a channel's, shares adding up
to 100 %), which 'omnisim validate' checks. docs/scenario.schema.json is a
copy.

An editor with a YAML language server (VS Code's YAML extension, Neovim,
Helix...) completes and checks a scenario file that starts with this line,
the schema saved beside it as the example saves it:
  # yaml-language-server: $schema=scenario.schema.json`,
		Example: `  omnisim scenarios schema > scenario.schema.json`,
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(*cobra.Command, []string) error {
			_, err := s.out.Write(scenarios.Schema())
			return failed(err)
		},
	}
	cmd.AddCommand(list, show, export, schema)
	return cmd
}

// describeScenario says what a scenario is: its title and story, its
// claims, and its key settings.
func describeScenario(sc *scenarios.Scenario) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", sc.Name, sc.Title)
	for _, para := range strings.Split(strings.TrimSpace(sc.Description), "\n\n") {
		b.WriteString(wrap(strings.Join(strings.Fields(para), " "), "", 78) + "\n\n")
	}
	if len(sc.Claims) > 0 {
		b.WriteString("Its claims, which omnisim demo measures and judges on a run:\n\n")
		for _, c := range sc.Claims {
			b.WriteString("- " + wrap(c.Says, "  ", 78) + "\n")
			b.WriteString("  " + wrap("["+experiment.Rule(c, &sc.Config)+"]", "  ", 78) + "\n")
		}
		b.WriteString("\n")
	}
	cfg := sc.Config
	cfg.SetDefaults()
	fmt.Fprintf(&b, "Settings: %d replications of %s", sc.Replications, models.FormatDuration(cfg.Horizon))
	if cfg.Warmup > 0 {
		fmt.Fprintf(&b, " (the first %s left out as warm-up)", models.FormatDuration(cfg.Warmup))
	}
	fmt.Fprintf(&b, ", intervals of %s, starting on %s, seed %d\n", models.FormatDuration(cfg.Interval), cfg.Start, cfg.Seed)
	for _, line := range table.DescribeSettings(&cfg) {
		b.WriteString("- " + wrap(line, "  ", 78) + "\n")
	}
	fmt.Fprintf(&b, "\nomnisim demo %s tells the story with a run's numbers; omnisim scenarios export\n%s > my.yaml writes the file, every setting explained, to edit.\n", sc.Name, sc.Name)
	return b.String()
}
