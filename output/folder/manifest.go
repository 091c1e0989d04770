package folder

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/omnisim/omnisim/output"
)

// ManifestFile is the file, in every folder omnisim writes, that lists the
// files it wrote there, each with its size and SHA-256 checksum. --force
// replaces a folder, or a file in it, only while the manifest vouches for
// it: a file the user added, or changed since, is never deleted.
const ManifestFile = ".omnisim-manifest"

// manifestHeader is the manifest's first line, for a reader who opens it.
const manifestHeader = "# omnisim manifest: the files omnisim wrote into this folder (SHA-256, bytes, name); --force replaces only these, unchanged\n"

// maxNamed is the most file names a refusal lists before "and N more".
const maxNamed = 5

// manifestEntry is what the manifest records of one file.
type manifestEntry struct {
	size int64
	sum  string
}

// manifest maps a file's path in its folder, with slashes, to its entry.
type manifest map[string]manifestEntry

// summer counts and hashes what is written through it.
type summer struct {
	w    io.Writer
	h    hash.Hash
	size int64
}

func newSummer(w io.Writer) *summer { return &summer{w: w, h: sha256.New()} }

// Write writes p through, counting and hashing what was written.
func (s *summer) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	s.h.Write(p[:n])
	s.size += int64(n)
	return n, err
}

func (s *summer) entry() manifestEntry {
	return manifestEntry{size: s.size, sum: hex.EncodeToString(s.h.Sum(nil))}
}

// writeManifest writes m, sorted by name.
func writeManifest(w io.Writer, m manifest) error {
	names := make([]string, 0, len(m))
	for name := range m {
		names = append(names, name)
	}
	slices.Sort(names)
	b := bufio.NewWriter(w)
	b.WriteString(manifestHeader)
	for _, name := range names {
		e := m[name]
		fmt.Fprintf(b, "%s %d %s\n", e.sum, e.size, name)
	}
	return b.Flush()
}

// readManifest reads dir's manifest; ok is false when dir has none. A
// manifest that cannot be read vouches for nothing: an error.
func readManifest(dir string) (m manifest, ok bool, err error) {
	p := filepath.Join(dir, ManifestFile)
	info, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if !info.Mode().IsRegular() || info.Size() > 1<<24 {
		return nil, true, fmt.Errorf("its %s is not one omnisim wrote", ManifestFile)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, true, err
	}
	m = manifest{}
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if i == 0 && line+"\n" == manifestHeader {
			continue
		}
		fields := strings.SplitN(line, " ", 3)
		var size int64
		if len(fields) == 3 {
			size, err = strconv.ParseInt(fields[1], 10, 64)
		}
		if len(fields) != 3 || err != nil || len(fields[0]) != 2*sha256.Size || size < 0 || !filepath.IsLocal(filepath.FromSlash(fields[2])) {
			return nil, true, fmt.Errorf("its %s is damaged at line %d", ManifestFile, i+1)
		}
		m[fields[2]] = manifestEntry{size: size, sum: fields[0]}
	}
	return m, true, nil
}

// sumFile returns the manifest's entry for the file at p as it is now.
func sumFile(p string) (manifestEntry, error) {
	f, err := os.Open(p)
	if err != nil {
		return manifestEntry{}, err
	}
	defer f.Close()
	s := newSummer(io.Discard)
	if _, err := io.Copy(s, f); err != nil {
		return manifestEntry{}, err
	}
	return s.entry(), nil
}

// vouch checks the file name (with slashes) of the folder dir against m:
// "" if m lists it as it is, else why not, in words.
func (m manifest) vouch(dir, name string) (why string) {
	want, listed := m[name]
	if !listed {
		return "not written"
	}
	p := filepath.Join(dir, filepath.FromSlash(name))
	info, err := os.Lstat(p)
	if err != nil || !info.Mode().IsRegular() || info.Size() != want.size {
		return "changed"
	}
	if got, err := sumFile(p); err != nil || got != want {
		return "changed"
	}
	return ""
}

// foreignFiles lists the files under dir that omnisim cannot vouch for:
// added (not written by omnisim) and changed since omnisim wrote them.
// With a manifest, a file must be listed in it, with the same size and
// checksum. A folder written before manifests (none there) is omnisim's
// only if its summary.json was written by omnisim and lists in its "files"
// every file the folder holds. The error tells why the folder cannot be
// judged at all.
func foreignFiles(dir string) (added, changed []string, err error) {
	m, ok, err := readManifest(dir)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		if m, err = legacyManifest(dir); err != nil {
			return nil, nil, err
		}
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil || d.IsDir() || rel == ManifestFile {
			return err
		}
		name := filepath.ToSlash(rel)
		if !ok { // the legacy check: names only
			if _, listed := m[name]; !listed || !d.Type().IsRegular() {
				added = append(added, name)
			}
			return nil
		}
		switch m.vouch(dir, name) {
		case "not written":
			added = append(added, name)
		case "changed":
			changed = append(changed, name)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("cannot be read (%v)", err)
	}
	return added, changed, nil
}

// legacyManifest is the manifest of a folder an omnisim before manifests
// wrote: the names its summary.json lists in "files" (sizes unknown), and
// summary.json itself.
func legacyManifest(dir string) (manifest, error) {
	data, err := readSmallFile(filepath.Join(dir, SummaryFile))
	if err != nil {
		return nil, fmt.Errorf("was not written by omnisim: it has no %s (nor %s)", ManifestFile, SummaryFile)
	}
	var s struct {
		Version *string                    `json:"omnisim_version"`
		Files   map[string]json.RawMessage `json:"files"`
	}
	if json.Unmarshal(data, &s) != nil || s.Version == nil {
		return nil, fmt.Errorf("its %s was not written by omnisim", SummaryFile)
	}
	m := manifest{SummaryFile: {}}
	for name := range s.Files {
		m[name] = manifestEntry{}
	}
	return m, nil
}

// readSmallFile reads a regular file of at most 64 MB.
func readSmallFile(p string) ([]byte, error) {
	info, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() || info.Size() > 1<<26 {
		return nil, fmt.Errorf("%s is not a file omnisim wrote", p)
	}
	return os.ReadFile(p)
}

// nameList lists names for a message: "a, b and c", the first few and how
// many more.
func nameList(names []string) string {
	names = slices.Clone(names)
	slices.Sort(names)
	if len(names) > maxNamed {
		return strings.Join(names[:maxNamed], ", ") + fmt.Sprintf(" and %d more", len(names)-maxNamed)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// foreignWhy says in words what keeps --force from replacing files of a
// folder: "holds notes.txt, which omnisim did not write".
func foreignWhy(added, changed []string) string {
	var parts []string
	if len(added) > 0 {
		parts = append(parts, "holds "+nameList(added)+", which omnisim did not write")
	}
	switch {
	case len(changed) == 1:
		parts = append(parts, "its "+nameList(changed)+" was changed since omnisim wrote it")
	case len(changed) > 1:
		parts = append(parts, "its "+nameList(changed)+" were changed since omnisim wrote them")
	}
	return strings.Join(parts, ", and ")
}

// ForeignError reports files that --force would replace but that omnisim
// cannot vouch for: files it did not write, or changed since.
type ForeignError struct {
	// Dir is the folder the files are in.
	Dir string
	// Added are the files omnisim did not write; Changed those changed
	// since it wrote them. Paths are in Dir, with slashes.
	Added, Changed []string
}

// Error names the files omnisim did not write, or that changed since.
func (e *ForeignError) Error() string {
	var parts []string
	if len(e.Added) > 0 {
		parts = append(parts, nameList(e.Added)+", which omnisim did not write")
	}
	switch {
	case len(e.Changed) == 1:
		parts = append(parts, nameList(e.Changed)+", changed since omnisim wrote it")
	case len(e.Changed) > 1:
		parts = append(parts, nameList(e.Changed)+", changed since omnisim wrote them")
	}
	return fmt.Sprintf("output: in %s, --force would replace %s: it replaces only files omnisim wrote there, unchanged (its %s lists them); move them out of the way, or name another folder",
		e.Dir, strings.Join(parts, "; and "), ManifestFile)
}

// CheckReplace tells whether the files names (paths in root, with slashes)
// may be written into the folder root, replacing those already there: an
// error (a *ForeignError) naming every one that is there and that root's
// manifest does not vouch for. A file not there yet is always fine. In a
// folder written before manifests, a file its summary.json lists is
// omnisim's.
func CheckReplace(root string, names []string) error {
	m, ok, err := readManifest(root)
	if err != nil {
		return &ForeignError{Dir: root, Added: existing(root, names)}
	}
	var legacy manifest
	if !ok {
		legacy, _ = legacyManifest(root)
	}
	e := &ForeignError{Dir: root}
	for _, name := range existing(root, names) {
		if !ok {
			if _, listed := legacy[name]; !listed {
				e.Added = append(e.Added, name)
			}
			continue
		}
		switch m.vouch(root, name) {
		case "not written":
			e.Added = append(e.Added, name)
		case "changed":
			e.Changed = append(e.Changed, name)
		}
	}
	if len(e.Added)+len(e.Changed) > 0 {
		return e
	}
	return nil
}

// existing returns the names that are there in root.
func existing(root string, names []string) []string {
	var there []string
	for _, name := range names {
		if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(name))); err == nil {
			there = append(there, name)
		}
	}
	return there
}

// RecordFiles adds the files names (paths in root, with slashes), as they
// are now, to root's manifest, making it if root has none: omnisim wrote
// them, and --force may replace them later. A folder written before
// manifests, one whose summary.json lists its files, is left without one:
// a manifest of a few of its files would disown the rest.
func RecordFiles(root string, names []string) error {
	m, ok, err := readManifest(root)
	if err != nil {
		m = manifest{}
	}
	if !ok {
		if _, lerr := legacyManifest(root); lerr == nil {
			return nil
		}
		m = manifest{}
	}
	for _, name := range names {
		e, err := sumFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			return fmt.Errorf("output: %w", err)
		}
		m[name] = e
	}
	return output.WriteFileAtomic(filepath.Join(root, ManifestFile), func(w io.Writer) error {
		if err := writeManifest(w, m); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		return nil
	})
}

// BadInput tells that a ForeignError is about what the user gave, not a
// failure of the machine: a folder holding files omnisim will not replace.
func (e *ForeignError) BadInput() bool { return true }
