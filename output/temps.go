package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"time"
)

// Everything omnisim writes goes first into a temporary file or folder
// beside where it belongs, named after it, what it is for and the process
// that made it: ".NAME.WHAT-PID-N" (".october.tmp-4711-0"), renamed into
// place once complete. While it exists, a temporary is registered here, so
// that an interrupted command (Ctrl-C, SIGTERM) removes every one before it
// exits (Interrupt), and says what it had finished. A process killed
// outright (kill -9, a crash, the machine going down) cannot: the next
// command that writes in the same folder removes the temporaries of
// processes that are no longer alive (sweepStale).

// ErrInterrupted is returned by every write begun after Interrupt.
var ErrInterrupted = errors.New("output: interrupted")

// StaleAfter is how long a dead process's temporary must have been left
// untouched before another command removes it: on a folder shared between
// machines (a cluster's parts folder), a process id says nothing of
// another machine's processes, and a write in progress there keeps its
// temporary fresh.
const StaleAfter = 10 * time.Minute

// tempName matches the names of omnisim's temporaries and nothing else:
// ".NAME.WHAT-PID-N" with WHAT one of those omnisim makes.
var tempName = regexp.MustCompile(`^\..+\.(tmp|old|probe|contacts)-([0-9]{1,10})-([0-9]{1,4})$`)

// temps is the registry of a process's temporaries.
type temps struct {
	mu sync.Mutex
	// paths are the temporaries that exist now.
	paths map[string]bool
	// finished are the files and folders written in full, in order.
	finished []string
	// stopped is set by interrupt: no temporary can be made after it.
	stopped bool
	// swept are the folders already rid of stale temporaries.
	swept map[string]bool
	// pid is this process's id; alive tells whether a process is running
	// (processAlive); now is the clock stale temporaries are aged by.
	pid   int
	alive func(pid int) bool
	now   func() time.Time
}

// newTemps returns an empty registry for the process pid.
func newTemps(pid int) *temps {
	return &temps{paths: map[string]bool{}, swept: map[string]bool{}, pid: pid, alive: processAlive, now: time.Now}
}

// running is this process's registry: signals are the process's, and so
// are its temporaries.
var running = newTemps(os.Getpid())

// create makes a new temporary beside target, through create (which must
// fail with fs.ErrExist when the name is taken), and registers it. It
// first removes the stale temporaries of dead processes in target's
// folder.
func (t *temps) create(target, what string, create func(name string) error) (string, error) {
	parent, base := filepath.Dir(target), filepath.Base(target)
	t.sweepStale(parent)
	prefix := "." + base + "." + what + "-" + strconv.Itoa(t.pid) + "-"
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return "", ErrInterrupted
	}
	for i := 0; ; i++ {
		name := filepath.Join(parent, prefix+strconv.Itoa(i))
		err := create(name)
		if err == nil {
			t.paths[name] = true
			return name, nil
		}
		if !errors.Is(err, fs.ErrExist) || i >= 1000 {
			return "", fmt.Errorf("output: %w", err)
		}
	}
}

// remove deletes the temporary p and forgets it.
func (t *temps) remove(p string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.paths, p)
	return os.RemoveAll(p)
}

// forget forgets the temporary p, which is no more.
func (t *temps) forget(p string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.paths, p)
}

// rename renames the temporary tmp to target, which is then finished.
func (t *temps) rename(tmp, target string) error {
	return t.critical(func() error {
		if err := os.Rename(tmp, target); err != nil {
			return err
		}
		delete(t.paths, tmp)
		t.finished = append(t.finished, target)
		return nil
	})
}

// swap replaces the folder dir with the temporary folder tmp: dir is
// moved aside to old, and tmp renamed to dir, under the registry's lock,
// so that an interrupt waits and never finds dir's name empty. If tmp
// cannot be moved in, the old folder is moved back. On success dir is
// finished and old holds the old folder, a temporary still; on failure
// old is forgotten: the old folder, or nothing, is there.
func (t *temps) swap(tmp, dir, old string) error {
	err := t.critical(func() error {
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("output: moving the old folder aside: %w", err)
		}
		if err := os.Rename(tmp, dir); err != nil {
			if back := os.Rename(old, dir); back != nil {
				return fmt.Errorf("output: %w; the old folder is now %s (%v)", err, old, back)
			}
			return fmt.Errorf("output: %w", err)
		}
		delete(t.paths, tmp)
		t.finished = append(t.finished, dir)
		return nil
	})
	if err != nil {
		t.forget(old)
	}
	return err
}

// critical runs f, which must not be cut in half (replacing a folder:
// the old one moved aside, the new one moved in), with the registry
// locked: an interrupt waits for it.
func (t *temps) critical(f func() error) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return ErrInterrupted
	}
	return f()
}

// interrupt stops every write: from now on no temporary can be made, and
// every one there is, is removed. It returns what was finished, in order,
// and the temporaries it could not remove.
func (t *temps) interrupt() (finished, left []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stopped = true
	paths := make([]string, 0, len(t.paths))
	for p := range t.paths {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		if err := os.RemoveAll(p); err != nil {
			left = append(left, p)
			continue
		}
		delete(t.paths, p)
	}
	return slices.Clone(t.finished), left
}

// sweepStale removes, once per folder and process, the temporaries in dir
// left by processes that are no longer running and untouched for
// StaleAfter: what a process killed outright leaves behind. Only names
// of omnisim's temporaries are looked at; a temporary of a live process,
// or one that is fresh, is kept. Errors are ignored: cleaning up is a
// courtesy, and the write that asked for it goes on.
func (t *temps) sweepStale(dir string) {
	t.mu.Lock()
	if t.swept[dir] {
		t.mu.Unlock()
		return
	}
	t.swept[dir] = true
	t.mu.Unlock()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		m := tempName.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		pid, err := strconv.Atoi(m[2])
		if err != nil || pid == t.pid || pid <= 0 || t.alive(pid) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if newest, ok := newestChange(p, 10_000); !ok || t.now().Sub(newest) < StaleAfter {
			continue
		}
		os.RemoveAll(p)
	}
}

// newestChange returns the latest modification time in the tree at p, of
// at most limit entries: false if there are more, or it cannot be read.
func newestChange(p string, limit int) (time.Time, bool) {
	var newest time.Time
	n := 0
	err := filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if n++; n > limit {
			return errors.New("too many entries")
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.ModTime().After(newest) {
			newest = info.ModTime()
		}
		return nil
	})
	return newest, err == nil
}

// MkdirBeside makes a new, hidden folder beside dir, named after it and
// what it is for (".name.tmp-123-0"), with the usual permissions (the
// umask's, where os.MkdirTemp would make it private), making dir's parent
// first if need be. The folder is a registered temporary: RemoveTemp or
// RenameTemp it.
func MkdirBeside(dir, what string) (string, error) {
	if err := os.MkdirAll(filepath.Dir(dir), 0o777); err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	return running.create(dir, what, func(name string) error { return os.Mkdir(name, 0o777) })
}

// createBeside creates a new, hidden file beside path, named as
// MkdirBeside names folders, open for writing; it is private until
// renamed (chmod it first). The file is a registered temporary.
func createBeside(path, what string) (*os.File, error) {
	var f *os.File
	_, err := running.create(path, what, func(name string) (err error) {
		f, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		return err
	})
	return f, err
}

// RemoveTemp removes a temporary: a folder made by MkdirBeside, or the
// file WriteFileAtomic writes into.
func RemoveTemp(p string) error { return running.remove(p) }

// RenameTemp renames a temporary (as RemoveTemp's) to its place, target,
// which is then finished: Interrupt lists it.
func RenameTemp(tmp, target string) error { return running.rename(tmp, target) }

// SwapTemp replaces the folder dir with the temporary folder tmp (made by
// MkdirBeside), for a folder written anew over an old one: dir is moved
// aside to old, a name taken with MkdirBeside and freed (a folder cannot
// be renamed onto one that is not empty), and tmp moved in, as one step
// that an interrupt waits for. Once it succeeds, old holds the old
// folder: RemoveTemp it. If it fails, dir holds the old folder again
// (or, if even that failed, old does, and the error says so).
func SwapTemp(tmp, dir, old string) error { return running.swap(tmp, dir, old) }

// Interrupt stops this process's writes, for a command interrupted by a
// signal: every temporary file and folder is removed, and none can be made
// afterwards (ErrInterrupted). It returns the files and folders written in
// full before, in order, and the temporaries it could not remove.
func Interrupt() (finished, left []string) { return running.interrupt() }
