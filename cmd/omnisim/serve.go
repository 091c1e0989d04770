package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/omnisim/omnisim/classroom"
)

// handOverSignals, when not nil, stops main's own catching of Ctrl-C
// (catchSignals), which ends the process at once: omnisim serve takes the
// signal over and shuts down cleanly instead. main sets it; tests leave it
// nil.
var handOverSignals func()

// serveOptions are omnisim serve's flags.
type serveOptions struct {
	addr    string
	out     string
	workers int
	runFor  time.Duration
	// ctx, when not nil, ends the server as Ctrl-C does (tests).
	ctx context.Context
	// workDir is the folder --out is relative to ("" for the current).
	workDir string
}

// maxServeFor bounds --for: a week of classes.
const maxServeFor = 7 * 24 * time.Hour

func newServeCmd(s streams) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve [FILE...]",
		Short: "Run the stories live in a browser: A and B side by side, with sliders",
		Long: `Serve the classroom: a page, on this machine, on which a trainer runs a story
of the library live in front of managers. Run omnisim serve and open the
address it prints (http://127.0.0.1:8080/ by default) in a browser; nothing
is fetched from the network, so it works offline.

Pick a story; it runs twice on the same customers (the same seed: common
random numbers), A as written and B with your change: a preset from the
story's claims (word of mouth off, a chat channel added...), agents added to
a pool, the volume of customers, word of mouth on or off and how strongly it
acts, a channel customers may choose or not. Each change reruns B. The live
view shows each side's customers as dots arriving, queuing, giving up or
moving to another channel, and its agents as seats that fill; under it,
each channel's service level and the wait customers expect. Play, pause,
choose the speed (a day to a week in 10 s) or jump to a day. After each run
the story's claims are judged again on what was run: ✓ holds, ✗ does not,
? undecided at the precision of its replications.

Export writes the view under --out, always in a new folder: A and B
compared as omnisim compare writes them (report.html, compare.csv, the
charts, both scenarios as run), B's own run folder in b/ (its report with
the claims judged), and the link to the same settings with the commands
that run them again. Scenario files named on the command line join the
library.

The simulation runs in the server and streams frames to the page (server-
sent events): see docs/classroom.md. Ctrl-C stops the server cleanly.`,
		Example: `  omnisim serve --addr 127.0.0.1:0 --for 1s       # any free port, for a second
  omnisim serve my.yaml --addr 127.0.0.1:0 --for 1s --out talks            # a file of yours joins the library`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkJobs(o.workers, cmd.Flags().Changed("jobs")); err != nil {
				return err
			}
			if o.runFor < 0 || o.runFor > maxServeFor {
				return usageErrorf("--for %s: want a duration from 0 (until Ctrl-C) to %s", o.runFor, maxServeFor)
			}
			if o.out == "" {
				return usageErrorf("--out needs the name of a folder")
			}
			return o.serve(s, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.addr, "addr", "127.0.0.1:8080", "the address to serve on, `HOST:PORT` (port 0: any free one)")
	f.StringVar(&o.out, "out", outRoot, "write exports into new folders under `DIR`")
	f.IntVarP(&o.workers, "jobs", "j", 0, "replications to run at once (default: all cores); the numbers do not depend on it")
	f.DurationVar(&o.runFor, "for", 0, "stop after this long, as Ctrl-C does (0: run until Ctrl-C)")
	return cmd
}

func (o *serveOptions) serve(s streams, files []string) error {
	lib, err := classroom.NewLibrary(files...)
	if err != nil {
		return badInput(err)
	}
	out := o.out
	if o.workDir != "" && !filepath.IsAbs(out) {
		out = filepath.Join(o.workDir, out)
	}
	srv, err := classroom.New(classroom.Options{Library: lib, OutDir: out, Version: version, Workers: o.workers})
	if err != nil {
		return failed(err)
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return usageErrorf("--addr %s: %v", o.addr, err)
	}
	ctx := o.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	if handOverSignals != nil {
		handOverSignals()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	if o.runFor > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.runFor)
		defer cancel()
	}
	fmt.Fprintf(s.out, "http://%s/\n", ln.Addr())
	fmt.Fprintf(s.errOut, "omnisim: serving the classroom at http://%s/ with %d stories; Ctrl-C stops it\n", ln.Addr(), len(lib.Stories()))
	if err := srv.Serve(ctx, ln); err != nil && !errors.Is(err, net.ErrClosed) {
		return failed(err)
	}
	fmt.Fprintln(s.errOut, "omnisim: the classroom is closed")
	return nil
}
