package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	"github.com/omnisim/omnisim/output"
)

// Exit statuses of a command stopped by a signal, as shells report them:
// 128 and the signal's number.
const (
	exitInterrupt = 128 + 2  // SIGINT, Ctrl-C
	exitTerminate = 128 + 15 // SIGTERM
)

// catchSignals makes Ctrl-C (SIGINT) and SIGTERM stop the command at once
// and tidily: every temporary file and folder is removed (output.Interrupt),
// errOut says what was finished before, and exit ends the process with
// status 130 or 143. A replication cannot be stopped halfway, and need not
// be: its results are lost with the process, and nothing on disk is half
// written. stop ends the catching; once a signal is being handled, stop
// waits for exit, so that the command's own ending cannot race it.
//
// signal.Notify is used rather than signal.NotifyContext: the exit status
// depends on which signal came.
func catchSignals(errOut io.Writer, exit func(int)) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	var mu sync.Mutex
	stopped := false
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			mu.Lock()
			if stopped {
				mu.Unlock()
				return
			}
			finished, left := output.Interrupt()
			fmt.Fprintln(errOut, interruptedMessage(sig, finished, left))
			code := exitInterrupt
			if sig == syscall.SIGTERM {
				code = exitTerminate
			}
			exit(code)
		case <-done:
		}
	}()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		if !stopped {
			stopped = true
			signal.Stop(ch)
			close(done)
		}
	}
}

// interruptedMessage says that the command was stopped by sig, what it
// had finished writing, and any temporary it could not remove.
func interruptedMessage(sig os.Signal, finished, left []string) string {
	var b strings.Builder
	what := "interrupted"
	if sig == syscall.SIGTERM {
		what = "terminated"
	}
	if len(finished) == 0 {
		fmt.Fprintf(&b, "omnisim: %s: nothing written", what)
	} else {
		fmt.Fprintf(&b, "omnisim: %s after writing %s", what, strings.Join(finished, ", "))
	}
	if len(left) > 0 {
		fmt.Fprintf(&b, "\nomnisim: could not remove %s: remove it yourself", strings.Join(left, ", "))
	}
	return b.String()
}
