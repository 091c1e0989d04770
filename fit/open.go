package fit

import (
	"fmt"
	"io"
	"os"

	"github.com/omnisim/omnisim/internal/input"
)

// The limits on what fit reads. A log is read as a stream, so its size
// bounds the time it takes, not memory; a line is held whole while it is
// read, so its length bounds memory.
const (
	// MaxLogSize is the largest contact log fit reads: years of a large
	// centre's contacts.
	MaxLogSize = 4 << 30
	// MaxLineSize is the longest line of a log: a file with no line
	// breaks (a binary, a compressed log) is refused at this length.
	MaxLineSize = 1 << 20
)

// OpenLog opens the contact log at path: a regular file (a device, a pipe
// or a folder is refused at once, naming it) of at most MaxLogSize bytes.
func OpenLog(path string) (*os.File, error) {
	f, err := input.Open(path, "contact log")
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil && info.Size() > MaxLogSize {
		f.Close()
		return nil, &input.Error{Path: path, Msg: fmt.Sprintf("is larger than %s, the most a contact log may be", input.Size(MaxLogSize))}
	}
	return f, nil
}

// longLineError is a line longer than MaxLineSize: the log itself is
// wrong, not a row of it.
type longLineError struct{ line, max int }

func (e *longLineError) Error() string {
	return fmt.Sprintf("line %d is longer than %s, more than any log's line: is it a contact log (CSV text)?", e.line, input.Size(int64(e.max)))
}

// lineLimit reads r, failing with a longLineError once a line runs past
// max bytes, so that a log without line breaks is refused before it fills
// memory: encoding/csv holds a whole line, however long.
type lineLimit struct {
	r    io.Reader
	max  int
	run  int // bytes since the last line break
	line int // the line being read, from 1
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for _, b := range p[:n] {
		if b == '\n' {
			l.run = 0
			l.line++
			continue
		}
		if l.run++; l.run > l.max {
			return 0, &longLineError{line: l.line, max: l.max}
		}
	}
	return n, err
}
