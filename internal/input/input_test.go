package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadFile: a regular file within the limit is read; a folder, a
// device, a pipe and a file past the limit are refused in words, without
// reading them to the end.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "s.yaml")
	if err := os.WriteFile(small, []byte("horizon: 1d\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadFile(small, "scenario file", 100); err != nil || string(data) != "horizon: 1d\n" {
		t.Errorf("got %q, %v", data, err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(small, link); err == nil {
		if _, err := ReadFile(link, "scenario file", 100); err != nil {
			t.Errorf("a link to a regular file: %v", err)
		}
	}
	fifo := filepath.Join(dir, "fifo")
	hasFifo := syscall.Mkfifo(fifo, 0o644) == nil
	for _, tc := range []struct {
		path, want string
		skip       bool
	}{
		{small, "is larger than 5 bytes, the most a scenario file may be", false},
		{dir, "is a folder, not a scenario file", false},
		{filepath.Join(dir, "none"), "cannot read the scenario file: no such file", false},
		{"/dev/zero", "is not a regular file", false},
		{"/dev/urandom", "is not a regular file", false},
		{fifo, "is not a regular file", !hasFifo},
	} {
		if tc.skip {
			continue
		}
		if _, err := os.Stat(tc.path); err != nil && !strings.Contains(tc.want, "no such") {
			continue
		}
		_, err := ReadFile(tc.path, "scenario file", 5)
		var ie *Error
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), tc.path+": ") {
			t.Errorf("%s: got %v, want %q", tc.path, err, tc.want)
		}
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{16 << 20: "16 MB", 512 << 10: "512 KB", 100: "100 bytes", 2 << 30: "2 GB"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
