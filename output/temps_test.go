package output

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"
)

// deadPID returns the id of a process that has ended: a child run and
// waited for.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	pid := cmd.Process.Pid
	if processAlive(pid) {
		t.Skipf("process %d is running again", pid)
	}
	return pid
}

// TestStaleTemps: the next write in a folder removes the temporaries a
// killed process left there (kill -9 during a write left .NAME.tmp-PID-0
// folders for good), once they are StaleAfter old; it keeps those of live
// processes, fresh ones, and anything not named as omnisim's temporaries.
func TestStaleTemps(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("processAlive cannot tell on Windows: nothing is removed there")
	}
	dir := t.TempDir()
	dead, live := strconv.Itoa(deadPID(t)), strconv.Itoa(os.Getpid())
	old := time.Now().Add(-2 * StaleAfter)
	put := func(name string, age time.Time, folder bool) {
		p := filepath.Join(dir, name)
		if folder {
			if err := os.MkdirAll(filepath.Join(p, "charts"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(p, "charts", "queue.svg"), []byte("<svg/>"), 0o644); err != nil {
				t.Fatal(err)
			}
			os.Chtimes(filepath.Join(p, "charts", "queue.svg"), age, age)
			os.Chtimes(filepath.Join(p, "charts"), age, age)
		} else if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, age, age); err != nil {
			t.Fatal(err)
		}
	}
	gone := []string{".run.tmp-" + dead + "-0", ".run.old-" + dead + "-3", ".other.contacts-" + dead + "-0", ".part-1-of-2.omnisim-part.tmp-" + dead + "-0"}
	kept := []string{
		".run.tmp-" + live + "-7",     // a live process's
		".run.tmp-" + dead + "-1",     // fresh, inside (below)
		".run.tmp-" + dead + "-2",     // fresh
		"run.tmp-" + dead + "-0",      // not hidden: not omnisim's
		".run.tmp-" + dead + "-0.bak", // another name
		".run.notes-" + dead + "-0",   // another purpose
		".run.tmp-" + dead,            // no counter
		"notes.txt",                   // the user's
	}
	for _, n := range gone {
		put(n, old, n != gone[3])
	}
	for i, n := range kept {
		age := old
		if i == 2 {
			age = time.Now()
		}
		put(n, age, i < 3)
	}
	// Touched inside just now: a write in progress elsewhere.
	os.Chtimes(filepath.Join(dir, kept[1], "charts", "queue.svg"), time.Now(), time.Now())

	if err := WriteFolder(filepath.Join(dir, "run"), []File{{Name: "a.csv", Write: func(w io.Writer) error { return nil }}}, false); err != nil {
		t.Fatal(err)
	}
	got := folderEntries(t, dir)
	want := append(slices.Clone(kept), "run")
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("after the write, the folder holds\n%q\nwant\n%q", got, want)
	}
}

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
	if got := folderEntries(t, dir); !slices.Equal(got, []string{"done"}) {
		t.Errorf("after the interrupt the folder holds %q (temporaries %s, %s)", got, folder, file)
	}
	if _, err := r.create(filepath.Join(dir, "x"), "tmp", func(n string) error { return os.Mkdir(n, 0o777) }); !errors.Is(err, ErrInterrupted) {
		t.Errorf("a temporary after the interrupt: %v", err)
	}
	if err := r.critical(func() error { return nil }); !errors.Is(err, ErrInterrupted) {
		t.Errorf("a rename after the interrupt: %v", err)
	}
}

// TestInterruptDuringWriteFolder: an interrupt while a folder is being
// written leaves nothing behind, even when later files of the folder go
// into subfolders (making them used to make the removed temporary folder
// again).
func TestInterruptDuringWriteFolder(t *testing.T) {
	defer func(r *temps) { running = r }(running)
	running = newTemps(os.Getpid())
	dir := t.TempDir()
	nothing := func(w io.Writer) error { return nil }
	wrote := false
	files := []File{
		{Name: "a.csv", Write: nothing},
		{Name: "b.csv", Write: func(w io.Writer) error { running.interrupt(); return nil }},
		{Name: "charts/queue.svg", Write: func(w io.Writer) error { wrote = true; return nil }},
	}
	if err := WriteFolder(filepath.Join(dir, "run"), files, false); err == nil {
		t.Error("the interrupted write succeeded")
	}
	if wrote {
		t.Error("a file was written after the interrupt: its folder was made again")
	}
	if got := folderEntries(t, dir); len(got) != 0 {
		t.Errorf("the interrupted write left %q", got)
	}
}
