package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/chart"
	"github.com/omnisim/omnisim/output/folder"
)

type plotOptions struct {
	format        string
	width, height int
	out           string
	force         bool
}

func newPlotCmd(s streams) *cobra.Command {
	o := &plotOptions{}
	var names []string
	for _, c := range chart.Run(nil) {
		names = append(names, c.Name)
	}
	cmd := &cobra.Command{
		Use:   "plot DIR",
		Short: "Draw a run's charts again from its output folder",
		Long: fmt.Sprintf(`Draw the charts of a run again from its output folder (the folder
'omnisim run' writes), in another format or size, without running anything:
the charts are drawn from the folder's summary.json and CSV files alone.

The charts go to DIR/charts/<name>.<format>, or into the folder --out
names. They are:
%s

In DIR/charts, plot replaces the charts of the same name and format: they
are drawn from the same folder, and 'omnisim plot DIR' draws the run's
again. In a folder --out names, files already there are left alone, and
the command fails listing them, unless --force is given. Each chart is
written to a temporary file first and then
renamed into place, so that a chart is never left half-written. What was
written is listed on stderr.

Sizes are in pixels, from %d to %d a side; text grows with the size, more
slowly than the size, so a larger chart also shows more detail.`,
			wrapList(names, "  ", 76), chart.MinPixels, chart.MaxPixels),
		Example: `  omnisim plot results/phone-day --format svg
  omnisim plot results/phone-day --format png --width 1920 --height 1080 --out slides/
  omnisim plot results/phone-day --format png --width 1920 --height 1080 --out slides/ --force`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.check(cmd.Flags().Changed("out")); err != nil {
				return err
			}
			return o.run(s, args[0])
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "", "image `format`, png or svg (default: both)")
	f.IntVar(&o.width, "width", chart.DefaultWidth, "chart width in pixels")
	f.IntVar(&o.height, "height", chart.DefaultHeight, "chart height in pixels")
	f.StringVar(&o.out, "out", "", "write the charts into `DIR2` instead of DIR/charts")
	f.BoolVar(&o.force, "force", false, "replace charts of the same name in the folder --out names")
	return cmd
}

// wrapList writes names separated by commas in lines of at most width
// characters (output.Wrap), each starting with indent.
func wrapList(names []string, indent string, width int) string {
	lines := output.Wrap(strings.Join(names, ", "), func(_ int, line string) bool { return len(indent+line) <= width })
	return indent + strings.Join(lines, "\n"+indent)
}

// check checks the flags.
func (o *plotOptions) check(outGiven bool) error {
	o.format = strings.ToLower(o.format)
	if o.format != "" && !slices.Contains(chart.Formats, o.format) {
		return usageErrorf("--format %s: want png or svg", o.format)
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"--width", o.width}, {"--height", o.height}} {
		if f.v < chart.MinPixels || f.v > chart.MaxPixels {
			return usageErrorf("%s %d: want a number of pixels from %d to %d", f.name, f.v, chart.MinPixels, chart.MaxPixels)
		}
	}
	if outGiven && o.out == "" {
		return usageErrorf("--out needs the name of a folder")
	}
	if o.force && o.out == "" {
		return usageErrorf("--force replaces charts in the folder --out names: add --out DIR2")
	}
	return nil
}

func (o *plotOptions) run(s streams, dir string) error {
	ds, err := folder.Read(dir)
	if err != nil {
		return err // a folder that is not a run's: bad input
	}
	formats := chart.Formats
	if o.format != "" {
		formats = []string{o.format}
	}
	to := o.out
	if to == "" {
		to = filepath.Join(dir, "charts")
	}
	charts := chart.Run(ds)
	if info, err := os.Stat(to); err == nil && !info.IsDir() {
		return inputErrorf("plot: --out %s is a file: name a folder", to)
	}
	root, prefix := chartRoot(to)
	var names []string
	for _, c := range charts {
		for _, format := range formats {
			names = append(names, prefix+c.Name+"."+format)
		}
	}
	if o.out != "" && !o.force {
		var taken []string
		for _, name := range names {
			if p := filepath.Join(root, filepath.FromSlash(name)); exists(p) {
				taken = append(taken, p)
			}
		}
		switch len(taken) {
		case 0:
		case 1:
			return usageErrorf("plot: %s is already there: name another folder, or add --force to replace it", taken[0])
		default:
			return usageErrorf("plot: %s are already there: name another folder, or add --force to replace them",
				strings.Join(taken, ", "))
		}
	}
	// Into --out, --force replaces the charts omnisim drew there, never a
	// file of the user's; the run's own charts folder holds derived files,
	// drawn again.
	if o.out != "" {
		if err := folder.CheckReplace(root, names); err != nil {
			return inputErrorf("plot: %s", strings.TrimPrefix(err.Error(), "output: "))
		}
	}
	if err := os.MkdirAll(to, 0o777); err != nil {
		return failed(fmt.Errorf("plot: %w", err))
	}
	var errs []error
	var written []string
	for _, name := range names {
		p := filepath.Join(root, filepath.FromSlash(name))
		format := strings.TrimPrefix(filepath.Ext(name), ".")
		c := charts[slices.IndexFunc(charts, func(c chart.Chart) bool { return prefix+c.Name+"."+format == name })]
		if err := writeChart(p, c, format, o.width, o.height); err != nil {
			errs = append(errs, err)
			continue
		}
		written = append(written, name)
		fmt.Fprintf(s.errOut, "omnisim: wrote %s\n", p)
	}
	if err := folder.RecordFiles(root, written); err != nil {
		errs = append(errs, fmt.Errorf("plot: %s", strings.TrimPrefix(err.Error(), "output: ")))
	}
	return failed(errors.Join(errs...))
}

// chartRoot returns the folder whose manifest vouches for the charts
// drawn into the folder to, and their names' prefix in it: a run's folder
// for its charts/ (a manifest lists them as charts/NAME), else to itself.
func chartRoot(to string) (root, prefix string) {
	to = filepath.Clean(to)
	if exists(filepath.Join(to, folder.ManifestFile)) || filepath.Base(to) != "charts" {
		return to, ""
	}
	parent := filepath.Dir(to)
	if exists(filepath.Join(parent, folder.ManifestFile)) || exists(filepath.Join(parent, folder.SummaryFile)) {
		return parent, "charts/"
	}
	return to, ""
}

// writeChart renders c into the file p atomically: into a temporary file
// beside it, renamed to p once complete.
func writeChart(p string, c chart.Chart, format string, width, height int) error {
	var rendering error
	err := output.WriteFileAtomic(p, func(w io.Writer) error {
		rendering = c.Render(w, format, width, height)
		return rendering
	})
	switch {
	case rendering != nil:
		return fmt.Errorf("plot: %s: %w", p, rendering)
	case err != nil:
		return fmt.Errorf("plot: %w", err)
	}
	return nil
}
