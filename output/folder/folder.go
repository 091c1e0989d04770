package folder

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/omnisim/omnisim/internal/input"
	"github.com/omnisim/omnisim/output"
)

// Check tells, before a run, whether Write could write dir: an
// error when dir is there and force is false (an *output.ExistsError), when dir is
// there and is not a run's output folder (an *output.ExistsError, whatever force
// says), or when dir's parent cannot be made or written to. It makes dir's
// parent, so that a long run does not end in an error it could have
// reported at once.
func Check(dir string, force bool) error {
	dir = filepath.Clean(dir)
	if err := checkTarget(dir, force); err != nil {
		return err
	}
	probe, err := output.MkdirBeside(dir, "probe")
	if err != nil {
		return unprobed(dir, err)
	}
	return output.RemoveTemp(probe)
}

// unprobed says why Check could not make its probe beside dir in
// the user's words: the folder that cannot be written into, or made, never
// the probe's own name, which the user has never heard of.
func unprobed(dir string, err error) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return err
	}
	if strings.HasPrefix(filepath.Base(pe.Path), "."+filepath.Base(dir)+".probe-") {
		return fmt.Errorf("output: cannot write into %s: %w", filepath.Dir(dir), pe.Err)
	}
	return fmt.Errorf("output: cannot make the folder %s: %w", pe.Path, pe.Err)
}

// checkTarget is Check's first half: whether dir may be written, as
// it is now.
func checkTarget(dir string, force bool) error {
	switch base := filepath.Base(dir); base {
	case ".", "..", string(filepath.Separator):
		return fmt.Errorf("output: cannot write a run's folder as %q: name a new folder", dir)
	}
	info, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		// Not there, or under a file: making its parent tells which.
		return nil
	}
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if !force {
		return &output.ExistsError{Dir: dir}
	}
	if !info.IsDir() {
		return &output.ExistsError{Dir: dir, Why: "is not a folder"}
	}
	if why := notOutputFolder(dir); why != "" {
		return &output.ExistsError{Dir: dir, Why: why}
	}
	return nil
}

// notOutputFolder returns why --force may not replace dir, or "" if it
// may: an empty folder, or one holding nothing but files omnisim wrote
// there, unchanged, as its manifest (ManifestFile) lists them; a folder
// written before manifests, if its summary.json was written by omnisim and
// lists every file it holds. This keeps --force from deleting a folder
// that a typing mistake named (--out . or --out ~/Documents), or the files
// a user added to an output folder.
func notOutputFolder(dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "cannot be read (" + err.Error() + ")"
	}
	if len(entries) == 0 {
		return ""
	}
	added, changed, err := foreignFiles(dir)
	if err != nil {
		return err.Error()
	}
	return foreignWhy(added, changed)
}

// Write writes files into a new folder dir, atomically: everything
// goes into a temporary folder beside dir (in the same parent, so that
// renaming it is atomic), which is renamed to dir only once every file is
// written. If a file fails, the temporary folder is removed and dir is left
// as it was. If dir exists, Write writes nothing and returns an
// *output.ExistsError unless force is set; with force, and if dir is a run's output
// folder (see Check), the old folder is moved aside, the new one
// renamed into place, and then the old one removed: dir always holds one
// whole run or the other.
//
// Files are flushed to the disk before the rename, so that a crash does not
// leave a folder of empty files behind a name that says it is complete.
// Meanwhile the process has a soft memory limit (LimitMemory), unless
// GOMEMLIMIT sets one.
func Write(dir string, files []output.File, force bool) (err error) {
	dir = filepath.Clean(dir)
	if err := checkNames(files); err != nil {
		return err
	}
	if err := checkTarget(dir, force); err != nil {
		return err
	}
	tmp, err := output.MkdirBeside(dir, "tmp")
	if err != nil {
		return err
	}
	defer LimitMemory()()
	syncs := newSyncer()
	defer func() {
		if err != nil {
			syncs.wait()
			output.RemoveTemp(tmp)
		}
	}()
	m := manifest{}
	for f := range drawnAhead(files) {
		e, err := writeFile(tmp, f, syncs)
		if err != nil {
			return err
		}
		m[f.Name] = e
	}
	if _, err := writeFile(tmp, output.File{Name: ManifestFile, Write: func(w io.Writer) error { return writeManifest(w, m) }}, syncs); err != nil {
		return err
	}
	if err := syncs.wait(); err != nil {
		return err
	}
	// Look again: another process may have made dir meanwhile.
	if err := checkTarget(dir, force); err != nil {
		return err
	}
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := output.RenameTemp(tmp, dir); err != nil {
			if _, lerr := os.Lstat(dir); lerr == nil {
				return &output.ExistsError{Dir: dir} // made in the meantime
			}
			return fmt.Errorf("output: %w", err)
		}
		syncDir(filepath.Dir(dir))
		return nil
	}
	old, err := output.MkdirBeside(dir, "old")
	if err != nil {
		return err
	}
	// Rename cannot move a folder onto one that is not empty (on some
	// systems, onto any folder): the name was taken by making a folder,
	// and is freed for the old one.
	if err := os.Remove(old); err != nil {
		output.RemoveTemp(old)
		return fmt.Errorf("output: %w", err)
	}
	if err := output.SwapTemp(tmp, dir, old); err != nil {
		return err
	}
	syncDir(filepath.Dir(dir))
	if err := output.RemoveTemp(old); err != nil {
		return fmt.Errorf("output: wrote %s, but could not remove the folder it replaced, now %s: %w", dir, old, err)
	}
	return nil
}

// checkNames makes sure every file has a name of its own inside the
// folder.
func checkNames(files []output.File) error {
	seen := map[string]bool{}
	for _, f := range files {
		name := filepath.FromSlash(f.Name)
		if f.Name == "" || !filepath.IsLocal(name) || path.Clean(f.Name) != f.Name {
			return fmt.Errorf("output: %q is not a file name inside a folder", f.Name)
		}
		if f.Name == ManifestFile {
			return fmt.Errorf("output: %s is the folder's manifest, written by folder.Write", f.Name)
		}
		if seen[f.Name] {
			return fmt.Errorf("output: two files named %s", f.Name)
		}
		if f.Write == nil {
			return fmt.Errorf("output: %s has nothing to write", f.Name)
		}
		seen[f.Name] = true
	}
	return nil
}

// writeFile writes f into the folder tmp and hands it to syncs, which
// flushes it to the disk and closes it. It returns the file's entry in the
// manifest.
func writeFile(tmp string, f output.File, syncs *syncer) (e manifestEntry, err error) {
	p := filepath.Join(tmp, filepath.FromSlash(f.Name))
	// The file's folders are made one by one below tmp, never tmp itself:
	// an interrupt that removed tmp is not undone.
	at := tmp
	for _, part := range strings.Split(path.Dir(f.Name), "/") {
		if part == "." {
			continue
		}
		at = filepath.Join(at, part)
		if err := os.Mkdir(at, 0o777); err != nil && !errors.Is(err, fs.ErrExist) {
			return e, fmt.Errorf("output: writing %s: %w", f.Name, err)
		}
	}
	out, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return e, fmt.Errorf("output: writing %s: %w", f.Name, err)
	}
	w := bufio.NewWriterSize(out, 1<<16)
	sum := newSummer(w)
	if err := f.Write(sum); err != nil {
		out.Close()
		return e, fmt.Errorf("output: writing %s: %w", f.Name, err)
	}
	if err := w.Flush(); err != nil {
		out.Close()
		return e, fmt.Errorf("output: writing %s: %w", f.Name, err)
	}
	syncs.add(f.Name, out)
	return sum.entry(), nil
}

// syncer flushes a folder's files to the disk and closes them, each on a
// goroutine of its own (at most maxSyncs at once), while the next files
// are written: the system gathers flushes made together into one write of
// its journal, and 40 files flushed one after the other took 40 to 60 ms
// where, together, they took 5.
type syncer struct {
	wg   sync.WaitGroup
	sem  chan struct{}
	mu   sync.Mutex
	errs []error // each file's error, in the order the files were added
}

// maxSyncs is the most files flushed at once.
const maxSyncs = 32

func newSyncer() *syncer { return &syncer{sem: make(chan struct{}, maxSyncs)} }

// add flushes f, the file name of the folder, and closes it.
func (s *syncer) add(name string, f *os.File) {
	s.mu.Lock()
	i := len(s.errs)
	s.errs = append(s.errs, nil)
	s.mu.Unlock()
	s.sem <- struct{}{}
	s.wg.Go(func() {
		defer func() { <-s.sem }()
		err := f.Sync()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			s.mu.Lock()
			s.errs[i] = fmt.Errorf("output: writing %s: %w", name, err)
			s.mu.Unlock()
		}
	})
}

// wait waits until every file added is flushed and closed, and returns the
// error of the first, in the order added, that failed.
func (s *syncer) wait() error {
	s.wg.Wait()
	for _, err := range s.errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// syncDir flushes a folder's entries to the disk, so that a rename in it
// survives a crash. Not every system can: it is done where it can be.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Read reads a run's output folder back into a Dataset: the run's
// description from summary.json's "run", and every table from its CSV file
// (expectation.csv only when the run had word of mouth; totals.csv when it
// is there, as folders of older versions lack it; claims.csv when it is
// there, in the folder of omnisim demo). An error names the file
// missing or broken.
func Read(dir string) (*output.Dataset, error) {
	if info, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil, badFolder("output: no such folder: %s", dir)
	} else if err == nil && !info.IsDir() {
		return nil, badFolder("output: %s is a file, not a run's output folder", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, SummaryFile)); errors.Is(err, fs.ErrNotExist) {
		return nil, badFolder("output: %s has no %s: is it a run's output folder?", dir, SummaryFile)
	}
	data, err := input.ReadFile(filepath.Join(dir, SummaryFile), "run's summary", maxSummarySize)
	if err != nil {
		return nil, err
	}
	var s struct {
		Run       *output.Meta `json:"run"`
		Command   string       `json:"command"`
		Sets      []string     `json:"sets"`
		Scenarios []string     `json:"scenario_files"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, badFolder("output: %s: %v", filepath.Join(dir, SummaryFile), err)
	}
	if s.Run == nil {
		for _, other := range []struct{ file, what, cmd string }{
			{"sweep.csv", "a sweep", "omnisim sweep"},
			{"compare.csv", "a comparison", "omnisim compare"},
			{"staffing.csv", "a staffing search", "omnisim staff"},
		} {
			// A run's folder has a staffing.csv too, and its intervals.csv.
			if exists(filepath.Join(dir, other.file)) && !exists(filepath.Join(dir, IntervalsFile)) {
				return nil, badFolder("output: %s is the output folder of %s, not of a run: its charts are drawn by %s (run it again with --force to redraw them)",
					dir, other.what, other.cmd)
			}
		}
		return nil, badFolder("output: %s has no \"run\" object", filepath.Join(dir, SummaryFile))
	}
	ds := &output.Dataset{Meta: *s.Run}
	ds.Meta.Command, ds.Meta.Sets = s.Command, s.Sets
	if len(s.Scenarios) > 0 {
		ds.Meta.ScenarioFile = s.Scenarios[0]
	}
	tables := []struct {
		name string
		t    **output.CSVTable
	}{
		{IntervalsFile, &ds.Intervals},
		{DailyFile, &ds.Daily},
		{CustomersFile, &ds.Customers},
		{StaffingFile, &ds.Staffing},
		{FlowsFile, &ds.Flows},
		{ExpectationFile, &ds.Expectation},
		{TotalsFile, &ds.Totals},
		{ClaimsFile, &ds.Claims},
	}
	var bads []error
	for _, tb := range tables {
		if tb.name == ExpectationFile && !ds.Meta.WordOfMouth {
			continue
		}
		if tb.name == TotalsFile && !exists(filepath.Join(dir, tb.name)) {
			continue // the folder of an omnisim before totals.csv
		}
		if tb.name == ClaimsFile && !exists(filepath.Join(dir, tb.name)) {
			continue // a run's folder: only demo's tells a story
		}
		// Every table is read, so that a folder tampered with in several
		// files is told at once.
		if *tb.t, err = readTable(filepath.Join(dir, tb.name), tb.name); err != nil {
			var bad *Error
			if !errors.As(err, &bad) {
				return nil, err
			}
			bads = append(bads, bad.err)
		}
	}
	if len(bads) > 0 {
		return nil, &Error{errors.Join(bads...)}
	}
	return ds, nil
}

// maxSummarySize bounds the summary.json plot and animate read: far more
// than a run of many channels and days writes.
const maxSummarySize = 256 << 20

// readTable reads one CSV file of a run's output folder, the table name,
// and checks what it holds (readCheckedTable).
func readTable(p, name string) (*output.CSVTable, error) {
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		return nil, badFolder("output: %s is missing", p)
	}
	f, err := input.Open(p, "table of a run's output folder")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readCheckedTable(p, name, bufio.NewReader(f))
}

// exists tells whether there is a file at p.
func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
