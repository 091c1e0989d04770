package output

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes the file path through write, atomically: into a
// temporary file beside it (made with the same naming and cleanup as
// every temporary of omnisim's), flushed to the disk, readable by all
// (0644) and renamed to path once complete; path's folder is made if need
// be. Every file omnisim writes on its own (a chart, an animation, a
// fitted scenario, a part file, a folder's manifest) is written through
// it; the files of an output folder are written into a temporary folder
// renamed whole (the folder writer's MkdirBeside and SwapTemp).
//
// The writer write is given is buffered, and is also an io.WriterAt, for
// a file whose beginning is known only once the rest is written (a part
// file's header, with its payload's checksum): WriteAt flushes what was
// written, then writes at the offset.
//
// An error of write's is returned as it is; WriteFileAtomic's own errors
// begin "output: ".
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	tmp, err := createBeside(path, "tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			RemoveTemp(tmp.Name())
		}
	}()
	w := &fileWriter{Writer: bufio.NewWriterSize(tmp, 1<<16), f: tmp}
	if err := write(w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	// The temporary is private; the file is for everyone who can read the
	// folder.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if err := RenameTemp(tmp.Name(), path); err != nil {
		if errors.Is(err, ErrInterrupted) {
			return err
		}
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

// fileWriter is the writer WriteFileAtomic hands to its write function:
// the temporary file, buffered, and written at an offset by WriteAt.
type fileWriter struct {
	*bufio.Writer
	f *os.File
}

// WriteAt writes p at offset off of the file, after flushing what was
// written before.
func (w *fileWriter) WriteAt(p []byte, off int64) (int, error) {
	if err := w.Flush(); err != nil {
		return 0, err
	}
	return w.f.WriteAt(p, off)
}
