//go:build unix

package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
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
