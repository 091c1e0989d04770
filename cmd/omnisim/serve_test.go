//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"github.com/omnisim/omnisim/classroom"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// lockedBuffer is a buffer two goroutines may use: the server writes its
// address while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeStopsOnCtrlC starts omnisim serve on any free port, opens a
// session, and sends the process SIGINT, as Ctrl-C does: serve must shut
// down cleanly, exit 0 and say so, and its port must close.
func TestServeStopsOnCtrlC(t *testing.T) {
	var out, errOut lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- execute([]string{"serve", "--addr", "127.0.0.1:0", "--out", t.TempDir()}, &out, &errOut)
	}()
	var url string
	for deadline := time.Now().Add(10 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		url = strings.TrimSpace(out.String())
	}
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("serve printed %q, want its address; stderr:\n%s", url, errOut.String())
	}
	resp, err := http.Post(url+"api/sessions?story=phone-day", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("a session: status %d", resp.StatusCode)
	}
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit status %d after Ctrl-C, want %d; stderr:\n%s", code, exitOK, errOut.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop within 15 s of Ctrl-C")
	}
	if !strings.Contains(errOut.String(), "the classroom is closed") {
		t.Errorf("stderr does not say the classroom closed:\n%s", errOut.String())
	}
	if c, err := net.DialTimeout("tcp", strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/"), time.Second); err == nil {
		c.Close()
		t.Error("the port still takes connections")
	}
}

// TestServeUsage refuses bad flags and files before serving anything.
func TestServeUsage(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "--for", "-1s"}, exitInput, "--for -1s"},
		{[]string{"serve", "-j", "0"}, exitInput, "-j must be at least 1"},
		{[]string{"serve", "--out", ""}, exitInput, "--out needs"},
		{[]string{"serve", "--addr", ln.Addr().String(), "--for", "1s"}, exitInput, "--addr"},
		{[]string{"serve", "no-such.yaml", "--addr", "127.0.0.1:0", "--for", "1s"}, exitInput, "no-such.yaml"},
	}
	for _, c := range cases {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		var out, errOut bytes.Buffer
		code := make(chan int, 1)
		go func() { code <- execute(c.args, &out, &errOut) }()
		select {
		case got := <-code:
			if got != c.code || !strings.Contains(errOut.String(), c.want) {
				t.Errorf("%v: exit %d, stderr %q; want %d with %q", c.args, got, errOut.String(), c.code, c.want)
			}
		case <-ctx.Done():
			t.Errorf("%v: still running after 20 s", c.args)
		}
		cancel()
	}
}

// TestClassroomExportRunsAgain exports a classroom view (phone-day, two
// agents more in B) and runs the commands its link file gives: omnisim
// compare writes the same compare.csv as the folder's top, and omnisim
// demo the same intervals.csv as its b/: the export is the view, and the
// command line makes it again.
func TestClassroomExportRunsAgain(t *testing.T) {
	if testing.Short() {
		t.Skip("runs phone-day four times")
	}
	lib, err := classroom.NewLibrary()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := classroom.New(classroom.Options{Library: lib, OutDir: t.TempDir(), Version: version})
	if err != nil {
		t.Fatal(err)
	}
	st, err := classroom.ParseSettings("story=phone-day&agents.agents=2", lib)
	if err != nil {
		t.Fatal(err)
	}
	dir, err := srv.Export(context.Background(), lib.Lookup("phone-day"), st, "http://127.0.0.1:8080/?story=phone-day&agents.agents=2")
	if err != nil {
		t.Fatal(err)
	}
	link, err := os.ReadFile(filepath.Join(dir, classroom.LinkFile))
	if err != nil {
		t.Fatal(err)
	}
	cmp, demo := filepath.Join(t.TempDir(), "cmp"), filepath.Join(t.TempDir(), "demo")
	for _, run := range []struct {
		command, out, file, exported string
	}{
		{"omnisim compare phone-day phone-day --seed 1 --reps 10 --set-b pools.agents.add=2", cmp, "compare.csv", "compare.csv"},
		{"omnisim demo phone-day --seed 1 --set pools.agents.add=2", demo, "intervals.csv", "b/intervals.csv"},
	} {
		if !strings.Contains(string(link), run.command) {
			t.Fatalf("%s lacks %q:\n%s", classroom.LinkFile, run.command, link)
		}
		r := omnisim(t, append(strings.Fields(run.command)[1:], "--out", run.out)...)
		if r.code != 0 {
			t.Fatalf("%s: exit %d: %s", run.command, r.code, r.stderr)
		}
		want, err1 := os.ReadFile(filepath.Join(run.out, run.file))
		got, err2 := os.ReadFile(filepath.Join(dir, run.exported))
		if err := errors.Join(err1, err2); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("the export's %s differs from %s's %s", run.exported, run.command, run.file)
		}
	}
}
