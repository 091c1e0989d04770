package folder

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"

	"github.com/omnisim/omnisim/output/chart"
)

// folderMemory is the soft memory limit (debug.SetMemoryLimit) while a
// folder is made and written, unless twice the heap live when it starts is
// more: issue 20 asks a 365-day baseline to stay under 100 MiB resident.
// Go lets its heap grow to twice what is live before it collects; the
// folder's tables and charts, and their drawing, would take a 365-day
// baseline to 172-178 MiB. Under this limit it peaks at 94 MiB, the
// collector working harder for it (0.2 to 0.4 s of processor time).
const folderMemory = 80 << 20

// limits counts the folders being written, and holds the limit there was
// before the first, the folders' limit, and the bytes of chart images'
// pixels mapped apart from Go's heap.
var limits struct {
	sync.Mutex
	writing int
	before  int64
	folder  int64 // the limit for the folders, mapped pixels aside
	mapped  int64 // chart.WatchMappedPixels's bytes
}

func init() { chart.WatchMappedPixels(pixelsMapped) }

// pixelsMapped is told the bytes of chart images' pixels that may be
// resident outside Go's heap (chart.WatchMappedPixels) and, while a folder
// is written, lowers the limit by them: Go's soft memory limit counts only
// the memory Go maps, and the folder's memory is all of it. Charts drawn
// on both cores of a 2-core machine map two images of 4 MiB, and the
// 365-day baseline peaked at 102 MiB with them uncounted, 94 with the
// images on Go's heap.
func pixelsMapped(bytes int64) {
	limits.Lock()
	defer limits.Unlock()
	limits.mapped = bytes
	if limits.writing > 0 {
		setFolderLimit()
	}
}

// setFolderLimit sets the soft memory limit to the folders' limit less the
// bytes of pixels mapped, never below 0 (the collector then runs as when
// the heap is over the limit, as it would with the pixels on the heap).
// limits must be held.
func setFolderLimit() {
	debug.SetMemoryLimit(max(limits.folder-limits.mapped, 0))
}

// LimitMemory sets the soft memory limit for a folder's writing (see
// folderMemory) and returns what restores the one before, once every
// folder being written is done: a lower limit stays. Write calls it; call it before making the
// folder's tables and charts too (Dataset, VisualFiles), for they take
// memory as well. A limit the user set (GOMEMLIMIT) is left
// as it is. The bytes of chart images' pixels mapped apart from Go's heap,
// which Go's limit does not count, are taken off it while they are mapped
// (chart.WatchMappedPixels).
func LimitMemory() (restore func()) {
	limits.Lock()
	defer limits.Unlock()
	if limits.writing == 0 {
		if os.Getenv("GOMEMLIMIT") != "" {
			return func() {}
		}
		limits.before = debug.SetMemoryLimit(-1)
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		limit := int64(folderMemory)
		if s[0].Value.Kind() == metrics.KindUint64 {
			limit = max(limit, 2*int64(min(s[0].Value.Uint64(), math.MaxInt64/4)))
		}
		limits.folder = min(limit, limits.before)
		setFolderLimit()
	}
	limits.writing++
	return func() {
		limits.Lock()
		defer limits.Unlock()
		if limits.writing--; limits.writing == 0 {
			debug.SetMemoryLimit(limits.before)
		}
	}
}
