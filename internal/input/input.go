// Package input reads the files omnisim is given, bounded: only regular
// files (a symbolic link to one is followed), never more than a limit, so
// that a device, a pipe or a file named by mistake is refused at once with
// a message instead of being read without end.
package input

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Error is a file that cannot be read as an input: not there, not a
// regular file, or too large. It is bad input, not a failure.
type Error struct {
	// Path is the file; Msg says what is wrong, in words.
	Path, Msg string
}

func (e *Error) Error() string { return e.Path + ": " + e.Msg }

// Open opens the regular file at path for reading; what names it in
// messages ("scenario file", "staffing table").
func Open(path, what string) (*os.File, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &Error{path, "cannot read the " + what + ": no such file"}
	case err != nil:
		return nil, &Error{path, "cannot read the " + what + ": " + reason(err)}
	case info.IsDir():
		return nil, &Error{path, fmt.Sprintf("is a folder, not a %s", what)}
	case !info.Mode().IsRegular():
		return nil, &Error{path, fmt.Sprintf("is not a regular file (a device, a pipe or a socket), so it cannot be a %s", what)}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{path, "cannot read the " + what + ": " + reason(err)}
	}
	// The file may have been replaced since: check what was opened.
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, &Error{path, fmt.Sprintf("is not a regular file, so it cannot be a %s", what)}
	}
	return f, nil
}

// ReadFile reads the regular file at path, at most limit bytes: a larger
// file is refused, naming the limit.
func ReadFile(path, what string, limit int64) ([]byte, error) {
	f, err := Open(path, what)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &Error{path, "cannot read the " + what + ": " + reason(err)}
	}
	if int64(len(data)) > limit {
		return nil, &Error{path, fmt.Sprintf("is larger than %s, the most a %s may be", Size(limit), what)}
	}
	return data, nil
}

// Size writes a number of bytes for people: "16 MB", "512 KB".
func Size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// reason is err's cause in words, without the path os puts in front.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
