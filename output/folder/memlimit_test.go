package folder

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/omnisim/omnisim/output/chart"
)

// TestLimitMemory: writing a folder lowers the soft memory limit to
// folderMemory (or twice the live heap), never raises it, restores the
// limit before once the last of the folders written together is done, and
// leaves alone a limit GOMEMLIMIT sets. Seen to catch: the limit restored
// when the first of two folders ends; the user's GOMEMLIMIT overridden.
// Charts drawn by tests before may hold pixels mapped, which would lower the
// limit: they are taken as none here (see
// TestLimitMemoryLessMappedPixels).
func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	pixelsMapped(0)
	defer chart.WatchMappedPixels(pixelsMapped) // the real bytes again
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

// TestLimitMemoryLessMappedPixels: while a folder is written, the limit is
// the folder's less the bytes of chart images' pixels mapped apart from
// Go's heap, followed as they change; before and after, those bytes leave
// the limit alone. Seen to catch: the pixels not taken off when they were
// mapped before the folder started; the limit lowered after the folder.
func TestLimitMemoryLessMappedPixels(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	defer chart.WatchMappedPixels(pixelsMapped) // the real bytes again
	t.Setenv("GOMEMLIMIT", "")

	debug.SetMemoryLimit(8 << 30)
	pixelsMapped(8 << 20)
	if now := debug.SetMemoryLimit(-1); now != 8<<30 {
		t.Fatalf("pixels mapped with no folder written: limit %d, want the 8 GiB set", now)
	}
	done := LimitMemory()
	limits.Lock()
	folder := limits.folder
	limits.Unlock()
	if folder < folderMemory || folder >= 8<<30 {
		t.Fatalf("writing a folder: its limit %d, want from %d, under 8 GiB", folder, folderMemory)
	}
	for _, mapped := range []int64{8 << 20, 4 << 20, 12 << 20, 0} {
		if mapped != 8<<20 {
			pixelsMapped(mapped)
		}
		if now := debug.SetMemoryLimit(-1); now != folder-mapped {
			t.Errorf("writing a folder with %d bytes of pixels mapped: limit %d, want %d", mapped, now, folder-mapped)
		}
	}
	pixelsMapped(folder + 1)
	if now := debug.SetMemoryLimit(-1); now != 0 {
		t.Errorf("more pixels mapped than the folder's limit: limit %d, want 0", now)
	}
	done()
	pixelsMapped(4 << 20)
	if now := debug.SetMemoryLimit(-1); now != 8<<30 {
		t.Errorf("after the folder: limit %d, want the 8 GiB set before", now)
	}
}
