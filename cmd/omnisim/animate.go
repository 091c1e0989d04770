package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/experiment"
	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/chart"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/scenarios"
)

type animateOptions struct {
	runOptions
	anim chart.AnimationOptions
}

// maxFrames caps --frames: a GIF holds every frame in memory, half a
// megabyte each at the default size, 3.5 MB at the largest (1920 by
// 1920 pixels, a byte each): 2,000 of those are 7 GB.
const maxFrames = 2000

func newAnimateCmd(s streams) *cobra.Command {
	o := &animateOptions{runOptions: runOptions{now: time.Now}, anim: chart.DefaultAnimation}
	cmd := &cobra.Command{
		Use:   "animate [FILE|NAME|DIR]",
		Short: "Write an animated GIF of a run, for slides",
		Long: fmt.Sprintf(`Write an animated GIF of a scenario's run, for a trainer to drop into
slides. Its frames step evenly through the measured run (the warm-up left
out), skipping the hours in which no channel let a contact in (every
channel closed), at most --frames of them. Each frame shows the clock and,
for every channel, the contacts waiting then (the queue of a live channel,
the backlog of a deferred one) as a bar, all bars on one scale, with the
count, the interval's service level and the wait customers expect of the
channel in minutes. Below, over the run so far: the service level of the
channel the story is about (its first claim's, else the channel offered
the most contacts), over the past 24 hours on a run of more than three
days, against its target; and with word of mouth, the wait customers
expect of each channel in minutes, or else the contacts waiting on every
channel. Values are means over the replications, contacts rounded to
whole ones. The last frame stays three seconds.

The argument is a scenario (a YAML file or a built-in name, run here with
its replications; default %q) or a run's output folder, animated
without running anything.

The GIF goes to the file --out names, or else to a new file
%s/<scenario>-<date>-<time>.gif. An existing file is replaced only
with --force.`, scenarios.Default, outRoot),
		Example: `  omnisim animate one-fast-channel
  omnisim animate word-of-mouth --out slides/wom.gif --width 1280 --height 720
  omnisim animate results/phone-day --out phone-day.gif --force`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkRepsJobs(cmd, o.reps, o.workers); err != nil {
				return err
			}
			if cmd.Flags().Changed("out") && o.out == "" {
				return usageErrorf("--out needs the name of a file")
			}
			for _, d := range []struct {
				flag string
				v    int
			}{{"--width", o.anim.Width}, {"--height", o.anim.Height}} {
				if d.v < chart.MinAnimationPixels || d.v > chart.MaxAnimationPixels {
					return usageErrorf("%s %d: want a number of pixels from %d to %d", d.flag, d.v, chart.MinAnimationPixels, chart.MaxAnimationPixels)
				}
			}
			if o.anim.Frames < 2 || o.anim.Frames > maxFrames {
				return usageErrorf("--frames %d: want from 2 to %d", o.anim.Frames, maxFrames)
			}
			if o.anim.Delay < 2 || o.anim.Delay > 1000 {
				return usageErrorf("--delay %d: want from 2 to 1000 hundredths of a second", o.anim.Delay)
			}
			return o.animate(s, scenarioArg(args), cmd.Flags().Changed("seed"))
		},
	}
	f := cmd.Flags()
	o.bind(f, runFlagHelp{set: runHelp.set, seed: runHelp.seed, reps: runHelp.reps, jobs: runHelp.jobs,
		out:   "write the GIF to `FILE` (default: a new file under ./" + outRoot + ")",
		force: "replace the file --out names if it exists"})
	f.IntVar(&o.anim.Width, "width", chart.DefaultAnimation.Width, "frame width in pixels")
	f.IntVar(&o.anim.Height, "height", chart.DefaultAnimation.Height, "frame height in pixels")
	f.IntVar(&o.anim.Frames, "frames", chart.DefaultAnimation.Frames, "the most frames, spread evenly over the open hours")
	f.IntVar(&o.anim.Delay, "delay", chart.DefaultAnimation.Delay, "each frame's time on screen, in hundredths of a second")
	return cmd
}

func (o *animateOptions) animate(s streams, name string, seedGiven bool) error {
	var ds *output.Dataset
	if info, err := os.Stat(name); err == nil && info.IsDir() {
		if len(o.sets) > 0 || seedGiven || o.reps > 0 {
			return usageErrorf("%s is a run's output folder: --set, --seed and --reps apply to a scenario", name)
		}
		if ds, err = folder.Read(name); err != nil {
			return err
		}
		o.anim.Channel = folderStoryChannel(name, ds)
	} else {
		sc, cfg, reps, err := o.open(name, seedGiven)
		if err != nil {
			return err
		}
		if err := o.checkOut(scenarioSources(sc)); err != nil {
			return err
		}
		bar := newProgress(s, "replications", reps)
		pooled := models.NewPooled(&cfg)
		err = o.replications(&cfg, experiment.Span(0, reps), nil, bar).Gather(pooled)
		bar.Done()
		if err != nil {
			return failed(err)
		}
		r := output.NewPooledReport(sc.Name, sc.Title, sc.File, &cfg, pooled)
		ds = r.Dataset(version)
		o.anim.Channel = sc.StoryChannel()
	}
	path := o.out
	if path == "" {
		now := o.now
		if now == nil {
			now = time.Now
		}
		base := filepath.Join(o.workDir, outRoot, fileName(ds.Meta.Name)+"-"+now().Format("20060102-150405"))
		path = base + ".gif"
		for i := 2; exists(path); i++ {
			path = fmt.Sprintf("%s-%d.gif", base, i)
		}
	}
	if err := o.checkOut(nil); err != nil {
		return err
	}
	start := time.Now()
	if err := output.WriteFileAtomic(path, func(w io.Writer) error { return chart.Animate(w, ds, o.anim) }); err != nil {
		return failed(err)
	}
	fmt.Fprintf(s.errOut, "omnisim: drew %s in %.2f s\n", path, time.Since(start).Seconds())
	return nil
}

// folderStoryChannel returns the channel the story of a run's output
// folder is about (scenarios.Scenario.StoryChannel), read from the
// scenario as run that the folder keeps; "" when it keeps none, or one
// that no longer loads: the animation then follows the channel offered the
// most contacts.
func folderStoryChannel(dir string, ds *output.Dataset) string {
	if ds.Meta.ScenarioFile == "" || filepath.Base(ds.Meta.ScenarioFile) != ds.Meta.ScenarioFile {
		return ""
	}
	sc, err := scenarios.Load(filepath.Join(dir, ds.Meta.ScenarioFile), nil)
	if err != nil {
		return ""
	}
	return sc.StoryChannel()
}

// checkOut checks the file --out names, if it names one (a new default
// name is free): it may not be any of srcs, the files the command reads;
// one there already is replaced only with --force, and only if it is a
// GIF.
func (o *animateOptions) checkOut(srcs []source) error {
	if o.out == "" {
		return nil
	}
	if err := checkClobber(srcs, []target{{"--out", o.out, false}}); err != nil {
		return err
	}
	return checkReplaceFile("--out", o.out, o.force, "a GIF", func(head []byte) bool {
		return bytes.HasPrefix(head, []byte("GIF87a")) || bytes.HasPrefix(head, []byte("GIF89a"))
	})
}
