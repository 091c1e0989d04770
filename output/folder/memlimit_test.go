package folder

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestLimitMemory: writing a folder lowers the soft memory limit to
// folderMemory (or twice the live heap), never raises it, restores the
// limit before once the last of the folders written together is done, and
// leaves alone a limit GOMEMLIMIT sets. Seen to catch: the limit restored
// when the first of two folders ends; the user's GOMEMLIMIT overridden.
func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	t.Setenv("GOMEMLIMIT", "")

	debug.SetMemoryLimit(8 << 30)
	done1 := LimitMemory()
	got := debug.SetMemoryLimit(-1)
	if got < folderMemory || got >= 8<<30 {
		t.Errorf("writing a folder: limit %d, want from %d, under the 8 GiB set before", got, folderMemory)
	}
	done2 := LimitMemory()
	done1()
	if now := debug.SetMemoryLimit(-1); now != got {
		t.Errorf("with a folder still written: limit %d, want %d", now, got)
	}
	done2()
	if now := debug.SetMemoryLimit(-1); now != 8<<30 {
		t.Errorf("after the folders: limit %d, want the 8 GiB set before", now)
	}

	debug.SetMemoryLimit(1 << 20)
	LimitMemory()()
	if now := debug.SetMemoryLimit(-1); now != 1<<20 {
		t.Errorf("under a lower limit: %d, want it kept (1 MiB)", now)
	}

	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetMemoryLimit(math.MaxInt64)
	done := LimitMemory()
	if now := debug.SetMemoryLimit(-1); now != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set: limit %d, want it left alone", now)
	}
	done()
}
