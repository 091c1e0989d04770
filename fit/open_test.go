package fit

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/omnisim/omnisim/internal/input"
)

// contactsHeader is the header of a log in omnisim's own format.
const contactsHeader = "replication,customer,channel,outcome,arrived_seconds,answered_seconds,ended_seconds\n"

// TestReadLongLine feeds a log whose second line never ends: it is
// refused at MaxLineSize, naming the line, instead of being held whole.
func TestReadLongLine(t *testing.T) {
	r := io.MultiReader(strings.NewReader(contactsHeader), &endless{b: 'x'})
	_, err := Read(r, ContactsFormat, func(*Record) {})
	if err == nil || err.Error() != "line 2 is longer than 1 MB, more than any log's line: is it a contact log (CSV text)?" {
		t.Errorf("got %v, want the long line refused", err)
	}
	// A header that never ends.
	_, err = Read(&endless{b: 0}, ContactsFormat, func(*Record) {})
	if err == nil || !strings.Contains(err.Error(), "line 1 is longer than 1 MB") {
		t.Errorf("got %v, want the long header refused", err)
	}
	// A line of MaxLineSize bytes is a row like any other.
	row := "0,1,phone,answered,0,0,60,"
	long := contactsHeader + row + strings.Repeat("x", MaxLineSize-len(row)) + "\n"
	if _, err := Read(strings.NewReader(long), ContactsFormat, func(*Record) {}); err != nil {
		t.Errorf("a line of MaxLineSize bytes: %v", err)
	}
}

// TestReadFailure checks that a log that cannot be read past some point
// is an error, not a row that cannot be read met again for ever.
func TestReadFailure(t *testing.T) {
	broken := errors.New("input/output error")
	r := io.MultiReader(strings.NewReader(contactsHeader+"0,1,phone,answered,0,0,60\n"), iotest.ErrReader(broken))
	_, err := Read(r, ContactsFormat, func(*Record) {})
	if !errors.Is(err, broken) {
		t.Errorf("got %v, want the reading error", err)
	}
}

// TestOpenLog checks that a log past MaxLogSize, or not a regular file,
// is refused by name before a byte is read, and one of MaxLogSize bytes
// exactly is opened. Seen to catch: open.go `info.Size() > MaxLogSize` →
// `>=`.
func TestOpenLog(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "huge.csv")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: its size without its bytes.
	if err := f.Truncate(MaxLogSize + 1); err != nil {
		f.Close()
		t.Skipf("cannot make a file of 4 GB: %v", err)
	}
	f.Close()
	_, err = OpenLog(big)
	var ie *input.Error
	if !errors.As(err, &ie) || err.Error() != big+": is larger than 4 GB, the most a contact log may be" {
		t.Errorf("got %v, want the log refused by its size", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, err := OpenLog("/dev/zero"); !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), "/dev/zero: is not a regular file") {
			t.Errorf("got %v, want /dev/zero refused", err)
		}
	}
	// A log of MaxLogSize bytes exactly is at most MaxLogSize: read.
	if err := os.Truncate(big, MaxLogSize); err != nil {
		t.Fatal(err)
	}
	if f, err := OpenLog(big); err != nil {
		t.Errorf("a log of MaxLogSize bytes: %v, want it opened", err)
	} else {
		f.Close()
	}
	small := filepath.Join(dir, "log.csv")
	if err := os.WriteFile(small, []byte(contactsHeader), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err = OpenLog(small)
	if err != nil {
		t.Fatalf("a small log: %v", err)
	}
	f.Close()
}

// endless is a reader of one byte for ever, as /dev/zero is.
type endless struct{ b byte }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.b
	}
	return len(p), nil
}
