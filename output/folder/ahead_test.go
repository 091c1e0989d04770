package folder

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/omnisim/omnisim/output"
)

// TestWriteDrawsAhead: files marked Ahead are made before their turn,
// concurrently, yet the folder holds each file's own bytes, and a file
// drawn ahead that fails fails the folder with its name, leaving nothing.
// Seen to catch: a worker writing into the buffer of the file before it.
func TestWriteDrawsAhead(t *testing.T) {
	files := func(failing int) []output.File {
		var fs []output.File
		for i := range 40 {
			name := fmt.Sprintf("f%02d.txt", i)
			fs = append(fs, output.File{Name: name, Ahead: i%3 != 0, Write: func(w io.Writer) error {
				if i == failing {
					return errors.New("broken")
				}
				_, err := io.WriteString(w, strings.Repeat(name, i+1))
				return err
			}})
		}
		return fs
	}
	dir := filepath.Join(t.TempDir(), "out")
	if err := Write(dir, files(-1), false); err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		name := fmt.Sprintf("f%02d.txt", i)
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.Repeat(name, i+1); string(b) != want {
			t.Errorf("%s holds %q, want %q", name, b, want)
		}
	}
	bad := filepath.Join(t.TempDir(), "bad")
	err := Write(bad, files(17), false)
	if err == nil || !strings.Contains(err.Error(), "f17.txt") || !strings.Contains(err.Error(), "broken") {
		t.Errorf("a failing file drawn ahead: %v, want its name and error", err)
	}
	if _, err := os.Stat(bad); err == nil {
		t.Errorf("the folder was written despite the failure")
	}
}
