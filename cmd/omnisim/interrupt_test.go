package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// init runs the test binary as omnisim itself when a test starts it so:
// the child process TestInterruptLeavesNothing signals.
func init() {
	if os.Getenv("OMNISIM_TEST_MAIN") == "1" {
		main()
	}
}

// TestInterruptLeavesNothing: omnisim run --journeys, stopped by Ctrl-C
// (SIGINT) or SIGTERM while its replications write their trace, removes
// its temporary folder (80 MB of them were left behind), says that
// nothing was written, and exits with 128 + the signal's number.
func TestInterruptLeavesNothing(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	tests := []struct {
		sig  syscall.Signal
		code int
		say  string
	}{
		{syscall.SIGINT, 130, "omnisim: interrupted: nothing written"},
		{syscall.SIGTERM, 143, "omnisim: terminated: nothing written"},
	}
	for _, tt := range tests {
		t.Run(tt.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			cmd := exec.Command(os.Args[0], "run", "--journeys", "--reps", "5000", "--set", "horizon=30d", "-j", "1", "--out", filepath.Join(dir, "out"))
			cmd.Env = append(os.Environ(), "OMNISIM_TEST_MAIN=1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			ended := make(chan error, 1)
			go func() { ended <- cmd.Wait() }()
			// The run is under way once its trace's temporary folder is
			// there. The deadline only keeps a broken run from hanging
			// the test; nothing is timed.
			deadline := time.Now().Add(5 * time.Minute)
			for !tracing(t, dir) {
				select {
				case err := <-ended:
					t.Fatalf("the run ended before it was interrupted: %v\n%s", err, stderr.String())
				case <-time.After(10 * time.Millisecond):
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("no trace folder appeared")
				}
			}
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			err := <-ended
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != tt.code {
				t.Errorf("exit: %v, want status %d", err, tt.code)
			}
			if !strings.Contains(stderr.String(), tt.say) {
				t.Errorf("stderr:\n%s\nwant %q", stderr.String(), tt.say)
			}
			if left, _ := os.ReadDir(dir); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

// tracing tells whether dir holds a run's temporary trace folder.
func tracing(t *testing.T, dir string) bool {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if strings.HasPrefix(e.Name(), ".out.contacts-") {
			return true
		}
	}
	return false
}

// TestInterruptedMessage: what an interrupted command says it finished.
func TestInterruptedMessage(t *testing.T) {
	tests := []struct {
		sig            os.Signal
		finished, left []string
		want           string
	}{
		{os.Interrupt, nil, nil, "omnisim: interrupted: nothing written"},
		{syscall.SIGTERM, []string{"parts/part-0-of-2.omnisim-part"}, nil, "omnisim: terminated after writing parts/part-0-of-2.omnisim-part"},
		{os.Interrupt, []string{"a.svg", "b.svg"}, []string{".c.svg.tmp-7-0"},
			"omnisim: interrupted after writing a.svg, b.svg\nomnisim: could not remove .c.svg.tmp-7-0: remove it yourself"},
	}
	for _, tt := range tests {
		if got := interruptedMessage(tt.sig, tt.finished, tt.left); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
