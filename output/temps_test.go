package output

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestInterrupt: an interrupt removes every temporary there is, keeps what
// was finished and says so, and no temporary can be made afterwards.
func TestInterrupt(t *testing.T) {
	dir := t.TempDir()
	r := newTemps(os.Getpid())
	folder, err := r.create(filepath.Join(dir, "run"), "tmp", func(n string) error { return os.Mkdir(n, 0o777) })
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(folder, "big.csv"), make([]byte, 1<<16), 0o644); err != nil {
		t.Fatal(err)
	}
	file, err := r.create(filepath.Join(dir, "part"), "tmp", func(n string) error { return os.WriteFile(n, nil, 0o600) })
	if err != nil {
		t.Fatal(err)
	}
	done, err := r.create(filepath.Join(dir, "done"), "tmp", func(n string) error { return os.WriteFile(n, nil, 0o600) })
	if err != nil {
		t.Fatal(err)
	}
	if err := r.rename(done, filepath.Join(dir, "done")); err != nil {
		t.Fatal(err)
	}
	finished, left := r.interrupt()
	if !slices.Equal(finished, []string{filepath.Join(dir, "done")}) || left != nil {
		t.Errorf("finished %q, left %q", finished, left)
	}
	if es, err := os.ReadDir(dir); err != nil || len(es) != 1 || es[0].Name() != "done" {
		t.Errorf("after the interrupt the folder holds %v, %v; want done alone (temporaries %s, %s)", es, err, folder, file)
	}
	if _, err := r.create(filepath.Join(dir, "x"), "tmp", func(n string) error { return os.Mkdir(n, 0o777) }); !errors.Is(err, ErrInterrupted) {
		t.Errorf("a temporary after the interrupt: %v", err)
	}
	if err := r.critical(func() error { return nil }); !errors.Is(err, ErrInterrupted) {
		t.Errorf("a rename after the interrupt: %v", err)
	}
}
