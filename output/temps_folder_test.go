package output_test

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/omnisim/omnisim/output"
	"github.com/omnisim/omnisim/output/folder"
	"github.com/omnisim/omnisim/output/internal/fixture"
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
	if output.ProcessAlive(pid) {
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
	old := time.Now().Add(-2 * output.StaleAfter)
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

	if err := folder.Write(filepath.Join(dir, "run"), []output.File{{Name: "a.csv", Write: func(w io.Writer) error { return nil }}}, false); err != nil {
		t.Fatal(err)
	}
	got := fixture.Entries(t, dir)
	want := append(slices.Clone(kept), "run")
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("after the write, the folder holds\n%q\nwant\n%q", got, want)
	}
}

// TestInterruptDuringWriteFolder: an interrupt while a folder is being
// written leaves nothing behind, even when later files of the folder go
// into subfolders (making them used to make the removed temporary folder
// again).
func TestInterruptDuringWriteFolder(t *testing.T) {
	interrupt := output.FreshTemps(t)
	dir := t.TempDir()
	nothing := func(w io.Writer) error { return nil }
	wrote := false
	files := []output.File{
		{Name: "a.csv", Write: nothing},
		{Name: "b.csv", Write: func(w io.Writer) error { interrupt(); return nil }},
		{Name: "charts/queue.svg", Write: func(w io.Writer) error { wrote = true; return nil }},
	}
	if err := folder.Write(filepath.Join(dir, "run"), files, false); err == nil {
		t.Error("the interrupted write succeeded")
	}
	if wrote {
		t.Error("a file was written after the interrupt: its folder was made again")
	}
	if got := fixture.Entries(t, dir); len(got) != 0 {
		t.Errorf("the interrupted write left %q", got)
	}
}
