package output

import (
	"fmt"
)

// ExistsError reports that a folder to be written is there already and is
// not to be replaced.
type ExistsError struct {
	// Dir is the folder.
	Dir string
	// Why, when not empty, tells why even --force would not replace it:
	// omnisim replaces only a folder holding nothing but the files it
	// wrote there, unchanged.
	Why string
}

// Error says what is there, and what to do.
func (e *ExistsError) Error() string {
	if e.Why != "" {
		return fmt.Sprintf("output: %s already exists and %s: --force replaces only a folder holding nothing but omnisim's own files; move the others out, or name another folder", e.Dir, e.Why)
	}
	return fmt.Sprintf("output: %s already exists: name another folder, or add --force to replace it", e.Dir)
}

// BadInput tells that an output folder already there is the command
// line's doing (name another, or give --force): the command exits with
// the status of bad input.
func (e *ExistsError) BadInput() bool { return true }
